/**
 * The zip container of the Office writers (docx and xlsx are zip files of XML parts), over fflate's
 * synchronous streaming classes: each part is deflated as its XML is pushed, chunk by chunk, so a
 * writer can yield to the event loop between chunks and no task grows with the document. fflate's
 * async and worker APIs are not used: they start workers from blob URLs, which a strict CSP forbids.
 */
import { Zip, ZipDeflate, strToU8 } from 'fflate';

/** A fixed time for every part: the same content gives the same bytes. */
const MTIME = new Date(2000, 0, 1);

/** One part being written: push its text in pieces, then end it. */
export interface ZipPart {
  push(text: string): void;
  end(): void;
}

/** A zip being written part after part; `finish()` gives its bytes. */
export class ZipWriter {
  private readonly _chunks: Uint8Array[] = [];
  private _error: Error | null = null;
  private readonly _zip = new Zip((err, data) => {
    if (err) this._error = err;
    else this._chunks.push(data);
  });

  /** Start a part; the previous one must have ended. */
  part(name: string): ZipPart {
    const file = new ZipDeflate(name, { level: 6 });
    file.mtime = MTIME;
    this._zip.add(file);
    return {
      push: (text) => file.push(strToU8(text), false),
      end: () => file.push(new Uint8Array(0), true),
    };
  }

  /** Add a whole part at once. */
  add(name: string, text: string): void {
    const p = this.part(name);
    p.push(text);
    p.end();
  }

  /** End the zip and return its bytes. */
  finish(): Uint8Array {
    this._zip.end();
    if (this._error) throw this._error;
    const size = this._chunks.reduce((n, c) => n + c.length, 0);
    const out = new Uint8Array(size);
    let at = 0;
    for (const c of this._chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

/** Let the event loop run (input, rendering) between chunks of work. */
export function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Characters XML 1.0 forbids (controls other than TAB, LF, CR; U+FFFE, U+FFFF; lone surrogates). */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as XML character data or an attribute value: escaped, with the characters XML 1.0 forbids removed. */
export function xmlText(s: string): string {
  return s
    .replace(FORBIDDEN, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;');
}

/** The XML declaration every part starts with. */
export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Relationships of Office documents (a part's `r:` namespace, and the type of a relationship to a part). */
export const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** The namespace of a package's relationship parts (`.rels`). */
export const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** docProps/core.xml with a title (the title the file's properties show). */
export function coreProps(title: string | undefined): string {
  return `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`
    + (title ? `<dc:title>${xmlText(title)}</dc:title>` : '')
    + '</cp:coreProperties>';
}

/**
 * The parts every package (.docx, .xlsx) has beside its own, added last: the package's
 * relationships (`_rels/.rels`: the main part `main` and the core properties), the core properties
 * with `title`, and the content types: the defaults for .rels and .xml, an override per part of the
 * package's own (`[part name, content type]`, as `overrides` lists them) and the core properties'.
 */
export function addPackageParts(zip: ZipWriter, main: string, title: string | undefined, overrides: readonly (readonly [string, string])[]): void {
  zip.add(
    '_rels/.rels',
    `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_R}/officeDocument" Target="${main}"/>`
      + '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>',
  );
  zip.add('docProps/core.xml', coreProps(title));
  zip.add(
    '[Content_Types].xml',
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
      + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
      + overrides.map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`).join('')
      + '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>',
  );
}
