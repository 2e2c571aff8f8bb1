/**
 * Fuzz: the petition register. The core never throws where it returns errors (reading, views,
 * filters, counts, CSV, numbering, clues, evidence) and never lets a masked 反映人 through to the
 * CSV, a clue or evidence; <xc-petition-register> shows the register or a translated error for any
 * value, role and language, through filters, opening an entry, CSV and submit, and unknown members
 * survive an edit into value, xc-change and FormData.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/petition/index.js';
import '../../src/provider/index.js';
import type { XcPetitionRegister } from '../../src/petition/xc-petition-register.js';
import {
  filterPetitions,
  nextPetitionNumber,
  petitionAsEvidence,
  petitionCounts,
  petitionsToCsv,
  petitionToClue,
  petitionView,
  readPetitionRegister,
  validatePetitionRegister,
  type PetitionEntry,
  type PetitionRegister,
} from '../../src/core/petition.js';
import { record } from '../support/report.js';
import { CORE_RUNS, RAW_EXCEPTION, UncaughtCollector, deepObject, hugeString, jsonAny, oddDate, oddString, own, strings, text, tick, verdict } from './support.js';

const SOURCES = ['letter', 'call', 'visit', 'online', 'other'] as const;
const HANDLINGS = ['clue', 'to-unit', 'to-discipline', 'to-organisation', 'to-department', 'file'] as const;
const ENTRY_KEYS = new Set(['id', 'number', 'source', 'receivedOn', 'anonymous', 'petitioner', 'concerned', 'summary', 'category', 'inScope', 'handling', 'transferredOn', 'result', 'feedback', 'identityMasked']);

const junk = (ascii: boolean) => jsonAny(ascii, 2);
const maybe = <T>(a: fc.Arbitrary<T>, ascii: boolean) => fc.oneof({ weight: 4, arbitrary: a }, { weight: 1, arbitrary: junk(ascii) });
const str = (ascii: boolean) => fc.oneof(fc.string({ unit: ascii ? 'grapheme-ascii' : 'grapheme', maxLength: 16 }), oddString(ascii));
const unknownMembers = (ascii: boolean) =>
  fc.uniqueArray(
    fc.tuple(fc.oneof(fc.constantFrom('__proto__', 'constructor', 'hostNote', 'x-oa-id'), fc.string({ maxLength: 8 })).filter((k) => !ENTRY_KEYS.has(k) && k !== 'version' && k !== 'entries'), jsonAny(ascii, 2)),
    { selector: (e) => e[0], maxLength: 2 },
  );

/** A petitioner name no other text of the register holds: `反映人甲<n>`, found by searching for it. */
let nameSeq = 0;
const secretName = () => fc.constant(null).map(() => `反映人密名${++nameSeq}号`);

const entryArb = (ascii: boolean) =>
  fc
    .tuple(
      fc.record(
        {
          number: maybe(fc.constantFrom('XF-2026-001', 'XF-2026-009', 'XF-2025-010', 'other', ''), ascii),
          source: maybe(fc.constantFrom(...SOURCES, 'fax', ''), ascii),
          receivedOn: oddDate(),
          anonymous: maybe(fc.boolean(), ascii),
          petitioner: maybe(fc.record({ name: secretName(), contact: fc.constant('电话13900001111') }, { requiredKeys: [] }), ascii),
          concerned: maybe(fc.record({ name: maybe(str(ascii), ascii), unit: maybe(str(ascii), ascii) }, { requiredKeys: [] }), ascii),
          summary: maybe(str(ascii), ascii),
          category: maybe(fc.constantFrom('三资管理', '为民服务', '', 'x'), ascii),
          inScope: maybe(fc.boolean(), ascii),
          handling: maybe(fc.constantFrom(...HANDLINGS, 'none', 'shred'), ascii),
          transferredOn: oddDate(),
          result: maybe(str(ascii), ascii),
          feedback: maybe(str(ascii), ascii),
        },
        { requiredKeys: [] },
      ),
      unknownMembers(ascii),
    )
    .map(([known, extra]) => own(extra, known));

/** Entries with ids mostly their own, sometimes twice the same, missing or not text; now and then not an object. */
const entriesArb = (ascii: boolean) =>
  fc
    .array(fc.tuple(fc.oneof({ weight: 20, arbitrary: entryArb(ascii) }, { weight: 1, arbitrary: junk(ascii) }), fc.oneof({ weight: 20, arbitrary: fc.constant<unknown>('own') }, { weight: 1, arbitrary: fc.constant<unknown>('dup') }, { weight: 1, arbitrary: junk(ascii) })), { maxLength: 6 })
    .map((list) => list.map(([e, id], i) => (e && typeof e === 'object' && !Array.isArray(e) ? own([['id', id === 'own' ? `e${i}` : id === 'dup' ? 'dup' : id]], e as Record<string, unknown>) : e)));

