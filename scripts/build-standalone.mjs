// The standalone bundle: every element, lit, the bundled templates and
// validators in one ES module for pages with no bundler, lowered to the
// Chromium 78 kernels of older domestic browsers. esbuild does the lowering
// (private methods, ??, ?., class fields) that vite's library build leaves in.
import { build } from 'esbuild';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledSchemas, stripAnnotations } from './bundled-schemas.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * In this bundle each precompiled ajv validator (4–9 KB gzip apiece) is replaced
 * by the same schema run through src/core/lite-validator.ts (3.9 KB for all),
 * which a differential test holds to ajv's results. Still no eval.
 */
const liteValidators = {
  name: 'lite-validators',
  setup(b) {
    b.onResolve({ filter: /generated\/validators\/\w+\.js$/ }, (args) => {
      const name = /(\w+)\.js$/.exec(args.path)[1];
      if (!(name in bundledSchemas)) return null;
      return { path: name, namespace: 'lite-validator' };
    });
    b.onLoad({ filter: /.*/, namespace: 'lite-validator' }, async (args) => {
      const schema = JSON.parse(await readFile(root + bundledSchemas[args.path], 'utf8'));
      return {
        contents: withOwner(args.path, (lazyModules.has(args.path) ? firstLoadExport : '') + `import { compileLite } from ${JSON.stringify(root + 'src/core/lite-validator.ts')};\nexport const ${args.path} = compileLite(${JSON.stringify(stripAnnotations(schema))});\n`),
        loader: 'js',
        resolveDir: root,
      };
    });
  },
};

/**
 * One file for what every element page loads first. esbuild puts each statement of the shared code
 * in a file according to the set of entry points (the entry and each lazily loaded module) that
 * reach it: a lazy helper using lit's `html` but no decorator split lit and base/define.ts into
 * separate files, and every extra file compresses on its own (about 2 KB gzip a page over a dozen
 * files). src/base/first-load.ts names that shared code, and every lazily loaded module re-exports
 * it (as `__xcFirst`, a name nothing imports): all entry points reach it, so it lands in one file.
 * Nothing loads earlier than before: the entry loads all of it before any lazy module runs.
 * `lazyModules` is filled by a first pass over the same build.
 */
const firstLoadFile = resolve('src/base/first-load.ts');
const firstLoadExport = `export { firstLoad as __xcFirst } from ${JSON.stringify(firstLoadFile)};\n`;
const lazyModules = new Set([resolve('src/standalone.ts')]);
const withFirstLoad = (path, contents) => withOwner(path, lazyModules.has(path) ? firstLoadExport + contents : contents);
/** Locale files are loaded as they are, with the re-export when they are loaded lazily (en.ts). */
const firstLoadLocales = {
  name: 'first-load-locales',
  setup(b) {
    b.onLoad({ filter: /src\/core\/locales\/.*\.ts$/ }, async (args) =>
      lazyModules.has(args.path) ? { contents: withFirstLoad(args.path, await readFile(args.path, 'utf8')), loader: 'ts' } : undefined);
  },
};

/** Squeeze the whitespace and comments out of lit `css\`…\`` literals (no interpolations in ours). */
const minifyLitCss = {
  name: 'minify-lit-css',
  setup(b) {
    b.onLoad({ filter: /src\/.*\.styles?\.ts$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      const contents = text.replace(/css`([^`$]*)`/g, (_, body) =>
        'css`' + body.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ').replace(/\s*([{};,>])\s*/g, '$1').replace(/:\s+/g, ':').replace(/;}/g, '}').trim() + '`');
      return { contents: withFirstLoad(args.path, contents), loader: 'ts' };
    });
  },
};

/**
 * Drop the indentation after line breaks in the elements' sources: in lit html`…` templates it is
 * whitespace between tags, which renders the same as the single line break kept (no template holds
 * text in a white-space: pre context; data there comes through bindings, untouched). Code is
 * minified anyway; locale files are left as they are.
 */
const squeezeTemplates = {
  name: 'squeeze-templates',
  setup(b) {
    b.onLoad({ filter: /src\/.*\.ts$/ }, async (args) => {
      if (/[\\/]core[\\/]locales[\\/]|\.styles?\.ts$/.test(args.path)) return undefined;
      return { contents: withFirstLoad(args.path, (await readFile(args.path, 'utf8')).replace(/\n[ \t]+/g, '\n')), loader: 'ts' };
    });
  },
};

