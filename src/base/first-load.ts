/**
 * What every element page of the standalone build loads first, named in one place so that the
 * build keeps it in ONE file (scripts/build-standalone.mjs re-exports `firstLoad` from every lazily
 * loaded module). esbuild splits shared code by which entry points reach each statement: a lazy
 * helper that uses `html` but no decorator put lit's template engine and its decorators in files
 * of their own, and every extra file compresses on its own — a cost on every page. Not part of
 * the public API; the library build does not use it. Only what every element page needs: lit's
 * AsyncDirective (base/element-map.ts) stays with the checklist and the tracker, which use it.
 * @internal
 */
import { LitElement, css, html, nothing, svg } from 'lit';
import { property, state } from 'lit/decorators.js';
import { directive, Directive, PartType } from 'lit/directive.js';
import { guard } from 'lit/directives/guard.js';
import { isSingleExpression } from 'lit/directive-helpers.js';
import { consume, ContextEvent, createContext, provide } from '@lit/context';
import { defineElement } from './define.js';
import { resolveEnvironment, xcContext } from './context.js';
import { extendLocale, formatDate, formatDateKey, formatNumber, formatPercent, isLocaleReady, loadLocale, registerLocale, resolveLocale } from '../core/i18n.js';
import { langChain, textOf } from '../core/text.js';
import { canonicalJson, isPromiseLike, localStorageDrafts, memoryDrafts, shouldOfferDraft } from '../core/draft.js';
import { isDateKey } from '../core/date-key.js';
import { hasOwn, isObj, sameJson } from '../core/obj.js';
import { pointerToSegments, refTarget, segmentsToPath } from '../core/pointer.js';
import { requiredValidator, XcFormElement } from './form-element.js';
import { DraftController } from './draft-controller.js';
import { renderDraftBanner } from './draft-banner.js';
import { setStyle } from './set-style.js';
import { renderErrorSummary, renderFieldError } from './error-summary.js';
import { tokens } from './styles.js';
import { lazy } from './lazy.js';
import { DeferredFormSync } from './form-sync.js';
import { ChunkedRender } from './chunks.js';
import { offerText, saveBlob, saveText } from './save-text.js';
import { isSafeUrl } from '../core/url.js';
import { clueSources } from '../generated/clue-sources.js';

export const firstLoad: unknown[] = [
  LitElement, css, html, nothing, svg, property, state, directive, Directive, PartType,
  consume, ContextEvent, createContext, provide, defineElement, resolveEnvironment, xcContext,
  extendLocale, formatDate, formatDateKey, formatNumber, formatPercent, isLocaleReady, loadLocale, registerLocale, resolveLocale,
  langChain, textOf, canonicalJson, isPromiseLike, localStorageDrafts, memoryDrafts, shouldOfferDraft, isDateKey,
  hasOwn, isObj, sameJson, pointerToSegments, refTarget, segmentsToPath,
  requiredValidator, XcFormElement, DraftController, renderDraftBanner, setStyle, renderErrorSummary, renderFieldError, tokens, lazy,
  // Small modules several pages share: a file of their own costs more than their content.
  isSafeUrl, clueSources, DeferredFormSync,
  // Long lists in chunks: the checklist, the ledger, the registers and the report all use it.
  ChunkedRender, guard,
  // lit's directive helpers (repeat, live, async directives): the ledger and the template editor share them.
  isSingleExpression,
  // Downloads of exports (every element with a CSV or a file).
  offerText, saveBlob, saveText,
];
