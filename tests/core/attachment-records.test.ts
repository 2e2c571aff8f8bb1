// Attached files in the records: the schemas take a file reference on evidence entries (and refuse a
// malformed one), a finding's files reach the ledger item and the clue sheet, and the ledger CSV
// names each file with the start of its hash.
import { expect } from '@open-wc/testing';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { checklistResponseSchema, indexTemplate, toClueEntries, toRectificationItems, type ChecklistResponse, type ChecklistTemplate } from '../../src/core/checklist.js';
import { attachmentRefSchema } from '../../src/core/attachment-schema.js';
import { toCsv, parseCsv } from '../../src/core/index.js';
import { checklistSanjujiao } from '../../src/generated/templates/checklistSanjujiao.js';
import { interviewRecord, clueSheet, rectificationLedger } from '../../src/generated/validators.js';
import type { AttachmentRef } from '../../src/core/attachment-types.js';
import type { JsonSchema } from '../../src/core/validation-types.js';
import { filledInterview, inProgressItem } from '../fixtures/records.js';

const template = checklistSanjujiao as ChecklistTemplate;
const ids = indexTemplate(template).points.map((p) => p.point.id);

const photo: AttachmentRef = { id: 'f-1', name: '公示栏.jpg', type: 'image/jpeg', size: 183_204, sha256: '3f2a9c1b'.padEnd(64, '0'), takenAt: '2026-11-20T09:31:05+08:00' };
const original: AttachmentRef = { id: 'f-2', name: '公示栏.jpg', type: 'image/jpeg', size: 4_183_204, sha256: 'aa'.repeat(32) };
/** Malformed references: hash not hex, size not an integer, a member the reference does not have, a name missing. */
const malformed: unknown[] = [
  { ...photo, sha256: 'not-a-hash' },
  { ...photo, size: '12' },
  { ...photo, url: 'javascript:alert(1)' },
  { id: 'f-3', type: 'image/png', size: 1, sha256: 'b'.repeat(64) },
];

/** A schema without its descriptions (what validation does not read). */
const undescribed = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(undescribed) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'description').map(([k, x]) => [k, undescribed(x)])) : v;

const load = async (path: string): Promise<JsonSchema> => (await (await fetch(path)).json()) as JsonSchema;

function response(evidence: unknown[]): ChecklistResponse {
  const items: ChecklistResponse['items'] = {};
  for (const id of ids) items[id] = { finding: 'none' };
  items['f2g4-01'] = { finding: 'problem', description: '公示栏未公示惠民资金', methods: ['hearing'], evidence: evidence as never, clue: true };
  return { templateId: template.id, templateVersion: template.version, items };
}

describe('attached files in the records', () => {
  it('one definition of a file reference: the ledger, the templates and the code schema agree', async () => {
    const [ledger, interview, clue] = await Promise.all([
      load('/schemas/rectification-ledger.schema.json'),
      load('/schemas/templates/interview-record.json'),
      load('/schemas/templates/clue-sheet.json'),
    ]);
    const def = (s: JsonSchema) => (s['$defs'] as Record<string, JsonSchema>)['attachmentRef'];
    expect(def(interview), 'interview record').to.deep.equal(def(ledger));
    expect(def(clue), 'clue sheet').to.deep.equal(def(ledger));
    expect(attachmentRefSchema, 'checklistResponseSchema').to.deep.equal(undescribed(def(ledger)));
  });

  it('the interview record declares its evidence: a file is accepted, a malformed one refused', () => {
    expect(interviewRecord({ ...filledInterview(), evidence: [{ title: '现场照片', file: photo, original }] }), JSON.stringify(interviewRecord.errors)).to.equal(true);
    for (const bad of malformed) expect(interviewRecord({ ...filledInterview(), evidence: [{ title: '现场照片', file: bad }] }), JSON.stringify(bad)).to.equal(false);
    expect(interviewRecord({ ...filledInterview(), evidence: [{ title: '现场照片', file: photo, bytes: 'AAAA' }] }), 'unknown member').to.equal(false);
  });

  it('the clue sheet takes a file on its evidence rows and refuses a malformed one', () => {
    const clue = { clueNo: 'X-1', source: '实地走访', receivedOn: '2026-11-26', personConcerned: { name: '某某', unit: '某村' }, mainProblem: '公示栏未公示', proposedHandling: '初步核实' };
    expect(clueSheet({ ...clue, evidence: [{ title: '公示栏.jpg', file: photo }, { title: '会议记录', ref: '〔2026〕3号' }] }), JSON.stringify(clueSheet.errors)).to.equal(true);
    for (const bad of malformed) expect(clueSheet({ ...clue, evidence: [{ title: '公示栏.jpg', file: bad }] }), JSON.stringify(bad)).to.equal(false);
  });

  it('the checklist response schema takes a file and the original photo, and refuses a malformed file', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(checklistResponseSchema(template));
    expect(validate(response([{ title: '公示栏照片', file: photo, original }])), JSON.stringify(validate.errors)).to.equal(true);
    for (const bad of malformed) expect(validate(response([{ title: '公示栏照片', file: bad }])), JSON.stringify(bad)).to.equal(false);
  });

  it('a finding\'s files reach the ledger item\'s problem evidence and the clue sheet', () => {
    const [item] = toRectificationItems(template, response([{ title: '公示栏照片', kind: 'site-photo', file: photo, original }, { title: '', file: photo }, { title: '会议记录' }]), { now: '2026-11-26T10:00:00+08:00', by: '区委第一巡察组' });
    expect(item!.problem.evidence).to.deep.equal([
      { title: '公示栏照片', kind: '现场照片', file: photo, original },
      { title: '公示栏.jpg', file: photo },
      { title: '会议记录' },
    ]);
    expect(rectificationLedger({ version: 1, items: [item] }), JSON.stringify(rectificationLedger.errors)).to.equal(true);
    const [clue] = toClueEntries(template, response([{ title: '公示栏照片', file: photo }]));
    expect(clue!.evidence).to.deep.equal([{ title: '公示栏照片', file: photo }]);
  });

  it('the ledger keeps the original photo beside the downscaled one', () => {
    const item = { ...inProgressItem('ZG-001', '2026-12-31'), evidence: [{ title: '整改后照片', file: photo, original }] };
    expect(rectificationLedger({ version: 1, items: [item] }), JSON.stringify(rectificationLedger.errors)).to.equal(true);
    expect(rectificationLedger({ version: 1, items: [{ ...item, evidence: [{ title: '整改后照片', file: photo, original: malformed[0] }] }] })).to.equal(false);
  });

  it('the ledger CSV names each attached file with the first 8 hex digits of its hash', () => {
    const item = {
      ...inProgressItem('ZG-001', '2026-12-31'),
      evidence: [{ title: '整改后照片', file: photo }, { title: '公示栏.jpg', file: { ...photo, sha256: 'C0FFEE12'.padEnd(64, '0') } }, { title: '制度文件', ref: '〔2026〕3号' }],
    };
    const rows = parseCsv(toCsv([item], 'zh-CN'));
    const col = rows[0]!.indexOf('佐证材料');
    expect(col).to.be.greaterThan(-1);
    expect(rows[1]![col]!.split('\n')).to.deep.equal(['整改后照片（公示栏.jpg，SHA-256 3f2a9c1b）', '公示栏.jpg（SHA-256 c0ffee12）', '制度文件（〔2026〕3号）']);
    const en = parseCsv(toCsv([item], 'en'));
    expect(en[1]![en[0]!.indexOf('Evidence')]!.split('\n')[0]).to.equal('整改后照片 (公示栏.jpg; SHA-256 3f2a9c1b)');
  });
});
