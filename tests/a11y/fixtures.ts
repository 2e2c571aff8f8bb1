/** Small data sets shared by the accessibility tests. */
import type { ChecklistTemplate } from '../../src/core/checklist.js';
import type { RectificationItem, RectificationLedger } from '../../src/core/rectification-types.js';

/** The small fixture template (tests/fixtures/small-template.json), grown by a third finding and two more check points. */
export async function smallTemplate(): Promise<ChecklistTemplate> {
  const base = (await (await fetch('/tests/fixtures/small-template.json')).json()) as ChecklistTemplate & { findings: { value: string; label: string }[] };
  const t = structuredClone(base);
  t.findings.push({ value: 'na', label: '不适用' });
  t.sections[0]!.groups[0]!.items.push({ id: 'q2', text: '是否存在第二个问题' }, { id: 'q3', text: '是否存在第三个问题' });
  return t;
}

/** "Today" of the ledger fixtures: ZG-001 is on time, ZG-002 due soon, ZG-003 overdue. */
export const TODAY = '2026-11-26';

const CREATED = { at: '2026-11-01T09:00:00+08:00', by: '区委第二巡察组', role: 'office', from: null, to: 'not-started' } as const;
const STARTED = { at: '2026-11-03T10:00:00+08:00', by: '赵芳', role: 'unit', from: 'not-started', to: 'in-progress' } as const;

function item(id: string, over: Partial<RectificationItem> = {}): RectificationItem {
  return {
    id,
    problem: { text: `问题${id}`, focusArea: '聚焦群众身边腐败问题和不正之风' },
    measures: [{ id: 'M-001', text: '建立制度' }],
    responsibility: { leader: '王局长', department: '办公室', person: '李明' },
    kind: 'deadline',
    deadline: '2026-12-31',
    status: 'not-started',
    progress: 0,
    evidence: [],
    history: [{ ...CREATED }],
    ...over,
  };
}

/** Three items: on time (green), due soon (yellow), overdue (red). */
export function smallLedger(): RectificationLedger {
  return {
    version: 1,
    title: '整改台账',
    items: [
      item('ZG-001'),
      item('ZG-002', { status: 'in-progress', progress: 80, deadline: '2026-11-30', history: [{ ...CREATED }, { ...STARTED }] }),
      item('ZG-003', { status: 'in-progress', progress: 20, deadline: '2026-11-20', history: [{ ...CREATED }, { ...STARTED }] }),
    ],
  };
}


/** A run-time form definition with one field of most widgets (compiled by xc-elements/compiler). */
export const widgetsSchema = {
  type: 'object',
  title: '控件一览',
  required: ['name', 'level', 'ack'],
  properties: {
    name: { type: 'string', title: '姓名', maxLength: 20 },
    level: { type: 'string', title: '问题性质', enum: ['共性问题', '个性问题'] },
    method: { type: 'string', title: '发现方式', enum: ['听取汇报', '受理信访', '个别谈话', '查阅资料', '实地走访', '明察暗访'] },
    focus: { type: 'array', title: '涉及方面', uniqueItems: true, items: { type: 'string', enum: ['理论路线方针政策', '群众身边腐败问题', '领导班子和干部队伍'] } },
    day: { type: 'string', format: 'date', title: '发现日期' },
    at: { type: 'string', format: 'date-time', title: '谈话时间' },
    amount: { type: 'number', title: '涉及金额（元）', minimum: 0 },
    note: { type: 'string', title: '情况说明', 'x-xc-widget': 'textarea', 'x-xc-rows': 3 },
    ack: { type: 'boolean', const: true, title: '已核对' },
    people: {
      type: 'array',
      title: '相关人员',
      items: { type: 'object', 'x-xc-widget': 'person', required: ['name'], properties: { name: { type: 'string', title: '姓名' }, unit: { type: 'string', title: '单位' } } },
      default: [{ name: '张三' }, { name: '李四' }],
    },
  },
};

/** The three items of `smallLedger` and `extra` more (on time, by the end of the year): enough rows to scroll. */
export function longerLedger(extra = 22): RectificationLedger {
  const l = smallLedger();
  for (let i = 0; i < extra; i++) l.items.push(item(`ZG-${String(i + 4).padStart(3, '0')}`, { responsibility: { leader: '王局长', department: i % 2 ? '财务股' : '办公室', person: '李明' } }));
  return l;
}
