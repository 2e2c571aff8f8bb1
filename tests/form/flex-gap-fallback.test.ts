import { expect, fixture, html } from '@open-wc/testing';
import '../../src/compiler/index.js';
import '../../src/form/index.js';
import type { XcForm } from '../../src/form/xc-form.js';
import { settle } from './helpers.js';

/**
 * Chromium 78 (the standalone bundle's floor) ignores `gap` on flex containers (it came in 84).
 * Here the form's style sheets lose every gap declaration, as Chromium 78 reads them: choices
 * and item buttons must still stand apart, not touch.
 */
const schema = {
  type: 'object',
  properties: {
    level: { type: 'string', title: '等级', enum: ['高', '中', '低'], 'x-xc-widget': 'radio' },
    list: { type: 'array', title: '事项', items: { type: 'string', title: '事项' }, default: ['甲', '乙'] },
  },
};

function dropGaps(root: ShadowRoot): number {
  let dropped = 0;
  const visit = (rules: CSSRuleList) => {
    for (const rule of [...rules]) {
      if (rule instanceof CSSStyleRule) {
        for (const p of ['gap', 'column-gap', 'row-gap', 'grid-gap', 'grid-column-gap', 'grid-row-gap']) {
          if (rule.style.getPropertyValue(p)) {
            rule.style.removeProperty(p);
            dropped++;
          }
        }
      }
      if ('cssRules' in rule) visit((rule as CSSGroupingRule).cssRules);
    }
  };
  for (const sheet of root.adoptedStyleSheets) visit(sheet.cssRules);
  return dropped;
}

/** Horizontal space between each element and the next one on the same line. */
function spaces(els: Element[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < els.length; i++) {
    const a = els[i - 1]!.getBoundingClientRect();
    const b = els[i]!.getBoundingClientRect();
    if (Math.abs(a.top - b.top) < 2) out.push(b.left - a.right);
  }
  return out;
}

describe('flex controls without flex gap (Chromium 78)', () => {
  it('radio choices and the buttons of a list item keep their spacing', async () => {
    const el = await fixture<XcForm>(html`<xc-form lang="zh-CN" .schema=${schema} style="width: 900px"></xc-form>`);
    await settle(el);
    const root = el.shadowRoot!;
    dropGaps(root);
    await new Promise((r) => setTimeout(r, 0));
    const choices = [...root.querySelectorAll('.options > .choice')];
    expect(choices.length).to.equal(3);
    const choiceSpaces = spaces(choices);
    expect(choiceSpaces.length, 'choices on one line').to.equal(2);
    for (const s of choiceSpaces) expect(s, 'space between choices').to.be.at.least(16);
    const buttons = [...root.querySelectorAll('.item-tools')][0]!.querySelectorAll('button');
    const buttonSpaces = spaces([...buttons]);
    expect(buttonSpaces.length, 'item buttons on one line').to.equal(2);
    for (const s of buttonSpaces) expect(s, 'space between item buttons').to.be.at.least(4);
  });
});
