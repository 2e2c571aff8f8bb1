// Vite config of the Vue example. The SFC is compiled at build time and `vue`
// resolves to its runtime-only build: no template compiler ships, nothing is
// compiled in the browser (no eval, no new Function: strict CSP stays possible).
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// This repository is the package: `xc-elements` and its subpaths resolve through
// package.json "exports" to dist/, as node_modules/xc-elements would in your own
// project (where these aliases are not needed).
const pkgUrl = new URL('../../', import.meta.url);
const { exports } = JSON.parse(readFileSync(new URL('package.json', pkgUrl), 'utf8'));
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const alias = Object.entries(exports).flatMap(([sub, to]) => {
  const file = typeof to === 'string' ? to : to.default;
  return file && !sub.includes('*') ? [{ find: new RegExp(`^${escape('xc-elements' + sub.slice(1))}$`), replacement: fileURLToPath(new URL(file, pkgUrl)) }] : [];
});

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Relative URLs: the built page works from any folder (here /examples/vue/dist/).
  base: './',
  plugins: [
    vue({
      // `xc-*` tags are custom elements, not Vue components.
      template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('xc-') } },
    }),
  ],
  resolve: { alias },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
});
