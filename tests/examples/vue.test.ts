import { exerciseFrameworkExample } from './framework-example.js';

// examples/vue: a Vite + Vue 3 app (SFC, runtime-only build) using the built package,
// with :value.prop, @xc-change / @xc-submit and a template ref (see framework-example.ts).
describe('example: Vue 3 app with the built package', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('passes data in by property and out by events into Vue state; a template ref submits', async () => {
    await exerciseFrameworkExample('vue', 'Vue 3');
  });
});
