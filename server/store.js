// @ts-check
/**
 * Storage of ledgers (their own members in `ledgers`, each item in a row of `ledger_items` with the
 * ledger version at which it last changed), their history rows, the audit log and drafts.
 * Parameterised SQL only. History rows and audit rows are only ever inserted (the database refuses
 * anything else: migrations/002_append_only.sql).
 */

/**
 * @typedef {import('./db.js').Database} Database
 * @typedef {import('./db.js').Queryable} Queryable
 * @typedef {{ id: string, name: string, role: string, unit?: string }} Actor
 * @typedef {{ id: string, unit: string | null, version: number, ledger: any }} StoredLedger
 * @typedef {{ ok: true } | { ok: false, reasons: any[] }} Verdict
 * @typedef {{ id: string, version: number, itemIds: string[], by: string }} ChangeEvent
 */

/** The channel of change notifications between server processes (PostgreSQL NOTIFY). */
export const CHANGE_CHANNEL = 'xc_ledger_change';

/** @param {unknown} v */
const parsed = (v) => (typeof v === 'string' ? JSON.parse(v) : v);

/** The ledger's own members (everything but `items`). @param {any} ledger */
function membersOf(ledger) {
  const { items: _items, ...members } = ledger;
  return members;
}

/**
 * One ledger as text: its members and its items joined in order, in one statement (one snapshot),
 * without building one big jsonb value (several times faster); with one item's text too when `$2`
 * names one.
 */
const LEDGER_TEXT_SQL = `select l.unit, l.version, l.data::text as members,
    (select string_agg(i.data::text, ',' order by i.position) from ledger_items i where i.ledger_id = l.id) as items,
    (select i.data::text from ledger_items i where i.ledger_id = l.id and i.item_id = $2) as item
  from ledgers l where l.id = $1`;

/**
 * The ledger's JSON text from a row of LEDGER_TEXT_SQL.
 * @param {Record<string, any>} row
 */
function ledgerText(row) {
  const members = String(row.members).trim();
  const items = `"items": [${row.items ?? ''}]`;
  // jsonb prints an object as `{…}`: the items go in as its last member.
  return members === '{}' ? `{${items}}` : `${members.slice(0, -1)}, ${items}}`;
}

/**
 * Insert the history entries of `items` that are not stored yet (those after the count stored for
 * each item). Entries already stored are never touched.
 * @param {Queryable} tx @param {string} ledgerId @param {any[]} items @param {number} version
 * @param {Map<string, number>} [known] rows stored per item, when the caller knows (else counted)
 */
async function appendHistory(tx, ledgerId, items, version, known) {
  if (!items.length) return;
  const have =
    known ??
    new Map(
      (
        await tx.query(
          'select item_id, count(*)::int as n from ledger_history where ledger_id = $1 and item_id in (select jsonb_array_elements_text($2::jsonb)) group by item_id',
          [ledgerId, JSON.stringify(items.map((i) => i.id))],
        )
      ).rows.map((r) => [String(r.item_id), Number(r.n)]),
    );
  const rows = [];
  for (const item of items) {
    const history = Array.isArray(item.history) ? item.history : [];
    for (let seq = have.get(item.id) ?? 0; seq < history.length; seq++) rows.push({ i: item.id, s: seq, e: history[seq] });
  }
  if (!rows.length) return;
  await tx.query(
    `insert into ledger_history (ledger_id, item_id, seq, entry, ledger_version)
     select $1, r ->> 'i', (r ->> 's')::int, r -> 'e', $3 from jsonb_array_elements($2::jsonb) as r`,
    [ledgerId, JSON.stringify(rows), version],
  );
}

/**
 * Store items (new, or replacing the stored ones) at `version`, each at its position.
 * @param {Queryable} tx @param {string} ledgerId @param {{ item: any, position: number }[]} rows @param {number} version
 */
async function putItems(tx, ledgerId, rows, version) {
  if (!rows.length) return;
  await tx.query(
    `insert into ledger_items (ledger_id, item_id, position, version, data)
     select $1, r -> 'item' ->> 'id', (r ->> 'position')::int, $3, r -> 'item' from jsonb_array_elements($2::jsonb) as r
     on conflict (ledger_id, item_id) do update set data = excluded.data, version = excluded.version, position = excluded.position`,
    [ledgerId, JSON.stringify(rows), version],
  );
}

/**
 * Tell the other server processes (PostgreSQL: NOTIFY, delivered when the transaction commits).
 * A payload too large for NOTIFY (8000 bytes) goes without its item ids; the receiver reads them.
 * @param {Queryable} tx @param {Database} db @param {string} origin @param {ChangeEvent} change
 */
