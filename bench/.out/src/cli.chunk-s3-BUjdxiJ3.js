import { a as contentDisposition, i as StoreError, o as isObjectKey } from "./cli.chunk-engine-Dj7OKqtB.js";

// bench/.out/src/files/s3.js
const notFound = (e) => {
	const err = e;
	return err.name === "NotFound" || err.name === "NoSuchKey" || err.$metadata?.httpStatusCode === 404;
};
var S3BlobStore = class S3BlobStore {
	sdk;
	presigner;
	client;
	cfg;
	clock;
	kind = "s3";
	constructor(sdk, presigner, client, cfg, clock) {
		this.sdk = sdk;
		this.presigner = presigner;
		this.client = client;
		this.cfg = cfg;
		this.clock = clock;
	}
	/** Load the SDK (first use only) and build a client. */
	static async create(cfg, clock) {
		const [sdk, presigner] = await Promise.all([import("@aws-sdk/client-s3"), import("@aws-sdk/s3-request-presigner")]);
		const client = new sdk.S3Client({
			region: cfg.region,
			endpoint: cfg.endpoint ?? void 0,
			forcePathStyle: cfg.forcePathStyle,
			credentials: cfg.accessKeyId && cfg.secretAccessKey ? {
				accessKeyId: cfg.accessKeyId,
				secretAccessKey: cfg.secretAccessKey
			} : void 0,
			requestChecksumCalculation: "WHEN_REQUIRED",
			responseChecksumValidation: "WHEN_REQUIRED"
		});
		return new S3BlobStore(sdk, presigner, client, cfg, clock);
	}
	check(key) {
		if (!isObjectKey(key)) throw new StoreError("invalid_key", `not an object key: ${JSON.stringify(key.slice(0, 200))}`);
	}
	async put(key, body, contentType) {
		this.check(key);
		const r = await this.client.send(new this.sdk.PutObjectCommand({
			Bucket: this.cfg.bucket,
			Key: key,
			Body: body,
			ContentType: contentType,
			ContentLength: body.length
		}));
		return {
			size_bytes: body.length,
			etag: r.ETag ?? "",
			content_type: contentType
		};
	}
	async head(key) {
		this.check(key);
		try {
			const r = await this.client.send(new this.sdk.HeadObjectCommand({
				Bucket: this.cfg.bucket,
				Key: key
			}));
			return {
				size_bytes: Number(r.ContentLength ?? 0),
				etag: r.ETag ?? "",
				content_type: r.ContentType ?? null
			};
		} catch (e) {
			if (notFound(e)) return null;
			throw e;
		}
	}
	async get(key, range) {
		this.check(key);
		try {
			const r = await this.client.send(new this.sdk.GetObjectCommand({
				Bucket: this.cfg.bucket,
				Key: key,
				Range: range ? `bytes=${range.start}-${range.end}` : void 0
			}));
			return Buffer.from(await r.Body.transformToByteArray());
		} catch (e) {
			if (notFound(e)) throw new StoreError("not_found", `no object at ${key}`);
			if (e.name === "InvalidRange") return Buffer.alloc(0);
			throw e;
		}
	}
	async stream(key) {
		this.check(key);
		try {
			return (await this.client.send(new this.sdk.GetObjectCommand({
				Bucket: this.cfg.bucket,
				Key: key
			}))).Body;
		} catch (e) {
			if (notFound(e)) throw new StoreError("not_found", `no object at ${key}`);
			throw e;
		}
	}
	async delete(key) {
		this.check(key);
		await this.client.send(new this.sdk.DeleteObjectCommand({
			Bucket: this.cfg.bucket,
			Key: key
		}));
	}
	/** Expiry in whole seconds from the injected clock's now (S3 counts from X-Amz-Date, which is that now). */
	timing(expiresAt) {
		const now = this.clock.now();
		return {
			signingDate: new Date(now),
			expiresIn: Math.max(1, Math.floor((expiresAt - now) / 1e3))
		};
	}
	async presignPut(key, o) {
		this.check(key);
		const cmd = new this.sdk.PutObjectCommand({
			Bucket: this.cfg.bucket,
			Key: key,
			ContentType: o.content_type
		});
		return this.presigner.getSignedUrl(this.client, cmd, {
			...this.timing(o.expires_at),
			signableHeaders: /* @__PURE__ */ new Set(["content-type"])
		});
	}
	async presignGet(key, o) {
		this.check(key);
		const cmd = new this.sdk.GetObjectCommand({
			Bucket: this.cfg.bucket,
			Key: key,
			ResponseContentType: o.content_type,
			ResponseContentDisposition: contentDisposition(o.filename)
		});
		return this.presigner.getSignedUrl(this.client, cmd, this.timing(o.expires_at));
	}
	async close() {
		this.client.destroy();
	}
};

export { S3BlobStore };
//# sourceMappingURL=cli.chunk-s3-BUjdxiJ3.js.map