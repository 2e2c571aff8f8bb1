/**
 * The record elements' shared plumbing (src/base/record-element.ts), on a small record element of
 * its own: a value read or refused (kept as given), reset and form reset back to the value first
 * given, the form's value and a form-state restore, drafts kept with the typing beside the record
 * and offered again, the locked state of read-only and disabled fieldsets, and "today" from the provider.
 */
import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { html as litHtml, nothing } from 'lit';
import '../../src/provider/index.js';
import { XcRecordElement, type RecordRead } from '../../src/base/record-element.js';
import { renderDraftBanner } from '../../src/base/draft-banner.js';
import { memoryDrafts } from '../../src/core/draft.js';
import type { ValidationResult } from '../../src/core/validation-types.js';

interface Notes {
  notes: string[];
}

/** A list of notes, with a note being typed that is not in the value until added. */
class RecordProbe extends XcRecordElement<Notes> {
  typing = '';

  get value(): Notes {
    return this.record;
  }
  set value(v: Notes | null | undefined) {
    this.acceptValue(v);
  }

  protected override emptyValue(): Notes {
    return { notes: [] };
  }

  protected override readValue(v: unknown): RecordRead<Notes> {
    const n = (v as Notes)?.notes;
    return Array.isArray(n) && n.every((x) => typeof x === 'string') ? { value: { notes: n } } : { error: '无法读取' };
  }

  protected override unsavedWork(): unknown {
    return this.typing || undefined;
  }

  protected override restoreUnsaved(u: unknown): void {
    this.typing = typeof u === 'string' ? u : '';
  }

  override isEmpty(): boolean {
    return this.record.notes.length === 0;
  }

  override validate(): ValidationResult {
    return this.valueError ? { valid: false, errors: [{ path: '', message: this.valueError, keyword: 'shape' }] } : { valid: true, errors: [] };
  }

  /** Add a note (refused while locked). */
  add(text: string): boolean {
    if (this.locked) return false;
    this.record = { notes: [...this.record.notes, text] };
    this.typing = '';
    this.changed({ reason: 'add' });
    return true;
  }

  /** "Today" as the element counts it. */
  get day(): string {
    return this.todayKey;
  }

  protected override render() {
    return litHtml`${renderDraftBanner(this.drafts, this.t, this.effectiveLang, (v) => {
        this.adopt(v);
        this.changed({ reason: 'restore' });
      })}
      ${this.valueError ? litHtml`<p class="load-error" role="alert">${this.valueError}</p>` : nothing}
      <ul>${this.record.notes.map((n) => litHtml`<li>${n}</li>`)}</ul>
      <p class="typing">${this.typing}</p>
      <button type="button">添加</button>`;
  }
}
customElements.define('record-probe', RecordProbe);

const notes = (el: RecordProbe) => [...el.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent);

async function settle(el: RecordProbe) {
  for (let i = 0; i < 3; i++) {
    await el.updateComplete;
    await nextFrame();
  }
}

