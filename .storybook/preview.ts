import type { Decorator, Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { withActions } from 'storybook/actions/decorator';
import { html } from 'lit';
// Produced by `cem analyze --config custom-elements-manifest.config.mjs` (run it before Storybook).
import manifest from '../custom-elements.json';

/** A member of a declaration in custom-elements.json (only what is read here). */
interface ManifestMember {
  name: string;
  kind?: string;
  privacy?: string;
  static?: boolean;
  readonly?: boolean;
}

/**
 * Storybook lists every member of the manifest in the docs table. Show only the public API:
 * drop private/protected members, `#private` ones and statics (styles, validators, formAssociated).
 */
function publicApiOnly<T>(cem: T): T {
  const copy = JSON.parse(JSON.stringify(cem)) as { modules?: { declarations?: { members?: ManifestMember[] }[] }[] };
  for (const mod of copy.modules ?? [])
    for (const decl of mod.declarations ?? [])
      if (decl.members) decl.members = decl.members.filter((m) => !m.static && !m.name.startsWith('#') && (!m.privacy || m.privacy === 'public'));
  return copy as T;
}

setCustomElementsManifest(publicApiOnly(manifest));

/** Per tag, the properties that can only be read (getters such as `validity` or `activeTemplate`). */
const readOnly = new Map<string, Set<string>>();
for (const mod of (manifest as { modules?: { declarations?: { tagName?: string; members?: ManifestMember[] }[] }[] }).modules ?? [])
  for (const decl of mod.declarations ?? [])
    if (decl.tagName) readOnly.set(decl.tagName, new Set((decl.members ?? []).filter((m) => m.readonly).map((m) => m.name)));

/** A property that can only be read is listed in the API table, without a control to "set" it. */
const noControlForReadOnly: NonNullable<Preview['argTypesEnhancers']>[number] = (context) => {
  const ro = typeof context.component === 'string' ? readOnly.get(context.component) : undefined;
  if (!ro?.size) return context.argTypes;
  return Object.fromEntries(Object.entries(context.argTypes).map(([k, a]) => [k, ro.has(k) ? { ...a, control: false as const } : a]));
};

/**
 * The `lang` toolbar: sets `lang` on the story root (and on <html>, whose changes the
 * elements observe, so a switch takes effect on elements that are already rendered).
 * A story's own `lang` arg still wins, as the element's own attribute does.
 */
const withLang: Decorator = (story, context) => {
  const lang = (context.globals['lang'] as string | undefined) || 'zh-CN';
  (context.canvasElement as HTMLElement | undefined)?.setAttribute('lang', lang);
  // Touch <html lang> after this render has committed: the elements observe it and then
  // re-read the nearest ancestor `lang` (the wrapper below), so a toolbar switch applies
  // to elements that are already on the page.
  setTimeout(() => document.documentElement.setAttribute('lang', lang));
  // System fonts only: neither the preview nor the elements load web fonts.
  return html`<div class="xc-story" lang=${lang} style="font-family: system-ui, -apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif;">${story()}</div>`;
};

const preview: Preview = {
  globalTypes: {
    lang: {
      description: 'Language of the elements (sets `lang` on the story root)',
      toolbar: {
        title: '语言 / Language',
        icon: 'globe',
        items: [
          { value: 'zh-CN', title: '中文（zh-CN）' },
          { value: 'en', title: 'English (en)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { lang: 'zh-CN' },
  decorators: [withLang, withActions],
  argTypesEnhancers: [noControlForReadOnly],
  parameters: {
    layout: 'padded',
    actions: { handles: ['xc-change', 'xc-submit', 'xc-invalid', 'xc-load', 'xc-error'] },
    controls: { expanded: true, matchers: { date: /Date$/ } },
    // Element pages: the stories show in frames of a fixed height, so the API table follows the
    // first one at once instead of after a whole checklist (open a story for its full height).
    docs: { story: { inline: false, height: '420px' } },
    options: { storySort: { order: ['Introduction', 'Domain', 'Elements'] } },
  },
};

export default preview;
