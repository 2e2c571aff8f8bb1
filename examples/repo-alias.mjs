// Shared by examples/react/vite.config.mjs and examples/vue/vite.config.mjs.
// Inside this repository the package is the repository itself, not node_modules:
// these Vite aliases resolve `xc-elements` and its subpaths through package.json
// "exports" to dist/, as node_modules/xc-elements would in your own project
// (where none of this is needed).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const pkgUrl = new URL('../', import.meta.url);
const { exports } = JSON.parse(readFileSync(new URL('package.json', pkgUrl), 'utf8'));
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** `xc-elements`, `xc-elements/checklist`, … → the file in dist/ that "exports" names. */
export const repoAlias = Object.entries(exports).flatMap(([sub, to]) => {
  const file = typeof to === 'string' ? to : to.default;
  return file && !sub.includes('*') ? [{ find: new RegExp(`^${escape('xc-elements' + sub.slice(1))}$`), replacement: fileURLToPath(new URL(file, pkgUrl)) }] : [];
});
