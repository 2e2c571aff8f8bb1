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
import type { XcAttachments, AttachmentErrorDetail } from '../attachments/xc-attachments.js';
import type { XcPetitionRegister, PetitionToClueDetail, PetitionCiteDetail } from '../petition/xc-petition-register.js';
import type { PetitionRegister } from '../core/petition.js';
import type { XcClueRegister, ClueTransferDetail } from '../clue-register/xc-clue-register.js';
import type { ClueRegister } from '../core/clue-register.js';
import type { XcRectificationReport, ReportChangeDetail } from '../rectification-report/xc-rectification-report.js';
import type { ReportValue } from '../core/rectification-report.js';
import type { XcRoundSummary } from '../round-summary/xc-round-summary.js';
import type { XcFeedbackSheet, FeedbackIssueDetail } from '../feedback/xc-feedback-sheet.js';
import type { FeedbackValue } from '../core/feedback.js';
import type { XcTemplateEditor, TemplateSaveDetail } from '../template-editor/xc-template-editor.js';
import type { ChecklistTemplateSource } from '../core/checklist.js';
import type { EvidenceRef } from '../core/rectification-types.js';
import type { ChecklistResponse } from '../core/checklist.js';
import type { RectificationLedger } from '../core/rectification-types.js';
import type * as E from '../events/index.js';

export type * from '../events/index.js';

/** Properties every form element takes (from its base class). */
type FormElementProps = 'name' | 'readonly' | 'required' | 'disabled' | 'lang' | 'draftKey';

/** Properties of the schema forms (`<xc-form>` and the elements built on it). */
type SchemaFormProps<T extends XcForm> = Pick<T, FormElementProps | 'value' | 'schema' | 'src' | 'validator' | 'noSubmitButton' | 'printView'>;

/** Events of the schema forms (`<xc-form>`, `<xc-clue-sheet>`). */
export interface XcFormEvents {
  'xc-change': CustomEvent<E.FormChangeDetail>;
  'xc-submit': CustomEvent<E.XcSubmitDetail<unknown>>;
  'xc-invalid': CustomEvent<E.XcInvalidDetail>;
  'xc-title': CustomEvent<E.FormTitleDetail>;
  'xc-load': CustomEvent<E.FormLoadDetail>;
  'xc-error': CustomEvent<E.FormErrorDetail>;
}

/**
 * Every public tag: the element class, the properties a framework may set (by
 * property, not attribute) and the events with their types.
 */
