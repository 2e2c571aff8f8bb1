// Test-server middleware (koa, @web/test-runner) for the attachment stores' tests:
// - /__att/api/files/…  an in-memory stand-in of the reference back end's files API (the same
//   protocol as server/files.js: create upload, PUT chunks with Content-Range, HEAD to resume,
//   dedup by SHA-256 and id), with counters and fault injection;
// - /__oa/…  a typical OA upload API: multipart POST → {code: 0, data: {fileId, url}}.
// Control: POST /__att/control {reset} | {failPuts: n} (503 before taking the chunk) |
// {loseAnswers: n} (take the chunk, then cut the connection) | {loseAt: offset} (the same, once,
// for the chunk starting there) | {failAt: offset} (503 for the chunk starting there, once) |
// {failOa: n}; GET /__att/stats.
import { createHash, randomBytes } from 'node:crypto';

const fresh = () => ({
  files: new Map(), // id → {ref, bytes}
  uploads: new Map(), // uploadId → {ref, chunks: Buffer[], received, done}
  stats: { creates: 0, dedups: 0, puts: 0, acceptedBytes: 0, completions: 0, heads: 0, oaUploads: 0, bySha: {} },
  faults: { failPuts: 0, loseAnswers: 0, failOa: 0, loseAt: -1, failAt: -1 },
  oa: new Map(), // fileId → {bytes, type, name, sha256}
});
let state = fresh();

async function readBody(req) {
  const parts = [];
  for await (const c of req) parts.push(c);
  return Buffer.concat(parts);
}

const sha = (b) => createHash('sha256').update(b).digest('hex');
const json = (ctx, status, body) => {
  ctx.status = status;
  ctx.type = 'application/json';
  ctx.body = JSON.stringify(body);
};

