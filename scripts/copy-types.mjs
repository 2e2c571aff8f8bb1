// tsc emits declarations for src/; the generated modules carry hand-written
// .d.ts files that it does not copy. Copy them so dist/types is complete.
// `node scripts/copy-types.mjs <dir>` copies into <dir>/generated instead
// (scripts/typecheck-examples.mjs emits its declarations outside dist/).
import { cpSync, readdirSync, statSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
const walk = (from, to) => {
  mkdirSync(to, { recursive: true });
  for (const f of readdirSync(from)) {
    const p = join(from, f);
    if (statSync(p).isDirectory()) walk(p, join(to, f));
    else if (f.endsWith('.d.ts')) cpSync(p, join(to, f));
  }
};
walk('src/generated', join(process.argv[2] ?? 'dist/types', 'generated'));
