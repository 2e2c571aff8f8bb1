// @ts-check
/**
 * Evidence files through a real HTTP server on 127.0.0.1 (ephemeral port): PGlite in memory, or
 * PostgreSQL when DATABASE_URL is set. Run: node --test server/test/   (needs dist/core.js)
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { serve } from '@hono/node-server';
import { openDatabase, migrate } from '../db.js';
import { createApp, CSP } from '../app.js';
import { trustedHeaderIdentity } from '../identity.js';
import { demoLedger } from '../seed.js';

const DATABASE_URL = process.env.DATABASE_URL || undefined;
const RUN = randomBytes(4).toString('hex');
const MINE = `f-${RUN}-mine`;
const OTHER = `f-${RUN}-other`;
const UNIT = `某乡人民政府-${RUN}`;
const UNIT2 = `某镇人民政府-${RUN}`;

/** @type {Record<string, import('../identity.js').User>} */
const USERS = {
  clerk: { id: `clerk-${RUN}`, name: '李四', role: 'unit', unit: UNIT },
  clerk2: { id: `clerk2-${RUN}`, name: '钱七', role: 'unit', unit: UNIT2 },
  office: { id: `office-${RUN}`, name: '王五', role: 'office' },
  viewer: { id: `viewer-${RUN}`, name: '赵六', role: 'viewer' },
};

/** @type {import('../db.js').Database} */
let db;
/** @type {ReturnType<typeof createApp>} */
let made;
/** @type {import('node:net').Server} */
let server;
let base = '';

