// The standalone bundle: every element, lit, the bundled templates and
// validators in one ES module for pages with no bundler, lowered to the
// Chromium 78 kernels of older domestic browsers. esbuild does the lowering
// (private methods, ??, ?., class fields) that vite's library build leaves in.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';

/** Squeeze the whitespace and comments out of lit `css\`…\`` literals (no interpolations in ours). */
const minifyLitCss = {
  name: 'minify-lit-css',
  setup(b) {
    b.onLoad({ filter: /src\/.*\.styles?\.ts$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      const contents = text.replace(/css`([^`$]*)`/g, (_, body) =>
        'css`' + body.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ').replace(/\s*([{};,>])\s*/g, '$1').replace(/:\s+/g, ':').replace(/;}/g, '}').trim() + '`');
      return { contents, loader: 'ts' };
    });
  },
};

await build({
  entryPoints: ['src/standalone.ts'],
  outfile: 'dist/xc-elements.standalone.js',
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['chrome78'],
  minify: true,
  sourcemap: true,
  legalComments: 'none',
  tsconfig: 'tsconfig.json',
  define: { 'process.env.NODE_ENV': '"production"' },
  conditions: ['production'],
  logLevel: 'warning',
  plugins: [minifyLitCss],
});
console.log('standalone: dist/xc-elements.standalone.js');
