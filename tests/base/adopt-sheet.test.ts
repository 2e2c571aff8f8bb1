/**
 * src/base/adopt-sheet.ts, the one place that adopts a later-loaded stylesheet into an element's
 * shadow root: once per root, one sheet per text and page, beside the element's own styles, nothing
 * where there is no shadow root. And what each of its users shows with it: the ledger's summary
 * (the overdue figure in bold) and its "changed by someone else" banner (one choice a line), the
 * form's A4 print preview, the template editor's form mode (a long select within its column). The
 * watermark and the printed 附件清单 have their own tests (tests/base/watermark.test.ts,
 * tests/attachments/print-list.test.ts).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { adoptSheet } from '../../src/base/adopt-sheet.js';
import '../../src/rectification/index.js';
import '../../src/provider/index.js';
import '../../src/form/index.js';
import type { XcRectificationTracker } from '../../src/rectification/xc-rectification-tracker.js';
import type { XcRectificationDetail } from '../../src/rectification/xc-rectification-detail.js';
import type { XcForm } from '../../src/form/xc-form.js';
import type { RectificationLedger } from '../../src/core/rectification-types.js';
import { clueSheetSchema } from '../../src/generated/templates.js';
import { clueSheet } from '../../src/generated/validators/clueSheet.js';
import { mountEditor, root as editorRoot } from '../template-editor/mount.js';
import { expectAccessible } from '../support/a11y.js';
import { ledgerItem } from '../fixtures/records.js';

/** A host with an open shadow root and one style of its own. */
function host(): ShadowRoot {
  const el = document.createElement('div');
  document.body.append(el);
  const root = el.attachShadow({ mode: 'open' });
  const own = new CSSStyleSheet();
  own.replaceSync('p { color: rgb(0, 0, 255); }');
  root.adoptedStyleSheets = [own];
  root.innerHTML = '<p>文字</p>';
  return root;
}

const waitFor = async (ok: () => unknown, what: string) => {
  for (let i = 0; i < 100 && !ok(); i++) await new Promise((r) => setTimeout(r, 20));
  expect(ok(), what).to.be.ok;
};

describe('adoptSheet', () => {
  afterEach(() => {
    for (const el of document.body.querySelectorAll(':scope > div')) el.remove();
  });

  it('adds the styles once, beside the root’s own, and shares one sheet between roots', () => {
    const a = host();
    const p = a.querySelector('p')!;
    const css = 'p { font-weight: 700; }';
    expect(adoptSheet(a, css), 'added now').to.equal(true);
    expect(getComputedStyle(p).fontWeight).to.equal('700');
    expect(getComputedStyle(p).color, 'the root’s own styles stay').to.equal('rgb(0, 0, 255)');
    expect(adoptSheet(a, css), 'already there').to.equal(false);
    expect(a.adoptedStyleSheets.length).to.equal(2);
    const b = host();
    expect(adoptSheet(b, css)).to.equal(true);
    expect(b.adoptedStyleSheets[1], 'one sheet per text and page').to.equal(a.adoptedStyleSheets[1]);
    expect(getComputedStyle(b.querySelector('p')!).fontWeight).to.equal('700');
    // Another text is another sheet.
    expect(adoptSheet(a, 'p { font-style: italic; }')).to.equal(true);
    expect(a.adoptedStyleSheets.length).to.equal(3);
    expect(getComputedStyle(p).fontStyle).to.equal('italic');
  });

  it('does nothing where there is no shadow root', () => {
    const before = document.adoptedStyleSheets.length;
    for (const root of [null, undefined, document, document.body]) expect(adoptSheet(root, 'p { font-weight: 700; }')).to.equal(false);
    expect(document.adoptedStyleSheets.length, 'the page’s own sheets untouched').to.equal(before);
  });
});

// --- Its users -----------------------------------------------------------------------------------

