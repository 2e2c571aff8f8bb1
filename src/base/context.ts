import { createContext } from '@lit/context';
import { localStorageDrafts, type DraftStorage } from '../core/draft.js';
import type { AttachmentLimits, AttachmentStore } from '../core/attachment-types.js';
import type { WatermarkHost } from './watermark.js';

/** The person using the element, as the host knows them. */
export interface XcUser {
  id: string;
  name: string;
}

/**
 * What the host tells every xc element below an `<xc-provider>` (or through
 * `provide` of @lit/context): who is working, in which role, what time it is and
 * where drafts go. Every member is optional; elements work without a provider.
 */
export interface XcEnvironment {
  /** Language for elements that have no `lang` of their own and no ancestor `lang`. */
  lang?: string;
  user?: XcUser;
  /** Role of the user, e.g. `unit` (the inspected unit), `office` (the inspection office), `viewer`. */
  role?: string;
  /** The clock; tests and demos fix "today" with it. */
  now?: () => Date;
  /** Where drafts are kept (defaults to localStorage). */
  drafts?: DraftStorage;
  /** Where evidence files go. Without it, records offer no file attaching (title and link evidence only). */
  attachments?: AttachmentStore;
  /** Limits on evidence files (types, size, count, photo downscaling); `<xc-attachments>` fills in defaults. */
  attachmentLimits?: AttachmentLimits;
  /**
   * Set by `<xc-provider watermark>`: renders the watermark layer (the viewer's name and the time)
   * into an element's view. `shown` is true for a read-only view (on screen and in print), false
   * for an editable one (the layer then shows in print only).
   */
  watermark?: (host: WatermarkHost, shown: boolean) => unknown;
}

/** Context key of the xc environment. */
export const xcContext = createContext<XcEnvironment>(Symbol.for('xc-elements/environment'));

let defaultDrafts: DraftStorage | undefined;

/** The environment with every default filled in. */
export function resolveEnvironment(env: XcEnvironment | undefined): Required<Pick<XcEnvironment, 'now' | 'drafts'>> & XcEnvironment {
  defaultDrafts ??= localStorageDrafts();
  return {
    ...env,
    now: env?.now ?? (() => new Date()),
    drafts: env?.drafts ?? defaultDrafts,
  };
}
