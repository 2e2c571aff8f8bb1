/**
 * The clue register's Office files: the register as an Excel workbook (the CSV's columns and texts,
 * the one table of src/core/clue-register.ts, `clueTable`: one row per clue, 移交日期, 回复期限 and
 * 回复日期 as real date cells, the light in words), and a 问题线索移交单 as a Word document with the
 * printed sheet's strings (src/clue-register/xc-clue-register-sheet.ts): title, number, 移交对象,
 * date, the table of its clues, the reply deadline, and the signature lines of 移交人 and 接收人.
 * Nothing of a 反映人: the register holds none. Loaded only when someone exports.
 */
import { formatDateKey, loadLocale } from '../i18n.js';
import {
  CLUE_TABLE_COLUMNS,
  clueReceiverLabel,
  clueRegisterMessages,
  clueTable,
  type ClueCsvOptions,
  type ClueRegister,
  type ClueTableColumn,
  type RegisterClue,
  type TransferSheet,
} from '../clue-register.js';
import { writeDocx, type DocxBlock, type DocxOptions } from './docx.js';
import { writeXlsx, type XlsxColumn, type XlsxOptions } from './xlsx.js';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Type and width (characters) of each column; the rest are text 12 wide. */
const LAYOUT: Partial<Record<ClueTableColumn, Pick<XlsxColumn, 'type' | 'width'>>> = {
  number: { width: 14 },
  source: { width: 12 },
  sourceRecord: { width: 20 },
  problem: { width: 40 },
  category: { width: 14 },
  concerned: { width: 18 },
  suggestion: { width: 30 },
  receiver: { width: 16 },
  state: { width: 12 },
  sheet: { width: 14 },
  transferredOn: { type: 'date', width: 12 },
  replyDue: { type: 'date', width: 12 },
  light: { width: 20 },
  disposal: { width: 12 },
  repliedOn: { type: 'date', width: 12 },
  replyNote: { width: 30 },
};

/** Options of {@link cluesToXlsx}: the language, today (for the light), the clues (a filtered list), and the writer's. */
export type ClueXlsxOptions = ClueCsvOptions & XlsxOptions;

/**
 * The register's clues as .xlsx bytes: one sheet named 问题线索台账 (in `lang`), the header row of the
 * CSV's column labels, then one row per clue with the CSV's texts (the light in words, as of
 * `today`); dates that are real dates as date cells (others stay text). No cell is a formula.
 */
export async function cluesToXlsx(register: ClueRegister, options: ClueXlsxOptions): Promise<Uint8Array> {
  const lang = options.lang ?? 'zh-CN';
  await loadLocale(lang);
  const { head, rows } = clueTable(register, { ...options, lang });
  const columns: XlsxColumn[] = CLUE_TABLE_COLUMNS.map((key, i) => ({ header: head[i] ?? '', ...LAYOUT[key] }));
  const title = clueRegisterMessages(lang).crTitle;
  return writeXlsx({ title, sheets: [{ name: title, columns, rows }] }, options);
}

/** A blank to sign on. */
const BLANK = '________________';

/**
 * A 移交单 as Word blocks, the printed sheet's strings in `lang`: its number; 移交对象 (and the
 * receiving body's name) and 移交日期; the table of its clues (序号, 线索编号, 主要问题, 被反映人,
 * 处理建议), in the sheet's order; how many and by when to reply; then, for 移交人 and 接收人, the
 * name, 签字 and 日期 lines.
 */
export function transferSheetBlocks(sheet: TransferSheet, clues: readonly RegisterClue[], lang: string): DocxBlock[] {
  const t = clueRegisterMessages(lang);
  const byId = new Map(clues.map((c) => [c.id, c]));
  const rows = (Array.isArray(sheet.clueIds) ? sheet.clueIds : []).map((id) => byId.get(id)).filter((c): c is RegisterClue => !!c);
  const field = (label: string, value: string) => `${label}${t.labelSep}${value}`;
  const receiver = clueReceiverLabel(sheet.receiver, lang) + (str(sheet.receiverUnit) ? t.bracket(str(sheet.receiverUnit)) : '');
  const sign = (label: string, name: string): DocxBlock => ({
    kind: 'signature',
    lines: [field(label, name), field(t.crSheetSign, BLANK), field(t.crSheetSignDate, BLANK)],
  });
  return [
    { kind: 'paragraph', text: t.crSheetNumber(str(sheet.number)) },
    { kind: 'paragraph', text: field(t.crSheetTo, receiver) },
    { kind: 'paragraph', text: field(t.crSheetDate, formatDateKey(sheet.date, lang)) },
    {
      kind: 'table',
      header: [t.crSheetSeq, t.crColNumber, t.crColProblem, t.crColConcerned, t.crColSuggestion],
      rows: rows.map((c, i) => [
        String(i + 1),
        str(c.number),
        str(c.mainProblem),
        [str(c.personConcerned?.name), str(c.personConcerned?.unit)].filter(Boolean).join(' '),
        str(c.suggestion),
      ]),
    },
    { kind: 'paragraph', text: `${t.crSheetCount(rows.length)} ${t.crSheetDue(formatDateKey(sheet.replyDue, lang))}` },
    sign(t.crSheetTransferor, str(sheet.transferor)),
    sign(t.crSheetRecipient, str(sheet.recipient)),
  ];
}

/**
 * The 移交单 `sheetId` of the register as .docx bytes (A4, titled 问题线索移交单 in `lang`), or null
 * when the register has no such sheet.
 */
export async function transferSheetToDocx(register: ClueRegister, sheetId: string, lang = 'zh-CN', options: DocxOptions = {}): Promise<Uint8Array | null> {
  const sheet = (register.transfers ?? []).find((x) => x.id === sheetId);
  if (!sheet) return null;
  await loadLocale(lang);
  return writeDocx({ title: clueRegisterMessages(lang).crSheetTitle, blocks: transferSheetBlocks(sheet, register.clues, lang) }, options);
}
