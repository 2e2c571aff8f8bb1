/**
 * The demo portal: a plain OA page that walks one round of 巡察 with the
 * library's elements. State lives in localStorage, so a reload loses nothing. Run by `npm start`,
 * on the reference back end, it asks for a sign-in and the ledger is the server's, shared by
 * the office and the unit (server-mode.ts).
 */
import { html, render, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { ref } from 'lit/directives/ref.js';
import '../src/index.js';
import { toClueEntries, toRectificationItems, type ChecklistResponse, type ChecklistTemplate } from '../src/core/checklist.js';
import type { RectificationLedger } from '../src/core/rectification-types.js';
import { addPetition, type PetitionRegister } from '../src/core/petition.js';
import { addClues, clueFromPetition, cluesFromChecklist, emptyClueRegister, type ClueInput, type ClueRegister } from '../src/core/clue-register.js';
import type { ClueEntry } from '../src/core/checklist.js';
import { checklistSanjujiao } from '../src/generated/templates/checklistSanjujiao.js';
import { mergeNewItems } from '../src/core/rectification/additions.js';
import type { FeedbackValue } from '../src/core/feedback.js';
import { manyProblems, partlyFilled } from '../stories/support/samples.js';
import { generateRoundUnits } from '../stories/support/generate-round.js';
import type { UnitRecords } from '../src/core/round-summary.js';
import type { ChecklistTemplateSource } from '../src/core/checklist.js';
import { textOf } from '../src/core/text.js';
import { demoText, type DemoText } from './i18n.js';
import { addItems, attachmentStore, ATTACHMENT_LIMITS, bindTracker, rebindTracker, signIn, signOut, whoAmI, type Mode } from './server-mode.js';

const KEY = 'xc-demo:';
const load = <T>(k: string, fallback: T): T => {
  try {
    const s = localStorage.getItem(KEY + k);
    return s ? (JSON.parse(s) as T) : fallback;
  } catch {
    return fallback;
  }
};
const save = (k: string, v: unknown) => {
  try {
    localStorage.setItem(KEY + k, JSON.stringify(v));
  } catch {
    /* storage full: the elements say so themselves */
  }
};

let lang = load<'zh-CN' | 'en'>('lang', 'zh-CN');
let role = load<string>('role', 'unit');
/** Who works on the 底稿 on the checklist page: 承办人, 副组长 or 组长 (its 三级审核). */
let reviewRole = load<string>('reviewRole', 'preparer');
const t = (): DemoText => demoText[lang] as DemoText;
const content = document.getElementById('content')!;
const defined = (tag: string) => !!customElements.get(tag);
/** Whether the back end is there, and who is signed in (see server-mode.ts). */
let mode: Mode = { kind: 'local' };
const me = () => (mode.kind === 'server' ? mode.user : null);
const roleName = (r: string) => (r === 'office' ? t().roleOffice : r === 'unit' ? t().roleUnit : t().roleViewer);
let syncError = '';
/** A one-time note on the page (what the last action did). */
let notice = '';
/** Today as the demo's provider has it (the real date). */
const today = () => new Date().toISOString().slice(0, 10);
let loginError = false;

/** The evidence-file store of the signed-in user (or of this browser), its waiting count in the header. */
function files() {
  const store = attachmentStore(me());
  if (store !== watched) {
    watched = store;
    // The element loads on first use; fetched now, attaching works later without network too.
    void import('../src/attachments/xc-attachments.js');
    (store as Partial<EventTarget>).addEventListener?.('change', () => store === watched && showUploads());
  }
  return store;
}
let watched: unknown = null;

/** "1 个附件待上传" in the header while files wait for the network (a polite live region). */
function showUploads(): void {
  const n = (watched as { pendingCount?: number } | null)?.pendingCount ?? 0;
  const el = document.getElementById('upload-status')!;
  const text = n ? t().pendingUploads(n) : '';
  if (el.textContent !== text) el.textContent = text;
}

function applyChrome(): void {
  document.documentElement.lang = lang;
  document.title = t().brand;
  for (const el of document.querySelectorAll<HTMLElement>('[data-t]')) el.textContent = t()[el.dataset['t'] as keyof DemoText] as string;
  const user = me();
  if (mode.kind === 'server') {
    document.querySelector('[data-t="user"]')!.textContent = user ? t().signedInAs(user.name, roleName(user.role)) : '';
    document.querySelector('[data-t="footer"]')!.textContent = t().footerServer;
  }
  if (user) files();
  showUploads();
  const out = document.getElementById('sign-out')!;
  out.hidden = !user;
  out.textContent = t().signOut;
  for (const el of document.querySelectorAll<HTMLElement>('[data-t-aria]')) el.setAttribute('aria-label', t()[el.dataset['tAria'] as keyof DemoText] as string);
  const sw = document.getElementById('lang-switch')!;
  sw.textContent = t().switchTo;
  sw.lang = lang === 'zh-CN' ? 'en' : 'zh-CN';
  const route = location.hash.replace(/^#\//, '') || 'checklist';
  setMenu(false);
  for (const a of document.querySelectorAll<HTMLAnchorElement>('.oa-menu a')) {
    if (a.getAttribute('href') === `#/${route}`) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

/** On narrow screens the menu folds into the header's 菜单 button. */
function setMenu(open: boolean): void {
  document.getElementById('main-menu')!.classList.toggle('open', open);
  document.getElementById('menu-toggle')!.setAttribute('aria-expanded', String(open));
}

/**
 * Wires the shared ledger's tracker to the server. One function for every render: lit calls it
 * again only when the element changes, so a re-render (an error shown) does not bind anew.
 */
const bindShared = (el: Element | undefined) => bindTracker(el, (m) => ((syncError = m), show()));

/** Which clue sheet is open on the clue page (one at a time). */
let openClue = 0;

function handOn(template: ChecklistTemplate, response: ChecklistResponse): void {
  const user = me();
  const items = toRectificationItems(template, response, { lang, by: user?.name ?? t().team });
  if (mode.kind === 'server') {
    const clues = toClueEntries(template, response, lang);
    save('clues', clues);
    save('handedOn', { items: user?.role === 'office' ? items.length : 0, clues: clues.length });
    if (user?.role === 'office') void addItems(items).catch((e: unknown) => ((syncError = String(e)), show()));
    return;
  }
  const ledger = withParties(load<RectificationLedger>('ledger', { version: 1, title: t().ledgerOf, unit: t().subject, items: [] }));
  const have = new Set(ledger.items.map((i) => i.id));
  ledger.items.push(...items.filter((i) => !have.has(i.id)));
  save('ledger', ledger);
  const clues = toClueEntries(template, response, lang);
  save('clues', clues);
  save('handedOn', { items: items.length, clues: clues.length });
}

/** The signed 底稿 the feedback is drafted from: the same array while the sheet is the same (setting it drafts again). */
let feedbackSheets: { key: string; sheets: { template: ChecklistTemplate; response: ChecklistResponse }[] } | null = null;
function sheetsOf(response: ChecklistResponse) {
  const key = JSON.stringify(response.signature ?? null);
  if (feedbackSheets?.key !== key) feedbackSheets = { key, sheets: [{ template: checklistSanjujiao as unknown as ChecklistTemplate, response }] };
  return feedbackSheets.sheets;
}

/**
 * The demo's ledger is closed (销号) after 验收 by three parties: 巡察办, 巡察组 and 主管部门, each
 * signed for by the office in this demo (a portal names its own parties, and who may sign).
 */
function withParties(ledger: RectificationLedger): RectificationLedger {
  if (Array.isArray(ledger.acceptanceParties)) return ledger;
  const [office, team, dept] = t().parties;
  return { ...ledger, acceptanceParties: [{ id: 'office', name: office! }, { id: 'team', name: team! }, { id: 'dept', name: dept! }] };
}

/** The round's other units (sample data, made once per day: the same figures on every visit). */
let sampleUnits: { day: string; units: UnitRecords[] } | null = null;
function otherUnits(): UnitRecords[] {
  if (sampleUnits?.day !== today()) sampleUnits = { day: today(), units: generateRoundUnits(2, { today: today(), items: 40 }) };
  return sampleUnits.units;
}

/** This demo's unit as the round figures read it: the records made on the other pages. */
function demoUnit(): UnitRecords {
  const sheet = load<ChecklistResponse | null>('checklist', null);
  const interview = load<unknown>('interview', null);
  return {
    unit: t().subject,
    checklists: sheet ? [{ template: checklistSanjujiao as unknown as ChecklistTemplate, response: sheet }] : [],
    interviews: interview ? [interview] : [],
    petitions: load<PetitionRegister | null>('petitions', null) ?? [],
    clues: load<ClueRegister>('clueRegister', emptyClueRegister()),
    ledger: load<RectificationLedger>('ledger', { version: 1, items: [] }),
  };
}

/**
 * The template being written on the 模板管理 page: the last version saved there, or the bundled
 * 三个聚焦 checklist. The same object across renders (a new one would start the editor again).
 */
let editedTemplate: ChecklistTemplateSource | null = null;
const templateToEdit = () => (editedTemplate ??= load<ChecklistTemplateSource>('template', checklistSanjujiao as unknown as ChecklistTemplateSource));
/** The 工作底稿 of the checklist page (as it shows it), which a new version may keep answers of aside. */
let draftsFor: { key: string; drafts: ChecklistResponse[] } | null = null;
function templateDrafts(): ChecklistResponse[] {
  const sheet = load<ChecklistResponse>('checklist', partlyFilled);
  const key = JSON.stringify(sheet);
  if (draftsFor?.key !== key) draftsFor = { key, drafts: [sheet] };
  return draftsFor.drafts;
}

/** Who works on the page among the team (承办人, 副组长, 组长): one radio group, named per page. */
function teamRolePicker(name: string) {
  return html`<fieldset class="roles"><legend>${t().reviewRole}</legend>
    ${t().reviewRoles.map(
      ([r, label]) => html`<label><input type="radio" name=${name} .checked=${reviewRole === r} @change=${() => {
        reviewRole = r;
        save('reviewRole', r);
        show();
      }} />${label}</label>`,
    )}
  </fieldset>`;
}

const pages: Record<string, () => unknown> = {
  checklist: () => {
    const handed = load<{ items: number; clues: number } | null>('handedOn', null);
    const reviewer = t().reviewRoles.find(([r]) => r === reviewRole) ?? t().reviewRoles[0]!;
    return html`<h1>${t().checklistTitle}</h1>
      <p>${t().checklistIntro}</p>
      <div class="actions">
        <button type="button" @click=${() => {
          const el = content.querySelector('xc-checklist')!;
          el.value = manyProblems;
          save('checklist', manyProblems);
        }}>${t().fillSample}</button>
        <button type="button" @click=${() => {
          for (const k of Object.keys(localStorage)) if (k.startsWith(KEY) || k.startsWith('xc-draft:xc-demo')) localStorage.removeItem(k);
          location.reload();
        }}>${t().clearAll}</button>
      </div>
      ${handed
        ? html`<p class="notice" role="status">${t().handedOn(handed.items, handed.clues)} <a href="#/ledger">${t().toLedger}</a> · <a href="#/clues">${t().toClues}</a></p>`
        : nothing}
      ${teamRolePicker('review-role')}
      <xc-provider user-role=${reviewer[0]} .user=${{ id: reviewer[0], name: reviewer[2] }}>
        <xc-checklist
          name="checklist"
          draft-key="xc-demo/checklist"
          subject=${t().subject}
          .value=${load<ChecklistResponse>('checklist', partlyFilled)}
          @xc-change=${(e: CustomEvent) => save('checklist', e.detail.value)}
          @xc-review=${(e: CustomEvent) => save('checklist', e.detail.value)}
          @xc-submit=${(e: CustomEvent) => {
            const el = e.currentTarget as HTMLElementTagNameMap['xc-checklist'];
            handOn(el.activeTemplate!, e.detail.value);
            show();
          }}
        ></xc-checklist>
      </xc-provider>`;
  },
  templates: () =>
    html`<h1>${t().templatesTitle}</h1>
      <p>${t().templatesIntro}</p>
      <p class="notice status-note" role="status">${notice}</p>
      <xc-template-editor draft-key="xc-demo/template" .value=${templateToEdit()} .drafts=${templateDrafts()}
        @xc-save=${(e: HTMLElementEventMap['xc-save']) => {
          const saved = e.detail.template as ChecklistTemplateSource;
          // Stored for the next visit; the editor goes on from it itself (setting it again would lose its undo steps).
          save('template', saved);
          notice = t().templateSaved(textOf(saved.title, lang), saved.version);
          show();
        }}></xc-template-editor>`,
  interview: () =>
    html`<h1>${t().interviewTitle}</h1>
      ${defined('xc-interview-form')
        ? html`<xc-interview-form draft-key="xc-demo/interview" .value=${load('interview', undefined)}
            @xc-change=${(e: CustomEvent) => save('interview', e.detail.value)}></xc-interview-form>`
        : html`<p class="notice">${t().notAvailable}</p>`}`,
  clues: () => {
    const clues = load<Record<string, unknown>[]>('clues', []);
    if (openClue >= clues.length) openClue = 0;
    const i = openClue;
    const summary = (c: Record<string, unknown>) => (typeof c['mainProblem'] === 'string' ? c['mainProblem'] : '');
    return html`<h1>${t().cluesTitle}</h1>
      ${!defined('xc-clue-sheet')
        ? html`<p class="notice">${t().notAvailable}</p>`
        : clues.length
          ? html`<p>${t().cluesIntro(clues.length)}</p>
              <ul class="clue-list" aria-label=${t().clueList}>
                ${clues.map(
                  (_c, n) => html`<li><button type="button" aria-current=${n === i ? 'true' : 'false'} @click=${() => {
                    openClue = n;
                    show();
                    document.getElementById('clue-heading')?.focus();
                  }}>${t().clueNo(n + 1)}</button></li>`,
                )}
              </ul>
              <section class="clue-sheet" aria-labelledby="clue-heading">
                <h2 id="clue-heading" tabindex="-1">${t().clueHeading(i + 1, clues.length)}${summary(clues[i]!) ? `${t().sep}${summary(clues[i]!)}` : ''}</h2>
                ${keyed(
                  i,
                  html`<xc-clue-sheet draft-key="xc-demo/clue-${i}" .value=${clues[i]}
                    @xc-change=${(e: CustomEvent) => {
                      clues[i] = e.detail.value;
                      save('clues', clues);
                    }}></xc-clue-sheet>`,
                )}
              </section>`
          : html`<p class="notice">${t().noClues}</p>`}`;
  },
  feedback: () => {
    const reviewer = t().reviewRoles.find(([r]) => r === reviewRole) ?? t().reviewRoles[0]!;
    const sheet = load<ChecklistResponse | null>('checklist', null);
    const signed = !!sheet?.signature;
    return html`<h1>${t().feedbackTitle}</h1>
      <p>${t().feedbackIntro}</p>
      ${notice ? html`<p class="notice" role="status">${notice}</p>` : nothing}
      ${signed
        ? html`${teamRolePicker('feedback-role')}
            <xc-provider user-role=${reviewer[0]} .user=${{ id: reviewer[0], name: reviewer[2] }}>
              <xc-feedback-sheet draft-key="xc-demo/feedback"
                .value=${load<FeedbackValue | null>('feedback', null)}
                .sheets=${sheetsOf(sheet!)}
                @xc-change=${(e: CustomEvent) => save('feedback', e.detail.value)}
                @xc-issue=${(e: HTMLElementEventMap['xc-issue']) => {
                  save('feedback', e.detail.value);
                  // The 问题清单 into the ledger (ids stable: issuing again adds nothing).
                  const ledger = withParties(load<RectificationLedger>('ledger', { version: 1, title: t().ledgerOf, unit: t().subject, items: [] }));
                  const merged = mergeNewItems(ledger.items, e.detail.items);
                  save('ledger', { ...ledger, items: merged.items });
                  notice = t().feedbackIssued(merged.added.length);
                  show();
                }}></xc-feedback-sheet>
            </xc-provider>`
        : html`<p class="notice">${t().feedbackNeedsSigned}</p>`}`;
  },
  petitions: () => {
    const reviewer = t().reviewRoles.find(([r]) => r === reviewRole) ?? t().reviewRoles[0]!;
    let register = load<PetitionRegister | null>('petitions', null);
    if (!register) {
      register = { version: 1, unit: t().subject, entries: [] };
      for (const p of t().petitionSample) register = addPetition(register, p as Parameters<typeof addPetition>[1]).register;
      save('petitions', register);
    }
    return html`<h1>${t().petitionsTitle}</h1>
      <p>${t().petitionsIntro}</p>
      ${notice ? html`<p class="notice" role="status">${notice}</p>` : nothing}
      <xc-provider user-role=${reviewer[0]} .user=${{ id: reviewer[0], name: reviewer[2] }}>
        <xc-petition-register draft-key="xc-demo/petitions" .identityRoles=${['preparer', 'reviewer', 'leader']} .value=${register}
          @xc-change=${(e: CustomEvent) => save('petitions', e.detail.value)}
          @xc-petition-to-clue=${(e: HTMLElementEventMap['xc-petition-to-clue']) => {
            const current = load<ClueRegister>('clueRegister', emptyClueRegister());
            save('clueRegister', addClues(current, [clueFromPetition(e.detail)], today()).register);
            const entry = load<PetitionRegister>('petitions', register!).entries.find((x) => x.id === e.detail.entryId);
            notice = t().toClueRegister(entry?.number ?? e.detail.entryId);
            show();
          }}></xc-petition-register>
      </xc-provider>`;
  },
  'clue-register': () => {
    const reviewer = t().reviewRoles.find(([r]) => r === reviewRole) ?? t().reviewRoles[0]!;
    // The clues flagged in the submitted checklist are offered to register (no duplicates).
    const candidates: ClueInput[] = cluesFromChecklist(load<ClueEntry[]>('clues', []), 'checklist');
    return html`<h1>${t().clueRegisterTitle}</h1>
      <p>${t().clueRegisterIntro}</p>
      ${teamRolePicker('clue-role')}
      <xc-provider user-role=${reviewer[0]} .user=${{ id: reviewer[0], name: reviewer[2] }}>
        <xc-clue-register draft-key="xc-demo/clue-register" .candidates=${candidates} .value=${load<ClueRegister>('clueRegister', emptyClueRegister())}
          @xc-change=${(e: CustomEvent) => save('clueRegister', e.detail.value)}></xc-clue-register>
      </xc-provider>`;
  },
  ledger: () => {
    const user = me();
    if (user) {
      return html`<h1>${t().ledgerTitle}</h1>
        <p class="notice">${t().sharedLedger}${user.role === 'office' ? nothing : html` ${t().officeAdds}`}</p>
        ${syncError ? html`<p class="notice" role="alert">${t().syncError(syncError)}</p>` : nothing}
        <xc-provider watermark user-role=${user.role} .user=${{ id: user.id, name: user.name }} .attachments=${files()} .attachmentLimits=${ATTACHMENT_LIMITS}>
          <xc-rectification-tracker id="shared-ledger" draft-key=${`xc-demo/shared-ledger/${user.id}`}
            ${ref(bindShared)}
            @xc-change=${() => syncError && ((syncError = ''), show())}></xc-rectification-tracker>
        </xc-provider>`;
    }
    const ledger = withParties(load<RectificationLedger>('ledger', { version: 1, items: [] }));
    const roles: [string, string][] = [
      ['unit', t().roleUnit],
      ['office', t().roleOffice],
      ['viewer', t().roleViewer],
    ];
    return html`<h1>${t().ledgerTitle}</h1>
      <fieldset class="roles"><legend>${t().role}</legend>
        ${roles.map(
          ([r, label]) => html`<label><input type="radio" name="role" .checked=${role === r} @change=${() => {
            role = r;
            save('role', r);
            show();
          }} />${label}</label>`,
        )}
      </fieldset>
      ${!ledger.items.length ? html`<p class="notice">${t().noLedger}</p>` : nothing}
      ${defined('xc-rectification-tracker')
        ? html`<xc-provider user-role=${role} .user=${{ id: role, name: role === 'office' ? t().officeUser : t().unitUser }} .attachments=${files()} .attachmentLimits=${ATTACHMENT_LIMITS}>
            <xc-rectification-tracker draft-key="xc-demo/ledger" .value=${{ ...ledger, title: t().ledgerOf }}
              @xc-change=${(e: CustomEvent) => save('ledger', e.detail.value)}></xc-rectification-tracker>
          </xc-provider>`
        : html`<p class="notice">${t().notAvailable}</p>`}`;
  },
  report: () => {
    const ledger = load<RectificationLedger>('ledger', { version: 1, items: [] });
    const feedback = load<FeedbackValue | null>('feedback', null);
    return html`<h1>${t().reportTitle}</h1>
      <p>${t().reportIntro}</p>
      ${!ledger.items.length ? html`<p class="notice">${t().noLedger}</p>` : nothing}
      <xc-provider user-role="office" .user=${{ id: 'office', name: t().officeUser }}>
        <xc-rectification-report draft-key="xc-demo/report" feedback-date=${feedback?.feedbackDate ?? ''}
          .ledger=${{ ...ledger, title: t().ledgerOf, unit: t().subject }} .value=${load('report', null)}
          @xc-change=${(e: CustomEvent) => save('report', e.detail.value)}></xc-rectification-report>
      </xc-provider>`;
  },
  round: () =>
    html`<h1>${t().roundTitle}</h1>
      <p>${t().roundIntro}</p>
      <xc-round-summary round=${t().roundName} .units=${[demoUnit(), ...otherUnits()]}></xc-round-summary>`,
  about: () => html`<h1>${t().aboutTitle}</h1><p>${t().about}</p>`,
};

/** The sign-in page, on the back end before anyone is signed in. */
function signInPage() {
  const submit = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const user = await signIn(String(data.get('account')), String(data.get('password')));
    loginError = !user;
    if (user) mode = { kind: 'server', user };
    show();
    if (user) content.focus();
    else document.getElementById('password')?.focus();
  };
  return html`<h1>${t().signInTitle}</h1>
    <p>${t().signInIntro}</p>
    <form class="sign-in" @submit=${submit}>
      <p><label for="account">${t().account}</label>
        <select id="account" name="account">${Object.entries(t().accounts).map(([id, label]) => html`<option value=${id}>${label}</option>`)}</select></p>
      <p><label for="password">${t().password}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required
          aria-invalid=${loginError ? 'true' : 'false'} aria-describedby=${loginError ? 'login-error' : nothing} /></p>
      ${loginError ? html`<p id="login-error" class="notice" role="alert">${t().badLogin}</p>` : nothing}
      <p><button type="submit">${t().signIn}</button></p>
    </form>`;
}

function show(): void {
  applyChrome();
  const route = location.hash.replace(/^#\//, '') || 'checklist';
  const note = t().dataNote;
  const page = mode.kind === 'server' && !mode.user ? signInPage : (pages[route] ?? pages['checklist']!);
  render(html`${note && route !== 'about' ? html`<p class="notice data-note">${note}</p>` : nothing}${page()}`, content);
}

document.getElementById('menu-toggle')!.addEventListener('click', () => {
  setMenu(!document.getElementById('main-menu')!.classList.contains('open'));
});
document.getElementById('lang-switch')!.addEventListener('click', () => {
  lang = lang === 'zh-CN' ? 'en' : 'zh-CN';
  save('lang', lang);
  show();
});
document.getElementById('sign-out')!.addEventListener('click', async () => {
  await signOut();
  location.reload();
});
addEventListener('hashchange', () => {
  notice = '';
  show();
  content.focus();
});
// The page is shown at once as it is without a back end; when the back end answers, it asks for a
// sign-in (or shows the signed-in user's shared ledger).
show();
void whoAmI().then((m) => {
  if (m.kind === 'local') return;
  mode = m;
  show();
});
// Opened without network: when it is back, ask the server again (the ledger is loaded anew; the
// store uploads the files waiting by itself).
addEventListener('online', () => {
  if (mode.kind !== 'server' || !mode.offline) return;
  void whoAmI().then((m) => {
    if (m.kind === 'local') return;
    mode = m;
    syncError = '';
    show();
    rebindTracker();
  });
});
