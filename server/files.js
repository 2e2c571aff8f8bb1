// @ts-check
/**
 * Evidence files (附件) of the reference back end: resumable chunked uploads, bytes kept once per
 * SHA-256 in PostgreSQL, downloads that a browser cannot be tricked into running.
 *
 *   POST   /api/files/uploads        {name, type, size, sha256, ledgerId?, id?}
 *            → 201 {uploadId, offset, chunkSize}; 200 {ref} when this unit already has the bytes
 *   PUT    /api/files/uploads/:id    Content-Range: bytes a-b/total, raw bytes → {offset}; last → 201 {ref}
 *   HEAD   /api/files/uploads/:id    → Upload-Offset (where to resume); GET: {offset, size, complete} too
 *   GET    /api/files/:id            → the bytes (attachment; images inline)
 *   DELETE /api/files/:id
 *
 * Roles as for ledgers: a unit uploads and reads only files of its own unit (another unit's file
 * is "not found"), a viewer reads, the office does everything. A file is the unit's when it was
 * uploaded by the unit or for one of its ledgers (`ledgerId`); a unit also READS any file that an
 * item of one of its ledgers refers to (id and SHA-256), so evidence the office attaches to the
 * unit's item opens for the unit whether or not the office's upload named the ledger. Size and type are checked again
 * here, the type from the bytes (`file-type`), never from the name or the declared type. Every
 * upload, download and refusal is in the audit log.
 *
 * Mounted by app.js before its JSON-only check (chunks are raw bytes), so this module identifies
 * the user and checks the CSRF token itself, with the same identity hook.
 */
import { createHash, randomBytes } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { checkAttachmentType, contentDisposition, DEFAULT_ACCEPT, sniffType } from 'xc-elements/core';
import { audit } from './store.js';
import { requireUser } from './identity.js';

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const SHA = /^[0-9a-f]{64}$/;
/** Largest chunk the protocol allows. */
export const MAX_CHUNK = 1024 * 1024;
/** Raster images shown inline; everything else (SVG included) is a download. */
const INLINE = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);

/**
 * @typedef {import('./identity.js').User} User
 * @typedef {{ maxSize?: number, accept?: string[] }} FileLimits
 * @typedef {{ id: string, name: string, type: string, size: number, sha256: string }} FileRef
 */

/** @param {Record<string, any>} row @returns {FileRef} */
const toRef = (row) => ({ id: String(row.id), name: String(row.name), type: String(row.type), size: Number(row.size), sha256: String(row.sha256) });
/** @param {unknown} d @returns {Buffer} */
const toBuffer = (d) => (Buffer.isBuffer(d) ? d : d instanceof Uint8Array ? Buffer.from(d.buffer, d.byteOffset, d.byteLength) : Buffer.from(/** @type {any} */ (d)));

/**
 * The type of a file from its bytes: `file-type` for binary formats (OLE containers named .doc
 * or .xls by their extension), the core's sniffer for text (so HTML is known as HTML).
 * @param {Buffer} bytes @param {string} name
 */
export async function detectType(bytes, name) {
  const found = await fileTypeFromBuffer(bytes);
  if (found) {
    if (found.mime === 'application/x-cfb') return sniffType(bytes.subarray(0, 16), name);
    return found.mime;
  }
  return sniffType(bytes.subarray(0, 8192), name);
}

/**
 * Add the file endpoints to the app. Call it before the app's own `/api/*` middleware.
 * @param {import('hono').Hono<any>} app
 * @param {{
 *   db: import('./db.js').Database,
 *   identity: import('./identity.js').IdentityHook,
 *   store: ReturnType<typeof import('./store.js').createStore>,
 *   limits?: FileLimits,
 *   maxBodyBytes?: number,
 *   abandonAfterSeconds?: number,
 * }} opts `limits`: largest file (default 20 MiB) and accepted types (as the `accept` attribute;
 *   default images, PDF, Word, Excel); `maxBodyBytes`: the app's body limit (chunks are cut to it);
 *   `abandonAfterSeconds`: an upload not finished after this long is removed with its chunks when
 *   the next upload starts (default one day).
 */
