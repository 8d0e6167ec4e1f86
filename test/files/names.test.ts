/** Filenames, object keys, MIME types, magic bytes and sizes: the pure rules under the file engine. */
import { describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import {
  BLOCKED_EXTENSIONS, SAFE_NAME_MAX, blockedExtension, contentDisposition, filenameProblem, isObjectKey, objectKey, safeName,
} from '../../src/files/names.js';
import { categoryOf, humanSize, isTextual, looksLikeText, mimeFromFilename, mimeProblem, normaliseMime, sniff, trimPartialUtf8 } from '../../src/files/mime.js';
import { LocalBlobStore } from '../../src/files/local.js';
import { UrlSigner } from '../../src/files/signing.js';

const JOB = '11111111-2222-4333-8444-555555555555';
const FILE = '66666666-7777-4888-9999-aaaaaaaaaaaa';

describe('blocked extensions', () => {
  it('are the reference list', () => {
    expect(BLOCKED_EXTENSIONS.map((e) => `.${e}`).join(' ')).toBe('.exe .bat .cmd .com .msi .scr .pif .vbs .vbe .js .jse .ws .wsf .wsc .reg .inf .ps1 .psm1');
  });

  it.each([
    ['evil.exe', '.exe'], ['EVIL.EXE', '.exe'], ['Setup.Msi', '.msi'], ['report.pdf.exe', '.exe'], ['invoice.pdf.JS', '.js'],
    ['trailing.exe.', '.exe'], ['trailing.exe. . ', '.exe'], ['spaces.bat   ', '.bat'], ['ads.exe::$DATA', '.exe'], ['ads.txt:hidden.ps1', '.ps1'],
    ['fullwidth．ｅｘｅ', '.exe'], ['ｓｃｒｉｐｔ．ＶＢＳ', '.vbs'], ['cyrillic.ехе', '.exe'], ['greek.εχε', '.exe'], ['mixed.еXе', '.exe'],
    ['dir/inner.cmd', '.cmd'], ['dir\\inner.com', '.com'], ['a.scr', '.scr'], ['a.pif', '.pif'], ['a.vbe', '.vbe'], ['a.jse', '.jse'], ['a.ws', '.ws'],
    ['a.wsf', '.wsf'], ['a.wsc', '.wsc'], ['a.reg', '.reg'], ['a.inf', '.inf'], ['a.psm1', '.psm1'],
  ])('%s is blocked as %s', (name, ext) => {
    expect(blockedExtension(name)).toBe(ext);
    expect(filenameProblem(name)).toMatch(/blocked extension/);
  });

  it.each(['report.pdf', 'notes.txt', 'data.json', 'archive.tar.gz', 'exe', 'my.exe.notes.md', 'script.jsx', 'a.json', 'photo.jpeg', 'mod.ps1x'])('%s is allowed', (name) => {
    expect(blockedExtension(name)).toBeNull();
    expect(filenameProblem(name)).toBeNull();
  });

  it('refuses names that hide their extension behind invisible or direction-changing characters', () => {
    expect(filenameProblem('invoice\u202Efdp.exe')).toMatch(/invisible or direction-changing/);
    expect(filenameProblem('invoice\u202Etxt.pdf')).toMatch(/invisible or direction-changing/); // RLO makes it display as "invoicefdp.txt"
    expect(filenameProblem('zero\u200Bwidth.txt')).toMatch(/invisible/);
  });

  it('refuses control characters, empty and dot-only names, and more than 255 characters', () => {
    expect(filenameProblem('a\u0000b.txt')).toMatch(/control characters/);
    expect(filenameProblem('line\nbreak.txt')).toMatch(/control characters/);
    expect(filenameProblem('')).toMatch(/1–255/);
    expect(filenameProblem('x'.repeat(256))).toMatch(/1–255 characters \(got 256\)/);
    expect(filenameProblem('x'.repeat(251) + '.txt')).toBeNull();
    expect(filenameProblem('...')).toMatch(/more than dots/);
    expect(filenameProblem(' . ')).toMatch(/more than dots/);
  });
});

describe('safe names and object keys', () => {
  it.each([
    ['../../etc/passwd', 'passwd'], ['..\\..\\windows\\system32\\cmd.txt', 'cmd.txt'], ['/abs/path/x.pdf', 'x.pdf'], ['..', 'file'], ['.', 'file'],
    ['.hidden', 'hidden'], ['a\u0000b.txt', 'a_b.txt'], ['CON', '_CON'], ['con.txt', '_con.txt'], ['NUL.txt', '_NUL.txt'], ['nul', '_nul'],
    ['COM1.log', '_COM1.log'], ['lpt9', '_lpt9'], ['aux.tar.gz', '_aux.tar.gz'], ['PRN', '_PRN'], ['résumé final.pdf', 'resume_final.pdf'],
    ['日本語.txt', 'txt'], ['spaces and  tabs\t.md', 'spaces_and_tabs_.md'], ['name.', 'name'], ['name. . .', 'name'], ['-rf', 'rf'],
    ['a:b:c.txt', 'a_b_c.txt'], ['x.exe::$DATA', 'x.exe_DATA'], ['%2e%2e%2fx', '2e_2e_2fx'], ['', 'file'],
  ])('%j → %j', (name, safe) => {
    const out = safeName(name);
    expect(out).toBe(safe);
    expect(out).toMatch(/^[A-Za-z0-9_][A-Za-z0-9._-]*$/);
    expect(out).not.toMatch(/\.\./);
  });

  it('keeps very long names short, with their extension', () => {
    const long = safeName('a'.repeat(250) + '.pdf');
    expect(long.length).toBeLessThanOrEqual(SAFE_NAME_MAX);
    expect(long.endsWith('.pdf')).toBe(true);
    const multibyte = safeName('é'.repeat(255));
    expect(multibyte.length).toBeLessThanOrEqual(SAFE_NAME_MAX);
  });

  it('every key objectKey makes is one the stores accept, and nothing else is', () => {
    for (const name of ['../../etc/passwd', 'CON', 'NUL.txt', '\u0000', 'x'.repeat(255), '日本語', 'report.pdf', '..\\..\\boot.ini']) {
      const key = objectKey('input', JOB, FILE, name);
      expect(key.startsWith(`inputs/${JOB}/${FILE}/`)).toBe(true);
      expect(isObjectKey(key), key).toBe(true);
    }
    expect(objectKey('deliverable', JOB, FILE, 'r.md')).toBe(`deliverables/${JOB}/${FILE}/r.md`);
    for (const bad of [`inputs/${JOB}/${FILE}/../x`, `inputs/${JOB}/${FILE}/.x`, `inputs/${JOB}/${FILE}/a/b`, `other/${JOB}/${FILE}/x`, `inputs/${JOB}/${FILE}/x.`, '../x', `inputs/${JOB}/../${FILE}/x`]) {
      expect(isObjectKey(bad), bad).toBe(false);
    }
  });

  it('the local store maps keys to paths under its root only', () => {
    const root = join(tmpdir(), 'voxpact-names-root');
    const store = new LocalBlobStore(root, new UrlSigner(Buffer.alloc(32)), async () => 'http://127.0.0.1:1');
    const p = store.pathOf(objectKey('input', JOB, FILE, '../../../etc/passwd'));
    expect(p.startsWith(resolve(root) + sep)).toBe(true);
    expect(p.endsWith(`${sep}passwd`)).toBe(true);
    for (const bad of ['../etc/passwd', `inputs/${JOB}/${FILE}/../../../../etc/passwd`, '/etc/passwd', `inputs/${JOB}/${FILE}/a\u0000b`]) {
      expect(() => store.pathOf(bad), bad).toThrow(/not an object key/);
    }
  });

  it('Content-Disposition carries an ASCII fallback and the real name, encoded', () => {
    const cd = contentDisposition('rapport "final"\r\n.pdf');
    expect(cd).toMatch(/^attachment; filename="rapport_final_.pdf"; filename\*=UTF-8''/);
    expect(cd).not.toMatch(/[\r\n]/);
    expect(contentDisposition('résumé.pdf')).toContain("filename*=UTF-8''r%C3%A9sum%C3%A9.pdf");
  });
});

describe('MIME types', () => {
  it.each(['application/pdf', 'text/plain', 'text/markdown', 'text/csv', 'Text/Markdown; Charset=UTF-8', 'application/json', 'application/zip', 'image/png', 'image/jpeg',
    'audio/mpeg', 'video/mp4', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.ms-excel', 'text/x-python'])('%s is allowed', (t) => {
    expect(mimeProblem(t)).toBeNull();
  });
  it.each([
    ['application/octet-stream', /not an allowed type/], ['application/x-msdownload', /not an allowed type/], ['application/x-sh', /not an allowed type/],
    ['text/javascript', /script type/], ['text/x-shellscript', /script type/], ['application/javascript', /not an allowed type/],
    ['pdf', /not a MIME type/], ['text/plain; evil', /not a MIME type/], ['', /not a MIME type/], ['image/png\r\nX-Evil: 1', /not a MIME type/],
  ])('%j is refused', (t, why) => {
    expect(mimeProblem(t)).toMatch(why);
  });
  it('normalises case, spacing and parameters (only charset is kept)', () => {
    expect(normaliseMime('Text/Markdown ;  Charset="UTF-8"')).toBe('text/markdown; charset=utf-8');
    expect(normaliseMime('text/plain; format=flowed')).toBe('text/plain');
    expect(normaliseMime('nonsense')).toBeNull();
  });
  it('categorises and guesses from filenames', () => {
    expect(categoryOf('application/pdf')).toBe('document');
    expect(categoryOf('application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe('document');
    expect(categoryOf('application/zip')).toBe('archive');
    expect(categoryOf('application/json')).toBe('data');
    expect(categoryOf('image/png')).toBe('image');
    expect(categoryOf('text/csv')).toBe('text');
    expect(isTextual('application/json')).toBe(true);
    expect(isTextual('image/png')).toBe(false);
    expect(mimeFromFilename('Report.MD')).toBe('text/markdown');
    expect(mimeFromFilename('x.docx')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(mimeFromFilename('noext')).toBeNull();
    for (const ext of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) expect(mimeFromFilename(`notes.${ext}`), ext).toBeNull();
  });
});

describe('magic bytes and sizes', () => {
  it('recognises executables whatever they are called', () => {
    expect(sniff(Buffer.from('MZ\x90\x00\x03\x00', 'latin1'))).toMatchObject({ executable: true, type: 'application/x-msdownload' });
    expect(sniff(Buffer.from('\x7fELF\x02\x01', 'latin1'))).toMatchObject({ executable: true });
    expect(sniff(Buffer.from([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1]))).toMatchObject({ executable: true });
    expect(sniff(Buffer.from('%PDF-1.7\n', 'latin1'))).toMatchObject({ executable: false, type: 'application/pdf', description: 'PDF document, version 1.7' });
  });
  it('describes common binaries', () => {
    const png = Buffer.alloc(33);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]).copy(png);
    png.writeUInt32BE(640, 16);
    png.writeUInt32BE(480, 20);
    expect(sniff(png)?.description).toBe('PNG image, 640×480 px');
    expect(sniff(Buffer.from('PK\x03\x04....word/document.xml', 'latin1'))?.description).toBe('Word document (docx)');
    expect(sniff(Buffer.from([0x1f, 0x8b, 8, 0]))?.type).toBe('application/gzip');
    expect(sniff(Buffer.from('hello'))).toBeNull();
  });
  it('tells text from binary and trims a cut UTF-8 character', () => {
    expect(looksLikeText(Buffer.from('héllo wörld'), false)).toBe(true);
    expect(looksLikeText(Buffer.from([0x68, 0x00, 0x69]), false)).toBe(false);
    const cut = Buffer.from('abcé').subarray(0, 4); // 'abc' + first byte of é
    expect(looksLikeText(cut, true)).toBe(true);
    expect(looksLikeText(cut, false)).toBe(false);
    expect(trimPartialUtf8(cut).toString()).toBe('abc');
    expect(trimPartialUtf8(Buffer.from('abcé')).toString()).toBe('abcé');
  });
  it('file_size_human is 1024-based with one decimal', () => {
    expect(humanSize(204800)).toBe('200.0 KB');
    expect(humanSize(512)).toBe('512 B');
    expect(humanSize(1536)).toBe('1.5 KB');
    expect(humanSize(524288000)).toBe('500.0 MB');
    expect(humanSize(1073741824)).toBe('1.0 GB');
    expect(humanSize(5 * 1073741824)).toBe('5.0 GB');
  });
});
