/**
 * The ledger's strings join the locale registry when the element loads. The Chinese strings of
 * its detail panel and charts come with them (panel-locale.ts); their English comes here, with
 * the table's, since English loads only on English pages anyway.
 */
import { extendLocale } from '../core/i18n.js';
import trackerZhCN from '../core/locales/tracker.zh-CN.js';

extendLocale(trackerZhCN, {
  en: () =>
    Promise.all([import('../core/locales/tracker.en.js'), import('../core/locales/tracker-panel.en.js')]).then(([a, b]) => ({
      default: { ...a.default, ...b.default },
    })),
});