async function notify(tx, db, origin, change) {
  if (db.kind !== 'pg') return;
  let payload = JSON.stringify({ origin, ...change });
  if (Buffer.byteLength(payload) > 7500) payload = JSON.stringify({ origin, ...change, itemIds: null });
  await tx.query('select pg_notify($1, $2)', [CHANGE_CHANNEL, payload]);
}

/**
 * One audit row.
 * @param {Queryable} q @param {Actor} actor @param {string} action @param {string} target
 * @param {string} outcome @param {number | null} version @param {unknown} [detail]
 */
export function audit(q, actor, action, target, outcome, version, detail) {
  return q.query('insert into audit_log (user_id, role, action, target, outcome, version, detail) values ($1, $2, $3, $4, $5, $6, $7)', [
    actor.id,
    actor.role,
    action,
    target,
    outcome,
    version,
    detail === undefined ? null : JSON.stringify(detail),
  ]);
}

/**
 * @param {Database} db
 * @param {{ origin?: string }} [opts] `origin`: this process's id in change notifications (its own are ignored).
 */
export function createStore(db, { origin = 'local' } = {}) {
  /** @param {Queryable} q @param {string} id @param {boolean} [lock] */
  const readLedger = async (q, id, lock = false) => {
    if (lock) {
      // Lock the ledger row: writes of one ledger are serialised (and its version bumped by one each).
      const r = await q.query('select id from ledgers where id = $1 for update', [id]);
      if (!r.rows[0]) return null;
    }
    const r = await q.query(LEDGER_TEXT_SQL, [id, null]);
    const row = r.rows[0];
    return row ? { id, unit: row.unit ?? null, version: Number(row.version), ledger: JSON.parse(ledgerText(row)) } : null;
  };

  return {
    origin,

    /** @param {string} id @returns {Promise<StoredLedger | null>} */
    getLedger(id) {
      return readLedger(db, id);
    },

    /**
     * The ledger as JSON text (`ledger`), never parsed and serialised again (a ledger of thousands
     * of items is megabytes), with one item's text when `itemId` is given (null when absent).
     * @param {string} id @param {string} [itemId]
     * @returns {Promise<{ unit: string | null, version: number, ledger: string, item: string | null } | null>}
     */
    async getLedgerText(id, itemId) {
      const r = await db.query(LEDGER_TEXT_SQL, [id, itemId ?? null]);
      const row = r.rows[0];
      if (!row) return null;
      return { unit: row.unit ?? null, version: Number(row.version), ledger: ledgerText(row), item: row.item ?? null };
    },

    /** Unit and version only (conditional reads, event streams). @param {string} id */
    async getLedgerHead(id) {
      const r = await db.query('select unit, version from ledgers where id = $1', [id]);
      const row = r.rows[0];
      return row ? { unit: /** @type {string | null} */ (row.unit ?? null), version: Number(row.version) } : null;
    },

    /** The ids of the items that changed at `version` (a notification too large to carry them). @param {string} id @param {number} version */
    async itemIdsAt(id, version) {
      const r = await db.query('select item_id from ledger_items where ledger_id = $1 and version = $2 order by position', [id, version]);
      return r.rows.map((row) => String(row.item_id));
    },

    /** Ids, units, titles and versions of the ledgers; of one unit when `unit` is given. @param {string | null} [unit] */
    async listLedgers(unit) {
      const r =
        unit === undefined
          ? await db.query("select id, unit, version, data->>'title' as title from ledgers order by id")
          : await db.query("select id, unit, version, data->>'title' as title from ledgers where unit = $1 order by id", [unit]);
      return r.rows.map((row) => ({ id: row.id, unit: row.unit ?? null, version: Number(row.version), title: row.title ?? null }));
    },

    /**
     * Create a ledger (version 1) with its items and history rows. Returns null when the id is taken.
     * @param {string} id @param {any} ledger @param {Actor} actor @param {string} [action]
     * @returns {Promise<StoredLedger | null>}
     */
    async createLedger(id, ledger, actor, action = 'create-ledger') {
      return db.transaction(async (tx) => {
        const unit = typeof ledger.unit === 'string' ? ledger.unit : null;
        const ins = await tx.query(
          'insert into ledgers (id, unit, version, data, updated_by) values ($1, $2, 1, $3, $4) on conflict (id) do nothing returning id',
          [id, unit, JSON.stringify(membersOf(ledger)), actor.id],
        );
        if (!ins.rows.length) return null;
        const items = Array.isArray(ledger.items) ? ledger.items : [];
        await putItems(tx, id, items.map((/** @type {any} */ item, /** @type {number} */ position) => ({ item, position })), 1);
        await appendHistory(tx, id, items, 1);
        await audit(tx, actor, action, `ledger:${id}`, 'accepted', 1);
        await notify(tx, db, origin, { id, version: 1, itemIds: items.map((/** @type {any} */ i) => i.id), by: actor.name });
        return { id, unit, version: 1, ledger };
      });
    },

    /**
     * Replace a ledger if it is still at `expected` version and `check(stored)` accepts the
     * change: in one transaction, with the row locked, the new version, the changed items, the new
     * history rows and an audit row. Nothing is written unless everything is.
     * @param {string} id @param {number} expected @param {any} next @param {Actor} actor
     * @param {(stored: StoredLedger) => Verdict} check
     * @returns {Promise<{ status: 'missing' } | { status: 'stale', current: StoredLedger } | { status: 'refused', current: StoredLedger, reasons: any[] } | { status: 'unchanged' | 'saved', current: StoredLedger, itemIds: string[] }>}
     */
    async updateLedger(id, expected, next, actor, check) {
      return db.transaction(async (tx) => {
        const current = await readLedger(tx, id, true);
        if (!current) return /** @type {const} */ ({ status: 'missing' });
        if (current.version !== expected) return /** @type {const} */ ({ status: 'stale', current });
        const verdict = check(current);
        if (!verdict.ok) return /** @type {const} */ ({ status: 'refused', current, reasons: verdict.reasons });
        const was = new Map(current.ledger.items.map((/** @type {any} */ i) => [i.id, JSON.stringify(canonical(i))]));
        /** @type {{ item: any, position: number }[]} */
        const changed = [];
        next.items.forEach((/** @type {any} */ item, /** @type {number} */ position) => {
          if (was.get(item.id) !== JSON.stringify(canonical(item))) changed.push({ item, position });
        });
        const membersSame = JSON.stringify(canonical(membersOf(current.ledger))) === JSON.stringify(canonical(membersOf(next)));
        if (!changed.length && membersSame) return /** @type {const} */ ({ status: 'unchanged', current, itemIds: [] });
        const version = current.version + 1;
        const unit = typeof next.unit === 'string' ? next.unit : null;
        await tx.query('update ledgers set data = $2, version = $3, unit = $4, updated_at = now(), updated_by = $5 where id = $1 and version = $6', [
          id,
          JSON.stringify(membersOf(next)),
          version,
          unit,
          actor.id,
          current.version,
        ]);
        await putItems(tx, id, changed, version);
        await appendHistory(tx, id, changed.map((c) => c.item), version);
        await audit(tx, actor, 'update-ledger', `ledger:${id}`, 'accepted', version);
        const itemIds = changed.map((c) => c.item.id);
        await notify(tx, db, origin, { id, version, itemIds, by: actor.name });
        return /** @type {const} */ ({ status: 'saved', current: { id, unit, version, ledger: next }, itemIds });
      });
    },

    /**
     * Write one item (replace it, or add it when new) based on ledger version `base`: applied when
     * THIS item has not changed since `base` (whatever else did), else stale. In one transaction
     * with the ledger row locked: the ledger's new version, the item at that version, its new
     * history rows and an audit row. `check` sees the ledger's own members and the stored item
     * (null for a new one).
     * @param {string} id @param {string} itemId @param {number} base @param {any} item @param {Actor} actor
     * @param {(stored: { unit: string | null, version: number, members: any, item: any | null }) => Verdict} check
     * @returns {Promise<
     *   { status: 'missing' } |
     *   { status: 'stale', unit: string | null } |
     *   { status: 'refused', unit: string | null, reasons: any[] } |
     *   { status: 'unchanged' | 'saved', unit: string | null, version: number, item: any }>}
     */
    async updateItem(id, itemId, base, item, actor, check) {
      return db.transaction(async (tx) => {
        const head = await tx.query('select unit, version, data from ledgers where id = $1 for update', [id]);
        const row = head.rows[0];
        if (!row) return /** @type {const} */ ({ status: 'missing' });
        const unit = row.unit ?? null;
        const version = Number(row.version);
        const r = await tx.query('select position, version, data from ledger_items where ledger_id = $1 and item_id = $2', [id, itemId]);
        const stored = r.rows[0] ? { position: Number(r.rows[0].position), version: Number(r.rows[0].version), item: parsed(r.rows[0].data) } : null;
        // Stale: this item changed after the version the client saw (or the client names a version not reached).
        // (The current ledger for the answer is read after the transaction, not holding the lock.)
        if (base > version || (stored && stored.version > base)) return /** @type {const} */ ({ status: 'stale', unit });
        const verdict = check({ unit, version, members: parsed(row.data), item: stored ? stored.item : null });
        if (!verdict.ok) return /** @type {const} */ ({ status: 'refused', unit, reasons: verdict.reasons });
        if (stored && JSON.stringify(canonical(stored.item)) === JSON.stringify(canonical(item))) {
          return /** @type {const} */ ({ status: 'unchanged', unit, version, item: stored.item });
        }
        let position = stored?.position;
        if (position === undefined) {
          const max = await tx.query('select coalesce(max(position) + 1, 0) as p from ledger_items where ledger_id = $1', [id]);
          position = Number(max.rows[0]?.p ?? 0);
        }
        const next = version + 1;
        await tx.query('update ledgers set version = $2, updated_at = now(), updated_by = $3 where id = $1 and version = $4', [id, next, actor.id, version]);
        await putItems(tx, id, [{ item, position }], next);
        // The stored item's history is what its rows hold (every write stores both, or neither).
        const rows = stored && Array.isArray(stored.item.history) ? stored.item.history.length : 0;
        await appendHistory(tx, id, [item], next, new Map([[itemId, rows]]));
        await audit(tx, actor, stored ? 'update-item' : 'create-item', `ledger:${id}`, 'accepted', next, { item: itemId });
        await notify(tx, db, origin, { id, version: next, itemIds: [itemId], by: actor.name });
        return /** @type {const} */ ({ status: 'saved', unit, version: next, item });
      });
    },

    /** @param {string} userId @param {string} key */
    async getDraft(userId, key) {
      const r = await db.query('select data from drafts where user_id = $1 and key = $2', [userId, key]);
      const d = r.rows[0]?.data;
      return d === undefined ? null : parsed(d);
    },

    /** The keys of a user's drafts, with when each was saved. @param {string} userId */
    async listDrafts(userId) {
      const r = await db.query('select key, updated_at from drafts where user_id = $1 order by key', [userId]);
      return r.rows.map((row) => ({ key: String(row.key), updatedAt: new Date(row.updated_at).toISOString() }));
    },

    /** @param {Actor} actor @param {string} key @param {unknown} draft */
    async putDraft(actor, key, draft) {
      await db.transaction(async (tx) => {
        await tx.query(
          'insert into drafts (user_id, key, data) values ($1, $2, $3) on conflict (user_id, key) do update set data = excluded.data, updated_at = now()',
          [actor.id, key, JSON.stringify(draft)],
        );
        await audit(tx, actor, 'put-draft', `draft:${key}`, 'accepted', null);
      });
    },

    /** @param {Actor} actor @param {string} key @returns {Promise<boolean>} whether there was one */
    async deleteDraft(actor, key) {
      return db.transaction(async (tx) => {
        const r = await tx.query('delete from drafts where user_id = $1 and key = $2 returning key', [actor.id, key]);
        await audit(tx, actor, 'delete-draft', `draft:${key}`, 'accepted', null);
        return r.rows.length > 0;
      });
    },

    /** Record a refused or failed request. @param {Actor} actor @param {string} action @param {string} target @param {string} outcome @param {number | null} version @param {unknown} [detail] */
    refused(actor, action, target, outcome, version, detail) {
      return audit(db, actor, action, target, outcome, version, detail);
    },

    /** History rows of a ledger, in order (for reports and tests). @param {string} id */
    async historyRows(id) {
      const r = await db.query('select item_id, seq, entry, ledger_version from ledger_history where ledger_id = $1 order by item_id, seq', [id]);
      return r.rows.map((row) => ({ itemId: row.item_id, seq: Number(row.seq), entry: parsed(row.entry), version: Number(row.ledger_version) }));
    },

    /** The audit rows, oldest first. */
    async auditRows() {
      const r = await db.query('select id, user_id, role, action, target, outcome, version, detail from audit_log order by id');
      return r.rows.map((row) => ({
        id: Number(row.id),
        user_id: String(row.user_id),
        role: String(row.role),
        action: String(row.action),
        target: String(row.target),
        outcome: String(row.outcome),
        version: row.version == null ? null : Number(row.version),
        detail: row.detail == null ? null : parsed(row.detail),
      }));
    },
  };
}

/** JSON with sorted keys, to compare documents whatever their key order. @param {unknown} v @returns {unknown} */
function canonical(v) {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical(/** @type {any} */ (v)[k])]));
  return v;
}
