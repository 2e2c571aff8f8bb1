/**
 * Opening the ledger's detail panel, loaded with the panel (the tracker's dialog asks for this
 * module the first time an item is opened): which item is open, where focus goes back to, the
 * modal dialog shown, the panel at its top, focus on its heading.
 */
import './xc-rectification-detail.js';
import type { TrackerDialog } from './tracker-dialog.js';

/** Show item `id` in the dialog's panel; false when the dialog or the panel is not there. */
export async function openPanel(d: TrackerDialog, id: string): Promise<boolean> {
  const host = d.host;
  const active = host.shadowRoot?.activeElement as HTMLElement | null;
  if (!d.openId) d.returnFocus = active && !active.closest('dialog') ? active : null;
  const previous = d.openId;
  d.openId = id;
  host.requestUpdate();
  await host.updateComplete;
  const dialog = d.dialog();
  const detail = d.panel();
  if (!dialog || !detail) return false;
  if (!dialog.open) dialog.showModal();
  await detail.updateComplete;
  // Each item starts at the top of the panel (the dialog keeps its scroll position otherwise).
  if (previous !== id) dialog.scrollTop = 0;
  detail.focusHeading();
  return true;
}
