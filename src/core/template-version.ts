/**
 * A new version of a checklist template: what changed between two versions (check points removed,
 * added and reworded, by id), the version it gets (`bumpVersion`: never lower, in the author's own
 * form), and which answers of a 工作底稿 made with the old version would be kept aside. Pure: no DOM,
 * no strings. A module of its own so that the template editor loads it with its save's review, not
 * with the page; `xc-elements/template-editor` exports it with the editing steps.
 */
import type { ChecklistResponse, ChecklistTemplate } from './checklist.js';

/** What changed between two versions of a template, by check point id. */
export interface TemplateChanges {
  /** Check points of the old version the new one does not have (answers to them would be kept aside). */
  removed: string[];
  added: string[];
  /** Check points whose wording (text or hint, any language) changed. */
  reworded: string[];
  /** The version to save: the major number up when check points went, else the minor. */
  nextVersion: string;
}

const pointsOf = (t: ChecklistTemplate) => new Map(t.sections.flatMap((s) => s.groups.flatMap((g) => g.items.map((p) => [p.id, p] as const))));
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Compare the saved version with the edited one. */
export function templateChanges(saved: ChecklistTemplate, edited: ChecklistTemplate): TemplateChanges {
  const before = pointsOf(saved);
  const after = pointsOf(edited);
  const removed = [...before.keys()].filter((id) => !after.has(id));
  const added = [...after.keys()].filter((id) => !before.has(id));
  const reworded = [...after.keys()].filter((id) => before.has(id) && (!same(before.get(id)!.text, after.get(id)!.text) || !same(before.get(id)!.hint, after.get(id)!.hint)));
  const nextVersion = removed.length ? bumpVersion(saved.version, 'major') : added.length || reworded.length ? bumpVersion(saved.version, 'minor') : String(saved.version ?? '');
  return { removed, added, reworded, nextVersion };
}

/**
 * The version after `version`, never a lower one, kept in the author's own form. Dotted numbers
 * (with a prefix such as `v`): `major` sets the first up and the rest to 0, `minor` the second,
 * `patch` the third, each with as many parts as the author wrote (`0.9` → `0.10`, `1.2` → `2.0`,
 * `v1.2.3` → `v1.3.0`; a part that is not there is the last one: `2` → `3`). Anything else counts on
 * its own: a trailing number goes up (`2027-1` → `2027-2`, `1.0-beta.1` → `1.0-beta.2`), else `-2`
 * is added (`初稿` → `初稿-2`). No version at all gives `1.0.0`.
 */
export function bumpVersion(version: unknown, level: 'major' | 'minor' | 'patch'): string {
  const v = typeof version === 'string' ? version.trim() : typeof version === 'number' && Number.isFinite(version) ? String(version) : '';
  if (!v) return '1.0.0';
  // A number one up, as many digits as it had (`09` → `10`, `V-01`'s `01` → `02`).
  const up = (d: string) => String(Number(d) + 1).padStart(d.length, '0');
  const dotted = /^([^\d]*?)(\d+(?:\.\d+)*)$/.exec(v);
  if (dotted && !/\d/.test(dotted[1]!)) {
    const parts = dotted[2]!.split('.');
    const at = Math.min(level === 'major' ? 0 : level === 'minor' ? 1 : 2, parts.length - 1);
    return dotted[1]! + parts.map((n, i) => (i < at ? n : i === at ? up(n) : '0')).join('.');
  }
  const tail = /^(.*?)(\d+)$/.exec(v);
  return tail ? tail[1]! + up(tail[2]!) : `${v}-2`;
}

/** Whether an answer holds anything: text that is not only spaces, a number, `true`, or a list or object holding such (`{}`, `''`, `[]`, null: nothing). */
const filled = (v: unknown): boolean =>
  typeof v === 'string' ? v.trim() !== '' : typeof v === 'number' || v === true ? true : Array.isArray(v) ? v.some(filled) : !!v && typeof v === 'object' && Object.values(v).some(filled);

/**
 * The check points answered in `response` that the edited template no longer has: these answers
 * would be kept aside. An answer with nothing in it (`{}`, only empty fields) is not counted.
 */
export function answersKeptAside(edited: ChecklistTemplate, response: Pick<ChecklistResponse, 'items'> | null | undefined): string[] {
  const items = response && typeof response.items === 'object' && response.items ? Object.entries(response.items) : [];
  const have = pointsOf(edited);
  return items.filter(([id, a]) => !have.has(id) && filled(a)).map(([id]) => id);
}
