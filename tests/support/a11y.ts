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
