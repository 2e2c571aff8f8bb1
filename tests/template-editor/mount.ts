/**
 * What the template editor's form-mode tests share: `<xc-template-editor>` mounted in a provider
 * whose clock stops on 2026-12-03 (in the form mode unless told, returned once that mode is drawn),
 * a wait for what should show, the editor's shadow root, the bundled definitions read as JSON, and
 * typing into a field the way an input event reports it.
 */
import { fixture, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../src/template-editor/index.js';
import '../../src/provider/index.js';
import type { XcTemplateEditor } from '../../src/template-editor/xc-template-editor.js';
import type { JsonSchema } from '../../src/core/validation-types.js';
import type { DraftStorage } from '../../src/core/draft.js';

/** Wait (up to 4 s) until `ok()` holds; fails naming `what`. */
export async function until(what: string, ok: () => unknown): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (ok()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** How {@link mountEditor} mounts the editor. */
export interface MountOptions {
  /** Default 'form': then the editor is returned once the form mode is drawn. */
  mode?: 'form' | 'checklist';
  lang?: string;
  readonly?: boolean;
  /** The provider's draft storage (default: the provider's own). */
  drafts?: DraftStorage;
  draftKey?: string;
}

/** `<xc-template-editor>` with `value`, inside `<xc-provider today="2026-12-03">`. */
export async function mountEditor(value?: unknown, o: MountOptions = {}): Promise<XcTemplateEditor> {
  const mode = o.mode ?? 'form';
  const provider = await fixture(
    html`<xc-provider today="2026-12-03" .drafts=${o.drafts}><xc-template-editor mode=${mode} lang=${ifDefined(o.lang)} ?readonly=${o.readonly === true} draft-key=${ifDefined(o.draftKey)} .value=${value}></xc-template-editor></xc-provider>`,
  );
  const el = provider.querySelector('xc-template-editor') as XcTemplateEditor;
  if (mode === 'form') await until('the form mode', () => el.shadowRoot!.querySelector('.form-mode'));
  await el.updateComplete;
  return el;
}

/** The editor's shadow root. */
export const root = (el: XcTemplateEditor) => el.shadowRoot!;

/** A bundled definition (or any JSON file the test server serves). */
export const fetchJson = async (url: string) => (await (await fetch(url)).json()) as JsonSchema;
/** A definition's `properties`. */
export const props = (d: JsonSchema) => d['properties'] as Record<string, JsonSchema>;

/** Set a field's text as typing leaves it and say so with an input event. */
export async function typeInto(el: XcTemplateEditor, input: HTMLInputElement | HTMLTextAreaElement, text: string): Promise<void> {
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}
