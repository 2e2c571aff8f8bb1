/**
 * `xc-elements/vue`: template types for Vue 3 (checked by vue-tsc, completed by
 * Vue's language tools). Types only; nothing here runs.
 *
 * ```ts
 * /// <reference types="xc-elements/vue" />
 * import 'xc-elements';
 * ```
 *
 * Tell Vue's compiler that `xc-*` tags are custom elements
 * (`compilerOptions.isCustomElement: (tag) => tag.startsWith('xc-')`), bind
 * objects by property (`:value.prop="record"`) and listen with `@xc-change`.
 * @module
 */
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type { XcElementTypes, XcEventOf, XcTagName } from './elements.js';

export type * from './elements.js';

/**
 * An xc element as Vue sees it in templates: the element itself, plus `$props`
 * and `$emit`, which exist only for template type checking (Vue reads props and
 * events from them). Do not use them on a template ref.
 */
export type XcVueElement<Tag extends XcTagName> = new () => XcElementTypes[Tag]['element'] & {
  /** @deprecated For template type checking only; not on the element. */
  $props: Omit<HTMLAttributes, keyof XcElementTypes[Tag]['props']> & Partial<XcElementTypes[Tag]['props']> & PublicProps;
  /** @deprecated For template type checking only; not on the element. */
  $emit: EmitFn<{
    [Name in keyof XcElementTypes[Tag]['events']]: (event: XcEventOf<Tag, Name>) => void;
  }>;
};

declare module 'vue' {
  interface GlobalComponents {
    'xc-checklist': XcVueElement<'xc-checklist'>;
    'xc-form': XcVueElement<'xc-form'>;
    'xc-interview-form': XcVueElement<'xc-interview-form'>;
    'xc-clue-sheet': XcVueElement<'xc-clue-sheet'>;
    'xc-rectification-tracker': XcVueElement<'xc-rectification-tracker'>;
    'xc-attachments': XcVueElement<'xc-attachments'>;
    'xc-petition-register': XcVueElement<'xc-petition-register'>;
    'xc-clue-register': XcVueElement<'xc-clue-register'>;
    'xc-rectification-report': XcVueElement<'xc-rectification-report'>;
    'xc-round-summary': XcVueElement<'xc-round-summary'>;
    'xc-feedback-sheet': XcVueElement<'xc-feedback-sheet'>;
    'xc-template-editor': XcVueElement<'xc-template-editor'>;
    'xc-provider': XcVueElement<'xc-provider'>;
  }
}
