// The host's own form definition and its precompiled validator, given to <xc-form>
// through properties. Nothing here needs eval, inline script or inline style.
import { hostForm } from './host-form.validators.js';

const form = document.getElementById('receipt');
const out = document.getElementById('out');

form.addEventListener('xc-submit', (e) => {
  // Send the record to your server here; the element sends nothing itself.
  out.textContent = JSON.stringify(e.detail.value, null, 2);
});

async function start() {
  // The definition is plain JSON next to this page (it could come from the portal's API).
  const res = await fetch(new URL('./host-form.schema.json', import.meta.url));
  const schema = await res.json();
  await customElements.whenDefined('xc-form');
  // The validator with the schema: the element checks the definition against its
  // meta-schema, then validates records with `hostForm` (no run-time compiler needed).
  form.validator = hostForm;
  form.schema = schema;
}

start().catch((e) => console.error('could not show the form:', e));
