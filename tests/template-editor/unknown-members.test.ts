// <xc-template-editor> and a template carrying members the meta-schema does not name: 保存新版本
// names each one and where it is, in the author's words (聚焦方向 2 › 分组 2.1 的未知项「colour」), at
// the field of that place and in the summary — not as an empty title or on the whole template —
// in zh-CN and English; the members stay in `value`; a member named with hostile text stays text.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/template-editor/index.js';
import '../../src/provider/index.js';
import { memoryDrafts } from '../../src/core/draft.js';
import type { XcTemplateEditor } from '../../src/template-editor/xc-template-editor.js';
import { deepActive } from '../a11y/keys.js';
import { expectAccessible } from '../support/a11y.js';
import { assertInert, loadPayloads } from '../support/xss.js';

/** Two focus areas: the first without groups (its check point carries `weight`), the second with a group carrying `colour`; the template itself carries `owner`. */
const withUnknown = (extra: Record<string, unknown> = {}) => ({
  id: 'village',
  version: '1.0.0',
  title: '村级巡察清单',
  owner: '巡察办',
  findings: [
    { value: 'problem', label: '存在问题', isProblem: true },
    { value: 'none', label: '未发现问题', tone: 'green' },
  ],
  sections: [
    { id: 'f1', title: '村级组织建设', items: [{ id: 'f1-01', text: '是否按期召开支部委员会', weight: 2 }] },
    { id: 'f2', title: '村级财务管理', groups: [{ id: 'f2g1', title: '三资管理', colour: 'red', items: [{ id: 'f2g1-01', text: '集体资产是否登记造册' }] }] },
  ],
  ...extra,
});

async function mount(value: unknown, lang = 'zh-CN'): Promise<XcTemplateEditor> {
  const provider = await fixture(html`<xc-provider today="2026-12-03" .drafts=${memoryDrafts()}><xc-template-editor lang=${lang} .value=${value}></xc-template-editor></xc-provider>`);
  const el = provider.querySelector('xc-template-editor') as XcTemplateEditor;
  await el.updateComplete;
  return el;
}

const root = (el: XcTemplateEditor) => el.shadowRoot!;
/** The error shown under a field (what aria-describedby points at). */
const fieldError = (el: XcTemplateEditor, id: string) => {
  const field = root(el).getElementById(id)!;
  expect(field.getAttribute('aria-invalid'), `${id} is marked invalid`).to.equal('true');
  return root(el).getElementById(`${id}-err`)!.textContent!.trim();
};
const summary = (el: XcTemplateEditor) => [...root(el).querySelectorAll('.error-summary li')].map((li) => li.textContent!.trim());

async function saveRefused(el: XcTemplateEditor): Promise<void> {
  const invalid = oneEvent(el, 'xc-invalid');
  root(el).querySelector<HTMLButtonElement>('button.save')!.click();
  await invalid;
  await el.updateComplete;
}

