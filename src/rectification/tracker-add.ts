/**
 * The ledger's office-only additions, loaded on first use (the 新增条目 button, `addItem` and
 * `importFindings`): a new empty item with the next free id, opened at once, and the problems
 * of a checklist response merged in (findings already in the ledger skipped). A page that only
 * reads or edits the ledger never loads them.
 */
import { createItem, mergeNewItems, newItemId } from '../core/rectification/additions.js';
import { RectificationError, type RectificationRole } from '../core/rectification/workflow.js';
import type { ChecklistResponse, ChecklistTemplate } from '../core/checklist.js';
import type { Messages } from '../core/i18n.js';
import type { RectificationItem, RectificationLedger } from '../core/rectification-types.js';

/** What {@link importFindings} did. */
export interface ImportResult {
  /** Ids of the items added. */
  added: string[];
  /** Ids of findings left out because the ledger already has an item with that id. */
  skipped: string[];
}

/** What the additions need of the ledger element. */
export interface AddHost {
  readonly effectiveRole: RectificationRole;
  readonly effectiveLang: string;
  readonly t: Messages;
  /** The ledger shown (not copied), or null when it could not be read. */
  readonly shownLedger: RectificationLedger | null;
  /** Who acts now, for the history: name, role and time. */
  actor(): { by: string; role: RectificationRole; at: string };
  /** Show the ledger with these items (the old ones and the new) and tell of the change. */
  putItems(items: RectificationItem[], itemId: string | null, reason: 'add' | 'import'): void;
  /** Say something politely to screen readers. */
  announce(text: string): void;
  openItem(id: string): Promise<boolean>;
}

function ledgerOf(host: AddHost, what: string): RectificationLedger {
  // New items come from the office only (as the core's createItem and the server's check say);
  // read-only and disabled trackers act as viewers.
  if (host.effectiveRole !== 'office') throw new RectificationError('role', `Only the office ${what}; acting as ${host.effectiveRole}`);
  if (!host.shownLedger) throw new RectificationError('invalid', 'The ledger could not be read');
  return host.shownLedger;
}

/** Add a new, empty item and open it; resolves its id. */
export async function addItem(host: AddHost): Promise<string> {
  const ledger = ledgerOf(host, 'adds items');
  const item = createItem({ problem: { text: '' } }, { id: newItemId(ledger.items.map((i) => i.id)), ...host.actor() });
  host.putItems([...ledger.items, item], item.id, 'add');
  await host.openItem(item.id);
  return item.id;
}

/** Add the problems found in a checklist response, skipping those already in the ledger. */
export async function importFindings(host: AddHost, template: ChecklistTemplate, response: ChecklistResponse, deadline?: string): Promise<ImportResult> {
  ledgerOf(host, 'imports findings');
  const { toRectificationItems } = await import('../core/checklist.js');
  const ledger = ledgerOf(host, 'imports findings');
  const { by, at } = host.actor();
  const incoming = toRectificationItems(template, response, { now: at, by, lang: host.effectiveLang, deadline });
  const merged = mergeNewItems(ledger.items, incoming);
  if (merged.added.length) host.putItems(merged.items, null, 'import');
  host.announce(host.t.trackerImported(merged.added.length, merged.skipped.length));
  return { added: merged.added, skipped: merged.skipped };
}
