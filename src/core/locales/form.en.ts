import type { FormMessages } from './form.zh-CN.js';

/** English strings of <xc-form> (and so <xc-interview-form> and <xc-clue-sheet>) only (loaded with English). */
const formEn: FormMessages = {
  schemaNeedsPrecompile:
    'This page’s Content-Security-Policy does not allow compiling form definitions in the browser. Run "npx xc-precompile form.json -o validators.js" at build time and set the generated validator on the element’s validator property.',
  schemaNoCompiler:
    'This form definition has no precompiled validator. Run "npx xc-precompile form.json -o validators.js" and set the validator property, or import "xc-elements/compiler" on pages that allow it.',
  formChoose: 'Choose…',
  formClearChoice: 'Clear choice',
  formNowRequired: ' (now required)',
  formBecameRequired: (label: string) => `“${label}” is now required.`,
  formRevealed: 'This field is normally hidden for these answers; it is shown because it needs attention.',
  formAdd: 'Add an item',
  formRemove: 'Remove',
  formMoveUp: 'Move up',
  formMoveDown: 'Move down',
  formItemActions: (label: string) => `Actions for ${label}`,
  formMinItems: (n: number) => (n === 1 ? 'At least 1 is required, so it cannot be removed.' : `At least ${n} are required, so no more can be removed.`),
  formMaxItems: (n: number) => `At most ${n} are allowed, so no more can be added.`,
  formEmptyList: '(none yet)',
  formEmpty: '(not filled in)',
  formPerson: (name: string, rest: string) => (rest ? `${name} (${rest})` : name),
  formNoSchema: 'No form definition: set the schema property or the src attribute.',
  formDefinitionInvalid: 'The form definition is not valid and cannot be shown.',
  formDefinitionTooComplex: 'The form definition is nested too deeply, or its references ($ref) go round in a loop: it cannot be used.',
  formCompileFailed: (detail: string) => `No validator could be made from it (technical detail: ${detail})`,
  formReadonly: 'Read-only: this record cannot be changed.',
  formPageOf: (page: string, pages: string) => `Page ${page} of ${pages}`,
  formPathSep: ' · ',
  formErrorWhere: (where: string, message: string) => `${where}: ${message}`,
  formAtOffset: (time: string, zone: string) => `${time} (${zone})`,
  formExportWord: 'Export Word',
};
export default formEn;
