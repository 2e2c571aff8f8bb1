/**
 * The text of a Word document (.docx), for the template editor's import: the paragraphs of
 * `word/document.xml`, each the `w:t` texts of one `w:p` joined (tabs and line breaks kept),
 * one paragraph a line. Pure (no DOM): the XML is read with a small scanner, entities decoded,
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

/** The paragraphs of a WordprocessingML body (`word/document.xml`'s text), one a line. */
export function documentXmlText(xml: string): string {
  const lines: string[] = [];
  // Each paragraph (a self-closing <w:p/> is an empty line); text runs, tabs and breaks within it.
  const para = /<w:p(?:\s[^>]*)?\/>|<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g;
  const piece = /<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:t(?:\s[^>]*)?\/>|<w:(tab|br|cr)(?:\s[^>]*)?\/>/g;
  for (let m = para.exec(xml); m; m = para.exec(xml)) {
    const body = m[1] ?? '';
    let line = '';
    for (let p = piece.exec(body); p; p = piece.exec(body)) {
      if (p[1] !== undefined) line += decode(p[1]);
      else if (p[2] === 'tab') line += '\t';
      else if (p[2]) line += '\n';
    }
    piece.lastIndex = 0;
    lines.push(line);
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
