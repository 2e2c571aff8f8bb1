import { expect } from '@open-wc/testing';
import { AttachmentError, type AttachmentRef } from '../../src/core/attachment-types.js';
import { attachmentSha256, MIME } from '../../src/core/attachments.js';
import {
  adapterAttachments,
  httpAttachments,
  indexedDbAttachments,
  localFirstAttachments,
  type LocalFirstAttachments,
} from '../../src/attachments/stores/index.js';

// The test server's stand-ins (tests/support/attachments-stub.mjs).
const API = '/__att/api';
const control = (body: object) => fetch('/__att/control', { method: 'POST', body: JSON.stringify(body) });
interface Stats {
  creates: number;
  dedups: number;
  puts: number;
  acceptedBytes: number;
  completions: number;
  heads: number;
  oaUploads: number;
  stored: number;
  oaStored: number;
  bySha: Record<string, number>;
}
const stats = async (): Promise<Stats> => (await fetch('/__att/stats')).json();

let seed = 1;
/** A PDF-looking file of `n` bytes, different every time. */
function pdf(n: number, name = `scan-${seed}.pdf`): File {
  const b = new Uint8Array(n);
  b.set(new TextEncoder().encode('%PDF-1.7\n'));
  let x = seed++ * 7919;
  for (let i = 9; i < n; i++) b[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
  return new File([b], name, { type: 'application/pdf' });
}
const same = async (a: Blob | null, b: Blob) => !!a && a.size === b.size && (await attachmentSha256(a)) === (await attachmentSha256(b));
const dbName = () => `xc-att-test-${Math.random().toString(36).slice(2)}`;
const until = async (cond: () => boolean | Promise<boolean>, ms = 8000) => {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

beforeEach(async () => {
  await control({ reset: true });
});

describe('indexedDbAttachments', () => {
  it('keeps the bytes with their reference (hash and type from the bytes), lists them as pending, forgets them', async () => {
    const store = indexedDbAttachments({ dbName: dbName() });
    const file = pdf(5000, '会议纪要.pdf');
    const ref = await store.put(file, { name: file.name, type: 'application/octet-stream' });
    expect(ref.type).to.equal(MIME.pdf, 'the type comes from the bytes');
    expect(ref.sha256).to.equal(await attachmentSha256(file));
    expect(ref.size).to.equal(5000);
    expect(await same(await store.get(ref), file)).to.equal(true);
    expect(await store.state(ref)).to.equal('local');
    expect((await store.pending!()).map((r) => r.id)).to.deep.equal([ref.id]);
    await store.setState(ref, 'stored');
    expect(await store.pending!()).to.deep.equal([]);
    await store.remove(ref);
    expect(await store.get(ref)).to.equal(null);
    store.close();
  });

  it('refuses a .jpg that is an HTML page, keeping nothing', async () => {
    const store = indexedDbAttachments({ dbName: dbName() });
    const html = new File(['<!doctype html><script>alert(1)</script>'], 'photo.jpg', { type: 'image/jpeg' });
    const err = await store.put(html, { name: html.name, type: html.type }).catch((e: unknown) => e);
    expect(err).to.be.instanceOf(AttachmentError);
    expect((err as AttachmentError).code).to.equal('type');
    expect(await store.pending!()).to.deep.equal([]);
    store.close();
  });

  it('a full disk rejects with AttachmentError("quota") and leaves nothing half-kept', async () => {
    const store = indexedDbAttachments({ dbName: dbName() });
    const kept = await store.put(pdf(100), { name: 'kept.pdf', type: MIME.pdf });
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'files') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
    let err: unknown;
    try {
      err = await store.put(pdf(100), { name: 'big.pdf', type: MIME.pdf }).catch((e: unknown) => e);
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(err).to.be.instanceOf(AttachmentError);
    expect((err as AttachmentError).code).to.equal('quota');
    expect((await store.pending!()).map((r) => r.id)).to.deep.equal([kept.id], 'only the earlier file is there');
    store.close();
  });
});

describe('httpAttachments', () => {
  it('uploads in chunks of 1 MiB with Content-Range, downloads and removes', async () => {
    const store = httpAttachments({ baseUrl: API, csrf: () => 'token' });
    const file = pdf(2.5 * 1024 * 1024);
    const ref = await store.put(file, { name: file.name, type: file.type });
    const s = await stats();
    expect(s).to.include({ creates: 1, puts: 3, completions: 1, acceptedBytes: file.size });
    expect(ref).to.include({ name: file.name, type: MIME.pdf, size: file.size, sha256: await attachmentSha256(file) });
    expect(await same(await store.get(ref), file)).to.equal(true);
    await store.remove(ref);
    expect(await store.get(ref)).to.equal(null);
  });

  it('sends no bytes for a file the server has already', async () => {
    const store = httpAttachments({ baseUrl: API });
    const file = pdf(3000);
    const a = await store.put(file, { name: 'a.pdf', type: MIME.pdf });
    const b = await store.put(file, { name: 'b.pdf', type: MIME.pdf });
    expect(b.sha256).to.equal(a.sha256);
    expect(await stats()).to.include({ creates: 1, puts: 1, dedups: 1 });
  });

  it('resumes an interrupted upload where the server is (HEAD), sending no byte twice', async () => {
    const store = httpAttachments({ baseUrl: API });
    const file = pdf(2.5 * 1024 * 1024);
    const ref = { id: 'resume-1', name: file.name, type: MIME.pdf, size: file.size, sha256: await attachmentSha256(file) };
    // The second chunk fails on the way.
    await control({ failAt: 1024 * 1024 });
    let uploadId = '';
    const first = await store.upload(ref, file, { onSession: (id) => void (uploadId = id) }).catch((e: unknown) => e);
    expect(first).to.be.instanceOf(AttachmentError);
    expect(uploadId).to.not.equal('');
    expect((await stats()).acceptedBytes).to.equal(1024 * 1024);
    await store.upload(ref, file, { uploadId });
    const s = await stats();
    expect(s).to.include({ creates: 1, completions: 1, acceptedBytes: file.size });
    expect(s.heads).to.be.greaterThan(0);
    expect(await same(await store.get(ref as AttachmentRef), file)).to.equal(true);
  });

  it('a chunk the server took whose answer was lost is not sent again', async () => {
    const store = httpAttachments({ baseUrl: API });
    const file = pdf(2.5 * 1024 * 1024);
    await control({ loseAt: 1024 * 1024 });
    const ref = await store.put(file, { name: file.name, type: file.type });
    const s = await stats();
    expect(s).to.include({ creates: 1, completions: 1, acceptedBytes: file.size });
    expect(s.bySha[ref.sha256]).to.equal(1);
  });

  it('a refusal by the server is an AttachmentError with its code', async () => {
    const store = httpAttachments({ baseUrl: API });
    const file = pdf(100);
    const err = await store
      .upload({ id: 'x', name: 'tool.exe', type: 'application/octet-stream', size: 100, sha256: await attachmentSha256(file) }, file)
      .catch((e: unknown) => e);
    expect((err as AttachmentError).code).to.equal('type');
  });
});

describe('localFirstAttachments', () => {
  const remote = () => httpAttachments({ baseUrl: API });
  let stores: LocalFirstAttachments[] = [];
  afterEach(() => {
    for (const s of stores) s.close();
    stores = [];
  });
  const make = (o: Partial<Parameters<typeof localFirstAttachments>[0]> & { dbName: string }) => {
    const s = localFirstAttachments({ local: indexedDbAttachments({ dbName: o.dbName }), remote: remote(), lockName: o.dbName, ...o });
    stores.push(s);
    return s;
  };

  it('keeps files at once while offline, counts them, and uploads each exactly once when the network is back', async () => {
    let online = false;
    const events = new EventTarget();
    const name = dbName();
    const store = make({ dbName: name, online: () => online, events });
    const counts: number[] = [];
    store.addEventListener('change', () => counts.push(store.pendingCount));
    const files = [pdf(1000), pdf(1500 * 1024), pdf(2000)];
    const refs = [];
    for (const f of files) refs.push(await store.put(f, { name: f.name, type: f.type }));
    expect(store.pendingCount).to.equal(3);
    expect(counts).to.include(3);
    expect(await stats()).to.include({ creates: 0, puts: 0 });
    expect(await same(await store.get(refs[1]!), files[1]!), 'readable offline').to.equal(true);

    online = true;
    events.dispatchEvent(new Event('online'));
    await until(() => store.pendingCount === 0);
    const s = await stats();
    expect(s).to.include({ creates: 3, completions: 3, acceptedBytes: files.reduce((n, f) => n + f.size, 0) });
    for (const r of refs) expect(s.bySha[r.sha256]).to.equal(1);
    expect(s.stored).to.equal(3);
    // The server keeps the ids the records hold; the bytes left this browser and come from the server.
    expect(await same(await remote().get(refs[0]!), files[0]!)).to.equal(true);
    const local = indexedDbAttachments({ dbName: name });
    expect(await local.get(refs[0]!)).to.equal(null);
    local.close();
    expect(await same(await store.get(refs[2]!), files[2]!)).to.equal(true);
    await store.flush();
    expect((await stats()).creates, 'nothing is uploaded again').to.equal(3);
  });

  it('keepUploaded keeps the bytes here after the upload', async () => {
    const name = dbName();
    const store = make({ dbName: name, keepUploaded: true });
    const file = pdf(2000);
    const ref = await store.put(file, { name: file.name, type: file.type });
    await until(() => store.pendingCount === 0);
    const local = indexedDbAttachments({ dbName: name });
    expect(await same(await local.get(ref), file)).to.equal(true);
    expect(await local.state(ref)).to.equal('stored');
    local.close();
  });

  it('retries a failed upload after a backoff with jitter, by itself', async () => {
    await control({ failPuts: 2 });
    const randoms: number[] = [];
    const store = make({ dbName: dbName(), backoff: { baseMs: 40, maxMs: 200 }, random: () => (randoms.push(0.5), 0.5) });
    const file = pdf(4000);
    const ref = await store.put(file, { name: file.name, type: file.type });
    await until(async () => (await store.jobs()).some((j) => j.state === 'failed'));
    const failed = (await store.jobs())[0]!;
    expect(failed).to.include({ state: 'failed', attempts: 1, error: 'failed' });
    expect(failed.retryAt! - Date.now()).to.be.at.most(30);
    await until(() => store.pendingCount === 0);
    const job = (await store.jobs())[0]!;
    expect(job).to.include({ state: 'stored', attempts: 2 });
    expect(randoms.length).to.equal(2);
    expect((await stats()).bySha[ref.sha256]).to.equal(1);
  });

  it('resumes after a reload where the server is, from the queue kept in IndexedDB', async () => {
    const name = dbName();
    const file = pdf(2.5 * 1024 * 1024);
    // The first page: the second chunk fails, after the first one reached the server.
    await control({ failAt: 1024 * 1024 });
    const first = make({ dbName: name, backoff: { baseMs: 60_000 }, random: () => 0 });
    const ref = await first.put(file, { name: file.name, type: file.type });
    await until(async () => (await first.jobs())[0]?.state === 'failed');
    const cut = (await first.jobs())[0]!;
    expect(cut.uploadId).to.be.a('string');
    expect(first.pendingCount).to.equal(1);
    first.close();
    expect((await stats()).acceptedBytes).to.equal(1024 * 1024);

    // The page is opened again (a minute later): the upload continues from 1 MiB.
    const second = make({ dbName: name, now: () => Date.now() + 60_000 });
    await second.ready;
    expect(second.pendingCount).to.equal(0);
    const s = await stats();
    expect(s).to.include({ creates: 1, completions: 1, acceptedBytes: file.size });
    expect(s.heads).to.be.greaterThan(0);
    expect(s.bySha[ref.sha256]).to.equal(1);
  });

  it('two tabs on one queue upload each file once', async () => {
    const name = dbName();
    let online = false;
    const a = make({ dbName: name, online: () => online });
    const files = [pdf(300 * 1024), pdf(200 * 1024), pdf(1000)];
    for (const f of files) await a.put(f, { name: f.name, type: f.type });
    const b = make({ dbName: name, online: () => online });
    await b.ready;
    expect(b.pendingCount).to.equal(3);
    online = true;
    await Promise.all([a.flush(), b.flush(), a.flush()]);
    const s = await stats();
    expect(s.completions).to.equal(3);
    expect(s.creates).to.equal(3);
    expect(Object.values(s.bySha)).to.deep.equal([1, 1, 1]);
  });

  it('a file the server refuses is not retried by itself; retry() tries again', async () => {
    const store = make({ dbName: dbName(), backoff: { baseMs: 10 } });
    const file = pdf(500);
    await store.put(file, { name: 'tool.exe', type: MIME.pdf });
    await until(async () => (await store.jobs())[0]?.state === 'failed');
    await new Promise((r) => setTimeout(r, 100));
    const job = (await store.jobs())[0]!;
    expect(job).to.include({ state: 'failed', attempts: 1, error: 'type' });
    expect(job.retryAt).to.equal(undefined);
    expect(store).to.include({ pendingCount: 1, failedCount: 1 });
    expect((await stats() as Stats & { refusals: number }).refusals).to.equal(1);
    await store.retry();
    expect((await store.jobs())[0]).to.include({ attempts: 2, error: 'type' });
    expect((await stats() as Stats & { refusals: number }).refusals).to.equal(2);
  });
});

describe('adapterAttachments (a host OA upload API)', () => {
  /** The host's glue, as a portal would write it for its OA: multipart POST → {code: 0, data: {fileId, url}}. */
  const oa = () =>
    adapterAttachments({
      async upload(blob, meta) {
        const form = new FormData();
        form.append('file', blob, meta.name);
        form.append('sha256', meta.sha256);
        const res = await fetch('/__oa/upload', { method: 'POST', body: form });
        const body = (await res.json()) as { code: number; msg?: string; data?: { fileId: string; url: string } };
        if (body.code !== 0 || !body.data) throw new AttachmentError('failed', body.msg);
        return { id: body.data.fileId, url: body.data.url };
      },
      async download(ref) {
        const res = await fetch(`/__oa/file/${encodeURIComponent(ref.id)}`);
        return res.status === 404 ? null : res.blob();
      },
      async remove(ref) {
        await fetch(`/__oa/file/${encodeURIComponent(ref.id)}`, { method: 'DELETE' });
      },
    });

  it('uploads through the host function and the reference carries the service id', async () => {
    const store = oa();
    const file = pdf(7000, '整改报告.pdf');
    const ref = await store.put(file, { name: file.name, type: file.type });
    expect(ref.id).to.equal('OA000001');
    expect(ref).to.include({ name: '整改报告.pdf', type: MIME.pdf, size: 7000, sha256: await attachmentSha256(file) });
    expect(await same(await store.get(ref), file)).to.equal(true);
    await store.remove(ref);
    expect(await store.get(ref)).to.equal(null);
  });

  it('as the remote of a local-first store: a business error is retried, the service id is remembered', async () => {
    await control({ failOa: 1 });
    const store = localFirstAttachments({ local: indexedDbAttachments({ dbName: dbName() }), remote: oa(), backoff: { baseMs: 20, maxMs: 50 }, random: () => 0 });
    try {
      const file = pdf(900);
      const ref = await store.put(file, { name: file.name, type: file.type });
      await until(() => store.pendingCount === 0);
      const job = (await store.jobs())[0]!;
      expect(job).to.include({ state: 'stored', attempts: 1, remoteId: 'OA000001' });
      expect(ref.id).to.not.equal('OA000001', 'the record keeps the id it was given at once');
      expect((await stats()).oaUploads).to.equal(1);
      expect(await same(await oa().get({ ...ref, id: job.remoteId! }), file)).to.equal(true);
    } finally {
      store.close();
    }
  });
});

describe('httpAttachments against the reference back end (server/)', () => {
  // The test server boots the back end (PGlite, migrations) on the first request under /api.
  before(async function () {
    this.timeout(90_000);
    await fetch('/api/me');
  });

  it('a unit clerk uploads, reads back and removes a file; the server refuses bytes of another type', async () => {
    const login = await fetch('/api/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user: 'clerk', password: 'demo' }) });
    expect(login.status).to.equal(200);
    const store = httpAttachments({ baseUrl: '/api' });
    const file = pdf(1.2 * 1024 * 1024, '整改佐证.pdf');
    const ref = await store.put(file, { name: file.name, type: file.type });
    expect(ref).to.include({ name: '整改佐证.pdf', type: MIME.pdf, size: file.size });
    expect(await same(await store.get(ref), file)).to.equal(true);
    const again = await store.put(file, { name: file.name, type: file.type, id: ref.id });
    expect(again).to.deep.equal(ref);
    const html = new Blob(['<!doctype html><script>alert(1)</script>']);
    const err = await store.upload({ id: `h-${Date.now()}`, name: 'photo.jpg', type: 'image/jpeg', size: html.size, sha256: await attachmentSha256(html) }, html).catch((e: unknown) => e);
    expect((err as AttachmentError).code).to.equal('type');
    await store.remove(ref);
    expect(await store.get(ref)).to.equal(null);
  });
});
