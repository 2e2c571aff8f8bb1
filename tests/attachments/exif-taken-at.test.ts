// takenAt of an attached photo: read from the JPEG's EXIF DateTimeOriginal (and OffsetTimeOriginal),
// never made up from the time of attaching.
import { expect } from '@open-wc/testing';
import { exifTakenAt } from '../../src/core/attachments-exif.js';
import { photoTakenAt } from '../../src/attachments/downscale.js';
import '../../src/attachments/xc-attachments.js';
import type { XcAttachments } from '../../src/attachments/xc-attachments.js';
import { indexedDbAttachments } from '../../src/attachments/stores/indexeddb.js';
import { picture } from './xc-attachments-support.js';

/**
 * A minimal JPEG as a camera writes it: SOI, an APP0 (JFIF) segment, APP1 "Exif\0\0" with a TIFF
 * header (`II` little-endian or `MM` big-endian), IFD0 with an ExifIFD pointer, the Exif IFD with
 * DateTimeOriginal (and OffsetTimeOriginal when given), then SOS and EOI.
 */
function jpeg(date: string | null, { le = false, offset }: { le?: boolean; offset?: string } = {}): Uint8Array<ArrayBuffer> {
  const tiff: number[] = [];
  const u16 = (n: number) => (le ? [n & 255, n >> 8] : [n >> 8, n & 255]);
  const u32 = (n: number) => (le ? [n & 255, (n >> 8) & 255, (n >> 16) & 255, n >>> 24] : [n >>> 24, (n >> 16) & 255, (n >> 8) & 255, n & 255]);
  const asciiz = (s: string) => [...s].map((c) => c.charCodeAt(0)).concat(0);
  tiff.push(...(le ? [0x49, 0x49] : [0x4d, 0x4d]), ...u16(42), ...u32(8));
  // IFD0 at 8: one entry (ExifIFD pointer, LONG), next IFD 0.
  const exifAt = 8 + 2 + 12 + 4;
  tiff.push(...u16(1), ...u16(0x8769), ...u16(4), ...u32(1), ...u32(exifAt), ...u32(0));
  const entries: [number, number[]][] = [];
  if (date !== null) entries.push([0x9003, asciiz(date)]);
  if (offset) entries.push([0x9011, asciiz(offset)]);
  let dataAt = exifAt + 2 + entries.length * 12 + 4;
  const data: number[] = [];
  tiff.push(...u16(entries.length));
  for (const [tag, bytes] of entries) {
    tiff.push(...u16(tag), ...u16(2), ...u32(bytes.length), ...u32(dataAt));
    data.push(...bytes);
    dataAt += bytes.length;
  }
  tiff.push(...u32(0), ...data);
  const app1 = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
  const app0 = [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
  return new Uint8Array([
    0xff, 0xd8,
    0xff, 0xe0, (app0.length + 2) >> 8, (app0.length + 2) & 255, ...app0,
    0xff, 0xe1, (app1.length + 2) >> 8, (app1.length + 2) & 255, ...app1,
    0xff, 0xda, 0, 2, 0xff, 0xd9,
  ]);
}

describe('takenAt from EXIF', () => {
  it('reads DateTimeOriginal with the camera\'s own offset, in both byte orders', () => {
    expect(exifTakenAt(jpeg('2026:11:20 09:31:05', { offset: '+08:00' }))).to.equal('2026-11-20T09:31:05+08:00');
    expect(exifTakenAt(jpeg('2026:11:20 09:31:05', { offset: '+08:00', le: true }))).to.equal('2026-11-20T09:31:05+08:00');
  });

  it('gives a time without an offset the one asked for, or none', () => {
    const bytes = jpeg('2026:03:01 23:59:00');
    expect(exifTakenAt(bytes)).to.equal(undefined);
    expect(exifTakenAt(bytes, { offset: '+08:00' })).to.equal('2026-03-01T23:59:00+08:00');
    expect(exifTakenAt(bytes, { offset: (w) => (w.month === 3 ? '-05:00' : undefined) })).to.equal('2026-03-01T23:59:00-05:00');
  });

  it('has no takenAt for photos without the tag, an empty or impossible date, or other bytes', () => {
    expect(exifTakenAt(jpeg(null, { offset: '+08:00' }), { offset: '+08:00' })).to.equal(undefined);
    expect(exifTakenAt(jpeg('0000:00:00 00:00:00'), { offset: '+08:00' })).to.equal(undefined);
    expect(exifTakenAt(jpeg('2026:02:30 10:00:00'), { offset: '+08:00' })).to.equal(undefined);
    expect(exifTakenAt(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]), { offset: '+08:00' })).to.equal(undefined);
    expect(exifTakenAt(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), { offset: '+08:00' })).to.equal(undefined);
    // Cut short inside the EXIF block: nothing read, nothing thrown.
    expect(exifTakenAt(jpeg('2026:11:20 09:31:05', { offset: '+08:00' }).slice(0, 40))).to.equal(undefined);
  });

  it('photoTakenAt reads a JPEG file before it is downscaled, and nothing else', async () => {
    const file = new File([jpeg('2026:11:20 09:31:05', { offset: '+08:00' })], 'IMG_0001.jpg', { type: 'image/jpeg' });
    expect(await photoTakenAt(file)).to.equal('2026-11-20T09:31:05+08:00');
    expect(await photoTakenAt(new File([jpeg(null)], 'screenshot.jpg', { type: 'image/jpeg' }))).to.equal(undefined);
    expect(await photoTakenAt(new File([jpeg('2026:11:20 09:31:05', { offset: '+08:00' })], 'x.pdf', { type: 'application/pdf' }))).to.equal(undefined);
    // No offset written by the camera: this machine's offset at that time.
    const local = await photoTakenAt(new File([jpeg('2026:11:20 09:31:05')], 'a.jpg', { type: 'image/jpeg' }));
    expect(local).to.match(/^2026-11-20T09:31:05[+-]\d{2}:\d{2}$/);
  });

  it('an attached phone photo keeps when it was taken, a photo without the tag gets no takenAt', async () => {
    // A real, decodable JPEG with the camera's EXIF block spliced in after SOI.
    const canvasJpeg = new Uint8Array(await (await picture(60, 40)).arrayBuffer());
    const exif = jpeg('2026:11:20 09:31:05', { offset: '+08:00' });
    const sos = exif.findIndex((b, i) => b === 0xff && exif[i + 1] === 0xda);
    const withDate = new File([canvasJpeg.slice(0, 2), exif.slice(2, sos), canvasJpeg.slice(2)], '公告栏.jpg', { type: 'image/jpeg' });
    const without = new File([canvasJpeg], '截图.jpg', { type: 'image/jpeg' });
    const el = document.createElement('xc-attachments') as XcAttachments;
    // The browser's own store: the reference it makes keeps takenAt.
    el.store = indexedDbAttachments({ dbName: `xc-exif-${Math.random().toString(36).slice(2)}` });
    document.body.append(el);
    try {
      await el.add([withDate, without]);
      const refs = (el.value ?? []).map((e) => e.file);
      expect(refs.map((r) => r?.name)).to.deep.equal(['公告栏.jpg', '截图.jpg']);
      expect(refs[0]?.takenAt).to.equal('2026-11-20T09:31:05+08:00');
      expect(refs[1]).to.not.have.property('takenAt');
    } finally {
      el.remove();
    }
  });
});
