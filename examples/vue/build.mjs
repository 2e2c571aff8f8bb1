// Builds the Vue example into examples/vue/dist/ with Vite's JS API.
// Run from the repository root after `npm run build` (it uses dist/):
//   node examples/vue/build.mjs   (or: node scripts/build-examples.mjs)
import { build } from 'vite';
import { fileURLToPath } from 'node:url';

await build({
  configFile: fileURLToPath(new URL('./vite.config.mjs', import.meta.url)),
  logLevel: 'warn',
});
