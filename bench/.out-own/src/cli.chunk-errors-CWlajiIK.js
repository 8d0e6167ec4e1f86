// bench/.out/src/errors.js
/**
* One error type for the whole surface. `code` is the stable snake_case string of the
* API reference; `status` is the HTTP status the REST API answers with; `field` names the
* argument at fault so an LLM knows what to change.
*/
var VoxError = class extends Error {
	code;
	status;
	details;
	constructor(code, message, status = 400, details = {}) {
		super(message);
		this.code = code;
		this.status = status;
		this.details = details;
		this.name = "VoxError";
	}
	toJSON() {
		return {
			code: this.code,
			message: this.message,
			...this.details
		};
	}
};
const invalid = (field, rule) => new VoxError("validation_error", `${field} ${rule}`, 400, { field });
const notFound = (what, id) => new VoxError("not_found", `${what} '${id}' not found`, 404);
const unauthorized = (message = "missing or invalid credentials") => new VoxError("unauthorized", message, 401);

export { unauthorized as i, invalid as n, notFound as r, VoxError as t };
//# sourceMappingURL=cli.chunk-errors-CWlajiIK.js.map