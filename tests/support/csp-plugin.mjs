// Serves the test pages under tests/csp/ with a strict Content-Security-Policy,
// so a test can prove that the shipped code needs no eval; and every response of the
// strict-CSP example (examples/csp-host-templates/), as its own server.mjs does.
export function cspPlugin() {
  return {
    name: 'xc-csp',
    transform(context) {
      if ((context.path.startsWith('/tests/csp/') && context.path.endsWith('.html')) || context.path.startsWith('/examples/csp-host-templates/')) {
        context.set('Content-Security-Policy', "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'");
      }
    },
  };
}
