/** The ledger as CSV (UTF-8 with BOM, spreadsheet formulas guarded) and CSV text read back. */
import { resolveLocale } from '../i18n.js';
import type { EvidenceRef, RectificationItem } from '../rectification-types.js';
import { effectiveDeadline, toDateKey } from './dates.js';
import { CSV_COLUMN_KEYS, type CsvColumnKey, kindLabel, statusLabel } from './labels.js';
import { asList } from './values.js';
import { csvText } from '../csv.js';
import { writtenDateTime } from '../written-date.js';
import type { HistoryEntry } from '../rectification-types.js';

export { csvField, neutraliseFormula, parseCsv, type ParseCsvOptions } from '../csv.js';

export type { CsvColumnKey };

/**
 * A CSV column: `label` heads it; the cell is `value(item, lang)` when given, else the built-in
 * value of `key` (a {@link CsvColumnKey}), else the item's own member `key` when it is a string,
 * number or boolean.
 */
export interface CsvColumn {
  key: CsvColumnKey | (string & {});
  label: string;
  value?: (item: RectificationItem, lang: string) => string;
}

export function defaultCsvColumns(lang: string): CsvColumn[] {
  const m = resolveLocale(lang);
  return (Object.keys(CSV_COLUMN_KEYS) as CsvColumnKey[]).map((key) => ({ key, label: String(m[CSV_COLUMN_KEYS[key]]) }));
}

/**
 * The 销号日期 of an item: `closedAt` (set when the office closes it) as written — its own date, on
 * any machine — else the date of the history's last entry to 已销号; null when neither says.
 */
export function closedOn(item: RectificationItem): string | null {
  const written = (v: unknown) => writtenDateTime(v)?.date ?? toDateKey(v as string);
  if (item.closedAt) return written(item.closedAt);
  const last = [...asList(item.history)].reverse().find((h) => (h as HistoryEntry | null)?.to === 'closed') as HistoryEntry | undefined;
  return item.status === 'closed' && last?.at ? written(last.at) : null;
}

function builtinCell(item: RectificationItem, key: string, lang: string): string {
  const str = (v: unknown) => (v == null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  switch (key) {
    case 'id':
      return str(item.id);
    case 'problem':
      return str(item.problem?.text);
    case 'focusArea':
      return str(item.problem?.focusArea);
    case 'category':
      return str(item.problem?.category);
    case 'measures':
      return asList(item.measures).map((m, i) => `${i + 1}. ${str((m as { text?: unknown } | null)?.text)}`).join('\n');
    case 'leader':
    case 'department':
    case 'person':
      return str(item.responsibility?.[key]);
    case 'kind':
      return item.kind ? kindLabel(item.kind, lang) : '';
    case 'deadline':
      return str(item.deadline);
    case 'extendedDeadline': {
      // The deadline an approved 延期 set, beside the original (empty when none moved it).
      const d = effectiveDeadline(item);
      return d !== item.deadline ? str(d) : '';
    }
    case 'status':
      return item.status ? statusLabel(item.status, lang) : '';
    case 'progress':
      return str(item.progress);
    case 'evidence':
      return (asList(item.evidence) as (EvidenceRef | null)[]).map((e) => evidenceCell(e, lang, str)).join('\n');
    case 'verifier':
      return str(item.verifier);
    case 'closedAt':
      // As written (the office's own date), else the day of the history's 销号 entry.
      return closedOn(item) ?? str(item.closedAt);
    default: {
      const v = item[key];
      return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
    }
  }
}

/**
 * One piece of evidence in the evidence cell: its title, then in brackets its reference and, for
 * an attached file, the file's name (when the title is not already it) and the first 8 hex digits
 * of its SHA-256, to match the row with the file and with the printed 附件清单.
 */
function evidenceCell(e: EvidenceRef | null, lang: string, str: (v: unknown) => string): string {
  const m = resolveLocale(lang);
  const title = str(e?.title);
  const f = e?.file;
  const extra = [str(e?.ref), f && f.name !== title ? str(f.name) : '', f?.sha256 ? `SHA-256 ${str(f.sha256).slice(0, 8).toLowerCase()}` : ''].filter(Boolean);
  return extra.length ? title + m.bracket(extra.join(m.phraseSep)) : title;
}

/**
 * The items as CSV for spreadsheets: a UTF-8 byte order mark (so Excel reads Chinese), a header row
 * of the column labels, one row per item, CRLF after every row. Multi-line cells (measures,
 * evidence) keep their line breaks inside quotes. Statuses and kinds are written in `lang`.
 */
export function toCsv(items: readonly RectificationItem[], lang: string, columns: readonly CsvColumn[] = defaultCsvColumns(lang)): string {
  const rows = [columns.map((c) => c.label), ...items.map((item) => columns.map((c) => (c.value ? c.value(item, lang) : builtinCell(item, c.key, lang))))];
  return csvText(rows);
}

