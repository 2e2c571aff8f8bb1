/** The strings of this element only join the locale registry when the element loads. */
import { extendLocale } from '../core/i18n.js';
import formZhCN from '../core/locales/form.zh-CN.js';

extendLocale(formZhCN, { en: () => import('../core/locales/form.en.js') });
