/**
 * A small SpreadsheetML (.xlsx) writer: typed columns, one row per record, dates as real date cells.
 * No DOM; the XML is built in chunks of rows with the event loop let run between them, and zipped
 * as it goes (zip.ts), so a 5,000-row sheet never holds the page for long. Every cell is a typed
 * value — a string is always text, never a formula — so a cell starting with `=` cannot compute.
 */
import { NS_PKG_REL, NS_R as NS_REL, ZipWriter, XML_HEAD, addPackageParts, xmlText, yieldToLoop } from './zip.js';
import { writtenDateTime } from '../written-date.js';

/** How a column's cells are written. */
export type XlsxColumnType = 'text' | 'number' | 'date' | 'datetime' | 'percent';

/** A column: its header (bold, frozen row 1), width in characters, and type. */
export interface XlsxColumn {
  header: string;
  /** Width in characters (Excel's unit); default 12. */
  width?: number;
  /**
   * `text` (default): the value as text. `number`: a finite number (or numeric text) as a number.
   * `date`: a `YYYY-MM-DD` date, an ISO date-time or a `Date`, as a date cell (`yyyy-mm-dd`).
   * `datetime`: an ISO date-time or `Date` (`yyyy-mm-dd hh:mm`). A date-time written with its
   * offset (`2026-12-05T02:00:00+08:00`) keeps the date and time as written, on any machine;
   * one without an offset, and a `Date`, are read in the machine's time zone.
   * `percent`: a fraction (0.5 is 50 %), shown with {@link XlsxColumn.decimals} decimals. A value
   * the type cannot read is written as text, so nothing is lost; `null`, `undefined` and `''`
   * leave the cell empty. An unknown type is read as `text`. A text longer than a spreadsheet cell
   * holds (32,767 characters) is cut there, ending in `…` (the CSV keeps it whole).
   */
  type?: XlsxColumnType;
  /** For `percent`: decimals shown, 0 (default), 1 or 2 — as the record's CSV writes the rate. */
  decimals?: 0 | 1 | 2;
}

/** One worksheet: its name (at most 31 characters, made safe), columns and rows of cell values. */
export interface XlsxSheet {
  name: string;
  columns: readonly XlsxColumn[];
  rows: readonly (readonly unknown[])[];
}

/** A workbook of one or more sheets. */
export interface XlsxWorkbook {
  sheets: readonly XlsxSheet[];
  /** Shown as the file's title in its properties. */
  title?: string;
}

/** Options of {@link writeXlsx}. */
export interface XlsxOptions {
  /** Rows built between two yields to the event loop (default 250). */
  chunkRows?: number;
  /** How to yield (default: a `setTimeout(0)`); a server may pass `() => Promise.resolve()`. */
  yieldTo?: () => Promise<void>;
}

// Cell styles (cellXfs): 0 plain, 1 header (bold), 2 date, 3 date-time, 4 percent, 5 wrapped text,
// 6 percent with one decimal, 7 with two.
const XF_HEADER = 1;
const XF_DATE = 2;
const XF_DATETIME = 3;
const XF_PERCENT = [4, 6, 7] as const;
const XF_WRAP = 5;
/** The most characters a spreadsheet cell holds. */
const CELL_MAX = 32_767;

const MS_PER_DAY = 86_400_000;
/** 1970-01-01 as a spreadsheet serial day (days since 1899-12-30). */
const EPOCH_SERIAL = 25_569;

/** Spreadsheet serial of a local date and time, given as its fields. */
const serialOf = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => Date.UTC(y, mo, d, h, mi, s) / MS_PER_DAY + EPOCH_SERIAL;

/** Serial of a `YYYY-MM-DD` key, or null when it is not a real date. */
function dateKeySerial(v: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]) - 1;
  const d = Number(m[3]);
  const t = new Date(Date.UTC(y, mo, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo || t.getUTCDate() !== d) return null;
  return serialOf(y, mo, d);
}

/** The local `Date` of an ISO date-time or a Date, or null. */
function instant(v: unknown): Date | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v)) {
    const t = Date.parse(v);
    return Number.isNaN(t) ? null : new Date(t);
  }
  return null;
}

