/** Accessibility checks for tests: axe-core over an element (its shadow DOM included) or a whole frame, failing with what it found. */
import type { AxeResults, RunOptions } from 'axe-core';

interface AxeGlobal {
  run(context: Element, options: RunOptions): Promise<AxeResults>;
}

async function loadAxe(): Promise<AxeGlobal> {
  const w = window as unknown as { axe?: AxeGlobal };
  // axe-core is a UMD script: loading it as a module leaves it on window.
  if (!w.axe) await import('/node_modules/axe-core/axe.min.js' as string);
  return w.axe!;
}

/**
 * Run axe-core over an element (its shadow DOM included) and throw with a
 * readable list of violations.
 */
export async function expectAccessible(el: Element): Promise<void> {
  const axe = await loadAxe();
  const result = await axe.run(el, { resultTypes: ['violations'], rules: { region: { enabled: false } } });
  if (result.violations.length) {
    const lines = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n  ')}`);
    throw new Error(`axe found ${result.violations.length} violation(s):\n${lines.join('\n')}`);
  }
}

/**
 * Run axe-core inside a frame (an example page loaded in an iframe) over its
 * whole document: axe is loaded into the frame from this origin and runs there,
 * so it sees the page's own document, styles and shadow roots. Returns the
 * results (the rules that passed, for the report).
 */
export async function expectFrameAccessible(win: Window): Promise<AxeResults> {
  const w = win as unknown as { axe?: { run(context: Document, options: RunOptions): Promise<AxeResults> } };
  if (!w.axe) {
    await new Promise<void>((resolve, reject) => {
      const s = win.document.createElement('script');
      s.src = '/node_modules/axe-core/axe.min.js';
      s.onload = () => resolve();
      s.onerror = () => reject(new Error('axe-core did not load into the frame'));
      win.document.head.append(s);
    });
  }
  // A whole page: the page rules (title, lang, landmarks) apply too.
  const result = await w.axe!.run(win.document, { resultTypes: ['violations'] });
  if (result.violations.length) {
    const lines = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n  ')}`);
    throw new Error(`axe found ${result.violations.length} violation(s) in ${win.location.pathname}:\n${lines.join('\n')}`);
  }
  return result;
}
