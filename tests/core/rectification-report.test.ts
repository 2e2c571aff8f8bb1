// The 整改情况报告's pure core: figures, due date, grouping by 三个聚焦, edits across a redraft, the 公开稿 and its leak check.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  monthsAfter,
  draftReport,
  editParagraph,
  leaksIn,
  paragraphText,
  publicVersion,
  redraftReport,
  reportValue,
  restrictedNames,
  type ReportModel,
} from '../../src/core/rectification-report.js';
import type { RectificationItem, RectificationLedger } from '../../src/core/rectification-types.js';
import type { ClueRegister } from '../../src/core/clue-register.js';
import { loadLocale } from '../../src/core/i18n.js';

import { F1, F2, F3, TODAY, item, knownLedger } from '../rectification-report/fixtures.js';

const allStrings = (v: unknown, out: string[] = []): string[] => {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => allStrings(x, out));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => allStrings(x, out));
  return out;
};

describe('rectification report: draft', () => {
  it('counts the figures of a known ledger on a given day', () => {
    const m = draftReport(knownLedger(), { today: TODAY, feedbackDate: '2026-09-01' });
    expect(m.figures).to.deep.equal({
      total: 6,
      closed: 1,
      stageReached: 1,
      inProgress: 4,
      overdue: 2,
      completionRate: 1 / 6,
      rulesMade: 3,
      fundsRecovered: 128000.5,
      peopleHandled: 3,
    } satisfies ReportModel['figures']);
  });

  it('says which items are overdue by the deadline that counts (an approved 延期 moves it)', () => {
    const ledger = knownLedger();
    const m = draftReport(ledger, { today: TODAY });
    // ZG-2's request waits: its own deadline 10-31 counts, so it is overdue with ZG-3.
    expect(m.figures.overdue).to.equal(2);
    ledger.items[1]!.extensions![0]!.decision = { at: '2026-10-26T09:00:00+08:00', by: '孙志强', approved: true };
    expect(draftReport(ledger, { today: TODAY }).figures.overdue).to.equal(1);
  });

  it('puts the due date two months after the feedback, across month ends', () => {
    expect(draftReport(knownLedger(), { today: TODAY, feedbackDate: '2026-12-31' }).dueDate).to.equal('2027-02-28');
    expect(monthsAfter('2027-12-31', 2)).to.equal('2028-02-29');
    expect(monthsAfter('2026-08-31', 2)).to.equal('2026-10-31');
    expect(monthsAfter('2026-07-31', 2)).to.equal('2026-09-30');
    expect(monthsAfter('2026-11-15', 3)).to.equal('2027-02-15');
    expect(draftReport(knownLedger(), { today: TODAY, feedbackDate: '2026-10-31', dueMonths: 1 }).dueDate).to.equal('2026-11-30');
    expect(draftReport(knownLedger(), { today: TODAY }).dueDate).to.equal(undefined);
  });

  it('puts every spelling of a focus area in one section, titled without its ordinal, in the template\'s order', () => {
    const src = { templateId: 'xc-sanjujiao', checkpointId: 'x' };
    const ledger: RectificationLedger = {
      version: 1,
      unit: '城关镇',
      items: [
        item('A', { problem: { text: '甲', focusArea: '三、聚焦基层党组织领导班子和干部队伍建设情况', source: src } }),
        item('B', { problem: { text: '乙', focusArea: '聚焦群众身边的腐败问题和不正之风', source: src } }),
        item('C', { problem: { text: '丙' } }),
        item('D', { problem: { text: '丁', focusArea: '聚焦党的理论路线方针政策和党中央决策部署', source: src } }),
        item('E', { problem: { text: '戊', focusArea: F3, source: src } }),
        item('F', { problem: { text: '己', focusArea: '其他方面', source: src } }),
      ],
    };
    const m = draftReport(ledger, { today: TODAY });
    expect(m.sections.map((s) => [s.title, s.problems.map((p) => p.itemId)])).to.deep.equal([
      [F1, ['D']],
      [F2, ['B']],
      [F3, ['A', 'E']],
      ['其他方面', ['F']],
      ['其他问题', ['C']],
    ]);
    expect(m.sections.flatMap((s) => s.problems.map((p) => p.no))).to.deep.equal([1, 2, 3, 4, 5, 6]);
    // A template given orders and names the areas for items not marked as made from it.
    for (const it of ledger.items) delete it.problem.source;
    const tpl = { id: 'own', sections: [{ title: '一、' + F3 }, { title: F2 }, { title: F1 }] };
    expect(draftReport(ledger, { today: TODAY, templates: [tpl] }).sections.map((s) => s.title)).to.deep.equal([F3, F2, F1, '其他方面', '其他问题']);
    expect(draftReport(ledger, { today: TODAY }).sections.map((s) => s.title)).to.deep.equal([F3, '聚焦群众身边的腐败问题和不正之风', '聚焦党的理论路线方针政策和党中央决策部署', '其他方面', '其他问题']);
  });

  it('groups the problems by the 三个聚焦, in order, those without a focus area last', () => {
    const m = draftReport(knownLedger(), { today: TODAY });
    expect(m.sections.map((s) => [s.title, s.problems.map((p) => p.itemId)])).to.deep.equal([
      [F1, ['ZG-1']],
      [F2, ['ZG-2', 'ZG-3']],
      [F3, ['ZG-4', 'ZG-5']],
      ['其他问题', ['ZG-6']],
    ]);
    expect(m.sections.flatMap((s) => s.problems.map((p) => p.no))).to.deep.equal([1, 2, 3, 4, 5, 6]);
  });

  it('writes what was done and with what result, and the items not done with reasons and next steps', () => {
    const v = reportValue(draftReport(knownLedger(), { today: TODAY, feedbackDate: '2026-09-01' }));
    expect(paragraphText(v, 'item:ZG-1')).to.equal('采取的整改措施：制定学习计划；开展专题研讨。整改结果：已完成整改，2026年10月20日经验收销号。其中建章立制2项。');
    expect(paragraphText(v, 'item:ZG-2')).to.contain('清理积压资金').and.contain('完成进度60%').and.contain('挽回（追缴）资金125,000.50元');
    expect(v.model.open.map((o) => o.itemId)).to.deep.equal(['ZG-2', 'ZG-3', 'ZG-4', 'ZG-5', 'ZG-6']);
    // A 延期's reason first, else the latest comment of the history.
    expect(paragraphText(v, 'open:ZG-2')).to.equal('未完成原因：涉及跨年度资金清算；下一步措施：建立发放台账（时限：2026年12月31日）。');
    expect(paragraphText(v, 'open:ZG-3')).to.contain('未完成原因：等待审计结论');
    expect(paragraphText(v, 'open:ZG-6')).to.contain('未完成原因：（待说明）');
    expect(paragraphText(v, 'overview')).to.equal('巡察反馈问题共6个，已完成整改1个，阶段性完成1个，正在整改4个（其中超过整改时限2个），整改完成率17%。通过整改，建章立制3项，挽回（追缴）资金128,000.50元，问责、处理3人。');
    expect(v.model.title).to.equal('关于城关镇巡察整改情况的报告');
    expect(paragraphText(v, 'intro')).to.contain('2026年9月1日');
  });

  it('names the unit\'s Party organisation once: …党委 / 党组 / 党组织 / 党支部 as they are, any other unit with 党组织', () => {
    const intro = (unit: string) => draftReport({ ...knownLedger(), unit }, { today: TODAY }).paragraphs.find((p) => p.id === 'intro')!.text;
    for (const unit of ['白石镇党委', '区财政局党组', '城关社区党组织', '第一村党支部', '区机关党总支', '开发区党工委']) {
      expect(intro(unit), unit).to.contain(`${unit}坚决扛起`).and.not.match(/(党委|党组|党支部|党总支|党工委)党组织/);
    }
    expect(intro('白石镇')).to.contain('白石镇党组织坚决扛起');
    expect(intro('')).to.contain('党组织坚决扛起');
  });

  it('drafts the 主要负责人组织落实整改情况报告 with its own title and paragraph', () => {
    const m = draftReport(knownLedger(), { today: TODAY, kind: 'leader' });
    expect(m.title).to.equal('城关镇主要负责人组织落实巡察整改情况的报告');
    expect(m.paragraphs.map((p) => p.id).slice(0, 3)).to.deep.equal(['intro', 'leader', 'overview']);
  });

  it('keeps a person\'s edits across a redraft from a changed ledger', () => {
    let v = reportValue(draftReport(knownLedger(), { today: TODAY }));
    v = editParagraph(v, 'intro', '我镇高度重视巡察整改。');
    const ledger = knownLedger();
    ledger.items[5]!.status = 'closed';
    const again = redraftReport(v, ledger, { today: TODAY });
    expect(paragraphText(again, 'intro')).to.equal('我镇高度重视巡察整改。');
    expect(again.model.figures.closed).to.equal(2);
    // Setting the drafted text again drops the edit.
    const back = editParagraph(again, 'intro', again.model.paragraphs[0]!.text);
    expect(back.edits).to.deep.equal({});
  });

  it('drafts in English', async () => {
    await loadLocale('en');
    const m = draftReport(knownLedger(), { today: TODAY, lang: 'en', feedbackDate: '2026-09-01' });
    expect(m.title).to.equal('Report on the rectification by 城关镇 after the inspection');
    expect(m.paragraphs.find((p) => p.id === 'overview')!.text).to.match(/^6 problems were fed back: 1 rectified/);
  });
});

