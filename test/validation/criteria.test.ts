/** The deterministic judge: every criterion, the regex guards and the JSON Schema subset. */
import { describe, expect, it } from 'vitest';
import { evaluateCriteria, CriteriaJudge } from '../../src/validation/criteria.js';
import { parseUserRegex, testRegexes, unsafeShape } from '../../src/validation/regex.js';
import { checkSchema, validateJson } from '../../src/validation/json-schema.js';
import { PostJobInput, ValidationCriteria } from '../../src/schemas.js';

const check = async (criteria: Record<string, unknown>, text: string) => {
  const r = await evaluateCriteria(ValidationCriteria.parse(criteria), text, 300);
  return Object.fromEntries(r.checks.filter((c) => c.check !== 'no_injection').map((c) => [`${c.check}:${JSON.stringify(c.expected)}`, c.passed]));
};

describe('criteria', () => {
  it('must_include / must_not_include: each string, case-insensitive, Unicode-folded', async () => {
    expect(await check({ must_include: ['Summary', 'ROI'], must_not_include: 'lorem' }, 'The SUMMARY shows the roi rose.')).toEqual({
      'must_include:"Summary"': true, 'must_include:"ROI"': true, 'must_not_include:"lorem"': true,
    });
    expect(await check({ must_include: 'summary', must_not_include: ['Lorem ipsum'] }, 'LOREM IPSUM dolor')).toEqual({
      'must_include:"summary"': false, 'must_not_include:"Lorem ipsum"': false,
    });
    // full-width and zero-width tricks do not hide a forbidden word, nor fake a required one away
    expect(await check({ must_not_include: 'lorem' }, 'ｌｏｒｅｍ')).toEqual({ 'must_not_include:"lorem"': false });
    expect(await check({ must_not_include: 'lorem' }, 'lo\u200brem')).toEqual({ 'must_not_include:"lorem"': false });
  });

  it('min_words / max_words count runs of non-space characters', async () => {
    expect(await check({ min_words: 3, max_words: 5 }, ' one  two\nthree ')).toEqual({ 'min_words:3': true, 'max_words:5': true });
    expect(await check({ min_words: 4 }, 'one two three')).toEqual({ 'min_words:4': false });
    expect(await check({ max_words: 2 }, 'one two three')).toEqual({ 'max_words:2': false });
    expect(await check({ min_words: 0, max_words: 1 }, '   ')).toEqual({ 'min_words:0': true, 'max_words:1': true });
  });

  it('regex: plain or /pattern/flags, must match somewhere', async () => {
    expect(await check({ regex: '^# Summary' }, '# Summary\nbody')).toEqual({ 'regex:"^# Summary"': true });
    expect(await check({ regex: '/^# summary$/im' }, 'intro\n# SUMMARY\nbody')).toEqual({ 'regex:"/^# summary$/im"': true });
    expect(await check({ regex: '\\d{4}-\\d{2}-\\d{2}' }, 'no date')).toEqual({ 'regex:"\\\\d{4}-\\\\d{2}-\\\\d{2}"': false });
  });

  it('json_schema: the deliverable must be JSON valid against the schema', async () => {
    const schema = { type: 'object', required: ['title', 'tags'], additionalProperties: false, properties: { title: { type: 'string', minLength: 3, pattern: '^[A-Z]' }, tags: { type: 'array', items: { type: 'string' }, minItems: 1, uniqueItems: true } } };
    const ok = await evaluateCriteria({ json_schema: schema }, JSON.stringify({ title: 'Report', tags: ['a', 'b'] }), 300);
    expect(ok.checks[0]).toMatchObject({ check: 'json_schema', passed: true });
    for (const [bad, why] of [
      ['not json', /not JSON/],
      [JSON.stringify({ title: 'report', tags: ['a'] }), /pattern/],
      [JSON.stringify({ title: 'Report', tags: [] }), /at least 1 items/],
      [JSON.stringify({ title: 'Report', tags: ['a', 'a'] }), /unique/],
      [JSON.stringify({ title: 'Report', tags: ['a'], extra: 1 }), /'extra', which is not allowed/],
      [JSON.stringify({ title: 'Report' }), /missing the required property 'tags'/],
    ] as const) {
      const r = await evaluateCriteria({ json_schema: schema }, bad, 300);
      expect(r.checks[0].passed, bad).toBe(false);
      expect(r.checks[0].detail).toMatch(why);
    }
  });

  it('the criteria judge answers through the common interface, deterministic', async () => {
    const j = new CriteriaJudge(300);
    const task = { job_id: 'j', title: 't', task_spec: {}, validation_criteria: { must_include: 'x' }, deliverable: { text: 'has x', content_type: 'text/plain', sha256: 'a'.repeat(64), size_bytes: 5 }, nonce: 'n' };
    const a = await j.judge(task);
    const b = await j.judge(task);
    expect(a).toEqual(b);
    expect(a).toMatchObject({ validator_type: 'criteria', passed: true, confidence: 1, model: 'deterministic', rubric: 'voxpact.criteria.v1' });
    expect(a.prompt_hash).toMatch(/^[0-9a-f]{64}$/);
    const fail = await j.judge({ ...task, deliverable: { ...task.deliverable, text: 'nothing' } });
    expect(fail).toMatchObject({ passed: false, confidence: 1 });
    expect(fail.reasoning).toMatch(/must_include "x" \(missing\)/);
  });
});

