/**
 * Cold mount (bench/run.mjs): a fresh page (and a fresh browser context, so nothing is cached)
 * per sample. The page has loaded the standalone entry (dist/xc-elements.standalone.js) as a
 * portal page would; the clock starts when the checklist is put in the page and stops at the
 * first frame in which every check point is in the DOM — the element's lazy chunk, its style
 * adoption and its first renders included. The floor builds the same controls from one HTML
 * string. Imports nothing of the elements: they come from the standalone bundle.
 */
import { generateChecklistTemplate } from '../../stories/support/generate.js';
import { floorHtml } from './checklist-floor.js';
import { frame } from './measure.js';

async function cold(kind: 'floor' | 'xc', n: number): Promise<number> {
  const t = generateChecklistTemplate(n);
  const total = t.sections.flatMap((s) => s.groups).flatMap((g) => g.items).length;
  await frame();
  const t0 = performance.now();
  if (kind === 'floor') {
    const host = document.createElement('div');
    host.innerHTML = floorHtml(t);
    document.body.append(host);
    await frame();
  } else {
    const el = document.createElement('xc-checklist') as HTMLElement & { template: unknown; noSubmitButton: boolean };
    el.noSubmitButton = true;
    el.template = t;
    document.body.append(el);
    // A check point counts once its own controls are drawn (its fieldset), not when its element is made.
    const count = () => el.shadowRoot?.querySelectorAll('.point').length ?? 0;
    // Polled with tasks as well as frames: each poll is as late as the frame that shows the list.
    while (count() < total) await frame();
  }
  return performance.now() - t0;
}

(window as unknown as { runCold: typeof cold }).runCold = cold;
document.title = 'ready';
