// Type-checks the framework examples against the typings the package ships, as
// their users' tools would: `tsc` for examples/react (TSX), `vue-tsc` for
// examples/vue (SFC templates included).
//
// A check writes nothing to dist/ and needs no build: the declarations are emitted
// from the current src/ into node_modules/.cache/xc-typecheck/types, and each
// example is checked through a generated tsconfig (beside them) that extends its
// own and maps every `xc-elements` entry of package.json "exports" to the same
// file there (./dist/types/X → .cache/xc-typecheck/types/X). The run fails if a
// declaration still came from dist/ (an import the map misses).
//
// Each example holds lines that must NOT compile (@ts-expect-error,
// @vue-expect-error): a typing that stops catching a mistake fails this check.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const cache = join(repo, 'node_modules', '.cache', 'xc-typecheck');
const types = join(cache, 'types');
const dist = join(repo, 'dist') + sep;
const bin = (name) => join(repo, 'node_modules', '.bin', name);
const fail = (message, status = 1) => {
  console.error(`typecheck-examples: ${message}`);
  process.exit(status);
};

// "exports" with types, rebased from dist/types/ to the emitted declarations.
const { exports } = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
const paths = {};
for (const [sub, to] of Object.entries(exports)) {
  const file = to && typeof to === 'object' ? to.types : undefined;
  if (!file) continue;
  if (!file.startsWith('./dist/types/')) fail(`exports["${sub}"].types (${file}) is not under ./dist/types/; update this script`);
  paths[`xc-elements${sub.slice(1)}`] = [join(types, file.slice('./dist/types/'.length))];
}

/** A tsconfig beside the declarations: the example's own, with `xc-elements` mapped to them. */
function exampleConfig(name) {
  const file = join(cache, `${name}.tsconfig.json`);
  writeFileSync(file, `${JSON.stringify({ extends: join(repo, 'examples', name, 'tsconfig.json'), compilerOptions: { paths } }, null, 2)}\n`);
  return file;
}

function run(what, cmd, args, { checkSources = false } = {}) {
  if (!existsSync(cmd)) fail(`${cmd} is missing (npm install)`);
  if (!checkSources) {
    const done = spawnSync(cmd, args, { cwd: repo, stdio: 'inherit' });
    if (done.status !== 0) fail(`${what} failed`, done.status ?? 1);
    return;
  }
  // --listFiles names every file the checker read; the rest of the output is its diagnostics.
  const pretty = process.stdout.isTTY ? ['--pretty'] : [];
  const done = spawnSync(cmd, [...args, '--listFiles', ...pretty], { cwd: repo, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (done.error) fail(`${what}: ${done.error.message}`);
  const lines = `${done.stdout}${done.stderr}`.split(/\r?\n/);
  const listed = lines.filter((l) => isAbsolute(l) && existsSync(l)).map((l) => resolve(l));
  const report = lines.filter((l) => !(isAbsolute(l) && existsSync(l))).join('\n').trim();
  if (report) console.log(report);
  if (done.status !== 0) fail(`${what} failed`, done.status ?? 1);
  const fromDist = listed.filter((f) => f.startsWith(dist));
  if (fromDist.length) fail(`${what} read declarations from dist/, not the fresh ones:\n  ${fromDist.join('\n  ')}`);
  if (!listed.some((f) => f.startsWith(types + sep))) fail(`${what} did not use the declarations in ${types}`);
}

rmSync(types, { recursive: true, force: true });
mkdirSync(cache, { recursive: true });
run('declarations', bin('tsc'), ['-p', 'tsconfig.build.json', '--outDir', types]);
run('generated declarations', process.execPath, ['scripts/copy-types.mjs', types]);
run('examples/react (tsc)', bin('tsc'), ['-p', exampleConfig('react')], { checkSources: true });
run('examples/vue (vue-tsc)', bin('vue-tsc'), ['-p', exampleConfig('vue')], { checkSources: true });
console.log('typecheck-examples: examples/react and examples/vue type-check against the shipped typings (emitted to node_modules/.cache/xc-typecheck, dist/ untouched)');
