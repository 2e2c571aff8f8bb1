/**
 * What is wrong with a ledger, as the tracker reports it on submit: the ledger schema's errors
 * (from the precompiled validator, loaded after the first frame) and the workflow's rules, each
 * message naming the item as people read it (a short number, else its place) and the field by its label.
 * The schema check itself is passed in; this module only words and places the errors. No DOM.
 */
import type { Messages } from '../core/i18n.js';
import { ledgerRuleErrors, type LedgerRuleCode } from '../core/rectification/workflow.js';
import type { LedgerShapeError } from '../core/rectification/json.js';
import type { RectificationLedger } from '../core/rectification-types.js';
import type { FieldError, ValidationResult } from '../core/validation-types.js';
import { itemNumber } from './labels.js';

/** Field names of the ledger item, as the locale names them (for validation messages). */
const FIELD_LABELS: Record<string, (t: Messages) => string> = {
  id: (t) => t.rectColId,
  problem: (t) => t.rectColProblem,
  'problem.focusArea': (t) => t.rectColFocusArea,
  'problem.category': (t) => t.rectColCategory,
  measures: (t) => t.rectColMeasures,
  responsibility: (t) => t.trackerSectionResponsibility,
  'responsibility.leader': (t) => t.rectColLeader,
  'responsibility.department': (t) => t.rectColDepartment,
  'responsibility.person': (t) => t.rectColPerson,
  kind: (t) => t.rectColKind,
  deadline: (t) => t.rectColDeadline,
  startedOn: (t) => t.trackerStartedOn,
  status: (t) => t.rectColStatus,
  progress: (t) => t.rectColProgress,
  evidence: (t) => t.rectColEvidence,
  verifier: (t) => t.rectColVerifier,
  closedAt: (t) => t.rectColClosedAt,
  history: (t) => t.trackerSectionHistory,
};

/** A field of an item (`deadline`, `responsibility.person`…) by the name the locale gives it, else as it is. */
export function fieldName(field: string, t: Messages): string {
  return FIELD_LABELS[field]?.(t) ?? FIELD_LABELS[field.split('.')[0]!]?.(t) ?? field;
}

const RULE_MESSAGES: Record<LedgerRuleCode, (t: Messages) => string> = {
  'closed-no-evidence': (t) => t.trackerRuleClosedNoEvidence,
  'closed-no-verifier': (t) => t.trackerRuleClosedNoVerifier,
  'status-history': (t) => t.trackerRuleStatusHistory,
  'history-order': (t) => t.trackerRuleHistoryOrder,
};

/** The ledger schema's check, once loaded. */
export type SchemaCheck = (ledger: unknown, lang: string) => ValidationResult;

/** The errors of `ledger`: the schema's (when `schemaCheck` is there) and the workflow rules'. */
export function validateLedger(ledger: RectificationLedger, schemaCheck: SchemaCheck | null, t: Messages, lang: string): ValidationResult {
  const items = ledger.items;
  const where = (index: number, field: string) => {
    // The number people read: a short number as it is, else the item's place (item 3), never a long machine id.
    const no = itemNumber(items[index]?.id, index);
    const id = no === items[index]?.id ? no : t.trackerDetailTitle(no);
    const label = FIELD_LABELS[field]?.(t) ?? FIELD_LABELS[field.split('.')[0]!]?.(t);
    return label ? `${id} · ${label}` : id;
  };
  const errors: FieldError[] = [];
  const schema = schemaCheck ? schemaCheck(ledger, lang) : { valid: true, errors: [] };
  for (const e of schema.errors) {
    const m = /^items\.(\d+)(?:\.(.+))?$/.exec(e.path);
    if (!m) {
      errors.push(e);
      continue;
    }
    // A field of an item: `items.3.measures.0.text` is reported on `measures`.
    const parts = (m[2] ?? '').split('.');
    const field = parts[0] === 'problem' || parts[0] === 'responsibility' ? parts.slice(0, 2).join('.') : (parts[0] ?? '');
    errors.push({ ...e, message: t.trackerErrorAt(where(Number(m[1]), field), e.message) });
  }
  for (const r of ledgerRuleErrors(ledger)) {
    errors.push({ path: `items.${r.index}.${r.field}`, message: t.trackerErrorAt(where(r.index, r.field), RULE_MESSAGES[r.code](t)), keyword: r.code });
  }
  return { valid: errors.length === 0, errors };
}

/**
 * The ledger schema's check: the precompiled validator and the message pipeline, loaded after
 * the first frame. The ledger schema carries no titles or `x-xc-messages`; the tracker writes
 * its own field names into messages, so the translated messages need no schema lookups.
 */
export function loadSchemaCheck(): Promise<SchemaCheck> {
  return Promise.all([import('../generated/validators/rectificationLedger.js'), import('../core/validation.js')]).then(
    ([v, m]) => (ledger, lang) => m.validateWith(v.rectificationLedger, ledger, {}, lang),
  );
}

/** Why a value cannot be shown as a ledger, in the element's language. */
export function loadMessage(e: { error: LedgerShapeError; index?: number; id?: string } | null, t: Messages): string {
  if (!e) return t.trackerInvalid;
  const n = (e.index ?? 0) + 1;
  switch (e.error) {
    case 'not-object':
      return t.trackerShapeNotObject;
    case 'version':
      return t.trackerShapeVersion;
    case 'items':
      return t.trackerShapeItems;
    case 'item':
      return t.trackerShapeItem(n);
    case 'item-id':
      return t.trackerShapeItemId(n);
    default:
      return t.duplicateId(e.id ?? '');
  }
}
