import { expect } from '@open-wc/testing';
import { reportFrom } from '../support/report-frame.js';

interface Report {
  ok: boolean;
  error?: string;
  evalBlocked: boolean;
  violations: string[];
  errors: string[];
  coreExports?: string[];
  entryExports?: string[];
  checklistPoints?: number;
  itemCount?: number;
  rowDefinedBeforeOpen?: boolean;
  rows?: number;
  renderedRows?: number;
  summaryText?: string;
  detailTitle?: string;
  formInputs?: number;
  interviewTextareas?: number;
  clueControls?: number;
  tags?: string[];
  undefinedTags?: string[];
  requested?: string[];
  coreError?: string;
  detailStyled?: string;
  chartsStyled?: string;
  printStyled?: string;
  petitionRows?: string[];
  petitionCsvHasName?: boolean;
  petitionCoreCsvHasName?: boolean | null;
  petitionStyled?: string;
  clueRows?: string[];
  clueSheetNumber?: string;
  clueSheetText?: string;
  clueStyled?: string;
  clueCoreCsv?: string | null;
  reportTitle?: string;
  feedbackBadges?: string[];
  feedbackItems?: string[];
  feedbackCoreItems?: number | null;
  feedbackStyled?: string;
  reportDue?: string;
  reportRefusal?: string;
  reportCoreRefused?: boolean | null;
  reportPublicHasName?: boolean;
  reportPublicShown?: string | false;
  reportStyled?: string;
  roundRows?: string[];
  roundCharts?: number;
  roundStyled?: string;
  roundCsvLastRow?: string[];
  roundCoreTotals?: string | null;
  editorSaveShown?: boolean;
  editorSaved?: string;
  editorPreviewPoints?: number;
  editorPreviewFirst?: boolean;
  editorStyled?: string;
}

const run = () => reportFrom<Report>('/tests/csp/all-elements.html', { timeout: 30_000, width: '1280px', height: '800px' });

