/**
 * The list of <xc-clue-register>: the candidates offered by the host's records, the counts of the clues shown, their table (a page at a time,
 * each with its reply light in colour and in words) and the 移交单 made so far. Pure rendering:
 * selecting, opening and showing more go through the element.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatDateKey } from '../core/i18n.js';
import {
  CLUE_RECEIVERS,
  CLUE_STATES,
  clueCounts,
  clueDisposalLabel,
  clueOriginText,
  clueReceiverLabel,
  clueRegisterMessages,
  clueStateLabel,
  receiverOf,
  replyLight,
  replyLightLabel,
  type ClueInput,
  type ClueRegister,
  type RegisterClue,
} from '../core/clue-register.js';

type CT = ReturnType<typeof clueRegisterMessages>;

/** What the table needs of the element. */
export interface TableContext {
  t: CT;
  lang: string;
  today: string;
  register: ClueRegister;
  /** The clues the filters let through, and how many the register holds. */
  shown: RegisterClue[];
  total: number;
  /** Rows shown beyond the first page. */
  extra: number;
  selected: ReadonlySet<string>;
  locked: boolean;
  /** The element: selecting, opening and showing more go through it. */
  host: TableHost;
}

/** What the table calls on the element. */
export interface TableHost {
  /** Rows of the first page (0: all). */
  readonly pageSize: number;
  toggleSelected(id: string, on: boolean): void;
  openClue(id: string): Promise<void>;
  showMore(): void;
  showAll(): void;
}

const s = (v: unknown) => (typeof v === 'string' ? v : '');

/** The counts of the clues shown by state and receiver, and the overdue replies. */
export function renderCounts(t: CT, lang: string, shown: RegisterClue[], today: string): TemplateResult {
  const c = clueCounts(shown, today);
  return html`<section class="counts" part="counts" aria-labelledby="counts-title">
    <h3 id="counts-title">${t.crCounts}<span class="total">${t.crTotal(c.total)}</span></h3>
    <ul class="by-state">${CLUE_STATES.map((k) => html`<li>${t.crCount(clueStateLabel(k, lang), c.byState[k])}</li>`)}</ul>
    <ul class="by-receiver">${CLUE_RECEIVERS.map((k) => html`<li>${t.crCount(clueReceiverLabel(k, lang), c.byReceiver[k])}</li>`)}</ul>
    <p class="overdue ${c.overdue ? 'late' : ''}">${t.crOverdueCount(c.overdue)}</p>
  </section>`;
}

/** The list of the clues shown (a page of them, more on request), each with its reply light. */
export function renderTable(c: TableContext): TemplateResult {
const { t, lang, shown, today } = c;
  if (!c.total) return html`<p class="empty">${t.crEmpty}</p>`;
  const sheets = new Map((c.register.transfers ?? []).map((x) => [x.id, x.number]));
  const limit = c.host.pageSize > 0 ? c.host.pageSize + c.extra : Infinity;
  const rows = shown.length > limit ? shown.slice(0, limit) : shown;
  const rest = shown.length - rows.length;
  return html`<p class="shown">${shown.length ? t.crShown(shown.length, c.total) : t.crNoMatches}</p>
    <div class="table-wrap">
      <table part="table">
        <caption>${t.crTableCaption}</caption>
        <thead>
          <tr>
            <th scope="col" class="sel"><span class="visually-hidden">${t.crColSelect}</span></th>
            <th scope="col">${t.crColNumber}</th>
            <th scope="col">${t.crColProblem}</th>
            <th scope="col">${t.crColSourceRecord}</th>
            <th scope="col">${t.crColReceiver}</th>
            <th scope="col">${t.crColState}</th>
            <th scope="col">${t.crColDue}</th>
            <th scope="col">${t.crColDisposal}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map((clue) => {
            const light = replyLight(clue, today);
            const number = s(clue.number);
            return html`<tr data-id=${clue.id} class="state-${clue.state}">
              <td class="sel"><input type="checkbox" class="select" aria-label=${t.crSelect(number)} .checked=${c.selected.has(clue.id)} ?disabled=${c.locked || clue.state !== 'approved'} @change=${(e: Event) => c.host.toggleSelected(clue.id, (e.target as HTMLInputElement).checked)} /></td>
              <th scope="row"><button type="button" class="open" aria-label=${t.crOpen(number)} @click=${() => c.host.openClue(clue.id)}><bdi>${number}</bdi></button></th>
              <td class="problem"><bdi>${s(clue.mainProblem)}</bdi>${clue.category ? html`<br /><span class="category"><bdi>${s(clue.category)}</bdi></span>` : nothing}</td>
              <td><bdi>${clueOriginText(clue, lang)}</bdi></td>
              <td>${clueReceiverLabel(receiverOf(clue), lang)}${clue.sheetId ? html`<br /><bdi>${sheets.get(clue.sheetId) ?? ''}</bdi>` : nothing}</td>
              <td>${clueStateLabel(clue.state, lang)}</td>
              <td class="light light-${light}">${clue.replyDue ? html`${formatDateKey(clue.replyDue, lang)}<br />` : nothing}<span class="light-text">${replyLightLabel(light, lang)}</span></td>
              <td>${clue.reply ? html`${disposal(clue, lang)}` : nothing}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>
    ${rest > 0
      ? html`<p class="more">
          <button type="button" class="show-more" @click=${() => c.host.showMore()}>${t.crShowMore(Math.min(rest, Math.max(1, c.host.pageSize)), rest)}</button>
          <button type="button" class="show-all" @click=${() => c.host.showAll()}>${t.crShowAll(shown.length)}</button>
        </p>`
      : nothing}`;
}

function disposal(c: RegisterClue, lang: string) {
  return html`${clueDisposalLabel(c.reply?.disposal, lang)}<br />${formatDateKey(c.reply?.on, lang)}`;
}

/** The 移交单 made so far, each a button that shows it. */
export function renderSheets(t: CT, reg: ClueRegister, show: (id: string) => void): TemplateResult | typeof nothing {
  const list = reg.transfers ?? [];
  if (!list.length) return nothing;
  return html`<section class="sheets" aria-labelledby="sheets-title">
    <h3 id="sheets-title">${t.crSheets}</h3>
    <ul>${list.map((x) => html`<li><button type="button" class="show-sheet" @click=${() => show(x.id)}>${t.crSheetOpen(s(x.number))}</button></li>`)}</ul>
  </section>`;
}

/**
 * The clues the host's records offer that are not in the register yet, each with a box to pick it,
 * and the button that registers those picked (nothing while there are none).
 */
export function renderCandidates(t: CT, lang: string, pending: { key: string; input: ClueInput }[], picked: ReadonlySet<string>, pick: (picked: ReadonlySet<string>) => void, add: () => void): TemplateResult | typeof nothing {
  if (!pending.length) return nothing;
  return html`<section class="candidates" aria-labelledby="cand-title">
    <h3 id="cand-title">${t.crCandidates(pending.length)}</h3>
    <ul>
      ${pending.map(
        ({ key, input }) => html`<li><label><input type="checkbox" class="pick" .checked=${picked.has(key)} @change=${(e: Event) => {
          const next = new Set(picked);
          if ((e.target as HTMLInputElement).checked) next.add(key);
          else next.delete(key);
          pick(next);
        }} /><span><bdi>${clueOriginText({ source: input.source } as RegisterClue, lang)}</bdi>：<bdi>${s(input.mainProblem)}</bdi></span></label></li>`,
      )}
    </ul>
    <button type="button" class="add-picked" @click=${add}>${t.crAddPicked}</button>
  </section>`;
}
