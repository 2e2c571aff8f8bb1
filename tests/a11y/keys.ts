/**
 * Keyboard-only driving for the accessibility tests: real key presses through the
 * browser (`sendKeys`), a count of every key pressed, and the focused element found
 * through shadow roots. Nothing here calls `.focus()` or `.click()` on a control.
 */
import { sendKeys } from '@web/test-runner-commands';

/** Keys pressed since the counter was made (a typed string counts one per character). */
export class KeyCounter {
  count = 0;

  async press(key: string, times = 1): Promise<void> {
    // 'Shift+Tab': modifiers held down around the key (puppeteer presses one key at a time).
    const parts = key.split('+');
    const main = parts.pop()!;
    for (let i = 0; i < times; i++) {
      for (const m of parts) await sendKeys({ down: m });
      await sendKeys({ press: main });
      for (const m of parts.reverse()) await sendKeys({ up: m });
      parts.reverse();
      this.count++;
    }
    await settle();
  }

  async type(text: string): Promise<void> {
    await sendKeys({ type: text });
    this.count += [...text].length;
    await settle();
  }

  /**
   * Press Tab (or Shift+Tab) until the focused element satisfies `pred`; fails (naming
   * what had focus) when it is not reached within `max` presses.
   */
  async tabTo(pred: (el: Element) => boolean, what: string, opts: { back?: boolean; max?: number } = {}): Promise<Element> {
    const max = opts.max ?? 80;
    const seen: string[] = [];
    for (let i = 0; i < max; i++) {
      await this.press(opts.back ? 'Shift+Tab' : 'Tab');
      const el = deepActive();
      if (el && pred(el)) return el;
      seen.push(describe(el));
    }
    throw new Error(`${what} not reached with ${opts.back ? 'Shift+Tab' : 'Tab'} in ${max} presses; focus went through: ${seen.join(' → ')}`);
  }
}

/** Let the elements render what the last key changed (two frames and the microtasks between). */
export async function settle(): Promise<void> {
  await new Promise((r) => requestAnimationFrame(() => r(undefined)));
  await new Promise((r) => setTimeout(r, 0));
}

/** The element that has focus, looking inside shadow roots. */
export function deepActive(): Element | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/** A short description of an element for failure messages. */
export function describe(el: Element | null): string {
  if (!el) return '(nothing)';
  const id = el.id ? `#${el.id}` : '';
  const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
  const type = el.getAttribute('type') ? `[type=${el.getAttribute('type')}]` : '';
  const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 24);
  return `${el.localName}${id}${cls}${type}${text ? `"${text}"` : ''}`;
}

/** The visible text of an element's accessible label (for inputs: its <label>). */
export function labelText(el: Element): string {
  const input = el as HTMLInputElement;
  const labels = input.labels ? [...input.labels] : [];
  const own = el.getAttribute('aria-label') ?? '';
  return [own, ...labels.map((l) => l.textContent ?? '')].join(' ').replace(/\s+/g, ' ').trim();
}
