import type { XcForm } from '../../src/form/xc-form.js';
import type { XcField } from '../../src/form/xc-field.js';
import { fieldId } from '../../src/form/display.js';

/** Wait until the form and every field inside it have rendered. */
export async function settle(el: XcForm): Promise<void> {
  for (let i = 0; i < 10; i++) {
    await el.updateComplete;
    const pending = [...el.shadowRoot!.querySelectorAll('xc-field')].filter((f) => f.isUpdatePending);
    if (!pending.length && !el.isUpdatePending) break;
    await Promise.all(pending.map((f) => f.updateComplete));
  }
  // Not requestAnimationFrame: a test page running in the background is hidden and gets no frames.
  await new Promise((r) => setTimeout(r, 0));
}

/** The control (or fieldset) of a field, by its dotted path. */
export function control<T extends HTMLElement = HTMLInputElement>(el: XcForm, name: string): T {
  const c = el.shadowRoot!.getElementById(fieldId(name)) as T | null;
  if (!c) throw new Error(`no control for ${name}`);
  return c;
}

/** The <xc-field> of a field (also when it is hidden and renders nothing). */
export function fieldOf(el: XcForm, name: string): XcField {
  const f = [...el.shadowRoot!.querySelectorAll('xc-field')].find((x) => x.field?.name === name);
  if (!f) throw new Error(`no field ${name}`);
  return f;
}

/** Type into a text control (as a person would: value, then an input event). */
export function type(input: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

export function choose(select: HTMLSelectElement, index: number): void {
  select.value = String(index);
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

export const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

const describeNode = (n: unknown) => (n instanceof Element ? `<${n.localName}${n.id ? `#${n.id}` : ''}${n.className ? `.${String(n.className).split(' ').join('.')}` : ''}>` : String(n));

/** Identity check that never makes chai print a whole element (or a form model). */
export function expectSame(actual: unknown, expected: unknown, what = 'same object'): void {
  if (actual !== expected) throw new Error(`${what}: expected ${describeNode(expected)}, got ${describeNode(actual)}`);
}

/** The opposite of expectSame. */
export function expectNotSame(actual: unknown, other: unknown, what = 'a different object'): void {
  if (actual === other) throw new Error(`${what}: got the same ${describeNode(actual)}`);
}
