import type { Messages } from '../core/i18n.js';

/** The role as people call it (from the locale); unknown roles as they are. */
export function roleLabel(role: string | undefined, t: Messages): string {
  switch (role) {
    case 'unit':
      return t.trackerRoleUnit;
    case 'office':
      return t.trackerRoleOffice;
    case 'viewer':
      return t.trackerRoleViewer;
    default:
      return role ?? '';
  }
}
