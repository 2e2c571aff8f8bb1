// Compile-time checks only (not imported by the app): `tsc -p examples/react`
// fails if the shipped typings stop catching these mistakes.
import type { XcChecklist } from 'xc-elements';

export const wrongPropType = (
  // @ts-expect-error `noSubmitButton` is a boolean property, not a string
  <xc-checklist noSubmitButton="yes" />
);

export const wrongDetail = (
  <xc-checklist
    onxc-change={(e) => {
      // @ts-expect-error `itemId` may be null (a restored draft), so it must be checked first
      e.detail.itemId.toUpperCase();
    }}
  />
);

export const wrongRef = (ref: { current: HTMLInputElement | null }) => (
  // @ts-expect-error the ref of <xc-checklist> holds an XcChecklist
  <xc-checklist ref={ref} />
);

// What is right compiles: the event's target and detail are the element's own.
export const right = (ref: { current: XcChecklist | null }) => (
  <xc-checklist ref={ref} onxc-submit={(e) => e.currentTarget.activeTemplate?.id ?? e.detail.value.templateId} />
);