/**
 * The ledger's core (src/core/rectification/*) stays in the ledger's own file. Other elements that
 * read ledgers (the 整改情况报告, the round figures) get their own copy of the modules they use:
 * shared with them, those modules went into a file of their own that the ledger's page loaded
 * besides its own (one more file, compressed on its own, which put that page over its budget).
 * The copies are the same source; only module identity differs (a copy's RectificationError is
 * another class: nothing compares errors across elements). Pages load no more than before.
 */
const ledgerCore = resolve('src/core/rectification');
const ledgerFamily = [resolve('src/rectification'), ledgerCore];
const ledgerStrings = resolve('src/core/locales/rectification.zh-CN.ts');
const ledgerCoreCopies = {
  name: 'ledger-core-copies',
  setup(b) {
    b.onResolve({ filter: /rectification\/[\w-]+\.js$/ }, (args) => {
      const real = resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts'));
      if (!real.startsWith(ledgerCore + '/')) return null;
      const fromCopy = args.namespace === 'ledger-copy';
      if (!fromCopy && ledgerFamily.some((d) => args.importer.startsWith(d + '/'))) return null;
      return { path: real, namespace: 'ledger-copy' };
    });
    // Inside a copy, the ledger modules it imports (./dates.js…) are copies too, and so are the
    // ledger's own Chinese strings (registering them twice adds nothing: missing keys only).
    b.onResolve({ filter: /^\.\.?\/[\w./-]+\.js$/, namespace: 'ledger-copy' }, (args) => {
      const real = resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts'));
      return real.startsWith(ledgerCore + '/') || real === ledgerStrings ? { path: real, namespace: 'ledger-copy' } : null;
    });
    b.onLoad({ filter: /.*/, namespace: 'ledger-copy' }, async (args) => ({ contents: await readFile(args.path, 'utf8'), loader: 'ts', resolveDir: dirname(args.path) }));
  },
};

/** What both standalone builds share: one ES module per file for Chromium 78, minified, production. */
const common = {
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['chrome78'],
  minify: true,
  sourcemap: true,
  legalComments: 'none',
  tsconfig: 'tsconfig.json',
  define: { 'process.env.NODE_ENV': '"production"' },
  conditions: ['production'],
  logLevel: 'warning',
};

const elementsBuild = {
  entryPoints: { 'xc-elements.standalone': 'src/standalone.ts' },
  outdir: 'dist',
  // Each element's code in its own chunk beside the entry, loaded on first use.
  splitting: true,
  chunkNames: 'standalone/[name]-[hash]',
  metafile: true,
  ...common,
  plugins: [ledgerCoreCopies, minifyLitCss, squeezeTemplates, firstLoadLocales, liteValidators],
};
/**
 * A lazy module that only one element loads (the tracker's detail panel, its sync code, its
 * schema's validator…) re-exports that element too: the code it shares with the element (the
 * tracker's rows, the ledger's core) then lands in the element's own file instead of files of
 * their own that the page loads at once anyway. Nothing loads earlier: the element's module has
 * run before it asks for the lazy one. Filled by the first pass: lazy module → the element's
 * module and one of its exports.
 */
