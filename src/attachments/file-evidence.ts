/**
 * An evidence entry that is a file, as `<xc-attachments>` reads and names it: the entry's type,
 * the test for it, its title, and a file name as shown (direction controls as readable markers).
 * Pure; no DOM.
 */
import type { AttachmentRef } from '../core/attachment-types.js';
import type { EvidenceRef } from '../core/rectification-types.js';
import { displayFileName } from '../core/attachments.js';

/** An evidence entry that is a file (`{ title, file }`), with the original photo when it was kept too. */
export type FileEvidence = EvidenceRef & { file: AttachmentRef; original?: AttachmentRef };

/** Whether an evidence entry is a file (its `file` an object). */
export const isFile = (e: unknown): e is FileEvidence => !!e && typeof e === 'object' && !Array.isArray(e) && !!(e as EvidenceRef).file && typeof (e as EvidenceRef).file === 'object';

/** A string as it is, anything else as ''. */
export const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The title of a file entry: its own, else the file's name. */
export const titleOf = (entry: FileEvidence): string => text(entry.title) || text(entry.file.name);

/** The bidirectional controls, and their Unicode abbreviations (three letters each, in the same order). */
const BIDI = '\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069';
const BIDI_NAMES = 'ALMLRMRLMLRERLEPDFLRORLOLRIRLIFSIPDI';

/**
 * A file name as shown: each bidirectional control as a readable marker in its place (U+202E as
 * `⟨RLO⟩`, so `invoice⟨RLO⟩gnp.exe.jpg` reads as what it is), then `displayFileName` (other
 * control characters as U+FFFD, long names shortened). Display only: the name stays as given.
 */
export function shownName(name: string, max?: number): string {
  const marked = String(name ?? '').replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\u27e8${BIDI_NAMES.substr(BIDI.indexOf(c) * 3, 3)}\u27e9`);
  return displayFileName(marked, max);
}
