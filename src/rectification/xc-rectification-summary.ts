/**
 * `<xc-rectification-summary>`, the ledger's summary (internal): the figures, two SVG charts with
 * text alternatives and a data table; loaded after the tracker's first frame.
 */
import { LitElement, html, nothing, svg, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { defineElement } from '../base/define.js';
import { formatPercent, type Messages } from '../core/i18n.js';
import { STATUSES } from '../core/rectification/workflow.js';
import { statusLabel } from '../core/rectification/labels.js';
import type { LedgerSummary } from '../core/rectification/summary.js';
/** The figures' counting, loaded with the charts (the tracker counts with it once they are here). */
export { ledgerSummary } from '../core/rectification/summary.js';
/** What adopts the charts' styles into the tracker's shadow root: loaded with them, not with the tracker. */
export { adoptSheet } from '../base/adopt-sheet.js';
import { formatDateKey } from '../core/i18n.js';
import './panel-locale.js';

/** Width of every chart's drawing (the SVG scales to its box). */
const W = 360;
const BAR_H = 22;
const GAP = 8;
const LABEL_W = 120;
/** Height of a second line of a label (the charts' text is 12px). */
const LINE_H = 14;
/** Most departments drawn in the overdue chart; the data table lists all. */
const MAX_DEPTS = 8;

const charWidth = (c: string) => (/[\u2e80-\u9fff\uac00-\ud7af\uff00-\uffef]/.test(c) ? 1 : 0.58);

/**
 * A chart label cut to fit its column (the full text is in the data table and the text
 * alternative): wide (CJK) characters count 1, others about half. The round figures' `clipLabel`
 * (core/round-summary-labels.ts) cuts the same way; shared, it went into a file of its own that the
 * round figures' page loads besides its own (+0.2 KB gzip on that page, and the ledger's first load
 * naming one more file), so each keeps its few lines.
 */
function clip(s: string, room = 9.5): string {
  const chars = [...s];
  let used = 0;
  for (let i = 0; i < chars.length; i++) {
    used += charWidth(chars[i]!);
    if (used > room) return `${chars.slice(0, Math.max(1, i - 1)).join('')}…`;
  }
  return s;
}

/**
 * A chart label on up to two lines of its column: broken at a space where the text has
 * spaces (English "Awaiting / verification"), else where the first line is full; only
 * what does not fit on two lines is cut.
 */
function labelLines(s: string, room = 9.5): string[] {
  const chars = [...s];
  let used = 0;
  let cut = -1;
  for (let i = 0; i < chars.length; i++) {
    used += charWidth(chars[i]!);
    if (used > room) {
      cut = i;
      break;
    }
  }
  if (cut < 0) return [s];
  const space = chars.lastIndexOf(' ', cut);
  const at = space > 0 ? space : cut;
  const first = chars.slice(0, at).join('').trimEnd();
  const rest = chars.slice(at).join('').trim();
  return rest ? [first, clip(rest, room)] : [first];
}

/**
 * The figures and charts of `<xc-rectification-tracker>` (internal): counts by status,
 * completion rate, overdue items by department and items closed over time, drawn as inline
 * SVG with a text alternative each (an accessible name that states the figures, and a data
 * table). Its own element so that the tracker can refresh it without touching the table.
 * @internal
 */
export class XcRectificationSummary extends LitElement {
  @property({ attribute: false }) summary: LedgerSummary | null = null;
  @property({ attribute: false }) t!: Messages;
  @property() override lang = 'zh-CN';
  /** Department names as shown (`''` = no department). */
  @property({ attribute: false }) noDepartment = '';

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override render() {
    const s = this.summary;
    if (!s) return nothing;
    const t = this.t;
    const lang = this.lang;
    return html`<p class="figures">
        <strong class="fig-total">${t.trackerTotal(s.total)}</strong>
        <span class="fig-closed">${t.trackerClosedRate(s.closed, s.total, formatPercent(s.completionRate, lang))}</span>
        <span class="fig-overdue" ?data-some=${s.overdue > 0}>${t.trackerOverdueTotal(s.overdue)}</span>
      </p>
      <div class="charts">${this._statusChart(s)}${this._overdueChart(s)}${this._timeChart(s)}</div>`;
  }

  private _figure(id: string, title: string, alt: string, chart: TemplateResult | typeof nothing, table: TemplateResult, empty: boolean) {
    const t = this.t;
    return html`<figure class="chart" data-chart=${id}>
      <figcaption id="chart-${id}">${title}</figcaption>
      ${empty ? html`<p class="hint">${t.trackerChartNone}</p>` : chart}
      ${empty ? nothing : html`<details class="chart-data"><summary>${t.trackerChartData}<span class="visually-hidden">${t.labelSep}${title}</span></summary>${table}</details>`}
      ${empty ? nothing : html`<p class="visually-hidden" id="chart-${id}-alt">${alt}</p>`}
    </figure>`;
  }

  private _bars(id: string, rows: { label: string; value: number; cls: string }[], max: number) {
    // A label on two lines makes its row taller by one line.
    const laid = rows.map((r) => ({ ...r, lines: labelLines(r.label) }));
    const tall = (n: number) => BAR_H + (n - 1) * LINE_H;
    const tops: number[] = [];
    let h = 0;
    for (const r of laid) {
      tops.push(h);
      h += tall(r.lines.length) + GAP;
    }
    const scale = (W - LABEL_W - 40) / Math.max(1, max);
    return html`<svg class="bars" viewBox="0 0 ${W} ${h}" role="img" aria-labelledby="chart-${id} chart-${id}-alt" focusable="false">
      ${laid.map((r, i) => {
        const y = tops[i]!;
        const mid = y + tall(r.lines.length) / 2;
        const w = Math.max(r.value > 0 ? 2 : 0, r.value * scale);
        const first = mid - ((r.lines.length - 1) * LINE_H) / 2;
        return svg`<g class=${r.cls}>
          <text class="label" text-anchor="end" dominant-baseline="central">${r.lines.map((line, n) => svg`<tspan x=${LABEL_W - 6} y=${first + n * LINE_H}>${line}</tspan>`)}</text>
          <rect class="bar" x=${LABEL_W} y=${mid - BAR_H / 2} width=${w} height=${BAR_H} rx="2"></rect>
          <text class="value" x=${LABEL_W + w + 6} y=${mid} dominant-baseline="central">${r.value}</text>
        </g>`;
      })}
    </svg>`;
  }

  private _table(head: string[], rows: (string | number)[][]) {
    return html`<table class="data">
      <thead><tr>${head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
      <tbody>${rows.map(([first, ...rest]) => html`<tr><th scope="row">${first}</th>${rest.map((c) => html`<td>${c}</td>`)}</tr>`)}</tbody>
    </table>`;
  }

  private _statusChart(s: LedgerSummary) {
    const t = this.t;
    const lang = this.lang;
    const rows = STATUSES.map((st) => ({ label: statusLabel(st, lang), value: s.byStatus[st], cls: `st-${st}` }));
    const alt = rows.map((r) => t.trackerChartCount(r.label, r.value)).join(t.clauseSep);
    const max = Math.max(...rows.map((r) => r.value));
    return this._figure(
      'status',
      t.trackerChartStatus,
      alt,
      this._bars('status', rows, max),
      this._table([t.rectColStatus, t.trackerColCount], rows.map((r) => [r.label, r.value])),
      s.total === 0,
    );
  }

  private _overdueChart(s: LedgerSummary) {
    const t = this.t;
    const all = s.overdueByDepartment.map((d) => ({ label: d.department || this.noDepartment, value: d.count, cls: 'overdue' }));
    const shown = all.slice(0, MAX_DEPTS);
    const alt = all.map((r) => t.trackerChartCount(r.label, r.value)).join(t.clauseSep);
    return this._figure(
      'overdue',
      t.trackerChartOverdue,
      alt,
      this._bars('overdue', shown, Math.max(0, ...shown.map((r) => r.value))),
      this._table([t.rectColDepartment, t.trackerColCount], all.map((r) => [r.label, r.value])),
      all.length === 0,
    );
  }

  private _timeChart(s: LedgerSummary) {
    const t = this.t;
    const lang = this.lang;
    const points = s.completionOverTime;
    const H = 160;
    const pad = { l: 40, r: 12, t: 10, b: 28 };
    const day = (key: string) => Date.UTC(Number(key.slice(0, 4)), Number(key.slice(5, 7)) - 1, Number(key.slice(8, 10))) / 86_400_000;
    const first = points.length ? day(points[0]!.date) : 0;
    const last = points.length ? day(points[points.length - 1]!.date) : 0;
    const span = Math.max(1, last - first);
    const yMax = Math.max(1, s.total);
    const innerW = W - pad.l - pad.r;
    const x = (key: string) => pad.l + (points.length > 1 ? ((day(key) - first) / span) * innerW : innerW / 2);
    const y = (v: number) => pad.t + (1 - v / yMax) * (H - pad.t - pad.b);
    // A step line: the running total stays flat between closings.
    let path = '';
    points.forEach((p, i) => {
      const px = x(p.date).toFixed(1);
      if (i === 0) path = `M${px},${y(0).toFixed(1)} L${px},${y(p.cumulative).toFixed(1)}`;
      else path += ` L${px},${y(points[i - 1]!.cumulative).toFixed(1)} L${px},${y(p.cumulative).toFixed(1)}`;
    });
    const alt = points.map((p) => t.trackerChartTimePoint(formatDateKey(p.date, lang), p.closed, p.cumulative)).join(t.clauseSep);
    const chart = points.length
      ? html`<svg class="timeline" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="chart-time chart-time-alt" focusable="false">
          <line class="axis" x1=${pad.l} y1=${y(0)} x2=${W - pad.r} y2=${y(0)}></line>
          <line class="axis" x1=${pad.l} y1=${pad.t} x2=${pad.l} y2=${y(0)}></line>
          <line class="goal" x1=${pad.l} y1=${y(yMax)} x2=${W - pad.r} y2=${y(yMax)}></line>
          <text class="tick" x=${pad.l - 6} y=${y(0)} text-anchor="end" dominant-baseline="central">0</text>
          <text class="tick" x=${pad.l - 6} y=${y(yMax)} text-anchor="end" dominant-baseline="central">${yMax}</text>
          <path class="line" d=${path}></path>
          ${points.map((p) => svg`<circle class="point" cx=${x(p.date)} cy=${y(p.cumulative)} r="3"></circle>`)}
          <text class="tick" x=${x(points[0]!.date)} y=${H - 8} text-anchor=${points.length > 1 ? 'start' : 'middle'}>${points[0]!.date}</text>
          ${points.length > 1 ? svg`<text class="tick" x=${x(points[points.length - 1]!.date)} y=${H - 8} text-anchor="end">${points[points.length - 1]!.date}</text>` : nothing}
        </svg>`
      : nothing;
    return this._figure(
      'time',
      t.trackerChartTime,
      alt,
      chart,
      this._table([t.trackerColDate, t.trackerColClosedThatDay, t.trackerColCumulative], points.map((p) => [formatDateKey(p.date, lang), p.closed, p.cumulative])),
      points.length === 0,
    );
  }
}

defineElement('xc-rectification-summary', XcRectificationSummary);

declare global {
  interface HTMLElementTagNameMap {
    'xc-rectification-summary': XcRectificationSummary;
  }
}
