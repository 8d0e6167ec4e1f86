/**
 * Filenames are text written by an agent. They are checked (blocked extensions, also when
 * hidden behind case, double extensions, trailing dots or spaces, NTFS streams, full-width or
 * Cyrillic look-alike letters, or direction-changing characters) and they never reach a
 * filesystem path or an object key as written: `safeName` turns any name into a short ASCII
 * segment that cannot climb out of a directory or hit a Windows device name.
 */
/** The reference's blocked extensions (File Transfer). */
export const BLOCKED_EXTENSIONS = [
    'exe', 'bat', 'cmd', 'com', 'msi', 'scr', 'pif', 'vbs', 'vbe', 'js', 'jse', 'ws', 'wsf', 'wsc', 'reg', 'inf', 'ps1', 'psm1',
];
const BLOCKED = new Set(BLOCKED_EXTENSIONS);
export const FILENAME_CHARS = [1, 255];
/** Longest safe name segment (bytes = chars: it is ASCII). */
export const SAFE_NAME_MAX = 100;
/** Letters from other scripts that render like the Latin ones of the blocked extensions. */
const CONFUSABLES = {
    'а': 'a', 'в': 'b', 'с': 'c', 'ԁ': 'd', 'е': 'e', 'һ': 'h', 'і': 'i', 'ј': 'j', 'к': 'k', 'ӏ': 'l', 'м': 'm',
    'о': 'o', 'р': 'p', 'ԛ': 'q', 'ѕ': 's', 'т': 't', 'ս': 'u', 'ѵ': 'v', 'ԝ': 'w', 'х': 'x', 'у': 'y', 'ɡ': 'g',
    'α': 'a', 'β': 'b', 'ε': 'e', 'ι': 'i', 'κ': 'k', 'ν': 'v', 'ο': 'o', 'ρ': 'p', 'τ': 't', 'υ': 'u', 'χ': 'x',
    'ı': 'i', 'ℓ': 'l', 'ѐ': 'e', 'ё': 'e',
};
/** Bidi overrides/isolates and zero-width characters: they make `evil‮fdp.exe` look like `evil.exe.pdf`. */
const INVISIBLE = /[\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]/u;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/**
 * The name as an operating system would see it, for the extension check: Unicode compatibility
 * forms folded (full-width `．ＥＸＥ` → `.exe`), look-alike letters mapped to Latin, an NTFS
 * stream suffix dropped (`a.exe::$DATA`, `a.exe:zone`), trailing dots and spaces dropped
 * (Windows ignores them), lower case.
 */
export function effectiveName(name) {
    let n = name.normalize('NFKC').toLowerCase();
    n = [...n].map((c) => (Object.hasOwn(CONFUSABLES, c) ? CONFUSABLES[c] : c)).join('');
    return n;
}
/** Every extension an OS might honour: of the last path part, and of each NTFS stream part. */
export function extensionsOf(name) {
    const n = effectiveName(name);
    const base = n.split(/[\\/]/).pop() ?? n;
    const out = [];
    for (const part of base.split(':')) {
        const p = part.replace(/[. \t]+$/u, ''); // "a.exe. . " is a.exe on Windows
        const dot = p.lastIndexOf('.');
        if (dot >= 0 && dot < p.length - 1)
            out.push(p.slice(dot + 1));
    }
    return out;
}
/** The blocked extension hidden in `name`, or null. `report.pdf.exe`, `A.EXE.`, `x.exe::$DATA`, `ｘ.ｅｘｅ`. */
export function blockedExtension(name) {
    for (const ext of extensionsOf(name))
        if (BLOCKED.has(ext))
            return `.${ext}`;
    return null;
}
/**
 * Why `name` is not an acceptable filename, or null. Length 1–255 characters; no control
 * characters (NUL included); no invisible or direction-changing characters; not only dots and
 * spaces; no blocked extension however it is disguised.
 */
export function filenameProblem(name) {
    const chars = [...name].length;
    if (chars < FILENAME_CHARS[0] || chars > FILENAME_CHARS[1])
        return `must be ${FILENAME_CHARS[0]}–${FILENAME_CHARS[1]} characters (got ${chars})`;
    if (CONTROL.test(name))
        return 'must not contain control characters (NUL, newline, …)';
    if (INVISIBLE.test(name))
        return 'must not contain invisible or direction-changing characters (they disguise the real extension)';
    if (/^[.\s]*$/u.test(name))
        return 'must contain more than dots and spaces';
    const blocked = blockedExtension(name);
    if (blocked)
        return `has a blocked extension (${blocked}); blocked: ${BLOCKED_EXTENSIONS.map((e) => `.${e}`).join(' ')}`;
    return null;
}
/** Windows device names: `CON`, `nul.txt`, `COM1.log` … open a device instead of a file. */
const RESERVED = /^(con|prn|aux|nul|clock\$|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;
/**
 * Any string → a safe single path segment: ASCII letters, digits, `.`, `_`, `-` only; no
 * leading dot (no hidden files, no `..`); no trailing dot or space; not a Windows device name;
 * at most SAFE_NAME_MAX characters, keeping the extension; never empty.
 */
export function safeName(name) {
    let n = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''); // é → e
    n = n.split(/[\\/]/).filter((p) => p !== '' && p !== '.' && p !== '..').pop() ?? ''; // last path part only
    n = n.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/_+/g, '_').replace(/\.{2,}/g, '.');
    n = n.replace(/^[._-]+/, '').replace(/[._-]+$/, '');
    if (!n)
        n = 'file';
    if (RESERVED.test(n))
        n = `_${n}`;
    if (n.length > SAFE_NAME_MAX) {
        const dot = n.lastIndexOf('.');
        const ext = dot > 0 && n.length - dot <= 16 ? n.slice(dot) : '';
        n = n.slice(0, SAFE_NAME_MAX - ext.length).replace(/[._-]+$/, '') + ext;
    }
    return n;
}
/** `inputs/<job>/<file>/<safe name>` or `deliverables/…`: the object key, also the relative path on disk. */
export function objectKey(purpose, jobId, fileId, filename) {
    return `${purpose === 'input' ? 'inputs' : 'deliverables'}/${jobId}/${fileId}/${safeName(filename)}`;
}
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const KEY = new RegExp(`^(inputs|deliverables)/${UUID}/${UUID}/[A-Za-z0-9_][A-Za-z0-9._-]{0,${SAFE_NAME_MAX - 1}}$`);
/** Is `key` exactly of the shape objectKey makes? Stores refuse any other key. */
export function isObjectKey(key) {
    return KEY.test(key) && !key.includes('..') && !/[.]$/.test(key);
}
/** `filename="…"; filename*=UTF-8''…` for Content-Disposition: an ASCII fallback and the real name, encoded. */
export function contentDisposition(filename) {
    const ascii = safeName(filename);
    const encoded = encodeURIComponent(filename.replace(/[\r\n"]/g, '_')).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
//# sourceMappingURL=names.js.map