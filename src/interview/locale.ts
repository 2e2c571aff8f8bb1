/** The strings of this element only join the locale registry when the element loads. */
import { extendLocale } from '../core/i18n.js';
import interviewZhCN from '../core/locales/interview.zh-CN.js';

extendLocale(interviewZhCN, { en: () => import('../core/locales/interview.en.js') });
