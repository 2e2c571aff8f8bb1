// The Word export of a form record (src/core/office/form-docx.ts), opened again with mammoth: a
// small template of its own shape (no 谈话笔录 fields: a portal's 走访记录 with oneOf choices, a date,
// a table of findings, a fieldset) and the bundled 个别谈话记录; choices as labels, hostile text as text.
import { expect } from '@open-wc/testing';
import { formDocument, formToDocx } from '../../src/core/office/form-docx.js';
import { interviewRecordSchema } from '../../src/generated/templates/interviewRecordSchema.js';
import type { JsonSchema } from '../../src/core/validation-types.js';
import { filledInterview } from '../fixtures/records.js';
import { readDocx } from './office-readers.js';

const XSS = '<img src=x onerror=alert(1)>';
const FORMULA = '=cmd|"/c calc"!A1';

/** A portal's own template: a visit record, nothing like the interview. */
const visitSchema: JsonSchema = {
  title: '走访记录',
  'x-xc-i18n': { en: { title: 'Visit record' } },
  type: 'object',
  'x-xc-order': ['village', 'visitedOn', 'risk', 'households', 'findings', 'notes', 'handling'],
  properties: {
    village: { type: 'string', title: '走访村居', 'x-xc-i18n': { en: { title: 'Village' } } },
    visitedOn: { type: 'string', format: 'date', title: '走访日期', 'x-xc-i18n': { en: { title: 'Visited on' } } },
    risk: {
      type: 'string',
      title: '风险等级',
      oneOf: [
        { const: 'high', title: '高风险', 'x-xc-i18n': { en: { title: 'High' } } },
        { const: 'low', title: '低风险', 'x-xc-i18n': { en: { title: 'Low' } } },
      ],
      'x-xc-i18n': { en: { title: 'Risk' } },
    },
    households: { type: 'integer', title: '走访户数', 'x-xc-i18n': { en: { title: 'Households' } } },
    findings: {
      type: 'array',
      title: '发现问题',
      'x-xc-group': { 'zh-CN': '走访情况', en: 'The visit' },
      items: {
        type: 'object',
        'x-xc-order': ['what', 'amount'],
        properties: { what: { type: 'string', title: '问题' }, amount: { type: 'number', title: '涉及金额（元）' } },
      },
    },
    notes: { type: 'string', title: '备注', 'x-xc-widget': 'textarea', 'x-xc-group': { 'zh-CN': '走访情况', en: 'The visit' } },
    handling: {
      type: 'object',
      title: '处理意见',
      'x-xc-group': { 'zh-CN': '办理', en: 'Handling' },
      properties: { transfer: { type: 'boolean', title: '移交纪委监委', 'x-xc-widget': 'checkbox' }, by: { type: 'string', title: '经办人' } },
    },
  },
};

const visit = () => ({
  village: '城关镇东村',
  visitedOn: '2026-11-20',
  risk: 'high',
  households: 12,
  findings: [
    { what: '低保资格审核不严', amount: 3600 },
    { what: FORMULA, amount: 0 },
  ],
  notes: `第一行说明\n${XSS}`,
  handling: { transfer: true, by: '孙七' },
});

const parse = (html: string) => new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
const rows = (table: Element | null | undefined) => [...(table?.querySelectorAll('tr') ?? [])].map((tr) => [...tr.querySelectorAll('td,th')].map((c) => c.textContent!.trim()));
/** Each piece is found in `text` after the one before it. */
function inOrder(text: string, pieces: string[]) {
  let at = -1;
  for (const piece of pieces) {
    const i = text.indexOf(piece, at + 1);
    expect(i, `"${piece}" after position ${at}`).to.be.greaterThan(at);
    at = i;
  }
}

