/**
 * Who in an inspection team acts at which level: 承办人/组员 (`preparer`), 副组长 (`reviewer`),
 * 组长 (`leader`), mapped from the provider's `user-role`. One mapping for the 工作底稿's 三级审核
 * and the clue register's approval; no strings, no other module.
 */
import type { WorkpaperLevel } from './checklist.js';

/** Which provider roles act at each level. */
export type WorkpaperRoles = Record<WorkpaperLevel, readonly string[]>;

/** The default mapping: the provider's `user-role` is the level's own name. */
export const DEFAULT_WORKPAPER_ROLES: WorkpaperRoles = Object.freeze({ preparer: ['preparer'], reviewer: ['reviewer'], leader: ['leader'] });

/** The roles with every level filled in. */
export function workpaperRoles(roles?: Partial<WorkpaperRoles>): WorkpaperRoles {
  return { ...DEFAULT_WORKPAPER_ROLES, ...(roles ?? {}) };
}

/** The levels a provider role acts at (one role may act at several, when the host maps it so). */
export function levelsOf(role: string | null | undefined, roles?: Partial<WorkpaperRoles>): WorkpaperLevel[] {
  const map = workpaperRoles(roles);
  return role ? (Object.keys(map) as WorkpaperLevel[]).filter((l) => map[l].includes(role)) : [];
}
