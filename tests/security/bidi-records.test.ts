// Direction controls (U+202E…) and invisible characters in a record's data cannot disguise what
// is shown beside them in the read-only and printed views of the interview record, the clue
// sheet and a host form: every piece of data is isolated.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/interview/index.js';
import '../../src/form/index.js';
import '../../src/compiler/index.js';
import '../../src/provider/index.js';
import type { XcForm } from '../../src/form/xc-form.js';
import { loadPayloads } from '../support/xss.js';
import { settle } from '../form/helpers.js';
import { CONTROLS, readsLeftToRight, unisolated } from './bidi.js';

const NOW = '2026-11-26T10:45:00+08:00';

async function mount(tag: 'xc-interview-form' | 'xc-clue-sheet' | 'xc-form', value: unknown, extra: Partial<XcForm> = {}): Promise<XcForm> {
  const p = await fixture<HTMLElement>(html`<xc-provider today=${NOW}></xc-provider>`);
  const el = document.createElement(tag) as XcForm;
  el.lang = 'zh-CN';
  Object.assign(el, extra, { value });
  p.append(el);
  await settle(el);
  return el;
}

/** Every string in a value replaced by `p` (keys and other types kept). */
function fillStrings(v: unknown, p: string): unknown {
  if (typeof v === 'string') return p;
  if (Array.isArray(v)) return v.map((x) => fillStrings(x, p));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fillStrings(x, p)]));
  return v;
}

const interview = (p: string) => ({
  recordNo: p,
  interviewee: { name: p, unit: p, post: p },
  place: p,
  interviewers: [{ name: p, unit: p, post: p }, { name: p, unit: p }],
  recorder: { name: p, unit: p },
  kind: '其他',
  kindOther: p,
  transcript: [{ question: p, answer: p }],
  problems: [{ summary: p, personConcerned: p, isClue: true }],
  confirmation: { statement: p, confirmed: true },
});

const hostSchema = {
  type: 'object',
  title: '登记表',
  properties: {
    who: { type: 'object', title: '人员', properties: { name: { type: 'string', title: '姓名' }, unit: { type: 'string', title: '单位' } } },
    notes: { type: 'array', title: '备注', items: { type: 'string', title: '条目' } },
    place: { type: 'string', title: '地点' },
  },
};

describe('direction controls in record data cannot disguise their neighbours', () => {
  let controls: string[] = [];
  before(async () => {
    controls = (await loadPayloads()).filter((p) => CONTROLS.test(p));
    expect(controls.length, 'the corpus holds bidi and invisible controls').to.be.at.least(10);
  });

  it('a right-to-left override in a name leaves the unit after it reading left to right (read-only and print)', async () => {
    const el = await mount('xc-interview-form', { interviewee: { name: '\u202E赵六', unit: 'abc123' } });
    for (const view of ['readonly', 'print'] as const) {
      el.readonly = view === 'readonly';
      el.printView = view === 'print';
      await settle(el);
      const walker = document.createTreeWalker(el.shadowRoot!, NodeFilter.SHOW_TEXT);
      let unit: Text | null = null;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if ((n as Text).data.includes('abc123')) unit = n as Text;
      expect(unit, view).to.exist;
      expect(readsLeftToRight(unit!), `${view}: the unit reads left to right`).to.equal(true);
    }
  });

  it('every piece of data with a control of the corpus is isolated: interview record, clue sheet, host form; read-only and print', async () => {
    let checked = 0;
    for (const p of controls) {
      const clue = await mount('xc-clue-sheet', {});
      const clueValue = fillStrings(clue.value, p);
      clue.remove();
      const cases: [string, XcForm][] = [
        ['interview', await mount('xc-interview-form', interview(p))],
        ['clue sheet', await mount('xc-clue-sheet', clueValue)],
        ['host form', await mount('xc-form', { who: { name: p, unit: p }, notes: [p, p], place: p }, { schema: hostSchema } as Partial<XcForm>)],
      ];
      for (const [what, el] of cases) {
        el.readonly = true;
        await settle(el);
        expect(unisolated(el.shadowRoot!.querySelector('.fields')!, p), `${what} read-only ${JSON.stringify(p)}`).to.deep.equal([]);
        el.readonly = false;
        el.printView = true;
        await settle(el);
        expect(unisolated(el.shadowRoot!.querySelector('.print-view')!, p), `${what} print ${JSON.stringify(p)}`).to.deep.equal([]);
        checked++;
      }
    }
    expect(checked).to.equal(controls.length * 3);
  });
});
