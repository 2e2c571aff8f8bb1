// Petition registers for the tests of the core and the element.
import type { PetitionRegister } from '../../src/core/petition.js';

/** A real-looking name that must never appear where the identity is masked. */
export const NAME = '王秀兰';
export const PHONE = '13912345678';

export function sampleRegister(): PetitionRegister {
  return {
    version: 1,
    unit: 'xx乡党委',
    numberPattern: 'XF-{yyyy}-{seq:3}',
    entries: [
      { id: 'a', number: 'XF-2026-001', source: 'letter', receivedOn: '2026-11-20', petitioner: { name: NAME, contact: PHONE }, concerned: { name: '李某', unit: 'xx村委会' }, summary: '村集体土地租金去向不明。', category: '三资管理', inScope: true, handling: 'clue' },
      { id: 'b', number: 'XF-2026-002', source: 'call', receivedOn: '2026-11-21', anonymous: true, concerned: { unit: 'xx乡卫生院' }, summary: '医保报销排队时间长。', category: '为民服务', inScope: false, handling: 'to-department', transferredOn: '2026-11-22' },
      { id: 'c', number: 'XF-2026-003', source: 'visit', receivedOn: '2026-11-22', petitioner: { name: '赵建国' }, summary: '=HYPERLINK("http://x")', category: '三资管理' },
    ],
  };
}

