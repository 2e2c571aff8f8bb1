import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import '../../src/checklist/index.js';
import type { XcChecklist } from '../../src/checklist/xc-checklist.js';
import { toClueEntries, toRectificationItems, type ChecklistTemplate } from '../../src/core/checklist.js';
import { assertInert, loadPayloads } from '../support/xss.js';
import { payloadPaths } from '../support/text-paths.js';
import { record } from '../support/report.js';

/** Tags that only the element itself may create; data must never produce them. */
const FORBIDDEN = 'script, img, iframe, svg, math, object, embed, frame, frameset, video, audio, style, link, meta, base, form, marquee, details, template:not([shadowroot])';

let payloads: string[] = [];

before(async () => {
  payloads = await loadPayloads();
});

function hostileTemplate(batch: string[]): ChecklistTemplate {
  const lbl = (i: number) => ({ 'zh-CN': batch[i % batch.length]!, en: batch[(i + 1) % batch.length]! });
  return {
    id: 'xss',
    version: '1',
    title: lbl(0),
    description: lbl(1),
    source: batch[2 % batch.length],
    findings: [
      { value: 'problem', label: lbl(3), isProblem: true },
      { value: 'none', label: lbl(4) },
    ],
    methods: [{ value: 'm1', label: lbl(5) }],
    evidenceKinds: [{ value: 'k1', label: lbl(6) }],
    categories: [{ value: 'c1', label: lbl(7) }],
    scopes: [{ value: 's1', label: lbl(8) }],
    sections: [
      {
        id: 's',
        ordinal: batch[9 % batch.length],
        title: lbl(10),
        groups: [
          {
            id: 'g',
            ordinal: batch[11 % batch.length],
            title: lbl(12),
            items: batch.map((p, i) => ({ id: `p${i}`, text: p, hint: batch[(i + 3) % batch.length], category: 'c1' })),
          },
        ],
      },
    ],
  };
}

function hostileValue(batch: string[]) {
  const items: Record<string, unknown> = {};
  batch.forEach((p, i) => {
    items[`p${i}`] = {
      finding: 'problem',
      description: p,
      notes: p,
      methods: ['m1'],
      clue: true,
      scope: 's1',
      evidence: [{ title: p, kind: 'k1', ref: p }, { title: '正常链接', ref: 'https://oa.example.gov.cn/doc?id=1' }],
    };
  });
  return { templateId: 'xss', templateVersion: '1', items, [batch[0]!]: batch[1] };
}

async function settle(el: XcChecklist) {
  await el.updateComplete;
  el.renderAll();
  await el.updateComplete;
  await nextFrame();
  await new Promise((r) => setTimeout(r, 50));
}

function assertChecklistInert(el: XcChecklist) {
  assertInert(el.shadowRoot!, FORBIDDEN);
}

/** Text paths gone through (template and answers, zh-CN text: English labels are not shown here). */
const paths = new Set<string>();
const pathSegment = (k: string) => (k === 'en' ? null : k === 'zh-CN' ? '' : /^p\d+$/.test(k) ? '*' : k);
let modes = 0;

