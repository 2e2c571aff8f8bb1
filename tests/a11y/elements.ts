/**
 * The elements mounted the same way for the accessibility tests: a button on the page
 * before each (where keyboard tests start), the element with realistic content, rendered.
 */
import { fixture, html, nextFrame } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/checklist/index.js';
import '../../src/form/index.js';
import '../../src/interview/index.js';
import '../../src/rectification/index.js';
import '../../src/petition/index.js';
import '../../src/clue-register/index.js';
import '../../src/rectification-report/index.js';
import '../../src/round-summary/index.js';
import '../../src/feedback/index.js';
import '../../src/provider/index.js';
import '../../src/compiler/index.js';
import '../../src/template-editor/index.js';
import { longerLedger, TODAY, widgetsSchema } from './fixtures.js';
import { sampleRegister } from '../petition/fixtures.js';
import { sampleClueRegister } from '../clue-register/fixtures.js';
import { knownLedger } from '../rectification-report/fixtures.js';
import { template as roundTemplate, units as roundUnits, TODAY as ROUND_TODAY } from '../round-summary/fixtures.js';
import { twoSheets } from '../feedback/fixtures.js';

export interface Mounted {
  name: string;
  /** The xc element. */
  el: HTMLElement & { updateComplete: Promise<boolean> };
  /** The button before it (outside the element). */
  before: HTMLButtonElement;
}

type Updating = HTMLElement & { updateComplete: Promise<boolean> };

/** Wait for an element and the sub-elements in its shadow root to finish rendering. */
export async function settleAll(el: Updating): Promise<void> {
  for (let i = 0; i < 10; i++) {
    await el.updateComplete;
    const pending = [...el.shadowRoot!.querySelectorAll('*')].filter((n) => (n as Partial<Updating> & { isUpdatePending?: boolean }).isUpdatePending) as Updating[];
    if (!pending.length) break;
    await Promise.all(pending.map((p) => p.updateComplete));
  }
  await nextFrame();
  await new Promise((r) => setTimeout(r, 20));
}

async function mount(name: string, tpl: TemplateResult, tag: string): Promise<Mounted> {
  const wrap = await fixture<HTMLDivElement>(html`<div class="host-page"><button id="before" type="button">before</button>${tpl}</div>`);
  const el = wrap.querySelector(tag) as Updating;
  await settleAll(el);
  return { name, el, before: wrap.querySelector<HTMLButtonElement>('#before')! };
}

/** A checklist answer with a problem, so the details (description, methods, evidence…) are shown. */
const problemAnswer = {
  finding: 'problem',
  description: '“三重一大”事项未经集体研究决定，会议记录缺失。',
  methods: ['documents'],
  evidence: [{ title: '2025年党组会议记录', ref: '档案室第12卷' }],
  clue: true,
};

