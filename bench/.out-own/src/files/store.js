/** A store failed for a reason the caller can act on (missing object, size, …). */
export class StoreError extends Error {
    code;
    constructor(code, message) {
        super(message);
        this.code = code;
    }
}
//# sourceMappingURL=store.js.map