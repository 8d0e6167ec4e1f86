export function filesConfigFromEnv(env) {
    const portRaw = env.VOXPACT_FILES_PORT ?? '0';
    const port = Number(portRaw);
    if (!/^\d+$/.test(portRaw) || port > 65535)
        throw new Error(`VOXPACT_FILES_PORT must be a port number 0–65535 (got '${portRaw}')`);
    const publicUrl = env.VOXPACT_PUBLIC_URL?.trim() || null;
    if (publicUrl && !/^https?:\/\/[^\s/]+/.test(publicUrl))
        throw new Error(`VOXPACT_PUBLIC_URL must be an http(s) URL (got '${publicUrl}')`);
    const bucket = env.VOXPACT_S3_BUCKET?.trim();
    const endpoint = env.VOXPACT_S3_ENDPOINT?.trim() || null;
    const s3 = bucket ? {
        bucket,
        endpoint,
        region: env.VOXPACT_S3_REGION?.trim() || (endpoint ? 'auto' : 'us-east-1'),
        forcePathStyle: env.VOXPACT_S3_FORCE_PATH_STYLE ? env.VOXPACT_S3_FORCE_PATH_STYLE === 'true' || env.VOXPACT_S3_FORCE_PATH_STYLE === '1' : endpoint !== null,
        accessKeyId: env.AWS_ACCESS_KEY_ID || null,
        secretAccessKey: env.AWS_SECRET_ACCESS_KEY || null,
    } : null;
    return { port, publicUrl: publicUrl?.replace(/\/+$/, '') ?? null, s3, dir: env.VOXPACT_FILES_DIR?.trim() || undefined };
}
//# sourceMappingURL=config.js.map