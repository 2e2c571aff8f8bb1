import { expect } from '@open-wc/testing';
import {
  acceptsType,
  attachmentList,
  attachmentListHeadings,
  attachmentSha256,
  backoffDelay,
  checkAttachment,
  contentDisposition,
  describeAttachment,
  displayFileName,
  enqueueUpload,
  findAttachments,
  formatFileSize,
  nextRetryAt,
  nextUpload,
  pendingUploads,
  Sha256,
  sniffType,
  uploadFailed,
  uploadStarted,
  uploadStored,
  verifyRecordFiles,
  MIME,
} from '../../src/core/attachments.js';
import { AttachmentError, type AttachmentRef } from '../../src/core/attachment-types.js';
import { sign, sha256HexSync } from '../../src/core/fingerprint.js';
import { verifySignedRecord } from '../../src/core/verify.js';
import '../../src/core/index.js';
import { rectificationLedger } from '../../src/generated/validators/rectificationLedger.js';

const enc = (s: string) => new TextEncoder().encode(s);
const cat = (...parts: (number[] | Uint8Array<ArrayBuffer> | string)[]) => {
  const arrays = parts.map((p) => (typeof p === 'string' ? enc(p) : p instanceof Uint8Array ? p : new Uint8Array(p)));
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) (out.set(a, at), (at += a.length));
  return out;
};
/** Deterministic pseudo-random bytes. */
function bytes(n: number, seed = 7): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) out[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
  return out;
}
const subtleHex = async (b: Uint8Array<ArrayBuffer>) => Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', b)), (x) => x.toString(16).padStart(2, '0')).join('');

