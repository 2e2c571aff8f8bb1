// The petition register's pure core: numbering, confidentiality of the 反映人, filters, counts, CSV, hand-offs, reading.
import { expect } from '@open-wc/testing';
import {
  addPetition,
  filterPetitions,
  identityVisible,
  maskPetitioner,
  nextPetitionNumber,
  parsePetitionRegister,
  PetitionError,
  petitionAsEvidence,
  petitionCounts,
  petitionsToCsv,
  petitionToClue,
  petitionView,
  readPetitionRegister,
  removePetition,
  updatePetition,
  validatePetitionRegister,
  type PetitionEntry,
  type PetitionRegister,
} from '../../src/core/petition.js';
import { parseCsv } from '../../src/core/rectification/csv.js';
import { loadLocale } from '../../src/core/i18n.js';
import { clueSheetSchema } from '../../src/generated/templates.js';
import { clueSheet } from '../../src/generated/validators/clueSheet.js';
import { petitionRegister as validateRegister } from '../../src/generated/validators/petitionRegister.js';
import { checklistSanjujiao } from '../../src/generated/templates.js';
import { defaultValue } from '../../src/core/form-model.js';

import { NAME, PHONE, sampleRegister } from '../petition/fixtures.js';

describe('petition core', () => {
  before(() => loadLocale('en'));

  describe('numbering', () => {
    it('counts up within the year of the date and never gives a deleted number again', () => {
      let reg = sampleRegister();
      expect(nextPetitionNumber(reg, reg.numberPattern, '2026-12-01')).to.equal('XF-2026-004');
      expect(nextPetitionNumber(reg, reg.numberPattern, '2027-01-02'), 'a new year starts at 1').to.equal('XF-2027-001');
      reg = removePetition(reg, 'c');
      expect(reg.entries.map((e) => e.number)).to.deep.equal(['XF-2026-001', 'XF-2026-002']);
      expect(nextPetitionNumber(reg, reg.numberPattern, '2026-12-01'), 'the deleted last number is not reused').to.equal('XF-2026-004');
      const added = addPetition(reg, { source: 'online', receivedOn: '2026-12-01', summary: '网上反映' });
      expect(added.entry.number).to.equal('XF-2026-004');
      expect(added.entry.id).to.be.a('string').and.not.equal('');
      expect(reg.entries, 'the old register is left as it was').to.have.length(2);
    });

    it('takes any pattern with one {seq}: widths, months, days; falls back to the default otherwise', () => {
      const reg = { entries: [{ number: '巡一信-202611-07' }] } as unknown as PetitionRegister;
      expect(nextPetitionNumber(reg, '巡一信-{yyyy}{mm}-{seq:2}', '2026-11-30')).to.equal('巡一信-202611-08');
      expect(nextPetitionNumber(reg, '{yy}{mm}{dd}-{seq}', '2026-03-09')).to.equal('260309-1');
      expect(nextPetitionNumber(null, 'no sequence here', '2026-03-09')).to.equal('XF-2026-001');
      expect(nextPetitionNumber(null, '{seq}{seq}', '2026-03-09')).to.equal('XF-2026-001');
    });
  });

  describe('confidentiality of the 反映人', () => {
    it('shows the identity only to a role the host lists; none by default', () => {
      expect(identityVisible({})).to.equal(false);
      expect(identityVisible({ role: 'office' })).to.equal(false);
      expect(identityVisible({ role: 'office', allowedRoles: ['leader'] })).to.equal(false);
      expect(identityVisible({ role: 'leader', allowedRoles: ['leader'] })).to.equal(true);
      expect(identityVisible({ role: '', allowedRoles: [''] })).to.equal(false);
    });

    it('masks name and contact in the view of a role not allowed, keeps them for an allowed one', () => {
      const reg = sampleRegister();
      const hidden = petitionView(reg, { role: 'office', allowedRoles: ['leader'] });
      expect(hidden.identityVisible).to.equal(false);
      expect(JSON.stringify(hidden.register)).not.to.contain(NAME).and.not.to.contain(PHONE);
      expect(hidden.register.entries[0]!.identityMasked).to.equal(true);
      expect(hidden.register.entries[1]!.identityMasked, 'an anonymous petition has nothing to mask').to.equal(undefined);
      const shown = petitionView(reg, { role: 'leader', allowedRoles: ['leader'] });
      expect(shown.register.entries[0]!.petitioner).to.deep.equal({ name: NAME, contact: PHONE });
      // A host's own member may hold anything: a masked entry keeps only the register's members.
      const extra = maskPetitioner({ ...reg.entries[0]!, note: `来电人 ${NAME}` });
      expect(JSON.stringify(extra)).not.to.contain(NAME);
    });

    it('CSV never carries a masked name or contact, in either language, even for entries given directly', () => {
      const reg = sampleRegister();
      for (const lang of ['zh-CN', 'en']) {
        const csv = petitionsToCsv(reg, { lang, role: 'office', allowedRoles: ['leader'] });
        expect(csv).not.to.contain(NAME).and.not.to.contain(PHONE);
        const direct = petitionsToCsv(reg, { lang, entries: reg.entries });
        expect(direct).not.to.contain(NAME);
      }
      const rows = parseCsv(petitionsToCsv(reg, { role: 'office', allowedRoles: ['leader'] }));
      expect(rows[0]).to.deep.equal(['编号', '来源', '收件日期', '反映人', '联系方式', '被反映人', '被反映单位', '内容摘要', '问题类别', '是否属巡察受理范围', '处理方式', '转办日期', '办理结果', '反馈']);
      expect(rows[1]!.slice(0, 5)).to.deep.equal(['XF-2026-001', '来信', '2026-11-20', '（保密）', '（保密）']);
      expect(rows[2]![3]).to.equal('匿名');
      expect(rows[2]![10]).to.equal('转有关部门');
      expect(rows[2]![9]).to.equal('否');
      const allowed = parseCsv(petitionsToCsv(reg, { role: 'leader', allowedRoles: ['leader'] }));
      expect(allowed[1]!.slice(3, 5)).to.deep.equal([NAME, PHONE]);
    });

    it('CSV guards spreadsheet formulas and reads back exactly', () => {
      const csv = petitionsToCsv(sampleRegister(), { role: 'leader', allowedRoles: ['leader'] });
      expect(csv.charCodeAt(0)).to.equal(0xfeff);
      expect(csv).to.contain(`"'=HYPERLINK(""http://x"")"`);
      expect(parseCsv(csv)[3]![7]).to.equal('=HYPERLINK("http://x")');
      const en = parseCsv(petitionsToCsv(sampleRegister(), { lang: 'en' }));
      expect(en[0]![0]).to.equal('No.');
      expect(en[1]![3]).to.equal('(confidential)');
    });
  });

  describe('filters and counts', () => {
    it('filters by source, category, handling (none too), remit and words; counts by 来源/类别/处理方式', () => {
      const entries = sampleRegister().entries;
      expect(filterPetitions(entries, { source: 'call' }).map((e) => e.id)).to.deep.equal(['b']);
      expect(filterPetitions(entries, { category: '三资管理' }).map((e) => e.id)).to.deep.equal(['a', 'c']);
      expect(filterPetitions(entries, { handling: 'none' }).map((e) => e.id)).to.deep.equal(['c']);
      expect(filterPetitions(entries, { inScope: 'no' }).map((e) => e.id)).to.deep.equal(['b']);
      expect(filterPetitions(entries, { inScope: 'unknown' }).map((e) => e.id)).to.deep.equal(['c']);
      expect(filterPetitions(entries, { query: '租金 李某' }).map((e) => e.id)).to.deep.equal(['a']);
      const c = petitionCounts(entries);
      expect(c.total).to.equal(3);
      expect({ ...c.bySource }).to.deep.equal({ letter: 1, call: 1, visit: 1 });
      expect({ ...c.byCategory }).to.deep.equal({ 三资管理: 2, 为民服务: 1 });
      expect({ ...c.byHandling }).to.deep.equal({ clue: 1, 'to-department': 1, none: 1 });
    });

    it('a search for a masked name finds nothing in the masked view', () => {
      const reg = sampleRegister();
      expect(filterPetitions(reg.entries, { query: NAME }).map((e) => e.id)).to.deep.equal(['a']);
      expect(filterPetitions(petitionView(reg, { role: 'office' }).register.entries, { query: NAME })).to.deep.equal([]);
    });
  });

  describe('hand-offs', () => {
    it('a petition becomes a clue-sheet value that the clue sheet accepts once the team adds its part; no reporter unless allowed', () => {
      const entry = sampleRegister().entries[0]!;
      const clue = petitionToClue(entry, { role: 'office', allowedRoles: ['leader'] });
      expect(clue).to.deep.equal({
        source: '信访举报',
        mainProblem: '村集体土地租金去向不明。',
        receivedOn: '2026-11-20',
        personConcerned: { name: '李某', unit: 'xx村委会' },
        evidence: [{ title: '信访件 XF-2026-001', ref: 'XF-2026-001' }],
      });
      expect(JSON.stringify(clue)).not.to.contain(NAME);
      expect(clueSheetSchema.properties.source.enum).to.include(clue.source);
      const filled = { ...(defaultValue(clueSheetSchema) as object), ...clue, clueNo: '线-001', proposedHandling: '初步核实' };
      expect(clueSheet(filled), JSON.stringify(clueSheet.errors)).to.equal(true);
      expect(petitionToClue(entry, { role: 'leader', allowedRoles: ['leader'] }).reporter).to.deep.equal({ name: NAME });
      expect(petitionToClue(sampleRegister().entries[1]!, { role: 'leader', allowedRoles: ['leader'] }).reporter, 'anonymous').to.equal(undefined);
    });

    it('a petition cited as evidence names its number and summary, never the petitioner, and fits a checklist answer', () => {
      const ev = petitionAsEvidence(sampleRegister().entries[0]!);
      expect(ev).to.deep.equal({ title: '信访件 XF-2026-001：村集体土地租金去向不明。', kind: 'petition', ref: 'XF-2026-001' });
      const long = petitionAsEvidence({ ...sampleRegister().entries[0]!, summary: '长'.repeat(100) }, 'en');
      expect(long.title).to.equal(`Petition XF-2026-001: ${'长'.repeat(40)}…`);
      // The kind is the bundled checklist's own 信访件, so a finding citing it shows that label.
      expect((checklistSanjujiao.evidenceKinds as { value: string }[]).map((k) => k.value)).to.include(ev.kind);
    });
  });

  describe('reading and validation', () => {
    it('reads a register from JSON (BOM too) and names what is wrong with a bad one', () => {
      const reg = sampleRegister();
      expect(parsePetitionRegister('\uFEFF' + JSON.stringify(reg))).to.deep.equal(reg);
      const bad = (text: string, lang?: string) => {
        try {
          parsePetitionRegister(text, lang);
        } catch (e) {
          expect(e).to.be.instanceOf(PetitionError);
          return `${(e as PetitionError).code}: ${(e as Error).message}`;
        }
        throw new Error('not refused');
      };
      expect(bad('{')).to.match(/^not-json: 不是有效的 JSON：/);
      expect(bad('[]')).to.equal('not-object: 数据不是信访登记簿对象。');
      expect(bad('{"version":2,"entries":[]}')).to.equal('version: 不支持的登记簿版本（应为 1）。');
      expect(bad('{"version":1}')).to.equal('entries: 缺少信访件列表（entries）。');
      expect(bad('{"version":1,"entries":[{"id":"a"},3]}')).to.equal('entry: 第 2 件不是对象。');
      expect(bad('{"version":1,"entries":[{"number":"x"}]}', 'en')).to.equal('entry-id: Petition 1 has no id.');
      expect(bad('{"version":1,"entries":[{"id":"a"},{"id":"a"}]}')).to.equal('duplicate-id: 内部编号 a 重复出现。');
      expect(readPetitionRegister(null).ok).to.equal(false);
    });

    it('the schema accepts a real register and refuses bad codes, dates and an anonymous entry with a petitioner', () => {
      const reg = sampleRegister();
      expect(validateRegister(reg), JSON.stringify(validateRegister.errors)).to.equal(true);
      expect(validateRegister({ ...reg, entries: [{ ...reg.entries[0]!, source: 'fax' }] })).to.equal(false);
      expect(validateRegister({ ...reg, entries: [{ ...reg.entries[0]!, receivedOn: '2026-02-30' }] })).to.equal(false);
      expect(validateRegister({ ...reg, entries: [{ ...reg.entries[0]!, anonymous: true }] })).to.equal(false);
      expect(validateRegister({ ...reg, entries: [{ ...reg.entries[0]!, identityMasked: true }] }), 'a masked view is not a register to store').to.equal(false);
    });

    it('checks each entry: source, date, summary, a name unless anonymous, passed on not before received', () => {
      const reg = sampleRegister();
      expect(validatePetitionRegister(reg, 'zh-CN').valid).to.equal(true);
      const broken: PetitionEntry = { ...reg.entries[0]!, petitioner: {}, summary: ' ', transferredOn: '2026-11-01' };
      const r = validatePetitionRegister({ ...reg, entries: [broken] }, 'zh-CN');
      expect(r.errors.map((e) => e.path)).to.deep.equal(['entries.0.petitioner.name', 'entries.0.summary', 'entries.0.transferredOn']);
      expect(r.errors[1]!.message).to.equal('XF-2026-001：请填写内容摘要');
    });

    it('an edit keeps id and number; making an entry anonymous drops its petitioner', () => {
      const reg = updatePetition(sampleRegister(), 'a', { anonymous: true, number: 'XF-1999-999', id: 'z' } as Partial<PetitionEntry>);
      expect(reg.entries[0]!.number).to.equal('XF-2026-001');
      expect(reg.entries[0]!.id).to.equal('a');
      expect(reg.entries[0]!.petitioner).to.equal(undefined);
    });
  });
});
