// Loaded first, as a classic script, so it hears about every resource, script or style
// the Content-Security-Policy blocks, including those met while the page is parsed.
// A portal would send these to its own report endpoint; here they are kept on
// `window.cspViolations` (read by tests/examples/csp-host-templates.test.ts) and
// written to the console.
window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  const text = `${e.effectiveDirective}: ${e.blockedURI || '(inline)'} ${e.sourceFile || ''}:${e.lineNumber || 0}`;
  window.cspViolations.push(text);
  console.warn('CSP blocked', text);
});
