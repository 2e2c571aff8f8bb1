// Checks on what ships (run by `npm run build` and CI):
//  1. no `new Function(` / `eval(` in any built file (strict CSP);
//  2. the standalone bundle parses as ES2019 (what Chromium 78 runs);
//  3. the gzip size of every entry, and the standalone budget of 40 KB.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'acorn';

const BUDGET = 40 * 1024;
let failed = false;
const files = [];
const walk = (d) => {
  for (const f of readdirSync(d)) {
    const p = join(d, f);
    if (statSync(p).isDirectory()) { if (f !== 'types') walk(p); }
    else if (p.endsWith('.js')) files.push(p);
  }
};
walk('dist');
const rows = [];
for (const f of files.sort()) {
  const code = readFileSync(f, 'utf8');
  if (/\bnew Function\s*\(|(^|[^.\w$])eval\s*\(/.test(code)) {
    console.error(`✗ ${f} contains new Function( or eval(`);
    failed = true;
  }
  rows.push([f, code.length, gzipSync(code, { level: 9 }).length]);
}
console.log('file'.padEnd(48), 'raw KB'.padStart(8), 'gzip KB'.padStart(8));
for (const [f, raw, gz] of rows) console.log(f.padEnd(48), (raw / 1024).toFixed(1).padStart(8), (gz / 1024).toFixed(1).padStart(8));

const standalone = 'dist/xc-elements.standalone.js';
const code = readFileSync(standalone, 'utf8');
try {
  parse(code, { ecmaVersion: 2019, sourceType: 'module' });
  console.log(`✓ ${standalone} parses as ES2019 (Chromium 78 syntax)`);
} catch (e) {
  console.error(`✗ ${standalone} uses syntax newer than ES2019: ${e.message}`);
  failed = true;
}
const gz = gzipSync(code, { level: 9 }).length;
if (gz > BUDGET) {
  console.error(`✗ standalone bundle is ${(gz / 1024).toFixed(1)} KB gzip, over the ${BUDGET / 1024} KB budget`);
  failed = true;
} else console.log(`✓ standalone bundle ${(gz / 1024).toFixed(1)} KB gzip (budget ${BUDGET / 1024} KB)`);
if (failed) process.exit(1);