const ownerExport = new Map();
const withOwner = (path, contents) => {
  const owner = ownerExport.get(path);
  return owner ? `export { ${owner.name} as __xcOwner } from ${JSON.stringify(owner.file)};\n` + contents : contents;
};
// First pass (not written): which modules are loaded lazily, by import(), and by which element.
{
  const { metafile } = await build({ ...elementsBuild, write: false, minify: false, sourcemap: false });
  const key = (p) => (p.startsWith('lite-validator:') ? p.slice(15) : resolve(p));
  for (const input of Object.values(metafile.inputs))
    for (const i of input.imports) if (i.kind === 'dynamic-import') lazyModules.add(key(i.path));
  const inputs = metafile.inputs;
  const statics = (from, seen = new Set()) => {
    if (seen.has(from)) return seen;
    seen.add(from);
    for (const i of inputs[from]?.imports ?? []) if (i.kind === 'import-statement') statics(i.path, seen);
    return seen;
  };
  const entry = Object.keys(inputs).find((p) => p.endsWith('src/standalone.ts'));
  const elements = inputs[entry].imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path);
  const loadedStatically = new Set([...statics(entry), ...elements.flatMap((e) => [...statics(e)])]);
  const lazyInputs = new Set(Object.values(inputs).flatMap((input) => input.imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path)));
  const owners = new Map(); // lazy module -> the elements whose code loads it
  for (const element of elements) {
    const queue = [element];
    const seen = new Set();
    while (queue.length) {
      for (const file of statics(queue.pop())) {
        if (seen.has(file)) continue;
        seen.add(file);
        for (const i of inputs[file]?.imports ?? []) {
          if (i.kind !== 'dynamic-import' || elements.includes(i.path) || loadedStatically.has(i.path)) continue;
          if (!owners.has(i.path)) owners.set(i.path, new Set());
          owners.get(i.path).add(element);
          queue.push(i.path);
        }
      }
    }
  }
  // Only where it pays: when the element shares code of its own with its lazy modules (code no
  // other element and not the entry loads). Otherwise the re-export only moves the element into a
  // chunk behind a stub entry file, one more file for its page.
  const outputs = Object.values(metafile.outputs);
  const sharesOwnCode = (element) => {
    const elsewhere = [entry, ...elements.filter((e) => e !== element), ...[...lazyInputs].filter((l) => !elements.includes(l) && !(owners.get(l)?.size === 1 && owners.get(l).has(element)))];
    const others = new Set(elsewhere.flatMap((e) => [...statics(e)]));
    const own = [...statics(element)].filter((f) => f !== element && !others.has(f) && !/locales\//.test(f));
    const lazies = [...owners].filter(([, els]) => els.size === 1 && els.has(element)).map(([l]) => statics(l));
    return own.some((f) => lazies.some((l) => l.has(f)));
  };
  for (const [lazyPath, els] of owners) {
    if (els.size !== 1) continue;
    const [element] = els;
    if (!sharesOwnCode(element)) continue;
    const name = outputs.find((o) => o.entryPoint === element)?.exports.find((n) => n !== '__xcFirst');
    if (name) ownerExport.set(key(lazyPath), { file: resolve(element), name });
  }
}
const result = await build(elementsBuild);
await writeFile('dist/standalone-meta.json', JSON.stringify(result.metafile));

// A chunk names its own static imports only once it has arrived: on a page's first mount each
// lazy chunk (an element, then the template reader it loads…) cost a second round trip before
// it could run. Every import() of the standalone build now asks for the chunk's static imports
// together with it (each a plain import(): fetched at once, run in order, no CSP change).
{
  const outputs = result.metafile.outputs;
  const closure = (file, seen = new Set()) => {
    for (const i of outputs[file]?.imports ?? []) {
      if (i.kind === 'import-statement' && !seen.has(i.path)) {
        seen.add(i.path);
        closure(i.path, seen);
      }
    }
    return seen;
  };
  let preloads = 0;
  for (const file of Object.keys(outputs).filter((f) => f.endsWith('.js'))) {
    const dir = posix.dirname(file);
    const loaded = closure(file);
    loaded.add(file); // a chunk never needs to ask for itself
    const text = await readFile(file, 'utf8');
    const next = text.replace(/import\("(\.\/[^"]+\.js)"\)/g, (call, rel) => {
      const deps = [...closure(posix.join(dir, rel))].filter((d) => !loaded.has(d)).map((d) => `./${posix.relative(dir, d)}`);
      if (!deps.length) return call;
      preloads++;
      return `(${JSON.stringify(deps)}.forEach(u=>import(u).catch(()=>{})),${call})`;
    });
    if (next !== text) await writeFile(file, next);
  }
  if (!preloads) throw new Error('build-standalone: no lazy chunk found to fetch with its imports');
}

// The pure core (toRectificationItems, toClueEntries, readChecklistTemplate…) for pages with no
// bundler, as one file beside the chunks: `import { toRectificationItems } from
// '/static/xc/standalone/core.js'`. Built on its own, so that it changes nothing in what a page
// using only the elements loads; it keeps its own copy of the locales (registerLocale of the
// entry does not reach it: give the functions a `lang` of the bundled ones).
// The re-exports above are for the elements' split build only.
lazyModules.clear();
ownerExport.clear();
await build({
  entryPoints: { 'standalone/core': 'src/core/index.ts' },
  outdir: 'dist',
  ...common,
  plugins: [liteValidators],
});
// The attachment stores (IndexedDB, HTTP, adapter, local-first) for pages with no bundler and
// no import map (a strict CSP): one file with `idb` inside, `import { localFirstAttachments }
// from '/static/xc/standalone/attachment-stores.js'`. Built on its own like core.js, so no page
// loads a byte of it unless it imports it.
await build({
  entryPoints: { 'standalone/attachment-stores': 'src/attachments/stores/index.ts' },
  outdir: 'dist',
  ...common,
});
console.log('standalone: dist/xc-elements.standalone.js, dist/standalone/core.js, dist/standalone/attachment-stores.js and dist/standalone/');
