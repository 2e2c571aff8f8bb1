/**
 * A form record (any form definition `<xc-form>` reads: schema + value) as a Word document for
 * writeDocx: the record's title, its head fields (the first section: 谈话对象、时间、地点、谈话人…) as a
 * two-column table, then each further section (`x-xc-group`) as a heading with its fields as
 * "label：value" paragraphs — text of several lines as paragraphs under its label, repeating groups
 * of short fields as tables, of long ones as one sub-heading per item — and the signature lines and
 * footer the caller's printed layout has. Values read as the print shows them (src/core/form-text.ts):
 * choices as their labels, never raw codes; dates in the language's format. The layout itself is
 * form-docx-blocks.ts. Loaded only when someone exports.
 */
import { extendLocale } from '../i18n.js';
import formZhCN from '../locales/form.zh-CN.js';
import { buildFormModel } from '../form-model.js';
import { fieldText } from '../form-text.js';
import type { JsonSchema } from '../validation-types.js';
import { writeDocx, type DocxDocument, type DocxOptions } from './docx.js';
import { formDocxMessages, modelDocument, type FormDocxOptions } from './form-docx-blocks.js';

export { formDocxMessages, modelDocument, type FormDocxOptions, type FormDocxStrings } from './form-docx-blocks.js';

/** The form's own strings (people, lists, dates), for a record exported without a form element on the page. */
extendLocale(formZhCN, { en: () => import('../locales/form.en.js') });

/** The document of a record of any form definition, in `lang` (see {@link modelDocument}). */
export async function formDocument(schema: JsonSchema, value: unknown, options: FormDocxOptions = {}): Promise<DocxDocument> {
  const lang = options.lang ?? 'zh-CN';
  const t = await formDocxMessages(lang);
  return modelDocument(buildFormModel(schema, value, lang), (d) => fieldText(d, t, lang), t, options);
}

/** A record of any form definition as .docx bytes (A4): {@link formDocument} written by writeDocx. */
export async function formToDocx(schema: JsonSchema, value: unknown, options: FormDocxOptions & DocxOptions = {}): Promise<Uint8Array> {
  return writeDocx(await formDocument(schema, value, options), options);
}