/** Serial of a date (`withTime`: and time of day; an ISO date-time with an offset as written, else local), or null. Years 1900–9999 only (what a spreadsheet shows). */
export function toSerial(v: unknown, withTime: boolean): number | null {
  let serial = typeof v === 'string' ? dateKeySerial(v) : null;
  // A date-time with its offset: the date and time its writer wrote, whatever the machine's time zone.
  const w = serial == null ? writtenDateTime(v) : null;
  if (w) serial = dateKeySerial(w.date)! + (withTime ? (w.hours * 3600 + w.minutes * 60 + Math.min(w.seconds, 59)) / 86_400 : 0);
  if (serial == null) {
    const d = instant(v);
    if (d) {
      serial = withTime
        ? serialOf(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds())
        : serialOf(d.getFullYear(), d.getMonth(), d.getDate());
    }
  }
  // 1900-03-01 … 9999-12-31: before it, the spreadsheet's 1900 leap-year bug shifts dates.
  return serial != null && serial >= 61 && serial < 2_958_466 ? serial : null;
}

/** Text of any value, as a cell shows it. */
function textOf(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString();
  try {
    return JSON.stringify(v) ?? '';
  } catch {
    return '';
  }
}

/** Column letters of a 0-based index (0 → A, 26 → AA). */
export function columnName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * Text as a shared string's XML: escaped; a literal `_xHHHH_` escaped itself (spreadsheets read that
 * pattern as a character code), and `xml:space="preserve"` where spaces or line breaks would be lost.
 */