const registerArb = (ascii: boolean): fc.Arbitrary<unknown> =>
  fc.oneof(
    {
      weight: 8,
      arbitrary: fc
        .tuple(
          fc.record(
            {
              version: fc.oneof({ weight: 6, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: junk(ascii) }),
              unit: maybe(str(ascii), ascii),
              numberPattern: maybe(fc.constantFrom('XF-{yyyy}-{seq:3}', '{seq}', '{seq:99}', 'no-seq', '{yy}{mm}{dd}-{seq:2}', '{seq}{seq}'), ascii),
              retiredNumbers: maybe(fc.array(fc.oneof(fc.constantFrom('XF-2026-010'), junk(ascii)), { maxLength: 3 }), ascii),
              entries: fc.oneof({ weight: 8, arbitrary: entriesArb(ascii) }, { weight: 1, arbitrary: junk(ascii) }),
            },
            { requiredKeys: ['version', 'entries'] },
          ),
          unknownMembers(ascii),
        )
        .map(([known, extra]) => own(extra, known)),
    },
    { weight: 1, arbitrary: junk(ascii) },
    { weight: 1, arbitrary: fc.constant(null) },
  );

/** The secret names a register holds (petitioner.name of every entry that has one as text). */
const secretsOf = (r: PetitionRegister) =>
  r.entries.map((e) => (e && typeof e === 'object' && e.petitioner && typeof e.petitioner === 'object' ? (e.petitioner as { name?: unknown }).name : undefined)).filter((n): n is string => typeof n === 'string' && n.startsWith('反映人密名'));

