/**
 * Content types: the allow-list (what may be uploaded), categories for previews, a guess from
 * the filename for inline uploads, and magic-byte sniffing that describes a binary and catches
 * an executable dressed as something else.
 */
/**
 * Allowed MIME types (ours; the reference says "must be an allowed MIME type"). Every `text/*`
 * except script types, plus these. `application/octet-stream` is not allowed: say what it is.
 */
export const ALLOWED_MIME_TYPES = [
    // documents
    'application/pdf', 'application/rtf', 'application/epub+zip',
    'application/msword', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.ms-excel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.ms-powerpoint', 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    'application/vnd.oasis.opendocument.text', 'application/vnd.oasis.opendocument.spreadsheet', 'application/vnd.oasis.opendocument.presentation',
    // data
    'application/json', 'application/ld+json', 'application/x-ndjson', 'application/xml', 'application/yaml', 'application/x-yaml',
    'application/sql', 'application/vnd.apache.parquet', 'application/geo+json',
    // archives
    'application/zip', 'application/gzip', 'application/x-gzip', 'application/x-tar', 'application/x-7z-compressed', 'application/x-bzip2', 'application/zstd',
    // images
    'image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/svg+xml', 'image/tiff', 'image/bmp', 'image/avif', 'image/heic', 'image/x-icon',
    // audio
    'audio/mpeg', 'audio/wav', 'audio/x-wav', 'audio/ogg', 'audio/webm', 'audio/flac', 'audio/aac', 'audio/mp4', 'audio/x-m4a',
    // video
    'video/mp4', 'video/webm', 'video/quicktime', 'video/ogg', 'video/x-matroska', 'video/mpeg',
];
const ALLOWED = new Set(ALLOWED_MIME_TYPES);
/** `text/*` types that are programs a browser or shell would run. */
export const BLOCKED_TEXT_TYPES = ['text/javascript', 'text/ecmascript', 'text/jscript', 'text/vbscript', 'text/x-sh', 'text/x-shellscript', 'text/x-msdos-batch', 'text/x-powershell'];
const BLOCKED_TEXT = new Set(BLOCKED_TEXT_TYPES);
/** `Text/Plain ; Charset="UTF-8"` → `text/plain; charset=utf-8`; null when it is not a MIME type. */
export function normaliseMime(raw) {
    const [essence, ...params] = raw.split(';');
    const e = essence.trim().toLowerCase();
    if (!/^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/.test(e))
        return null;
    const kept = [];
    for (const p of params) {
        const m = /^\s*([a-z0-9_-]+)\s*=\s*"?([a-z0-9._-]+)"?\s*$/i.exec(p);
        if (!m)
            return null;
        if (m[1].toLowerCase() === 'charset')
            kept.push(`charset=${m[2].toLowerCase()}`); // other parameters are dropped
    }
    return [e, ...kept].join('; ');
}
export const essenceOf = (mime) => mime.split(';')[0].trim().toLowerCase();
/** Why `mime` may not be uploaded, or null when it is allowed. */
export function mimeProblem(mime) {
    const n = normaliseMime(mime);
    if (!n)
        return `'${mime}' is not a MIME type (type/subtype, e.g. application/pdf)`;
    const e = essenceOf(n);
    if (e.startsWith('text/'))
        return BLOCKED_TEXT.has(e) ? `'${e}' is a script type and is not allowed` : null;
    if (ALLOWED.has(e))
        return null;
    return `'${e}' is not an allowed type; allowed: text/* (not scripts), documents (pdf, office, opendocument, rtf, epub), data (json, xml, yaml, ndjson, parquet), archives (zip, gzip, tar, 7z), images, audio and video`;
}
export function categoryOf(mime) {
    const e = essenceOf(mime);
    if (e.startsWith('image/'))
        return 'image';
    if (e.startsWith('audio/'))
        return 'audio';
    if (e.startsWith('video/'))
        return 'video';
    if (e.startsWith('text/'))
        return 'text';
    if (/officedocument|opendocument|msword|ms-excel|ms-powerpoint|epub|rtf|pdf/.test(e))
        return 'document';
    if (/json|xml|yaml|ndjson|sql|parquet/.test(e))
        return 'data';
    if (/zip|gzip|tar|7z|bzip|zstd/.test(e) && !/officedocument|opendocument|epub/.test(e))
        return 'archive';
    return 'document';
}
/** Types whose bytes are meant to be read as text (previews show them; judges read them). */
export function isTextual(mime) {
    const e = essenceOf(mime);
    return e.startsWith('text/') || /^application\/(json|ld\+json|geo\+json|x-ndjson|xml|yaml|x-yaml|sql)$/.test(e) || e === 'image/svg+xml';
}
const BY_EXTENSION = {
    txt: 'text/plain', md: 'text/markdown', markdown: 'text/markdown', csv: 'text/csv', tsv: 'text/tab-separated-values', html: 'text/html', htm: 'text/html',
    css: 'text/css', log: 'text/plain', py: 'text/x-python', rst: 'text/x-rst', tex: 'text/x-tex', srt: 'text/plain', vtt: 'text/vtt',
    json: 'application/json', jsonl: 'application/x-ndjson', ndjson: 'application/x-ndjson', xml: 'application/xml', yaml: 'application/yaml', yml: 'application/yaml',
    sql: 'application/sql', parquet: 'application/vnd.apache.parquet', geojson: 'application/geo+json',
    pdf: 'application/pdf', rtf: 'application/rtf', epub: 'application/epub+zip', doc: 'application/msword',
    docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', xls: 'application/vnd.ms-excel',
    xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ppt: 'application/vnd.ms-powerpoint',
    pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', odt: 'application/vnd.oasis.opendocument.text',
    ods: 'application/vnd.oasis.opendocument.spreadsheet', odp: 'application/vnd.oasis.opendocument.presentation',
    zip: 'application/zip', gz: 'application/gzip', tgz: 'application/gzip', tar: 'application/x-tar', '7z': 'application/x-7z-compressed', bz2: 'application/x-bzip2', zst: 'application/zstd',
    png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', svg: 'image/svg+xml', tif: 'image/tiff', tiff: 'image/tiff',
    bmp: 'image/bmp', avif: 'image/avif', heic: 'image/heic', ico: 'image/x-icon',
    mp3: 'audio/mpeg', wav: 'audio/wav', ogg: 'audio/ogg', oga: 'audio/ogg', flac: 'audio/flac', aac: 'audio/aac', m4a: 'audio/mp4', weba: 'audio/webm',
    mp4: 'video/mp4', webm: 'video/webm', mov: 'video/quicktime', ogv: 'video/ogg', mkv: 'video/x-matroska', mpeg: 'video/mpeg', mpg: 'video/mpeg',
};
/** The MIME type a filename's extension suggests, or null. */
export function mimeFromFilename(filename) {
    const m = /\.([A-Za-z0-9]{1,10})$/.exec(filename.trim());
    const ext = m?.[1].toLowerCase();
    // Own keys only: "notes.constructor" must not find Object.prototype.constructor.
    return ext !== undefined && Object.hasOwn(BY_EXTENSION, ext) ? BY_EXTENSION[ext] : null;
}
const startsWith = (b, sig, at = 0) => b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);
const ascii = (b, from, to) => b.subarray(from, to).toString('latin1');
/** What the first bytes say the file is. `executable` marks programs (PE, ELF, Mach-O, …). */
export function sniff(head) {
    const b = head;
    if (startsWith(b, [0x4d, 0x5a]))
        return { type: 'application/x-msdownload', description: 'Windows executable (MZ/PE)', executable: true };
    if (startsWith(b, [0x7f, 0x45, 0x4c, 0x46]))
        return { type: 'application/x-elf', description: 'ELF executable', executable: true };
    for (const m of [[0xfe, 0xed, 0xfa, 0xce], [0xfe, 0xed, 0xfa, 0xcf], [0xce, 0xfa, 0xed, 0xfe], [0xcf, 0xfa, 0xed, 0xfe]])
        if (startsWith(b, m))
            return { type: 'application/x-mach-binary', description: 'Mach-O executable', executable: true };
    if (startsWith(b, [0xca, 0xfe, 0xba, 0xbe]) && b.length >= 8 && b.readUInt32BE(4) < 0x30)
        return { type: 'application/x-mach-binary', description: 'Mach-O universal executable', executable: true };
    if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
        return { type: 'application/x-ole-storage', description: 'OLE compound document (legacy Office / MSI)', executable: false };
    if (ascii(b, 0, 5) === '%PDF-')
        return { type: 'application/pdf', description: `PDF document, version ${ascii(b, 5, 8).replace(/[^0-9.]/g, '')}`, executable: false };
    if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
        const dims = b.length >= 24 ? `, ${b.readUInt32BE(16)}×${b.readUInt32BE(20)} px` : '';
        return { type: 'image/png', description: `PNG image${dims}`, executable: false };
    }
    if (startsWith(b, [0xff, 0xd8, 0xff]))
        return { type: 'image/jpeg', description: 'JPEG image', executable: false };
    if (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a') {
        const dims = b.length >= 10 ? `, ${b.readUInt16LE(6)}×${b.readUInt16LE(8)} px` : '';
        return { type: 'image/gif', description: `GIF image${dims}`, executable: false };
    }
    if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP')
        return { type: 'image/webp', description: 'WebP image', executable: false };
    if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WAVE')
        return { type: 'audio/wav', description: 'WAV audio', executable: false };
    if (ascii(b, 0, 4) === 'OggS')
        return { type: 'audio/ogg', description: 'Ogg container (audio/video)', executable: false };
    if (ascii(b, 0, 4) === 'fLaC')
        return { type: 'audio/flac', description: 'FLAC audio', executable: false };
    if (ascii(b, 0, 3) === 'ID3' || startsWith(b, [0xff, 0xfb]) || startsWith(b, [0xff, 0xf3]))
        return { type: 'audio/mpeg', description: 'MP3 audio', executable: false };
    if (ascii(b, 4, 8) === 'ftyp') {
        const brand = ascii(b, 8, 12);
        const kind = /^(qt)/.test(brand) ? 'QuickTime video' : /^(M4A|M4B)/.test(brand) ? 'MPEG-4 audio' : /^(heic|heix|mif1)/.test(brand) ? 'HEIF image' : /^avif/.test(brand) ? 'AVIF image' : 'MPEG-4 video';
        return { type: 'video/mp4', description: `${kind} (brand ${brand.trim()})`, executable: false };
    }
    if (startsWith(b, [0x1a, 0x45, 0xdf, 0xa3]))
        return { type: 'video/x-matroska', description: 'Matroska/WebM video', executable: false };
    if (startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06])) {
        const head = b.toString('latin1');
        const kind = head.includes('word/') ? 'Word document (docx)' : head.includes('xl/') ? 'Excel workbook (xlsx)' : head.includes('ppt/') ? 'PowerPoint deck (pptx)'
            : head.includes('mimetypeapplication/epub') ? 'EPUB book' : head.includes('mimetypeapplication/vnd.oasis') ? 'OpenDocument file' : 'ZIP archive';
        return { type: 'application/zip', description: kind, executable: false };
    }
    if (startsWith(b, [0x1f, 0x8b]))
        return { type: 'application/gzip', description: 'gzip-compressed data', executable: false };
    if (startsWith(b, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]))
        return { type: 'application/x-7z-compressed', description: '7-Zip archive', executable: false };
    if (startsWith(b, [0x42, 0x5a, 0x68]))
        return { type: 'application/x-bzip2', description: 'bzip2-compressed data', executable: false };
    if (startsWith(b, [0x28, 0xb5, 0x2f, 0xfd]))
        return { type: 'application/zstd', description: 'Zstandard-compressed data', executable: false };
    if (b.length >= 262 && ascii(b, 257, 262) === 'ustar')
        return { type: 'application/x-tar', description: 'tar archive', executable: false };
    if (ascii(b, 0, 4) === 'PAR1')
        return { type: 'application/vnd.apache.parquet', description: 'Parquet data', executable: false };
    if (startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a]))
        return { type: 'image/tiff', description: 'TIFF image', executable: false };
    if (ascii(b, 0, 2) === 'BM' && b.length >= 26)
        return { type: 'image/bmp', description: `BMP image, ${b.readInt32LE(18)}×${Math.abs(b.readInt32LE(22))} px`, executable: false };
    if (ascii(b, 0, 5) === '{\\rtf')
        return { type: 'application/rtf', description: 'RTF document', executable: false };
    return null;
}
/** Does `bytes` read as UTF-8 text (no NUL, valid encoding)? A cut-off last character is tolerated. */
export function looksLikeText(bytes, truncated) {
    if (bytes.includes(0))
        return false;
    const body = truncated ? trimPartialUtf8(bytes) : bytes;
    try {
        new TextDecoder('utf-8', { fatal: true }).decode(body);
        return true;
    }
    catch {
        return false;
    }
}
/** Drop a multi-byte UTF-8 sequence cut off at the end of `b`. */
export function trimPartialUtf8(b) {
    let i = b.length - 1;
    let back = 0;
    while (i >= 0 && back < 4 && (b[i] & 0xc0) === 0x80)
        (i--, back++);
    if (i < 0)
        return b;
    const lead = b[i];
    const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
    return need > back + 1 ? b.subarray(0, i) : b;
}
/** `0 B`, `512 B`, `200.0 KB`, `1.5 MB`, `5.0 GB` (1024-based, as the reference's examples). */
export function humanSize(bytes) {
    if (bytes < 1024)
        return `${bytes} B`;
    const units = ['KB', 'MB', 'GB', 'TB'];
    let v = bytes / 1024;
    let u = 0;
    while (v >= 1024 && u < units.length - 1)
        (v /= 1024), u++;
    return `${v.toFixed(1)} ${units[u]}`;
}
export const hexHead = (b, n = 16) => [...b.subarray(0, n)].map((x) => x.toString(16).padStart(2, '0')).join(' ');
//# sourceMappingURL=mime.js.map