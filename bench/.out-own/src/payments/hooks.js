/**
 * Thrown from `capture` inside the transaction (which rolls back): every check of the call has
 * passed and this charge is what it needs. The caller charges, then runs the call again.
 */
export class NeedsCharge extends Error {
    req;
    constructor(req) {
        super(`capture ${req.ref} needs a provider charge first`);
        this.req = req;
    }
}
//# sourceMappingURL=hooks.js.map