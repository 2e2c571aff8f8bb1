// Vite config of the React example. No React plugin is needed: Vite's own
// transformer (oxc) compiles TSX with React's automatic JSX runtime.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
// In this repository only: `xc-elements` resolves to this repository's dist/ (see ../repo-alias.mjs).
// In your own project the installed package does that: drop this import and `resolve.alias`.
import { repoAlias } from '../repo-alias.mjs';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Relative URLs: the built page works from any folder (here /examples/react/dist/).
  base: './',
  resolve: { alias: repoAlias },
  oxc: { jsx: { runtime: 'automatic' } },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
});
