/**
 * One conformance suite for the form-associated base (src/base/form-element.ts), run for every
 * element tag: value in and out, FormData under `name`, reset, disabled by a fieldset, validity
 * and `invalid`, `required`, `xc-change` on a person's edit, `submit()` with `xc-submit` or
 * `xc-invalid` and focus on the error summary, and drafts. Each element's own tests cover what
 * is its own; what every form control must do is proved here, the same way for all.
 */
import { expect, fixtureSync, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/checklist/index.js';
import '../../src/form/index.js';
import '../../src/interview/index.js';
import '../../src/rectification/index.js';
import '../../src/petition/index.js';
import '../../src/clue-register/index.js';
import '../../src/rectification-report/index.js';
import '../../src/feedback/index.js';
import '../../src/template-editor/index.js';
import '../../src/provider/index.js';
import { memoryDrafts } from '../../src/core/draft.js';
import { clueSheetSchema } from '../../src/generated/templates.js';
import { clueSheet } from '../../src/generated/validators/clueSheet.js';
import { longerLedger, TODAY } from '../a11y/fixtures.js';
import { filledInterview } from '../fixtures/records.js';
import { sampleRegister } from '../petition/fixtures.js';
import { sampleClueRegister } from '../clue-register/fixtures.js';
import { draftReport, reportValue } from '../../src/core/rectification-report.js';
import { knownLedger } from '../rectification-report/fixtures.js';

type Control = HTMLElement & {
  value: unknown;
  name: string;
  disabled: boolean;
  required: boolean;
  updateComplete: Promise<boolean>;
  isUpdatePending: boolean;
  validity: ValidityState;
  checkValidity(): boolean;
  submit(): Promise<boolean>;
  reset(): void;
};

/** Every element in `root`'s composed tree (shadow roots entered). */
function deepAll(root: ParentNode): Element[] {
  const out: Element[] = [];
  const walk = (node: ParentNode) => {
    for (const el of node.querySelectorAll('*')) {
      out.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(root);
  return out;
}

/** Wait until the element and everything rendered inside it is up to date (no animation frame needed). */
async function settle(el: Control): Promise<void> {
  for (let i = 0; i < 20; i++) {
    await el.updateComplete;
    const pending = deepAll(el.shadowRoot!).filter((n) => (n as Partial<Control>).isUpdatePending) as Control[];
    if (!pending.length && !el.isUpdatePending) break;
    await Promise.all(pending.map((p) => p.updateComplete));
  }
  await new Promise((r) => setTimeout(r, 0));
}

/** The active element, followed into shadow roots. */
function deepActive(): Element | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

const NOW = '2026-11-26T10:45:00+08:00';

/** A checklist template of two check points, with one finding that is a problem. */
const template = {
  id: 'conformance',
  version: '1',
  title: '一致性清单',
  findings: [
    { value: 'problem', label: '存在问题', isProblem: true },
    { value: 'none', label: '未发现问题' },
  ],
  sections: [{ id: 's1', title: '第一部分', groups: [{ id: 'g1', title: '第一组', items: [{ id: 'p1', text: '是否存在甲问题' }, { id: 'p2', text: '是否存在乙问题' }] }] }],
};

const clue = {
  clueNo: '线-001', source: '个别谈话', receivedOn: '2026-11-26', personConcerned: { name: '某某', unit: '某村' }, mainProblem: '问题', proposedHandling: '初步核实', transferTo: '区纪委',
};


/** Type into the first enabled text box or text area of the element, as a person would. */
async function typeIntoFirstText(el: Control): Promise<void> {
  const box = deepAll(el.shadowRoot!).find(
    (n): n is HTMLInputElement | HTMLTextAreaElement =>
      ((n instanceof HTMLInputElement && ['text', ''].includes(n.type)) || n instanceof HTMLTextAreaElement) && !n.disabled && !n.readOnly && n.getClientRects().length > 0,
  );
  if (!box) throw new Error(`no text box to type into in <${el.localName}>`);
  box.focus();
  box.value = `${box.value}补充`;
  box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: '补充' }));
  box.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  box.blur();
}

