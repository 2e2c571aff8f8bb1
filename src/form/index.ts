/** `xc-elements/form`: registers `<xc-form>` (schema-driven record forms). */
export { XcForm } from './xc-form.js';
export { XcField, type FormContext } from './xc-field.js';
