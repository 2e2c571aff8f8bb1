/**
 * Types shared by the framework typings (`xc-elements/react`, `xc-elements/vue`):
 * for every public tag, its element class, the properties a framework may set and
 * the events it fires with their `detail`. Types only: nothing here runs.
 *
 * The event details come from src/events/ (one file an event, also added to the global
 * `HTMLElementEventMap`), the same types the elements dispatch with.
 * @module
 */
import type { XcChecklist } from '../checklist/xc-checklist.js';
import type { XcForm } from '../form/xc-form.js';
import type { XcInterviewForm } from '../interview/xc-interview-form.js';
import type { XcClueSheet } from '../interview/xc-clue-sheet.js';
import type { XcRectificationTracker } from '../rectification/xc-rectification-tracker.js';
import type { XcProvider } from '../provider/xc-provider.js';
import type { ChecklistResponse } from '../core/checklist.js';
import type { RectificationLedger } from '../core/rectification-types.js';
import type {
  ChecklistChangeDetail,
  ChecklistErrorDetail,
  ChecklistLoadDetail,
  ChecklistValueErrorDetail,
  ExportEventDetail,
  FormChangeDetail,
  FormErrorDetail,
  FormLoadDetail,
  FormTitleDetail,
  InterviewCluesDetail,
  InterviewSignDetail,
  TrackerChangeDetail,
  TransitionEventDetail,
  XcInvalidDetail,
  XcSubmitDetail,
} from '../events/index.js';

export type {
  ChecklistChangeDetail,
  ChecklistErrorDetail,
  ChecklistLoadDetail,
  ChecklistValueErrorDetail,
  ExportEventDetail,
  FormChangeDetail,
  FormErrorDetail,
  FormLoadDetail,
  FormTitleDetail,
  InterviewCluesDetail,
  InterviewSignDetail,
  TrackerChangeDetail,
  TransitionEventDetail,
  XcInvalidDetail,
  XcSubmitDetail,
};

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