describe('hostile text through every text path of <xc-checklist>', () => {
  it('has a corpus of at least 100 payloads', () => {
    expect(payloads.length).to.be.at.least(100);
  });

  for (const readonly of [false, true]) {
    it(`renders payloads in template text, options, answers and evidence as inert text${readonly ? ' (read-only)' : ''}`, async function () {
      this.timeout(60000);
      for (let start = 0; start < payloads.length; start += 25) {
        const batch = payloads.slice(start, start + 25);
        const set = new Set(batch);
        for (const [what, data] of [['template', hostileTemplate(batch)], ['answers', hostileValue(batch)]] as const) {
          for (const p of payloadPaths(data, set, pathSegment)) paths.add(`${what}: ${p}`);
        }
        const el = await fixture<XcChecklist>(html`<xc-checklist ?readonly=${readonly} .template=${hostileTemplate(batch)} .value=${hostileValue(batch)}></xc-checklist>`);
        await settle(el);
        // Every payload is visible as text somewhere (it was not dropped or parsed).
        const text = el.shadowRoot!.textContent!;
        const values = [...el.shadowRoot!.querySelectorAll<HTMLTextAreaElement | HTMLInputElement>('textarea, input')].map((i) => i.value).join('\n');
        for (const p of batch) expect(text.includes(p) || values.includes(p), p).to.equal(true);
        // Submitting and the error summary with hostile text stay inert too.
        await el.reportValidity();
        await settle(el);
        assertChecklistInert(el);
        // Hand-on functions copy text, never interpret it.
        const items = toRectificationItems(el.activeTemplate!, el.value!);
        expect(items.map((i) => i.problem.text)).to.deep.equal(batch.map((p) => p.trim()));
        expect(toClueEntries(el.activeTemplate!, el.value!).map((c) => c.mainProblem)).to.deep.equal(batch.map((p) => p.trim()));
        el.remove();
      }
      modes++;
    });
  }

  it('records the figure', async () => {
    expect(modes).to.equal(2);
    await record({
      id: 'xss.checklist',
      check: '<xc-checklist> shows hostile text as inert text: no markup, no script, no unsafe link',
      figure: `${payloads.length} payloads × ${paths.size} text paths (template and answers), editable and read-only, with the error summary and the hand-off functions (toRectificationItems, toClueEntries)`,
    });
  });

  it('keeps the text around a direction override or isolate in reading order (every bidi payload of the corpus)', async function () {
    this.timeout(60000);
    const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
    const bidi = payloads.filter((p) => BIDI.test(p));
    expect(bidi.length, 'bidi payloads in the corpus').to.be.at.least(5);
    /** The first and the last character of `needle` inside `host` lie left to right. */
    const inOrder = (host: Element, needle: string) => {
      const walker = document.createTreeWalker(host, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.textContent!.indexOf(needle);
        if (at < 0) continue;
        const rect = (i: number) => {
          const r = document.createRange();
          r.setStart(n!, i);
          r.setEnd(n!, i + 1);
          return r.getBoundingClientRect();
        };
        return rect(at).left < rect(at + needle.length - 1).left;
      }
      throw new Error(`"${needle}" not found`);
    };
    for (const p of bidi) {
      const template = {
        id: 'bidi',
        version: '1',
        title: p,
        findings: [{ value: 'problem', label: '存在问题', isProblem: true }, { value: 'none', label: '未发现问题' }],
        methods: [{ value: 'm1', label: p }, { value: 'm2', label: '个别谈话' }],
        evidenceKinds: [{ value: 'k1', label: p }, { value: 'k2', label: '会议记录' }],
        sections: [{ id: 's', title: p, items: [{ id: 'a', text: p, hint: p }, { id: 'b', text: '是否存在问题' }] }],
      } as unknown as ChecklistTemplate;
      const value = {
        templateId: 'bidi',
        templateVersion: '1',
        items: { a: { finding: 'problem', description: p, methods: ['m1', 'm2'], evidence: [{ title: p, kind: 'k2', ref: 'REF-0042' }, { title: '佐证', kind: 'k1', ref: 'REF-0043' }] } },
      };
      const el = await fixture<XcChecklist>(html`<xc-checklist readonly subject=${p} .template=${template} .value=${value}></xc-checklist>`);
      await settle(el);
      const item = el.shadowRoot!.querySelector('#xc-item-a')!;
      const [first, second] = [...item.querySelectorAll('li')];
      expect(inOrder(first!, '会议记录'), `kind after a hostile title: ${JSON.stringify(p)}`).to.equal(true);
      expect(inOrder(first!, 'REF-0042'), `reference after a hostile title: ${JSON.stringify(p)}`).to.equal(true);
      expect(inOrder(second!, 'REF-0043'), `reference after a hostile kind: ${JSON.stringify(p)}`).to.equal(true);
      const methods = [...item.querySelectorAll('dd')].find((d) => d.textContent!.includes('个别谈话'))!;
      expect(inOrder(methods, '个别谈话'), `method after a hostile method: ${JSON.stringify(p)}`).to.equal(true);
      el.readonly = false;
      el.value = { templateId: 'bidi', templateVersion: '1', items: {} };
      await settle(el);
      await el.reportValidity();
      await settle(el);
      const link = el.shadowRoot!.querySelector('.error-summary a')!;
      expect(inOrder(link, '请选择检查结论'), `error message after a hostile check point: ${JSON.stringify(p)}`).to.equal(true);
      el.remove();
    }
  });

  it('shows hostile text in a broken template error as text', async () => {
    for (const p of payloads.slice(0, 30)) {
      const el = await fixture<XcChecklist>(html`<xc-checklist .template=${{ id: p, version: p, title: p, findings: p, sections: [] }}></xc-checklist>`);
      await settle(el);
      expect(el.shadowRoot!.querySelector('[role=alert]')).to.exist;
      assertChecklistInert(el);
      el.remove();
    }
  });
});
