/**
 * The members the checklist template's meta-schema (schemas/checklist-template.schema.json) names
 * for each kind of object it closes (`additionalProperties: false`), and which members of an object
 * of a template as written it does not name — what <xc-template-editor> tells the author to remove.
 * Pure: no DOM, no strings. Loaded with the editor's check (check.ts), not with the page.
 */
/** The members the meta-schema names, for each kind of object in a template as written. */
export const TEMPLATE_MEMBERS = {
  template: ['$schema', 'id', 'version', 'title', 'description', 'source', 'findings', 'methods', 'evidenceKinds', 'categories', 'scopes', 'rules', 'retiredIds', 'sections'],
  section: ['id', 'ordinal', 'title', 'groups', 'items'],
  group: ['id', 'ordinal', 'title', 'items'],
  item: ['id', 'text', 'hint', 'category'],
  finding: ['value', 'label', 'isProblem'],
  option: ['value', 'label'],
  rules: ['requireAll', 'requireMethodForProblem', 'requireEvidenceForProblem'],
} as const;

/** Which kind of object a dotted path of a template as written (`sections.1.groups.0`) is, if one the meta-schema closes. */
export function memberKindAt(path: string): keyof typeof TEMPLATE_MEMBERS | null {
  if (path === '') return 'template';
  if (path === 'rules') return 'rules';
  if (/^findings\.\d+$/.test(path)) return 'finding';
  if (/^(methods|evidenceKinds|categories|scopes)\.\d+$/.test(path)) return 'option';
  if (/^sections\.\d+$/.test(path)) return 'section';
  if (/^sections\.\d+\.groups\.\d+$/.test(path)) return 'group';
  if (/^sections\.\d+\.(groups\.\d+\.)?items\.\d+$/.test(path)) return 'item';
  return null;
}

/**
 * The members of the object at `path` in a template as written that the meta-schema does not name
 * (what its `additionalProperties` refuses), in their order; [] when there is none or the path is
 * not such an object.
 */
export function unknownMembersAt(written: unknown, path: string): string[] {
  const kind = memberKindAt(path);
  let v: unknown = written;
  for (const k of path ? path.split('.') : []) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  if (!kind || !v || typeof v !== 'object' || Array.isArray(v)) return [];
  const known: readonly string[] = TEMPLATE_MEMBERS[kind];
  return Object.keys(v).filter((k) => !known.includes(k));
}
