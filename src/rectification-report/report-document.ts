/**
 * The document of <xc-rectification-report>: the report or its 公开稿 as shown and printed — the
 * parts under their numerals, the figures' table, each problem with its heading, responsibility and
 * evidence, and every paragraph's text box (its text when locked). Pure rendering: typing and
 * 恢复草稿 go through the element.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { formatDateKey, formatNumber, formatPercent } from '../core/i18n.js';
import type { FieldError } from '../core/validation-types.js';
import {
  draftedText,
  maskRestricted,
  paragraphLabel,
  reportMessages,
  type PublicResult,
  type ReportModel,
  type ReportValue,
  type RestrictedName,
} from '../core/rectification-report.js';

type RT = ReturnType<typeof reportMessages>;

/** What the document needs of the element. */
export interface DocumentContext {
  t: RT;
  lang: string;
  value: ReportValue;
  /** Whether the 公开稿 is shown, and the 公开稿 made (or refused) then. */
  isPublic: boolean;
  result: PublicResult | null;
  restricted: readonly RestrictedName[];
  /** Problems drawn now (the rest follow in chunks). */
  limit: number;
  locked: boolean;
  errors: FieldError[];
  /** The element: typing and 恢复草稿 go through it. */
  host: DocumentHost;
}

/** What the document calls on the element. */
export interface DocumentHost {
  editParagraph(id: string, text: string, publicText: boolean): boolean;
  restoreParagraph(id: string, publicText: boolean): void;
}

/** The report (or its 公开稿) as shown and printed: its parts, the figures, each problem and every paragraph's box. */
export function renderDocument(c: DocumentContext): TemplateResult {
  const { t, lang, value: v, isPublic, result } = c;
  const refused = !!result && !result.ok;
  const leaking = new Set(result && !result.ok ? result.leaks.map((l) => l.paragraph).filter(Boolean) : []);
  const restricted = isPublic ? c.restricted : [];
  // What is shown: the 公开稿 when produced; refused, the report's outline with names masked, every part hidden but the leaking paragraphs.
  const m: ReportModel = result?.ok ? result.model : v.model;
  const shownText = (s: string) => (isPublic && !result?.ok ? maskRestricted(s, restricted, lang) : s);
  const index = new Map(v.model.paragraphs.map((p, i) => [p.id, i]));
  const textOf = (id: string): string => {
    if (result?.ok) return draftedText(result.model, id);
    if (isPublic) {
      const own = v.publicEdits?.[id] ?? v.edits[id];
      return own ?? maskRestricted(draftedText(v.model, id), restricted, lang);
    }
    return v.edits[id] ?? draftedText(v.model, id);
  };
  const para = (id: string) => {
    const i = index.get(id);
    if (i === undefined) return nothing;
    return renderParagraph(c, id, i, textOf(id), refused && !leaking.has(id));
  };
  const hideAll = refused;
  let n = 0;
  const numeral = () => t.rrNumeral(++n);
  const limit = c.limit;
  let drawn = 0;
  const problems = m.sections.flatMap((s) => s.problems);
  const byId = new Map(problems.map((p) => [p.itemId, p]));
  const hasLeader = v.model.paragraphs.some((p) => p.id === 'leader');
  return html`<article class="doc ${refused ? 'refused' : ''}" part="document" aria-labelledby="doc-title">
    <slot name="header"></slot>
    <header class="doc-head" ?hidden=${hideAll}>
      <h2 id="doc-title" class="title">${shownText(m.title)}</h2>
      ${isPublic ? html`<p class="public-note">${t.rrPublicNote}</p>` : nothing}
    </header>
    ${para('intro')}
    <section class="part" ?hidden=${hideAll}>
      <h3>${numeral()}${t.rrSecOverview}</h3>
      ${renderFigures(t, lang, m)}
    </section>
    ${para('overview')}
    ${hasLeader
      ? html`<section class="part" ?hidden=${hideAll}><h3>${numeral()}${t.rrSecLeader}</h3></section>${para('leader')}`
      : nothing}
    <section class="part problems">
      <h3 ?hidden=${hideAll}>${numeral()}${t.rrSecProblems}</h3>
      ${m.sections.map((s, si) => html`<section class="focus" aria-labelledby="focus-${si}">
        <h4 id="focus-${si}" ?hidden=${hideAll}>${t.rrSubNumeral(si + 1)}<bdi>${shownText(s.title)}</bdi></h4>
        ${s.problems.map((p) => {
          if (drawn++ >= limit) return nothing;
          // A problem whose text did not change is not drawn again (thousands per report).
          const own = textOf(p.paragraph);
          return guard([p, own, hideAll, leaking.has(p.paragraph), isPublic, t, c.locked, v.edits[p.paragraph], v.publicEdits?.[p.paragraph], c.errors], () => html`<div class="problem" data-item=${p.itemId}>
            ${renderProblemHead(t, p.no, shownText(p.problem), hideAll)}
            ${renderResponsibility(t, p, isPublic, hideAll)}
            ${para(p.paragraph)}
          </div>`);
        })}
      </section>`)}
    </section>
    <section class="part open">
      <h3 ?hidden=${hideAll}>${numeral()}${t.rrSecOpen}</h3>
      ${m.open.length
        ? m.open.map((o, oi) => {
            if (oi >= limit) return nothing;
            const p = byId.get(o.itemId);
            const own = textOf(o.paragraph);
            return guard([p, own, hideAll, leaking.has(o.paragraph), isPublic, t, c.locked, v.edits[o.paragraph], v.publicEdits?.[o.paragraph], c.errors], () => html`<div class="problem open-item" data-item=${o.itemId}>
              <h4 ?hidden=${hideAll}><bdi>${t.rrProblemHead(o.no, shownText(p?.problem ?? ''))}</bdi></h4>
              ${para(o.paragraph)}
            </div>`);
          })
        : html`<p ?hidden=${hideAll}>${t.rrNoOpen}</p>`}
    </section>
    <section class="part next">
      <h3 ?hidden=${hideAll}>${numeral()}${t.rrSecNext}</h3>
      ${para('next')}
    </section>
  </article>`;
}

