// <xc-template-editor> as a README-only trial found it: an import read on a fresh page replaces the
// template without throwing (or is refused when it has no check points), and the outline speaks
// the page's language from the first frame and after a switch, not only once a node is edited.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/template-editor/index.js';
import '../../src/provider/index.js';
import { memoryDrafts } from '../../src/core/draft.js';
import { expectAccessible } from '../support/a11y.js';
import type { XcTemplateEditor } from '../../src/template-editor/xc-template-editor.js';
import type { ChecklistTemplateSource } from '../../src/core/checklist.js';

/** A two-level 村 checklist as a county office writes it: its own ids (V-A, V-01…) and version "0.9". */
const VILLAGE = {
  id: 'village-2027',
  version: '0.9',
  title: { 'zh-CN': '村（社区）巡察监督检查清单', en: 'Village (community) inspection checklist' },
  source: '区委巡察办〔2027〕1号',
  findings: [
    { value: 'ok', label: { 'zh-CN': '符合', en: 'Compliant' } },
    { value: 'fail', label: { 'zh-CN': '不符合', en: 'Non-compliant' }, isProblem: true },
    { value: 'na', label: '不适用' },
  ],
  categories: [{ value: 'C-3zi', label: '“三资”管理' }],
  rules: { requireAll: false, requireMethodForProblem: true },
  sections: [
    { id: 'V-A', ordinal: '一、', title: { 'zh-CN': '村级“三资”管理', en: 'Collective assets' }, items: [{ id: 'V-01', text: '是否存在集体资产底数不清等问题', category: 'C-3zi' }, { id: 'V-02', text: '是否存在白条入账等问题' }] },
    { id: 'V-B', ordinal: '二、', title: '惠民政策落实', items: [{ id: 'V-03', text: '是否存在虚报冒领惠农补贴等问题' }] },
  ],
} as unknown as ChecklistTemplateSource;

async function mount(value?: unknown, lang = 'zh-CN'): Promise<XcTemplateEditor> {
  const provider = await fixture(html`<xc-provider today="2026-12-03" .drafts=${memoryDrafts()}><xc-template-editor lang=${lang} .value=${value}></xc-template-editor></xc-provider>`);
  const el = provider.querySelector('xc-template-editor') as XcTemplateEditor;
  await el.updateComplete;
  return el;
}
const root = (el: XcTemplateEditor) => el.shadowRoot!;
const status = (el: XcTemplateEditor) => root(el).querySelector('.status [role="status"]')!.textContent!.trim();
const ids = (t: ChecklistTemplateSource) => t.sections.flatMap((s) => [s.id, ...('groups' in s ? s.groups.flatMap((g) => [g.id, ...g.items.map((p) => p.id)]) : s.items.map((p) => p.id))]);

