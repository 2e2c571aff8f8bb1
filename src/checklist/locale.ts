/** The strings of this element only join the locale registry when the element loads. */
import { extendLocale } from '../core/i18n.js';
import checklistZhCN from '../core/locales/checklist.zh-CN.js';

extendLocale(checklistZhCN, { en: () => import('../core/locales/checklist.en.js') });
