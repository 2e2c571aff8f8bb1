/**
 * `xc-elements/react`: JSX types for React 19. Types only; nothing here runs.
 *
 * ```ts
 * /// <reference types="xc-elements/react" />
 * import 'xc-elements'; // registers the elements before React renders them
 * ```
 *
 * React 19 sets a prop as a property when the element has that property (so
 * `value`, `template`, `user` take objects), and a prop that starts with `on`
 * listens to the event named by the rest, case kept: `onxc-change` listens to
 * `xc-change`. Register the elements before the first render, or React sees no
 * property and writes an attribute instead.
 * @module
 */
import type { ClassAttributes, HTMLAttributes } from 'react';
import type { XcElementTypes, XcEventOf, XcTagName } from './elements.js';

export type * from './elements.js';

/** `onxc-change`, `onxc-changeCapture`… typed with the element's own event. */
export type XcReactEventProps<Tag extends XcTagName> = {
  [Name in keyof XcElementTypes[Tag]['events'] & string as `on${Name}` | `on${Name}Capture`]?: (event: XcEventOf<Tag, Name>) => void;
};

/** The props of an xc element in JSX: its public properties, HTML attributes, `ref` and its events. */
export type XcReactProps<Tag extends XcTagName> = Omit<HTMLAttributes<XcElementTypes[Tag]['element']>, keyof XcElementTypes[Tag]['props']> &
  Partial<XcElementTypes[Tag]['props']> &
  XcReactEventProps<Tag> &
  ClassAttributes<XcElementTypes[Tag]['element']>;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'xc-checklist': XcReactProps<'xc-checklist'>;
      'xc-form': XcReactProps<'xc-form'>;
      'xc-interview-form': XcReactProps<'xc-interview-form'>;
      'xc-clue-sheet': XcReactProps<'xc-clue-sheet'>;
      'xc-rectification-tracker': XcReactProps<'xc-rectification-tracker'>;
      'xc-attachments': XcReactProps<'xc-attachments'>;
      'xc-petition-register': XcReactProps<'xc-petition-register'>;
      'xc-clue-register': XcReactProps<'xc-clue-register'>;
      'xc-rectification-report': XcReactProps<'xc-rectification-report'>;
      'xc-round-summary': XcReactProps<'xc-round-summary'>;
      'xc-feedback-sheet': XcReactProps<'xc-feedback-sheet'>;
      'xc-template-editor': XcReactProps<'xc-template-editor'>;
      'xc-provider': XcReactProps<'xc-provider'>;
    }
  }
}