describe('regex guards', () => {
  it('refuses catastrophic shapes, backreferences and lookbehind when the job is posted', () => {
    for (const [re, why] of [
      ['(a+)+$', /nested quantifiers/], ['(x*y*)*z', /nested quantifiers/], ['((ab)*c)+', /nested quantifiers/], ['(\\w+\\s?){2,}$', /nested quantifiers/],
      ['(a)\\1', /backreferences/], ['(?<n>a)\\k<n>', /named backreferences/], ['(?<=a)b', /lookbehind/], ['x'.repeat(501), /at most 500/],
      ['(unclosed', /not a valid regular expression/], ['/a/g', /flags must be among/],
    ] as const) {
      const r = parseUserRegex(re);
      expect('error' in r ? r.error : 'accepted', re).toMatch(why);
    }
    for (const re of ['^# Summary', '(ab|cd)+', '[a-z]+@[a-z]+\\.com', '(?:foo)?bar{2,3}', '\\(a+\\)+', '[(a+)+]', '(a{1})+']) {
      expect(unsafeShape(re), re).toBeNull();
    }
    const base = { title: 'Summarise this', task_spec: {}, amount: 5, worker_agent_id: 'ag_0123456789ABCDEF' };
    const bad = PostJobInput.safeParse({ ...base, validation_criteria: { regex: '(a+)+$' } });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]).toMatchObject({ path: ['validation_criteria', 'regex'] });
    expect(PostJobInput.safeParse({ ...base, validation_criteria: { regex: '^ok' } }).success).toBe(true);
  });

  it('a slow pattern runs out of its time budget instead of hanging the process', async () => {
    const slow = '^\\s*\\s*\\s*\\s*\\s*\\s*x$'; // in the subset, but polynomial on a long run of spaces
    expect(unsafeShape(slow)).toBeNull();
    const t0 = Date.now();
    const [r] = await testRegexes([{ source: slow, flags: '', text: ' '.repeat(5000) }], 200);
    expect(r).toBe('timeout');
    expect(Date.now() - t0).toBeLessThan(5000);
    const res = await evaluateCriteria({ regex: slow }, ' '.repeat(5000), 200);
    expect(res.checks[0]).toMatchObject({ check: 'regex', passed: null, detail: expect.stringMatching(/budget/) });
    expect(res).toMatchObject({ passed: false, undecided: true });
    const judged = await new CriteriaJudge(200).judge({ job_id: 'j', title: 't', task_spec: {}, validation_criteria: { regex: slow }, deliverable: { text: ' '.repeat(5000), content_type: 'text/plain', sha256: '', size_bytes: 5000 }, nonce: 'n' });
    expect(judged).toMatchObject({ passed: false, confidence: 0.5 });
  });
});

describe('JSON Schema subset', () => {
  it('refuses keywords it does not implement, so a criterion never checks less than written', () => {
    expect(checkSchema({ type: 'object', $ref: '#/x' })).toEqual([expect.stringMatching(/'\$ref' is not supported/)]);
    expect(checkSchema({ properties: { a: { if: {}, then: {} } } })).toHaveLength(2);
    expect(checkSchema({ type: 'objekt' })).toEqual([expect.stringMatching(/must be one of/)]);
    expect(checkSchema({ properties: { a: { pattern: '(a+)+' } } })[0]).toMatch(/nested quantifiers/);
    expect(checkSchema({ title: 'x', description: 'y', format: 'email', type: 'string', maxLength: 3 })).toEqual([]);
    let deep: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 40; i++) deep = { items: deep };
    expect(checkSchema(deep).join()).toMatch(/deeper than 32/);
    const base = { title: 'Summarise this', task_spec: {}, amount: 5, worker_agent_id: 'ag_0123456789ABCDEF' };
    expect(PostJobInput.safeParse({ ...base, validation_criteria: { json_schema: { $ref: 'http://evil' } } }).success).toBe(false);
  });

  it('implements the subset', () => {
    const v = (s: unknown, x: unknown) => validateJson(s as any, x, () => true).valid;
    expect(v({ type: 'integer' }, 3)).toBe(true);
    expect(v({ type: 'integer' }, 3.5)).toBe(false);
    expect(v({ type: 'number', minimum: 1, exclusiveMaximum: 2 }, 2)).toBe(false);
    expect(v({ type: ['string', 'null'] }, null)).toBe(true);
    expect(v({ enum: [1, { a: 1 }] }, { a: 1 })).toBe(true);
    expect(v({ const: 'x' }, 'y')).toBe(false);
    expect(v({ anyOf: [{ type: 'string' }, { type: 'number' }] }, true)).toBe(false);
    expect(v({ oneOf: [{ type: 'number' }, { type: 'integer' }] }, 1)).toBe(false);
    expect(v({ not: { type: 'string' } }, 1)).toBe(true);
    expect(v({ allOf: [{ minLength: 1 }, { maxLength: 2 }] }, 'abc')).toBe(false);
    expect(v({ multipleOf: 0.01 }, 1.23)).toBe(true);
    expect(v({ minProperties: 1 }, {})).toBe(false);
    expect(v(false, 1)).toBe(false);
    expect(v({ maxLength: 2 }, '😀😀')).toBe(true); // characters, not UTF-16 units
  });

  it('bounds its work', () => {
    const big = Array.from({ length: 300_000 }, (_, i) => i);
    const r = validateJson({ items: { type: 'integer' } }, big, () => true);
    expect(r).toMatchObject({ valid: false, exhausted: true });
  });
});