describe('<xc-template-editor> defects of the README-only trial', () => {
  it('E2: an import read on a fresh page replaces the template without throwing; one with no check points is refused and said', async () => {
    for (const value of [undefined, VILLAGE]) {
      const el = await mount(value);
      await el.readImport('一、x\n1. 是否y');
      expect(el.applyImport()).to.equal(true);
      await el.updateComplete;
      expect(el.value.sections.length).to.equal(1);
      expect(JSON.stringify(el.value.sections)).to.contain('是否y');
      await el.readImport('只有一段说明文字');
      await el.updateComplete;
      expect(root(el).querySelector<HTMLButtonElement>('.import-replace')!.disabled, 'nothing to replace with').to.equal(true);
      const before = el.value;
      expect(el.applyImport()).to.equal(false);
      expect(el.value).to.deep.equal(before);
      await el.updateComplete;
      expect(status(el)).to.equal('未识别到任何检查要点。');
    }
  });

  it('E3: the outline speaks English from the first frame with lang="en", and follows a switch of the page language', async () => {
    const el = await mount(VILLAGE, 'en');
    expect(root(el).getElementById('n0-head')!.textContent).to.equal('Focus area 1');
    expect(root(el).querySelector('[data-node="V-01"] button.up')!.textContent!.trim()).to.equal('Move up');
    el.lang = 'zh-CN';
    await el.updateComplete;
    expect(root(el).getElementById('n0-head')!.textContent).to.equal('聚焦方向 1');
    el.lang = 'en';
    await el.updateComplete;
    expect(root(el).querySelector('[data-node="V-03"] label')!.textContent!.trim()).to.equal('Check point text');
  });

  it('E1: a value that is not a template is refused with xc-value-error and kept in rejectedValue; the template and saved stay', async () => {
    const el = await mount(VILLAGE);
    for (const junk of ['village.json', { code: 0, data: VILLAGE }, { id: 'x', sections: 'none' }, null, 42]) {
      const said = oneEvent(el, 'xc-value-error');
      el.value = junk as never;
      const e = (await said) as CustomEvent<{ errors: { message: string }[]; value: unknown }>;
      expect(e.detail.value).to.equal(junk);
      expect(e.detail.errors[0]!.message).to.contain('不是检查清单模板');
      expect(el.rejectedValue).to.equal(junk);
      expect(el.value, 'the template being edited stays').to.deep.equal(VILLAGE);
      expect(el.saved).to.deep.equal(VILLAGE);
    }
    el.value = { ...VILLAGE, version: '1.0' } as ChecklistTemplateSource;
    expect(el.rejectedValue).to.equal(null);
    expect(el.value.version).to.equal('1.0');
    // An empty editor still starts from nothing given.
    const fresh = await mount(undefined);
    expect(fresh.rejectedValue).to.equal(null);
    expect(fresh.value.sections.length).to.equal(1);
  });

  it('E6: an id deleted and saved does not come back through a form reset or an older draft', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><xc-provider today="2026-12-03" .drafts=${memoryDrafts()}><xc-template-editor name="t" .value=${VILLAGE}></xc-template-editor></xc-provider></form>`);
    const el = form.querySelector('xc-template-editor') as XcTemplateEditor;
    await el.updateComplete;
    expect(el.deleteEntry('V-02')).to.equal(true);
    expect(await el.save()).to.equal(true);
    expect(el.confirmSave()!.template.retiredIds).to.deep.equal(['V-02']);
    form.reset();
    await el.updateComplete;
    expect(ids(el.value), 'the first value’s check point is back, under a fresh id').not.to.include('V-02');
    expect(el.value.retiredIds).to.deep.equal(['V-02']);
    expect(ids(el.value).length).to.equal(ids(VILLAGE).length);

    // A draft made before the delete, restored over the version that retired V-02.
    const drafts = memoryDrafts();
    drafts.save('village-draft', { value: VILLAGE, savedAt: Date.now() - 60_000, templateVersion: '0.9' });
    const saved = el.saved!;
    const host = await fixture(html`<xc-provider today="2026-12-03" .drafts=${drafts}><xc-template-editor lang="zh-CN" draft-key="village-draft" .saved=${saved} .value=${saved}></xc-template-editor></xc-provider>`);
    const again = host.querySelector('xc-template-editor') as XcTemplateEditor;
    await again.updateComplete;
    let restore: HTMLButtonElement | undefined;
    for (let i = 0; i < 50 && !restore; i++) {
      await new Promise((r) => setTimeout(r, 20));
      await again.updateComplete;
      restore = [...root(again).querySelectorAll<HTMLButtonElement>('[part="draft-banner"] button')].find((b) => b.textContent!.trim() === '恢复草稿');
    }
    expect(restore, 'the draft is offered').to.exist;
    restore!.click();
    await again.updateComplete;
    expect(ids(again.value)).not.to.include('V-02');
    expect(again.value.retiredIds).to.include('V-02');
    expect(JSON.stringify(again.value)).to.contain('是否存在白条入账等问题');
  });

  it('E7, E9: while read-only the confirm step saves nothing and addOption adds nothing; Escape and 取消 close it, and focus goes back to 保存新版本, as after 确认保存', async () => {
    const el = await mount(VILLAGE);
    el.editEntry('V-01', { text: '是否存在集体资产底数不清、台账不全等问题' });
    expect(await el.save()).to.equal(true);
    el.readonly = true;
    await el.updateComplete;
    expect(root(el).querySelector<HTMLButtonElement>('.confirm-save')!.disabled).to.equal(true);
    let saves = 0;
    el.addEventListener('xc-save', () => saves++);
    expect(el.confirmSave()).to.equal(null);
    expect(await el.save()).to.equal(false);
    expect(el.addOption('methods')).to.equal('');
    expect(el.value.methods).to.equal(undefined);
    expect(saves).to.equal(0);
    el.readonly = false;
    await el.updateComplete;
    root(el).querySelector<HTMLButtonElement>('.cancel-save')!.focus();
    root(el).querySelector('.confirm')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await el.updateComplete;
    expect(root(el).querySelector('.confirm'), 'Escape closes the confirm step').to.equal(null);
    expect(root(el).activeElement?.classList.contains('save'), 'focus on 保存新版本').to.equal(true);
    await el.save();
    root(el).querySelector<HTMLButtonElement>('.confirm-save')!.click();
    await el.updateComplete;
    expect(saves).to.equal(1);
    expect(root(el).activeElement?.classList.contains('save'), 'after 确认保存 too').to.equal(true);
  });

  it('E12: the language choices and the rules are targets of at least 24 px', async () => {
    const el = await mount(VILLAGE);
    const targets = [...root(el).querySelectorAll<HTMLElement>('.langs label, .rule, .problem')];
    expect(targets.length).to.be.greaterThan(6);
    for (const l of targets) expect(l.getBoundingClientRect().height, l.textContent!).to.be.at.least(24);
  });

  it('E11: the name in the status line is isolated (<bdi>): an override character in a check point cannot turn the message around', async () => {
    const el = await mount(VILLAGE);
    el.editEntry('V-02', { text: '\u202E是否存在白条入账' });
    expect(el.deleteEntry('V-02')).to.equal(true);
    await el.updateComplete;
    const line = root(el).querySelector('.status [role="status"]')!;
    expect(line.textContent!.trim()).to.equal('已删除：检查要点 1.2「\u202E是否存在白条入账」');
    expect(line.querySelector('bdi')!.textContent).to.equal('检查要点 1.2「\u202E是否存在白条入账」');
  });
});

describe('<xc-template-editor> the trial’s open items', () => {
  const VILLAGE_TEXT = '一、村级“三资”管理\n1. 是否存在集体资产底数不清等问题\n2. 是否存在白条入账等问题\n二、惠民政策落实\n1. 是否存在虚报冒领惠农补贴等问题';

  it('E14: importing the template’s own text keeps its ids: the save review removes nothing', async () => {
    const el = await mount(VILLAGE);
    await el.readImport(VILLAGE_TEXT);
    expect(el.applyImport()).to.equal(true);
    await el.updateComplete;
    expect(ids(el.value)).to.deep.equal(ids(VILLAGE));
    // A check point reworded so that there is something to review: nothing removed, one reworded.
    el.editEntry('V-03', { text: '是否存在虚报冒领惠农补贴、优亲厚友等问题' });
    expect(await el.save()).to.equal(true);
    await el.updateComplete;
    expect(root(el).querySelector('.confirm .changes')!.textContent).to.equal('与上一版本相比：删除 0 个检查要点，新增 0 个，修改表述 1 个。');
    expect(el.confirmSave()!.changes.removed).to.deep.equal([]);
  });
});

describe('<xc-template-editor> E15: what an import could not place', () => {
  const TEXT = '一、村级“三资”管理\n1. 是否存在白条入账等问题\n| 序号 | 检查内容 |\n二、空的方向\n\n附件：检查底稿';

  it('stays listed with its reasons after 替换当前模板, and 复制未归入的文字 copies the "第 n 行：…" lines', async () => {
    const el = await mount(VILLAGE);
    await el.readImport(TEXT);
    await el.updateComplete;
    root(el).querySelector<HTMLButtonElement>('.import-replace')!.click();
    await el.updateComplete;
    const items = [...root(el).querySelectorAll('.import .unplaced li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(items).to.deep.equal([
      '第 3 行：| 序号 | 检查内容 | （表格行）',
      '第 4 行：二、空的方向 （下面没有检查要点的标题）',
      '第 6 行：附件：检查底稿 （结尾文字（附件、抄送、落款）或空行之后的文字）',
    ]);
    expect(root(el).querySelector('.import-left .unplaced-intro')!.textContent).to.contain('模板已替换。以下 3 段文字没有写入模板');
    const copied: string[] = [];
    const clip = navigator.clipboard as unknown as { writeText: (t: string) => Promise<void> };
    const real = clip.writeText;
    clip.writeText = async (t: string) => void copied.push(t);
    try {
      const copy = root(el).querySelector<HTMLButtonElement>('.import-copy')!;
      expect(copy.textContent!.trim()).to.equal('复制未归入的文字');
      copy.click();
      await new Promise((r) => setTimeout(r));
      await el.updateComplete;
      expect(copied).to.deep.equal(['第 3 行：| 序号 | 检查内容 |\n第 4 行：二、空的方向\n第 6 行：附件：检查底稿']);
      expect(root(el).querySelector('.copy-said')!.textContent).to.equal('已复制 3 段文字。');
      // Refused: the text is shown selected in a read-only field, and that is said.
      clip.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
      copy.click();
      await new Promise((r) => setTimeout(r, 20));
      await el.updateComplete;
      const field = root(el).querySelector<HTMLTextAreaElement>('textarea.unplaced-copy')!;
      expect(field.readOnly).to.equal(true);
      expect(root(el).activeElement).to.equal(field);
      expect(field.value.slice(field.selectionStart, field.selectionEnd)).to.equal(copied[0]);
      expect(root(el).querySelector('.copy-said')!.textContent).to.equal('无法写入剪贴板：文字已在下面选中，请按 Ctrl+C 复制。');
      await expectAccessible(el);
    } finally {
      clip.writeText = real;
    }
    // A new read starts afresh.
    await el.readImport('一、x\n1. 是否y');
    await el.updateComplete;
    expect(root(el).querySelector('.import-left')).to.equal(null);
  });
});

describe('<xc-template-editor> E9, E10, E13: what each step says and where focus goes', () => {
  const active = (el: XcTemplateEditor) => root(el).activeElement as HTMLElement | null;
  const button = (el: XcTemplateEditor, sel: string) => root(el).querySelector<HTMLButtonElement>(sel)!;

  it('E13 (c), E10: 复制 is said; undo and redo say which step; a node that comes back has focus on its 上移, not a text field', async () => {
    const el = await mount(VILLAGE);
    button(el, '[data-node="V-02"] button.duplicate').click();
    await el.updateComplete;
    expect(status(el)).to.equal('已复制：检查要点 1.3「是否存在白条入账等问题」');
    button(el, '[data-node="V-01"] button.delete').click();
    await el.updateComplete;
    button(el, '.status-undo').click();
    await el.updateComplete;
    expect(status(el)).to.equal('已撤销：删除检查要点 1.1「是否存在集体资产底数不清等问题」');
    expect(active(el)!.classList.contains('up'), 'on 上移').to.equal(true);
    expect(active(el)!.dataset.for).to.equal('V-01');
    // The next Ctrl+Z (focus on a button) is the editor's: it undoes the duplicate, and says so.
    const z = new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true, composed: true, cancelable: true });
    active(el)!.dispatchEvent(z);
    expect(z.defaultPrevented).to.equal(true);
    await el.updateComplete;
    expect(status(el)).to.equal('已撤销：复制检查要点 1.3「是否存在白条入账等问题」');
    // Redo from the toolbar: the copy is back and has focus on its 上移.
    button(el, '.toolbar button.redo').click();
    await el.updateComplete;
    expect(status(el)).to.equal('已重做：复制检查要点 1.3「是否存在白条入账等问题」');
    expect(active(el)!.classList.contains('up')).to.equal(true);
    expect(active(el)!.closest('[data-node]')!.querySelector('textarea')!.value).to.equal('是否存在白条入账等问题');
    expect(ids(el.value).length).to.equal(ids(VILLAGE).length + 1);
    // Undo until nothing is left from the toolbar: focus moves to 重做 rather than the page.
    for (let i = 0; i < 5 && el.canUndo; i++) {
      button(el, '.toolbar button.undo').focus();
      button(el, '.toolbar button.undo').click();
      await el.updateComplete;
    }
    expect(el.canUndo).to.equal(false);
    expect(active(el)?.classList.contains('redo'), 'focus on 重做').to.equal(true);
  });

  it('E13 (b): the last check point of a focus area without groups cannot be deleted: its 删除 is disabled and the reason names no group', async () => {
    const el = await mount(VILLAGE);
    expect(button(el, '[data-node="V-03"] button.delete').disabled).to.equal(true);
    expect(button(el, '[data-node="V-01"] button.delete').disabled).to.equal(false);
    expect(el.deleteEntry('V-03')).to.equal(false);
    await el.updateComplete;
    expect(status(el)).to.equal('不能删除：每个聚焦方向至少保留一个检查要点。');
    // A second check point there: both can be deleted now.
    el.addEntry('item', 'V-B');
    await el.updateComplete;
    expect(button(el, '[data-node="V-03"] button.delete').disabled).to.equal(false);
  });

  it('E13 (d): a group added to a focus area without groups has focus in its title, and that it needs one is said', async () => {
    const el = await mount(VILLAGE);
    button(el, '[data-node="V-B"] button.add-group').click();
    await el.updateComplete;
    const field = active(el) as HTMLInputElement;
    expect(field?.dataset.field).to.equal('title');
    const group = field.closest('[data-node]') as HTMLElement;
    expect(group.classList.contains('group')).to.equal(true);
    expect(status(el)).to.match(/^已添加分组 2\.\d+：请填写分组名称（必填）。$/);
  });

  it('E13 (a): an empty answer is not counted among the answers kept aside', async () => {
    const el = await mount(VILLAGE);
    el.drafts = [{ items: { 'V-02': {}, 'V-03': { finding: 'ok' } } }, { items: { 'V-02': { finding: 'fail' } } }, { items: { 'V-02': { finding: '', notes: '  ', evidence: [] } } }] as never;
    expect(el.deleteEntry('V-02')).to.equal(true);
    expect(await el.save()).to.equal(true);
    await el.updateComplete;
    const kept = [...root(el).querySelectorAll('.confirm .kept-aside')].map((k) => k.querySelector('p')!.textContent!.trim());
    expect(kept).to.have.length(1);
    expect(kept[0]).to.contain('第 2 份');
  });

  it('E9: after 恢复草稿 the restore is said and focus is on 撤销; after 放弃草稿 it is said and focus stays in the toolbar', async () => {
    for (const take of [true, false]) {
      const drafts = memoryDrafts();
      drafts.save('village-draft', { value: { ...VILLAGE, title: '村（社区）巡察监督检查清单（草稿）' }, savedAt: Date.now() - 60_000, templateVersion: '0.9' });
      const host = await fixture(html`<xc-provider today="2026-12-03" .drafts=${drafts}><xc-template-editor lang="zh-CN" draft-key="village-draft" .value=${VILLAGE}></xc-template-editor></xc-provider>`);
      const el = host.querySelector('xc-template-editor') as XcTemplateEditor;
      let offer: HTMLButtonElement | undefined;
      for (let i = 0; i < 50 && !offer; i++) {
        await new Promise((r) => setTimeout(r, 20));
        await el.updateComplete;
        offer = [...root(el).querySelectorAll<HTMLButtonElement>('[part="draft-banner"] button')].find((b) => b.textContent!.trim() === (take ? '恢复草稿' : '放弃草稿'));
      }
      expect(offer, 'the draft is offered').to.exist;
      offer!.focus();
      offer!.click();
      await el.updateComplete;
      await el.updateComplete;
      expect(root(el).querySelector('[part="draft-banner"]')).to.equal(null);
      expect(status(el)).to.equal(take ? '已恢复草稿（可撤销）。' : '已放弃草稿。');
      expect(active(el), 'focus stays in the editor').not.to.equal(null);
      expect(active(el)!.closest('.toolbar')).to.exist;
      if (take) expect(active(el)!.classList.contains('undo')).to.equal(true);
      expect(String(el.value.title['zh-CN' as never] ?? el.value.title)).to.contain(take ? '（草稿）' : '清单');
    }
  });
});
