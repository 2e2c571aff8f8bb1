// <xc-attachments>: evidence files chosen with the keyboard, dropped, pasted; limits, hostile names,
// preview, remove + undo, reorder, downscaling of photos. Real Chromium, a store in memory.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../src/attachments/xc-attachments.js';
import '../../src/provider/index.js';
import { shownName, type XcAttachments } from '../../src/attachments/xc-attachments.js';
import type { AttachmentLimits, AttachmentStore } from '../../src/core/attachment-types.js';
import type { EvidenceRef } from '../../src/core/rectification-types.js';
import { expectAccessible } from '../support/a11y.js';
import { adapterAttachments, indexedDbAttachments, localFirstAttachments } from '../../src/attachments/index.js';
import { base64, memoryStore, pdfBytes, picture, pixel, withExifOrientation, type MemoryStore } from './xc-attachments-support.js';

const mount = async (opts: { store?: AttachmentStore; limits?: AttachmentLimits; value?: EvidenceRef[]; readonly?: boolean; lang?: string; undoMs?: number } = {}) => {
  const p = await fixture<HTMLElement>(html`<div>
    <button id="before">before</button>
    <xc-provider .attachments=${opts.store} .attachmentLimits=${opts.limits}>
      <xc-attachments lang=${opts.lang ?? 'zh-CN'} .value=${opts.value ?? []} ?readonly=${!!opts.readonly} undo-ms=${opts.undoMs ?? 8000}></xc-attachments>
    </xc-provider>
  </div>`);
  const el = p.querySelector('xc-attachments') as XcAttachments;
  await el.updateComplete;
  return el;
};
const $ = <E extends Element = HTMLElement>(el: XcAttachments, sel: string) => el.shadowRoot!.querySelector<E>(sel)!;
const $$ = (el: XcAttachments, sel: string) => Array.from(el.shadowRoot!.querySelectorAll<HTMLElement>(sel));
const names = (el: XcAttachments) => $$(el, '.file .name').map((n) => n.textContent!.trim());
const files = (el: XcAttachments) => el.value.filter((e) => e.file);
const file = (parts: BlobPart[], name: string, type: string) => new File(parts, name, { type });
const active = (el: XcAttachments) => el.shadowRoot!.activeElement as HTMLElement | null;
const until = async (ok: () => boolean, ms = 5000) => {
  const end = performance.now() + ms;
  while (!ok()) {
    if (performance.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('<xc-attachments>', () => {
  it('attaches files with the keyboard alone, through the browser\'s own file chooser', async () => {
    const store = memoryStore();
    const el = await mount({ store });
    // Start outside the element: Tab reaches 选择文件 (a labelled button), Enter opens the chooser.
    (el.parentElement!.parentElement!.querySelector('#before') as HTMLElement).focus();
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.textContent?.trim()).to.equal('选择文件');
    const input = $<HTMLInputElement>(el, 'input.pick');
    expect(input.multiple).to.equal(true);
    expect(input.accept).to.contain('image/*').and.contain('application/pdf').and.contain('.docx');
    await executeServerCommand('xc-file-chooser-arm');
    const changed = oneEvent(el, 'xc-change');
    await sendKeys({ press: 'Enter' });
    const picked = (await executeServerCommand('xc-file-chooser-accept', {
      files: [
        { name: '会议记录.pdf', base64: await base64(pdfBytes()) },
        { name: '现场照片.png', base64: await base64(await picture(40, 30, 'image/png')) },
      ],
    })) as { multiple: boolean };
    expect(picked.multiple).to.equal(true);
    await changed;
    await until(() => files(el).length === 2);
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['会议记录.pdf', '现场照片.png']);
    expect(files(el).map((e) => e.file!.type)).to.deep.equal(['application/pdf', 'image/png']);
    expect($$(el, '.file .type')[0]!.textContent).to.contain('PDF 文档');
    expect($(el, '.live').textContent).to.contain('已添加 2 个附件');
    expect(store.blobs.size).to.equal(2);
  });

  it('takes files dropped on the drop zone and images pasted from the clipboard', async () => {
    const store = memoryStore();
    const el = await mount({ store });
    const drop = new DataTransfer();
    drop.items.add(file([pdfBytes()], 'a.pdf', 'application/pdf'));
    drop.items.add(file(['PK\u0003\u0004', 'xl/workbook.xml'], '台账.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'));
    $(el, '.drop').dispatchEvent(new DragEvent('dragover', { dataTransfer: drop, bubbles: true, cancelable: true, composed: true }));
    $(el, '.drop').dispatchEvent(new DragEvent('drop', { dataTransfer: drop, bubbles: true, cancelable: true, composed: true }));
    await until(() => files(el).length === 2);
    const paste = new DataTransfer();
    paste.items.add(file([await picture(20, 10, 'image/png')], 'image.png', 'image/png'));
    $(el, '.choose').focus();
    const ev = new ClipboardEvent('paste', { clipboardData: paste, bubbles: true, cancelable: true, composed: true });
    $(el, '.choose').dispatchEvent(ev);
    expect(ev.defaultPrevented).to.equal(true);
    await until(() => files(el).length === 3);
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['a.pdf', '台账.xlsx', 'image.png']);
    expect($$(el, '.file')[1]!.querySelector('.type')!.textContent).to.contain('Excel 表格');
  });

  it('refuses files over the limits, saying which file and why (zh-CN and en), and fires xc-attachment-error', async () => {
    const store = memoryStore();
    const el = await mount({ store, limits: { maxCount: 2, maxSize: 1000, accept: ['application/pdf', 'image/*'] } });
    const codes: string[] = [];
    el.addEventListener('xc-attachment-error', (e) => codes.push(`${(e as CustomEvent).detail.code}:${(e as CustomEvent).detail.name}`));
    await el.add([
      file(['MZ'], 'setup.exe', 'application/x-msdownload'),
      file([pdfBytes(), new Uint8Array(5000)], 'big.pdf', 'application/pdf'),
      file([pdfBytes()], 'one.pdf', 'application/pdf'),
      file([pdfBytes()], 'two.pdf', 'application/pdf'),
      file([pdfBytes()], 'three.pdf', 'application/pdf'),
      file(['not an image'], 'fake.jpg', 'image/jpeg'),
    ]);
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['one.pdf', 'two.pdf']);
    // Each file its own reason: count only for a file that would otherwise have been taken.
    expect(codes).to.deep.equal(['type:setup.exe', 'size:big.pdf', 'count:three.pdf', 'type:fake.jpg']);
    const alert = $(el, '.errors[role=alert]');
    const lines = Array.from(alert.querySelectorAll('li'), (li) => li.textContent);
    expect(lines).to.deep.equal(['“setup.exe”未添加：不支持这种文件类型。', '“big.pdf”未添加：文件超过 1,000 B。', '“three.pdf”未添加：附件最多 2 个。', '“fake.jpg”未添加：不支持这种文件类型。']);
    expect($(el, '.hint#limits').textContent).to.equal('可添加：图片、PDF 文档；每个文件不超过 1,000 B，最多 2 个。');
    // An image the browser cannot read is refused as a type error.
    const el2 = await mount({ store: memoryStore(), lang: 'en' });
    await el2.add([file(['not an image'], 'fake.jpg', 'image/jpeg')]);
    await el2.updateComplete;
    expect($(el2, '.errors li').textContent).to.equal('"fake.jpg" was not added: this type of file is not accepted.');
    expect(files(el2)).to.have.length(0);
  });

  it('shows hostile names as inert, isolated text; long names are cut on screen with the full name kept', async () => {
    const hostile = ['<img src=x onerror=alert(1)>.pdf', 'invoice\u202Efdp.exe.pdf', '../../etc/passwd.pdf', `${'长'.repeat(500)}.pdf`];
    const el = await mount({ store: memoryStore() });
    el.style.width = '400px';
    await el.add(hostile.map((n) => file([pdfBytes()], n, 'application/pdf')));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    // As text: markup and paths as they were typed, a direction override shown as a readable marker (⟨RLO⟩), a
    // 500-character name shortened in the middle with its extension kept.
    expect(names(el)).to.deep.equal(['<img src=x onerror=alert(1)>.pdf', 'invoice\u27e8RLO\u27e9fdp.exe.pdf', '../../etc/passwd.pdf', `${'长'.repeat(75)}….pdf`]);
    expect(el.shadowRoot!.textContent).to.not.contain('\u202E');
    for (const [i, n] of $$(el, '.file .name').entries()) {
      expect(n.firstElementChild!.localName, 'each name in its own isolate').to.equal('bdi');
      expect(n.title, 'the full name').to.equal(shownName(hostile[i]!, Number.MAX_SAFE_INTEGER));
      expect(n.getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().right + 0.5);
    }
    expect($$(el, '.file .name')[3]!.title).to.have.length(504);
    // The stored name is the name as given: never a path, never rewritten.
    expect(files(el).map((e) => e.file!.name)).to.deep.equal(hostile);
    // Buttons say which file they act on, isolated too.
    expect($$(el, '[data-act=remove]')[1]!.querySelector('bdi')!.textContent).to.equal('invoice\u27e8RLO\u27e9fdp.exe.pdf');
  });

  it('refuses a file whose bytes are not what its name says', async () => {
    const codes: string[] = [];
    const el = await mount({ store: memoryStore() });
    el.addEventListener('xc-attachment-error', (e) => codes.push(`${(e as CustomEvent).detail.code}:${(e as CustomEvent).detail.name}`));
    await el.add([file(['<html><script>alert(1)</script></html>'], 'report.pdf', 'application/pdf'), file([pdfBytes()], 'photo.jpg', 'image/jpeg')]);
    expect(codes).to.deep.equal(['type:report.pdf', 'type:photo.jpg']);
    expect(files(el)).to.have.length(0);
  });

  it('previews an image in a dialog: focus moves in, Escape closes, focus returns; the picture is drawn on a canvas', async () => {
    const el = await mount({ store: memoryStore() });
    await el.add([file([await picture(64, 48, 'image/png')], '照片.png', 'image/png')]);
    await el.updateComplete;
    // The thumbnail is a canvas (no blob: URL in an <img>), drawn once its bitmap is there.
    await until(() => $(el, 'canvas.thumb').dataset['drawn'] === files(el)[0]!.file!.id);
    const thumb = $<HTMLCanvasElement>(el, 'canvas.thumb').getContext('2d')!.getImageData(10, 80, 1, 1).data;
    expect([thumb[0], thumb[2]]).to.deep.equal([255, 0]);
    const opener = $(el, '[data-act=preview]');
    expect(opener.textContent!.replace(/\s+/g, '')).to.equal('预览（照片.png）');
    opener.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => $<HTMLDialogElement>(el, 'dialog').open);
    await el.updateComplete;
    expect(active(el)?.classList.contains('close')).to.equal(true);
    expect($(el, 'dialog h2').textContent).to.equal('照片.png');
    await until(() => $<HTMLCanvasElement>(el, 'dialog canvas').width === 64);
    await expectAccessible(el);
    await sendKeys({ press: 'Escape' });
    await until(() => !$<HTMLDialogElement>(el, 'dialog').open);
    expect(active(el)).to.equal(opener);
  });

  it('removes a file with 撤销 offered in a live region; the bytes leave the store only afterwards', async () => {
    const store: MemoryStore = memoryStore();
    const el = await mount({ store, undoMs: 400 });
    await el.add([file([pdfBytes()], 'a.pdf', 'application/pdf'), file([pdfBytes(), ' '], 'b.pdf', 'application/pdf')]);
    await el.updateComplete;
    const [a] = files(el);
    $$(el, '[data-act=remove]')[0]!.click();
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['b.pdf']);
    const live = $(el, '.live');
    expect(live.getAttribute('role')).to.equal('status');
    expect(live.textContent).to.contain('已删除“a.pdf”');
    expect(active(el)?.classList.contains('undo')).to.equal(true);
    expect(store.removed).to.deep.equal([]);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['a.pdf', 'b.pdf']);
    expect($(el, '.live').textContent).to.contain('已恢复“a.pdf”');
    await new Promise((r) => setTimeout(r, 500));
    expect(store.removed, 'an undone removal removes nothing').to.deep.equal([]);
    // Removed and left: gone from the store after the undo time.
    $$(el, '[data-act=remove]')[0]!.click();
    await new Promise((r) => setTimeout(r, 200));
    expect(store.removed).to.deep.equal([]);
    await until(() => store.removed.length === 1);
    expect(store.removed).to.deep.equal([a!.file!.id]);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.undo')).to.equal(null);
  });

  it('moves files up and down, keeps other evidence in place, and announces the new position', async () => {
    const other = { title: '会议纪要', ref: '〔2026〕3号' };
    const el = await mount({ store: memoryStore(), value: [other] });
    await el.add([file([pdfBytes()], 'a.pdf', 'application/pdf'), file([pdfBytes()], 'b.pdf', 'application/pdf'), file([pdfBytes()], 'c.pdf', 'application/pdf')]);
    await el.updateComplete;
    const down = $$(el, '[data-act=down]')[0]!;
    down.focus();
    const changed = oneEvent(el, 'xc-change');
    await sendKeys({ press: 'Enter' });
    const { detail } = await changed;
    expect((detail.value as EvidenceRef[]).map((e) => e.title)).to.deep.equal(['会议纪要', 'b.pdf', 'a.pdf', 'c.pdf']);
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['b.pdf', 'a.pdf', 'c.pdf']);
    expect($(el, '.live').textContent).to.equal('“a.pdf”已移到第 2 位，共 3 个。');
    // Focus follows the file.
    expect(active(el)?.closest('[data-pos]')?.getAttribute('data-pos')).to.equal('1');
    expect(active(el)?.dataset['act']).to.equal('down');
    // At the end of the list focus goes to the other button (the pressed one is disabled there).
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['b.pdf', 'c.pdf', 'a.pdf']);
    expect(active(el)?.dataset['act']).to.equal('up');
    expect(el.value[0]).to.deep.equal(other);
  });

  it('renames a file: the title changes, the stored name stays', async () => {
    const el = await mount({ store: memoryStore() });
    await el.add([file([pdfBytes()], 'scan001.pdf', 'application/pdf')]);
    await el.updateComplete;
    $(el, '[data-act=rename]').click();
    await el.updateComplete;
    const input = $<HTMLInputElement>(el, '.rename input');
    expect(active(el)).to.equal(input);
    input.value = '整改报告';
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['整改报告']);
    expect(files(el)[0]!.file!.name).to.equal('scan001.pdf');
    expect(active(el)?.dataset['act']).to.equal('rename');
  });

  it('downscales a 4000×3000 photo to the long side of the limits, as JPEG', async () => {
    const store = memoryStore();
    const el = await mount({ store, limits: { maxLongSide: 1024, quality: 0.8 } });
    const big = await picture(4000, 3000);
    await el.add([file([big], 'IMG_0001.jpg', 'image/jpeg')]);
    const [entry] = files(el);
    const stored = store.blobs.get(entry!.file!.id)!;
    const bmp = await createImageBitmap(stored);
    expect([bmp.width, bmp.height]).to.deep.equal([1024, 768]);
    expect(stored.type).to.equal('image/jpeg');
    expect(entry!.file!.size).to.equal(stored.size);
    expect(stored.size).to.be.below(big.size);
  });

  it('downscaling keeps a phone photo upright (EXIF orientation 6) and can keep the original', async () => {
    const store = memoryStore();
    const el = await mount({ store, limits: { maxLongSide: 40, keepOriginal: true } });
    // Stored sideways, 80×40, left half red; EXIF says "turn 90° clockwise": upright it is 40×80, red on top.
    const rotated = await withExifOrientation(await picture(80, 40), 6);
    await el.add([file([rotated], 'portrait.jpg', 'image/jpeg')]);
    const [entry] = files(el) as (EvidenceRef & { original?: { id: string } })[];
    const stored = store.blobs.get(entry!.file!.id)!;
    const bmp = await createImageBitmap(stored, { imageOrientation: 'from-image' });
    expect([bmp.width, bmp.height]).to.deep.equal([20, 40]);
    const top = await pixel(stored, 10, 5);
    const bottom = await pixel(stored, 10, 35);
    expect(top[0]).to.be.above(200);
    expect(bottom[2]).to.be.above(200);
    expect(store.blobs.get(entry!.original!.id)!.size).to.equal(rotated.size);
  });

  it('shows how many files wait to be uploaded, when the store says', async () => {
    const el = await mount({ store: memoryStore({ pending: 3 }) });
    await until(() => $(el, '.pending').textContent!.includes('3'));
    expect($(el, '.pending').textContent).to.equal('3 个附件等待上传。');
  });

  it('with the local-first store offline, shows how many files wait to be uploaded', async () => {
    const db = `xc-attach-test-${Math.random().toString(36).slice(2)}`;
    let online = false;
    const uploaded: string[] = [];
    const store = localFirstAttachments({
      local: indexedDbAttachments({ dbName: db }),
      remote: adapterAttachments({ upload: async (_b, meta) => (uploaded.push(meta.name), { id: `r-${meta.name}` }), download: async () => null }),
      online: () => online,
      events: new EventTarget(),
      lockName: db,
    });
    const el = await mount({ store });
    await el.add([file([pdfBytes()], 'a.pdf', 'application/pdf'), file([pdfBytes(), ' '], 'b.pdf', 'application/pdf')]);
    await until(() => $(el, '.pending').textContent === '2 个附件等待上传。');
    online = true;
    await store.flush();
    await until(() => $(el, '.pending').textContent === '');
    expect(uploaded.sort()).to.deep.equal(['a.pdf', 'b.pdf']);
  });

  it('without a store (or readonly) lists files with name, type and size, and offers no adding', async () => {
    const value = [{ title: '报告.pdf', file: { id: 'x1', name: '报告.pdf', type: 'application/pdf', size: 123456, sha256: '0'.repeat(64) } }];
    const el = await mount({ value });
    expect(el.shadowRoot!.querySelector('.choose')).to.equal(null);
    expect(names(el)).to.deep.equal(['报告.pdf']);
    expect($(el, '.file .type').textContent).to.equal('PDF 文档，121 KB');
    const ro = await mount({ value, readonly: true, store: memoryStore() });
    expect(ro.shadowRoot!.querySelector('.choose')).to.equal(null);
    expect($(ro, '[data-act=open]').textContent!.replace(/\s+/g, '')).to.equal('打开（报告.pdf）');
    await expectAccessible(ro);
  });

  it('is axe-clean with files, errors and an undo on show', async () => {
    const el = await mount({ store: memoryStore(), limits: { maxCount: 2 } });
    await el.add([file([pdfBytes()], 'a.pdf', 'application/pdf'), file([await picture(30, 30, 'image/png')], 'b.png', 'image/png'), file(['x'], 'c.pdf', 'application/pdf')]);
    await el.updateComplete;
    $$(el, '[data-act=remove]')[0]!.click();
    await el.updateComplete;
    await expectAccessible(el);
  });
});
