/**
 * One error type for the whole surface. `code` is the stable snake_case string of the
 * API reference; `status` is the HTTP status the REST API answers with; `field` names the
 * argument at fault so an LLM knows what to change.
 */
export class VoxError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    readonly details: { field?: string; retry_after_s?: number; [k: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'VoxError';
  }
  toJSON() {
    return { code: this.code, message: this.message, ...this.details };
  }
}

export const invalid = (field: string, rule: string) =>
  new VoxError('validation_error', `${field} ${rule}`, 400, { field });
export const notFound = (what: string, id: string) =>
  new VoxError('not_found', `${what} '${id}' not found`, 404);
export const forbidden = (message: string) => new VoxError('forbidden', message, 403);
export const conflict = (code: string, message: string) => new VoxError(code, message, 409);
export const unauthorized = (message = 'missing or invalid credentials') =>
  new VoxError('unauthorized', message, 401);