export interface XcElementTypes {
  'xc-checklist': {
    element: XcChecklist;
    props: Pick<XcChecklist, FormElementProps | 'value' | 'template' | 'src' | 'subject' | 'noSubmitButton' | 'reviewRoles'>;
    events: {
      'xc-change': CustomEvent<E.ChecklistChangeDetail>;
      'xc-submit': CustomEvent<E.XcSubmitDetail<ChecklistResponse>>;
      'xc-invalid': CustomEvent<E.XcInvalidDetail>;
      'xc-load': CustomEvent<E.ChecklistLoadDetail>;
      'xc-error': CustomEvent<E.ChecklistErrorDetail>;
      'xc-value-error': CustomEvent<E.ChecklistValueErrorDetail>;
      /** A step of the 工作底稿's 三级审核 was taken. */
      'xc-review': CustomEvent<E.ChecklistReviewDetail>;
    };
  };
  'xc-form': {
    element: XcForm;
    props: SchemaFormProps<XcForm>;
    events: XcFormEvents;
  };
  'xc-interview-form': {
    element: XcInterviewForm;
    props: SchemaFormProps<XcInterviewForm>;
    events: XcFormEvents & {
      'xc-sign': CustomEvent<E.InterviewSignDetail>;
      'xc-clues': CustomEvent<E.InterviewCluesDetail>;
    };
  };
  'xc-clue-sheet': {
    element: XcClueSheet;
    props: SchemaFormProps<XcClueSheet>;
    events: XcFormEvents;
  };
  'xc-rectification-tracker': {
    element: XcRectificationTracker;
    props: Pick<XcRectificationTracker, FormElementProps | 'value' | 'userRole' | 'yellowThreshold' | 'grouped' | 'pageSize'>;
    events: {
      'xc-change': CustomEvent<E.TrackerChangeDetail>;
      'xc-transition': CustomEvent<E.TransitionEventDetail>;
      /** Cancelable: cancel it to handle the file yourself. */
      'xc-export': CustomEvent<E.ExportEventDetail>;
      'xc-submit': CustomEvent<E.XcSubmitDetail<RectificationLedger>>;
      'xc-invalid': CustomEvent<E.XcInvalidDetail>;
    };
  };
  'xc-attachments': {
    element: XcAttachments;
    props: Pick<XcAttachments, FormElementProps | 'value' | 'label' | 'limits' | 'store' | 'undoMs'>;
    events: {
      /** The evidence list changed (added, renamed, moved, removed, restored): the whole list, entries without `file` as they were. */
      'xc-change': CustomEvent<{ value: EvidenceRef[] }>;
      /** A file was refused or could not be kept. */
      'xc-attachment-error': CustomEvent<AttachmentErrorDetail>;
    };
  };
  'xc-petition-register': {
    element: XcPetitionRegister;
    props: Pick<XcPetitionRegister, FormElementProps | 'value' | 'userRole' | 'identityRoles'>;
    events: {
      /** The register changed: `entryId` of the petition (null for a restored draft), `reason` add / edit / remove / restore. */
      'xc-change': CustomEvent<{ value: PetitionRegister; entryId: string | null; reason: 'add' | 'edit' | 'remove' | 'restore' }>;
      /** A person asked to turn a petition into a problem clue: `clue` is a value for `<xc-clue-sheet>`. */
      'xc-petition-to-clue': CustomEvent<PetitionToClueDetail>;
      /** A person asked to cite a petition as evidence: `evidence` holds its number and summary, never the 反映人. */
      'xc-petition-cite': CustomEvent<PetitionCiteDetail>;
      /** Cancelable: cancel it to handle the file yourself. */
      'xc-export': CustomEvent<{ format: 'csv'; filename: string; text: string }>;
      'xc-submit': CustomEvent<E.XcSubmitDetail<PetitionRegister>>;
      'xc-invalid': CustomEvent<E.XcInvalidDetail>;
    };
  };
  'xc-clue-register': {
    element: XcClueRegister;
    props: Pick<XcClueRegister, FormElementProps | 'value' | 'userRole' | 'roles' | 'candidates' | 'pageSize'>;
    events: {
      /** The register changed: `clueId` (null for several or a restored draft), `reason` add / edit / step / transfer / restore. */
      'xc-change': CustomEvent<{ value: ClueRegister; clueId: string | null; reason: 'add' | 'edit' | 'step' | 'transfer' | 'restore' }>;
      /** A 移交单 was made: the sheet and the clues it carries. */
      'xc-transfer': CustomEvent<ClueTransferDetail>;
      /** Cancelable: cancel it to handle the file yourself. */
      'xc-export': CustomEvent<{ format: 'csv'; filename: string; text: string }>;
      'xc-submit': CustomEvent<E.XcSubmitDetail<ClueRegister>>;
      'xc-invalid': CustomEvent<E.XcInvalidDetail>;
    };
  };
  'xc-feedback-sheet': {
    element: XcFeedbackSheet;
    props: Pick<XcFeedbackSheet, FormElementProps | 'value' | 'sheets' | 'reviewRoles' | 'reportDueMonths'>;
    events: {
      /** The feedback changed: `reason` draft / edit / suggestion / date / issue / restore. */
      'xc-change': CustomEvent<{ value: FeedbackValue; reason: 'draft' | 'edit' | 'suggestion' | 'date' | 'issue' | 'restore' }>;
      /** The 组长 issued it (签发): the locked feedback and the 问题清单 as ledger items. */
      'xc-issue': CustomEvent<FeedbackIssueDetail>;
      'xc-submit': CustomEvent<E.XcSubmitDetail<FeedbackValue>>;
      'xc-invalid': CustomEvent<E.XcInvalidDetail>;
    };
  };
  'xc-template-editor': {
    element: XcTemplateEditor;
    /** `rejectedValue` is read-only: the last value given that was not a template (see `xc-value-error`). */
    props: Pick<XcTemplateEditor, FormElementProps | 'value' | 'saved' | 'drafts' | 'rejectedValue'>;
    events: {
      /** The template changed (`reason`: edit / add / move / duplicate / delete / undo / redo / import / restore / list / rules / save). */
      'xc-change': CustomEvent<{ value: ChecklistTemplateSource; reason: string }>;
      /** A new version was confirmed: the template as written and what changed. */
      'xc-save': CustomEvent<TemplateSaveDetail>;
      /** Cancelable: cancel it to handle the file yourself. */
      'xc-export': CustomEvent<{ format: 'json'; filename: string; text: string }>;
      'xc-invalid': CustomEvent<E.XcInvalidDetail>;
      /** A `value` was given that is not a template: nothing changed, it is kept in `rejectedValue`. */
      'xc-value-error': CustomEvent<E.ChecklistValueErrorDetail>;
    };
  };
  'xc-round-summary': {
    element: XcRoundSummary;
    props: Pick<XcRoundSummary, 'units' | 'summary' | 'templates' | 'round' | 'lang'>;
    events: {
      /** Cancelable: cancel it to handle the file yourself. */
      'xc-export': CustomEvent<{ format: 'csv'; filename: string; text: string }>;
    };
  };
  'xc-rectification-report': {
    element: XcRectificationReport;
    props: Pick<XcRectificationReport, FormElementProps | 'value' | 'ledger' | 'clues' | 'restricted' | 'templates' | 'feedbackDate' | 'dueMonths' | 'kind' | 'mode'>;
    events: {
      /** A paragraph was rewritten (`paragraph`, `public`), the report redrafted on request, or a draft restored. */
      'xc-change': CustomEvent<ReportChangeDetail & { value: ReportValue | null }>;
      'xc-submit': CustomEvent<E.XcSubmitDetail<ReportValue>>;
      'xc-invalid': CustomEvent<E.XcInvalidDetail>;
    };
  };
  'xc-provider': {
    element: XcProvider;
    props: Pick<XcProvider, 'userRole' | 'user' | 'today' | 'lang' | 'drafts' | 'attachments' | 'attachmentLimits'>;
    events: Record<never, never>;
  };
}

/** A public tag name. */
export type XcTagName = keyof XcElementTypes;

/** An event fired by the element of `Tag`, with `currentTarget` typed to the element. */
export type XcEventOf<Tag extends XcTagName, Name extends keyof XcElementTypes[Tag]['events']> = XcElementTypes[Tag]['events'][Name] & {
  readonly currentTarget: XcElementTypes[Tag]['element'];
};
