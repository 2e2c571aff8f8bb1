/**
 * CSV cells and text, for every record's export: formula injection guarded (reversibly), fields
 * quoted as RFC 4180 says, and CSV text read back. No strings of any element: a register's page
 * can use it without carrying the ledger's.
 */

const FORMULA_START = /^'*[=+\-@\t\r]/;
const GUARDED_FORMULA = /^'+[=+\-@\t\r]/;

/**
 * Neutralise spreadsheet formula injection: a cell starting with `=`, `+`, `-`, `@`, TAB or CR
 * gets a leading `'` (and so does one that already starts with `'`s followed by such a character,
 * which keeps the guard reversible: see {@link parseCsv}).
 */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** One CSV field: formula-neutralised, then quoted (with `"` doubled) when it contains `,` `"` CR or LF. */
export function csvField(cell: string): string {
  const safe = neutraliseFormula(cell);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A CSV file for spreadsheets: a UTF-8 byte order mark (so Excel reads Chinese), each row's fields guarded and quoted, CRLF after every row. */
export function csvText(rows: readonly (readonly unknown[])[]): string {
  return '\uFEFF' + rows.map((r) => r.map((cell) => csvField(String(cell ?? ''))).join(',') + '\r\n').join('');
}

/** Options of {@link parseCsv}. */
export interface ParseCsvOptions {
  /** Keep the `'` that {@link csvField} put before formula-like cells (default: remove it). */
  keepFormulaGuard?: boolean;
}

/**
 * Parse CSV text into rows of cells: skips a leading BOM; accepts CRLF, LF or CR line ends; quoted
 * cells may hold commas, doubled quotes and line breaks. A final line end does not make an empty
 * row. Unless `keepFormulaGuard`, the `'` that {@link csvField} adds before formula-like cells is
 * removed, so `parseCsv(csvText(rows))` gives back the exact cell texts.
 */
export function parseCsv(text: string, { keepFormulaGuard = false }: ParseCsvOptions = {}): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false; // the current field began with a quote
  let inQuotes = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  const endField = () => {
    row.push(keepFormulaGuard || !GUARDED_FORMULA.test(field) ? field : field.slice(1));
    field = '';
    quoted = false;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < n) {
    const c = text[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
      } else {
        field += c;
      }
      i++;
      continue;
    }
    if (c === '"' && field === '' && !quoted) {
      inQuotes = true;
      quoted = true;
    } else if (c === ',') {
      endField();
    } else if (c === '\r' || c === '\n') {
      endRow();
      if (c === '\r' && text[i + 1] === '\n') i++;
    } else {
      field += c;
    }
    i++;
  }
  if (field !== '' || quoted || row.length > 0) endRow();
  return rows;
}

