/**
 * The JSON Schema of an `AttachmentRef` (a file a record refers to), for schemas made in
 * code such as `checklistResponseSchema`. It is the `$defs/attachmentRef` of
 * schemas/rectification-ledger.schema.json without its descriptions; the bundled form templates
 * (interview record, clue sheet) carry the same definition in their own `$defs`, because a form
 * definition follows only local references. tests/core/attachment-schema.test.ts holds all of
 * them equal, so they cannot drift apart.
 * @module
 */
import type { JsonSchema } from './validation-types.js';

/** `{ id, name, type, size, sha256, takenAt? }`, nothing else: see `AttachmentRef`. */
export const attachmentRefSchema: JsonSchema = {
  type: 'object',
  required: ['id', 'name', 'type', 'size', 'sha256'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', minLength: 1, maxLength: 128 },
    name: { type: 'string', minLength: 1, maxLength: 1000 },
    type: { type: 'string', maxLength: 200 },
    size: { type: 'integer', minimum: 0 },
    sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    takenAt: { type: 'string', format: 'date-time' },
  },
};