before(async () => {
  db = await openDatabase({ databaseUrl: DATABASE_URL });
  await migrate(db);
  made = createApp({
    db,
    identity: trustedHeaderIdentity({ header: 'x-test-user', lookup: (id) => USERS[id] ?? null }),
    today: () => '2026-12-01',
    files: { maxSize: 3 * 1024 * 1024 },
  });
  const system = { id: 'system', name: 'system', role: 'system' };
  await made.store.createLedger(MINE, demoLedger(UNIT), system, 'seed');
  await made.store.createLedger(OTHER, demoLedger(UNIT2), system, 'seed');
  server = await new Promise((resolve) => {
    const s = /** @type {any} */ (serve({ fetch: made.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s)));
  });
  base = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}`;
});

after(async () => {
  await new Promise((r) => server?.close(() => r(undefined)));
  await /** @type {any} */ (made)?.close?.();
  await db?.close();
});

/**
 * @param {string} user @param {string} method @param {string} url
 * @param {{ json?: unknown, bytes?: Uint8Array, headers?: Record<string, string> }} [o]
 */
async function req(user, method, url, o = {}) {
  /** @type {Record<string, string>} */
  const headers = { 'x-test-user': user, ...(o.headers ?? {}) };
  /** @type {BodyInit | undefined} */
  let body;
  if (o.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(o.json);
  } else if (o.bytes) {
    headers['content-type'] ??= 'application/octet-stream';
    body = /** @type {BodyInit} */ (/** @type {unknown} */ (o.bytes));
  }
  const res = await fetch(base + url, { method, headers, body });
  const buf = Buffer.from(await res.arrayBuffer());
  let json = null;
  if ((res.headers.get('content-type') ?? '').includes('json') && buf.length) json = JSON.parse(buf.toString('utf8'));
  return { status: res.status, headers: res.headers, json, bytes: buf };
}

const sha = (/** @type {Uint8Array} */ b) => createHash('sha256').update(b).digest('hex');
const JPEG = () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]), Buffer.from('JFIF\0'), randomBytes(3000), Buffer.from([0xff, 0xd9])]);
const PDF = (n = 2000) => Buffer.concat([Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'), randomBytes(n), Buffer.from('\n%%EOF\n')]);

/**
 * Upload a file whole, in chunks of `chunk` bytes. Returns the last answer.
 * @param {string} user @param {string} name @param {Buffer} bytes @param {{ type?: string, chunk?: number, ledgerId?: string, id?: string }} [o]
 */
async function upload(user, name, bytes, o = {}) {
  const created = await req(user, 'POST', '/api/files/uploads', { json: { name, type: o.type ?? 'application/octet-stream', size: bytes.length, sha256: sha(bytes), ...(o.ledgerId ? { ledgerId: o.ledgerId } : {}), ...(o.id ? { id: o.id } : {}) } });
  if (created.status !== 201) return created;
  const chunk = o.chunk ?? 1024 * 1024;
  let offset = created.json.offset;
  /** @type {Awaited<ReturnType<typeof req>>} */
  let last = created;
  while (offset < bytes.length) {
    const piece = bytes.subarray(offset, offset + chunk);
    last = await req(user, 'PUT', `/api/files/uploads/${created.json.uploadId}`, { bytes: piece, headers: { 'content-range': `bytes ${offset}-${offset + piece.length - 1}/${bytes.length}` } });
    if (last.status >= 300) return last;
    offset += piece.length;
  }
  return last;
}

const countRows = async (/** @type {string} */ table, /** @type {string} */ where = 'true', /** @type {unknown[]} */ params = []) =>
  Number((await db.query(`select count(*)::int as n from ${table} where ${where}`, params)).rows[0]?.n);
const audit = async () => (await made.store.auditRows()).filter((a) => Object.values(USERS).some((u) => u.id === a.user_id));

test('a photo is uploaded in chunks, downloaded inline with its exact bytes, safe headers, and audited', async () => {
  const bytes = JPEG();
  const r = await upload('clerk', '整改现场.jpg', bytes, { chunk: 1000 });
  assert.equal(r.status, 201, JSON.stringify(r.json));
  assert.deepEqual(Object.keys(r.json.ref).sort(), ['id', 'name', 'sha256', 'size', 'type']);
  assert.equal(r.json.ref.type, 'image/jpeg');
  assert.equal(r.json.ref.sha256, sha(bytes));
  const got = await req('clerk', 'GET', `/api/files/${r.json.ref.id}`);
  assert.equal(got.status, 200);
  assert.ok(got.bytes.equals(bytes));
  assert.equal(got.headers.get('content-type'), 'image/jpeg');
  assert.match(got.headers.get('content-disposition') ?? '', /^inline; /);
  assert.equal(got.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(got.headers.get('content-security-policy'), CSP);
  const rows = await audit();
  assert.ok(rows.some((a) => a.user_id === USERS.clerk.id && a.action === 'upload-file' && a.outcome === 'accepted' && a.target === `file:${r.json.ref.id}`));
  assert.ok(rows.some((a) => a.user_id === USERS.clerk.id && a.action === 'download-file' && a.outcome === 'accepted'));
  // A PDF is never shown inline.
  const pdf = await upload('office', 'report.pdf', PDF());
  const dl = await req('viewer', 'GET', `/api/files/${pdf.json.ref.id}`);
  assert.equal(dl.status, 200, 'a viewer reads');
  assert.match(dl.headers.get('content-disposition') ?? '', /^attachment; /);
});

test('oversized and forbidden types are refused with nothing stored, and audited', async () => {
  const blobs = await countRows('file_blobs');
  const files = await countRows('files');
  const big = await req('clerk', 'POST', '/api/files/uploads', { json: { name: 'big.pdf', type: 'application/pdf', size: 3 * 1024 * 1024 + 1, sha256: 'a'.repeat(64) } });
  assert.equal(big.status, 413);
  assert.equal(big.json.error, 'size');
  const exe = await upload('clerk', 'tool.exe', Buffer.concat([Buffer.from('MZ'), randomBytes(500)]));
  assert.equal(exe.status, 415);
  assert.equal(exe.json.error, 'type');
  const zip = await upload('clerk', 'archive.zip', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('readme.txt'), randomBytes(200)]));
  assert.equal(zip.status, 415, 'a ZIP that is no Word or Excel file');
  // A `.jpg` that is an HTML page, sent as image/jpeg.
  const html = Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>');
  const fake = await upload('clerk', 'photo.jpg', html, { type: 'image/jpeg' });
  assert.equal(fake.status, 415);
  const svg = await upload('clerk', 'logo.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), { type: 'image/svg+xml' });
  assert.equal(svg.status, 415, 'SVG can carry script');
  const named = await upload('clerk', 'scan.pdf', JPEG());
  assert.equal(named.status, 415, 'bytes of another type than the name says');
  assert.equal(await countRows('file_blobs'), blobs, 'no bytes kept');
  assert.equal(await countRows('files'), files, 'no file row');
  assert.equal(await countRows('file_upload_chunks'), 0, 'no chunk left');
  const refusals = (await audit()).filter((a) => a.action === 'upload-file' && a.outcome === 'refused');
  assert.ok(refusals.length >= 6, `refusals audited: ${refusals.length}`);
  const viewer = await req('viewer', 'POST', '/api/files/uploads', { json: { name: 'a.pdf', type: 'application/pdf', size: 10, sha256: 'b'.repeat(64) } });
  assert.equal(viewer.status, 403, 'a viewer does not upload');
});

test("another unit's file is not found (download and delete), the office and the own unit read it", async () => {
  const bytes = PDF();
  const r = await upload('clerk', '会议纪要.pdf', bytes, { ledgerId: MINE });
  assert.equal(r.status, 201);
  const id = r.json.ref.id;
  assert.equal((await req('clerk2', 'GET', `/api/files/${id}`)).status, 404);
  assert.equal((await req('clerk2', 'DELETE', `/api/files/${id}`)).status, 404);
  assert.equal((await req('office', 'GET', `/api/files/${id}`)).status, 200);
  assert.equal((await req('viewer', 'DELETE', `/api/files/${id}`)).status, 403);
  // Uploading against another unit's ledger is refused too.
  const wrong = await upload('clerk2', 'x.pdf', PDF(), { ledgerId: MINE });
  assert.equal(wrong.status, 404);
  // A file the office attaches to a unit's ledger is that unit's to read.
  const office = await upload('office', '反馈意见.pdf', PDF(), { ledgerId: OTHER });
  assert.equal((await req('clerk2', 'GET', `/api/files/${office.json.ref.id}`)).status, 200);
  assert.equal((await req('clerk', 'GET', `/api/files/${office.json.ref.id}`)).status, 404);
  const refused = (await audit()).filter((a) => a.user_id === USERS.clerk2.id && a.action === 'download-file' && a.outcome === 'refused');
  assert.equal(refused.length, 1);
  assert.equal((await req('clerk', 'DELETE', `/api/files/${id}`)).status, 204);
  assert.equal((await req('clerk', 'GET', `/api/files/${id}`)).status, 404);
});

test("a file the office attaches to a unit's ledger item (no ledgerId sent) is readable by that unit, not by others", async () => {
  const bytes = PDF();
  const r = await upload('office', '整改通知.pdf', bytes);
  assert.equal(r.status, 201, JSON.stringify(r.json));
  const ref = r.json.ref;
  assert.equal((await req('clerk2', 'GET', `/api/files/${ref.id}`)).status, 404, 'not referenced yet: not the unit\'s');
  // The office saves the reference into an item of UNIT2's ledger.
  const item = (await db.query('select item_id from ledger_items where ledger_id = $1 order by position limit 1', [OTHER])).rows[0].item_id;
  await db.query("update ledger_items set data = jsonb_set(data, '{evidence}', coalesce(data->'evidence', '[]'::jsonb) || $3::jsonb) where ledger_id = $1 and item_id = $2", [
    OTHER, item, JSON.stringify([{ title: '整改通知', file: ref }]),
  ]);
  const got = await req('clerk2', 'GET', `/api/files/${ref.id}`);
  assert.equal(got.status, 200, 'the unit of the ledger reads the file its item refers to');
  assert.ok(got.bytes.equals(bytes));
  assert.equal((await req('clerk', 'GET', `/api/files/${ref.id}`)).status, 404, 'another unit still does not');
  assert.equal((await req('clerk2', 'DELETE', `/api/files/${ref.id}`)).status, 404, 'reading is not owning: the unit does not delete it');
  // A reference written with the id but not the bytes' hash grants nothing.
  const secret = await upload('office', '内部.pdf', PDF());
  await db.query("update ledger_items set data = jsonb_set(data, '{evidence}', coalesce(data->'evidence', '[]'::jsonb) || $3::jsonb) where ledger_id = $1 and item_id = $2", [
    MINE, (await db.query('select item_id from ledger_items where ledger_id = $1 order by position limit 1', [MINE])).rows[0].item_id,
    JSON.stringify([{ title: 'x', file: { ...secret.json.ref, sha256: 'c'.repeat(64) } }]),
  ]);
  assert.equal((await req('clerk', 'GET', `/api/files/${secret.json.ref.id}`)).status, 404);
});

test("an upload proposing the id of another unit's file does not tell that the file exists", async () => {
  const theirs = await upload('clerk', '机密.pdf', PDF());
  assert.equal(theirs.status, 201);
  const id = theirs.json.ref.id;
  const bytes = PDF();
  for (const probe of [bytes, Buffer.from(PDF())]) {
    const taken = await req('clerk2', 'POST', '/api/files/uploads', { json: { name: 'x.pdf', type: 'application/pdf', size: probe.length, sha256: sha(probe), id } });
    const fresh = await req('clerk2', 'POST', '/api/files/uploads', { json: { name: 'x.pdf', type: 'application/pdf', size: probe.length, sha256: sha(probe), id: `free-${RUN}-${randomBytes(4).toString('hex')}` } });
    assert.equal(taken.status, fresh.status, 'the same answer as for an id nobody has');
    assert.deepEqual(Object.keys(taken.json).sort(), Object.keys(fresh.json).sort());
  }
  // The upload goes through under an id of the server's, and the other unit's file is untouched.
  const mine = await upload('clerk2', '我的.pdf', bytes, { id });
  assert.equal(mine.status, 201, JSON.stringify(mine.json));
  assert.notEqual(mine.json.ref.id, id);
  assert.equal((await req('clerk', 'GET', `/api/files/${id}`)).status, 200);
  assert.equal((await req('clerk2', 'GET', `/api/files/${mine.json.ref.id}`)).status, 200);
  // Within the unit a clash is still a clash.
  const own = await req('clerk', 'POST', '/api/files/uploads', { json: { name: 'y.pdf', type: 'application/pdf', size: bytes.length, sha256: sha(bytes), id } });
  assert.equal(own.status, 409);
});

test('hostile names are stored as data and sent back safely in Content-Disposition', async () => {
  const names = ['<script>alert(1)</script>.pdf', 'invoice\u202Efdp.exe.pdf', '../../etc/passwd.pdf', `${'长'.repeat(500)}.pdf`, 'a"b;\r\nSet-Cookie: x=1.pdf'];
  for (const name of names) {
    const r = await upload('clerk', name, PDF(100));
    assert.equal(r.status, 201, name);
    assert.equal(r.json.ref.name, name, 'the name is kept as it was given');
    const got = await req('clerk', 'GET', `/api/files/${r.json.ref.id}`);
    assert.equal(got.status, 200);
    const cd = got.headers.get('content-disposition') ?? '';
    assert.match(cd, /^attachment; filename="[A-Za-z0-9._ -]*"; filename\*=UTF-8''[A-Za-z0-9%._~!-]*$/, cd);
    assert.ok(!/[\r\n"\\/]/.test(decodeURIComponent(cd.split("UTF-8''")[1] ?? '')), cd);
    assert.ok(!/\u202e/i.test(decodeURIComponent(cd.split("UTF-8''")[1] ?? '')));
    assert.equal(got.headers.get('set-cookie'), null);
  }
  const stored = await db.query('select name from files where name like $1', ['%etc/passwd%']);
  assert.equal(stored.rows[0]?.name, '../../etc/passwd.pdf');
});

test('a resumable upload resumes after an interrupted chunk (HEAD tells where), and a wrong offset is refused', async () => {
  const bytes = PDF(2 * 1024 * 1024 + 123);
  const created = await req('clerk', 'POST', '/api/files/uploads', { json: { name: '大文件.pdf', type: 'application/pdf', size: bytes.length, sha256: sha(bytes) } });
  assert.equal(created.status, 201);
  const url = `/api/files/uploads/${created.json.uploadId}`;
  const MiB = 1024 * 1024;
  const put = (/** @type {number} */ a, /** @type {number} */ b) => req('clerk', 'PUT', url, { bytes: bytes.subarray(a, b), headers: { 'content-range': `bytes ${a}-${b - 1}/${bytes.length}` } });
  assert.deepEqual((await put(0, MiB)).json, { offset: MiB });
  // The second chunk is cut off on the way: the client sends a range its body does not fill.
  const cut = await req('clerk', 'PUT', url, { bytes: bytes.subarray(MiB, MiB + 1000), headers: { 'content-range': `bytes ${MiB}-${2 * MiB - 1}/${bytes.length}` } });
  assert.equal(cut.status, 400);
  const head = await req('clerk', 'HEAD', url);
  assert.equal(head.headers.get('upload-offset'), String(MiB));
  const skip = await put(2 * MiB, bytes.length);
  assert.equal(skip.status, 409, 'a chunk that skips ahead');
  assert.equal(skip.json.offset, MiB);
  assert.equal((await req('clerk2', 'HEAD', url)).status, 404, "another user's upload is not found");
  assert.deepEqual((await put(MiB, 2 * MiB)).json, { offset: 2 * MiB });
  const done = await put(2 * MiB, bytes.length);
  assert.equal(done.status, 201);
  assert.equal(done.json.ref.sha256, sha(bytes));
  const again = await put(2 * MiB, bytes.length);
  assert.deepEqual(again.json, done.json, 'the last chunk sent twice answers the same reference');
  assert.ok((await req('clerk', 'GET', `/api/files/${done.json.ref.id}`)).bytes.equals(bytes));
  const tooBig = await req('clerk', 'POST', '/api/files/uploads', { json: { name: 'x.pdf', type: 'application/pdf', size: 5, sha256: sha(Buffer.from('12345')) } });
  const wrongType = await req('clerk', 'PUT', `/api/files/uploads/${tooBig.json.uploadId}`, { bytes: Buffer.from('12345'), headers: { 'content-type': 'text/plain', 'content-range': 'bytes 0-4/5' } });
  assert.equal(wrongType.status, 415, 'chunks are application/octet-stream only');
});

test('an upload whose last chunk was stored but not finished (the server stopped) is finished by the next request', async () => {
  const bytes = PDF(3000);
  const created = await req('clerk', 'POST', '/api/files/uploads', { json: { name: '中断.pdf', type: 'application/pdf', size: bytes.length, sha256: sha(bytes) } });
  // As if the server stopped between keeping the last chunk and finishing the upload.
  await db.query('insert into file_upload_chunks (upload_id, start_at, data) values ($1, 0, $2)', [created.json.uploadId, bytes]);
  await db.query('update file_uploads set received = $2 where id = $1', [created.json.uploadId, bytes.length]);
  const url = `/api/files/uploads/${created.json.uploadId}`;
  assert.equal((await req('clerk', 'HEAD', url)).headers.get('upload-offset'), String(bytes.length));
  // The client resumes at the end: an empty chunk.
  const r = await req('clerk', 'PUT', url, { bytes: new Uint8Array(0), headers: { 'content-range': `bytes ${bytes.length}-${bytes.length - 1}/${bytes.length}` } });
  assert.equal(r.status, 201, JSON.stringify(r.json));
  assert.equal(r.json.ref.sha256, sha(bytes));
  assert.ok((await req('clerk', 'GET', `/api/files/${r.json.ref.id}`)).bytes.equals(bytes));
});

test('an upload left unfinished for a day is given up, its chunks with it', async () => {
  const bytes = PDF(3000);
  const created = await req('clerk', 'POST', '/api/files/uploads', { json: { name: '半途.pdf', type: 'application/pdf', size: bytes.length, sha256: sha(bytes) } });
  const url = `/api/files/uploads/${created.json.uploadId}`;
  await req('clerk', 'PUT', url, { bytes: bytes.subarray(0, 1000), headers: { 'content-range': `bytes 0-999/${bytes.length}` } });
  assert.equal(await countRows('file_upload_chunks', 'upload_id = $1', [created.json.uploadId]), 1);
  await db.query("update file_uploads set created_at = now() - interval '25 hours' where id = $1", [created.json.uploadId]);
  const next = PDF(10);
  assert.equal((await req('clerk', 'POST', '/api/files/uploads', { json: { name: 'n.pdf', type: 'application/pdf', size: next.length, sha256: sha(next) } })).status, 201);
  assert.equal((await req('clerk', 'HEAD', url)).status, 404);
  assert.equal(await countRows('file_upload_chunks', 'upload_id = $1', [created.json.uploadId]), 0);
});

test('bytes that do not hash to the announced SHA-256 are refused', async () => {
  const bytes = PDF(500);
  const created = await req('clerk', 'POST', '/api/files/uploads', { json: { name: 'a.pdf', type: 'application/pdf', size: bytes.length, sha256: sha(Buffer.from('other')) } });
  const r = await req('clerk', 'PUT', `/api/files/uploads/${created.json.uploadId}`, { bytes, headers: { 'content-range': `bytes 0-${bytes.length - 1}/${bytes.length}` } });
  assert.equal(r.status, 422);
  assert.equal(r.json.error, 'hash');
});

test('the same file twice is stored once; the second upload sends no bytes', async () => {
  const bytes = PDF(4000);
  const blobs = await countRows('file_blobs');
  const first = await upload('clerk', '制度文件.pdf', bytes);
  assert.equal(first.status, 201);
  const second = await req('clerk', 'POST', '/api/files/uploads', { json: { name: '制度文件.pdf', type: 'application/pdf', size: bytes.length, sha256: sha(bytes) } });
  assert.equal(second.status, 200, 'the server has it already');
  assert.deepEqual(second.json.ref, first.json.ref);
  const renamed = await req('clerk', 'POST', '/api/files/uploads', { json: { name: '制度文件（副本）.pdf', type: 'application/pdf', size: bytes.length, sha256: sha(bytes) } });
  assert.equal(renamed.status, 200);
  assert.notEqual(renamed.json.ref.id, first.json.ref.id);
  assert.equal(renamed.json.ref.name, '制度文件（副本）.pdf');
  // Another unit does not learn that the bytes exist: it uploads them (stored once all the same).
  const other = await upload('clerk2', '制度文件.pdf', bytes);
  assert.equal(other.status, 201);
  assert.equal(await countRows('file_blobs'), blobs + 1);
  assert.equal(await countRows('file_blobs', 'sha256 = $1', [sha(bytes)]), 1);
  // A client-chosen id is idempotent: asking again answers the same reference.
  const id = `c-${RUN}-1`;
  const withId = await upload('clerk', 'p.pdf', PDF(10), { id });
  assert.equal(withId.status, 201);
  assert.equal(withId.json.ref.id, id);
  const replay = await req('clerk', 'POST', '/api/files/uploads', { json: { name: 'p.pdf', type: 'application/pdf', size: withId.json.ref.size, sha256: withId.json.ref.sha256, id } });
  assert.equal(replay.status, 200);
  assert.deepEqual(replay.json.ref, withId.json.ref);
  // Another unit proposing that id is not told it is taken: its upload starts under a new id.
  const squat = await req('clerk2', 'POST', '/api/files/uploads', { json: { name: 'p.pdf', type: 'application/pdf', size: 3, sha256: 'c'.repeat(64), id } });
  assert.equal(squat.status, 201);
});
