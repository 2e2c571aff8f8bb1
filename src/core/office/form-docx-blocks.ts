/**
 * The Word layout of a form record (see form-docx.ts, which builds it from a schema and a value):
 * the blocks from the record's field tree. Imports nothing of the form's code (its field tree and
 * text come as arguments), so an element's export chunk that uses it shares no module with the
 * form's own file: a shared module would split that file in two on every form page.
 */
import { extendLocale, loadLocale, resolveLocale, type Messages } from '../i18n.js';
import formDocxZhCN, { type FormDocxMessages } from '../locales/form-docx.zh-CN.js';
import type { FieldDescriptor } from '../form-model.js';
import type { DocxBlock, DocxDocument } from './docx.js';

extendLocale(formDocxZhCN, { en: () => import('../locales/form-docx.en.js') });

/** Options of a record's Word layout ({@link modelDocument}, and `formDocument` of form-docx.ts). */
export interface FormDocxOptions {
  /** Language of labels, choices and dates (default zh-CN). */
  lang?: string;
  /** The document's title (default: the form definition's title in `lang`). */
  title?: string;
  /** Paragraphs under the title, before the fields (a 秘密 mark, the record's number). */
  lead?: readonly string[];
  /** Fields to leave out (besides hidden ones and those with `x-xc-print: false`), as the print does. */
  skip?: (d: FieldDescriptor) => boolean;
  /** Signature lines at the end (e.g. "谈话人（签字）：＿＿＿＿  日期：＿＿＿＿"). */
  signatureLines?: readonly string[];
  /** The last paragraph (e.g. the record's SHA-256 fingerprint line). */
  footer?: string;
}

/** A line to write on, for a field left empty. */
const BLANK = '_'.repeat(16);
/** A box to tick, before each choice of an empty choice field. */
const BOX = '\u2610';

/** The strings a record's Word layout uses: the form's and the export's own. */
export type FormDocxStrings = Messages & FormDocxMessages;
type T = FormDocxStrings;

/** Is the field a group of fields (a fieldset, or a list of them)? */
const isGroup = (d: FieldDescriptor) => d.widget === 'object' || (d.widget === 'array' && (d.item?.widget ?? d.items[0]?.widget) === 'object');
/** Long text: a textarea, or text with line breaks. */
const isLong = (d: FieldDescriptor, text: string) => d.widget === 'textarea' || text.includes('\n');

/**
 * The document of one record: see the module's description. `fieldText` reads a field as the
 * caller's print does (src/core/form-text.ts `fieldText`; an element passes its display's); `t`
 * holds the form's and the export's strings ({@link formDocxMessages}).
 */
export function modelDocument(model: FieldDescriptor, fieldText: (d: FieldDescriptor) => string, t: T, options: Omit<FormDocxOptions, 'lang'> = {}): DocxDocument {
  const shown = (list: readonly FieldDescriptor[]) => list.filter((d) => !d.hidden && !d.print.hide && !options.skip?.(d));
  const label = (d: FieldDescriptor) => d.print.label ?? d.label;
  /** A field's text; an empty one as a line to write on, or its choices as boxes to tick. */
  const value = (d: FieldDescriptor) => {
    const text = fieldText(d);
    if (text) return text;
    const choices = d.options.length && (d.widget === 'select' || d.widget === 'radio' || d.widget === 'checkboxes');
    return choices ? d.options.map((o) => `${BOX}${o.label}`).join('  ') : BLANK;
  };
  const blocks: DocxBlock[] = [];
  const heading = (text: string, level: number) => blocks.push({ kind: 'heading', level: Math.min(3, Math.max(1, level)) as 1 | 2 | 3, text });

  /** Fields as "label：value" paragraphs (text of several lines: one paragraph per line, under the label); groups as a heading at `level` and their fields below. */
  const fields = (list: readonly FieldDescriptor[], level: number, section?: string) => {
    for (const d of shown(list)) {
      // A group named as its section (谈话内容 under 谈话内容) is not headed twice: its content comes under the section's heading.
      if (isGroup(d)) group(d, level, section !== undefined && label(d).trim() === section.trim());
      else {
        const text = fieldText(d);
        if (/[\r\n]/.test(text)) {
          blocks.push({ kind: 'paragraph', text: t.formDocxField(label(d), '') });
          for (const line of text.replace(/\r\n?/g, '\n').split(/\n+/)) if (line.trim()) blocks.push({ kind: 'paragraph', text: line });
        } else blocks.push({ kind: 'paragraph', text: t.formDocxField(label(d), value(d)) });
      }
    }
  };

  /** A fieldset, or a list of them: short fields as a table (one row per item), long ones item by item. */
  const group = (d: FieldDescriptor, level: number, headed = false) => {
    if (headed) level--;
    else heading(label(d), level);
    if (d.widget === 'object') return fields(d.children, level + 1);
    // An empty list prints one blank item, to be filled in by hand (as the print does).
    const items = d.items.length ? d.items : d.item ? [d.item] : [];
    const columns = shown((d.item ?? items[0])?.children ?? []);
    const long = columns.some((c) => isGroup(c) || c.widget === 'textarea')
      || items.some((i) => shown(i.children).some((c) => isLong(c, fieldText(c))));
    if (!items.length) blocks.push({ kind: 'paragraph', text: t.formEmpty });
    else if (long) {
      for (const item of items) {
        heading(item.label, level + 1);
        fields(item.children, level + 2);
      }
    } else {
      const rows = items.map((item) =>
        columns.map((c) => {
          const cell = item.children.find((x) => x.key === c.key);
          return cell && !cell.hidden ? fieldText(cell) : '';
        }),
      );
      blocks.push({ kind: 'table', header: columns.map(label), rows });
    }
  };

  for (const text of options.lead ?? []) if (text) blocks.push({ kind: 'paragraph', text });

  // Sections: runs of fields with the same `x-xc-group`. The first one is the record's head.
  const top = shown(model.children);
  const sections: { name: string | undefined; list: FieldDescriptor[] }[] = [];
  for (const d of top) {
    const last = sections[sections.length - 1];
    if (last && (d.group === undefined || d.group === last.name)) last.list.push(d);
    else sections.push({ name: d.group, list: [d] });
  }
  sections.forEach((s, i) => {
    if (i === 0) {
      // The head: short fields as a two-column table (label, value), any group after it.
      const rows = s.list.filter((d) => !isGroup(d)).map((d) => [label(d), value(d)]);
      if (rows.length) blocks.push({ kind: 'table', header: [], rows });
      for (const d of s.list) if (isGroup(d)) group(d, 1);
      return;
    }
    if (s.name) heading(s.name, 1);
    fields(s.list, s.name ? 2 : 1, s.name);
  });

  if (options.signatureLines?.length) blocks.push({ kind: 'signature', lines: options.signatureLines });
  if (options.footer) blocks.push({ kind: 'paragraph', text: options.footer });
  return { title: options.title ?? model.label, blocks };
}

/** The strings of the form and of its Word export in `lang` (loading them if they are not there yet). */
export async function formDocxMessages(lang: string): Promise<T> {
  await loadLocale(lang);
  return resolveLocale(lang) as T;
}