const ledger = (): RectificationLedger => ({ version: 1, title: '整改台账', items: [ledgerItem('ZG-001', { deadline: '2026-11-20' }), ledgerItem('ZG-002')] });

async function mountTracker(): Promise<XcRectificationTracker> {
  const wrap = await fixture<HTMLElement>(html`<xc-provider today="2026-11-26" user-role="unit" .user=${{ id: 'clerk', name: '李四' }}>
    <xc-rectification-tracker .value=${ledger()}></xc-rectification-tracker>
  </xc-provider>`);
  const el = wrap.querySelector('xc-rectification-tracker')!;
  await el.updateComplete;
  return el;
}

describe('adoptSheet’s users', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('the ledger’s summary: the overdue figure stands out in bold once the charts have come', async () => {
    const el = await mountTracker();
    const overdue = () => el.shadowRoot!.querySelector<HTMLElement>('.summary .fig-overdue');
    await waitFor(overdue, 'the summary is shown');
    await el.updateComplete;
    expect(overdue()!.textContent).to.contain('逾期 1 项');
    expect(getComputedStyle(overdue()!).fontWeight).to.equal('600');
  });

  it('the ledger’s “changed by someone else” banner: each choice on a line of its own', async () => {
    const el = await mountTracker();
    await el.openItem('ZG-002');
    const detail = el.shadowRoot!.querySelector<XcRectificationDetail>('xc-rectification-detail')!;
    const p = detail.querySelector<HTMLInputElement>('#d-progress')!;
    p.focus();
    p.select();
    await sendKeys({ type: '55' });
    await el.updateComplete;
    const theirs = ledger();
    theirs.items[1] = ledgerItem('ZG-002', { progress: 30 });
    await el.showConflict(theirs);
    await el.updateComplete;
    const [first, second] = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.sync-choice label')];
    expect(first!.textContent).to.contain('30');
    expect(second!.textContent).to.contain('55');
    expect(second!.getBoundingClientRect().top, 'mine below theirs').to.be.at.least(first!.getBoundingClientRect().bottom - 1);
    await expectAccessible(el);
  });

  it('the form’s A4 print preview: a framed page no wider than A4, its title in 18 pt', async () => {
    const el = await fixture<XcForm>(html`<xc-form .schema=${clueSheetSchema} .validator=${clueSheet} .value=${{ clueNo: '线-001' }} print-view></xc-form>`);
    const preview = () => el.shadowRoot!.querySelector<HTMLElement>('.print-view.preview');
    await waitFor(preview, 'the preview is shown');
    await el.updateComplete;
    const box = preview()!.getBoundingClientRect();
    expect(box.height).to.be.greaterThan(100);
    expect(box.width).to.be.at.most((210 / 25.4) * 96 + 1);
    expect(getComputedStyle(preview()!).borderTopWidth).to.equal('1px');
    expect(getComputedStyle(preview()!.querySelector('.p-title')!).fontSize).to.equal('24px');
  });

  it('the template editor’s form mode: a select listing a long label stays within its column', async () => {
    await setViewport({ width: 390, height: 800 });
    const LONG = '关于被巡察党组织落实全面从严治党主体责任和监督责任情况的专项说明及其佐证材料目录与整改承诺事项逐条说明（含附件）';
    const el = await mountEditor({
      type: 'object',
      title: '登记',
      properties: {
        a: { type: 'string', title: LONG + LONG, enum: ['是', '否'], 'x-xc-widget': 'radio' },
        b: { type: 'string', title: '说明', 'x-xc-hidden': { not: { field: 'a', const: '是' } } },
      },
    });
    const root = editorRoot(el);
    const editor = root.querySelector<HTMLElement>('.editor')!;
    const select = [...root.querySelectorAll('select')].find((s) => [...s.options].some((o) => o.title === LONG + LONG))!;
    expect(select, 'the condition lists the long field').to.exist;
    expect(select.getBoundingClientRect().right).to.be.at.most(editor.getBoundingClientRect().right + 1);
  });
});
