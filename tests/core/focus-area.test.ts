// The shared naming of 三个聚焦 focus areas (src/core/focus-area.ts): ordinals dropped, spellings of one area matched, template order.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { BUNDLED_FOCUS_AREAS, FocusAreas, focusAreaKey, focusAreaTitle, knownFocusAreas, templateFocusAreas } from '../../src/core/focus-area.js';

const [T1, T2, T3] = BUNDLED_FOCUS_AREAS['xc-sanjujiao']!;

describe('focus areas', () => {
  it('holds the bundled template\'s section titles, in its order', async () => {
    const bundled = (await (await fetch('/schemas/templates/checklist-sanjujiao.json')).json()) as { id: string; sections: { title: string }[] };
    expect(BUNDLED_FOCUS_AREAS[bundled.id]).to.deep.equal(bundled.sections.map((s) => s.title));
    expect(templateFocusAreas([bundled])).to.deep.equal([T1, T2, T3]);
  });

  it('drops a leading ordinal and the punctuation around a title', () => {
    for (const t of ['三、聚焦基层', '（三）聚焦基层', '(3) 聚焦基层', '3. 聚焦基层', '3、聚焦基层', '3．聚焦基层', '③聚焦基层', '第三、聚焦基层', ' 三、 聚焦基层。', '1.2 聚焦基层', '（三）三、聚焦基层', '【3】聚焦基层']) {
      expect(focusAreaTitle(t), t).to.equal('聚焦基层');
    }
    // Words that begin with a numeral are not ordinals.
    expect(focusAreaTitle('三个聚焦')).to.equal('三个聚焦');
    expect(focusAreaTitle('一把手责任')).to.equal('一把手责任');
    expect(focusAreaTitle('2026年度重点')).to.equal('2026年度重点');
    expect(focusAreaTitle(null)).to.equal('');
  });

  it('gives the spellings of one area one key (的, 情况, spaces, punctuation, width ignored)', () => {
    expect(focusAreaKey('聚焦党的理论路线方针政策和党中央决策部署')).to.equal(focusAreaKey(T1));
    expect(focusAreaKey('聚焦群众身边的腐败问题和不正之风')).to.equal(focusAreaKey(T2));
    expect(focusAreaKey('三、聚焦基层党组织领导班子和干部队伍建设情况')).to.equal(focusAreaKey(T3));
    expect(focusAreaKey('聚焦 群众身边腐败问题、不正之风')).to.equal(focusAreaKey(T2));
    expect(focusAreaKey(T1)).not.to.equal(focusAreaKey(T2));
  });

  it('names the trial\'s seven spellings as the three areas, in the template\'s order, unknown after, unnamed last', () => {
    const areas = new FocusAreas([T1, T2, T3]);
    const seen = [
      '其他问题',
      '三、聚焦基层党组织领导班子和干部队伍建设情况',
      '',
      '聚焦群众身边的腐败问题和不正之风',
      '聚焦党的理论路线方针政策和党中央决策部署',
      T1,
      T2,
      T3,
      '另一个问题',
      '其他问题。',
    ].map((t) => areas.name(t));
    expect(seen).to.deep.equal(['其他问题', T3, '', T2, T1, T1, T2, T3, '另一个问题', '其他问题']);
    expect(areas.sort([...new Set(seen)], (x) => x)).to.deep.equal([T1, T2, T3, '其他问题', '另一个问题', '']);
  });

  it('matches a title cut short to the one known area it begins (at least 6 characters and two thirds of it)', () => {
    const areas = new FocusAreas([T1, T2, T3]);
    expect(areas.name('聚焦基层党组织领导班子和干部队伍')).to.equal(T3);
    expect(areas.name('基层党组织')).to.equal('基层党组织');
    const twins = new FocusAreas(['聚焦甲乙丙丁戊己庚辛', '聚焦甲乙丙丁戊己庚壬']);
    expect(twins.name('聚焦甲乙丙丁戊己庚')).to.equal('聚焦甲乙丙丁戊己庚');
  });

  it('knows the bundled template\'s areas for items made from it, unless a template with its id is given', () => {
    const items = [{ problem: { source: { templateId: 'xc-sanjujiao' } } }, { problem: {} }];
    expect(knownFocusAreas([], items)).to.deep.equal([T1, T2, T3]);
    expect(knownFocusAreas([], [{ problem: {} }])).to.deep.equal([]);
    const own = { id: 'xc-sanjujiao', sections: [{ title: { 'zh-CN': '一、甲', en: 'A' } }, { title: '乙' }] };
    expect(knownFocusAreas([own], items)).to.deep.equal(['甲', '乙']);
    expect(templateFocusAreas([own], 'en')).to.deep.equal(['A', '乙']);
  });

  it('property: an ordinal, 的, 情况, spaces or punctuation never make another area; anything at all never throws', () => {
    const ordinal = fc.constantFrom('', '一、', '三、', '（二）', '(3)', '1.', '2、', '③', '第一、', ' ');
    const noise = fc.constantFrom('', ' ', '，', '。', '、', '　');
    fc.assert(
      fc.property(fc.constantFrom(T1, T2, T3), ordinal, fc.array(fc.tuple(fc.nat(40), noise), { maxLength: 3 }), fc.boolean(), fc.boolean(), (title, ord, inserts, toggle, de) => {
        // 情况 added or dropped at the end, 的 after 身边 or 党组织, spaces and punctuation anywhere.
        let typed = toggle ? (title.endsWith('情况') ? title.slice(0, -2) : `${title}情况`) : title;
        if (de) typed = typed.replace('身边', '身边的').replace('党组织', '党组织的');
        for (const [at, n] of inserts) {
          const i = at % (typed.length + 1);
          typed = typed.slice(0, i) + n + typed.slice(i);
        }
        expect(new FocusAreas([T1, T2, T3]).name(ord + typed), ord + typed).to.equal(title);
      }),
      { numRuns: 300, seed: 20261203 },
    );
    fc.assert(
      fc.property(fc.anything(), fc.string(), (x, s) => {
        const areas = new FocusAreas([s, T1]);
        const n = areas.name(x);
        expect(typeof n).to.equal('string');
        expect(focusAreaTitle(focusAreaTitle(s))).to.equal(focusAreaTitle(s));
        expect(areas.sort([n, '', T1], (v) => v)).to.have.length(3);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
