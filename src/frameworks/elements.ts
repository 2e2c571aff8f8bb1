/**
 * Types shared by the framework typings (`xc-elements/react`, `xc-elements/vue`):
 * for every public tag, its element class, the properties a framework may set and
 * the events it fires with their `detail`. Types only: nothing here runs.
 *
 * The event details mirror what the elements dispatch (see each class's `@fires`
 * and its `dispatchEvent` / `emitChange` calls); keep them in step.
 * @module
 */
import type { XcChecklist } from '../checklist/xc-checklist.js';
import type { XcForm, Problem } from '../form/xc-form.js';
import type { XcInterviewForm } from '../interview/xc-interview-form.js';
import type { XcClueSheet } from '../interview/xc-clue-sheet.js';
import type { XcRectificationTracker, TransitionEventDetail, ExportEventDetail } from '../rectification/xc-rectification-tracker.js';
import type { XcProvider } from '../provider/xc-provider.js';
import type { ChecklistResponse, ChecklistTemplate } from '../core/checklist.js';
import type { FieldError, JsonSchema } from '../core/validation-types.js';
import type { RectificationLedger } from '../core/rectification-types.js';
import type { RecordSignature } from '../core/fingerprint.js';
import type { InterviewClue } from '../core/form-clues.js';

export type { TransitionEventDetail, ExportEventDetail };

/** `xc-submit`: the value was valid and is handed out. */
export interface XcSubmitDetail<V> {
  value: V;
}

/** `xc-invalid`: what failed when a submit was attempted. */
export interface XcInvalidDetail {
  errors: FieldError[];
}

/** `xc-change` of `<xc-checklist>`. `value` is a getter: the response is copied only when read. */
export interface ChecklistChangeDetail {
  readonly value: ChecklistResponse | null;
  /** The check point answered; null when a whole draft was restored. */
  itemId: string | null;
}

/** `xc-value-error` of `<xc-checklist>`: a `value` that could not be read whole (kept in `rejectedValue`). */
export interface ChecklistValueErrorDetail {
  errors: FieldError[];
  /** The value exactly as given. */
  value: unknown;
}

/** `xc-load` of `<xc-checklist>`: the template now shown. */
export interface ChecklistLoadDetail {
  template: ChecklistTemplate;
}

/** `xc-error` of `<xc-checklist>`: why the template could not be used. */
export interface ChecklistErrorDetail {
  errors: FieldError[];
}

/** `xc-change` of the schema forms. `value` is a getter. */
export interface FormChangeDetail {
  readonly value: unknown;
  /** Dotted path of the field changed; '' for the whole record. */
  path: string;
}

/** `xc-title`: the page title the host may show. */
export interface FormTitleDetail {
  title: string;
  /** Whether errors are on show (the title then carries the locale's error prefix). */
  errors: boolean;
}

/** `xc-load` of the schema forms: the definition now shown. */
export interface FormLoadDetail {
  schema: JsonSchema;
}

/** `xc-error` of the schema forms: why the definition could not be used. */
export type FormErrorDetail = Problem;

/** `xc-sign` of `<xc-interview-form>`: the signed (and now locked) record. */
export interface InterviewSignDetail {
  value: Record<string, unknown> & { signature: RecordSignature };
  digest: string;
}

/** `xc-clues` of `<xc-interview-form>`: the flagged problems as clue-sheet values. */
export interface InterviewCluesDetail {
  clues: InterviewClue[];
}

/** `xc-change` of `<xc-rectification-tracker>`. `value` is a getter. */
export interface TrackerChangeDetail {
  readonly value: RectificationLedger | null;
  itemId: string | null;
  reason: 'edit' | 'transition' | 'add' | 'import' | 'restore';
}

/** Properties every form element takes (from its base class). */
type FormElementProps = 'name' | 'readonly' | 'required' | 'disabled' | 'lang' | 'draftKey';

/** Events of the schema forms (`<xc-form>`, `<xc-clue-sheet>`). */
export interface XcFormEvents {
  'xc-change': CustomEvent<FormChangeDetail>;
  'xc-submit': CustomEvent<XcSubmitDetail<unknown>>;
  'xc-invalid': CustomEvent<XcInvalidDetail>;
  'xc-title': CustomEvent<FormTitleDetail>;
  'xc-load': CustomEvent<FormLoadDetail>;
  'xc-error': CustomEvent<FormErrorDetail>;
}

/**
 * Every public tag: the element class, the properties a framework may set (by
 * property, not attribute) and the events with their types.
 */
export interface XcElementTypes {
  'xc-checklist': {
    element: XcChecklist;
    props: Pick<XcChecklist, FormElementProps | 'value' | 'template' | 'src' | 'subject' | 'noSubmitButton'>;
    events: {
      'xc-change': CustomEvent<ChecklistChangeDetail>;
      'xc-submit': CustomEvent<XcSubmitDetail<ChecklistResponse>>;
      'xc-invalid': CustomEvent<XcInvalidDetail>;
      'xc-load': CustomEvent<ChecklistLoadDetail>;
      'xc-error': CustomEvent<ChecklistErrorDetail>;
      'xc-value-error': CustomEvent<ChecklistValueErrorDetail>;
    };
  };
  'xc-form': {
    element: XcForm;
    props: Pick<XcForm, FormElementProps | 'value' | 'schema' | 'src' | 'validator' | 'noSubmitButton' | 'printView'>;
    events: XcFormEvents;
  };
  'xc-interview-form': {
    element: XcInterviewForm;
    props: Pick<XcInterviewForm, FormElementProps | 'value' | 'schema' | 'src' | 'validator' | 'noSubmitButton' | 'printView'>;
    events: XcFormEvents & {
      'xc-sign': CustomEvent<InterviewSignDetail>;
      'xc-clues': CustomEvent<InterviewCluesDetail>;
    };
  };
  'xc-clue-sheet': {
    element: XcClueSheet;
    props: Pick<XcClueSheet, FormElementProps | 'value' | 'schema' | 'src' | 'validator' | 'noSubmitButton' | 'printView'>;
    events: XcFormEvents;
  };
  'xc-rectification-tracker': {
    element: XcRectificationTracker;
    props: Pick<XcRectificationTracker, FormElementProps | 'value' | 'userRole' | 'yellowThreshold' | 'grouped' | 'pageSize'>;
    events: {
      'xc-change': CustomEvent<TrackerChangeDetail>;
      'xc-transition': CustomEvent<TransitionEventDetail>;
      /** Cancelable: cancel it to handle the file yourself. */
      'xc-export': CustomEvent<ExportEventDetail>;
      'xc-submit': CustomEvent<XcSubmitDetail<RectificationLedger>>;
      'xc-invalid': CustomEvent<XcInvalidDetail>;
    };
  };
  'xc-provider': {
    element: XcProvider;
    props: Pick<XcProvider, 'userRole' | 'user' | 'today' | 'lang' | 'drafts'>;
    events: Record<never, never>;
  };
}

/** A public tag name. */
export type XcTagName = keyof XcElementTypes;

/** An event fired by the element of `Tag`, with `currentTarget` typed to the element. */
export type XcEventOf<Tag extends XcTagName, Name extends keyof XcElementTypes[Tag]['events']> = XcElementTypes[Tag]['events'][Name] & {
  readonly currentTarget: XcElementTypes[Tag]['element'];
};
