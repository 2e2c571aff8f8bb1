#!/usr/bin/env node
// xc-precompile: turn your own JSON Schemas into CSP-safe validators.
//
//   npx xc-precompile my-form.schema.json [more.json …] -o my-validators.js
//
// Each schema becomes a named export (from the file name: "my-form.schema.json" →
// `myForm`). Give it to an element with its schema:
//   import { myForm } from './my-validators.js';
//   form.validator = myForm; form.schema = mySchema;
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { precompile } from './precompile-lib.mjs';

const args = process.argv.slice(2);
const outIdx = args.indexOf('-o');
const out = outIdx >= 0 ? args[outIdx + 1] : undefined;
const inputs = args.filter((a, i) => !(outIdx >= 0 && (i === outIdx || i === outIdx + 1)) && !a.startsWith('--'));
if (!out || inputs.length === 0 || args.includes('--help')) {
  console.error('usage: xc-precompile SCHEMA.json [SCHEMA.json …] -o OUT.js');
  process.exit(args.includes('--help') ? 0 : 2);
}
const toName = (file) => basename(file).replace(/(\.schema)?\.json$/i, '')
  .replace(/[^A-Za-z0-9]+(.)?/g, (_, c) => (c ? c.toUpperCase() : ''))
  .replace(/^[0-9]/, (d) => `_${d}`);
const schemas = {};
for (const file of inputs) {
  try {
    schemas[toName(file)] = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    console.error(`xc-precompile: cannot read ${file}: ${e.message}`);
    process.exit(1);
  }
}
try {
  writeFileSync(out, await precompile(schemas));
  console.log(`xc-precompile: wrote ${Object.keys(schemas).join(', ')} to ${out}`);
} catch (e) {
  console.error(`xc-precompile: ${e.message}`);
  process.exit(1);
}
