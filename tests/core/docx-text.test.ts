// The text of a .docx for the template editor's import (src/core/docx-text.ts): a document written by
// src/core/office/docx.ts comes back paragraph by paragraph, markup-like text stays text, and bytes
// that are no Word document throw (the editor says the file could not be read).
import { expect } from '@open-wc/testing';
import { docxText, documentXmlText } from '../../src/core/docx-text.js';
import { writeDocx } from '../../src/core/office/docx.js';
import { importChecklistText } from '../../src/core/template-import.js';

describe('docxText', () => {
  it('gives the paragraphs of a .docx, one a line, in order, with table cells and hostile text as text', async () => {
    const bytes = await writeDocx({
      title: '村（社区）巡察监督检查清单',
      blocks: [
        { kind: 'heading', level: 1, text: '（一）村级组织建设' },
        { kind: 'paragraph', text: '1.班子运行情况' },
        { kind: 'paragraph', text: '①是否按期召开支部委员会 & “四议两公开”<img src=x onerror=alert(1)>' },
        { kind: 'table', header: ['项目'], rows: [['=cmd|"/c calc"!A1']] },
      ],
    });
    const lines = docxText(bytes).split('\n').filter((l) => l.trim());
    expect(lines).to.deep.equal(['村（社区）巡察监督检查清单', '（一）村级组织建设', '1.班子运行情况', '①是否按期召开支部委员会 & “四议两公开”<img src=x onerror=alert(1)>', '项目', '=cmd|"/c calc"!A1']);
    // And the import reads it as the pasted text.
    const { template } = importChecklistText(lines.join('\n'), { base: { findings: [{ value: 'x', label: 'x', isProblem: true }] } });
    expect(template.sections.length).to.equal(1);
  });

  it('keeps tabs and breaks, decodes character references, reads empty and self-closing paragraphs', () => {
    const xml = '<w:body><w:p><w:r><w:t xml:space="preserve">a </w:t><w:tab/><w:t>b&amp;c&#x4E00;&#20108;</w:t><w:br/><w:t>d</w:t></w:r></w:p><w:p/><w:p><w:pPr><w:pStyle w:val="x"/></w:pPr><w:r><w:t>&lt;b&gt;</w:t></w:r></w:p></w:body>';
    expect(documentXmlText(xml)).to.equal('a \tb&c一二\nd\n\n<b>');
  });

  it('throws on bytes that are not a Word document', () => {
    expect(() => docxText(new Uint8Array([1, 2, 3, 4]))).to.throw();
  });
});