export const mounters: Record<string, () => Promise<Mounted>> = {
  /** The bundled checklist (all 54 check points), the first one answered with a problem. */
  checklist: async () => {
    const m = await mount('checklist', html`<xc-checklist lang="zh-CN" subject="区农业农村局党组"></xc-checklist>`, 'xc-checklist');
    const el = m.el as unknown as { activeTemplate: { sections: { groups: { items: { id: string }[] }[] }[] }; value: { items: Record<string, unknown> } } & Updating;
    const first = el.activeTemplate.sections[0]!.groups[0]!.items[0]!.id;
    el.value = { ...el.value, items: { ...el.value.items, [first]: problemAnswer } } as never;
    await settleAll(el);
    return m;
  },
  form: () => mount('form', html`<xc-form lang="zh-CN" .schema=${widgetsSchema}></xc-form>`, 'xc-form'),
  interview: () => mount('interview', html`<xc-interview-form lang="zh-CN"></xc-interview-form>`, 'xc-interview-form'),
  'clue sheet': () => mount('clue sheet', html`<xc-clue-sheet lang="zh-CN"></xc-clue-sheet>`, 'xc-clue-sheet'),
  tracker: async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div class="host-page"><button id="before" type="button">before</button>
      <xc-provider user-role="unit" today=${TODAY} .user=${{ id: 'u-9', name: '赵芳' }}>
        <xc-rectification-tracker lang="zh-CN" .value=${longerLedger()}></xc-rectification-tracker>
      </xc-provider></div>`);
    const el = wrap.querySelector('xc-rectification-tracker') as unknown as Updating;
    await settleAll(el);
    return { name: 'tracker', el, before: wrap.querySelector<HTMLButtonElement>('#before')! };
  },
  /** The petition register with three petitions, as the 巡察办 sees it (反映人 masked), the intake form open. */
  'petition register': async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div class="host-page"><button id="before" type="button">before</button>
      <xc-provider user-role="office" today=${TODAY}>
        <xc-petition-register lang="zh-CN" .value=${sampleRegister()}></xc-petition-register>
      </xc-provider></div>`);
    const el = wrap.querySelector('xc-petition-register') as unknown as Updating & { openEditor(id?: string | null): Promise<void> };
    await settleAll(el);
    await el.openEditor(null);
    await settleAll(el);
    return { name: 'petition register', el, before: wrap.querySelector<HTMLButtonElement>('#before')! };
  },
  /** The clue register with three clues (one overdue), as the 组长 sees it, the approved clue's panel open. */
  'clue register': async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div class="host-page"><button id="before" type="button">before</button>
      <xc-provider user-role="leader" today=${TODAY}>
        <xc-clue-register lang="zh-CN" .value=${sampleClueRegister()}></xc-clue-register>
      </xc-provider></div>`);
    const el = wrap.querySelector('xc-clue-register') as unknown as Updating & { openClue(id: string): Promise<void> };
    await settleAll(el);
    await el.openClue('c');
    await settleAll(el);
    return { name: 'clue register', el, before: wrap.querySelector<HTMLButtonElement>('#before')! };
  },
  /** The 整改情况报告 drafted from a ledger of six problems, its 公开稿 refused for a name typed into a paragraph (the alert and the paragraph to fix). */
  'rectification report': async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div class="host-page"><button id="before" type="button">before</button>
      <xc-provider today=${TODAY}>
        <xc-rectification-report lang="zh-CN" feedback-date="2026-10-31" .ledger=${knownLedger()}></xc-rectification-report>
      </xc-provider></div>`);
    const el = wrap.querySelector('xc-rectification-report') as unknown as Updating & { editParagraph(id: string, text: string): boolean; mode: string };
    await settleAll(el);
    el.editParagraph('next', '由张振华同志牵头，继续推进。');
    el.mode = 'public';
    await settleAll(el);
    return { name: 'rectification report', el, before: wrap.querySelector<HTMLButtonElement>('#before')! };
  },
  /** The round figures of three units (key figures, both charts with their data tables open, the table of every figure). */
  'round summary': async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div class="host-page"><button id="before" type="button">before</button>
      <xc-provider today=${ROUND_TODAY}>
        <xc-round-summary lang="zh-CN" round="区委第三轮巡察" .templates=${[roundTemplate]} .units=${roundUnits}></xc-round-summary>
      </xc-provider></div>`);
    const el = wrap.querySelector('xc-round-summary') as unknown as Updating;
    await settleAll(el);
    for (const d of el.shadowRoot!.querySelectorAll('details')) (d as HTMLDetailsElement).open = true;
    await settleAll(el);
    return { name: 'round summary', el, before: wrap.querySelector<HTMLButtonElement>('#before')! };
  },
  /** The 反馈意见 drafted from two signed 底稿, as the 组长 sees it before 签发 (problems, a suggestion, the date). */
  'feedback sheet': async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div class="host-page"><button id="before" type="button">before</button>
      <xc-provider today=${TODAY} user-role="leader" .user=${{ id: 'u-1', name: '王组长' }}>
        <xc-feedback-sheet lang="zh-CN"></xc-feedback-sheet>
      </xc-provider></div>`);
    const el = wrap.querySelector('xc-feedback-sheet') as unknown as Updating & { sheets: unknown; drafted: Promise<unknown>; setSuggestions(l: string[]): boolean; setFeedbackDate(d: string): boolean };
    el.sheets = await twoSheets();
    await el.drafted;
    el.setSuggestions(['严格落实村务公开制度']);
    el.setFeedbackDate('2026-11-30');
    await settleAll(el);
    return { name: 'feedback sheet', el, before: wrap.querySelector<HTMLButtonElement>('#before')! };
  },
  /**
   * The template editor on a village checklist (a focus area with groups, one with its check points
   * directly, a category), after a 保存新版本 refused for a check point left empty (the error summary
   * and the field's message), the preview of the real checklist beside it.
   */
  'template editor': async () => {
    const village = {
      id: 'village',
      version: '1.0.0',
      title: '村级巡察清单',
      findings: [
        { value: 'problem', label: '存在问题', isProblem: true },
        { value: 'none', label: '未发现问题' },
      ],
      categories: [{ value: 'c1', label: '“三资”管理不规范' }],
      sections: [
        { id: 'f1', ordinal: '（一）', title: '村级组织建设', groups: [{ id: 'f1g1', ordinal: '一是', title: '班子运行', items: [{ id: 'f1g1-01', text: '是否按期召开支部委员会' }, { id: 'f1g1-02', text: '' }] }] },
        { id: 'f2', ordinal: '（二）', title: '村级财务管理', items: [{ id: 'f2-01', text: '集体资产是否登记造册', category: 'c1' }] },
      ],
    };
    const wrap = await fixture<HTMLDivElement>(html`<div class="host-page"><button id="before" type="button">before</button>
      <xc-provider today=${TODAY}>
        <xc-template-editor lang="zh-CN" .value=${village}></xc-template-editor>
      </xc-provider></div>`);
    const el = wrap.querySelector('xc-template-editor') as unknown as Updating & { save(): Promise<boolean>; previewUpdated: Promise<unknown> };
    await settleAll(el);
    await el.save();
    for (let i = 0; i < 100 && !el.shadowRoot!.querySelector('xc-checklist'); i++) await new Promise((r) => setTimeout(r, 20));
    await el.previewUpdated;
    await settleAll(el);
    (document.activeElement as HTMLElement | null)?.blur();
    return { name: 'template editor', el, before: wrap.querySelector<HTMLButtonElement>('#before')! };
  },
};
