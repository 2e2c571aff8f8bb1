/**
 * The watermark of read-only and print views (`<xc-provider watermark>`): the viewer's name and
 * the time, repeated across the element, as 内网 systems mark what is read or printed. Loaded
 * by the provider only when a watermark is asked for, so no page pays for it otherwise.
 *
 * Made without inline styles, so a strict Content-Security-Policy (`style-src 'self'`) holds: the
 * layer's look is one constructable stylesheet adopted into the element's shadow root (as lit's
 * own styles), and its tiles are classed elements whose text is generated content (`attr()`). It never blocks reading: it takes
 * no pointer events, cannot be selected and is hidden from screen readers (`aria-hidden`); a
 * visually hidden note says once that the view is watermarked.
 * @module
 */
import type { html as litHtml, nothing as litNothing, ReactiveElement } from 'lit';
import { extendLocale, formatDate, type Messages } from '../core/i18n.js';
import watermarkZhCN, { type WatermarkMessages } from '../core/locales/watermark.zh-CN.js';
import type { XcUser } from './context.js';
import { adoptSheet } from './adopt-sheet.js';

extendLocale(watermarkZhCN, { en: () => import('../core/locales/watermark.en.js') });

/** What the watermark needs of an element (every xc element is one). */
export interface WatermarkHost extends ReactiveElement {
  readonly env: { user?: XcUser; now: () => Date };
  readonly effectiveLang: string;
  readonly t: Messages;
}

/** Tile size in CSS pixels at the default 16 px text; the layer counts tiles from it. */
const TILE_W = 256;
const TILE_H = 144;
/** Enough tiles for a printed A4 page and a first screen before the element is measured; at most this many. */
const MIN_TILES = 24;
const MAX_TILES = 1200;

const CSS = `
:host { position: relative; }
.xc-wm {
  position: absolute; top: 0; right: 0; bottom: 0; left: 0;
  overflow: hidden; pointer-events: none; user-select: none; -webkit-user-select: none;
  display: flex; flex-wrap: wrap; align-content: flex-start;
  color: var(--xc-watermark-color, rgba(31, 35, 40, 0.1));
  font-size: var(--xc-watermark-font-size, 0.95em);
  line-height: 1.2;
}
.xc-wm span {
  flex: 0 0 16em; height: 9em;
  display: flex; align-items: center; justify-content: center;
  white-space: nowrap; transform: rotate(-24deg);
}
/* The text is generated content: decoration (WCAG 1.4.3 "incidental"), never selected or copied with the record. */
.xc-wm span::before { content: attr(data-text); }
.xc-wm.print-only { display: none; }
@media print {
  /* Fixed: Chromium repeats it on every printed page. */
  .xc-wm, .xc-wm.print-only { position: fixed; display: flex; color: var(--xc-watermark-print-color, rgba(31, 35, 40, 0.16)); }
}
`;

/** Tiles per element, from its measured size. */
const tiles = new WeakMap<WatermarkHost, number>();
const hosts = new Set<WatermarkHost>();
let observer: ResizeObserver | undefined;

function measure(host: WatermarkHost, width: number, height: number): void {
  const scale = (parseFloat(getComputedStyle(host).fontSize) || 16) / 16;
  const n = Math.ceil(width / (TILE_W * scale) + 1) * Math.ceil(height / (TILE_H * scale) + 1);
  const count = Math.min(MAX_TILES, Math.max(MIN_TILES, n));
  if (tiles.get(host) !== count) {
    tiles.set(host, count);
    host.requestUpdate();
  }
}

function watch(host: WatermarkHost): void {
  if (hosts.has(host)) return;
  hosts.add(host);
  observer ??= new ResizeObserver((entries) => {
    for (const e of entries) measure(e.target as WatermarkHost, e.contentRect.width, e.contentRect.height);
  });
  observer.observe(host);
}

// The time is the time of printing when the page is printed: every watermarked element renders again
// (lit updates in a microtask, which runs before the print layout).
addEventListener('beforeprint', () => {
  for (const h of hosts) {
    if (h.isConnected) h.requestUpdate();
    else {
      hosts.delete(h);
      observer?.unobserve(h);
    }
  }
});

/** Lit's `html` and `nothing`, handed in by the provider: imported here, they would split lit into more files of the standalone build (a cost on every page). */
export interface Lit {
  html: typeof litHtml;
  nothing: typeof litNothing;
}

/**
 * The watermark renderer the provider puts into the environment. `text` replaces the default
 * (the user's name and the time, formatted in the element's language).
 */
export function watermarkLayer({ html, nothing }: Lit, text: string): (host: WatermarkHost, shown: boolean) => unknown {
  return (host, shown) => {
    adoptSheet(host.shadowRoot, CSS);
    watch(host);
    const t = host.t as Messages & WatermarkMessages;
    // Strings of the element's language arrive with it; until then the zh-CN defaults.
    const user = host.env.user;
    const mark = text || t.watermarkText(user?.name?.trim() || user?.id?.trim() || '', formatDate(host.env.now(), host.effectiveLang, true));
    const count = tiles.get(host) ?? MIN_TILES;
    return html`<div class="xc-wm${shown ? '' : ' print-only'}" part="watermark" aria-hidden="true">${Array.from({ length: count }, () => html`<span data-text=${mark}></span>`)}</div>
      ${shown ? html`<p class="visually-hidden">${t.watermarkNote(mark)}</p>` : nothing}`;
  };
}
