// Clue registers for the tests of the element, the conformance suite, the accessibility battery and the bench.
import type { ClueRegister } from '../../src/core/clue-register.js';

/** Three clues: one transferred (reply due 2026-11-01), one approved for the 组织部门, one registered. */
export function sampleClueRegister(): ClueRegister {
  return {
    version: 1,
    unit: 'xx乡党委',
    round: '区委第一巡察组',
    clues: [
      { id: 'a', number: 'XS-2026-001', source: { kind: 'manual' }, mainProblem: '违规发放津贴', state: 'transferred', receiver: 'discipline', sheetId: 'YJ-2026-01', transferredOn: '2026-08-01', replyDue: '2026-11-01' },
      { id: 'b', number: 'XS-2026-002', source: { kind: 'petition', recordId: 'p1', label: 'XF-2026-001' }, mainProblem: '干部选拔任用程序不规范', category: '选人用人', state: 'approved' },
      { id: 'c', number: 'XS-2026-003', source: { kind: 'manual' }, mainProblem: '公务接待超标准', state: 'registered' },
    ],
    transfers: [{ id: 'YJ-2026-01', number: 'YJ-2026-01', receiver: 'discipline', date: '2026-08-01', transferor: '王组员', recipient: '赵某', clueIds: ['a'], replyDue: '2026-11-01' }],
  };
}

const STATES = ['registered', 'proposed', 'approved', 'transferred', 'replied'] as const;
const CATEGORIES = ['违反中央八项规定精神', '选人用人', '民主集中制', '基层组织建设', '三资管理', '形式主义官僚主义'];

/** `n` clues in every state, for the bench and the fuzz test (deterministic). */
export function manyClues(n: number): ClueRegister {
  const clues: ClueRegister['clues'] = [];
  for (let i = 0; i < n; i++) {
    const state = STATES[i % STATES.length]!;
    const seq = String(i + 1).padStart(4, '0');
    const month = String((i % 12) + 1).padStart(2, '0');
    const c: ClueRegister['clues'][number] = {
      id: `manual:XS-2026-${seq}`,
      number: `XS-2026-${seq}`,
      source: { kind: 'manual' },
      mainProblem: `第${i + 1}条问题线索：${CATEGORIES[i % CATEGORIES.length]}方面的问题`,
      category: CATEGORIES[i % CATEGORIES.length],
      personConcerned: { name: `某${i % 50}`, unit: `第${i % 20}村` },
      state,
    };
    if (state === 'transferred' || state === 'replied') {
      c.sheetId = 'YJ-2026-01';
      c.transferredOn = `2026-${month}-01`;
      c.replyDue = `${month > '09' ? 2027 : 2026}-${String(((i % 12) + 3) % 12 + 1).padStart(2, '0')}-01`;
    }
    if (state === 'replied') c.reply = { disposal: 'hold', on: `2026-${month}-15` };
    clues.push(c);
  }
  const sent = clues.filter((c) => c.sheetId).map((c) => c.id);
  return { version: 1, clues, transfers: sent.length ? [{ id: 'YJ-2026-01', number: 'YJ-2026-01', receiver: 'discipline', date: '2026-01-01', transferor: '王组员', recipient: '赵某', clueIds: sent, replyDue: '2026-04-01' }] : [] };
}
