/**
 * Generated round figures' inputs for the stories, the tests and the benchmark: the records of
 * `n` units of a round (a filled 三个聚焦 checklist for most, interview records, petitions, a clue
 * register and a ledger). Deterministic: the same arguments always give the same units.
 */
import type { ChecklistTemplate } from '../../src/core/checklist.js';
import type { UnitRecords } from '../../src/core/round-summary.js';
import { checklistSanjujiao } from '../../src/generated/templates.js';
import { generateChecklistResponse, prng } from './generate.js';
import { generateLedger, TODAY } from './generate-ledger.js';

export { TODAY };

const PLACES = ['城关镇', '东城街道', '西城街道', '南山镇', '北湖镇', '清河乡', '石桥镇', '杨柳村', '红旗社区', '区农业农村局', '区教育局', '区卫健委', '区住建局', '区水务局', '区市场监管局', '桃源乡', '新华社区', '白云村', '长安镇', '区文旅局'];
const KINDS = ['一把手谈话', '班子成员谈话', '中层干部谈话', '一般干部谈话', '群众谈话', '知情人谈话'];

export interface GenerateRoundOptions {
  /** Items of all the units' ledgers together (default 30 per unit). */
  items?: number;
  seed?: number;
  today?: string;
}

/** The bundled 三个聚焦 template, for the units' checklists. */
export const roundTemplate = checklistSanjujiao as unknown as ChecklistTemplate;

/**
 * `n` units with realistic records: units 1, 2, … take the places above (then 单位21 …); every
 * fourth unit gives no checklist (its problems then come from its ledger) and every fifth no clue
 * register; ledger items share `items` out evenly, closed ones with 建章立制 and funds recovered.
 */
export function generateRoundUnits(n: number, options: GenerateRoundOptions = {}): UnitRecords[] {
  const rand = prng(options.seed ?? 16);
  const today = options.today ?? TODAY;
  const total = options.items ?? n * 30;
  const units: UnitRecords[] = [];
  for (let u = 0; u < n; u++) {
    const name = PLACES[u] ?? `单位${u + 1}`;
    const count = Math.floor(total / n) + (u < total % n ? 1 : 0);
    const ledger = generateLedger(count, { today, seed: 100 + u });
    for (const item of ledger.items) {
      if (item.status === 'closed') item['outcome'] = { rulesMade: Math.floor(rand() * 3), fundsRecovered: Math.round(rand() * 5_000_000) / 100, peopleHandled: Math.floor(rand() * 2) };
      item.problem = { ...item.problem, scope: rand() < 0.4 ? 'common' : 'specific' } as typeof item.problem;
    }
    const interviews = Array.from({ length: 8 + Math.floor(rand() * 25) }, (_, i) => ({
      recordNo: `${name}-谈-${String(i + 1).padStart(3, '0')}`,
      interviewee: { name: `谈话对象${i + 1}`, unit: name },
      kind: KINDS[Math.floor(rand() * KINDS.length)],
      problems: rand() < 0.3 ? [{ summary: '反映有关问题', isClue: rand() < 0.5 }] : [],
    }));
    const petitions = {
      version: 1 as const,
      entries: Array.from({ length: Math.floor(rand() * 12) }, (_, i) => ({
        id: `p${i}`,
        number: `XF-2026-${String(i + 1).padStart(3, '0')}`,
        source: 'letter' as const,
        receivedOn: '2026-09-10',
        summary: '来信反映问题',
        handling: rand() < 0.3 ? ('clue' as const) : ('to-unit' as const),
      })),
    };
    const states = ['registered', 'proposed', 'approved', 'transferred', 'replied'] as const;
    const clues = {
      version: 1 as const,
      transfers: [],
      clues: Array.from({ length: Math.floor(rand() * 6) }, (_, i) => ({
        id: `c${i}`,
        number: `XS-2026-${String(i + 1).padStart(3, '0')}`,
        source: { kind: 'manual' as const },
        mainProblem: '问题线索',
        state: states[Math.floor(rand() * states.length)]!,
      })),
    };
    units.push({
      unit: name,
      ...(u % 4 === 3 ? {} : { checklists: [{ template: roundTemplate, response: generateChecklistResponse(roundTemplate, 1, { seed: 200 + u }) }] }),
      interviews,
      petitions,
      ...(u % 5 === 4 ? {} : { clues }),
      ledger,
    });
  }
  return units;
}
