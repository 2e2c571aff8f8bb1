// Builds the examples that need a build step (React, Vue, precompiled host
// templates): runs every examples/*/build.mjs, one after the other, from the
// repository root. Needs `npm run build` first (the examples use dist/).
import { readdirSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

for (const dir of readdirSync('examples', { withFileTypes: true })) {
  const script = join('examples', dir.name, 'build.mjs');
  if (!dir.isDirectory() || !existsSync(script)) continue;
  const run = spawnSync(process.execPath, [script], { stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`build-examples: ${script} failed`);
    process.exit(run.status ?? 1);
  }
}
