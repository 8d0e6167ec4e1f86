// Node module hooks so a plain `node` child process can import the TypeScript sources of src/
// directly, exactly the code the vitest process runs (no build, nothing stale): the `.js`
// import suffixes of src resolve to the `.ts` files and types are stripped — by oxc (shipped
// with vitest, through rolldown) when available, else by typescript.transpileModule. No type
// check. Registered by ts-register.mjs.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

let strip;
try {
  const { transformSync } = await import('rolldown/experimental');
  strip = (file, source) => {
    const r = transformSync(file, source, { sourceType: 'module', lang: 'ts' });
    if (r.errors?.length) throw new Error(`${file}: ${r.errors.map((e) => e.message).join('; ')}`);
    return r.code;
  };
} catch {
  const ts = (await import('typescript')).default;
  strip = (file, source) => ts.transpileModule(source, {
    fileName: file, compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;
}

export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (e) {
    if (specifier.endsWith('.js') && context.parentURL?.startsWith('file:')) {
      const url = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
      if (existsSync(fileURLToPath(url))) return { url: url.href, format: 'module', shortCircuit: true };
    }
    throw e;
  }
}

export async function load(url, context, next) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return next(url, context);
  const file = fileURLToPath(url);
  return { format: 'module', source: strip(file, await readFile(file, 'utf8')), shortCircuit: true };
}
