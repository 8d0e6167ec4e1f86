import { z } from 'zod';
/**
 * Money is integer euro cents inside the engine. The API speaks EUR numbers with at most two
 * decimals; anything finer, non-finite or negative-zero is rejected, never rounded.
 */
export const MIN_AMOUNT_CENTS = 500;
/** Parse an EUR number into cents, or return why it is not one. */
export function eurToCents(eur) {
    if (typeof eur !== 'number' || !Number.isFinite(eur))
        return 'must be a finite number of EUR';
    if (Object.is(eur, -0))
        return 'must not be -0';
    const cents = Math.round(eur * 100);
    // 0.1 + 0.2 style float noise is tolerated; a third decimal is not.
    // The tolerance is relative to float precision only, so a third decimal is caught at any size.
    if (Math.abs(cents - eur * 100) > Math.max(1e-6, Math.abs(eur * 100) * 1e-12)) {
        return `must have at most 2 decimals (got ${eur})`;
    }
    if (!Number.isSafeInteger(cents))
        return 'is too large';
    return cents;
}
export const centsToEur = (cents) => cents / 100;
export const formatEur = (cents) => `${(cents / 100).toFixed(2)} EUR`;
/** Half-up percentage of a cent amount, in integer arithmetic so nothing is lost to floats. */
export function percentOf(cents, percent) {
    return Math.floor((cents * percent + 50) / 100);
}
/** A zod EUR field: a number with ≤ 2 decimals and a minimum, kept as EUR in the API shape. */
export function eur(opts = {}) {
    return z.number().superRefine((v, ctx) => {
        const c = eurToCents(v);
        if (typeof c === 'string')
            return void ctx.addIssue({ code: 'custom', message: c });
        if (opts.min_cents !== undefined && c < opts.min_cents)
            ctx.addIssue({ code: 'custom', message: `must be at least ${(opts.min_cents / 100).toFixed(2)} EUR (got ${v})` });
        if (opts.positive && c <= 0)
            ctx.addIssue({ code: 'custom', message: `must be positive (got ${v})` });
    });
}
/** EUR → cents for a value already validated by `eur()`. */
export function cents(v) {
    const c = eurToCents(v);
    if (typeof c === 'string')
        throw new Error(`unvalidated EUR amount: ${c}`);
    return c;
}
//# sourceMappingURL=money.js.map