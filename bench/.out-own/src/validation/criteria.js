/**
 * The deterministic judge: validation_criteria checked against the deliverable, plus the
 * prompt-injection screen. Same input, same answer, no network; regexes run under a time
 * budget (regex.ts). Vocabulary (docs/validation.md):
 *
 *   must_include      string or list: each must appear (case-insensitive, Unicode-folded)
 *   must_not_include  string or list: none may appear (same folding)
 *   min_words         at least this many words (runs of non-space characters)
 *   max_words         at most this many words
 *   regex             `pattern` or `/pattern/flags` (i, m, s, u): must match somewhere
 *   json_schema       the deliverable must be JSON valid against this schema (json-schema.ts)
 */
import { createHash } from 'node:crypto';
import { detectInjection, fold } from './injection.js';
import { validateJson } from './json-schema.js';
import { parseUserRegex, testRegexes, REGEX_BUDGET_MS } from './regex.js';
export const CRITERIA_RUBRIC = 'voxpact.criteria.v1';
export const CRITERIA_MODEL = 'deterministic';
const list = (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const words = (text) => (text.trim() ? text.trim().split(/\s+/u).length : 0);
const folded = (s) => fold(s).folded;
/** Every check of `criteria` (may be null: only the injection screen) against `text`. */
export async function evaluateCriteria(criteria, text, budgetMs = REGEX_BUDGET_MS) {
    const checks = [];
    const c = criteria ?? {};
    const hay = folded(text);
    for (const s of list(c.must_include)) {
        const ok = hay.includes(folded(s));
        checks.push({ check: 'must_include', expected: s, passed: ok, detail: ok ? 'present' : 'missing' });
    }
    for (const s of list(c.must_not_include)) {
        const ok = !hay.includes(folded(s));
        checks.push({ check: 'must_not_include', expected: s, passed: ok, detail: ok ? 'absent' : 'present' });
    }
    const n = words(text);
    if (c.min_words !== undefined)
        checks.push({ check: 'min_words', expected: c.min_words, passed: n >= c.min_words, detail: `${n} words` });
    if (c.max_words !== undefined)
        checks.push({ check: 'max_words', expected: c.max_words, passed: n <= c.max_words, detail: `${n} words` });
    if (c.regex !== undefined)
        checks.push(await regexCheck(c.regex, text, budgetMs));
    if (c.json_schema !== undefined)
        checks.push(await schemaCheck(c.json_schema, text, budgetMs));
    const injection = detectInjection(text);
    checks.push({
        check: 'no_injection', expected: 'no instructions aimed at the judge', passed: !injection.detected,
        detail: injection.detected ? `instructions aimed at the judge: ${injection.hits.map((h) => `${h.pattern} ("${h.excerpt}")`).join('; ')}` : 'none found',
    });
    const undecided = checks.some((x) => x.passed === null);
    return { checks, injection, passed: checks.every((x) => x.passed === true), undecided };
}
async function regexCheck(spec, text, budgetMs) {
    const r = parseUserRegex(spec);
    if ('error' in r)
        return { check: 'regex', expected: spec, passed: null, detail: `regex ${r.error}` };
    const [out] = await testRegexes([{ source: r.source, flags: r.flags, text }], budgetMs);
    if (typeof out === 'boolean')
        return { check: 'regex', expected: spec, passed: out, detail: out ? 'matches' : 'no match' };
    return { check: 'regex', expected: spec, passed: null, detail: out === 'timeout' ? `regex ran out of its ${budgetMs} ms budget` : `regex ${out}` };
}
/**
 * JSON Schema in two passes: the first collects every (pattern, string) the schema could
 * test, those run in the regex worker under one budget, the second validates with the answers.
 */
async function schemaCheck(schema, text, budgetMs) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (e) {
        return { check: 'json_schema', expected: 'valid JSON', passed: false, detail: `not JSON: ${e.message}` };
    }
    const tests = [];
    const key = (source, flags, v) => `${flags}/${source}/${v}`;
    const seen = new Map();
    validateJson(schema, value, (source, flags, v) => {
        const k = key(source, flags, v);
        if (!seen.has(k) && tests.length < 1000)
            (seen.set(k, tests.length), tests.push({ source, flags, text: v }));
        return true;
    });
    const outcomes = await testRegexes(tests, budgetMs);
    const bad = outcomes.find((o) => typeof o !== 'boolean');
    if (bad !== undefined)
        return { check: 'json_schema', expected: 'schema', passed: null, detail: bad === 'timeout' ? `a pattern ran out of its ${budgetMs} ms budget` : String(bad) };
    const r = validateJson(schema, value, (source, flags, v) => outcomes[seen.get(key(source, flags, v)) ?? -1] === true);
    if (r.exhausted)
        return { check: 'json_schema', expected: 'schema', passed: null, detail: r.errors.join('; ') };
    return { check: 'json_schema', expected: 'schema', passed: r.valid, detail: r.valid ? 'valid' : r.errors.join('; ') };
}
export const sha256 = (s) => createHash('sha256').update(s).digest('hex');
/** Canonical JSON: object keys sorted at every level (for hashes and signatures). */
export function canonicalJson(v) {
    return JSON.stringify(v, (_k, x) => (x && typeof x === 'object' && !Array.isArray(x)
        ? Object.fromEntries(Object.keys(x).sort().map((k) => [k, x[k]]))
        : x));
}
/** The criteria judge behind the common interface. */
export class CriteriaJudge {
    budgetMs;
    kind = 'criteria';
    constructor(budgetMs = REGEX_BUDGET_MS) {
        this.budgetMs = budgetMs;
    }
    async judge(task) {
        const criteria = (task.validation_criteria ?? null);
        const r = await evaluateCriteria(criteria, task.deliverable.text, this.budgetMs);
        const failed = r.checks.filter((x) => x.passed === false);
        const open = r.checks.filter((x) => x.passed === null);
        const reasoning = failed.length
            ? `Failed: ${failed.map((x) => `${x.check} ${JSON.stringify(x.expected)} (${x.detail})`).join('; ')}`.slice(0, 1000)
            : open.length ? `Could not decide: ${open.map((x) => `${x.check}: ${x.detail}`).join('; ')}`.slice(0, 1000)
                : `All ${r.checks.length} criteria checks passed.`;
        return {
            validator_type: 'criteria', model: CRITERIA_MODEL, rubric: CRITERIA_RUBRIC, rubric_sha256: sha256(CRITERIA_RUBRIC),
            prompt_hash: sha256(canonicalJson({ criteria, deliverable_sha256: task.deliverable.sha256 })),
            passed: r.passed, confidence: failed.length ? 1 : open.length ? 0.5 : 1, reasoning, checks: r.checks,
        };
    }
}
//# sourceMappingURL=criteria.js.map