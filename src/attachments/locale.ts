/** The strings of `<xc-attachments>` join the locale registry when the element loads. */
import { extendLocale } from '../core/i18n.js';
import attachmentsUiZhCN from '../core/locales/attachments-ui.zh-CN.js';

extendLocale(attachmentsUiZhCN, { en: () => import('../core/locales/attachments-ui.en.js') });
