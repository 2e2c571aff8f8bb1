import { expect } from '@open-wc/testing';
import { lazy } from '../../src/base/lazy.js';

describe('lazy(): chunks loaded once, a failed load tried again', () => {
  it('starts the load once however often it is asked for', async () => {
    let calls = 0;
    const load = lazy(async () => ++calls);
    const [a, b] = await Promise.all([load(), load()]);
    expect([a, b, await load()]).to.deep.equal([1, 1, 1]);
    expect(calls).to.equal(1);
  });

  it('forgets a failed load: the next call tries again, and its success is kept', async () => {
    let calls = 0;
    const load = lazy(async () => {
      calls++;
      if (calls === 1) throw new Error('network hiccup');
      return 'chunk';
    });
    let failed: unknown;
    await load().catch((e) => (failed = e));
    expect(String(failed)).to.contain('network hiccup');
    expect(await load()).to.equal('chunk');
    expect(await load()).to.equal('chunk');
    expect(calls).to.equal(2);
  });
});