/** @type {import('koa').Middleware} */
export async function attachmentsStub(ctx, next) {
  const p = ctx.path;
  if (!p.startsWith('/__att/') && !p.startsWith('/__oa/')) return next();

  if (p === '/__att/control' && ctx.method === 'POST') {
    const b = JSON.parse((await readBody(ctx.req)).toString('utf8') || '{}');
    if (b.reset) state = fresh();
    for (const k of ['failPuts', 'loseAnswers', 'failOa', 'loseAt', 'failAt']) if (typeof b[k] === 'number') state.faults[k] = b[k];
    return json(ctx, 200, { ok: true });
  }
  if (p === '/__att/stats') return json(ctx, 200, { ...state.stats, stored: state.files.size, oaStored: state.oa.size });

  // ---------------------------------------------------------------- the files API
  if (p === '/__att/api/files/uploads' && ctx.method === 'POST') {
    if (!/^application\/json/.test(ctx.get('content-type'))) return json(ctx, 415, { error: 'json-only' });
    const b = JSON.parse((await readBody(ctx.req)).toString('utf8'));
    if (b.id && state.files.has(b.id)) {
      const f = state.files.get(b.id);
      if (f.ref.sha256 !== b.sha256) return json(ctx, 409, { error: 'id-taken' });
      state.stats.dedups++;
      return json(ctx, 200, { ref: f.ref });
    }
    const same = [...state.files.values()].find((f) => f.ref.sha256 === b.sha256);
    if (same) {
      const ref = { id: b.id ?? randomBytes(8).toString('hex'), name: b.name, type: same.ref.type, size: same.ref.size, sha256: b.sha256 };
      state.files.set(ref.id, { ref, bytes: same.bytes });
      state.stats.dedups++;
      return json(ctx, 200, { ref });
    }
    if (b.name.endsWith('.exe')) {
      state.stats.refusals = (state.stats.refusals ?? 0) + 1;
      return json(ctx, 415, { error: 'type' });
    }
    const uploadId = randomBytes(16).toString('hex');
    state.uploads.set(uploadId, { ref: { id: b.id ?? randomBytes(8).toString('hex'), name: b.name, type: b.type, size: b.size, sha256: b.sha256 }, chunks: [], received: 0, done: false });
    state.stats.creates++;
    return json(ctx, 201, { uploadId, offset: 0, chunkSize: 1024 * 1024 });
  }
  let m = /^\/__att\/api\/files\/uploads\/([0-9a-f]+)$/.exec(p);
  if (m) {
    const u = state.uploads.get(m[1]);
    if (!u) return json(ctx, 404, { error: 'not-found' });
    if (ctx.method === 'HEAD' || ctx.method === 'GET') {
      state.stats.heads++;
      ctx.set('Upload-Offset', String(u.received));
      return json(ctx, 200, { offset: u.received });
    }
    if (ctx.method === 'PUT') {
      state.stats.puts++;
      const body = await readBody(ctx.req);
      if (state.faults.failPuts > 0) {
        state.faults.failPuts--;
        return json(ctx, 503, { error: 'unavailable' });
      }
      if (u.done) return json(ctx, 201, { ref: u.ref });
      const r = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(ctx.get('content-range'));
      if (r && Number(r[1]) === state.faults.failAt) {
        state.faults.failAt = -1;
        return json(ctx, 503, { error: 'unavailable' });
      }
      if (!r || Number(r[2]) - Number(r[1]) + 1 !== body.length || Number(r[3]) !== u.ref.size) return json(ctx, 400, { error: 'bad-range' });
      if (Number(r[1]) !== u.received) {
        ctx.set('Upload-Offset', String(u.received));
        return json(ctx, 409, { error: 'offset', offset: u.received });
      }
      u.chunks.push(body);
      u.received += body.length;
      state.stats.acceptedBytes += body.length;
      let answer = [200, { offset: u.received }];
      if (u.received === u.ref.size) {
        const bytes = Buffer.concat(u.chunks);
        if (sha(bytes) !== u.ref.sha256) return json(ctx, 422, { error: 'hash' });
        u.done = true;
        state.files.set(u.ref.id, { ref: u.ref, bytes });
        state.stats.completions++;
        state.stats.bySha[u.ref.sha256] = (state.stats.bySha[u.ref.sha256] ?? 0) + 1;
        answer = [201, { ref: u.ref }];
      }
      const start = Number(r[1]);
      if (state.faults.loseAnswers > 0 || state.faults.loseAt === start) {
        if (state.faults.loseAt === start) state.faults.loseAt = -1;
        else state.faults.loseAnswers--;
        ctx.req.socket.destroy();
        ctx.respond = false;
        return;
      }
      return json(ctx, ...answer);
    }
  }
  m = /^\/__att\/api\/files\/([^/]+)$/.exec(p);
  if (m) {
    const f = state.files.get(decodeURIComponent(m[1]));
    if (ctx.method === 'GET') {
      if (!f) return json(ctx, 404, { error: 'not-found' });
      ctx.type = f.ref.type;
      ctx.body = f.bytes;
      return;
    }
    if (ctx.method === 'DELETE') {
      if (!f) return json(ctx, 404, { error: 'not-found' });
      state.files.delete(f.ref.id);
      ctx.status = 204;
      return;
    }
  }

  // ------------------------------------------------------------------ the OA API
  if (p === '/__oa/upload' && ctx.method === 'POST') {
    const body = await readBody(ctx.req);
    if (state.faults.failOa > 0) {
      state.faults.failOa--;
      return json(ctx, 200, { code: 500, msg: '系统繁忙' });
    }
    const form = await new Response(body, { headers: { 'content-type': ctx.get('content-type') } }).formData();
    const file = form.get('file');
    if (!file || typeof file === 'string') return json(ctx, 200, { code: 400, msg: '缺少文件' });
    const bytes = Buffer.from(await file.arrayBuffer());
    state.stats.oaUploads++;
    const fileId = `OA${String(state.oa.size + 1).padStart(6, '0')}`;
    state.oa.set(fileId, { bytes, type: file.type, name: file.name, sha256: String(form.get('sha256') ?? '') });
    return json(ctx, 200, { code: 0, msg: 'ok', data: { fileId, url: `/__oa/file/${fileId}` } });
  }
  m = /^\/__oa\/file\/([A-Za-z0-9]+)$/.exec(p);
  if (m) {
    const f = state.oa.get(m[1]);
    if (!f) return json(ctx, 404, { code: 404 });
    if (ctx.method === 'DELETE') {
      state.oa.delete(m[1]);
      return json(ctx, 200, { code: 0 });
    }
    ctx.type = f.type || 'application/octet-stream';
    ctx.body = f.bytes;
    return;
  }
  return next();
}
