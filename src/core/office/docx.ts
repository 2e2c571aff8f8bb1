/**
 * A small WordprocessingML (.docx) writer for the records people exchange as Word files (谈话笔录,
 * 移交单, 整改情况报告): a title, headings as Word's own heading styles (so the navigation pane and
 * a table of contents find them), paragraphs, tables with a repeated header row, and signature
 * lines, on A4. Fonts are named by family only (宋体 / SimSun for text, 黑体 / SimHei for headings;
 * Word falls back when a machine lacks them): no font file is embedded. No DOM; the body is built
 * in chunks of blocks with the event loop let run between them, and zipped as it goes.
 */
import { NS_PKG_REL, NS_R, ZipWriter, XML_HEAD, addPackageParts, xmlText, yieldToLoop } from './zip.js';

/** One block of a document, in reading order. */
export type DocxBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; header: readonly string[]; rows: readonly (readonly string[])[] }
  | { kind: 'signature'; lines: readonly string[] };

/** A document: its title (centred at the top, and the file's title property) and blocks. */
export interface DocxDocument {
  title: string;
  blocks: readonly DocxBlock[];
  /** Paper size; only A4 for now. */
  page?: 'A4';
}

/** Options of {@link writeDocx}. */
export interface DocxOptions {
  /** Blocks built between two yields to the event loop (default 500). */
  chunkBlocks?: number;
  /** How to yield (default: a `setTimeout(0)`); a server may pass `() => Promise.resolve()`. */
  yieldTo?: () => Promise<void>;
}

const NS_W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** Runs of one text: line breaks become `<w:br/>`, tabs `<w:tab/>`. */
function runs(text: unknown, bold = false): string {
  const s = typeof text === 'string' ? text : text == null ? '' : String(text);
  const rPr = bold ? '<w:rPr><w:b/></w:rPr>' : '';
  return s
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line, i) => {
      const parts = line.split('\t').map((p) => (p ? `<w:t xml:space="preserve">${xmlText(p)}</w:t>` : '')).join('<w:tab/>');
      return `<w:r>${rPr}${i ? '<w:br/>' : ''}${parts}</w:r>`;
    })
    .join('');
}

const para = (text: unknown, pPr = '', bold = false) => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${runs(text, bold)}</w:p>`;

/** A table filling the text width: borders, the header row bold and repeated on every page. */
function tableXml(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const n = Math.max(header.length, ...rows.map((r) => (Array.isArray(r) ? r.length : 0)), 1);
  const width = Math.floor(9026 / n);
  const cell = (text: unknown, bold: boolean) => `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/></w:tcPr>${para(text, '', bold)}</w:tc>`;
  const row = (cells: readonly unknown[], head: boolean) =>
    `<w:tr>${head ? '<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>' : '<w:trPr><w:cantSplit/></w:trPr>'}${Array.from({ length: n }, (_, i) => cell(cells[i] ?? '', head)).join('')}</w:tr>`;
  return '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="pct"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
    + `<w:tblGrid>${`<w:gridCol w:w="${width}"/>`.repeat(n)}</w:tblGrid>`
    + (header.length ? row(header, true) : '')
    + rows.map((r) => row(Array.isArray(r) ? r : [], false)).join('')
    + '</w:tbl><w:p/>';
}

/** One block's XML. */
function blockXml(b: DocxBlock): string {
  switch (b?.kind) {
    case 'heading': {
      const level = b.level === 2 || b.level === 3 ? b.level : 1;
      return para(b.text, `<w:pStyle w:val="Heading${level}"/>`);
    }
    case 'table':
      return tableXml(Array.isArray(b.header) ? b.header : [], Array.isArray(b.rows) ? b.rows : []);
    case 'signature': {
      // Kept together, right half of the page, with room above to sign.
      const lines = Array.isArray(b.lines) ? b.lines : [];
      return lines
        .map((l, i) => para(l, `<w:pStyle w:val="Signature"/>${i < lines.length - 1 ? '<w:keepNext/>' : ''}${i === 0 ? '<w:spacing w:before="480"/>' : ''}`))
        .join('');
    }
    case 'paragraph':
      return para(b.text);
    default:
      return '';
  }
}

const FONT = '<w:rFonts w:ascii="SimSun" w:hAnsi="SimSun" w:eastAsia="宋体" w:cs="SimSun"/>';
const HEAD_FONT = '<w:rFonts w:ascii="SimHei" w:hAnsi="SimHei" w:eastAsia="黑体" w:cs="SimHei"/>';
const heading = (level: number, size: number) =>
  `<w:style w:type="paragraph" w:styleId="Heading${level}"><w:name w:val="heading ${level}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>`
  + `<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="${level - 1}"/></w:pPr><w:rPr>${HEAD_FONT}<w:b/><w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr></w:style>`;

