// <xc-template-editor>'s import and hostile text: section 二 of the seed pasted gives the bundled
// template's 54 check points in the preview (counts and the unplaced paragraph shown first, the
// replace one undoable step); a .docx opened through the file input reads the same way; fuzzed
// pasted text never throws; XSS payloads typed into every field stay text in the editor and the preview.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/template-editor/index.js';
import '../../src/provider/index.js';
import { memoryDrafts } from '../../src/core/draft.js';
import { writeDocx } from '../../src/core/office/docx.js';
import type { XcTemplateEditor } from '../../src/template-editor/xc-template-editor.js';
import type { ChecklistTemplateSource } from '../../src/core/checklist.js';
import { assertInert, loadPayloads } from '../support/xss.js';
import { expectAccessible } from '../support/a11y.js';

async function mount(value?: unknown): Promise<XcTemplateEditor> {
  const provider = await fixture(html`<xc-provider today="2026-12-03" .drafts=${memoryDrafts()}><xc-template-editor lang="zh-CN" .value=${value}></xc-template-editor></xc-provider>`);
  const el = provider.querySelector('xc-template-editor') as XcTemplateEditor;
  await el.updateComplete;
  return el;
}

const root = (el: XcTemplateEditor) => el.shadowRoot!;
const points = (t: ChecklistTemplateSource) => t.sections.flatMap((s) => ('groups' in s ? s.groups.flatMap((g) => g.items) : s.items));
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Checklist = HTMLElement & { activeTemplate: unknown; updateComplete: Promise<unknown> };
async function preview(el: XcTemplateEditor, points?: number): Promise<Checklist> {
  for (let i = 0; i < 150 && !root(el).querySelector('xc-checklist'); i++) await wait(20);
  await el.previewUpdated;
  const list = root(el).querySelector('xc-checklist') as Checklist;
  for (let i = 0; i < 150; i++) {
    await list.updateComplete;
    const n = list.shadowRoot?.querySelectorAll('xc-checklist-item').length ?? 0;
    if (list.activeTemplate && (points === undefined || n === points)) break;
    await wait(20);
  }
  return list;
}

/** Every shadow root under (and including) a root. */
function shadowRoots(r: ShadowRoot): ShadowRoot[] {
  return [r, ...[...r.querySelectorAll('*')].flatMap((e) => (e.shadowRoot ? shadowRoots(e.shadowRoot) : []))];
}

