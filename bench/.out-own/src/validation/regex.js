/**
 * Regular expressions written by a buyer (validation_criteria.regex, json_schema "pattern")
 * run against a deliverable written by a worker. JavaScript regexes backtrack, so a hostile or
 * careless pattern could hang the process. Two guards:
 *   1. a safe subset, checked when the job is posted: at most 500 characters, no
 *      backreferences, no lookbehind, no quantified group that itself contains a quantifier
 *      (`(a+)+`, `(x*y)*` — the classic catastrophic shapes);
 *   2. a time budget: patterns run in a worker thread that is terminated when the budget ends,
 *      so even a polynomial blow-up costs at most the budget.
 */
import { Worker } from 'node:worker_threads';
export const REGEX_MAX_CHARS = 500;
export const REGEX_BUDGET_MS = 500;
const WORKER_START_MS = 10_000;
const FLAGS_ALLOWED = /^[imsu]*$/;
/**
 * Parse `pattern` or `/pattern/flags` (flags among i, m, s, u) and check it is in the safe
 * subset. Returns the regex or the reason it is refused (a sentence an LLM can act on).
 */
export function parseUserRegex(spec) {
    if (spec.length > REGEX_MAX_CHARS)
        return { error: `must be at most ${REGEX_MAX_CHARS} characters` };
    let source = spec;
    let flags = '';
    const slashed = /^\/([\s\S]+)\/([a-z]*)$/.exec(spec);
    if (slashed) {
        if (!FLAGS_ALLOWED.test(slashed[2]))
            return { error: `flags must be among i, m, s, u (got '${slashed[2]}')` };
        source = slashed[1];
        flags = [...new Set(slashed[2])].join('');
    }
    try {
        new RegExp(source, flags);
    }
    catch (e) {
        return { error: `is not a valid regular expression: ${e.message}` };
    }
    const unsafe = unsafeShape(source);
    if (unsafe)
        return { error: `is outside the safe subset: ${unsafe}` };
    return { source, flags };
}
/** Why a pattern is unsafe, or null. A small scanner over the pattern's tokens. */
export function unsafeShape(source) {
    // Each open group records whether a quantifier occurred inside it.
    const groups = [];
    let inClass = false;
    for (let i = 0; i < source.length; i++) {
        const c = source[i];
        if (c === '\\') {
            const n = source[i + 1];
            if (!inClass && n !== undefined && /[1-9]/.test(n))
                return 'backreferences (\\1 …) are not allowed';
            if (!inClass && n === 'k' && source[i + 2] === '<')
                return 'named backreferences (\\k<…>) are not allowed';
            i++;
            continue;
        }
        if (inClass) {
            if (c === ']')
                inClass = false;
            continue;
        }
        if (c === '[') {
            inClass = true;
            continue;
        }
        if (c === '(') {
            if (source.startsWith('(?<=', i) || source.startsWith('(?<!', i))
                return 'lookbehind ((?<= …), (?<! …)) is not allowed';
            groups.push({ quantified: false });
            continue;
        }
        const quant = quantifierAt(source, i);
        if (c === ')') {
            const g = groups.pop();
            if (!g)
                continue; // unbalanced: RegExp() already refused it
            const after = quantifierAt(source, i + 1);
            if (after && after.repeats && g.quantified)
                return 'a repeated group must not contain a repetition (nested quantifiers like (a+)+ can take exponential time)';
            if (groups.length && (g.quantified || (after && after.repeats)))
                groups[groups.length - 1].quantified = true;
            if (after)
                i += after.length;
            continue;
        }
        if (quant) {
            if (quant.repeats && groups.length)
                groups[groups.length - 1].quantified = true;
            i += quant.length - 1;
        }
    }
    return null;
}
/** A quantifier starting at `i`: its length and whether it repeats (more than once). */
function quantifierAt(s, i) {
    const c = s[i];
    let len = 0;
    let repeats = false;
    if (c === '*' || c === '+')
        (len = 1), (repeats = true);
    else if (c === '?')
        len = 1;
    else if (c === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(s.slice(i, i + 24));
        if (!m)
            return null;
        len = m[0].length;
        const max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
        repeats = max > 1;
    }
    else
        return null;
    if (s[i + len] === '?' || s[i + len] === '+')
        len++; // lazy / possessive-looking suffix
    return { length: len, repeats };
}
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const out = workerData.tests.map((t) => {
  try { return new RegExp(t.source, t.flags).test(t.text); } catch (e) { return 'error: ' + e.message; }
});
parentPort.postMessage(out);
`;
/**
 * Run the tests in a worker thread within `budgetMs`. Never throws: a timeout or a crashed
 * worker answers 'timeout' / 'error: …' for every test, so the caller can report it.
 */
export function testRegexes(tests, budgetMs = REGEX_BUDGET_MS) {
    if (tests.length === 0)
        return Promise.resolve([]);
    return new Promise((resolve) => {
        let settled = false;
        let timer;
        const done = (v) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            clearTimeout(startup);
            void worker.terminate();
            resolve(v);
        };
        const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { tests }, resourceLimits: { maxOldGenerationSizeMb: 128 } });
        // The budget counts from when the worker runs, so a slow thread start does not eat it.
        const startup = setTimeout(() => done(tests.map(() => 'error: regex worker did not start')), WORKER_START_MS);
        worker.once('online', () => (timer = setTimeout(() => done(tests.map(() => 'timeout')), budgetMs)));
        worker.once('message', (v) => done(v));
        worker.once('error', (e) => done(tests.map(() => `error: ${e.message}`)));
        worker.once('exit', () => done(tests.map(() => 'error: regex worker exited')));
    });
}
//# sourceMappingURL=regex.js.map