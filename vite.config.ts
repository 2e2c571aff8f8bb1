import { defineConfig } from 'vite';
import { existsSync } from 'node:fs';

// Library build: one entry per element plus core and the opt-in compiler;
// lit, idb and ajv stay external (the package's dependencies / peers).
const candidates: Record<string, string> = {
  index: 'src/index.ts',
  core: 'src/core/index.ts',
  office: 'src/core/office/index.ts',
  checklist: 'src/checklist/index.ts',
  form: 'src/form/index.ts',
  interview: 'src/interview/index.ts',
  rectification: 'src/rectification/index.ts',
  provider: 'src/provider/index.ts',
  compiler: 'src/compiler/index.ts',
  client: 'src/client/index.ts',
  attachments: 'src/attachments/index.ts',
  petition: 'src/petition/index.ts',
  'clue-register': 'src/clue-register/index.ts',
  'rectification-report': 'src/rectification-report/index.ts',
  'round-summary': 'src/round-summary/index.ts',
  feedback: 'src/feedback/index.ts',
  'template-editor': 'src/template-editor/index.ts',
};
const entries = Object.fromEntries(Object.entries(candidates).filter(([, p]) => existsSync(p)));

export default defineConfig(({ command }) => ({
  // `npm start` serves the demo portal.
  root: command === 'serve' ? 'demo' : undefined,
  server: { host: '127.0.0.1', fs: { allow: ['..'] } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2021',
    minify: true,
    sourcemap: true,
    lib: { entry: entries, formats: ['es'] },
    rolldownOptions: {
      external: [/^lit($|\/)/, /^@lit\//, /^ajv($|\/)/, /^ajv-formats($|\/)/, /^idb($|\/)/],
      output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
}));