describe('fuzz: petition register', function () {
  this.timeout(180_000);
  const uncaught = new UncaughtCollector();
  const tally = { core: 0, masked: 0, elementValues: 0, targeted: 0, render: 0, error: 0, actions: 0, roundTrips: 0, unknown: 0 };
  before(() => uncaught.start());
  after(() => uncaught.stop());
  const cancelExport = (e: Event) => e.preventDefault();
  before(() => document.addEventListener('xc-export', cancelExport));
  after(() => document.removeEventListener('xc-export', cancelExport));

  it('core: never throws on any value, and a masked 反映人 reaches no CSV, clue, evidence or search', () => {
    fc.assert(
      fc.property(registerArb(false), fc.constantFrom('office', 'leader', '', 'viewer'), fc.constantFrom('zh-CN', 'en'), oddDate(), (value, role, lang, date) => {
        tally.core++;
        const r = readPetitionRegister(value);
        nextPetitionNumber(value as PetitionRegister, (value as { numberPattern?: unknown } | null)?.numberPattern, String(date));
        if (!r.ok) return;
        const reg = r.register;
        const viewer = { role, allowedRoles: ['leader'] };
        const view = petitionView(reg, viewer).register;
        validatePetitionRegister(reg, lang);
        petitionCounts(view.entries);
        filterPetitions(view.entries, { query: 'x 三资', source: 'letter', handling: 'none', inScope: 'unknown', category: '' });
        const csv = petitionsToCsv(reg, { ...viewer, lang });
        const clues = reg.entries.map((e) => petitionToClue(e, { ...viewer, lang }));
        const evidence = reg.entries.map((e) => petitionAsEvidence(e, lang));
        if (role !== 'leader') {
          const secrets = secretsOf(reg);
          tally.masked += secrets.length;
          const out = csv + JSON.stringify(clues) + JSON.stringify(view);
          for (const s of secrets) {
            expect(out, 'masked name in the output').not.to.contain(s);
            expect(filterPetitions(view.entries, { query: s }), 'masked name found by search').to.deep.equal([]);
          }
          expect(out).not.to.contain('电话13900001111');
        }
        expect(JSON.stringify(evidence)).not.to.contain('反映人密名');
      }),
      { numRuns: CORE_RUNS },
    );
  });

  async function settle(el: XcPetitionRegister) {
    await el.updateComplete;
    await tick();
    await el.updateComplete;
  }

  async function run(value: unknown, role: string, lang: 'zh-CN' | 'en', ascii: boolean): Promise<void> {
    const t = await strings(lang);
    const provider = document.createElement('xc-provider');
    provider.setAttribute('today', '2026-11-26');
    provider.setAttribute('user-role', role);
    const form = document.createElement('form');
    const el = document.createElement('xc-petition-register') as XcPetitionRegister;
    el.setAttribute('lang', lang);
    el.setAttribute('name', 'reg');
    el.setAttribute('identity-roles', 'leader');
    el.value = value as PetitionRegister;
    provider.append(el);
    form.append(provider);
    document.body.append(form);
    try {
      await settle(el);
      const judge = () => {
        const v = verdict(el, {
          lang,
          headline: (t as unknown as { petInvalid: string }).petInvalid,
          errorSelector: '.load-error[role=alert]',
          rendered: () => !!el.shadowRoot!.querySelector('.toolbar'),
          asciiData: ascii,
        });
        tally[v.kind]++;
        return v;
      };
      const first = judge();
      uncaught.check();
      if (first.kind === 'error') return;
      const root = el.shadowRoot!;
      if (role !== 'leader') for (const s of secretsOf(el.value)) expect(text(root), 'masked name on screen').not.to.contain(s);
      // Filters, an entry opened, CSV, submit.
      for (const sel of ['.f-source', '.f-handling', '.f-scope', '.f-category']) {
        const box = root.querySelector<HTMLSelectElement>(sel)!;
        box.selectedIndex = box.options.length - 1;
        box.dispatchEvent(new Event('change'));
        await settle(el);
        tally.actions++;
        judge();
      }
      const open = root.querySelector<HTMLButtonElement>('button.open');
      if (open) {
        open.click();
        await settle(el);
        tally.actions++;
        judge();
      }
      el.download();
      await el.submit();
      await settle(el);
      tally.actions += 2;
      judge();
      uncaught.check();
      expect(RAW_EXCEPTION.test(text(root))).to.equal(false);
      // Unknown members survive an edit: value, xc-change and FormData.
      const entries = el.value.entries;
      if (entries.length && !el.readonly) {
        const before = JSON.stringify(el.value.entries.map((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !ENTRY_KEYS.has(k)))));
        const seen: unknown[] = [];
        el.addEventListener('xc-change', (e) => seen.push((e as CustomEvent).detail.value));
        el.editEntry(entries[0]!.id, { result: '已办结' });
        await settle(el);
        const after = JSON.stringify(el.value.entries.map((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !ENTRY_KEYS.has(k)))));
        expect(after).to.equal(before);
        expect(JSON.stringify(seen[0])).to.equal(JSON.stringify(el.value));
        const posted = new FormData(form).get('reg');
        expect(posted === null || JSON.parse(posted as string).entries.length === entries.length).to.equal(true);
        tally.roundTrips++;
        tally.unknown += (before.match(/":/g) ?? []).length;
      }
    } finally {
      form.remove();
    }
  }

  it('<xc-petition-register>: shows the register or a translated error for any value, role and language; unknown members survive', async () => {
    await fc.assert(
      fc.asyncProperty(fc.boolean().chain((ascii) => fc.tuple(fc.constant(ascii), registerArb(ascii))), fc.constantFrom('office', 'leader', ''), fc.constantFrom<'zh-CN' | 'en'>('zh-CN', 'en'), async ([ascii, value], role, lang) => {
        tally.elementValues++;
        await run(value, role, lang, ascii);
      }),
      { numRuns: 60 },
    );
  });

  it('<xc-petition-register>: targeted values (2,000 entries, 1 MB text, 5,000-deep members, no entries list)', async () => {
    const many: PetitionRegister = {
      version: 1,
      entries: Array.from({ length: 2000 }, (_, i): PetitionEntry => ({ id: `p${i}`, number: `XF-2026-${String(i + 1).padStart(4, '0')}`, source: SOURCES[i % 5]!, receivedOn: '2026-11-20', summary: `第${i}件`, petitioner: { name: `反映人密名x${i}号` } })),
    };
    const targeted: unknown[] = [
      many,
      { version: 1, entries: [{ id: 'big', number: 'XF-1', source: 'letter', receivedOn: '2026-11-20', summary: hugeString(1_000_000) }] },
      { version: 1, entries: [{ id: 'deep', number: 'XF-1', source: 'letter', receivedOn: '2026-11-20', summary: 's', deep: deepObject(5000) }], hostDeep: deepObject(5000) },
      { version: 1 },
      { version: 2, entries: [] },
      [],
      'text',
    ];
    for (const value of targeted) {
      tally.targeted++;
      await run(value, 'office', 'zh-CN', false);
    }
    await record({
      id: 'fuzz.petition',
      check: '<xc-petition-register> and its core: any register value (wrong sources, dates and handling codes, missing and duplicate ids, unknown members, 2,000 entries, 1 MB text, 5,000-deep members) is shown or refused with a translated message, through filters, opening, CSV and submit; a masked 反映人 never reaches the screen, the CSV, a clue, evidence or a search; unknown members survive an edit into value, xc-change and FormData',
      figure: `${tally.core} core runs (${tally.masked} masked names looked for), ${tally.elementValues + tally.targeted} element values (${tally.targeted} targeted) with ${tally.actions} actions; ${tally.render + tally.error} verdicts (${tally.render} register shown, ${tally.error} translated message); ${tally.roundTrips} edits carrying ${tally.unknown} unknown members`,
    });
  });
});
