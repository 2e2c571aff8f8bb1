/**
 * The Chinese strings of the ledger's detail panel and summary charts join the locale registry
 * when either loads (after the first frame, or when an item is first opened). Their English
 * comes with the ledger's other English strings (locale.ts), so an English page has them
 * before the panel renders.
 */
import { extendLocale } from '../core/i18n.js';
import panelZhCN from '../core/locales/tracker-panel.zh-CN.js';

extendLocale(panelZhCN);
