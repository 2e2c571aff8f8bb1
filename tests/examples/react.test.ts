import { exerciseFrameworkExample } from './framework-example.js';

// examples/react: a Vite + React 19 app (TSX) using the built package, with
// onxc-change / onxc-submit props, a `value` prop and a ref (see framework-example.ts).
describe('example: React 19 app with the built package', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('passes data in by property and out by events into React state; a ref submits', async () => {
    await exerciseFrameworkExample('react', 'React 19');
  });
});