function stringXml(s: string): string {
  const text = xmlText(s.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1'));
  return /^\s|\s$|\n|\t|&#13;/.test(text) ? `<si><t xml:space="preserve">${text}</t></si>` : `<si><t>${text}</t></si>`;
}

/** A sheet name a spreadsheet accepts: no `[]:*?/\`, not empty, at most 31 characters, unique in the book. */
function sheetName(name: string, taken: Set<string>, n: number): string {
  let base = String(name ?? '')
    .replace(/[\u0000-\u001f[\]:*?/\\]/g, ' ')
    .replace(/^'+|'+$/g, '')
    .trim();
  if (!base || base.toLowerCase() === 'history') base = `Sheet${n}`;
  const chars = Array.from(base);
  let out = chars.slice(0, 31).join('');
  for (let k = 2; taken.has(out.toLowerCase()); k++) {
    const suffix = ` (${k})`;
    out = chars.slice(0, 31 - suffix.length).join('') + suffix;
  }
  taken.add(out.toLowerCase());
  return out;
}

/** Shared strings: each distinct text once. */
class SharedStrings {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  count = 0;
  id(s: string): number {
    this.count++;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    return i;
  }
}

/** One cell's XML, or '' for an empty cell. */
function cellXml(ref: string, v: unknown, type: XlsxColumnType, strings: SharedStrings, decimals = 0): string {
  if (v == null || v === '') return '';
  const text = (t: string) => {
    const s = t.length > CELL_MAX ? `${Array.from(t.slice(0, CELL_MAX - 1)).slice(0, -1).join('')}…` : t;
    return s === '' ? '' : `<c r="${ref}" t="s"${s.includes('\n') ? ` s="${XF_WRAP}"` : ''}><v>${strings.id(s)}</v></c>`;
  };
  const num = (n: number, style?: number) => `<c r="${ref}"${style ? ` s="${style}"` : ''}><v>${n}</v></c>`;
  switch (type) {
    case 'number':
    case 'percent': {
      const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*-?\d+(\.\d+)?([eE][+-]?\d+)?\s*$/.test(v) ? Number(v) : NaN;
      return Number.isFinite(n) ? num(n, type === 'percent' ? XF_PERCENT[decimals === 1 || decimals === 2 ? decimals : 0] : undefined) : text(textOf(v));
    }
    case 'date':
    case 'datetime': {
      const s = toSerial(v, type === 'datetime');
      return s != null ? num(s, type === 'date' ? XF_DATE : XF_DATETIME) : text(textOf(v));
    }
    default:
      if (typeof v === 'boolean') return `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
      return text(textOf(v));
  }
}

const STYLES = `${XML_HEAD}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`
  + '<numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/><numFmt numFmtId="165" formatCode="yyyy\\-mm\\-dd\\ hh:mm"/><numFmt numFmtId="166" formatCode="0.0%"/></numFmts>'
  + '<fonts count="2"><font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>'
  + '<font><b/><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font></fonts>'
  + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
  + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
  + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
  + '<cellXfs count="8"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
  + '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
  + '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
  + '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
  + '<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
  + '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>'
  + '<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
  + '<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
  + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/**
 * Write a workbook as .xlsx bytes. Each sheet: a bold header row that stays in view (frozen), the
 * columns' widths, and one spreadsheet row per row given, each cell typed by its column (see
 * {@link XlsxColumn.type}). Texts are shared strings, XML-escaped, with characters XML 1.0 forbids
 * removed; no cell is ever a formula.
 */
export async function writeXlsx(book: XlsxWorkbook, options: XlsxOptions = {}): Promise<Uint8Array> {
  const chunk = Math.max(1, options.chunkRows ?? 250);
  const pause = options.yieldTo ?? yieldToLoop;
  const zip = new ZipWriter();
  const strings = new SharedStrings();
  const taken = new Set<string>();
  const sheets = book.sheets.length ? book.sheets : [{ name: 'Sheet1', columns: [], rows: [] }];
  const names = sheets.map((s, i) => sheetName(s.name, taken, i + 1));

  for (let si = 0; si < sheets.length; si++) {
    const sheet = sheets[si]!;
    const cols = sheet.columns;
    const letters = cols.map((_, i) => columnName(i));
    const types = cols.map((c) => c.type ?? 'text');
    const lastRow = sheet.rows.length + 1;
    const part = zip.part(`xl/worksheets/sheet${si + 1}.xml`);
    const dim = cols.length ? `A1:${columnName(cols.length - 1)}${lastRow}` : 'A1';
    part.push(
      `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><dimension ref="${dim}"/>`
        + '<sheetViews><sheetView workbookViewId="0"'
        + (si === 0 ? ' tabSelected="1"' : '')
        + '><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
        + '<sheetFormatPr defaultRowHeight="15"/>'
        + (cols.length
          ? `<cols>${cols.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.max(1, Math.min(255, Number(c.width) || 12))}" customWidth="1"/>`).join('')}</cols>`
          : '')
        + '<sheetData>'
        + `<row r="1">${cols.map((c, i) => (String(c.header ?? '') ? `<c r="${letters[i]}1" t="s" s="${XF_HEADER}"><v>${strings.id(String(c.header ?? ''))}</v></c>` : '')).join('')}</row>`,
    );
    for (let start = 0; start < sheet.rows.length; start += chunk) {
      let xml = '';
      const end = Math.min(sheet.rows.length, start + chunk);
      for (let r = start; r < end; r++) {
        const row = sheet.rows[r] ?? [];
        const n = r + 2;
        let cells = '';
        for (let i = 0; i < cols.length; i++) cells += cellXml(`${letters[i]}${n}`, row[i], types[i]!, strings, cols[i]!.decimals);
        xml += `<row r="${n}">${cells}</row>`;
      }
      part.push(xml);
      await pause();
    }
    part.push('</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>');
    part.end();
  }

  const sst = zip.part('xl/sharedStrings.xml');
  sst.push(`${XML_HEAD}<sst xmlns="${NS_MAIN}" count="${strings.count}" uniqueCount="${strings.list.length}">`);
  for (let start = 0; start < strings.list.length; start += chunk * 10) {
    sst.push(strings.list.slice(start, start + chunk * 10).map(stringXml).join(''));
    if (start + chunk * 10 < strings.list.length) await pause();
  }
  sst.push('</sst>');
  sst.end();

  zip.add('xl/styles.xml', STYLES);
  zip.add(
    'xl/workbook.xml',
    `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>`
      + names.map((n, i) => `<sheet name="${xmlText(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')
      + '</sheets></workbook>',
  );
  const k = sheets.length;
  zip.add(
    'xl/_rels/workbook.xml.rels',
    `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">`
      + names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')
      + `<Relationship Id="rId${k + 1}" Type="${NS_REL}/styles" Target="styles.xml"/>`
      + `<Relationship Id="rId${k + 2}" Type="${NS_REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  addPackageParts(zip, 'xl/workbook.xml', book.title, [
    ['/xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'],
    ...names.map((_, i) => [`/xl/worksheets/sheet${i + 1}.xml`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml'] as const),
    ['/xl/styles.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml'],
    ['/xl/sharedStrings.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml'],
  ]);
  return zip.finish();
}
