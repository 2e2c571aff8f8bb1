// <xc-attachments> in a record: the record it edits reaches the store (so the back end knows whose
// file it is), a custom store's incomplete reference is made whole, each refused file gets its own
// reason, direction controls in names are readable, 拍照 only on touch screens, the legend names
// the record, the downscaling canvas is made for reading back.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/attachments/xc-attachments.js';
import '../../src/provider/index.js';
import type { XcAttachments } from '../../src/attachments/xc-attachments.js';
import type { AttachmentLimits, AttachmentRef, AttachmentStore } from '../../src/core/attachment-types.js';
import { attachmentSha256 } from '../../src/core/attachments.js';
import { httpAttachments } from '../../src/attachments/stores/index.js';
import { expectAccessible } from '../support/a11y.js';
import { memoryStore, pdfBytes, picture } from './xc-attachments-support.js';

const mount = async (store: AttachmentStore, o: { limits?: AttachmentLimits; subject?: string; context?: object } = {}) => {
  const p = await fixture<HTMLElement>(html`<xc-provider .attachments=${store} .attachmentLimits=${o.limits}>
    <xc-attachments lang="zh-CN" subject=${o.subject ?? ''} .context=${o.context}></xc-attachments>
  </xc-provider>`);
  const el = p.querySelector('xc-attachments') as XcAttachments;
  await el.updateComplete;
  return el;
};
const $ = <E extends Element = HTMLElement>(el: XcAttachments, sel: string) => el.shadowRoot!.querySelector<E>(sel);
const pdf = (name: string, extra = 0) => new File([pdfBytes(), new Uint8Array(extra)], name, { type: 'application/pdf' });

describe('<xc-attachments> in a record', () => {
  it('gives the store the record it edits, and httpAttachments sends its ledgerId with the upload', async () => {
    const store = memoryStore();
    const el = await mount(store, { context: { ledgerId: 'L-1', itemId: 'ZG-001' } });
    await el.add([pdf('通知.pdf')]);
    expect(store.puts[0]!.context).to.deep.equal({ ledgerId: 'L-1', itemId: 'ZG-001' });

    const bodies: Record<string, unknown>[] = [];
    const fake: typeof fetch = async (_input, init) => {
      if (init?.method === 'POST') {
        const b = JSON.parse(String(init.body)) as Record<string, unknown>;
        bodies.push(b);
        return new Response(JSON.stringify({ ref: { id: String(b['id']), name: b['name'], type: b['type'], size: b['size'], sha256: b['sha256'] } }), { status: 200, headers: { 'content-type': 'application/json' } });
      }
      return new Response('{}', { status: 404 });
    };
    const http = httpAttachments({ baseUrl: '/nowhere', ledgerId: 'L-opt', fetch: fake, csrf: () => 't' });
    await http.put(pdfBytes(), { name: 'a.pdf', type: 'application/pdf' });
    await http.put(pdfBytes(), { name: 'b.pdf', type: 'application/pdf', context: { ledgerId: 'L-ctx', itemId: 'x' } });
    expect(bodies.map((b) => b['ledgerId'])).to.deep.equal(['L-opt', 'L-ctx']);
    expect(Object.keys(bodies[1]!)).to.not.include('itemId');
  });

  it("fills in size and sha256 when a custom store's reference lacks them; refuses one without id", async () => {
    const partial: AttachmentStore = {
      put: async (_blob, meta) => ({ id: `p-${meta.name}`, name: meta.name, type: meta.type }) as AttachmentRef,
      get: async () => null,
      remove: async () => undefined,
    };
    const el = await mount(partial);
    const f = pdf('报告.pdf');
    await el.add([f]);
    const ref = el.value[0]!.file!;
    expect(ref.size).to.equal(f.size);
    expect(ref.sha256).to.equal(await attachmentSha256(f));

    const errors: unknown[] = [];
    const orig = console.error;
    console.error = (...a: unknown[]) => void errors.push(a);
    try {
      const noId = await mount({ ...partial, put: async () => ({}) as AttachmentRef });
      await noId.add([pdf('x.pdf')]);
      expect(noId.value.length).to.equal(0);
      expect($(noId, '.errors li')!.textContent).to.contain('x.pdf');
    } finally {
      console.error = orig;
    }
    expect(String((errors[0] as unknown[])[0])).to.contain('AttachmentRef');
  });

  it('reports each refused file with its own reason once the count is reached', async () => {
    const el = await mount(memoryStore(), { limits: { maxCount: 1, maxSize: 1000 } });
    await el.add([pdf('one.pdf')]);
    await el.add([new File(['<!doctype html><html><script>alert(1)</script>'], 'photo.jpg', { type: 'image/jpeg' }), pdf('big.pdf', 5000), pdf('two.pdf')]);
    await el.updateComplete;
    const lines = Array.from(el.shadowRoot!.querySelectorAll('.errors li'), (li) => li.textContent);
    expect(lines).to.deep.equal(['“photo.jpg”未添加：不支持这种文件类型。', '“big.pdf”未添加：文件超过 1,000 B。', '“two.pdf”未添加：附件最多 1 个。']);
  });

  it('shows a direction override in a name as a readable marker, isolated; the name stays as given', async () => {
    const el = await mount(memoryStore());
    const name = 'invoice\u202Egnp.exe.jpg';
    await el.add([new File([await picture(40, 30)], name, { type: 'image/jpeg' })]);
    await el.updateComplete;
    const shown = $(el, '.file .name')!;
    expect(shown.firstElementChild!.localName).to.equal('bdi');
    expect(shown.textContent!.trim()).to.equal('invoice⟨RLO⟩gnp.exe.jpg');
    expect(el.value[0]!.file!.name).to.equal(name);
  });

  it('names the record in its legend (isolated), and offers 拍照 only on a touch screen', async () => {
    const el = await mount(memoryStore(), { subject: '是否落实\u202E三重一大' });
    const legend = $(el, 'legend')!;
    expect(legend.textContent).to.equal('附件：是否落实\u202E三重一大');
    expect(legend.querySelector('bdi')!.textContent).to.equal('是否落实\u202E三重一大');
    expect(navigator.maxTouchPoints).to.equal(0);
    expect(matchMedia('(pointer: coarse)').matches).to.equal(false);
    expect($(el, '.camera'), 'no camera button on a desktop without touch').to.equal(null);
    await expectAccessible(el);
  });

  it('downscales photos on a canvas made for reading back (no Canvas2D willReadFrequently warning)', async () => {
    const reads: (boolean | undefined)[] = [];
    const protos = [OffscreenCanvasRenderingContext2D.prototype, CanvasRenderingContext2D.prototype] as unknown as { getImageData: (...a: unknown[]) => ImageData; getContextAttributes?: () => { willReadFrequently?: boolean } }[];
    const saved = protos.map((p) => p.getImageData);
    protos.forEach((p, i) => {
      p.getImageData = function (this: typeof p, ...a: unknown[]) {
        reads.push(this.getContextAttributes?.().willReadFrequently);
        return saved[i]!.apply(this, a);
      };
    });
    try {
      const el = await mount(memoryStore(), { limits: { maxLongSide: 200 } });
      await el.add([new File([await picture(1200, 900)], 'p.jpg', { type: 'image/jpeg' })]);
      expect(el.value.length).to.equal(1);
    } finally {
      protos.forEach((p, i) => (p.getImageData = saved[i]!));
    }
    expect(reads.length).to.be.greaterThan(0);
    expect(reads.every((r) => r === true)).to.equal(true);
  });
});
