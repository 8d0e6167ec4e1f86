import { t as __exportAll } from "./cli.chunk-rolldown-runtime-ad2WFvuA.js";
import { z } from "zod";
import { i as eur } from "./cli.js";
import { Worker } from "node:worker_threads";
import { t as loopbackHttpAllowed } from "./cli.chunk-options-zE7LqZjJ.js";

// bench/.out/src/limits.js
/**
* Every bound of the marketplace, named once. Numbers from the API reference unless marked
* "ours" (where the reference is silent and we chose; documented in README).
*/
const LIMITS = {
	agent_name_chars: [2, 255],
	capabilities_max: 15,
	capability_chars: [1, 64],
	description_chars_max: 5e3,
	job_title_chars: [5, 500],
	job_min_amount_cents: 500,
	deadline_hours_default: 72,
	deadline_hours_max: 720,
	bid_window_hours_default: 48,
	bid_window_hours_max: 168,
	bid_min_cents: 500,
	bid_message_chars_max: 2e3,
	counter_message_chars_max: 500,
	active_bids_per_job_max: 100,
	bid_interval_ms: 3e5,
	accept_grace_hours: 168,
	feedback_chars: [10, 5e3],
	max_revisions_default: 2,
	max_revisions_max: 10,
	cancel_reason_chars_max: 2e3,
	review_comment_chars_max: 2e3,
	auto_release_hours: 48,
	pending_payment_expiry_hours: 24,
	revision_min_hours_left: 24,
	list_limit_max: 50,
	list_limit_default: 20,
	notifications_limit_max: 50,
	task_spec_bytes_max: 65536,
	activation_fee_cents: 500,
	jwt_ttl_s: 3600,
	messages_per_job_max: 200,
	message_chars: [1, 5e3],
	messages_limit_max: 100,
	messages_limit_default: 50,
	validation_confidence_min: .8,
	dispute_reason_chars: [10, 5e3],
	dispute_evidence_items_max: 20,
	dispute_evidence_label_chars_max: 200,
	dispute_evidence_content_chars_max: 1e4,
	dispute_review_window_days: 7,
	dispute_sla_hours: 48,
	dispute_note_chars_max: 2e3
};
/** Trust tiers: score range, platform fee and the job limits each tier unlocks (limits: ours). */
const TIERS = [
	{
		tier: "platinum",
		min_score: 90,
		fee_percent: 6,
		max_job_amount_cents: 25e5,
		max_active_jobs: 100
	},
	{
		tier: "gold",
		min_score: 70,
		fee_percent: 8,
		max_job_amount_cents: 5e5,
		max_active_jobs: 25
	},
	{
		tier: "silver",
		min_score: 40,
		fee_percent: 10,
		max_job_amount_cents: 1e5,
		max_active_jobs: 10
	},
	{
		tier: "bronze",
		min_score: 0,
		fee_percent: 12,
		max_job_amount_cents: 1e4,
		max_active_jobs: 3
	}
];
function tierOf(score) {
	return TIERS.find((t) => score >= t.min_score);
}
/** Trust score changes (ours: the reference names the events, not the amounts). */
const TRUST = {
	initial: 50,
	completed_worker: 1,
	completed_buyer: .5,
	rating_delta: {
		1: -2,
		2: -1,
		3: 0,
		4: .5,
		5: 1
	},
	dispute_lost: -5,
	worker_fault_cancel: -3
};
/** Cancellation fees by status (reference): percent of the job amount. */
const CANCEL_FEES = {
	accepted: {
		percent: 5,
		to: "platform"
	},
	in_progress: {
		percent: 25,
		to: "worker"
	},
	revision_requested: {
		percent: 25,
		to: "worker"
	}
};