describe('<xc-template-editor> import', () => {
  let seed = '';
  before(async () => {
    seed = (await (await fetch('/tests/fixtures/seed.txt')).text()).replace(/\r\n?/g, '\n');
  });

  it('section 二 of the seed, pasted, shows its counts and the unplaced paragraph, then gives 54 check points in the preview; one undo brings the old template back', async () => {
    const el = await mount();
    const two = seed.slice(seed.search(/^二、/m), seed.search(/^三、/m));
    const area = root(el).querySelector<HTMLTextAreaElement>('#te-import-text')!;
    expect(root(el).querySelector('label[for="te-import-text"]')!.textContent).to.equal('文档文字');
    area.value = two;
    area.dispatchEvent(new Event('input'));
    root(el).querySelector<HTMLButtonElement>('.import-read')!.click();
    for (let i = 0; i < 50 && !root(el).querySelector('.import-result'); i++) await wait(20);
    await el.updateComplete;
    const result = root(el).querySelector('.import-result')!;
    expect(result.querySelector('[role="status"]')!.textContent).to.equal('读取结果：3 个聚焦方向，11 个分组，54 个检查要点。');
    const unplaced = [...result.querySelectorAll('.unplaced li')].map((li) => li.textContent!);
    expect(unplaced.length).to.equal(1);
    expect(unplaced[0]).to.match(/^第 2 行：政治巡察越到基层/);
    expect(points(el.value).length, 'nothing replaced before the person says so').to.equal(1);
    await expectAccessible(el);
    result.querySelector<HTMLButtonElement>('.import-replace')!.click();
    await el.updateComplete;
    expect(points(el.value).length).to.equal(54);
    expect(el.value.findings.map((f) => f.value), 'the findings of the template it replaced are kept').to.deep.equal(['problem', 'none', 'na']);
    expect(root(el).querySelector('[role="status"]')!.textContent).to.equal('已导入 54 个检查要点（可撤销）。');
    const list = await preview(el, 54);
    expect(list.shadowRoot!.querySelectorAll('xc-checklist-item').length).to.equal(54);
    await expectAccessible(el);
    expect(el.undo()).to.equal(true);
    expect(points(el.value).length).to.equal(1);
  });

  it('opens a .docx through the file input (its text read lazily) and reads it as pasted text', async () => {
    const el = await mount();
    const bytes = await writeDocx({
      title: '村（社区）巡察监督检查清单',
      blocks: [
        { kind: 'paragraph', text: '（一）村级组织建设' },
        { kind: 'paragraph', text: '1.班子运行情况' },
        { kind: 'paragraph', text: '①是否按期召开支部委员会；' },
        { kind: 'paragraph', text: '②“四议两公开”是否落实。' },
        { kind: 'paragraph', text: '（二）村级财务管理' },
        { kind: 'paragraph', text: '1.三资管理' },
        { kind: 'paragraph', text: '①集体资产是否登记造册' },
      ],
    });
    const input = root(el).querySelector<HTMLInputElement>('input.import-file')!;
    const dt = new DataTransfer();
    dt.items.add(new File([bytes.slice().buffer as ArrayBuffer], '村级清单.docx', { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }));
    input.files = dt.files;
    input.dispatchEvent(new Event('change'));
    for (let i = 0; i < 100 && !root(el).querySelector('.import-result'); i++) await wait(20);
    await el.updateComplete;
    expect(root(el).querySelector('.import-result [role="status"]')!.textContent).to.equal('读取结果：2 个聚焦方向，2 个分组，3 个检查要点。');
    // Not a Word file: said so, nothing replaced.
    const bad = new DataTransfer();
    bad.items.add(new File([new Uint8Array([0x50, 0x4b, 1, 2])], 'broken.docx'));
    input.files = bad.files;
    input.dispatchEvent(new Event('change'));
    for (let i = 0; i < 100 && !root(el).querySelector('.import [role="alert"]'); i++) await wait(20);
    expect(root(el).querySelector('.import [role="alert"]')!.textContent).to.equal('无法读取该文件：请确认是 .docx 或纯文本文件。');
    expect(points(el.value).length).to.equal(1);
  });

  it('never throws on fuzzed pasted text, and what it gives can replace the template', async () => {
    const el = await mount();
    const parts = ['一、', '（一）', '一是', '二是', '1.', '2、', '（1）', '①', '②', '。', '；', '：', '\n', '\r\n', '重点检查', '是否', '　', ' ', '<b>', '&amp;', '\u0000', '\uFFFF', '😀', 'abc', '十一、', '（二十）'];
    let seedN = 12345;
    const rand = (n: number) => ((seedN = (seedN * 1103515245 + 12345) & 0x7fffffff), seedN % n);
    for (let k = 0; k < 150; k++) {
      const text = Array.from({ length: rand(60) }, () => parts[rand(parts.length)]).join('');
      const imp = await el.readImport(text);
      expect(imp.template.sections).to.be.an('array');
      if (points(imp.template).length && k % 10 === 0) el.applyImport();
    }
    await el.updateComplete;
    expect(root(el).querySelector('.outline')).to.exist;
  });
});

describe('<xc-template-editor> hostile text', () => {
  it('XSS payloads typed into every field stay text in the editor and the preview', async () => {
    const payloads = await loadPayloads();
    const el = await mount({
      id: 'x',
      version: '1.0.0',
      title: 't',
      findings: [
        { value: 'problem', label: 'p', isProblem: true },
        { value: 'none', label: 'n' },
      ],
      categories: [{ value: 'c1', label: 'c' }],
      methods: [{ value: 'm1', label: 'm' }],
      evidenceKinds: [{ value: 'e1', label: 'e' }],
      scopes: [{ value: 's1', label: 's' }],
      sections: [{ id: 'f1', title: 'a', groups: [{ id: 'f1g1', title: 'b', items: [{ id: 'f1g1-01', text: 'c' }] }] }],
    });
    const fields = () => [...root(el).querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[type="text"]:not([readonly]), textarea')].filter((f) => f.id !== 'tpl-id');
    const n = fields().length;
    expect(n).to.be.greaterThan(12);
    for (let i = 0; i < n; i++) {
      const f = fields()[i]!;
      f.value = payloads[i % payloads.length]!;
      f.dispatchEvent(new Event('input'));
      await el.updateComplete;
    }
    // The import too: the payloads as a document's lines.
    await el.readImport(`（一）${payloads.slice(0, 8).join('\n')}\n一是${payloads.slice(8, 16).join('。')}`);
    await el.updateComplete;
    const text = points(el.value)[0]!.text as string;
    expect(payloads).to.include(text);
    const list = await preview(el);
    await wait(50);
    await list.updateComplete;
    expect(list.shadowRoot!.textContent, 'the preview shows the check point’s text as text').to.contain(text);
    expect(root(el).querySelector('.import-result')!.textContent).to.contain(payloads[1]!);
    const forbidden = 'script, img, iframe, svg, math, object, embed, frame, frameset, video, audio, style, link, meta, base, form, marquee';
    for (const r of shadowRoots(el.shadowRoot!)) assertInert(r, forbidden);
    await wait(100);
    expect(window.__xssFired).to.deep.equal([]);
  });
});
