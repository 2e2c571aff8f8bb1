// @ts-check
/**
 * Storage of ledgers, their history rows, the audit log and drafts. Parameterised SQL only.
 * History rows and audit rows are only ever inserted (the database refuses anything else:
 * migrations/002_append_only.sql).
 */

/**
 * @typedef {import('./db.js').Database} Database
 * @typedef {import('./db.js').Queryable} Queryable
 * @typedef {{ id: string, name: string, role: string, unit?: string }} Actor
 * @typedef {{ id: string, unit: string | null, version: number, ledger: any }} StoredLedger
 * @typedef {{ ok: true } | { ok: false, reasons: any[] }} Verdict
 */

/** @param {Record<string, any>} row @returns {StoredLedger} */
const toStored = (row) => ({ id: row.id, unit: row.unit ?? null, version: Number(row.version), ledger: typeof row.data === 'string' ? JSON.parse(row.data) : row.data });

/**
 * Insert the history entries of `ledger` that are not stored yet (those after the count stored
 * for each item). Entries already stored are never touched.
 * @param {Queryable} tx @param {string} ledgerId @param {any} ledger @param {number} version
 */
async function appendHistory(tx, ledgerId, ledger, version) {
  const counts = await tx.query('select item_id, count(*)::int as n from ledger_history where ledger_id = $1 group by item_id', [ledgerId]);
  const have = new Map(counts.rows.map((r) => [r.item_id, Number(r.n)]));
  for (const item of ledger.items ?? []) {
    const history = Array.isArray(item.history) ? item.history : [];
    for (let seq = have.get(item.id) ?? 0; seq < history.length; seq++) {
      await tx.query('insert into ledger_history (ledger_id, item_id, seq, entry, ledger_version) values ($1, $2, $3, $4, $5)', [
        ledgerId,
        item.id,
        seq,
        JSON.stringify(history[seq]),
        version,
      ]);
    }
  }
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

/** @param {Database} db */
export function createStore(db) {
  return {
    /** @param {string} id @returns {Promise<StoredLedger | null>} */
    async getLedger(id) {
      const r = await db.query('select id, unit, version, data from ledgers where id = $1', [id]);
      return r.rows[0] ? toStored(r.rows[0]) : null;
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
     * Create a ledger (version 1) with its history rows. Returns null when the id is taken.
     * @param {string} id @param {any} ledger @param {Actor} actor @param {string} [action]
     * @returns {Promise<StoredLedger | null>}
     */
    async createLedger(id, ledger, actor, action = 'create-ledger') {
      return db.transaction(async (tx) => {
        const ins = await tx.query(
          'insert into ledgers (id, unit, version, data, updated_by) values ($1, $2, 1, $3, $4) on conflict (id) do nothing returning id',
          [id, typeof ledger.unit === 'string' ? ledger.unit : null, JSON.stringify(ledger), actor.id],
        );
        if (!ins.rows.length) return null;
        await appendHistory(tx, id, ledger, 1);
        await audit(tx, actor, action, `ledger:${id}`, 'accepted', 1);
        return { id, unit: typeof ledger.unit === 'string' ? ledger.unit : null, version: 1, ledger };
      });
    },

    /**
     * Replace a ledger if it is still at `expected` version and `check(stored)` accepts the
     * change: in one transaction, with the row locked, the new version, the new history rows and
     * an audit row. Nothing is written unless everything is.
     * @param {string} id @param {number} expected @param {any} next @param {Actor} actor
     * @param {(stored: StoredLedger) => Verdict} check
     * @returns {Promise<{ status: 'missing' } | { status: 'stale', current: StoredLedger } | { status: 'refused', current: StoredLedger, reasons: any[] } | { status: 'unchanged' | 'saved', current: StoredLedger }>}
     */
    async updateLedger(id, expected, next, actor, check) {
      return db.transaction(async (tx) => {
        const r = await tx.query('select id, unit, version, data from ledgers where id = $1 for update', [id]);
        if (!r.rows[0]) return /** @type {const} */ ({ status: 'missing' });
        const current = toStored(r.rows[0]);
        if (current.version !== expected) return /** @type {const} */ ({ status: 'stale', current });
        const verdict = check(current);
        if (!verdict.ok) return /** @type {const} */ ({ status: 'refused', current, reasons: verdict.reasons });
        if (JSON.stringify(canonical(current.ledger)) === JSON.stringify(canonical(next))) return /** @type {const} */ ({ status: 'unchanged', current });
        const version = current.version + 1;
        const unit = typeof next.unit === 'string' ? next.unit : null;
        await tx.query('update ledgers set data = $2, version = $3, unit = $4, updated_at = now(), updated_by = $5 where id = $1 and version = $6', [
          id,
          JSON.stringify(next),
          version,
          unit,
          actor.id,
          current.version,
        ]);
        await appendHistory(tx, id, next, version);
        await audit(tx, actor, 'update-ledger', `ledger:${id}`, 'accepted', version);
        return /** @type {const} */ ({ status: 'saved', current: { id, unit, version, ledger: next } });
      });
    },

    /** @param {string} userId @param {string} key */
    async getDraft(userId, key) {
      const r = await db.query('select data from drafts where user_id = $1 and key = $2', [userId, key]);
      const d = r.rows[0]?.data;
      return d === undefined ? null : typeof d === 'string' ? JSON.parse(d) : d;
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
      const r = await db.query('select item_id, seq, entry from ledger_history where ledger_id = $1 order by item_id, seq', [id]);
      return r.rows.map((row) => ({ itemId: row.item_id, seq: Number(row.seq), entry: typeof row.entry === 'string' ? JSON.parse(row.entry) : row.entry }));
    },

    /** The audit rows, oldest first. */
    async auditRows() {
      const r = await db.query('select user_id, role, action, target, outcome, version from audit_log order by id');
      return r.rows.map((row) => ({
        user_id: String(row.user_id),
        role: String(row.role),
        action: String(row.action),
        target: String(row.target),
        outcome: String(row.outcome),
        version: row.version == null ? null : Number(row.version),
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
