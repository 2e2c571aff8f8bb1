// Precompiles this example's own form definition, exactly as a host's build would:
//   npx xc-precompile examples/csp-host-templates/host-form.schema.json -o examples/csp-host-templates/host-form.validators.js
// (here through the script itself, since this repository is the package). Run from the
// repository root by `npm run build:examples`.
import { spawnSync } from 'node:child_process';

const dir = 'examples/csp-host-templates';
const run = spawnSync(
  process.execPath,
  ['scripts/xc-precompile.mjs', `${dir}/host-form.schema.json`, '-o', `${dir}/host-form.validators.js`],
  { stdio: 'inherit' },
);
process.exit(run.status ?? 1);
