// The schemas that ship with xc: export name → file. One list for gen.mjs
// (precompiled validators) and build-standalone.mjs (the interpreter's copies).
export const bundledSchemas = {
  checklistTemplate: 'schemas/checklist-template.schema.json',
  formDefinition: 'schemas/form-definition.schema.json',
  rectificationLedger: 'schemas/rectification-ledger.schema.json',
  interviewRecord: 'schemas/templates/interview-record.json',
  clueSheet: 'schemas/templates/clue-sheet.json',
  petitionRegister: 'schemas/petition-register.schema.json',
  clueRegister: 'schemas/clue-register.schema.json',
};

const MAP_OF_SCHEMAS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];
const ONE_SCHEMA = ['items', 'not', 'if', 'then', 'else', 'additionalProperties', 'contains', 'propertyNames'];
const LIST_OF_SCHEMAS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const ANNOTATIONS = ['title', 'description', 'examples', '$comment', 'default', 'readOnly', 'writeOnly', 'deprecated'];

/**
 * A copy of a schema without annotations that validation never reads (titles,
 * descriptions, x-xc-* …), walking only real subschema positions so that a
 * property *named* "description" stays.
 */
export function stripAnnotations(schema) {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return schema;
  const out = {};
  for (const [k, v] of Object.entries(schema)) {
    if (ANNOTATIONS.includes(k) || k.startsWith('x-xc-')) continue;
    if (MAP_OF_SCHEMAS.includes(k) && v && typeof v === 'object') out[k] = Object.fromEntries(Object.entries(v).map(([n, s]) => [n, stripAnnotations(s)]));
    else if (ONE_SCHEMA.includes(k)) out[k] = stripAnnotations(v);
    else if (LIST_OF_SCHEMAS.includes(k) && Array.isArray(v)) out[k] = v.map(stripAnnotations);
    else out[k] = v;
  }
  return out;
}
