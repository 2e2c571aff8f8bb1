/**
 * <xc-round-summary>: the figures a 巡察办 reports for a round of 巡察 and for each unit of it —
 * key figures, two bar charts (整改完成率 per unit, problems by 三个聚焦) with their text
 * alternatives, a table of every figure per unit with the totals, CSV and Excel. The counting is
 * src/core/round-summary.ts; this file only shows it.
 */
import { LitElement, html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume, ContextEvent } from '@lit/context';
import { defineElement } from '../base/define.js';
import { offerText } from '../base/save-text.js';
import { tokens } from '../base/styles.js';
import { lazy } from '../base/lazy.js';
import { xcContext, resolveEnvironment, type XcEnvironment } from '../base/context.js';
import { DEFAULT_LANG, resolveLocale, type Messages } from '../core/i18n.js';
import { LocaleLoader, completeAfter, inheritedLang } from '../base/locale-loader.js';
import { summariseRound, totalOf, ROUND_FIGURES, ROUND_FIGURE_LABELS, type RoundFigure, type RoundSummary, type UnitFigures, type UnitRecords } from '../core/round-summary.js';
import type { RoundSummaryMessages } from '../core/locales/round-summary.zh-CN.js';
import type { ChecklistTemplateSource } from '../core/checklist.js';
import { chartLabels } from '../core/round-summary-labels.js';
import { roundSummaryStyles } from './xc-round-summary.styles.js';
import { chartBoxStyles } from '../base/chart.styles.js';

type RM = Messages & RoundSummaryMessages;

/** The CSV writer loads when someone exports (the first paint needs none of it). */
const loadCsv = lazy(() => import('../core/round-summary-csv.js'));
/** The Excel export (./round-summary-xlsx.ts): loaded on the first Excel export only, never with the page. */
const loadXlsx = lazy(() => import('./round-summary-xlsx.js'));

/** The figures shown as key figures above the charts. */
const KEYS: RoundFigure[] = ['interviews', 'petitions', 'problems', 'clues', 'cluesHandedOver', 'completionRate', 'stageReached', 'overdue', 'rulesMade', 'fundsRecovered'];

/** Width of every chart's drawing (the SVG scales to its box). */
const W = 360;
const BAR_H = 18;
const GAP = 6;
const LABEL_W = 130;
const VALUE_W = 44;