/** The table of the due date and the overall figures. */
function renderFigures(t: RT, lang: string, m: ReportModel) {
  const f = m.figures;
  const row = (cls: string, label: string, value: string | TemplateResult) => html`<tr class=${cls}><th scope="row">${label}</th><td>${value}</td></tr>`;
  return html`<table class="figures" part="figures">
    <caption>${t.rrFiguresCaption}</caption>
    <thead><tr><th scope="col">${t.rrFigHead}</th><th scope="col">${t.rrFigValue}</th></tr></thead>
    <tbody>
      ${row('feedback', t.rrFeedbackDate, m.feedbackDate ? formatDateKey(m.feedbackDate, lang) : t.rrDueUnknown)}
      ${row('due', t.rrDueDate, m.dueDate ? html`${formatDateKey(m.dueDate, lang)} <span class="muted">${t.rrDueNote(m.dueMonths)}</span>` : t.rrDueUnknown)}
      ${row('total', t.rrFigTotal, formatNumber(f.total, lang))}
      ${row('closed', t.rrFigClosed, formatNumber(f.closed, lang))}
      ${row('stage', t.rrFigStage, formatNumber(f.stageReached, lang))}
      ${row('in-progress', t.rrFigInProgress, formatNumber(f.inProgress, lang))}
      ${row('overdue', t.rrFigOverdue, formatNumber(f.overdue, lang))}
      ${row('rate', t.rrFigRate, formatPercent(f.completionRate, lang))}
      ${row('rules', t.rrFigRules, formatNumber(f.rulesMade, lang))}
      ${row('funds', t.rrFigFunds, t.rrMoney(f.fundsRecovered))}
      ${row('people', t.rrFigPeople, formatNumber(f.peopleHandled, lang))}
    </tbody>
  </table>`;
}

/** A problem's heading: its number and first words; a longer text follows in full (as in the Word file). */
function renderProblemHead(t: RT, no: number, problem: string, hidden: boolean) {
  const head = t.rrProblemHead(no, problem);
  return html`<h5 ?hidden=${hidden}><bdi>${head}</bdi></h5>${head === t.rrProblemLine(no, problem) ? nothing : html`<p class="problem-text" ?hidden=${hidden}><bdi>${problem}</bdi></p>`}`;
}

/** Who is responsible for a problem (only the department in the 公开稿), and its evidence (never in the 公开稿). */
function renderResponsibility(t: RT, p: ReportModel['sections'][number]['problems'][number], isPublic: boolean, hidden: boolean) {
  const r = p.responsibility;
  const parts: [string, string | undefined][] = isPublic
    ? [[t.rrRespDepartment, r.department]]
    : [[t.rrRespLeader, r.leader], [t.rrRespDepartment, r.department], [t.rrRespPerson, r.person]];
  const shown = parts.filter(([, x]) => x);
  return html`${shown.length
    ? html`<p class="resp" ?hidden=${hidden}>${shown.map(([label, x], i) => html`${i ? t.rrListSep : ''}${label}：<bdi>${x}</bdi>`)}</p>`
    : nothing}${!isPublic && p.evidence.length
    ? html`<p class="evidence" ?hidden=${hidden}>${t.rrEvidence}：${p.evidence.map((e, i) => html`${i ? t.rrListSep : ''}<bdi>${e}</bdi>`)}</p>`
    : nothing}`;
}

/** A paragraph's box (its text when locked), drawn again only when it changed. */
function renderParagraph(c: DocumentContext, id: string, i: number, text: string, hidden: boolean) {
  const { t, value: v, isPublic } = c;
  const edited = isPublic ? typeof v.publicEdits?.[id] === 'string' : typeof v.edits[id] === 'string';
  const error = c.errors.length ? c.errors.find((e) => e.path === `paragraphs.${id}`) : undefined;
  // A paragraph not changed is not drawn again (a report holds thousands).
  return guard([t, v.model, id, i, text, isPublic, hidden, edited, error, c.locked], () => drawParagraph(c, id, i, text, hidden, edited, error));
}

function drawParagraph(c: DocumentContext, id: string, i: number, text: string, hidden: boolean, edited: boolean, error: { message: string } | undefined) {
  const { t, value: v, isPublic } = c;
  const label = paragraphLabel(v.model, id, c.lang);
  const rows = Math.max(2, Math.min(14, Math.ceil(text.length / 38) + 1));
  return html`<div class="para" part="paragraph" data-paragraph=${id} ?hidden=${hidden}>
    ${c.locked
      ? html`<p class="text"><bdi>${text}</bdi></p>`
      : html`<label class="para-label" for="para-${i}">${isPublic ? t.rrPublicEditLabel(label) : label}${edited ? html` <span class="edited">（${t.rrEdited}）</span>` : nothing}</label>
          <textarea id="para-${i}" rows=${rows} .value=${text} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `para-${i}-err` : nothing}
            @input=${(e: Event) => c.host.editParagraph(id, (e.target as HTMLTextAreaElement).value, isPublic)}></textarea>
          ${error ? html`<p class="field-error" id="para-${i}-err">${error.message}</p>` : nothing}
          ${edited
            ? html`<button type="button" class="restore" @click=${() => c.host.restoreParagraph(id, isPublic)}>${t.rrRestoreDraft}</button>`
            : nothing}
          <p class="print-text" aria-hidden="true">${text}</p>`}
  </div>`;
}
