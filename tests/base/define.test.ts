import { expect } from '@open-wc/testing';
import { defineElement, XC_VERSION } from '../../src/base/define.js';

describe('defineElement', () => {
  it('does not throw when a second bundle defines the same tag, and keeps the first', () => {
    class First extends HTMLElement {}
    class Second extends HTMLElement {}
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      expect(defineElement('xc-test-twice', First)).to.equal(First);
      // As if an older bundle had defined it first.
      (First as unknown as { xcVersion: string }).xcVersion = '0.0.1';
      expect(() => defineElement('xc-test-twice', Second)).not.to.throw();
      expect(customElements.get('xc-test-twice')).to.equal(First);
    } finally {
      console.warn = warn;
    }
    // A different version is reported once, naming both versions.
    expect(warnings).to.have.length(1);
    expect(String(warnings[0]![0])).to.contain(XC_VERSION).and.contain('0.0.1');
  });

  it('matches the package version', async () => {
    const pkg = await (await fetch('/package.json')).json();
    expect(XC_VERSION).to.equal(pkg.version);
  });

  it('loading the standalone bundle after the source build neither throws nor replaces elements', async () => {
    await import('../../src/checklist/index.js');
    const before = customElements.get('xc-checklist');
    const errors: string[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.message);
    window.addEventListener('error', onError);
    await import('/dist/xc-elements.standalone.js' as string);
    window.removeEventListener('error', onError);
    expect(errors).to.deep.equal([]);
    expect(customElements.get('xc-checklist')).to.equal(before);
  });
});
