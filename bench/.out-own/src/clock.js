export const systemClock = (offsetMs = 0) => ({ now: () => Date.now() + offsetMs });
/** A clock tests set and advance by hand. */
export class ManualClock {
    t;
    constructor(t = Date.parse('2026-01-15T12:00:00Z')) {
        this.t = t;
    }
    now() {
        return this.t;
    }
    advance(ms) {
        this.t += ms;
    }
    set(t) {
        this.t = t;
    }
}
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
/** Parse `49h`, `-2d`, `30m`, `1d12h` into milliseconds (VOXPACT_CLOCK_OFFSET). */
export function parseDuration(text) {
    const s = text.trim();
    const m = /^([+-])?((?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+)$/.exec(s);
    if (!m)
        throw new Error(`VOXPACT_CLOCK_OFFSET must look like 49h, -2d or 1d12h (got '${text}')`);
    let total = 0;
    for (const part of m[2].matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g))
        total += Number(part[1]) * UNIT_MS[part[2]];
    return Math.round(m[1] === '-' ? -total : total);
}
export const iso = (ms) => new Date(ms).toISOString();
export const HOUR_MS = 3_600_000;
//# sourceMappingURL=clock.js.map