import { t as __exportAll } from "./cli.chunk-rolldown-runtime-ad2WFvuA.js";
import { Readable } from "node:stream";
import { Hono } from "hono";
import { m as normaliseMime } from "./cli.chunk-tools-BFyqWitb.js";
import { a as contentDisposition, i as StoreError, r as FILES_PATH_PREFIX } from "./cli.chunk-engine-B4wIpRmX.js";

// bench/.out/src/files/http.js
/**
* The HTTP side of the local store: `PUT /files/<key>?…&sig=…` uploads, `GET` downloads.
* `filesRoutes(deps)` is a Hono sub-app; the REST app mounts it at FILES_PATH_PREFIX, and in
* stdio mode FileService serves it on a loopback listener started on first use.
*
* Each request is checked in this order: the signature and expiry (signing.ts), then the
* database (the file must be pending for an upload, confirmed for a download, and the URL's
* key must be that file's key), then the request itself (Content-Type as signed, size within
* the signed limit — counted while streaming, not trusted from Content-Length).
*/
var http_exports = /* @__PURE__ */ __exportAll({ filesRoutes: () => filesRoutes });
const fail = (c, status, code, message) => c.json({
	success: false,
	error: {
		code,
		message
	}
}, status);
/** `/files/a/b/c` → `a/b/c` (each segment URL-decoded), or null. */
function keyOf(pathname) {
	const at = pathname.indexOf(`${FILES_PATH_PREFIX}/`);
	if (at < 0) return null;
	try {
		return pathname.slice(at + FILES_PATH_PREFIX.length + 1).split("/").map(decodeURIComponent).join("/");
	} catch {
		return null;
	}
}
/** One `bytes=a-b` / `bytes=a-` / `bytes=-n` range within `size`, or null (serve it all), or 'bad'. */
function parseRange(header, size) {
	if (!header) return null;
	const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
	if (!m || m[1] === "" && m[2] === "") return "bad";
	let start, end;
	if (m[1] === "") start = Math.max(0, size - Number(m[2])), end = size - 1;
	else start = Number(m[1]), end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
	return start > end || start >= size ? "bad" : {
		start,
		end
	};
}
function filesRoutes(deps) {
	const app = new Hono();
	/** Lets a second process on the same database find out it can reuse this listener. */
	app.get("/_health", (c) => c.json({
		service: "voxpact-files",
		store_id: deps.signer.storeId()
	}));
	app.on([
		"PUT",
		"GET",
		"HEAD"
	], "/*", async (c) => {
		const local = deps.localStore();
		if (!local) return fail(c, 404, "not_found", "files are stored in S3 here: use the presigned URL you were given");
		const url = new URL(c.req.url);
		const key = keyOf(url.pathname);
		if (!key) return fail(c, 404, "not_found", "no such file URL");
		const method = c.req.method === "HEAD" ? "GET" : c.req.method;
		const v = deps.signer.verify(method, key, url.searchParams, deps.clock.now());
		if (!v.ok) return fail(c, v.status, v.code, v.message);
		const r = v.req;
		try {
			local.pathOf(key);
		} catch {
			return fail(c, 400, "invalid_key", "not a file key");
		}
		if (method === "PUT") {
			const gate = deps.gate.canUpload(r.file_id, key, r.agent_id);
			if (!gate.ok) return fail(c, gate.status, gate.code, gate.message);
			const sent = normaliseMime(c.req.header("content-type") ?? "");
			if (!sent || sent !== normaliseMime(r.content_type ?? "")) return fail(c, 403, "content_type_mismatch", `send the Content-Type this URL was issued for: '${r.content_type}' (got '${c.req.header("content-type") ?? ""}')`);
			const max = r.max_bytes ?? 0;
			const declared = c.req.header("content-length");
			if (declared !== void 0 && Number(declared) > max) return fail(c, 413, "file_too_large", `the body (${declared} bytes) is larger than the ${max} bytes declared for this upload`);
			const body = c.req.raw.body;
			try {
				const info = await local.write(key, body ? body : [], max);
				deps.gate.record(r.file_id, r.agent_id, "upload", `${info.size_bytes} bytes over HTTP`);
				c.header("ETag", `"${info.etag}"`);
				return c.json({
					success: true,
					data: {
						file_id: r.file_id,
						size_bytes: info.size_bytes,
						next: "confirm the upload (confirm_upload / POST …/files/:fileId/confirm)"
					}
				});
			} catch (e) {
				if (e instanceof StoreError && e.code === "too_large") return fail(c, 413, "file_too_large", `the body is larger than the ${max} bytes declared for this upload; nothing was stored`);
				throw e;
			}
		}
		const gate = deps.gate.canDownload(r.file_id, key);
		if (!gate.ok) return fail(c, gate.status, gate.code, gate.message);
		const info = await local.head(key);
		if (!info) return fail(c, 410, "file_unavailable", "the file is no longer in the store");
		if (gate.etag && info.etag !== gate.etag) return fail(c, 409, "file_changed", "the stored bytes changed after the upload was confirmed; the file is not served");
		const range = parseRange(c.req.header("range"), info.size_bytes);
		if (range === "bad") {
			c.header("Content-Range", `bytes */${info.size_bytes}`);
			return fail(c, 416, "range_not_satisfiable", `the file has ${info.size_bytes} bytes`);
		}
		const headers = {
			"Content-Type": gate.content_type,
			"Content-Disposition": contentDisposition(gate.filename),
			"X-Content-Type-Options": "nosniff",
			"Content-Security-Policy": "default-src 'none'; sandbox",
			"Cache-Control": "private, no-store",
			"Accept-Ranges": "bytes",
			ETag: `"${info.etag}"`
		};
		const start = range?.start ?? 0;
		const end = range?.end ?? info.size_bytes - 1;
		headers["Content-Length"] = String(Math.max(0, end - start + 1));
		if (range) headers["Content-Range"] = `bytes ${start}-${end}/${info.size_bytes}`;
		const status = range ? 206 : 200;
		if (c.req.method === "HEAD" || info.size_bytes === 0) return c.body(null, status, headers);
		deps.gate.record(r.file_id, r.agent_id, "download", range ? `bytes ${start}-${end}` : `${info.size_bytes} bytes`);
		const stream = await local.stream(key, {
			start,
			end
		});
		return c.body(Readable.toWeb(stream), status, headers);
	});
	app.all("/*", (c) => fail(c, 405, "method_not_allowed", "signed file URLs take PUT (upload) or GET (download)"));
	return app;
}

export { http_exports as n, filesRoutes as t };
//# sourceMappingURL=cli.chunk-http-DJGm60mo.js.map