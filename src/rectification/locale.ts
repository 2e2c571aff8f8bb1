/** The ledger's own strings join the locale registry when the ledger loads. */
import { extendLocale } from '../core/i18n.js';
import trackerZhCN from '../core/locales/tracker.zh-CN.js';

extendLocale(trackerZhCN, { en: () => import('../core/locales/tracker.en.js') });
