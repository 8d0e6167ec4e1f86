/**
 * Every bound of file transfer, named once. From the reference's File Transfer section unless
 * marked "ours".
 */
const MB = 1024 * 1024;
const GB = 1024 * MB;
export const FILE_LIMITS = {
    input_max_bytes: 500 * MB, // 524 288 000, the reference's max_size_bytes for inputs
    deliverable_max_bytes: 1 * GB,
    files_per_purpose_max: 10, // 10 input and 10 deliverable files per job
    job_total_max_bytes: 5 * GB,
    filename_chars: [1, 255],
    upload_url_ttl_ms: 30 * 60_000,
    download_url_ttl_ms: 60 * 60_000,
    preview_full_max_bytes: 10 * MB, // under this the whole file is previewed
    preview_partial_bytes: 512 * 1024, // above it, the first 512 KB
    list_limit_max: 50,
    list_limit_default: 20,
    metadata_bytes_max: 16 * 1024, // ours
    inline_max_bytes: 10 * MB, // ours: content / content_base64 in one tool call; larger files use the upload URL
    deliverable_text_max_bytes: 10 * MB, // ours: a text deliverable up to this size is also kept inline for the judges
    pending_confirm_grace_ms: 24 * 60 * 60_000, // ours: a pending upload not confirmed this long after its URL expired is abandoned
};
export const maxBytesFor = (purpose) => purpose === 'input' ? FILE_LIMITS.input_max_bytes : FILE_LIMITS.deliverable_max_bytes;
//# sourceMappingURL=limits.js.map