// bench/.out/src/validation/regex.js
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
const REGEX_MAX_CHARS = 500;
const REGEX_BUDGET_MS = 500;
const WORKER_START_MS = 1e4;
const FLAGS_ALLOWED = /^[imsu]*$/;
/**
* Parse `pattern` or `/pattern/flags` (flags among i, m, s, u) and check it is in the safe
* subset. Returns the regex or the reason it is refused (a sentence an LLM can act on).
*/
function parseUserRegex(spec) {
	if (spec.length > 500) return { error: `must be at most ${500} characters` };
	let source = spec;
	let flags = "";
	const slashed = /^\/([\s\S]+)\/([a-z]*)$/.exec(spec);
	if (slashed) {
		if (!FLAGS_ALLOWED.test(slashed[2])) return { error: `flags must be among i, m, s, u (got '${slashed[2]}')` };
		source = slashed[1];
		flags = [...new Set(slashed[2])].join("");
	}
	try {
		new RegExp(source, flags);
	} catch (e) {
		return { error: `is not a valid regular expression: ${e.message}` };
	}
	const unsafe = unsafeShape(source);
	if (unsafe) return { error: `is outside the safe subset: ${unsafe}` };
	return {
		source,
		flags
	};
}
/** Why a pattern is unsafe, or null. A small scanner over the pattern's tokens. */
function unsafeShape(source) {
	const groups = [];
	let inClass = false;
	for (let i = 0; i < source.length; i++) {
		const c = source[i];
		if (c === "\\") {
			const n = source[i + 1];
			if (!inClass && n !== void 0 && /[1-9]/.test(n)) return "backreferences (\\1 …) are not allowed";
			if (!inClass && n === "k" && source[i + 2] === "<") return "named backreferences (\\k<…>) are not allowed";
			i++;
			continue;
		}
		if (inClass) {
			if (c === "]") inClass = false;
			continue;
		}
		if (c === "[") {
			inClass = true;
			continue;
		}
		if (c === "(") {
			if (source.startsWith("(?<=", i) || source.startsWith("(?<!", i)) return "lookbehind ((?<= …), (?<! …)) is not allowed";
			groups.push({ quantified: false });
			continue;
		}
		const quant = quantifierAt(source, i);
		if (c === ")") {
			const g = groups.pop();
			if (!g) continue;
			const after = quantifierAt(source, i + 1);
			if (after && after.repeats && g.quantified) return "a repeated group must not contain a repetition (nested quantifiers like (a+)+ can take exponential time)";
			if (groups.length && (g.quantified || after && after.repeats)) groups[groups.length - 1].quantified = true;
			if (after) i += after.length;
			continue;
		}
		if (quant) {
			if (quant.repeats && groups.length) groups[groups.length - 1].quantified = true;
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
	if (c === "*" || c === "+") len = 1, repeats = true;
	else if (c === "?") len = 1;
	else if (c === "{") {
		const m = /^\{(\d+)(,(\d*))?\}/.exec(s.slice(i, i + 24));
		if (!m) return null;
		len = m[0].length;
		repeats = (m[2] === void 0 ? Number(m[1]) : m[3] === "" ? 1e400 : Number(m[3])) > 1;
	} else return null;
	if (s[i + len] === "?" || s[i + len] === "+") len++;
	return {
		length: len,
		repeats
	};
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
function testRegexes(tests, budgetMs = 500) {
	if (tests.length === 0) return Promise.resolve([]);
	return new Promise((resolve) => {
		let settled = false;
		let timer;
		const done = (v) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			clearTimeout(startup);
			worker.terminate();
			resolve(v);
		};
		const worker = new Worker(WORKER_SOURCE, {
			eval: true,
			workerData: { tests },
			resourceLimits: { maxOldGenerationSizeMb: 128 }
		});
		const startup = setTimeout(() => done(tests.map(() => "error: regex worker did not start")), WORKER_START_MS);
		worker.once("online", () => timer = setTimeout(() => done(tests.map(() => "timeout")), budgetMs));
		worker.once("message", (v) => done(v));
		worker.once("error", (e) => done(tests.map(() => `error: ${e.message}`)));
		worker.once("exit", () => done(tests.map(() => "error: regex worker exited")));
	});
}

// bench/.out/src/validation/json-schema.js
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
const ASSERTIONS = /* @__PURE__ */ new Set([
	"type",
	"properties",
	"required",
	"additionalProperties",
	"minProperties",
	"maxProperties",
	"items",
	"minItems",
	"maxItems",
	"uniqueItems",
	"enum",
	"const",
	"minLength",
	"maxLength",
	"pattern",
	"minimum",
	"maximum",
	"exclusiveMinimum",
	"exclusiveMaximum",
	"multipleOf",
	"allOf",
	"anyOf",
	"oneOf",
	"not"
]);
const ANNOTATIONS = /* @__PURE__ */ new Set([
	"$schema",
	"$id",
	"title",
	"description",
	"default",
	"examples",
	"$comment",
	"format"
]);
const TYPES = /* @__PURE__ */ new Set([
	"object",
	"array",
	"string",
	"number",
	"integer",
	"boolean",
	"null"
]);
const SCHEMA_MAX_DEPTH = 32;
const MAX_STEPS = 2e5;
const MAX_ERRORS = 20;
const isObj = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
/** Check a schema uses only the supported vocabulary. Returns problems (empty when fine). */
function checkSchema(schema, path = "#", depth = 0, out = []) {
	if (out.length >= MAX_ERRORS) return out;
	if (typeof schema === "boolean") return out;
	if (!isObj(schema)) return out.push(`${path} must be an object or a boolean`), out;
	if (depth > 32) return out.push(`${path} nests deeper than ${32} levels`), out;
	for (const [k, v] of Object.entries(schema)) {
		const at = `${path}/${k}`;
		if (ANNOTATIONS.has(k)) continue;
		if (!ASSERTIONS.has(k)) {
			out.push(`${at}: keyword '${k}' is not supported (supported: ${[...ASSERTIONS].join(", ")})`);
			continue;
		}
		switch (k) {
			case "type": {
				const ts = Array.isArray(v) ? v : [v];
				if (!ts.length || ts.some((t) => typeof t !== "string" || !TYPES.has(t))) out.push(`${at} must be one of ${[...TYPES].join(", ")} or a list of them`);
				break;
			}
			case "properties":
				if (!isObj(v)) out.push(`${at} must be an object of schemas`);
				else for (const [p, s] of Object.entries(v)) checkSchema(s, `${at}/${p}`, depth + 1, out);
				break;
			case "required":
				if (!Array.isArray(v) || v.some((x) => typeof x !== "string")) out.push(`${at} must be a list of property names`);
				break;
			case "additionalProperties":
			case "items":
			case "not":
				checkSchema(v, at, depth + 1, out);
				break;
			case "allOf":
			case "anyOf":
			case "oneOf":
				if (!Array.isArray(v) || v.length === 0 || v.length > 50) out.push(`${at} must be a list of 1–50 schemas`);
				else v.forEach((s, i) => checkSchema(s, `${at}/${i}`, depth + 1, out));
				break;
			case "enum":
				if (!Array.isArray(v) || v.length > 500) out.push(`${at} must be a list of at most 500 values`);
				break;
			case "pattern":
				if (typeof v !== "string") out.push(`${at} must be a string`);
				else {
					const r = parseUserRegex(v);
					if ("error" in r) out.push(`${at} ${r.error}`);
				}
				break;
			case "uniqueItems":
				if (typeof v !== "boolean") out.push(`${at} must be a boolean`);
				break;
			case "const": break;
			case "multipleOf":
				if (typeof v !== "number" || !(v > 0)) out.push(`${at} must be a positive number`);
				break;
			default: if (typeof v !== "number" || !Number.isFinite(v)) out.push(`${at} must be a number`);
		}
	}
	return out;
}
const typeOf = (v) => v === null ? "null" : Array.isArray(v) ? "array" : typeof v === "number" ? Number.isInteger(v) ? "integer" : "number" : typeof v;
const canonical = (v) => JSON.stringify(v, (_k, x) => isObj(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a < b ? -1 : 1)) : x);
/**
* Validate `value` against `schema`. `pattern` answers the `pattern` keyword (the caller runs
* regexes under a time budget: see criteria.ts). Bounded by steps; when they run out the
* result is invalid with `exhausted: true`.
*/
function validateJson(schema, value, pattern) {
	let steps = 0;
	let exhausted = false;
	const errors = [];
	const check = (s, v, path, errs) => {
		if (++steps > MAX_STEPS) return exhausted = true, false;
		const fail = (msg) => {
			if (errs && errs.length < MAX_ERRORS) errs.push(`${path || "(root)"}: ${msg}`);
			return false;
		};
		if (s === true) return true;
		if (s === false) return fail("no value is allowed here");
		let ok = true;
		const t = typeOf(v);
		if (s.type !== void 0) {
			const ts = Array.isArray(s.type) ? s.type : [s.type];
			if (!ts.some((x) => x === t || x === "number" && t === "integer")) return fail(`must be ${ts.join(" or ")} (got ${t})`);
		}
		if (s.enum !== void 0 && !s.enum.some((e) => canonical(e) === canonical(v))) ok = fail(`must be one of ${JSON.stringify(s.enum).slice(0, 200)}`);
		if (s.const !== void 0 && canonical(s.const) !== canonical(v)) ok = fail(`must be ${JSON.stringify(s.const).slice(0, 200)}`);
		if (typeof v === "string") {
			const len = [...v].length;
			if (typeof s.minLength === "number" && len < s.minLength) ok = fail(`must be at least ${s.minLength} characters (got ${len})`);
			if (typeof s.maxLength === "number" && len > s.maxLength) ok = fail(`must be at most ${s.maxLength} characters (got ${len})`);
			if (typeof s.pattern === "string") {
				const r = parseUserRegex(s.pattern);
				if ("error" in r) ok = fail(`pattern ${r.error}`);
				else if (!pattern(r.source, r.flags, v)) ok = fail(`must match the pattern ${s.pattern}`);
			}
		}
		if (typeof v === "number") {
			if (typeof s.minimum === "number" && v < s.minimum) ok = fail(`must be ≥ ${s.minimum}`);
			if (typeof s.maximum === "number" && v > s.maximum) ok = fail(`must be ≤ ${s.maximum}`);
			if (typeof s.exclusiveMinimum === "number" && v <= s.exclusiveMinimum) ok = fail(`must be > ${s.exclusiveMinimum}`);
			if (typeof s.exclusiveMaximum === "number" && v >= s.exclusiveMaximum) ok = fail(`must be < ${s.exclusiveMaximum}`);
			if (typeof s.multipleOf === "number" && Math.abs(v / s.multipleOf - Math.round(v / s.multipleOf)) > 1e-9) ok = fail(`must be a multiple of ${s.multipleOf}`);
		}
		if (Array.isArray(v)) {
			if (typeof s.minItems === "number" && v.length < s.minItems) ok = fail(`must have at least ${s.minItems} items (got ${v.length})`);
			if (typeof s.maxItems === "number" && v.length > s.maxItems) ok = fail(`must have at most ${s.maxItems} items (got ${v.length})`);
			if (s.uniqueItems === true && new Set(v.map(canonical)).size !== v.length) ok = fail("items must be unique");
			if (s.items !== void 0) v.forEach((x, i) => {
				if (!check(s.items, x, `${path}[${i}]`, errs)) ok = false;
			});
		}
		if (isObj(v)) {
			const keys = Object.keys(v);
			if (typeof s.minProperties === "number" && keys.length < s.minProperties) ok = fail(`must have at least ${s.minProperties} properties`);
			if (typeof s.maxProperties === "number" && keys.length > s.maxProperties) ok = fail(`must have at most ${s.maxProperties} properties`);
			for (const r of s.required ?? []) if (!(r in v)) ok = fail(`is missing the required property '${r}'`);
			const props = s.properties ?? {};
			for (const k of keys) {
				const sub = Object.prototype.hasOwnProperty.call(props, k) ? props[k] : s.additionalProperties;
				if (sub === void 0) continue;
				if (sub === false && !Object.prototype.hasOwnProperty.call(props, k)) {
					ok = fail(`has the property '${k}', which is not allowed`);
					continue;
				}
				if (!check(sub, v[k], `${path}.${k}`, errs)) ok = false;
			}
		}
		if (Array.isArray(s.allOf)) {
			for (const sub of s.allOf) if (!check(sub, v, path, errs)) ok = false;
		}
		if (Array.isArray(s.anyOf) && !s.anyOf.some((sub) => check(sub, v, path, null))) ok = fail("must match at least one schema of anyOf");
		if (Array.isArray(s.oneOf)) {
			const n = s.oneOf.filter((sub) => check(sub, v, path, null)).length;
			if (n !== 1) ok = fail(`must match exactly one schema of oneOf (matched ${n})`);
		}
		if (s.not !== void 0 && check(s.not, v, path, null)) ok = fail("must not match the schema of not");
		return ok;
	};
	const valid = check(schema, value, "", errors);
	if (exhausted) errors.push(`validation stopped after ${MAX_STEPS} steps`);
	return {
		valid: valid && !exhausted,
		errors,
		exhausted
	};
}

// bench/.out/src/files/limits.js
/**
* Every bound of file transfer, named once. From the reference's File Transfer section unless
* marked "ours".
*/
const MB = 1048576;
const GB = 1024 * MB;
const FILE_LIMITS = {
	input_max_bytes: 500 * MB,
	deliverable_max_bytes: 1 * GB,
	files_per_purpose_max: 10,
	job_total_max_bytes: 5 * GB,
	filename_chars: [1, 255],
	upload_url_ttl_ms: 18e5,
	download_url_ttl_ms: 36e5,
	preview_full_max_bytes: 10 * MB,
	preview_partial_bytes: 524288,
	list_limit_max: 50,
	list_limit_default: 20,
	metadata_bytes_max: 16384,
	inline_max_bytes: 10 * MB,
	deliverable_text_max_bytes: 10 * MB,
	pending_confirm_grace_ms: 864e5
};
const maxBytesFor = (purpose) => purpose === "input" ? FILE_LIMITS.input_max_bytes : FILE_LIMITS.deliverable_max_bytes;

// bench/.out/src/files/schemas.js
/**
* Requests and responses of file transfer, defined once (re-exported by src/schemas.ts) and used
* by the MCP tools, the REST routes and the hosted client. Field names are the reference's.
* Self-contained on purpose: src/schemas.ts re-exports this module, so it must not import it.
*/
const Timestamp$1 = z.string().describe("ISO 8601, UTC");
const metadataObject = z.record(z.string(), z.unknown()).refine((o) => JSON.stringify(o).length <= FILE_LIMITS.metadata_bytes_max, `must serialise to at most ${FILE_LIMITS.metadata_bytes_max} bytes`);
const FilePurpose = z.enum(["input", "deliverable"]).describe("\"input\": the buyer gives the worker material; \"deliverable\": the worker delivers the result");
const FileId = z.string().uuid("must be a file id (UUID)").describe("File id (UUID)");
const UploadStatus = z.enum([
	"pending",
	"confirmed",
	"failed",
	"deleted"
]);
const Filename = z.string().min(FILE_LIMITS.filename_chars[0], "must be at least 1 character").max(FILE_LIMITS.filename_chars[1], `must be at most ${FILE_LIMITS.filename_chars[1]} characters`);
const ContentType = z.string().min(3).max(255);
/** As src/schemas.ts's IdempotencyKey (repeated here: this module must not import that one). */
const IdempotencyKey$1 = z.string().min(1).max(255).optional().describe("Optional. Reuse the same key when retrying the same call: the first result is returned and nothing happens twice (24 h).");
const RequestUploadInput = z.object({
	purpose: FilePurpose,
	filename: Filename.describe("e.g. \"spec.pdf\"; blocked: .exe .bat .cmd .com .msi .scr .pif .vbs .vbe .js .jse .ws .wsf .wsc .reg .inf .ps1 .psm1"),
	content_type: ContentType.describe("An allowed MIME type, e.g. application/pdf, text/markdown, image/png; PUT the bytes with exactly this Content-Type"),
	file_size_bytes: z.number().int().min(1, "must be at least 1").max(FILE_LIMITS.deliverable_max_bytes, `must be at most ${FILE_LIMITS.deliverable_max_bytes} (1 GB)`).describe("The size you will upload: at most 500 MB (524288000) for inputs, 1 GB (1073741824) for deliverables"),
	metadata: metadataObject.optional().describe("Optional key/value object kept with the file"),
	idempotency_key: IdempotencyKey$1
});
/** Upload in one call: the bytes inline as text (`content`) or base64 (`content_base64`). */
const UploadFileInput = z.object({
	purpose: FilePurpose,
	filename: Filename,
	content_type: ContentType.optional().describe("Defaults to the type the filename suggests (text/plain for text content)"),
	content: z.string().max(FILE_LIMITS.inline_max_bytes).optional().describe("The file as UTF-8 text"),
	content_base64: z.string().max(Math.ceil(FILE_LIMITS.inline_max_bytes / 3) * 4 + 4).optional().describe("The file as base64 (binary files)"),
	metadata: metadataObject.optional(),
	idempotency_key: IdempotencyKey$1
});
const ListFilesInput = z.object({
	purpose: FilePurpose.optional(),
	limit: z.number().int().min(1).max(FILE_LIMITS.list_limit_max, `must be at most ${FILE_LIMITS.list_limit_max}`).default(FILE_LIMITS.list_limit_default),
	offset: z.number().int().min(0).default(0)
});
const UploadUrl = z.object({
	file_id: z.string(),
	upload_url: z.string().describe("PUT the bytes here with the Content-Type header below, before expires_at"),
	method: z.literal("PUT"),
	headers: z.record(z.string(), z.string()).describe("Headers the PUT must carry"),
	r2_key: z.string().describe("The object key in the store"),
	expires_at: Timestamp$1,
	max_size_bytes: z.number().int().describe("The largest file of this purpose"),
	file_size_bytes: z.number().int().describe("The size you declared: a larger upload is refused"),
	content_type: z.string(),
	purpose: FilePurpose,
	revision_number: z.number().int()
});
const ConfirmedFile = z.object({
	file_id: z.string(),
	upload_status: z.literal("confirmed"),
	purpose: FilePurpose,
	filename: z.string(),
	content_type: z.string(),
	file_size_bytes: z.number().int().describe("The real size of the stored object"),
	file_size_human: z.string(),
	sha256: z.string(),
	revision_number: z.number().int(),
	deliverable_id: z.string().optional().describe("Deliverables: the delivery this file is"),
	job_status: z.string().optional().describe("Deliverables: the job status after the delivery")
});
const JobFile = z.object({
	id: z.string(),
	job_id: z.string(),
	uploaded_by: z.string(),
	purpose: FilePurpose,
	upload_status: UploadStatus,
	original_filename: z.string(),
	content_type: z.string(),
	file_size_bytes: z.number().int().describe("Real size once confirmed; the declared size before"),
	file_size_human: z.string(),
	revision_number: z.number().int(),
	metadata: z.record(z.string(), z.unknown()),
	sha256: z.string().nullable(),
	failure_reason: z.string().nullable(),
	created_at: Timestamp$1,
	confirmed_at: Timestamp$1.nullable()
});
const FilePage = z.object({
	items: z.array(JobFile),
	count: z.number().int(),
	total: z.number().int()
});
const DownloadUrl = z.object({
	download_url: z.string().describe("GET this URL before expires_at"),
	expires_at: Timestamp$1,
	file_id: z.string(),
	filename: z.string(),
	content_type: z.string(),
	file_size_bytes: z.number().int(),
	file_size_human: z.string(),
	sha256: z.string().nullable(),
	purpose: FilePurpose,
	uploaded_by: z.string()
});
/** The latest validation of a deliverable (written by the validation engine); null until there is one. */
const FileValidation = z.object({
	passed: z.boolean().nullable(),
	confidence: z.number().nullable(),
	reasoning: z.string().nullable(),
	validator_type: z.string().nullable(),
	consensus: z.unknown().optional()
}).passthrough();
const FilePreview = z.object({
	file_id: z.string(),
	purpose: FilePurpose,
	filename: z.string(),
	uploaded_by: z.string(),
	file_category: z.enum([
		"text",
		"data",
		"document",
		"image",
		"audio",
		"video",
		"archive"
	]),
	content_type: z.string(),
	original_size_bytes: z.number().int(),
	original_size_human: z.string(),
	is_partial: z.boolean().describe("true when only the first 512 KB were read (files of 10 MB or more)"),
	preview_kind: z.enum(["text", "description"]).describe("text: preview_content is the file text; description: a binary described"),
	preview_content: z.string(),
	detected_type: z.string().nullable().describe("What the magic bytes say the file is"),
	validation: FileValidation.nullable(),
	message: z.string().nullable()
});
const DeletedFile = z.object({
	file_id: z.string(),
	status: z.literal("deleted")
});
/** upload_file with inline content: the confirmed file (deliverables: and the job status). */
const UploadedFile = ConfirmedFile;

// bench/.out/src/schemas.js
/**
* Every request and response of the marketplace, defined once. The MCP tools, the REST routes,
* the hosted client and openapi.json all use these; the engine trusts what they have parsed.
* Field names are those of the API reference; amounts are EUR numbers with ≤ 2 decimals.
*/
var schemas_exports = /* @__PURE__ */ __exportAll({
	AcceptBidResult: () => AcceptBidResult,
	Acknowledgement: () => Acknowledgement,
	ActivateInfoQuery: () => ActivateInfoQuery,
	ActivateRequest: () => ActivateRequest,
	ActivationInfo: () => ActivationInfo,
	ActivationResult: () => ActivationResult,
	AgentId: () => AgentId,
	AutoAcceptRule: () => AutoAcceptRule,
	Bid: () => Bid,
	BidId: () => BidId,
	BrowseOpenJobsInput: () => BrowseOpenJobsInput,
	CancelInput: () => CancelInput,
	Capabilities: () => Capabilities,
	Capability: () => Capability,
	ConfirmRecoveryRequest: () => ConfirmRecoveryRequest,
	ConfirmedFile: () => ConfirmedFile,
	CounterBidInput: () => CounterBidInput,
	DISPUTE_RULINGS: () => DISPUTE_RULINGS,
	Dashboard: () => Dashboard,
	DeletedAgent: () => DeletedAgent,
	DeletedFile: () => DeletedFile,
	DeletedPaymentMethod: () => DeletedPaymentMethod,
	DeliverInput: () => DeliverInput,
	DeliverResult: () => DeliverResult,
	Deliverable: () => Deliverable,
	Dispute: () => Dispute,
	DisputeRuling: () => DisputeRuling,
	DownloadUrl: () => DownloadUrl,
	EVIDENCE_TYPES: () => EVIDENCE_TYPES,
	Email: () => Email,
	EvidenceItem: () => EvidenceItem,
	FeedEvent: () => FeedEvent,
	FileId: () => FileId,
	FilePage: () => FilePage,
	FilePreview: () => FilePreview,
	FilePurpose: () => FilePurpose,
	FileValidation: () => FileValidation,
	HttpsUrl: () => HttpsUrl,
	IdempotencyKey: () => IdempotencyKey,
	JOB_STATUSES: () => JOB_STATUSES,
	Job: () => Job,
	JobFile: () => JobFile,
	JobId: () => JobId,
	JobStatus: () => JobStatus,
	Limit: () => Limit,
	ListFilesInput: () => ListFilesInput,
	ListJobsInput: () => ListJobsInput,
	ListMessagesInput: () => ListMessagesInput,
	MESSAGE_TYPES: () => MESSAGE_TYPES,
	MagicLinkRequest: () => MagicLinkRequest,
	MarkedRead: () => MarkedRead,
	Message: () => Message,
	Notification: () => Notification,
	NotificationPage: () => NotificationPage,
	NotificationsInput: () => NotificationsInput,
	Offset: () => Offset,
	OpenDisputeInput: () => OpenDisputeInput,
	OpenJob: () => OpenJob,
	OwnerAgent: () => OwnerAgent,
	OwnerVerifyRequest: () => OwnerVerifyRequest,
	PageQuery: () => PageQuery,
	PayCheckoutRequest: () => PayCheckoutRequest,
	PaymentMethod: () => PaymentMethod,
	PaymentMethodIdInput: () => PaymentMethodIdInput,
	Payouts: () => Payouts,
	PlatformInfo: () => PlatformInfo,
	PostJobInput: () => PostJobInput,
	PrivateAgent: () => PrivateAgent,
	PublicAgent: () => PublicAgent,
	RankedAgent: () => RankedAgent,
	RateCard: () => RateCard,
	RecoverKeyRequest: () => RecoverKeyRequest,
	RegisterAgentInput: () => RegisterAgentInput,
	RegisterResult: () => RegisterResult,
	RequestDisputeReviewInput: () => RequestDisputeReviewInput,
	RequestUploadInput: () => RequestUploadInput,
	ResolveDisputeInput: () => ResolveDisputeInput,
	Review: () => Review,
	ReviewInput: () => ReviewInput,
	RevisionInput: () => RevisionInput,
	SavePaymentMethodRequest: () => SavePaymentMethodRequest,
	SavedPaymentMethod: () => SavedPaymentMethod,
	SearchAgentsInput: () => SearchAgentsInput,
	SelectAgentRequest: () => SelectAgentRequest,
	SendMessageInput: () => SendMessageInput,
	SetupIntent: () => SetupIntent,
	SubmitBidInput: () => SubmitBidInput,
	TERMINAL_STATUSES: () => TERMINAL_STATUSES,
	TokenGrant: () => TokenGrant,
	TokenRequest: () => TokenRequest,
	Transition: () => Transition,
	TrustEvent: () => TrustEvent,
	UpdateAgentInput: () => UpdateAgentInput,
	UploadFileInput: () => UploadFileInput,
	UploadStatus: () => UploadStatus,
	UploadUrl: () => UploadUrl,
	UploadedFile: () => UploadedFile,
	Uuid: () => Uuid,
	ValidationCriteria: () => ValidationCriteria,
	ValidationRecordView: () => ValidationRecordView,
	ValidationSummary: () => ValidationSummary,
	WebhookAttempt: () => WebhookAttempt,
	WebhookLog: () => WebhookLog,
	WebhookLogInput: () => WebhookLogInput,
	page: () => page
});
const L = LIMITS;
const chars = (min, max) => z.string().min(min, `must be at least ${min} characters`).max(max, `must be at most ${max} characters`);
const JOB_STATUSES = [
	"pending_payment",
	"funded",
	"accepted",
	"in_progress",
	"delivered",
	"validating",
	"revision_requested",
	"completed",
	"disputed",
	"cancelled",
	"refunded",
	"frozen",
	"open"
];
const JobStatus = z.enum(JOB_STATUSES);
const TERMINAL_STATUSES = [
	"completed",
	"cancelled",
	"refunded"
];
const AgentId = z.string().regex(/^ag_[0-9A-Za-z]{10,40}$/, "must be an agent id like ag_01J…");
const Uuid = z.string().uuid("must be a UUID");
const JobId = Uuid.describe("Job id (UUID)");
const BidId = Uuid.describe("Bid id (UUID)");
const Capability = chars(L.capability_chars[0], L.capability_chars[1]).regex(/^[a-z0-9][a-z0-9._-]*$/, "must be lowercase letters, digits, \".\", \"_\" or \"-\"");
const Capabilities = z.array(Capability).max(L.capabilities_max, `must have at most ${L.capabilities_max} items`);
const HttpsUrl = z.string().url("must be a URL").refine((u) => u.startsWith("https://") || loopbackHttpAllowed(u), "must be HTTPS");
const Email = z.string().email("must be an email address").max(254);
const RateCard = z.object({
	per_task: eur().optional(),
	hourly: eur().optional()
}).strict();
const Limit = (max, dflt) => z.number().int().min(1).max(max, `must be at most ${max}`).default(dflt);
const Offset = z.number().int().min(0).default(0);
const IdempotencyKey = z.string().min(1).max(255).optional().describe("Optional. Reuse the same key when retrying the same call: the first result is returned and nothing happens twice (24 h).");
/** JSON object of bounded size, for task_spec, metadata and rules. */
const jsonObject = (maxBytes) => z.record(z.string(), z.unknown()).refine((o) => Buffer.byteLength(JSON.stringify(o)) <= maxBytes, `must serialise to at most ${maxBytes} bytes of UTF-8`);
/**
* validation_criteria: the vocabulary the deterministic judge understands (issue 3 runs it).
* Unknown keys are refused so a typo is not silently ignored.
*/
const ValidationCriteria = z.object({
	must_include: z.union([z.string(), z.array(z.string()).max(50)]).optional(),
	must_not_include: z.union([z.string(), z.array(z.string()).max(50)]).optional(),
	min_words: z.number().int().min(0).optional(),
	max_words: z.number().int().min(1).optional(),
	regex: z.string().max(500).optional().superRefine((r, c) => {
		const p = r === void 0 ? null : parseUserRegex(r);
		if (p && "error" in p) c.addIssue({
			code: "custom",
			message: p.error
		});
	}),
	json_schema: z.record(z.string(), z.unknown()).optional().superRefine((s, c) => {
		for (const m of s === void 0 ? [] : checkSchema(s).slice(0, 5)) c.addIssue({
			code: "custom",
			message: m
		});
	})
}).strict();
/** auto_accept_rule: approve automatically when validation passes with at least this confidence. */
const AutoAcceptRule = z.object({ min_confidence: z.number().min(.8).max(1).optional() }).strict();
const RegisterAgentInput = z.object({
	name: chars(L.agent_name_chars[0], L.agent_name_chars[1]),
	owner_email: Email,
	capabilities: Capabilities.optional(),
	webhook_url: HttpsUrl,
	description: z.string().max(L.description_chars_max).optional(),
	rate_card: RateCard.optional()
});
const UpdateAgentInput = z.object({
	webhook_url: HttpsUrl.optional(),
	description: z.string().max(L.description_chars_max).optional(),
	capabilities: Capabilities.optional(),
	rate_card: RateCard.optional(),
	monthly_spending_limit: eur({ min_cents: 0 }).nullable().optional().describe("EUR per calendar month (UTC); null removes the limit")
});
const PostJobInput = z.object({
	title: chars(L.job_title_chars[0], L.job_title_chars[1]),
	task_spec: jsonObject(L.task_spec_bytes_max).describe("What to do: { description, input_url?, ... }"),
	amount: eur({ min_cents: L.job_min_amount_cents }).describe("EUR, min 5.00. Direct: the price. Open: the max budget."),
	job_type: z.enum(["direct", "open"]).default("direct"),
	worker_agent_id: AgentId.optional().describe("Required for direct jobs"),
	deadline_hours: z.number().int().min(1).max(L.deadline_hours_max, `must be at most ${L.deadline_hours_max}`).default(L.deadline_hours_default),
	required_capabilities: Capabilities.optional(),
	bid_window_hours: z.number().int().min(1).max(L.bid_window_hours_max, `must be at most ${L.bid_window_hours_max}`).optional(),
	min_acceptable_price: eur({ min_cents: L.bid_min_cents }).optional(),
	max_revisions: z.number().int().min(0).max(L.max_revisions_max).default(L.max_revisions_default),
	validation_criteria: ValidationCriteria.optional(),
	auto_accept_rule: AutoAcceptRule.optional(),
	idempotency_key: IdempotencyKey
});
const ListJobsInput = z.object({
	status: z.string().optional().describe("Comma-separated statuses, e.g. \"funded,accepted,in_progress\""),
	role: z.enum(["buyer", "worker"]).optional(),
	limit: Limit(L.list_limit_max, L.list_limit_default),
	offset: Offset
});
const BrowseOpenJobsInput = z.object({
	q: z.string().max(500).optional(),
	capabilities: Capabilities.optional(),
	min_budget: eur().optional(),
	max_budget: eur().optional(),
	limit: Limit(L.list_limit_max, L.list_limit_default),
	offset: Offset
});
const SearchAgentsInput = z.object({
	q: z.string().max(500).optional(),
	capabilities: Capabilities.optional(),
	min_trust_score: z.number().min(0).max(100).optional(),
	limit: Limit(L.list_limit_max, L.list_limit_default)
});
const DeliverInput = z.object({
	content: z.string().max(1e6).optional().describe("The deliverable as text"),
	content_type: z.string().max(255).default("text/plain"),
	metadata: jsonObject(16384).optional(),
	idempotency_key: IdempotencyKey,
	filename: z.string().min(1).max(255).optional().describe("Deliver a file: its name (with content as text or content_base64); it is stored as a deliverable file (see upload_file)"),
	content_base64: z.string().max(14e6).optional().describe("Deliver a file: its bytes as base64 (at most 10 MB; larger files: upload_file without content)")
});
const RevisionInput = z.object({ feedback: chars(L.feedback_chars[0], L.feedback_chars[1]) });
const CancelInput = z.object({
	reason: z.string().max(L.cancel_reason_chars_max).optional(),
	idempotency_key: IdempotencyKey
});
const SubmitBidInput = z.object({
	proposed_price: eur({ min_cents: L.bid_min_cents }),
	estimated_hours: z.number().positive().max(L.deadline_hours_max).optional(),
	message: z.string().max(L.bid_message_chars_max).optional(),
	idempotency_key: IdempotencyKey
});
const CounterBidInput = z.object({
	counter_price: eur({ positive: true }),
	message: z.string().max(L.counter_message_chars_max).optional()
});
const ReviewInput = z.object({
	rating: z.number().int().min(1, "must be 1–5").max(5, "must be 1–5"),
	comment: z.string().max(L.review_comment_chars_max).optional()
});
const NotificationsInput = z.object({
	unread_only: z.boolean().default(false),
	limit: Limit(L.notifications_limit_max, 20),
	offset: Offset
});
const Timestamp = z.string().describe("ISO 8601, UTC");
const PublicAgent = z.object({
	id: z.string(),
	name: z.string(),
	description: z.string().nullable(),
	capabilities: z.array(z.string()),
	rate_card: RateCard.nullable(),
	trust_score: z.number(),
	level: z.string(),
	status: z.string(),
	completed_jobs: z.number().int(),
	average_rating: z.number().nullable(),
	created_at: Timestamp
});
const PrivateAgent = PublicAgent.extend({
	owner_email: z.string(),
	webhook_url: z.string().nullable(),
	platform_fee_percent: z.number(),
	max_job_amount: z.number(),
	max_active_jobs: z.number().int(),
	monthly_spending_limit: z.number().nullable(),
	spent_this_month: z.number(),
	left_this_month: z.number().nullable()
});
const RegisterResult = z.object({
	agent_id: z.string(),
	status: z.string(),
	message: z.string()
});
const Job = z.object({
	id: z.string(),
	title: z.string(),
	task_spec: z.record(z.string(), z.unknown()),
	amount: z.number().describe("EUR: the price (direct or agreed bid) or, while open, the max budget"),
	job_type: z.enum(["direct", "open"]),
	status: JobStatus,
	buyer_agent_id: z.string(),
	worker_agent_id: z.string().nullable(),
	deadline_hours: z.number().int(),
	deadline: Timestamp.nullable(),
	bid_window_hours: z.number().int().nullable(),
	bid_window_closes_at: Timestamp.nullable(),
	min_acceptable_price: z.number().nullable(),
	required_capabilities: z.array(z.string()),
	validation_criteria: z.record(z.string(), z.unknown()).nullable(),
	auto_accept_rule: z.record(z.string(), z.unknown()).nullable(),
	max_revisions: z.number().int(),
	revision_count: z.number().int(),
	escrow_amount: z.number().describe("EUR held in escrow right now"),
	platform_fee: z.number().nullable(),
	worker_payout: z.number().nullable(),
	cancellation_fee: z.number().nullable(),
	bid_count: z.number().int(),
	payment_error: z.string().nullable().describe("Why the last capture failed (pending_payment jobs)"),
	your_role: z.enum([
		"buyer",
		"worker",
		"bidder",
		"none"
	]),
	created_at: Timestamp,
	updated_at: Timestamp,
	delivered_at: Timestamp.nullable(),
	auto_release_at: Timestamp.nullable(),
	completed_at: Timestamp.nullable()
});
const Transition = z.object({
	from_status: JobStatus.nullable(),
	to_status: JobStatus,
	action: z.string(),
	actor: z.string(),
	actor_agent_id: z.string().nullable(),
	reason: z.string().nullable(),
	created_at: Timestamp
});
const Bid = z.object({
	id: z.string(),
	job_id: z.string(),
	worker_agent_id: z.string(),
	proposed_price: z.number(),
	estimated_hours: z.number().nullable(),
	message: z.string().nullable(),
	status: z.enum([
		"active",
		"countered",
		"accepted",
		"rejected",
		"withdrawn"
	]),
	counter_price: z.number().nullable(),
	counter_message: z.string().nullable(),
	created_at: Timestamp
});
/** The latest validation of a delivery (src/engine/validation.ts), shown with the deliverable. */
const ValidationSummary = z.object({
	validation_id: z.string(),
	status: z.enum([
		"pending",
		"running",
		"passed",
		"failed",
		"unavailable",
		"superseded"
	]).describe("pending/running: judges at work; unavailable: fewer than two judges could answer, the buyer decides; superseded: a newer delivery came"),
	passed: z.boolean().nullable(),
	confidence: z.number().nullable(),
	reasoning: z.string().nullable(),
	validator_type: z.string().describe("dual_llm, criteria+llm, criteria+sampling, …"),
	consensus: z.boolean().nullable().describe("false: the two judges disagree (the buyer decides; a dispute goes straight to human review)"),
	auto_approved: z.boolean(),
	judges: z.array(z.object({
		validator_type: z.string(),
		model: z.string().nullable(),
		passed: z.boolean().nullable(),
		confidence: z.number().nullable(),
		reasoning: z.string().nullable(),
		error: z.string().nullable()
	})),
	criteria_results: z.array(z.object({
		check: z.string(),
		expected: z.unknown(),
		passed: z.boolean().nullable(),
		detail: z.string()
	})),
	revision_number: z.number().int(),
	created_at: z.string(),
	decided_at: z.string().nullable()
});
const Deliverable = z.object({
	id: z.string(),
	job_id: z.string(),
	revision_number: z.number().int(),
	content_type: z.string(),
	content: z.string().nullable(),
	preview: z.string().nullable(),
	is_partial: z.boolean(),
	size_bytes: z.number().int(),
	sha256: z.string(),
	metadata: z.record(z.string(), z.unknown()).nullable(),
	created_at: Timestamp,
	file_id: z.string().nullable().optional().describe("Set when the deliverable is a file: preview_file / get_file_download_url"),
	filename: z.string().nullable().optional(),
	validation: ValidationSummary.nullable().optional().describe("The dual-model validation of this delivery; null when none ran")
});
const Notification = z.object({
	id: z.string(),
	type: z.string(),
	title: z.string(),
	message: z.string(),
	job_id: z.string().nullable(),
	read: z.boolean(),
	created_at: Timestamp
});
const PaymentMethod = z.object({
	id: z.string(),
	brand: z.string(),
	last4: z.string(),
	exp_month: z.number().int(),
	exp_year: z.number().int(),
	is_default: z.boolean()
});
const TrustEvent = z.object({
	old_score: z.number(),
	new_score: z.number(),
	delta: z.number(),
	reason: z.string(),
	job_id: z.string().nullable(),
	triggered_at: Timestamp
});
const Review = z.object({
	job_id: z.string(),
	reviewer_agent_id: z.string(),
	rating: z.number().int(),
	comment: z.string().nullable(),
	created_at: Timestamp
});
const Payouts = z.object({
	total_earned: z.number(),
	total_jobs: z.number().int(),
	payouts: z.array(z.object({
		job_id: z.string(),
		gross_eur: z.number(),
		platform_fee_eur: z.number(),
		net_eur: z.number(),
		kind: z.enum(["release", "cancellation_compensation"]),
		completed_at: Timestamp
	}))
});
const Dashboard = z.object({
	agent: PrivateAgent,
	agents: z.array(z.object({
		id: z.string(),
		name: z.string(),
		status: z.string()
	})),
	recent_jobs: z.array(z.object({
		id: z.string(),
		title: z.string(),
		status: JobStatus,
		amount: z.number()
	})),
	active_jobs_count: z.number().int(),
	spending: z.object({
		month: z.string(),
		spent: z.number(),
		limit: z.number().nullable(),
		left: z.number().nullable()
	}),
	unread_notifications: z.number().int(),
	payment: z.object({
		card_count: z.number().int(),
		default_card: z.object({
			brand: z.string(),
			last4: z.string()
		}).nullable()
	}),
	connect: z.object({
		connected: z.boolean(),
		is_ready: z.boolean()
	}),
	trust_history: z.array(TrustEvent)
});
const PlatformInfo = z.object({
	name: z.string(),
	version: z.string(),
	currency: z.literal("EUR"),
	backend: z.enum(["embedded", "hosted"]),
	tiers: z.array(z.object({
		tier: z.string(),
		min_score: z.number(),
		max_score: z.number(),
		platform_fee_percent: z.number(),
		max_job_amount: z.number(),
		max_active_jobs: z.number()
	})),
	cancellation_fees: z.record(z.string(), z.string()),
	limits: z.record(z.string(), z.unknown()),
	spending_rails: z.object({
		max_job_amount: z.number().nullable(),
		confirm_above: z.number().nullable()
	})
});
/** A page of items: every list answer has this shape. */
const page = (item) => z.object({
	items: z.array(item),
	count: z.number().int(),
	total: z.number().int().optional()
});
const RankedAgent = PublicAgent.extend({ relevance: z.number().optional() });
const OpenJob = Job.extend({ relevance: z.number().optional().describe("Match score for q (higher is better)") });
const DeliverResult = z.object({
	job: Job,
	deliverable: Deliverable
});
const AcceptBidResult = z.object({
	job: Job,
	bid: Bid
});
const NotificationPage = page(Notification).extend({ unread_count: z.number().int() });
const SetupIntent = z.object({
	client_secret: z.string(),
	setup_intent_id: z.string()
});
const SavedPaymentMethod = PaymentMethod.extend({ retried_jobs: z.array(z.string()).describe("pending_payment jobs charged again with this card") });
const DeletedPaymentMethod = z.object({
	id: z.string(),
	deleted: z.literal(true)
});
const MarkedRead = z.object({ marked: z.number().int() });
const Secret = (what) => z.string().min(1, "is required").max(200).describe(what);
const PaymentMethodIdInput = z.string().min(1).max(255).describe("pm_… (embedded: pm_card_visa, pm_card_chargeDeclined, …)");
const PageQuery = z.object({
	limit: Limit(L.list_limit_max, L.list_limit_default),
	offset: Offset
});
const TokenRequest = z.object({
	api_key: Secret("The agent API key, vxp_live_…"),
	owner_email: Email.optional().describe("Optional extra check: must be the email of the agent's owner")
});
const TokenGrant = z.object({
	token: z.string().describe("JWT (HS256): send as Authorization: Bearer <token>"),
	token_type: z.literal("Bearer"),
	expires_in: z.number().int().describe("seconds"),
	expires_at: Timestamp,
	scope: z.enum(["agent", "owner"]),
	agent_id: z.string().optional(),
	owner_id: z.string().optional()
});
const MagicLinkRequest = z.object({ email: Email });
const OwnerVerifyRequest = z.object({
	token: Secret("The magic link token from the email").optional(),
	email: Email.optional(),
	code: z.string().regex(/^\d{6}$/, "must be the 6-digit code from the email").optional()
}).superRefine((v, ctx) => {
	if (v.token !== void 0) {
		if (v.code !== void 0) ctx.addIssue({
			code: "custom",
			path: ["code"],
			message: "must not be sent with token: send either token, or email and code"
		});
		return;
	}
	if (v.email === void 0) ctx.addIssue({
		code: "custom",
		path: ["email"],
		message: "is required with code (or send the magic link token instead)"
	});
	if (v.code === void 0) ctx.addIssue({
		code: "custom",
		path: ["code"],
		message: "is required with email (or send the magic link token instead)"
	});
});
const SelectAgentRequest = z.object({ agent_id: AgentId });
const RecoverKeyRequest = z.object({
	email: Email,
	agent_id: AgentId
});
const ConfirmRecoveryRequest = z.object({ token: Secret("The recovery token from the email") });
const ActivateInfoQuery = z.object({ token: Secret("The activation token from the email") });
const ActivateRequest = z.object({
	token: Secret("The activation token from the email"),
	terms_agreed: z.boolean().describe("Must be true: the owner agrees to the Terms & Privacy Policy")
});
const PayCheckoutRequest = z.object({ payment_method_id: PaymentMethodIdInput });
const SavePaymentMethodRequest = z.object({
	payment_method_id: PaymentMethodIdInput,
	make_default: z.boolean().optional()
});
const ActivationInfo = z.object({
	agent_id: z.string(),
	agent_name: z.string(),
	owner_email: z.string(),
	status: z.string(),
	fee_amount: z.number(),
	currency: z.literal("EUR")
});
const ActivationResult = z.object({
	agent_id: z.string(),
	status: z.string(),
	fee_amount: z.number(),
	message: z.string(),
	checkout_id: z.string().optional(),
	checkout_url: z.string().optional().describe("Additional agents: pay the activation fee here (or POST /v1/checkout/{id}/pay)")
});
const OwnerAgent = z.object({
	id: z.string(),
	name: z.string(),
	status: z.string(),
	trust_score: z.number(),
	level: z.string(),
	created_at: Timestamp
});
const Acknowledgement = z.object({
	message: z.string(),
	agent_id: z.string().optional()
});
const DeletedAgent = z.object({
	agent_id: z.string(),
	deleted: z.literal(true)
});
/** One Server-Sent Event of /v1/events (the `data:` JSON; `id:` is `seq`). */
const FeedEvent = z.object({
	seq: z.number().int(),
	type: z.string().describe("job, notification, agent, payment_method, message, …"),
	event: z.string().describe("The SSE event name: the webhook event (job.accepted, …) for notifications, else <type>.changed"),
	job_id: z.string().nullable(),
	created_at: Timestamp,
	job: Job.optional().describe("The job as it is when the event is sent"),
	notification: Notification.optional(),
	payload: z.record(z.string(), z.unknown()).optional().describe("The webhook envelope of the event")
});
const WebhookLogInput = z.object({
	limit: Limit(L.list_limit_max, L.list_limit_default),
	offset: Offset
});
const WebhookAttempt = z.object({
	id: z.string(),
	event_id: z.string().describe("The webhook-id header: stable across retries of one event"),
	event: z.string(),
	job_id: z.string().nullable(),
	url: z.string().nullable().describe("The URL that answered (after redirects)"),
	status: z.enum([
		"delivered",
		"retrying",
		"failed",
		"disabled"
	]).describe("retrying: another attempt is scheduled; failed: no more; disabled: the endpoint answered 410"),
	http_status: z.number().int().nullable().describe("null when no answer came (timeout, refused, network error)"),
	attempt: z.number().int(),
	retry_count: z.number().int(),
	next_retry_at: Timestamp.nullable(),
	error: z.string().nullable(),
	duration_ms: z.number().int().nullable(),
	created_at: Timestamp
});
const WebhookLog = page(WebhookAttempt).extend({
	webhook_url: z.string().nullable(),
	webhook_disabled_at: Timestamp.nullable().describe("Set when the endpoint answered 410 Gone; setting webhook_url again re-enables it"),
	pending_deliveries: z.number().int()
});
const MESSAGE_TYPES = [
	"question",
	"reply",
	"info",
	"update"
];
const SendMessageInput = z.object({
	content: chars(L.message_chars[0], L.message_chars[1]).refine((c) => c.trim().length > 0, "must contain more than white space").describe("The message, 1–5000 characters. Stored as written; shown to the other party as untrusted text."),
	type: z.enum(MESSAGE_TYPES).default("info").describe("question, reply, info (default) or update"),
	file_id: Uuid.optional().describe("Optional: a confirmed file of this job to point at (list_files)")
});
const ListMessagesInput = z.object({
	limit: Limit(L.messages_limit_max, L.messages_limit_default),
	offset: Offset
});
const Message = z.object({
	id: z.string(),
	job_id: z.string(),
	sender_agent_id: z.string(),
	recipient_agent_id: z.string(),
	type: z.enum(MESSAGE_TYPES),
	content: z.string(),
	file_id: z.string().nullable(),
	created_at: Timestamp
});
/** The signed record of a validation (resource voxpact://jobs/{job_id}/validation). */
const ValidationRecordView = z.object({
	validation_id: z.string(),
	job_id: z.string(),
	status: ValidationSummary.shape.status,
	summary: ValidationSummary,
	record: z.record(z.string(), z.unknown()).nullable().describe("Deliverable SHA-256, criteria results, every judge's verdict with model, rubric and prompt hash; null while running"),
	signature: z.string().nullable().describe("Ed25519 over the canonical JSON of record (keys sorted), base64url"),
	signer: z.object({
		alg: z.literal("Ed25519"),
		key_id: z.string(),
		public_key: z.string().describe("base64url raw key (JWK x)")
	}).nullable()
});
const EVIDENCE_TYPES = [
	"text",
	"url",
	"r2_key"
];
const EvidenceFields = z.object({
	type: z.enum(EVIDENCE_TYPES).describe("text: quoted text; url: an http(s) link; r2_key: the storage key (or file id) of a file of this job"),
	label: chars(1, L.dispute_evidence_label_chars_max),
	content: chars(1, L.dispute_evidence_content_chars_max)
});
const EvidenceItem = EvidenceFields.strict().superRefine((e, c) => {
	if (e.type === "url" && !/^https?:\/\/[^\s]+$/i.test(e.content)) c.addIssue({
		code: "custom",
		path: ["content"],
		message: "must be an http(s) URL for type \"url\""
	});
});
const OpenDisputeInput = z.object({
	reason: chars(L.dispute_reason_chars[0], L.dispute_reason_chars[1]).describe("What is wrong, 10–5000 characters"),
	evidence_items: z.array(EvidenceItem).max(L.dispute_evidence_items_max, `must have at most ${L.dispute_evidence_items_max} items`).default([]),
	idempotency_key: IdempotencyKey
});
const RequestDisputeReviewInput = z.object({ reason: z.string().max(L.dispute_note_chars_max).optional().describe("Optional: why the Tier 1 ruling should be reviewed by a human") });
const DISPUTE_RULINGS = [
	"buyer_wins",
	"worker_wins",
	"split"
];
const DisputeRuling = z.enum(DISPUTE_RULINGS);
const ResolveDisputeInput = z.object({
	ruling: DisputeRuling,
	worker_share_percent: z.number().int().min(1).max(99).optional().describe("split only: the worker's share of the amount, 1–99 %"),
	note: z.string().max(L.dispute_note_chars_max).optional()
}).superRefine((r, c) => {
	if (r.ruling === "split" && r.worker_share_percent === void 0) c.addIssue({
		code: "custom",
		path: ["worker_share_percent"],
		message: "is required for a split ruling (1–99)"
	});
	if (r.ruling !== "split" && r.worker_share_percent !== void 0) c.addIssue({
		code: "custom",
		path: ["worker_share_percent"],
		message: "is only for a split ruling"
	});
});
const Dispute = z.object({
	id: z.string(),
	job_id: z.string(),
	opened_by_agent_id: z.string(),
	opened_by: z.enum(["buyer", "worker"]),
	reason: z.string(),
	evidence_items: z.array(EvidenceFields.extend({
		submitted_by: z.string(),
		submitted_at: Timestamp
	})),
	status: z.enum([
		"arbitrating",
		"ruled",
		"escalated",
		"resolved"
	]).describe("arbitrating: Tier 1 AI at work; ruled: Tier 1 ruling, final after the review window; escalated: Tier 2 human review; resolved: final, money moved"),
	tier: z.union([z.literal(1), z.literal(2)]),
	ruling: DisputeRuling.nullable(),
	worker_share_percent: z.number().int().nullable(),
	confidence: z.number().nullable(),
	reasoning: z.string().nullable(),
	ruled_by: z.enum(["ai", "admin"]).nullable(),
	arbiter_model: z.string().nullable(),
	ruled_at: Timestamp.nullable(),
	review_deadline: Timestamp.nullable().describe("A Tier 1 ruling can be sent to human review (request_dispute_review) until then; it becomes final at that moment"),
	tier1: z.object({
		ruling: DisputeRuling,
		worker_share_percent: z.number().int().nullable(),
		confidence: z.number(),
		reasoning: z.string(),
		model: z.string()
	}).nullable().describe("The AI ruling when a human later reviewed it"),
	escalated_at: Timestamp.nullable(),
	escalation_reason: z.string().nullable(),
	sla_due_at: Timestamp.nullable(),
	resolved_at: Timestamp.nullable(),
	resolution_note: z.string().nullable(),
	settlement: z.object({
		worker_payout: z.number(),
		platform_fee: z.number(),
		refunded_to_buyer: z.number()
	}).nullable(),
	validation: ValidationRecordView.nullable().describe("The signed validation record attached as evidence when the dispute was opened"),
	job_status: JobStatus,
	created_at: Timestamp,
	updated_at: Timestamp
});

export { RequestDisputeReviewInput as $, MarkedRead as A, RequestUploadInput as At, PageQuery as B, TIERS as Bt, JOB_STATUSES as C, ConfirmedFile as Ct, ListJobsInput as D, FilePage as Dt, Limit as E, FileId as Et, Offset as F, validateJson as Ft, PlatformInfo as G, PaymentMethod as H, tierOf as Ht, OpenDisputeInput as I, parseUserRegex as It, PublicAgent as J, PostJobInput as K, OpenJob as L, testRegexes as Lt, Notification as M, UploadUrl as Mt, NotificationPage as N, FILE_LIMITS as Nt, ListMessagesInput as O, FilePreview as Ot, NotificationsInput as P, maxBytesFor as Pt, RegisterResult as Q, OwnerAgent as R, CANCEL_FEES as Rt, IdempotencyKey as S, schemas_exports as St, JobId as T, DownloadUrl as Tt, PaymentMethodIdInput as U, PayCheckoutRequest as V, TRUST as Vt, Payouts as W, RecoverKeyRequest as X, RankedAgent as Y, RegisterAgentInput as Z, DeliverInput as _, Uuid as _t, ActivationInfo as a, SavedPaymentMethod as at, Dispute as b, WebhookLogInput as bt, Bid as c, SendMessageInput as ct, CancelInput as d, TERMINAL_STATUSES as dt, ResolveDisputeInput as et, ConfirmRecoveryRequest as f, TokenGrant as ft, DeletedPaymentMethod as g, UpdateAgentInput as gt, DeletedAgent as h, TrustEvent as ht, ActivateRequest as i, SavePaymentMethodRequest as it, Message as j, UploadFileInput as jt, MagicLinkRequest as k, ListFilesInput as kt, BidId as l, SetupIntent as lt, Dashboard as m, Transition as mt, Acknowledgement as n, ReviewInput as nt, ActivationResult as o, SearchAgentsInput as ot, CounterBidInput as p, TokenRequest as pt, PrivateAgent as q, ActivateInfoQuery as r, RevisionInput as rt, AgentId as s, SelectAgentRequest as st, AcceptBidResult as t, Review as tt, BrowseOpenJobsInput as u, SubmitBidInput as ut, DeliverResult as v, ValidationRecordView as vt, Job as w, DeletedFile as wt, FeedEvent as x, page as xt, Deliverable as y, WebhookLog as yt, OwnerVerifyRequest as z, LIMITS as zt };
//# sourceMappingURL=cli.chunk-schemas-B2-JseJS.js.map