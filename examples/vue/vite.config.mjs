// Vite config of the Vue example. The SFC is compiled at build time and `vue`
// resolves to its runtime-only build: no template compiler ships, nothing is
// compiled in the browser (no eval, no new Function: strict CSP stays possible).
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
// In this repository only: `xc-elements` resolves to this repository's dist/ (see ../repo-alias.mjs).
// In your own project the installed package does that: drop this import and `resolve.alias`.
import { repoAlias } from '../repo-alias.mjs';

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
  resolve: { alias: repoAlias },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
});
