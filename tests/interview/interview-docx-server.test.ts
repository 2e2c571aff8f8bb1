// The interview records' Word files made on a server (xc-elements/office interviewToDocx and
// clueSheetToDocx) hold exactly the text of the files <xc-interview-form> and <xc-clue-sheet> export
// for the same record — 注意保密, 编号, the signature lines, the fingerprint line or 本记录尚未签署定稿。
// — in both languages, signed and unsigned, read back with mammoth; and 谈话内容 is headed once.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/interview/index.js';
import '../../src/provider/index.js';
import type { XcInterviewForm } from '../../src/interview/xc-interview-form.js';
import type { XcClueSheet } from '../../src/interview/xc-clue-sheet.js';
import type { ExportEventDetail } from '../../src/events/index.js';
import { clueSheetToDocx, interviewRecordSchema, clueSheetSchema, interviewToDocx } from '../../src/core/office/index.js';
import { sign } from '../../src/core/fingerprint.js';
import { filledInterview } from '../fixtures/records.js';
import { readDocx } from '../core/office-readers.js';
import { settle } from '../form/helpers.js';

const NOW = '2026-11-26T10:45:00+08:00';
const XSS = '<img src=x onerror=alert(1)>';
const FORMULA = '=cmd|"/c calc"!A1';

async function elementFile(tag: 'xc-interview-form' | 'xc-clue-sheet', value: unknown, lang: string): Promise<ExportEventDetail> {
  const p = await fixture(
    tag === 'xc-interview-form'
      ? html`<xc-provider today=${NOW}><xc-interview-form lang=${lang} .value=${value}></xc-interview-form></xc-provider>`
      : html`<xc-provider today=${NOW}><xc-clue-sheet lang=${lang} .value=${value}></xc-clue-sheet></xc-provider>`,
  );
  const el = p.querySelector(tag) as XcInterviewForm | XcClueSheet;
  await settle(el);
  const seen = oneEvent(el, 'xc-export');
  void el.download('docx');
  const ev = (await seen) as CustomEvent<ExportEventDetail>;
  ev.preventDefault();
  return ev.detail;
}

function hostile(): Record<string, unknown> {
  const r = filledInterview();
  (r['transcript'] as { answer: string }[])[1]!.answer = XSS;
  (r['problems'] as { summary: string }[])[1]!.summary = FORMULA;
  return r;
}

const clue = () => ({
  clueNo: '区委第一巡察组-线-003',
  source: '个别谈话',
  receivedOn: '2026-11-26',
  reporter: { name: '赵六', unit: '区农业农村局' },
  personConcerned: { name: '钱七', unit: '区农业农村局', post: '办公室主任' },
  mainProblem: `春节前以慰问名义发放购物卡。\n${XSS}`,
  proposedHandling: FORMULA,
  transferTo: '区纪委',
  receiver: '孙八',
});

describe('interviewToDocx / clueSheetToDocx (xc-elements/office): the elements\' files on a server', () => {
  it('exports the bundled definitions, so a server needs no hashed chunk', () => {
    expect((interviewRecordSchema as { title?: string }).title).to.be.a('string');
    expect((clueSheetSchema as { title?: string }).title).to.be.a('string');
  });

  for (const lang of ['zh-CN', 'en']) {
    it(`a 谈话笔录, unsigned and signed (${lang}): the server's file is the element's, text for text and heading for heading`, async () => {
      const unsigned = hostile();
      const signed = await sign(hostile(), NOW);
      for (const record of [unsigned, signed]) {
        const fromElement = await elementFile('xc-interview-form', record, lang);
        const fromServer = await interviewToDocx(record, { lang, now: new Date(NOW) });
        const a = await readDocx(fromElement.bytes!);
        const b = await readDocx(fromServer.bytes);
        expect(b.html).to.equal(a.html);
        expect(fromServer.filename).to.equal(fromElement.filename);
        if (lang === 'zh-CN') {
          expect(b.text).to.contain('注意保密').and.contain(`编号：${record['recordNo']}`).and.contain('谈话人（签字）：').and.contain('记录人（签字）：').and.contain('谈话对象（签字）：');
          if (record === signed) expect(b.text).to.contain(`记录指纹（SHA-256）：${signed.signature.digest}`).and.not.contain('本记录尚未签署定稿');
          else expect(b.text).to.contain('本记录尚未签署定稿。');
        }
        expect(b.html, 'hostile text stays text').not.to.contain('<img');
        expect(b.text).to.contain(XSS).and.contain(FORMULA);
      }
    });

    it(`a 问题线索登记移交表 (${lang}): the server's file is the element's`, async () => {
      const fromElement = await elementFile('xc-clue-sheet', clue(), lang);
      const fromServer = await clueSheetToDocx(clue(), { lang, now: new Date(NOW) });
      expect((await readDocx(fromServer.bytes)).html).to.equal((await readDocx(fromElement.bytes!)).html);
      expect(fromServer.filename).to.equal(fromElement.filename);
    });
  }

  it('谈话内容 is headed once (not as a section and again as its list)', async () => {
    const { html: h } = await readDocx((await interviewToDocx(filledInterview())).bytes);
    const headings = [...h.matchAll(/<h(\d)>(.*?)<\/h\1>/g)].map((m) => m[2]);
    expect(headings.filter((x) => x === '谈话内容')).to.have.length(1);
    for (let i = 1; i < headings.length; i++) expect(headings[i], `heading ${i}`).not.to.equal(headings[i - 1]);
  });
});