interface Subject {
  tag: string;
  /** The element (in a provider with a fixed today where it needs one), given `attrs` and a value. */
  render(value: unknown, attrs: { name?: string; required?: boolean; draftKey?: string; drafts?: ReturnType<typeof memoryDrafts> }): TemplateResult;
  /** A value the element accepts in full: valid, with a member the element does not know. */
  valid(): Record<string, unknown>;
  /** A valid value to submit, when the element's schema refuses members it does not know (default: `valid()`). */
  submittable?(): Record<string, unknown>;
  /** An edit a person makes through the element's own controls (or, for the ledger, its documented method). */
  edit(el: Control): Promise<void>;
}

const subjects: Subject[] = [
  {
    tag: 'xc-checklist',
    render: (value, a) =>
      html`<xc-provider today=${NOW} .drafts=${a.drafts}><xc-checklist .template=${template} .value=${value} name=${a.name ?? ''} ?required=${!!a.required} draft-key=${a.draftKey ?? ''}></xc-checklist></xc-provider>`,
    valid: () => ({ templateId: 'conformance', templateVersion: '1', items: { p1: { finding: 'none' }, p2: { finding: 'none' } }, hostNote: '保留' }),
    async edit(el) {
      // Choose 存在问题 for a check point: a finding's radio, clicked (not a filter of the summary bar).
      const radio = deepAll(el.shadowRoot!).find((n): n is HTMLInputElement => n instanceof HTMLInputElement && n.type === 'radio' && n.value === 'problem' && !n.checked && !n.disabled);
      if (!radio) throw new Error('no finding to choose');
      radio.click();
    },
  },
  {
    tag: 'xc-form',
    render: (value, a) =>
      html`<xc-provider today=${NOW} .drafts=${a.drafts}><xc-form .schema=${clueSheetSchema} .validator=${clueSheet} .value=${value} name=${a.name ?? ''} ?required=${!!a.required} draft-key=${a.draftKey ?? ''}></xc-form></xc-provider>`,
    valid: () => ({ ...clue, hostNote: '保留' }),
    edit: typeIntoFirstText,
  },
  {
    tag: 'xc-interview-form',
    render: (value, a) =>
      html`<xc-provider today=${NOW} .drafts=${a.drafts}><xc-interview-form .value=${value} name=${a.name ?? ''} ?required=${!!a.required} draft-key=${a.draftKey ?? ''}></xc-interview-form></xc-provider>`,
    valid: () => ({ ...filledInterview(), hostNote: '保留' }),
    edit: typeIntoFirstText,
  },
  {
    tag: 'xc-clue-sheet',
    render: (value, a) =>
      html`<xc-provider today=${NOW} .drafts=${a.drafts}><xc-clue-sheet .value=${value} name=${a.name ?? ''} ?required=${!!a.required} draft-key=${a.draftKey ?? ''}></xc-clue-sheet></xc-provider>`,
    valid: () => ({ ...clue, hostNote: '保留' }),
    edit: typeIntoFirstText,
  },
  {
    tag: 'xc-rectification-tracker',
    render: (value, a) =>
      html`<xc-provider today=${TODAY} user-role="unit" .user=${{ id: 'u-9', name: '赵芳' }} .drafts=${a.drafts}><xc-rectification-tracker .value=${value} name=${a.name ?? ''} ?required=${!!a.required} draft-key=${a.draftKey ?? ''}></xc-rectification-tracker></xc-provider>`,
    valid: () => ({ ...(longerLedger() as unknown as Record<string, unknown>), hostNote: '保留' }),
    async edit(el) {
      const tracker = el as unknown as { value: { items: { id: string; status: string; progress: number }[] }; applyEdit(id: string, patch: Record<string, unknown>): unknown };
      const open = tracker.value.items.find((i) => i.status === 'in-progress')!;
      tracker.applyEdit(open.id, { progress: Math.min(90, open.progress + 10) });
    },
  },
  {
    tag: 'xc-petition-register',
    render: (value, a) =>
      html`<xc-provider today=${NOW} user-role="office" .drafts=${a.drafts}><xc-petition-register identity-roles="office" .value=${value} name=${a.name ?? ''} ?required=${!!a.required} draft-key=${a.draftKey ?? ''}></xc-petition-register></xc-provider>`,
    valid: () => ({ ...(sampleRegister() as unknown as Record<string, unknown>), hostNote: '保留' }),
    async edit(el) {
      // Register a petition through the intake form: open it, choose a source, type a summary and a name, save.
      const root = el.shadowRoot!;
      const intake = root.querySelector<HTMLButtonElement>('button.intake');
      if (!intake) throw new Error('no intake button');
      intake.click();
      await el.updateComplete;
      root.querySelector<HTMLInputElement>('input[name=source]')!.click();
      for (const [sel, v] of [['#p-name', '张三'], ['#p-summary', '反映问题']] as const) {
        const box = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(sel)!;
        box.value = v;
        box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      }
      root.querySelector<HTMLButtonElement>('button.save')!.click();
    },
  },
  {
    tag: 'xc-clue-register',
    render: (value, a) =>
      html`<xc-provider today=${NOW} user-role="leader" .drafts=${a.drafts}><xc-clue-register .value=${value} name=${a.name ?? ''} ?required=${!!a.required} draft-key=${a.draftKey ?? ''}></xc-clue-register></xc-provider>`,
    valid: () => ({ ...(sampleClueRegister() as unknown as Record<string, unknown>), hostNote: '保留' }),
    async edit(el) {
      // Register a clue through its form: open it, type the main problem, save.
      const root = el.shadowRoot!;
      const add = root.querySelector<HTMLButtonElement>('button.add');
      if (!add) throw new Error('no add button');
      add.click();
      await el.updateComplete;
      const box = root.querySelector<HTMLTextAreaElement>('#c-problem')!;
      box.value = '反映问题';
      box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      root.querySelector<HTMLButtonElement>('button.save')!.click();
    },
  },
  {
    tag: 'xc-rectification-report',
    render: (value, a) =>
      html`<xc-provider today=${NOW} .drafts=${a.drafts}><xc-rectification-report .value=${value} name=${a.name ?? ''} ?required=${!!a.required} draft-key=${a.draftKey ?? ''}></xc-rectification-report></xc-provider>`,
    valid: () => ({ ...reportValue(draftReport(knownLedger(), { today: '2026-11-26', feedbackDate: '2026-10-31' })), hostNote: '保留' }),
    // A paragraph rewritten in its text box.
    edit: (el) => typeIntoFirstText(el),
  },
  {
    tag: 'xc-feedback-sheet',
    render: (value, a) =>
      html`<xc-provider today=${NOW} user-role="leader" .drafts=${a.drafts}><xc-feedback-sheet .value=${value} name=${a.name ?? ''} ?required=${!!a.required} draft-key=${a.draftKey ?? ''}></xc-feedback-sheet></xc-provider>`,
    valid: () => ({
      version: 1,
      unit: '某乡',
      items: [{ id: 'conformance:底稿-1:p1', focusArea: '第一部分', scope: 'common', text: '存在甲问题', source: { templateId: 'conformance', checkpointId: 'p1', digest: 'd' } }],
      suggestions: ['加强学习'],
      hostNote: '保留',
    }),
    // A problem rewritten in its text box.
    edit: (el) => typeIntoFirstText(el),
  },
  {
    tag: 'xc-template-editor',
    render: (value, a) =>
      html`<xc-provider today=${NOW} .drafts=${a.drafts}><xc-template-editor .value=${value} name=${a.name ?? ''} ?required=${!!a.required} draft-key=${a.draftKey ?? ''}></xc-template-editor></xc-provider>`,
    // The template above, as an author's file holds it; with no value the editor starts an empty template (no check point written: invalid).
    valid: () => ({ ...template, hostNote: '保留' }),
    // The template meta-schema allows no member it does not name: the editor keeps one, and a save refuses it.
    submittable: () => ({ ...template }),
    async edit(el) {
      // A check point's text rewritten in its text area (as typing does: one undo step).
      const box = el.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea[id$="-text"]');
      if (!box) throw new Error('no check point text to edit');
      box.focus();
      box.value = `${box.value}补充`;
      box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: '补充' }));
      box.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      box.blur();
    },
  },
];