export function mountFiles(app, { db, identity, store, limits = {}, maxBodyBytes = MAX_CHUNK, abandonAfterSeconds = 24 * 3600 }) {
  const maxSize = limits.maxSize ?? 20 * 1024 * 1024;
  const accept = limits.accept?.length ? limits.accept : [...DEFAULT_ACCEPT];
  const chunkSize = Math.max(1, Math.min(MAX_CHUNK, maxBodyBytes));

  // Who is asking, and the CSRF token of cookie sessions (the same rules as the app's /api/*).
  const auth = requireUser(identity, store);
  app.use('/api/files', auth);
  app.use('/api/files/*', auth);

  /** May this user read a file of `unit`? @param {User} user @param {string | null} unit */
  const mayRead = (user, unit) => user.role !== 'unit' || (user.unit !== undefined && unit === user.unit);
  /** @param {User} user @param {string} action @param {string} target @param {unknown} [detail] */
  const refuse = (user, action, target, detail) => store.refused(user, action, target, 'refused', null, detail);

  app.post('/api/files/uploads', async (c) => {
    /** @type {User} */
    const user = c.get('user');
    if (!/^application\/json\s*(;|$)/i.test(c.req.header('content-type') ?? '')) return c.json({ error: 'json-only' }, 415);
    /** @type {any} */
    let b;
    try {
      b = await c.req.json();
    } catch {
      return c.json({ error: 'bad-json' }, 400);
    }
    const allowed = new Set(['name', 'type', 'size', 'sha256', 'ledgerId', 'id', 'takenAt']);
    if (
      !b || typeof b !== 'object' || Array.isArray(b) || Object.keys(b).some((k) => !allowed.has(k)) ||
      typeof b.name !== 'string' || !b.name.length || b.name.length > 1000 ||
      typeof b.type !== 'string' || b.type.length > 200 ||
      !Number.isSafeInteger(b.size) || b.size < 0 ||
      typeof b.sha256 !== 'string' || !SHA.test(b.sha256) ||
      (b.ledgerId !== undefined && (typeof b.ledgerId !== 'string' || !ID.test(b.ledgerId))) ||
      (b.id !== undefined && (typeof b.id !== 'string' || !ID.test(b.id)))
    ) {
      return c.json({ error: 'bad-body' }, 400);
    }
    const target = `file:${b.id ?? b.sha256.slice(0, 16)}`;
    if (user.role === 'viewer' || (user.role === 'unit' && user.unit === undefined)) {
      await refuse(user, 'upload-file', target, { error: 'read-only' });
      return c.json({ error: 'read-only' }, 403);
    }
    if (b.size > maxSize) {
      await refuse(user, 'upload-file', target, { error: 'size', size: b.size });
      return c.json({ error: 'size', maxSize }, 413);
    }
    /** @type {string | null} */
    let unit = user.role === 'unit' ? /** @type {string} */ (user.unit) : null;
    if (b.ledgerId !== undefined) {
      const ledger = await store.getLedgerHead(b.ledgerId);
      if (!ledger || !mayRead(user, ledger.unit)) {
        await refuse(user, 'upload-file', target, { error: 'ledger', ledgerId: b.ledgerId });
        return c.json({ error: 'not-found' }, 404);
      }
      unit = ledger.unit;
    }

    // A file id proposed by the client (a local-first store keeps the id its record already holds).
    // When the id is another unit's file (or another user's upload), the answer must not tell that
    // it exists: the id is ignored and a new one minted, as for a client that sent none (the
    // client learns the server's id from the reference). Only a clash within what this user may
    // read is a 409.
    /** @type {string | undefined} */
    let clientId = b.id;
    if (clientId !== undefined) {
      const have = await db.query('select id, name, type, size, sha256, unit from files where id = $1', [clientId]);
      const row = have.rows[0];
      if (row && !mayRead(user, row.unit ?? null)) {
        clientId = undefined;
      } else if (row) {
        if (row.sha256 === b.sha256) return c.json({ ref: toRef(row) });
        await refuse(user, 'upload-file', target, { error: 'id-taken' });
        return c.json({ error: 'id-taken' }, 409);
      } else {
        const open = await db.query('select id, received, uploaded_by, sha256 from file_uploads where file_id = $1 and completed_at is null', [clientId]);
        const session = open.rows[0];
        if (session && session.uploaded_by !== user.id) {
          clientId = undefined;
        } else if (session) {
          if (session.sha256 === b.sha256) return c.json({ uploadId: session.id, offset: Number(session.received), chunkSize }, 201);
          return c.json({ error: 'id-taken' }, 409);
        }
      }
    }

    // The bytes are already here for this unit: no need to send them again.
    const same = await db.query('select id, name, type, size, sha256 from files where sha256 = $1 and unit is not distinct from $2 order by created_at limit 1', [b.sha256, unit]);
    if (same.rows[0]) {
      const known = same.rows[0];
      const id = clientId ?? randomBytes(16).toString('hex');
      if (clientId === undefined && known.name === b.name) {
        await audit(db, user, 'upload-file', `file:${known.id}`, 'deduplicated', null);
        return c.json({ ref: toRef(known) });
      }
      const ref = { id, name: b.name, type: String(known.type), size: Number(known.size), sha256: b.sha256 };
      await db.transaction(async (tx) => {
        await tx.query('insert into files (id, sha256, name, type, size, unit, ledger_id, uploaded_by) values ($1, $2, $3, $4, $5, $6, $7, $8)', [
          id, b.sha256, b.name, ref.type, ref.size, unit, b.ledgerId ?? null, user.id,
        ]);
        await audit(tx, user, 'upload-file', `file:${id}`, 'deduplicated', null);
      });
      return c.json({ ref });
    }

    // Uploads left unfinished for a day are given up (their chunks go with them).
    await db.query("delete from file_uploads where completed_at is null and created_at < now() - make_interval(secs => $1)", [abandonAfterSeconds]);
    const uploadId = randomBytes(16).toString('hex');
    await db.query(
      'insert into file_uploads (id, file_id, sha256, name, type, size, unit, ledger_id, uploaded_by) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
      [uploadId, clientId ?? randomBytes(16).toString('hex'), b.sha256, b.name, b.type, b.size, unit, b.ledgerId ?? null, user.id],
    );
    return c.json({ uploadId, offset: 0, chunkSize }, 201);
  });

  /** The user's own upload session, or null. @param {string} id @param {User} user */
  const session = async (id, user) => {
    if (!/^[0-9a-f]{32}$/.test(id)) return null;
    const r = await db.query('select * from file_uploads where id = $1', [id]);
    const s = r.rows[0];
    return s && s.uploaded_by === user.id ? s : null;
  };

  // HEAD (Hono answers it with this GET's headers): where to resume.
  app.get('/api/files/uploads/:uploadId', async (c) => {
    const s = await session(c.req.param('uploadId'), c.get('user'));
    if (!s) return c.json({ error: 'not-found' }, 404);
    c.header('Upload-Offset', String(Number(s.received)));
    c.header('Upload-Length', String(Number(s.size)));
    return c.json({ offset: Number(s.received), size: Number(s.size), complete: Boolean(s.completed_at) });
  });

  app.put('/api/files/uploads/:uploadId', async (c) => {
    /** @type {User} */
    const user = c.get('user');
    const uploadId = c.req.param('uploadId');
    if (!/^application\/octet-stream\s*(;|$)/i.test(c.req.header('content-type') ?? '')) return c.json({ error: 'octet-stream-only' }, 415);
    const s = await session(uploadId, user);
    if (!s) return c.json({ error: 'not-found' }, 404);
    const size = Number(s.size);
    if (s.completed_at) {
      const done = await db.query('select id, name, type, size, sha256 from files where id = $1', [s.file_id]);
      return done.rows[0] ? c.json({ ref: toRef(done.rows[0]) }, 201) : c.json({ error: 'not-found' }, 404);
    }
    // Every byte is here but the upload was not finished (the server stopped after the last chunk
    // was stored): finish it now, whatever this request carries.
    if (Number(s.received) === size) return complete(c, s, user);
    const m = /^bytes (\d{1,15})-(\d{1,15})\/(\d{1,15})$/.exec(c.req.header('content-range') ?? '');
    const bytes = Buffer.from(await c.req.arrayBuffer());
    if (!m || Number(m[3]) !== size || Number(m[2]) < Number(m[1]) || Number(m[2]) - Number(m[1]) + 1 !== bytes.length) {
      return c.json({ error: 'bad-range' }, 400);
    }
    if (bytes.length > MAX_CHUNK) return c.json({ error: 'too-large', maxBytes: MAX_CHUNK }, 413);
    const start = Number(m[1]);

    const out = await db.transaction(async (tx) => {
      const locked = await tx.query('select received from file_uploads where id = $1 and completed_at is null for update', [uploadId]);
      if (!locked.rows[0]) return /** @type {const} */ ({ status: 'gone' });
      const received = Number(locked.rows[0].received);
      if (start !== received) return /** @type {const} */ ({ status: 'offset', received });
      await tx.query('insert into file_upload_chunks (upload_id, start_at, data) values ($1, $2, $3)', [uploadId, start, bytes]);
      await tx.query('update file_uploads set received = $2 where id = $1', [uploadId, received + bytes.length]);
      return /** @type {const} */ ({ status: 'ok', received: received + bytes.length });
    });
    if (out.status === 'gone') return c.json({ error: 'not-found' }, 404);
    if (out.status === 'offset') {
      c.header('Upload-Offset', String(out.received));
      return c.json({ error: 'offset', offset: out.received }, 409);
    }
    if (out.received < size) return c.json({ offset: out.received });
    return complete(c, s, user);
  });

  /**
   * The last chunk arrived: hash and type-check the whole, then keep it (once per SHA-256) and
   * its metadata row; on any refusal nothing stays.
   * @param {import('hono').Context} c @param {Record<string, any>} s @param {User} user
   */
  async function complete(c, s, user) {
    const rows = await db.query('select data from file_upload_chunks where upload_id = $1 order by start_at', [s.id]);
    const bytes = Buffer.concat(rows.rows.map((r) => toBuffer(r.data)));
    const drop = () => db.query('delete from file_uploads where id = $1', [s.id]);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (sha256 !== s.sha256 || bytes.length !== Number(s.size)) {
      await drop();
      await refuse(user, 'upload-file', `file:${s.file_id}`, { error: 'hash' });
      return c.json({ error: 'hash' }, 422);
    }
    const checked = checkAttachmentType(s.name, await detectType(bytes, s.name), accept);
    if (!checked.ok) {
      await drop();
      await refuse(user, 'upload-file', `file:${s.file_id}`, { error: 'type' });
      return c.json({ error: 'type' }, 415);
    }
    const ref = { id: String(s.file_id), name: String(s.name), type: checked.type, size: bytes.length, sha256 };
    await db.transaction(async (tx) => {
      await tx.query('insert into file_blobs (sha256, size, data) values ($1, $2, $3) on conflict (sha256) do nothing', [sha256, bytes.length, bytes]);
      await tx.query('insert into files (id, sha256, name, type, size, unit, ledger_id, uploaded_by) values ($1, $2, $3, $4, $5, $6, $7, $8)', [
        ref.id, sha256, ref.name, ref.type, ref.size, s.unit ?? null, s.ledger_id ?? null, user.id,
      ]);
      await tx.query('delete from file_upload_chunks where upload_id = $1', [s.id]);
      await tx.query('update file_uploads set completed_at = now() where id = $1', [s.id]);
      await audit(tx, user, 'upload-file', `file:${ref.id}`, 'accepted', null, { sha256, size: ref.size, type: ref.type });
    });
    return c.json({ ref }, 201);
  }

  /**
   * Does an item of a ledger of `unit` refer to this file (a reference with its id AND its bytes'
   * SHA-256, anywhere in the item: evidence, the finding's evidence, an original photo)? The hash
   * is part of the test so that a reference cannot be forged from an id alone.
   * @param {string} unit @param {Record<string, any>} row
   */
  const referencedBy = async (unit, row) => {
    const r = await db.query(
      `select 1 from ledger_items li join ledgers l on l.id = li.ledger_id
        where l.unit = $1 and jsonb_path_exists(li.data, 'lax $.** ? (@.id == $id && @.sha256 == $sha)', jsonb_build_object('id', $2::text, 'sha', $3::text))
        limit 1`,
      [unit, String(row.id), String(row.sha256)],
    );
    return r.rows.length > 0;
  };

  /**
   * The file's row when this user may read it: a file of the user's unit, or (for reading only,
   * `viaLedger`) a file an item of one of the unit's ledgers refers to, such as evidence the
   * office attached to the unit's item without saying which ledger it was for.
   * @param {string} id @param {User} user @param {boolean} [viaLedger]
   */
  const readable = async (id, user, viaLedger = false) => {
    if (!ID.test(id)) return null;
    const r = await db.query('select id, name, type, size, sha256, unit from files where id = $1', [id]);
    const row = r.rows[0];
    if (!row) return null;
    if (mayRead(user, row.unit ?? null)) return row;
    return viaLedger && user.role === 'unit' && user.unit !== undefined && (await referencedBy(user.unit, row)) ? row : null;
  };

  app.get('/api/files/:id', async (c) => {
    /** @type {User} */
    const user = c.get('user');
    const id = c.req.param('id');
    const row = await readable(id, user, true);
    if (!row) {
      await refuse(user, 'download-file', `file:${id.slice(0, 128)}`, { error: 'not-found' });
      return c.json({ error: 'not-found' }, 404);
    }
    const blob = await db.query('select data from file_blobs where sha256 = $1', [row.sha256]);
    const bytes = toBuffer(blob.rows[0]?.data ?? Buffer.alloc(0));
    await audit(db, user, 'download-file', `file:${row.id}`, 'accepted', null);
    const type = String(row.type);
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': type,
      'Content-Length': String(bytes.length),
      'Content-Disposition': contentDisposition(String(row.name), INLINE.has(type) ? 'inline' : 'attachment'),
      'X-Content-Type-Options': 'nosniff',
      ETag: `"${row.sha256}"`,
    });
  });

  app.delete('/api/files/:id', async (c) => {
    /** @type {User} */
    const user = c.get('user');
    const id = c.req.param('id');
    if (user.role === 'viewer') {
      await refuse(user, 'delete-file', `file:${id.slice(0, 128)}`, { error: 'read-only' });
      return c.json({ error: 'read-only' }, 403);
    }
    const row = await readable(id, user);
    if (!row) {
      await refuse(user, 'delete-file', `file:${id.slice(0, 128)}`, { error: 'not-found' });
      return c.json({ error: 'not-found' }, 404);
    }
    await db.transaction(async (tx) => {
      await tx.query('delete from files where id = $1', [row.id]);
      const left = await tx.query('select 1 from files where sha256 = $1 limit 1', [row.sha256]);
      if (!left.rows.length) await tx.query('delete from file_blobs where sha256 = $1', [row.sha256]);
      await audit(tx, user, 'delete-file', `file:${row.id}`, 'accepted', null);
    });
    return c.body(null, 204);
  });
}
