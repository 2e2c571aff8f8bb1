/**
 * `import 'xc-elements'` on a page whose HTML already holds `<xc-provider>` around an element:
 * the element must get the provider's environment (role, user, today), whatever order the
 * package entry defines the elements in.
 */
import { expect } from '@open-wc/testing';

describe('xc-elements entry on a page that already has its markup', () => {
  it('gives an element written inside <xc-provider> the provider\'s environment', async () => {
    document.body.innerHTML = '<xc-provider user-role="office" today="2026-11-26"><xc-checklist></xc-checklist></xc-provider>';
    await import('../../src/index.js');
    const el = document.querySelector('xc-checklist') as HTMLElement & { updateComplete: Promise<unknown> };
    await customElements.whenDefined('xc-checklist');
    await el.updateComplete;
    const env = (el as unknown as { environment?: { role?: string; now?: () => Date } }).environment;
    expect(env?.role).to.equal('office');
    expect(env?.now?.().toISOString().slice(0, 10)).to.equal('2026-11-26');
  });
});
