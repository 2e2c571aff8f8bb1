/**
 * The package around every .docx and .xlsx (core/office/zip.ts `addPackageParts`), read back from
 * the bytes: the content types name each part the package has, the package's relationships point
 * at its main part and its core properties, and the core properties carry the title (as text).
 * Word and Excel refuse a file whose parts are not all typed.
 */
import { expect } from '@open-wc/testing';
import { unzipSync, strFromU8 } from 'fflate';
import { writeDocx } from '../../src/core/office/docx.js';
import { writeXlsx } from '../../src/core/office/xlsx.js';

const now = { yieldTo: () => Promise.resolve() };

/** The parts of a package as text, by name. */
const partsOf = (bytes: Uint8Array) => Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));

function expectPackage(parts: Record<string, string>, main: string, mainType: string, title: string): void {
  const types = new DOMParser().parseFromString(parts['[Content_Types].xml']!, 'application/xml');
  const overrides = new Map([...types.getElementsByTagName('Override')].map((o) => [o.getAttribute('PartName')!, o.getAttribute('ContentType')!]));
  const defaults = [...types.getElementsByTagName('Default')].map((d) => d.getAttribute('Extension'));
  expect(defaults).to.deep.equal(['rels', 'xml']);
  const own = Object.keys(parts).filter((p) => p !== '[Content_Types].xml' && !p.endsWith('.rels'));
  expect([...overrides.keys()].sort(), 'every part typed, none more').to.deep.equal(own.map((p) => `/${p}`).sort());
  expect(overrides.get(`/${main}`)).to.equal(mainType);
  expect(overrides.get('/docProps/core.xml')).to.equal('application/vnd.openxmlformats-package.core-properties+xml');
  const rels = new DOMParser().parseFromString(parts['_rels/.rels']!, 'application/xml');
  const targets = [...rels.getElementsByTagName('Relationship')].map((r) => [r.getAttribute('Type')!.split('/').pop(), r.getAttribute('Target')]);
  expect(targets).to.deep.equal([
    ['officeDocument', main],
    ['core-properties', 'docProps/core.xml'],
  ]);
  const core = new DOMParser().parseFromString(parts['docProps/core.xml']!, 'application/xml');
  expect(core.getElementsByTagName('dc:title')[0]?.textContent ?? '').to.equal(title);
}

describe('office package parts', () => {
  it('a Word document: document, styles and fonts typed, the title in its properties', async () => {
    const title = '整改情况 <报告> & "附件"';
    const parts = partsOf(await writeDocx({ title, blocks: [{ kind: 'paragraph', text: '正文' }] }, now));
    expectPackage(parts, 'word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml', title);
    expect(Object.keys(parts)).to.include.members(['word/styles.xml', 'word/fontTable.xml']);
  });

  it('a workbook of two sheets: each sheet typed, no title when none is given', async () => {
    const book = { sheets: [{ name: '台账', columns: [{ header: '编号' }], rows: [['ZG-001']] }, { name: '统计', columns: [{ header: '数' }], rows: [[1]] }] };
    const parts = partsOf(await writeXlsx(book, now));
    expectPackage(parts, 'xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', '');
    expect(Object.keys(parts)).to.include.members(['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/styles.xml', 'xl/sharedStrings.xml']);
  });
});