describe('every element of the standalone bundle under a strict Content-Security-Policy', () => {
  let r: Report;
  before(async function () {
    this.timeout(40000);
    r = await run();
  });

  it('loads with no violation and no error, eval really refused', () => {
    expect(r.error).to.equal(undefined);
    expect(r.ok).to.equal(true);
    expect(r.evalBlocked, 'the page really forbids eval').to.equal(true);
    expect(r.violations).to.deep.equal([]);
    expect(r.errors).to.deep.equal([]);
  });

  it('the ledger shows its rows (defined with the tracker, before any item is opened) and opens an item', () => {
    expect(r.itemCount).to.equal(3);
    expect(r.summaryText).to.contain('共 3 项');
    expect(r.rowDefinedBeforeOpen, 'xc-rectification-row is defined with the tracker').to.equal(true);
    expect(r.rows).to.equal(3);
    expect(r.renderedRows, 'rows that show a button to open them').to.equal(3);
    expect(r.detailTitle).to.match(/[\u4e00-\u9fa5]/);
    expect(r.detailStyled, 'the panel is styled').to.equal('sticky');
    expect(r.chartsStyled, 'the charts are styled').to.equal('grid');
  });

  it('the checklist, a host form, the interview form and the clue sheet render', () => {
    expect(r.checklistPoints, 'check points shown').to.be.greaterThan(0);
    expect(r.formInputs).to.be.greaterThan(0);
    expect(r.interviewTextareas).to.be.greaterThan(0);
    expect(r.clueControls).to.be.greaterThan(0);
    expect(r.printStyled, 'the interview record’s print layout, styled').to.equal('block');
  });

  it('the petition register takes a petition through its form, lists it with the 反映人 masked, and neither CSV holds the name', () => {
    expect(r.petitionRows).to.have.length(1);
    expect(r.petitionRows![0]).to.contain('XF-2026-001').and.contain('（保密）').and.not.contain('王秀兰');
    expect(r.petitionCsvHasName).to.equal(false);
    expect(r.petitionCoreCsvHasName, 'petitionsToCsv from the standalone core file').to.equal(false);
    expect(r.petitionStyled, 'the register is styled').to.equal('flex');
  });

  it('the clue register takes a clue through its form to a printed 移交单 (panel and sheet chunks loaded under the policy), and the core writes its CSV', () => {
    expect(r.clueRows, JSON.stringify(r.clueRows)).to.have.length(1);
    expect(r.clueRows![0]).to.contain('XS-2026-001').and.contain('违规发放津贴补贴').and.contain('已移交');
    expect(r.clueSheetNumber).to.equal('YJ-2026-01');
    expect(r.clueSheetText).to.contain('问题线索移交单').and.contain('移交人王组员').and.contain('接收人赵某');
    expect(r.clueStyled, 'the register is styled').to.equal('flex');
    expect(r.clueCoreCsv, 'cluesToCsv from the standalone core file').to.match(/^XS-2026-001,/);
  });

  it('the 整改情况报告 is drafted from the ledger; its 公开稿 refuses a typed name (element and standalone core) and, rewritten, shows without it', () => {
    expect(r.reportTitle).to.equal('关于城关镇巡察整改情况的报告');
    expect(r.reportDue).to.equal('2026年12月31日 反馈后2个月内报送');
    expect(r.reportRefusal).to.contain('公开稿暂不能生成').and.contain('下一步工作打算：含有“李明华”（责任人）');
    expect(r.reportCoreRefused, 'publicVersion from the standalone core file').to.equal(true);
    expect(r.reportPublicShown).to.equal('关于城关镇巡察整改情况的报告');
    expect(r.reportPublicHasName).to.equal(false);
    expect(r.reportStyled, 'the report is styled').to.equal('flex');
  });

  it('the round figures count the records above (element and standalone core alike), draw both charts and write the CSV under the policy', () => {
    expect(r.roundRows).to.deep.equal(['城关镇|0|1|3', '=城东村|0|0|1', '合计|0|1|4']);
    expect(r.roundCharts).to.equal(2);
    expect(r.roundStyled, 'the figures are styled').to.equal('grid');
    // A name that looks like a formula is written as text.
    expect(r.roundCsvLastRow).to.deep.equal(["'=城东村,0,0,1", '合计,0,1,4']);
    expect(r.roundCoreTotals, 'summariseRound from the standalone core file').to.equal('0|1|4|4|1');
  });

  it('the 反馈意见 is drafted from the checklist signed by the standalone core, issued by the 组长, and hands over the 问题清单', () => {
    expect(r.feedbackBadges).to.deep.equal(['共性问题', '未区分共性个性', '未区分共性个性']);
    expect(r.feedbackItems).to.deep.equal(['2027-02-28|common', '2027-02-28|', '2027-02-28|']);
    expect(r.feedbackCoreItems, 'feedbackToItems from the standalone core file').to.equal(3);
    expect(r.feedbackStyled, 'the sheet is styled').to.equal('block');
  });

  it('the template editor takes a typed check point on the checklist’s template, saves it as a new version (meta-schema checked under the policy) and previews it', () => {
    expect(r.editorSaveShown, 'the save passed the meta-schema').to.equal(true);
    expect(r.editorSaved, 'version bumped for one reworded check point').to.equal('1.0.0→1.1.0|1');
    expect(r.editorPreviewPoints, 'the preview draws the checklist').to.equal(r.checklistPoints);
    expect(r.editorPreviewFirst, 'the preview shows the typed text').to.equal(true);
    expect(r.editorStyled, 'the editor is styled').to.equal('flex');
  });

  it('every custom element the page shows (in every shadow root) is defined', () => {
    for (const tag of ['xc-provider', 'xc-checklist', 'xc-form', 'xc-interview-form', 'xc-clue-sheet', 'xc-rectification-tracker', 'xc-rectification-row', 'xc-rectification-detail', 'xc-rectification-summary', 'xc-petition-register', 'xc-clue-register', 'xc-rectification-report', 'xc-round-summary', 'xc-feedback-sheet', 'xc-template-editor'])
      expect(r.tags, tag).to.include(tag);
    expect(r.undefinedTags).to.deep.equal([]);
  });

  it('the core functions a page needs come from the standalone core file (no dist/core.js, no dist/chunks/)', () => {
    expect(r.coreError).to.equal(undefined);
    expect(r.requested!.length).to.be.greaterThan(1);
    for (const p of r.requested!) expect(p, 'a file of the standalone build').to.match(/^\/dist\/(xc-elements\.standalone\.js|standalone\/)/);
    expect(r.coreExports).to.deep.equal(['toRectificationItems', 'toClueEntries', 'readChecklistTemplate', 'checklistResponseSchema', 'interviewToClues', 'toCsv', 'ledgerSummary']);
  });
});
