import { expect } from '@open-wc/testing';
import { loadLocale } from '../../src/core/i18n.js';
import { resolveLocale, formatDate, registerLocale } from '../../src/core/i18n.js';
import { textOf, langChain } from '../../src/core/text.js';

// English strings load on demand; pure calls below use them synchronously.
before(() => loadLocale('en'));

describe('i18n core', () => {
  it('falls back along the language chain to zh-CN', () => {
    expect(resolveLocale('zh-Hans-CN').lang).to.equal('zh-CN');
    expect(resolveLocale('en-GB').lang).to.equal('en');
    expect(resolveLocale('fr').lang).to.equal('zh-CN');
    expect(resolveLocale(undefined).lang).to.equal('zh-CN');
    expect(langChain('zh-Hans-CN')).to.deep.equal(['zh-Hans-CN', 'zh-Hans', 'zh']);
  });

  it('formats dates in Chinese convention', () => {
    expect(formatDate('2026-11-26T08:00:00Z', 'zh-CN')).to.equal('2026年11月26日');
    expect(formatDate('2026-11-26T08:00:00Z', 'en')).to.equal('November 26, 2026');
    expect(formatDate(null, 'zh-CN')).to.equal('—');
  });

  it('picks localized template text', () => {
    expect(textOf({ 'zh-CN': '存在问题', en: 'Problem found' }, 'en-US')).to.equal('Problem found');
    expect(textOf({ 'zh-CN': '存在问题', en: 'Problem found' }, 'zh')).to.equal('存在问题');
    expect(textOf({ 'zh-CN': '存在问题' }, 'en')).to.equal('存在问题');
    expect(textOf('纯文本', 'en')).to.equal('纯文本');
  });

  it('accepts a registered partial locale with zh-CN fallback', () => {
    registerLocale('zh-TW', { submit: '送出' });
    expect(resolveLocale('zh-TW').submit).to.equal('送出');
    expect(resolveLocale('zh-TW').reset).to.equal('重置');
  });
});
