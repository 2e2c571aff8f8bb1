/**
 * The text of a Word document (.docx), for the template editor's import: the paragraphs of
 * `word/document.xml`, each the `w:t` texts of one `w:p` joined (tabs and line breaks kept),
 * one paragraph a line, and a table row of several cells one line (`| a | b |`). Pure (no DOM): the XML is read with a small scanner, entities decoded,
 * nothing interpreted as markup. Loaded only when a person opens a .docx.
 */
import { unzipSync, strFromU8 } from 'fflate';

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML character references and the five named entities decoded; anything else is left as written. */
function decode(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-z]{2,4});/g, (all, e: string) => {
    if (e[0] !== '#') return NAMED[e] ?? all;
    const n = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : all;
  });
}

/** The text of one paragraph's body: its text runs, tabs and breaks. */
function paragraphText(body: string): string {
  const piece = /<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:t(?:\s[^>]*)?\/>|<w:(tab|br|cr)(?:\s[^>]*)?\/>/g;
  let line = '';
  for (let p = piece.exec(body); p; p = piece.exec(body)) {
    if (p[1] !== undefined) line += decode(p[1]);
    else if (p[2] === 'tab') line += '\t';
    else if (p[2]) line += '\n';
  }
  return line;
}

/**
 * The paragraphs of a WordprocessingML body (`word/document.xml`'s text), one a line. A table row
 * of two cells or more is one line, its cells between bars (`| 序号 | 检查内容 |`, each cell's
 * paragraphs joined by a space), so that the import lists it as a table row instead of reading its
 * cells as text; a row of one cell gives its paragraphs as lines.
 */
export function documentXmlText(xml: string): string {
  const lines: string[] = [];
  // Each table row, or each paragraph (a self-closing <w:p/> is an empty line).
  const block = /<w:tr(?:\s[^>]*)?>([\s\S]*?)<\/w:tr>|<w:p(?:\s[^>]*)?\/>|<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g;
  const para = /<w:p(?:\s[^>]*)?\/>|<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g;
  const cell = /<w:tc(?:\s[^>]*)?>([\s\S]*?)<\/w:tc>/g;
  for (let m = block.exec(xml); m; m = block.exec(xml)) {
    if (m[1] === undefined) {
      lines.push(paragraphText(m[2] ?? ''));
      continue;
    }
    const cells = [...m[1].matchAll(cell)].map((c) => [...(c[1] ?? '').matchAll(para)].map((p) => paragraphText(p[1] ?? '')));
    if (cells.length < 2) lines.push(...cells.flat());
    else lines.push(`| ${cells.map((c) => c.join(' ').replace(/\s+/g, ' ').trim()).join(' | ')} |`);
  }
  return lines.join('\n');
}

/**
 * The text of a .docx file's bytes: its paragraphs, one a line. Throws when the bytes are not a
 * zip holding `word/document.xml` (the caller says the file could not be read).
 */
export function docxText(bytes: Uint8Array): string {
  const files = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' });
  const xml = files['word/document.xml'];
  if (!xml) throw new Error('not a Word document: word/document.xml is missing');
  return documentXmlText(strFromU8(xml));
}
