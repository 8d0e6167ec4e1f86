/**
 * A small JSON Schema subset for validation_criteria.json_schema: enough to say what shape a
 * JSON deliverable must have, nothing that can run away. Supported keywords:
 *
 *   type (object, array, string, number, integer, boolean, null, or a list of them),
 *   properties, required, additionalProperties (boolean or schema), minProperties, maxProperties,
 *   items (one schema), minItems, maxItems, uniqueItems,
 *   enum, const, minLength, maxLength, pattern (safe subset, time-budgeted: regex.ts),
 *   minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf,
 *   allOf, anyOf, oneOf, not,
 *   and the annotations $schema, $id, title, description, default, examples, $comment, format
 *   (format is not asserted).
 *
 * Anything else ($ref, if/then/else, patternProperties, …) is refused when the job is posted,
 * so a criterion never silently checks less than the buyer wrote. Work is bounded: schema
 * depth ≤ 32, at most 200 000 steps per validation, at most 20 errors reported.
 */
import { parseUserRegex } from './regex.js';
const ASSERTIONS = new Set([
    'type', 'properties', 'required', 'additionalProperties', 'minProperties', 'maxProperties', 'items', 'minItems', 'maxItems', 'uniqueItems',
    'enum', 'const', 'minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf',
    'allOf', 'anyOf', 'oneOf', 'not',
]);
const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description', 'default', 'examples', '$comment', 'format']);
const TYPES = new Set(['object', 'array', 'string', 'number', 'integer', 'boolean', 'null']);
export const SCHEMA_MAX_DEPTH = 32;
const MAX_STEPS = 200_000;
const MAX_ERRORS = 20;
const isObj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Check a schema uses only the supported vocabulary. Returns problems (empty when fine). */
export function checkSchema(schema, path = '#', depth = 0, out = []) {
    if (out.length >= MAX_ERRORS)
        return out;
    if (typeof schema === 'boolean')
        return out;
    if (!isObj(schema))
        return (out.push(`${path} must be an object or a boolean`), out);
    if (depth > SCHEMA_MAX_DEPTH)
        return (out.push(`${path} nests deeper than ${SCHEMA_MAX_DEPTH} levels`), out);
    for (const [k, v] of Object.entries(schema)) {
        const at = `${path}/${k}`;
        if (ANNOTATIONS.has(k))
            continue;
        if (!ASSERTIONS.has(k)) {
            out.push(`${at}: keyword '${k}' is not supported (supported: ${[...ASSERTIONS].join(', ')})`);
            continue;
        }
        switch (k) {
            case 'type': {
                const ts = Array.isArray(v) ? v : [v];
                if (!ts.length || ts.some((t) => typeof t !== 'string' || !TYPES.has(t)))
                    out.push(`${at} must be one of ${[...TYPES].join(', ')} or a list of them`);
                break;
            }
            case 'properties':
                if (!isObj(v))
                    out.push(`${at} must be an object of schemas`);
                else
                    for (const [p, s] of Object.entries(v))
                        checkSchema(s, `${at}/${p}`, depth + 1, out);
                break;
            case 'required':
                if (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))
                    out.push(`${at} must be a list of property names`);
                break;
            case 'additionalProperties':
            case 'items':
            case 'not':
                checkSchema(v, at, depth + 1, out);
                break;
            case 'allOf':
            case 'anyOf':
            case 'oneOf':
                if (!Array.isArray(v) || v.length === 0 || v.length > 50)
                    out.push(`${at} must be a list of 1–50 schemas`);
                else
                    v.forEach((s, i) => checkSchema(s, `${at}/${i}`, depth + 1, out));
                break;
            case 'enum':
                if (!Array.isArray(v) || v.length > 500)
                    out.push(`${at} must be a list of at most 500 values`);
                break;
            case 'pattern': {
                if (typeof v !== 'string')
                    out.push(`${at} must be a string`);
                else {
                    const r = parseUserRegex(v);
                    if ('error' in r)
                        out.push(`${at} ${r.error}`);
                }
                break;
            }
            case 'uniqueItems':
                if (typeof v !== 'boolean')
                    out.push(`${at} must be a boolean`);
                break;
            case 'const':
                break;
            case 'multipleOf':
                if (typeof v !== 'number' || !(v > 0))
                    out.push(`${at} must be a positive number`);
                break;
            default: // the numeric bounds
                if (typeof v !== 'number' || !Number.isFinite(v))
                    out.push(`${at} must be a number`);
        }
    }
    return out;
}
const typeOf = (v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' ? (Number.isInteger(v) ? 'integer' : 'number') : typeof v);
const canonical = (v) => JSON.stringify(v, (_k, x) => (isObj(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x));
/**
 * Validate `value` against `schema`. `pattern` answers the `pattern` keyword (the caller runs
 * regexes under a time budget: see criteria.ts). Bounded by steps; when they run out the
 * result is invalid with `exhausted: true`.
 */
export function validateJson(schema, value, pattern) {
    let steps = 0;
    let exhausted = false;
    const errors = [];
    const check = (s, v, path, errs) => {
        if (++steps > MAX_STEPS)
            return (exhausted = true), false;
        const fail = (msg) => {
            if (errs && errs.length < MAX_ERRORS)
                errs.push(`${path || '(root)'}: ${msg}`);
            return false;
        };
        if (s === true)
            return true;
        if (s === false)
            return fail('no value is allowed here');
        let ok = true;
        const t = typeOf(v);
        if (s.type !== undefined) {
            const ts = (Array.isArray(s.type) ? s.type : [s.type]);
            if (!ts.some((x) => x === t || (x === 'number' && t === 'integer')))
                return fail(`must be ${ts.join(' or ')} (got ${t})`);
        }
        if (s.enum !== undefined && !s.enum.some((e) => canonical(e) === canonical(v)))
            ok = fail(`must be one of ${JSON.stringify(s.enum).slice(0, 200)}`);
        if (s.const !== undefined && canonical(s.const) !== canonical(v))
            ok = fail(`must be ${JSON.stringify(s.const).slice(0, 200)}`);
        if (typeof v === 'string') {
            const len = [...v].length;
            if (typeof s.minLength === 'number' && len < s.minLength)
                ok = fail(`must be at least ${s.minLength} characters (got ${len})`);
            if (typeof s.maxLength === 'number' && len > s.maxLength)
                ok = fail(`must be at most ${s.maxLength} characters (got ${len})`);
            if (typeof s.pattern === 'string') {
                const r = parseUserRegex(s.pattern);
                if ('error' in r)
                    ok = fail(`pattern ${r.error}`);
                else if (!pattern(r.source, r.flags, v))
                    ok = fail(`must match the pattern ${s.pattern}`);
            }
        }
        if (typeof v === 'number') {
            if (typeof s.minimum === 'number' && v < s.minimum)
                ok = fail(`must be ≥ ${s.minimum}`);
            if (typeof s.maximum === 'number' && v > s.maximum)
                ok = fail(`must be ≤ ${s.maximum}`);
            if (typeof s.exclusiveMinimum === 'number' && v <= s.exclusiveMinimum)
                ok = fail(`must be > ${s.exclusiveMinimum}`);
            if (typeof s.exclusiveMaximum === 'number' && v >= s.exclusiveMaximum)
                ok = fail(`must be < ${s.exclusiveMaximum}`);
            if (typeof s.multipleOf === 'number' && Math.abs(v / s.multipleOf - Math.round(v / s.multipleOf)) > 1e-9)
                ok = fail(`must be a multiple of ${s.multipleOf}`);
        }
        if (Array.isArray(v)) {
            if (typeof s.minItems === 'number' && v.length < s.minItems)
                ok = fail(`must have at least ${s.minItems} items (got ${v.length})`);
            if (typeof s.maxItems === 'number' && v.length > s.maxItems)
                ok = fail(`must have at most ${s.maxItems} items (got ${v.length})`);
            if (s.uniqueItems === true && new Set(v.map(canonical)).size !== v.length)
                ok = fail('items must be unique');
            if (s.items !== undefined)
                v.forEach((x, i) => { if (!check(s.items, x, `${path}[${i}]`, errs))
                    ok = false; });
        }
        if (isObj(v)) {
            const keys = Object.keys(v);
            if (typeof s.minProperties === 'number' && keys.length < s.minProperties)
                ok = fail(`must have at least ${s.minProperties} properties`);
            if (typeof s.maxProperties === 'number' && keys.length > s.maxProperties)
                ok = fail(`must have at most ${s.maxProperties} properties`);
            for (const r of s.required ?? [])
                if (!(r in v))
                    ok = fail(`is missing the required property '${r}'`);
            const props = (s.properties ?? {});
            for (const k of keys) {
                const sub = Object.prototype.hasOwnProperty.call(props, k) ? props[k] : s.additionalProperties;
                if (sub === undefined)
                    continue;
                if (sub === false && !Object.prototype.hasOwnProperty.call(props, k)) {
                    ok = fail(`has the property '${k}', which is not allowed`);
                    continue;
                }
                if (!check(sub, v[k], `${path}.${k}`, errs))
                    ok = false;
            }
        }
        if (Array.isArray(s.allOf))
            for (const sub of s.allOf)
                if (!check(sub, v, path, errs))
                    ok = false;
        if (Array.isArray(s.anyOf) && !s.anyOf.some((sub) => check(sub, v, path, null)))
            ok = fail('must match at least one schema of anyOf');
        if (Array.isArray(s.oneOf)) {
            const n = s.oneOf.filter((sub) => check(sub, v, path, null)).length;
            if (n !== 1)
                ok = fail(`must match exactly one schema of oneOf (matched ${n})`);
        }
        if (s.not !== undefined && check(s.not, v, path, null))
            ok = fail('must not match the schema of not');
        return ok;
    };
    const valid = check(schema, value, '', errors);
    if (exhausted)
        errors.push(`validation stopped after ${MAX_STEPS} steps`);
    return { valid: valid && !exhausted, errors, exhausted };
}
//# sourceMappingURL=json-schema.js.map