/** The local calendar date of `d` as `YYYY-MM-DD`. */
const dateKey = (d: Date) => `${String(d.getFullYear()).padStart(4, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/**
 * Number formats by language and style, made once: a table of 20 units shows some 400 numbers,
 * and making an Intl.NumberFormat for each (as the core's formatNumber does) takes a long task.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: string, style: 'count' | 'money' | 'percent'): Intl.NumberFormat {
  const tag = resolveLocale(lang).lang;
  const key = `${tag}\u0000${style}`;
  let f = numberFormats.get(key);
  if (!f) {
    const options: Intl.NumberFormatOptions = style === 'percent' ? { style: 'percent', maximumFractionDigits: 0 } : style === 'money' ? { maximumFractionDigits: 2 } : {};
    numberFormats.set(key, (f = new Intl.NumberFormat(tag, options)));
  }
  return f;
}
const formatNumber = (n: number, lang: string, money = false) => numberFormat(lang, money ? 'money' : 'count').format(n);
const formatPercent = (n: number, lang: string) => numberFormat(lang, 'percent').format(n);

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/**
 * The figures of a round of 巡察 (巡察工作统计), for the 巡察办: per 被巡察单位 and for the round,
 * 个别谈话人次, 信访件数, problems found (by 三个聚焦, 共性/个性), clues found and handed over (移交),
 * 整改 items with 已销号 / 阶段性完成 / 正在整改 / 逾期 and the 整改完成率, 建章立制, funds recovered
 * and people held to account. Give the records (`units`: per unit its checklists, interview
 * records, petition register, clue register and ledger, as the other elements produce them) or
 * figures already counted (`summary`, e.g. from a server running `summariseRound`). Focus areas are
 * named as the records name them (the checklist template's zh-CN titles, the ledger's
 * `problem.focusArea`), whatever the language shown, and each spelling of an area is counted once
 * under one name (a leading ordinal such as 三、 dropped, 的/情况/spaces/punctuation ignored, a
 * template's title when it matches one), the templates' areas first in their order. A bar's label
 * cut short never reads like another's; its full text is the bar's tooltip, the chart's text
 * alternative and its data table.
 *
 * Two bar charts (整改完成率 per unit, problems by focus area) are drawn as inline SVG, each an
 * image named by its caption and a sentence stating its figures, with its data as a table under it;
 * the table of every figure per unit follows, with the round's totals. It only shows: it is not a
 * form control and holds no value. "Today" (what is overdue) comes from `<xc-provider today=…>`
 * or the machine's clock. Printed, the toolbar and the charts' data tables are left out.
 *
 * @customElement xc-round-summary
 * @tag xc-round-summary
 *
 * @fires xc-export - The CSV or the Excel workbook is about to be downloaded; cancelable (cancel it to handle the file yourself). `detail: { format: 'csv' | 'xlsx', filename, text, bytes? }` (`bytes`: the workbook's; `text` is `''` for it).
 *
 * @slot header - Shown under the title (e.g. the round and the teams).
 *
 * @csspart title - The heading.
 * @csspart toolbar - The bar with the Excel and CSV exports.
 * @csspart keys - The key figures of the round.
 * @csspart charts - The two charts.
 * @csspart table - The table of every figure per unit.
 *
 * @cssprop --xc-font-size - Base font size.
 * @cssprop --xc-color-success - Colour of the completion bars.
 * @cssprop --xc-color-primary - Colour of the focus-area bars.
 * @cssprop --xc-color-border - Border colour of the charts and the table.
 * @cssprop --xc-color-surface-alt - Background of key figures and table heads.
 */
export class XcRoundSummary extends LitElement {
  static override styles = [tokens, chartBoxStyles, roundSummaryStyles];

  /** The records of each unit of the round (see `UnitRecords` of the core). Ignored while `summary` is set. */
  @property({ attribute: false }) units: UnitRecords[] | null = null;

  /** Figures already counted (`summariseRound`'s result); wins over `units`. Its rows are shown as given; the totals are recounted from them (`totalOf`), so the table always adds up. */
  @property({ attribute: false }) summary: RoundSummary | null = null;

  /** Checklist templates for responses given without theirs (matched by `templateId`); their section titles are the known focus areas (named and ordered as they are), with those of `summary` too. */
  @property({ attribute: false }) templates: ChecklistTemplateSource[] = [];

  /** The round as people name it (e.g. 区委第三轮巡察), shown after the title and used in the CSV's file name. */
  @property() round = '';

  /** Language of the element's text (`zh-CN` default, `en`); falls back to the nearest ancestor's `lang`, then the provider's. */
  @property() override lang = '';

  /** Environment from an `<xc-provider>` (clock, language). */
  @consume({ context: xcContext, subscribe: true })
  @state()
  protected environment?: XcEnvironment;

  @state() private _inheritedLang = '';
  private _figures: RoundSummary | null = null;
  private _countedFor = '';
  /** Strings for a language other than zh-CN arrive in their own chunk. */
  private _locale = new LocaleLoader(this, () => this._lang);
  private _langObserver?: MutationObserver;

  /** The language in force. */
  private get _lang(): string {
    return this.lang || this._inheritedLang || this.environment?.lang || DEFAULT_LANG;
  }

  private get t(): RM {
    return resolveLocale(this._lang) as RM;
  }

  /** Today as `YYYY-MM-DD`, from the provider's clock. */
  get today(): string {
    return dateKey(resolveEnvironment(this.environment).now());
  }

  /** The figures shown: `summary` when given, else counted from `units` on today (null before the first render). */
  get figures(): RoundSummary | null {
    return this._figures;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._readInheritedLang();
    this._askLateProvider();
    this._langObserver = new MutationObserver(() => this._readInheritedLang());
    this._langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._langObserver?.disconnect();
  }

  /**
   * An `<xc-provider>` around this element that was not defined when it connected (its script
   * loaded later) did not answer the context request: ask again once it is defined, so that its
   * clock ("today") counts.
   */
  private _askLateProvider(): void {
    let node: Node | null = this.parentNode;
    while (node && !(node instanceof Element && node.localName === 'xc-provider')) node = node instanceof ShadowRoot ? node.host : node.parentNode;
    if (!node || customElements.get('xc-provider')) return;
    void customElements.whenDefined('xc-provider').then(() => {
      if (this.environment || !this.isConnected) return;
      this.dispatchEvent(new ContextEvent(xcContext, this, (value) => (this.environment = value), true));
    });
  }

  private _readInheritedLang(): void {
    this._inheritedLang = inheritedLang(this);
  }

  protected override willUpdate(changed: PropertyValues): void {
    const key = this.today;
    if (changed.has('units') || changed.has('summary') || changed.has('templates') || key !== this._countedFor) {
      this._countedFor = key;
      this._figures = this._count();
    }
  }

  private _count(): RoundSummary | null {
    const given = this.summary as unknown;
    if (given && typeof given === 'object' && Array.isArray((given as RoundSummary).units)) {
      // Figures from elsewhere: rows that are not objects are dropped, the totals are recounted from the rows.
      const units = (given as RoundSummary).units.filter((u): u is UnitFigures => typeof u === 'object' && u !== null);
      return { units, totals: totalOf(units, Array.isArray(this.templates) ? this.templates : []) };
    }
    if (!Array.isArray(this.units)) return null;
    // Focus areas are named as the records name them (zh-CN), whatever the language shown, so that a
    // checklist's and a ledger's problems of one area are counted together.
    return summariseRound(this.units, { today: this.today, templates: Array.isArray(this.templates) ? this.templates : [] });
  }

  /** `updateComplete` also waits for the strings of the element's language. */
  protected override async getUpdateComplete(): Promise<boolean> {
    return completeAfter(await super.getUpdateComplete(), () => this._locale.loading, () => super.getUpdateComplete());
  }

  /** The figures as CSV (UTF-8 with BOM, formulas in names written as text); empty text when there are none. */
  async toCsv(): Promise<string> {
    const s = this._figures;
    if (!s) return '';
    const { roundSummaryCsv } = await loadCsv();
    return roundSummaryCsv(s, this._lang);
  }

  /**
   * Download the figures (`<a download>` of an object URL: nothing is sent anywhere): `csv` (the
   * default) or `xlsx`, an Excel workbook of the same table — one row per unit and the 合计 row,
   * counts as numbers, the 整改完成率 as a percentage — whose writer loads on the first Excel export
   * only. Fires the cancelable `xc-export` first (with the workbook's `bytes` for `xlsx`); resolves
   * to whether the download started (false with no figures).
   */
  async download(format: 'csv' | 'xlsx' = 'csv'): Promise<boolean> {
    const s = this._figures;
    if (!s) return false;
    const base = [this.t.rsFilename, this.round.trim()].filter(Boolean).join('-');
    const filename = `${base.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_')}-${this.today}.${format === 'xlsx' ? 'xlsx' : 'csv'}`;
    if (format === 'xlsx') {
      const lang = this._lang;
      const round = this.round;
      return loadXlsx().then((x) => x.exportXlsx(this, s, lang, round, filename));
    }
    const text = await this.toCsv();
    if (!text) return false;
    return offerText(this, 'csv', filename, text, 'text/csv;charset=utf-8');
  }

  private _fmt(f: RoundFigure, u: UnitFigures): string {
    const lang = this._lang;
    if (f === 'completionRate') return num(u.items) ? formatPercent(num(u.completionRate), lang) : '—';
    if (f === 'fundsRecovered') return formatNumber(num(u.fundsRecovered), lang, true);
    return formatNumber(num(u[f]), lang);
  }

  private _unitName(u: UnitFigures): string {
    return typeof u.unit === 'string' && u.unit ? u.unit : this.t.rsUnitNone;
  }

  protected override render() {
    const t = this.t;
    const s = this._figures;
    return html`<h2 class="title" part="title">${t.rsTitle}${this.round ? html`${t.labelSep}${this.round}` : nothing}</h2>
      <slot name="header"></slot>
      ${!s || s.units.length === 0
        ? html`<p class="hint">${t.rsEmpty}</p>`
        : html`<div class="toolbar" part="toolbar">
              <button type="button" class="export-xlsx" @click=${() => void this.download('xlsx').catch(() => undefined)}>${t.rsExportXlsx}</button>
              <button type="button" class="export" @click=${() => void this.download()}>${t.rsExportCsv}</button>
            </div>
            ${this._keys(s.totals)}
            <div class="charts" part="charts">${this._completionChart(s)}${this._focusChart(s)}</div>
            ${this._table(s)} ${this._notes(s)}`}`;
  }

  private _keys(totals: UnitFigures) {
    const t = this.t;
    return html`<dl class="keys" part="keys">
      ${KEYS.map(
        (f) => html`<div class=${f} ?data-some=${f === 'overdue' && num(totals.overdue) > 0}><dt>${t[ROUND_FIGURE_LABELS[f]] as string}</dt><dd>${this._fmt(f, totals)}</dd></div>`,
      )}
    </dl>`;
  }

  private _figure(id: string, title: string, rows: { label: string; value: number; shown: string }[], max: number, cls: string, alt: string, table: TemplateResult) {
    const t = this.t;
    if (!rows.length)
      return html`<figure class="chart" data-chart=${id}><figcaption id="chart-${id}">${title}</figcaption><p class="hint">${t.rsChartNone}</p></figure>`;
    const h = rows.length * (BAR_H + GAP);
    const room = W - LABEL_W - VALUE_W;
    const scale = room / Math.max(1e-9, max);
    // Cut to fit, never two alike; the full label is each bar's tooltip, in the text alternative and the data table.
    const labels = chartLabels(rows.map((r) => r.label));
    return html`<figure class="chart" data-chart=${id}>
      <figcaption id="chart-${id}">${title}</figcaption>
      <svg class="bars" viewBox="0 0 ${W} ${h}" role="img" aria-labelledby="chart-${id} chart-${id}-alt" focusable="false">
        ${rows.map((r, i) => {
          const y = i * (BAR_H + GAP);
          const w = Math.max(r.value > 0 ? 2 : 0, r.value * scale);
          return svg`<g class=${cls}>
            <title>${r.label}</title>
            <text class="label" x=${LABEL_W - 6} y=${y + BAR_H / 2} text-anchor="end" dominant-baseline="central">${labels[i]}</text>
            ${cls === 'rate' ? svg`<rect class="track" x=${LABEL_W} y=${y} width=${room} height=${BAR_H} rx="2"></rect>` : nothing}
            <rect class="bar" x=${LABEL_W} y=${y} width=${w} height=${BAR_H} rx="2"></rect>
            <text class="value" x=${LABEL_W + (cls === 'rate' ? room : w) + 6} y=${y + BAR_H / 2} dominant-baseline="central">${r.shown}</text>
          </g>`;
        })}
      </svg>
      <p class="visually-hidden" id="chart-${id}-alt">${alt}</p>
      <details class="chart-data"><summary>${t.rsChartData}<span class="visually-hidden">${t.labelSep}${title}</span></summary>${table}</details>
    </figure>`;
  }

  private _dataTable(head: string[], rows: string[][]) {
    return html`<table class="data">
      <thead><tr>${head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
      <tbody>${rows.map(([first, ...rest]) => html`<tr><th scope="row">${first}</th>${rest.map((c) => html`<td class="num">${c}</td>`)}</tr>`)}</tbody>
    </table>`;
  }

  /** 整改完成率 per unit that has 整改 items. */
  private _completionChart(s: RoundSummary) {
    const t = this.t;
    const lang = this._lang;
    const units = s.units.filter((u) => num(u.items) > 0);
    const rows = units.map((u) => ({ label: this._unitName(u), value: num(u.completionRate), shown: formatPercent(num(u.completionRate), lang) }));
    const alt = units.map((u, i) => t.rsRateOf(rows[i]!.label, rows[i]!.shown, num(u.closed), num(u.items))).join(t.clauseSep);
    const table = this._dataTable(
      [t.rsUnit, t.rsCompletionRate, t.rsClosed, t.rsItems],
      units.map((u, i) => [rows[i]!.label, rows[i]!.shown, formatNumber(num(u.closed), lang), formatNumber(num(u.items), lang)]),
    );
    return this._figure('completion', t.rsChartCompletion, rows, 1, 'rate', alt, table);
  }

  /** Problems of the round by focus area (三个聚焦). */
  private _focusChart(s: RoundSummary) {
    const t = this.t;
    const lang = this._lang;
    const areas = s.totals.byFocus.filter((f) => num(f.problems) > 0);
    const name = (a: string) => a || t.rsFocusNone;
    const rows = areas.map((f) => ({ label: name(f.focusArea), value: num(f.problems), shown: formatNumber(num(f.problems), lang) }));
    const alt = areas.map((f) => t.rsFocusOf(name(f.focusArea), num(f.problems), num(f.common), num(f.specific))).join(t.clauseSep);
    const table = this._dataTable(
      [t.rsFocusArea, t.rsProblems, t.rsCommon, t.rsSpecific],
      areas.map((f) => [name(f.focusArea), formatNumber(num(f.problems), lang), formatNumber(num(f.common), lang), formatNumber(num(f.specific), lang)]),
    );
    return this._figure('focus', t.rsChartFocus, rows, Math.max(0, ...rows.map((r) => r.value)), 'focus', alt, table);
  }

  private _table(s: RoundSummary) {
    const t = this.t;
    const row = (u: UnitFigures, name: string) => html`<th scope="row">${name}</th>${ROUND_FIGURES.map((f) => html`<td class="num" data-figure=${f}>${this._fmt(f, u)}</td>`)}`;
    return html`<div class="table-wrap" part="table" role="region" aria-labelledby="table-caption" tabindex="0">
      <table class="units">
        <caption id="table-caption">${t.rsTableCaption}</caption>
        <thead>
          <tr><th scope="col">${t.rsUnit}</th>${ROUND_FIGURES.map((f) => html`<th scope="col">${t[ROUND_FIGURE_LABELS[f]] as string}</th>`)}</tr>
        </thead>
        <tbody>
          ${s.units.map((u) => html`<tr>${row(u, this._unitName(u))}</tr>`)}
        </tbody>
        <tfoot>
          <tr>${row(s.totals, t.rsTotal)}</tr>
        </tfoot>
      </table>
    </div>`;
  }

  private _notes(s: RoundSummary) {
    const t = this.t;
    const fromLedger = s.units.some((u) => u.problemsFrom === 'ledger');
    const fromRecords = s.units.some((u) => u.cluesFrom === 'records');
    return html`${fromLedger ? html`<p class="note">${t.rsSourceLedger}</p>` : nothing}${fromRecords ? html`<p class="note">${t.rsSourceRecords}</p>` : nothing}`;
  }
}

defineElement('xc-round-summary', XcRoundSummary);

declare global {
  interface HTMLElementTagNameMap {
    'xc-round-summary': XcRoundSummary;
  }
}
