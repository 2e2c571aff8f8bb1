import { expect } from '@open-wc/testing';
import { generateChecklistTemplate } from '../../stories/support/generate.js';

/**
 * The standalone build (run `npm run build` first): the first mount of an element fetches the
 * element's chunk and the chunks it imports together, not one after the other (each wait is a
 * round trip to the portal's server before anything shows).
 */
describe('standalone bundle: lazy chunks come with their imports', () => {
  // Each file of the standalone build answered 60 ms late (tests/support/slow-chunks.mjs), as over a
  // network: a chunk asked for only once its importer arrived then starts after that importer ended.
  before(() => { document.cookie = 'xc-slow-chunks=1; path=/'; });
  after(() => { document.cookie = 'xc-slow-chunks=; max-age=0; path=/'; });

  it('a first <xc-checklist> asks for its chunk and everything that chunk imports at once', async () => {
    await import(/* @vite-ignore */ '/dist/xc-elements.standalone.js' as string);
    const t0 = performance.now();
    const el = document.createElement('xc-checklist') as HTMLElement & { template: unknown };
    const template = generateChecklistTemplate(20);
    const total = template.sections.flatMap((x) => x.groups).flatMap((g) => g.items).length;
    el.template = template;
    document.body.append(el);
    await customElements.whenDefined('xc-checklist');
    const end = Date.now() + 10000;
    while ((el.shadowRoot?.querySelectorAll('xc-checklist-item').length ?? 0) < total && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    expect(el.shadowRoot!.querySelectorAll('xc-checklist-item').length).to.equal(total);
    const chunks = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => e.startTime >= t0 && e.name.includes('/dist/standalone/'));
    expect(chunks.some((e) => /\/checklist-[A-Z0-9]+\.js$/.test(e.name)), 'the checklist chunk was fetched').to.equal(true);
    // What each chunk imports (the build's metafile): those fetched for this mount must have been
    // asked for before the chunk importing them had arrived.
    const meta = (await (await fetch('/dist/standalone-meta.json')).json()) as { outputs: Record<string, { imports: { path: string; kind: string }[] }> };
    const byFile = new Map(chunks.map((e) => [new URL(e.name).pathname.slice(1), e]));
    const late: string[] = [];
    for (const [file, f] of byFile) {
      for (const i of meta.outputs[file]?.imports ?? []) {
        const dep = byFile.get(i.path);
        // An importer taken from the browser's cache (transferSize 0) made no round trip to wait for.
        if (i.kind === 'import-statement' && dep && f.transferSize > 0 && dep.startTime > f.responseEnd) late.push(`${i.path.split('/').pop()} after ${file.split('/').pop()}`);
      }
    }
    expect(late, 'chunks asked for only after the chunk importing them arrived').to.deep.equal([]);
    el.remove();
  });
});