// Minimal file heads, as the formats begin.
const JPEG = cat([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF', [0], bytes(200));
const PNG = cat([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], bytes(100));
const GIF = cat('GIF89a', bytes(50));
const WEBP = cat('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 ', bytes(50));
const HEIC = cat([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0], 'mif1heic', bytes(50));
const PDF = cat('%PDF-1.7\n', bytes(100));
const DOCX = cat([0x50, 0x4b, 0x03, 0x04, 20, 0, 6, 0], '[Content_Types].xml', bytes(40), 'PK', [3, 4], 'word/document.xml', bytes(40));
const XLSX = cat([0x50, 0x4b, 0x03, 0x04, 20, 0, 6, 0], '[Content_Types].xml', bytes(40), 'PK', [3, 4], 'xl/workbook.xml', bytes(40));
const OLE = cat([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], bytes(100));
const HTML = enc('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>');
const SVG = enc('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>');
const TEXT = enc('会议记录：2026年11月26日\n出席：张三、李四\n');

describe('attachmentSha256', () => {
  it('the JavaScript SHA-256 fed in pieces gives crypto.subtle\'s digest at every block boundary', async () => {
    for (const n of [0, 1, 55, 56, 63, 64, 65, 119, 120, 127, 128, 1000, 70_001]) {
      const b = bytes(n, n + 1);
      const whole = new Sha256().update(b).digestHex();
      const pieces = new Sha256();
      for (let at = 0; at < n; at += 37) pieces.update(b.subarray(at, at + 37));
      const want = await subtleHex(b);
      expect(whole, `${n} bytes`).to.equal(want);
      expect(pieces.digestHex(), `${n} bytes in 37-byte pieces`).to.equal(want);
    }
    expect(new Sha256().update(enc('{"a":"谈话","b":1}')).digestHex()).to.equal(sha256HexSync('{"a":"谈话","b":1}'));
  });

  it('hashes a Blob, an ArrayBuffer and a typed array alike, with and without crypto.subtle', async () => {
    const b = bytes(300_000);
    const want = await subtleHex(b);
    expect(await attachmentSha256(new Blob([b]))).to.equal(want);
    expect(await attachmentSha256(b.buffer)).to.equal(want);
    expect(await attachmentSha256(b)).to.equal(want);
    expect(await attachmentSha256(new Blob([b]), { subtle: false, chunkSize: 65536 })).to.equal(want);
  });

  it('without crypto.subtle a big file is hashed in chunks and the page keeps running between them', async () => {
    const b = new Blob([bytes(4 * 1024 * 1024 + 5)]);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const progress: number[] = [];
    const digest = await attachmentSha256(b, { subtle: false, chunkSize: 256 * 1024, onProgress: (done) => progress.push(done) });
    clearInterval(timer);
    expect(digest).to.equal(await subtleHex(new Uint8Array(await b.arrayBuffer())));
    expect(progress.length).to.equal(17);
    expect(progress[progress.length - 1]).to.equal(b.size);
    expect(ticks, 'timers ran while hashing').to.be.greaterThan(3);
  });
});

describe('sniffType and checkAttachment', () => {
  it('reads the type from the first bytes', () => {
    expect(sniffType(JPEG)).to.equal(MIME.jpeg);
    expect(sniffType(PNG)).to.equal(MIME.png);
    expect(sniffType(GIF)).to.equal(MIME.gif);
    expect(sniffType(WEBP)).to.equal(MIME.webp);
    expect(sniffType(HEIC)).to.equal(MIME.heic);
    expect(sniffType(PDF)).to.equal(MIME.pdf);
    expect(sniffType(DOCX)).to.equal(MIME.docx);
    expect(sniffType(XLSX)).to.equal(MIME.xlsx);
    expect(sniffType(OLE, '旧文件.doc')).to.equal(MIME.doc);
    expect(sniffType(OLE, '旧表格.XLS')).to.equal(MIME.xls);
    expect(sniffType(HTML)).to.equal(MIME.html);
    expect(sniffType(SVG)).to.equal(MIME.svg);
    expect(sniffType(TEXT)).to.equal(MIME.text);
    expect(sniffType(enc('说明\n<script>alert(1)</script>'))).to.equal(MIME.html, 'markup after some text is still HTML to a sniffing browser');
    expect(sniffType(bytes(100, 3))).to.equal(null);
    // A whole file given as the head is read by its first bytes only.
    const bigZip = cat([0x50, 0x4b, 0x03, 0x04], bytes(2 * 1024 * 1024));
    expect(sniffType(bigZip)).to.equal(MIME.zip);
    expect(checkAttachment({ name: 'big.pdf', size: 3 * 1024 * 1024 }, cat(PDF, bytes(3 * 1024 * 1024))).ok).to.equal(true);
    // A chunk cut in the middle of a Chinese character is still text.
    expect(sniffType(TEXT.subarray(0, TEXT.length - 20))).to.equal(MIME.text);
  });

  it('refuses a .jpg that is really an HTML page, and an SVG by image/*', () => {
    expect(checkAttachment({ name: '现场照片.jpg', size: HTML.length }, HTML)).to.deep.equal({ ok: false, code: 'type' });
    expect(checkAttachment({ name: 'logo.svg', size: SVG.length }, SVG)).to.deep.equal({ ok: false, code: 'type' });
    expect(checkAttachment({ name: 'scan.pdf', size: 10 }, DOCX), 'the name says PDF, the bytes a Word file').to.deep.equal({ ok: false, code: 'type' });
    expect(checkAttachment({ name: '现场照片.jpg', size: JPEG.length }, JPEG)).to.deep.equal({ ok: true, type: MIME.jpeg });
    expect(checkAttachment({ name: 'IMG_0001', size: 10 }, HEIC)).to.deep.equal({ ok: true, type: MIME.heic });
    expect(checkAttachment({ name: '整改报告.docx', size: 10 }, DOCX)).to.deep.equal({ ok: true, type: MIME.docx });
    expect(checkAttachment({ name: '台账.xlsx', size: 10 }, XLSX)).to.deep.equal({ ok: true, type: MIME.xlsx });
    expect(checkAttachment({ name: 'notes.txt', size: 10 }, TEXT), 'text is not in the default list').to.deep.equal({ ok: false, code: 'type' });
    expect(checkAttachment({ name: 'notes.txt', size: 10 }, TEXT, { accept: ['.txt'] })).to.deep.equal({ ok: true, type: MIME.text });
  });

  it('applies size and count limits', () => {
    expect(checkAttachment({ name: 'a.pdf', size: 20 * 1024 * 1024 + 1 }, PDF)).to.deep.equal({ ok: false, code: 'size' });
    expect(checkAttachment({ name: 'a.pdf', size: 20 * 1024 * 1024 }, PDF).ok).to.equal(true);
    expect(checkAttachment({ name: 'a.pdf', size: 100 }, PDF, { maxSize: 99 })).to.deep.equal({ ok: false, code: 'size' });
    expect(checkAttachment({ name: 'a.pdf', size: 1 }, PDF, { maxCount: 3 }, 3)).to.deep.equal({ ok: false, code: 'count' });
    expect(checkAttachment({ name: 'a.pdf', size: 1 }, PDF, {}, 19).ok).to.equal(true);
  });

  it('reads accept lists as the accept attribute does', () => {
    expect(acceptsType(['image/*'], 'image/png')).to.equal(true);
    expect(acceptsType(['image/*'], 'application/pdf')).to.equal(false);
    expect(acceptsType(['.docx', '.pdf'], MIME.docx)).to.equal(true);
    expect(acceptsType(['.docx'], MIME.xlsx)).to.equal(false);
    expect(acceptsType(['*/*'], MIME.html)).to.equal(false);
    expect(acceptsType(['text/html'], MIME.html)).to.equal(true);
  });

  it('describeAttachment throws AttachmentError with the code and hashes what it keeps', async () => {
    const err = await describeAttachment(new Blob([HTML]), { name: 'x.jpg' }, 'id1', {}).catch((e: unknown) => e);
    expect(err).to.be.instanceOf(AttachmentError);
    expect((err as AttachmentError).code).to.equal('type');
    const ref = await describeAttachment(new Blob([PDF]), { name: 'a.pdf', takenAt: '2026-11-26T10:00:00+08:00' }, 'id2', {});
    expect(ref).to.deep.equal({ id: 'id2', name: 'a.pdf', type: MIME.pdf, size: PDF.length, sha256: await subtleHex(PDF), takenAt: '2026-11-26T10:00:00+08:00' });
  });
});

describe('hostile names', () => {
  it('displayFileName neutralises bidirectional and control characters and shortens long names', () => {
    const evil = 'invoice\u202Efdp.exe';
    const shown = displayFileName(evil);
    expect(shown).to.equal('invoice\uFFFDfdp.exe');
    expect(/[\u202a-\u202e\u2066-\u2069\u200e\u200f]/.test(shown)).to.equal(false);
    expect(displayFileName('a\u2067b\u0000c\nd')).to.equal('a\uFFFDb\uFFFDc\uFFFDd');
    const long = displayFileName('很'.repeat(500) + '.pdf');
    expect(Array.from(long).length).to.equal(80);
    expect(long.endsWith('….pdf')).to.equal(true);
    expect(displayFileName('<script>alert(1)</script>.png'), 'markup stays text (escaped by whoever renders it)').to.equal('<script>alert(1)</script>.png');
  });

  it('contentDisposition sends an ASCII stand-in and the exact UTF-8 name without paths, quotes or bidi controls', () => {
    expect(contentDisposition('整改报告.pdf')).to.equal(`attachment; filename="____.pdf"; filename*=UTF-8''${encodeURIComponent('整改报告.pdf')}`);
    const h = contentDisposition('../../etc/passwd');
    expect(h).to.equal(`attachment; filename="__.._etc_passwd"; filename*=UTF-8''__.._etc_passwd`);
    const q = contentDisposition('a"b\r\nSet-Cookie: x=1;.pdf');
    expect(q).to.not.match(/[\r\n]/);
    expect(q.split('filename="')[1]!.split('"')[0]).to.equal('a_b__Set-Cookie_ x_1_.pdf');
    const bidi = contentDisposition('invoice\u202Efdp.exe', 'inline');
    expect(bidi.startsWith('inline; ')).to.equal(true);
    expect(decodeURIComponent(bidi.split("UTF-8''")[1]!)).to.equal('invoice_fdp.exe');
    const long = contentDisposition('长'.repeat(500) + '.pdf');
    expect(Array.from(decodeURIComponent(long.split("UTF-8''")[1]!)).length).to.equal(200);
  });

  it('formatFileSize reads as 1.2 MB', () => {
    expect(formatFileSize(532)).to.equal('532 B');
    expect(formatFileSize(1.2 * 1024 * 1024)).to.equal('1.2 MB');
    expect(formatFileSize(12_700, 'en')).to.equal('12.4 KB');
  });
});

describe('upload queue', () => {
  const ref: AttachmentRef = { id: 'a1', name: 'a.pdf', type: MIME.pdf, size: 3, sha256: 'a'.repeat(64) };

  it('backs off exponentially with jitter from the random given, up to the longest delay', () => {
    expect(backoffDelay(1, () => 0)).to.equal(1000);
    expect(backoffDelay(1, () => 0.999999)).to.equal(2000);
    expect(backoffDelay(2, () => 0.5)).to.equal(3000);
    expect(backoffDelay(3, () => 0)).to.equal(4000);
    expect(backoffDelay(30, () => 1)).to.equal(300_000);
    expect(backoffDelay(30, () => 0)).to.equal(150_000);
    expect(backoffDelay(5, () => 1, { baseMs: 100, maxMs: 1000 })).to.equal(1000);
  });

  it('moves pending → uploading → failed (retry later) → uploading → stored', () => {
    let job = enqueueUpload(ref, 1000);
    expect(job).to.deep.equal({ ref, state: 'pending', attempts: 0, queuedAt: 1000 });
    expect(nextUpload([job], 1000)).to.equal(job);
    job = uploadStarted(job);
    expect(job.state).to.equal('uploading');
    job = uploadFailed(job, 'failed', 5000, () => 0);
    expect(job).to.include({ state: 'failed', attempts: 1, retryAt: 6000, error: 'failed' });
    expect(nextUpload([job], 5999)).to.equal(undefined);
    expect(nextRetryAt([job])).to.equal(6000);
    expect(nextUpload([job], 6000)).to.equal(job);
    job = uploadFailed(uploadStarted(job), 'failed', 6000, () => 0);
    expect(job).to.include({ attempts: 2, retryAt: 8000 });
    job = uploadStored(uploadStarted({ ...job, uploadId: 'u1' }), 'host-9');
    expect(job).to.deep.equal({ ref, state: 'stored', attempts: 2, queuedAt: 1000, remoteId: 'host-9' });
    expect(pendingUploads([job])).to.deep.equal([]);
  });

  it('being offline is no failed attempt; a refusal is not retried by itself', () => {
    const off = uploadFailed(uploadStarted(enqueueUpload(ref, 0)), 'offline', 10, Math.random);
    expect(off).to.deep.equal({ ref, state: 'pending', attempts: 0, queuedAt: 0, error: 'offline' });
    const refused = uploadFailed(uploadStarted(enqueueUpload(ref, 0)), 'forbidden', 10, Math.random);
    expect(refused.state).to.equal('failed');
    expect(refused.retryAt).to.equal(undefined);
    expect(nextUpload([refused], Number.MAX_SAFE_INTEGER)).to.equal(undefined);
    const gaveUp = uploadFailed({ ...uploadStarted(enqueueUpload(ref, 0)), attempts: 4 }, 'failed', 10, Math.random, { maxAttempts: 5 });
    expect(gaveUp.retryAt).to.equal(undefined);
    expect(pendingUploads([refused, gaveUp]).length).to.equal(2);
  });

  it('uploads pending files in the order they were queued, before retries', () => {
    const a = enqueueUpload({ ...ref, id: 'a' }, 2);
    const b = enqueueUpload({ ...ref, id: 'b' }, 1);
    const c = { ...enqueueUpload({ ...ref, id: 'c' }, 0), state: 'failed' as const, attempts: 1, retryAt: 0 };
    expect(nextUpload([a, c, b], 5)!.ref.id).to.equal('b');
  });
});

describe('files of a record', () => {
  const photo = JPEG;
  const scan = PDF;
  const refOf = async (id: string, name: string, b: Uint8Array<ArrayBuffer>, type: string): Promise<AttachmentRef> => ({ id, name, type, size: b.length, sha256: await subtleHex(b) });

  it('a signed interview record with a file still verifies; swapping the stored bytes is found', async () => {
    const ref = await refOf('f-1', '谈话现场.jpg', photo, MIME.jpeg);
    const record = {
      recordNo: '一组-谈-001',
      interviewee: { name: '张三', unit: '某乡人民政府' },
      evidence: [{ title: '谈话现场照片', file: ref }],
    };
    const signed = await sign(record, '2026-11-26T10:30:00+08:00');
    expect(await verifySignedRecord(signed)).to.deep.equal({ ok: true });

    const stored = new Map<string, Uint8Array<ArrayBuffer>>([[ref.id, photo]]);
    expect(await verifyRecordFiles(signed, async (r) => stored.get(r.id) ?? null)).to.deep.equal([]);

    // Someone replaces the bytes behind the reference: the record still verifies, the file does not.
    const swapped = cat(photo.subarray(0, 100), [1, 2, 3]);
    stored.set(ref.id, swapped);
    expect(await verifySignedRecord(signed)).to.deep.equal({ ok: true });
    const problems = await verifyRecordFiles(signed, async (r) => new Blob([stored.get(r.id)!]));
    expect(problems.map((p) => [p.ref.id, p.problem, p.path, p.actual])).to.deep.equal([['f-1', 'changed', 'evidence.0.file', await subtleHex(swapped)]]);

    // Changing the reference to match the new bytes breaks the signature instead.
    const forged = structuredClone(signed);
    forged.evidence[0]!.file.sha256 = await subtleHex(swapped);
    expect((await verifySignedRecord(forged)).ok).to.equal(false);

    const store = { get: async (r: AttachmentRef) => new Blob([stored.get(r.id)!]) };
    expect((await verifyRecordFiles(signed, store)).map((p) => p.problem), 'a store works as well').to.deep.equal(['changed']);

    stored.delete(ref.id);
    expect((await verifyRecordFiles(signed, async (r) => stored.get(r.id) ?? null)).map((p) => p.problem)).to.deep.equal(['missing']);
  });

  it('attachmentList lists every file of a ledger with where it is, its kind, size and hash prefix', async () => {
    const ledger = {
      version: 1,
      items: [
        {
          id: 'ZG-001',
          problem: { text: '…', evidence: [{ title: '检查底稿', file: await refOf('p1', '底稿.pdf', scan, MIME.pdf) }] },
          evidence: [
            { title: '会议纪要', ref: '〔2026〕3号' },
            { title: '整改现场', file: { ...(await refOf('e2', 'IMG\u202Egpj.exe', photo, MIME.jpeg)), size: 1.2 * 1024 * 1024 } },
          ],
        },
      ],
    };
    const rows = attachmentList(ledger);
    expect(rows.map(({ ref: _r, ...r }) => r)).to.deep.equal([
      { no: 1, name: '底稿.pdf', type: 'PDF 文档', size: `${scan.length} B`, hash: (await subtleHex(scan)).slice(0, 8), where: 'ZG-001 › 问题佐证 1 › 检查底稿' },
      { no: 2, name: 'IMG\uFFFDgpj.exe', type: '图片', size: '1.2 MB', hash: (await subtleHex(photo)).slice(0, 8), where: 'ZG-001 › 佐证材料 2 › 整改现场' },
    ]);
    expect(attachmentList(ledger, 'en').map((r) => r.where)).to.deep.equal(['ZG-001 › Evidence of the problem 1 › 检查底稿', 'ZG-001 › Evidence 2 › 整改现场']);
    expect(attachmentListHeadings().title).to.equal('附件清单');
    expect(findAttachments({ items: { 'f1g1-01': { evidence: [{ title: 't', file: rows[0]!.ref }] } } })[0]!.where).to.equal('f1g1-01 › 佐证材料 1');
  });
});

describe('the ledger schema and file references', () => {
  const item = (evidence: unknown[], problemEvidence: unknown[] = []) => ({
    version: 1,
    items: [
      {
        id: 'ZG-001',
        problem: { text: '台账不全', evidence: problemEvidence },
        measures: [],
        responsibility: {},
        kind: 'immediate',
        status: 'in-progress',
        progress: 10,
        evidence,
        history: [],
      },
    ],
  });
  const file = { id: 'f-1', name: '整改现场.jpg', type: MIME.jpeg, size: 1234, sha256: 'ab'.repeat(32), takenAt: '2026-11-26T09:30:00+08:00' };

  it('evidence of the item and of the problem may carry a file reference', () => {
    const ledger = item([{ title: '整改现场照片', file }], [{ title: '检查底稿', file: { ...file, id: 'f-2' } }]);
    expect(rectificationLedger(ledger), JSON.stringify(rectificationLedger.errors)).to.equal(true);
  });

  it('a malformed file reference is refused (no bytes inline, a 64-hex hash, nothing unknown)', () => {
    for (const bad of [
      { ...file, sha256: 'xyz' },
      { ...file, data: 'base64…' },
      { ...file, size: -1 },
      { name: 'a.jpg', type: MIME.jpeg, size: 1, sha256: 'ab'.repeat(32) },
    ]) {
      expect(rectificationLedger(item([{ title: 't', file: bad }])), JSON.stringify(bad)).to.equal(false);
    }
  });
});