describe('formToDocx (a form record as Word)', () => {
  it('writes a template of another shape: head as a table, sections as headings, choices as labels, lists as tables', async () => {
    const { html, text } = await readDocx(await formToDocx(visitSchema, visit()));
    const doc = parse(html);
    expect(doc.querySelector('p')?.textContent, 'the title first').to.equal('走访记录');
    const [head, findings] = [...doc.querySelectorAll('table')];
    expect(rows(head)).to.deep.equal([
      ['走访村居', '城关镇东村'],
      ['走访日期', '2026年11月20日'],
      ['风险等级', '高风险'],
      ['走访户数', '12'],
    ]);
    expect(text, 'the choice as its label, never its code').not.to.match(/\bhigh\b/);
    expect([...doc.querySelectorAll('h1')].map((h) => h.textContent)).to.deep.equal(['走访情况', '办理']);
    expect([...doc.querySelectorAll('h2')].map((h) => h.textContent)).to.deep.equal(['发现问题', '处理意见']);
    expect(rows(findings)).to.deep.equal([
      ['问题', '涉及金额（元）'],
      ['低保资格审核不严', '3600'],
      [FORMULA, '0'],
    ]);
    inOrder(text, ['备注：', '第一行说明', XSS, '移交纪委监委：是', '经办人：孙七']);
    expect(doc.querySelector('img'), 'hostile text stays text').to.equal(null);
  });

  it('prints empty fields as lines to write on and empty choices as boxes to tick; English labels on English', async () => {
    const zh = await readDocx(await formToDocx(visitSchema, { village: '西村' }));
    expect(rows(parse(zh.html).querySelector('table'))).to.deep.include(['风险等级', '☐高风险  ☐低风险']);
    expect(zh.text).to.contain('经办人：________________');
    const en = await formDocument(visitSchema, visit(), { lang: 'en' });
    expect(en.title).to.equal('Visit record');
    const { text } = await readDocx(await formToDocx(visitSchema, visit(), { lang: 'en' }));
    inOrder(text, ['Visit record', 'Village', 'Risk', 'High', 'The visit', 'Handling', 'Yes']);
    expect(text).to.contain('November 20, 2026');
  });

  it('writes the bundled 个别谈话记录: people, date-times in their own offset, Q&A item by item, the caller’s lines', async () => {
    const bytes = await formToDocx(interviewRecordSchema as JsonSchema, filledInterview(), {
      title: '个别谈话笔录',
      lead: ['注意保密'],
      skip: (d) => d.path.length === 1 && (d.key === 'signature' || d.key === 'recordNo'),
      signatureLines: ['谈话人（签字）：____  日期：____'],
      footer: '本记录尚未签署定稿。',
    });
    const { html, text } = await readDocx(bytes);
    const doc = parse(html);
    const head = rows(doc.querySelector('table'));
    expect(head[0]).to.deep.equal(['谈话对象', '赵六（区农业农村局 科员 中共党员）']);
    expect(head).to.deep.include(['开始时间', '2026年11月26日 09:30（UTC+08:00）']);
    expect(head).to.deep.include(['谈话人', '张三（区委第一巡察组 组长）、李四（区委第一巡察组 副组长）']);
    expect(head).to.deep.include(['谈话类型', '一般干部谈话']);
    expect(head.map((r) => r[0]), 'hidden and skipped fields are left out').not.to.include.members(['记录编号', '其他谈话类型']);
    // 谈话内容 is the section's heading (h1) only: its questions come right under it (h2), not under a second 谈话内容.
    expect([...doc.querySelectorAll('h2')].map((h) => h.textContent)).to.include.members(['第1问', '第2问']).and.not.include('谈话内容');
    expect([...doc.querySelectorAll('h3')].map((h) => h.textContent)).to.include.members(['问题1']);
    inOrder(text, ['个别谈话笔录', '注意保密', '谈话内容', '谈话提纲：聚焦群众身边腐败问题和不正之风', '保密提醒：是', '第1问', '问：请谈谈本单位落实中央八项规定精神的情况。', '答：春节前单位发放过购物卡，每人800元。',
      '问题1', '问题摘要：春节前以慰问名义发放购物卡。', '涉及人员：单位办公室主任', '作为问题线索登记：是', '确认', '确认意见：以上记录我已看过，与我所讲一致。', '谈话人（签字）：', '本记录尚未签署定稿。']);
    expect(text).not.to.contain('SHA-256');
  });
});