describe('XcRecordElement (the record elements’ shared plumbing)', () => {
  it('shows a value it can read; refuses one it cannot, keeping it exactly as given, and shows why', async () => {
    const el = await fixture<RecordProbe>(html`<record-probe .value=${{ notes: ['甲'] }}></record-probe>`);
    expect(notes(el)).to.deep.equal(['甲']);
    expect(el.rejectedValue).to.equal(null);
    const bad = { notes: [1, 2] };
    el.value = bad as unknown as Notes;
    await el.updateComplete;
    expect(el.rejectedValue).to.equal(bad);
    expect(notes(el)).to.deep.equal([]);
    expect(el.shadowRoot!.querySelector('.load-error')?.textContent).to.equal('无法读取');
    expect(el.checkValidity()).to.equal(false);
    expect(el.validationMessage).to.equal('无法读取');
    el.value = { notes: ['乙'] };
    await el.updateComplete;
    expect(el.rejectedValue).to.equal(null);
    expect(el.shadowRoot!.querySelector('.load-error')).to.equal(null);
    expect(notes(el)).to.deep.equal(['乙']);
  });

  it('reset() and a form reset go back to the value first given, whatever came after', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><record-probe name="r" .value=${{ notes: ['初稿'] }}></record-probe></form>`);
    const el = form.querySelector<RecordProbe>('record-probe')!;
    await el.updateComplete;
    el.value = { notes: ['第二稿'] };
    el.add('新增');
    await el.updateComplete;
    expect(JSON.parse(new FormData(form).get('r') as string)).to.deep.equal({ notes: ['第二稿', '新增'] });
    form.reset();
    await el.updateComplete;
    expect(notes(el)).to.deep.equal(['初稿']);
    expect(JSON.parse(new FormData(form).get('r') as string)).to.deep.equal({ notes: ['初稿'] });
    el.add('再加');
    el.reset();
    await el.updateComplete;
    expect(notes(el)).to.deep.equal(['初稿']);
  });

  it('a form-state restore (back/forward) puts the value back through the element’s own setter', async () => {
    const el = await fixture<RecordProbe>(html`<record-probe></record-probe>`);
    el.formStateRestoreCallback(JSON.stringify({ notes: ['返回'] }));
    await el.updateComplete;
    expect(notes(el)).to.deep.equal(['返回']);
    expect(el.value).to.deep.equal({ notes: ['返回'] });
  });

  it('a change fires xc-change and is kept as a draft with the typing beside it, offered to the next visit', async () => {
    const drafts = memoryDrafts();
    const mount = async () => {
      const p = await fixture<HTMLElement>(html`<xc-provider today="2026-03-05" .drafts=${drafts}><record-probe draft-key="notes/1" .value=${{ notes: [] }}></record-probe></xc-provider>`);
      const el = p.querySelector<RecordProbe>('record-probe')!;
      await settle(el);
      return { p, el };
    };
    const { p, el } = await mount();
    const seen: unknown[] = [];
    el.addEventListener('xc-change', (e) => seen.push([(e as CustomEvent).detail.reason, (e as CustomEvent).detail.value]));
    el.add('已记');
    el.typing = '正在写';
    el.add('又记');
    el.typing = '未写完';
    expect(seen).to.deep.equal([
      ['add', { notes: ['已记'] }],
      ['add', { notes: ['已记', '又记'] }],
    ]);
    (el as unknown as { drafts: { changed(): void; flush(): void } }).drafts.changed();
    (el as unknown as { drafts: { flush(): void } }).drafts.flush();
    p.remove();

    const again = await mount();
    const banner = again.el.shadowRoot!.querySelector('[part=draft-banner]');
    expect(banner, 'the draft is offered').to.not.equal(null);
    banner!.querySelector<HTMLButtonElement>('button.primary')!.click();
    await settle(again.el);
    expect(notes(again.el)).to.deep.equal(['已记', '又记']);
    expect(again.el.shadowRoot!.querySelector('.typing')!.textContent).to.equal('未写完');
  });

  it('is locked while read-only or in a disabled fieldset; "today" is the provider’s', async () => {
    const p = await fixture<HTMLElement>(html`<xc-provider today="2026-03-05"><fieldset><record-probe></record-probe></fieldset></xc-provider>`);
    const el = p.querySelector<RecordProbe>('record-probe')!;
    await settle(el);
    expect(el.day).to.equal('2026-03-05');
    el.readonly = true;
    expect(el.add('不可')).to.equal(false);
    el.readonly = false;
    p.querySelector('fieldset')!.disabled = true;
    await el.updateComplete;
    expect(el.add('不可')).to.equal(false);
    p.querySelector('fieldset')!.disabled = false;
    await el.updateComplete;
    expect(el.add('可以')).to.equal(true);
    await el.updateComplete;
    expect(notes(el)).to.deep.equal(['可以']);
  });

  it('an invalid record points the browser at its first control, and readonly pushes the form value again', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><record-probe name="r" required></record-probe></form>`);
    const el = form.querySelector<RecordProbe>('record-probe')!;
    await el.updateComplete;
    expect(el.checkValidity()).to.equal(false);
    expect(el.validity.valueMissing).to.equal(true);
    el.add('有了');
    await el.updateComplete;
    expect(el.checkValidity()).to.equal(true);
    expect(new FormData(form).get('r')).to.equal(JSON.stringify({ notes: ['有了'] }));
  });
});