describe('<xc-template-editor> members the meta-schema does not name', () => {
  it('names each member and where it is, at its field and in the summary (axe-clean), and keeps it in value', async () => {
    const el = await mount(withUnknown());
    await saveRefused(el);
    const lines = summary(el);
    expect(lines).to.include('聚焦方向 2 › 分组 2.1 的未知项「colour」：模板格式中没有此项，删除后才能保存。');
    expect(lines).to.include('聚焦方向 1 › 检查要点 1.1 的未知项「weight」：模板格式中没有此项，删除后才能保存。');
    expect(lines).to.include('检查结论 第 2 项 的未知项「tone」：模板格式中没有此项，删除后才能保存。');
    expect(lines).to.include('模板 的未知项「owner」：模板格式中没有此项，删除后才能保存。');
    expect(lines.join('\n'), 'not the empty-title message, nor the bare validator text').not.to.match(/请填写标题|额外的属性/);
    expect(deepActive()).to.equal(root(el).querySelector('.error-summary'));
    // At the field of the place: the group's title, the check point's text, the finding's name.
    expect(fieldError(el, 'n1-0--1-title')).to.contain('聚焦方向 2 › 分组 2.1 的未知项「colour」');
    expect(fieldError(el, 'n0-0-0-text')).to.contain('聚焦方向 1 › 检查要点 1.1 的未知项「weight」');
    expect(fieldError(el, 'o-findings-1-label')).to.contain('「tone」');
    // The summary's link goes to that field.
    const link = [...root(el).querySelectorAll<HTMLAnchorElement>('.error-summary a')].find((a) => a.textContent!.includes('colour'))!;
    link.click();
    await el.updateComplete;
    expect(deepActive()!.id).to.equal('n1-0--1-title');
    await expectAccessible(el);
    // Nothing is dropped: the members are in value, as given.
    const v = el.value as unknown as ReturnType<typeof withUnknown>;
    expect(v.owner).to.equal('巡察办');
    expect((v.sections[1] as { groups: { colour?: string }[] }).groups[0]!.colour).to.equal('red');
    expect(el.value).to.deep.equal(withUnknown());
  });

  it('lists several members of one place together, and says them in English', async () => {
    const el = await mount(
      {
        id: 'village',
        version: '1.0.0',
        title: 'Village checklist',
        findings: [{ value: 'problem', label: 'Problem', isProblem: true }, { value: 'none', label: 'None' }],
        sections: [{ id: 'f1', title: 'Village', groups: [{ id: 'f1g1', title: 'Assets', colour: 'red', size: 3, items: [{ id: 'f1g1-01', text: 'Registered?' }] }] }],
      },
      'en',
    );
    await saveRefused(el);
    expect(summary(el)).to.deep.equal(['Focus area 1 › Group 1.1: unknown members “colour”, “size”. The template format has no such member; remove them to save.']);
  });

  it('a member named with hostile text is named as text', async () => {
    const payloads = await loadPayloads();
    const group: Record<string, unknown> = { id: 'f2g1', title: '三资管理', items: [{ id: 'f2g1-01', text: '集体资产是否登记造册' }] };
    for (const p of payloads.slice(0, 20)) group[p] = 1;
    const el = await mount(withUnknown({ sections: [withUnknown().sections[0], { id: 'f2', title: '村级财务管理', groups: [group] }] }));
    await saveRefused(el);
    expect(fieldError(el, 'n1-0--1-title')).to.contain(`「${payloads[0]}」`);
    assertInert(root(el), 'script, img, iframe, svg, math, object, embed, frame, frameset, video, audio, style, link, meta, base, form, marquee');
    await new Promise((r) => setTimeout(r, 100));
    expect(window.__xssFired).to.deep.equal([]);
  });

  it('E8: 移除未知项 beside each named member removes it as one undoable step; with all removed the save goes on', async () => {
    const el = await mount(withUnknown());
    await saveRefused(el);
    const buttons = () => [...root(el).querySelectorAll<HTMLButtonElement>('.remove-unknown button')];
    expect(buttons().map((b) => b.textContent!.trim()).sort()).to.deep.equal(['移除未知项 colour', '移除未知项 owner', '移除未知项 tone', '移除未知项 weight']);
    // Beside the error it names: the check point's text field carries weight's.
    const weight = buttons().find((b) => b.textContent!.includes('weight'))!;
    expect(weight.closest('.field')!.querySelector('#n0-0-0-text')).to.exist;
    weight.click();
    await el.updateComplete;
    const v = el.value as unknown as { sections: { items: Record<string, unknown>[] }[]; owner?: string };
    expect(v.sections[0]!.items[0]).to.deep.equal({ id: 'f1-01', text: '是否按期召开支部委员会' });
    expect(v.owner, 'nothing else removed').to.equal('巡察办');
    expect(root(el).querySelector('.status [role="status"]')!.textContent!.trim()).to.equal('已移除未知项：weight（可撤销）');
    expect(summary(el).join('\n')).not.to.contain('weight');
    expect(root(el).activeElement!.classList.contains('undo'), 'focus on 撤销, not the page').to.equal(true);
    expect(el.undo()).to.equal(true);
    await el.updateComplete;
    expect(el.value).to.deep.equal(withUnknown());
    expect(root(el).querySelector('.status [role="status"]')!.textContent!.trim()).to.equal('已撤销：移除未知项 weight');
    expect(el.removeUnknown('sections.0.items.0', 'text'), 'a member the format names is not removed').to.equal(false);
    for (const [path, m] of [['sections.0.items.0', 'weight'], ['sections.1.groups.0', 'colour'], ['findings.1', 'tone'], ['', 'owner']] as const) expect(el.removeUnknown(path, m), m).to.equal(true);
    expect(await el.save()).to.equal(true);
    await el.updateComplete;
    expect(root(el).querySelector('.confirm')).to.exist;
    await expectAccessible(el);
  });
});