/** Mount `tpl` inside a plain wrapper (no frame waited for) and return the element. */
async function mount(tag: string, tpl: TemplateResult): Promise<{ el: Control; root: HTMLElement }> {
  const root = fixtureSync<HTMLElement>(tpl);
  const el = (root.localName === tag ? root : root.querySelector(tag)) as Control;
  await settle(el);
  return { el, root };
}

/** Plain data (what JSON keeps) of a value. */
const plain = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;

for (const s of subjects) {
  describe(`form-associated base conformance: <${s.tag}>`, () => {
    it('returns the value it was given, members it does not know included', async () => {
      const valid = s.valid();
      const { el } = await mount(s.tag, s.render(valid, {}));
      expect(plain(el.value)).to.deep.include(plain(valid) as object);
      expect((el.value as Record<string, unknown>)['hostNote']).to.equal('保留');
    });

    it('submits its value as JSON under its name in FormData, and nothing when it has no name', async () => {
      const valid = s.valid();
      const form = fixtureSync<HTMLFormElement>(html`<form>${s.render(valid, { name: 'record' })}</form>`);
      const el = form.querySelector(s.tag) as Control;
      await settle(el);
      const data = new FormData(form);
      expect(data.has('record')).to.equal(true);
      expect(JSON.parse(data.get('record') as string)).to.deep.equal(plain(el.value));
      el.name = '';
      await settle(el);
      expect([...new FormData(form).keys()]).to.deep.equal([]);
    });

    it('is disabled by a disabled fieldset: out of FormData, back when the fieldset is enabled', async () => {
      const form = fixtureSync<HTMLFormElement>(html`<form><fieldset disabled>${s.render(s.valid(), { name: 'record' })}</fieldset></form>`);
      const el = form.querySelector(s.tag) as Control;
      await settle(el);
      expect(el.matches(':disabled'), 'disabled through the fieldset').to.equal(true);
      expect((el as unknown as { isDisabled: boolean }).isDisabled).to.equal(true);
      expect(el.disabled, 'its own disabled stays as it was set').to.equal(false);
      expect(new FormData(form).has('record')).to.equal(false);
      form.querySelector('fieldset')!.disabled = false;
      await settle(el);
      expect(el.matches(':disabled'), 'enabled again with the fieldset').to.equal(false);
      expect((el as unknown as { isDisabled: boolean }).isDisabled).to.equal(false);
      expect(new FormData(form).has('record')).to.equal(true);
    });

    it('takes no edit while disabled (its own attribute or a fieldset)', async () => {
      for (const how of ['attribute', 'fieldset'] as const) {
        const form = fixtureSync<HTMLFormElement>(html`<form><fieldset>${s.render(s.valid(), { name: 'record' })}</fieldset></form>`);
        const el = form.querySelector(s.tag) as Control;
        if (how === 'attribute') el.disabled = true;
        else form.querySelector('fieldset')!.disabled = true;
        await settle(el);
        const before = JSON.stringify(plain(el.value));
        try {
          await s.edit(el);
        } catch {
          // No control to edit, or the edit refused: both are right.
        }
        await settle(el);
        expect(JSON.stringify(plain(el.value)), `disabled by ${how}`).to.equal(before);
        form.remove();
      }
    });

    it('fires xc-change (bubbling, composed, with the new value) when a person edits it', async () => {
      const { el, root } = await mount(s.tag, s.render(s.valid(), {}));
      const seen: CustomEvent[] = [];
      root.addEventListener('xc-change', (e) => seen.push(e as CustomEvent));
      document.addEventListener('xc-change', (e) => seen.push(e as CustomEvent), { once: true });
      await s.edit(el);
      await settle(el);
      expect(seen.length, 'heard on the wrapper and on the document').to.be.greaterThan(1);
      const e = seen[0]!;
      expect(e.bubbles && e.composed).to.equal(true);
      expect(plain((e.detail as { value: unknown }).value)).to.deep.equal(plain(el.value));
    });

    it('goes back to the value it was first given on a form reset, after an edit', async () => {
      const valid = s.valid();
      const form = fixtureSync<HTMLFormElement>(html`<form>${s.render(valid, { name: 'record' })}</form>`);
      const el = form.querySelector(s.tag) as Control;
      await settle(el);
      const before = JSON.stringify(plain(el.value));
      await s.edit(el);
      await settle(el);
      expect(JSON.stringify(plain(el.value)), 'the edit changed the value').not.to.equal(before);
      form.reset();
      await settle(el);
      expect(JSON.stringify(plain(el.value))).to.equal(before);
    });

    it('is invalid while required and empty (valueMissing, an invalid event, the form does not submit)', async () => {
      const form = fixtureSync<HTMLFormElement>(html`<form>${s.render(undefined, { name: 'record', required: true })}<button>提交</button></form>`);
      const el = form.querySelector(s.tag) as Control;
      await settle(el);
      let invalid = 0;
      el.addEventListener('invalid', () => invalid++);
      let submitted = 0;
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        submitted++;
      });
      expect(el.checkValidity()).to.equal(false);
      expect(invalid).to.equal(1);
      expect(el.validity.valid).to.equal(false);
      form.requestSubmit();
      expect(submitted).to.equal(0);
    });

    it('submit(): xc-submit with the value when valid', async () => {
      const { el } = await mount(s.tag, s.render((s.submittable ?? s.valid)(), {}));
      let detail: { value: unknown } | undefined;
      el.addEventListener('xc-submit', (e) => (detail = (e as CustomEvent).detail));
      expect(await el.submit()).to.equal(true);
      expect(detail, 'xc-submit fired').to.exist;
      expect(plain(detail!.value)).to.deep.equal(plain(el.value));
    });

    it('submit(): xc-invalid and focus on the error summary when invalid', async () => {
      const { el } = await mount(s.tag, s.render(undefined, { required: true }));
      let invalid: { errors: unknown[] } | undefined;
      el.addEventListener('xc-invalid', (e) => (invalid = (e as CustomEvent).detail));
      let submitted = false;
      el.addEventListener('xc-submit', () => (submitted = true));
      expect(await el.submit()).to.equal(false);
      expect(submitted).to.equal(false);
      expect(invalid?.errors.length, 'xc-invalid lists the errors').to.be.greaterThan(0);
      const active = deepActive();
      expect(active?.closest('[data-error-summary]') ?? (active?.matches('[data-error-summary]') ? active : null), `focus on the error summary, not ${active?.localName}`).to.exist;
    });

    it('keeps a person\'s edit in a draft under its draft-key, and offers it to the next element with that key', async () => {
      const drafts = memoryDrafts();
      const key = `conformance/${s.tag}`;
      const first = await mount(s.tag, s.render(s.valid(), { draftKey: key, drafts }));
      await s.edit(first.el);
      await settle(first.el);
      // A draft is written after a short pause, or at once when focus leaves or the page hides.
      first.el.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
      for (let i = 0; i < 40 && !drafts.entries.has(key); i++) await new Promise((r) => setTimeout(r, 50));
      expect(drafts.entries.has(key), 'draft saved').to.equal(true);
      expect(JSON.stringify(plain(drafts.entries.get(key)!.value))).to.equal(JSON.stringify(plain(first.el.value)));
      first.root.remove();

      const second = await mount(s.tag, s.render(s.valid(), { draftKey: key, drafts }));
      const banner = second.el.shadowRoot!.querySelector('[part~=draft-banner]') ?? deepAll(second.el.shadowRoot!).find((n) => n.matches('[part~=draft-banner]'));
      expect(banner, 'the next element with the key offers the draft').to.exist;
    });
  });
}