const STYLES = `${XML_HEAD}<w:styles xmlns:w="${NS_W}">`
  + `<w:docDefaults><w:rPrDefault><w:rPr>${FONT}<w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="zh-CN" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>`
  + '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="360" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
  + '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
  + `<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:jc w:val="center"/><w:spacing w:before="240" w:after="360"/></w:pPr><w:rPr>${HEAD_FONT}<w:b/><w:sz w:val="36"/><w:szCs w:val="36"/></w:rPr></w:style>`
  + heading(1, 32)
  + heading(2, 28)
  + heading(3, 24)
  + '<w:style w:type="paragraph" w:styleId="Signature"><w:name w:val="Signature"/><w:basedOn w:val="Normal"/><w:pPr><w:keepLines/><w:ind w:left="4536"/></w:pPr></w:style>'
  + '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
  + '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:tblPr><w:tblBorders>'
  + ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((s) => `<w:${s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`).join('')
  + '</w:tblBorders></w:tblPr></w:style></w:styles>';

const FONTS = `${XML_HEAD}<w:fonts xmlns:w="${NS_W}">`
  + '<w:font w:name="宋体"><w:altName w:val="SimSun"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>'
  + '<w:font w:name="SimSun"><w:altName w:val="宋体"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>'
  + '<w:font w:name="黑体"><w:altName w:val="SimHei"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>'
  + '<w:font w:name="SimHei"><w:altName w:val="黑体"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font></w:fonts>';

/** A4 portrait, 2.54 cm margins. */
const SECTION = '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>';

/**
 * Write a document as .docx bytes (A4): the title centred at the top, then each block in order —
 * headings in Word's heading styles (level 1–3), paragraphs (line breaks kept), tables (header row
 * bold and repeated on each page, rows not split across pages), signature lines kept together.
 * Text is XML-escaped, with characters XML 1.0 forbids removed.
 */
export async function writeDocx(doc: DocxDocument, options: DocxOptions = {}): Promise<Uint8Array> {
  const chunk = Math.max(1, options.chunkBlocks ?? 500);
  const pause = options.yieldTo ?? yieldToLoop;
  const zip = new ZipWriter();
  const blocks = Array.isArray(doc.blocks) ? doc.blocks : [];
  const body = zip.part('word/document.xml');
  body.push(`${XML_HEAD}<w:document xmlns:w="${NS_W}" xmlns:r="${NS_R}"><w:body>${doc.title ? para(doc.title, '<w:pStyle w:val="Title"/>') : ''}`);
  for (let start = 0; start < blocks.length; start += chunk) {
    let xml = '';
    for (let i = start; i < Math.min(blocks.length, start + chunk); i++) xml += blockXml(blocks[i]!);
    body.push(xml);
    await pause();
  }
  body.push(`${SECTION}</w:body></w:document>`);
  body.end();
  zip.add('word/styles.xml', STYLES);
  zip.add('word/fontTable.xml', FONTS);
  zip.add(
    'word/_rels/document.xml.rels',
    `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_R}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${NS_R}/fontTable" Target="fontTable.xml"/></Relationships>`,
  );
  addPackageParts(zip, 'word/document.xml', doc.title, [
    ['/word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'],
    ['/word/styles.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml'],
    ['/word/fontTable.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml'],
  ]);
  return zip.finish();
}
