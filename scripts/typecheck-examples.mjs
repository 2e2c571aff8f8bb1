// Type-checks the framework examples against the typings the package ships, as
// their users' tools would: `tsc` for examples/react (TSX), `vue-tsc` for
// examples/vue (SFC templates included). Each example imports `xc-elements`,
// which resolves through package.json "exports" to dist/types, so the
// declarations are emitted from the current src/ first (declarations only).
// Each example holds lines that must NOT compile (@ts-expect-error,
// @vue-expect-error): a typing that stops catching a mistake fails this check.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const bin = (name) => `node_modules/.bin/${name}`;
const steps = [
  ['declarations (dist/types)', bin('tsc'), ['-p', 'tsconfig.build.json']],
  ['generated declarations', process.execPath, ['scripts/copy-types.mjs']],
  ['examples/react (tsc)', bin('tsc'), ['-p', 'examples/react/tsconfig.json']],
  ['examples/vue (vue-tsc)', bin('vue-tsc'), ['-p', 'examples/vue/tsconfig.json']],
];

for (const [what, cmd, args] of steps) {
  if (!existsSync(cmd)) {
    console.error(`typecheck-examples: ${cmd} is missing (npm install)`);
    process.exit(1);
  }
  const run = spawnSync(cmd, args, { stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`typecheck-examples: ${what} failed`);
    process.exit(run.status ?? 1);
  }
}
console.log('typecheck-examples: examples/react and examples/vue type-check against the shipped typings');