describe('rectification report: 公开稿', () => {
  const clues: ClueRegister = {
    version: 1,
    clues: [{ id: 'c1', number: 'XS-2026-001', source: { kind: 'manual' }, mainProblem: '违规收受礼金', personConcerned: { name: '周德胜', unit: '城关镇' }, state: 'transferred' }],
    transfers: [{ id: 's1', number: 'YJ-2026-01', receiver: 'discipline', date: '2026-10-01', transferor: '吴晓峰', recipient: '郑海燕', clueIds: ['c1'], replyDue: '2027-01-01' }],
  };

  it('names every person of the ledger and of the clues as restricted', () => {
    const names = restrictedNames(knownLedger(), { clues }).map((n) => n.text);
    for (const n of ['张振华', '李明华', '赵丽娟', '钱卫东', '王建国', '周德胜', '吴晓峰', '郑海燕']) expect(names).to.include(n);
  });

  it('leaves names, evidence and responsibility people out, replaced by roles', () => {
    const ledger = knownLedger();
    ledger.items[0]!.problem.text = '张振华主持的理论学习流于形式';
    const v = reportValue(draftReport(ledger, { today: TODAY }));
    const r = publicVersion(v, { restricted: restrictedNames(ledger, { clues }) });
    if (!r.ok) throw new Error(JSON.stringify(r.leaks));
    const text = allStrings(r.model).join('\n');
    for (const n of ['张振华', '李明华', '赵丽娟', '钱卫东', '王建国']) expect(text).not.to.contain(n);
    expect(r.model.sections[0]!.problems[0]!.problem).to.equal('责任领导主持的理论学习流于形式');
    expect(r.model.sections[0]!.problems[0]!.responsibility).to.deep.equal({ department: '党政办' });
    expect(r.model.sections[0]!.problems[0]!.evidence).to.deep.equal([]);
    expect(r.model.public).to.equal(true);
  });

  it('refuses while a name is typed into an edited paragraph, and says where', () => {
    const ledger = knownLedger();
    let v = reportValue(draftReport(ledger, { today: TODAY }));
    v = editParagraph(v, 'item:ZG-3', '经查，钱 卫东已退赔超标费用。');
    v = editParagraph(v, 'next', '下一步由周德胜同志负责。');
    const r = publicVersion(v, { restricted: restrictedNames(ledger, { clues }) });
    expect(r.ok).to.equal(false);
    if (r.ok) return;
    expect(r.leaks.map((l) => [l.paragraph, l.label, l.text, l.role, l.edited])).to.deep.equal([
      ['item:ZG-3', '问题3的整改情况', '钱卫东', 'person', true],
      ['next', '下一步工作打算', '周德胜', 'clue-person', true],
    ]);
    // Rewritten in the 公开稿 only: the report keeps its words, the 公开稿 is produced.
    v = editParagraph(v, 'item:ZG-3', '经查，相关人员已退赔超标费用。', true);
    v = editParagraph(v, 'next', '下一步继续抓好整改。', true);
    const ok = publicVersion(v, { restricted: restrictedNames(ledger, { clues }) });
    expect(ok.ok).to.equal(true);
    expect(paragraphText(v, 'item:ZG-3')).to.contain('钱 卫东');
  });

  it('finds a name whatever the width, case or spaces', () => {
    expect(leaksIn('由 张 振 华 负责', ['张振华']).map((h) => h.text)).to.deep.equal(['张振华']);
    expect(leaksIn('ＷＡＮＧ Ｌｅｉ signed', ['wang lei'])).to.have.length(1);
    expect(leaksIn('张', ['张'])).to.deep.equal([]);
    // Accents however written: precomposed, or a letter and a combining mark.
    expect(leaksIn('signed by Jose\u0301 Ruiz', ['José Ruiz'])).to.have.length(1);
    expect(leaksIn('signed by JOSÉ RUIZ', ['Jose Ruiz'])).to.have.length(1);
  });

  it('finds a name hidden by invisible characters, and one a bidi override shows in order', () => {
    const ledger = knownLedger();
    ledger.items[0]!.responsibility.leader = '韩立新';
    const restricted = restrictedNames(ledger);
    const refused = (text: string) => {
      const r = publicVersion(editParagraph(reportValue(draftReport(ledger, { today: TODAY })), 'intro', text), { restricted });
      return !r.ok && r.leaks.some((l) => l.text === '韩立新' && l.paragraph === 'intro');
    };
    // The trial's string: stored 韩·新立, shown 韩立新 (RLO…PDF reverses 新立).
    expect(refused('由局党组书记韩\u202E新立\u202C同志牵头。')).to.equal(true);
    // Inside an isolate and an embedding too, and an override closed by the end of the text.
    expect(refused('由局党组书记韩\u2067\u202E新立\u202C\u2069同志牵头。')).to.equal(true);
    expect(refused('书记韩\u202E新立')).to.equal(true);
    for (const hidden of ['\uFE00', '\u{E0100}', '\u{E0041}', '\u034F', '\u3164', '\u115F', '\u1160', '\uFFA0', '\u200E', '\u200F', '\u061C', '\u202A', '\u2066', '\u2069', '\u200D', '\u00AD', '\u2060', '\u180E', '\u0301']) {
      expect(refused(`由局党组书记韩${hidden}立${hidden}新同志牵头。`), JSON.stringify(hidden)).to.equal(true);
    }
    // Its hit covers the shown name, so masking leaves none of it.
    const hit = leaksIn('书记韩\u202E新立\u202C同志', ['韩立新'])[0]!;
    expect([hit.start, hit.end]).to.deep.equal([2, 6]);
    // An override that shows the name backwards is not the name; the stored order still is.
    expect(refused('书记新\u202E立韩\u202C同志')).to.equal(false);
    expect(refused('书记\u202E韩立新\u202C同志')).to.equal(true);
  });

  it('a role or body that took a step is not a person: 向区巡察办报送 passes, a person\'s name still refuses', () => {
    const ledger = knownLedger();
    ledger.unit = '某乡人民政府';
    ledger.acceptanceParties = [{ id: 'p1', name: '县纪委监委第三派驻组' }];
    const steps = [
      { at: '2026-09-02T09:00:00+08:00', by: '区巡察办', from: 'not-started', to: 'in-progress' },
      { at: '2026-09-03T09:00:00+08:00', by: '被巡察单位', from: 'in-progress', to: 'in-progress', comment: '补充' },
      { at: '2026-09-04T09:00:00+08:00', by: 'Inspection office', from: 'in-progress', to: 'in-progress' },
      { at: '2026-09-05T09:00:00+08:00', by: '县纪委监委第三派驻组', from: 'in-progress', to: 'in-progress' },
      { at: '2026-09-06T09:00:00+08:00', by: '某乡人民政府', from: 'in-progress', to: 'in-progress' },
      { at: '2026-09-07T09:00:00+08:00', by: '孙立平', from: 'in-progress', to: 'in-progress' },
    ] as RectificationItem['history'];
    ledger.items[0]!.history = [...(ledger.items[0]!.history ?? []), ...steps];
    const restricted = restrictedNames(ledger);
    const texts = restricted.map((n) => n.text);
    for (const body of ['区巡察办', '被巡察单位', 'Inspection office', '县纪委监委第三派驻组', '某乡人民政府']) expect(texts, body).not.to.include(body);
    expect(restricted).to.deep.include({ text: '孙立平', role: 'actor' });
    const base = reportValue(draftReport(ledger, { today: TODAY }));
    const ok = publicVersion(editParagraph(base, 'intro', '现将整改情况向区巡察办报送，被巡察单位和县纪委监委第三派驻组、某乡人民政府已审阅。'), { restricted });
    expect(ok.ok, JSON.stringify(!ok.ok && ok.leaks)).to.equal(true);
    const no = publicVersion(editParagraph(base, 'intro', '向区巡察办报送，孙立平审阅。'), { restricted });
    expect(!no.ok && no.leaks.map((l) => l.text)).to.deep.equal(['孙立平']);
    // The same text given as a person stays restricted.
    ledger.items[1]!.responsibility.person = '区巡察办';
    expect(restrictedNames(ledger)).to.deep.include({ text: '区巡察办', role: 'person' });
  });

  it('property: no restricted name of a generated ledger ever appears in a produced 公开稿', () => {
    const surnames = [...'赵钱孙李周吴郑冯陈褚卫蒋沈韩杨朱秦尤许何吕施'];
    const given = [...'伟芳娜敏静丽强磊洋艳勇杰娟涛明超秀霞平刚桂英'];
    const nameArb = fc.tuple(fc.constantFrom(...surnames), fc.array(fc.constantFrom(...given), { minLength: 1, maxLength: 2 })).map(([s, g]) => s + g.join(''));
    const filler = fc.array(fc.constantFrom(...'问题整改措施已经完成落实推进资金制度', ' ', '，'), { maxLength: 8 }).map((a) => a.join(''));
    // A name typed as it is, with invisible characters between its letters, or stored backwards inside RLO…PDF (shown in order).
    const invisible = fc.constantFrom('\u200B', '\u200D', '\u00AD', '\u2060', '\u202A', '\u202C', '\u2066', '\u2069', '\u200E', '\u061C', '\uFE00', '\uFE0F', '\u{E0100}', '\u{E0020}', '\u034F', '\u3164', '\u115F', '\uFFA0', '\u0301');
    const typed = (names: string[]) =>
      fc.oneof(
        fc.constantFrom(...names),
        fc.tuple(fc.constantFrom(...names), fc.array(invisible, { minLength: 4, maxLength: 4 })).map(([n, inv]) => [...n].map((c, i) => c + (inv[i] ?? '')).join('')),
        fc.tuple(fc.constantFrom(...names), fc.nat(3)).map(([n, k]) => {
          const cut = Math.min(k, n.length - 2);
          return n.slice(0, cut) + '\u202E' + [...n.slice(cut)].reverse().join('') + '\u202C';
        }),
      );
    const textWith = (names: string[]) => fc.tuple(filler, fc.option(typed(names), { nil: undefined }), filler).map(([a, n, b]) => a + (n ?? '') + b);
    const arb = fc.array(nameArb, { minLength: 1, maxLength: 6 }).chain((names) =>
      fc.record({
        names: fc.constant(names),
        items: fc.array(
          fc.record({
            problem: textWith(names),
            leader: fc.constantFrom(...names),
            person: fc.constantFrom(...names),
            measure: textWith(names),
            measurePerson: fc.constantFrom(...names),
            by: fc.constantFrom(...names),
            comment: textWith(names),
            status: fc.constantFrom('not-started', 'in-progress', 'stage-reached', 'pending-verification', 'closed'),
            done: fc.boolean(),
            focus: fc.constantFrom(F1, F2, F3, ''),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        edits: fc.array(fc.tuple(fc.nat(20), textWith(names), fc.boolean()), { maxLength: 4 }),
      }),
    );
    fc.assert(
      fc.property(arb, ({ names, items, edits }) => {
        const ledger: RectificationLedger = {
          version: 1,
          unit: '某乡',
          items: items.map((x, i) =>
            item(`ZG-${i + 1}`, {
              problem: { text: x.problem || '问题', ...(x.focus ? { focusArea: x.focus } : {}) },
              responsibility: { leader: x.leader, person: x.person, department: '办公室' },
              measures: [{ id: 'm1', text: x.measure || '措施', done: x.done, person: x.measurePerson }],
              status: x.status as RectificationItem['status'],
              history: [{ at: '2026-09-01T09:00:00+08:00', by: x.by, from: null, to: 'not-started', comment: x.comment }],
            }),
          ),
        };
        let v = reportValue(draftReport(ledger, { today: TODAY }));
        for (const [i, text, pub] of edits) {
          const p = v.model.paragraphs[i % v.model.paragraphs.length]!;
          v = editParagraph(v, p.id, text, pub);
        }
        const restricted = restrictedNames(ledger);
        const r = publicVersion(v, { restricted });
        if (!r.ok) {
          // Refused only for text a person typed in.
          expect(r.leaks.every((l) => l.edited), JSON.stringify(r.leaks)).to.equal(true);
          return;
        }
        // As stored and as shown (each RLO…PDF run reversed), without the invisible characters.
        const stored = allStrings(r.model).join('\n');
        const shown = stored.replace(/\u202E([^\u202C]*)\u202C/gu, (_, run: string) => [...run].reverse().join(''));
        const text = [stored, shown].join('\n').replace(/[\s\p{Cf}\p{Default_Ignorable_Code_Point}\p{Mn}]+/gu, '');
        // Every name the ledger holds in a person's field (other generated names may appear as plain text).
        for (const n of new Set(restricted.map((x) => x.text))) expect(text, n).not.to.contain(n);
        expect(names.length).to.be.greaterThan(0);
      }),
      { numRuns: 300, seed: 20261126 },
    );
  });
});
