// Config of @custom-elements-manifest/analyzer: `npx cem analyze --config custom-elements-manifest.config.mjs`
// writes custom-elements.json at the repo root (read by Storybook's docs and by editors).

/**
 * Elements are registered with `defineElement('xc-…', Class)` (src/base/define.ts), not
 * with `customElements.define`, so the analyzer does not see the registration by itself.
 * This plugin reads those calls: it sets the tag name on the class declaration and adds
 * the `custom-element-definition` export, as the analyzer does for `customElements.define`.
 */
function defineElementPlugin() {
  return {
    name: 'xc-define-element',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node)) return;
      const callee = node.expression;
      if (!ts.isIdentifier(callee) || callee.text !== 'defineElement') return;
      const [tagArg, classArg] = node.arguments;
      if (!tagArg || !classArg || !ts.isStringLiteralLike(tagArg) || !ts.isIdentifier(classArg)) return;
      const tagName = tagArg.text;
      const className = classArg.text;
      const decl = moduleDoc.declarations?.find((d) => d.name === className);
      if (decl) {
        decl.tagName = tagName;
        decl.customElement = true;
      }
      moduleDoc.exports ??= [];
      if (!moduleDoc.exports.some((e) => e.kind === 'custom-element-definition' && e.name === tagName)) {
        moduleDoc.exports.push({
          kind: 'custom-element-definition',
          name: tagName,
          declaration: { name: className, module: moduleDoc.path },
        });
      }
    },
  };
}

/**
 * Plumbing every element inherits from the base (src/base/form-element.ts) that is public in
 * TypeScript only so that the element's own modules can read it: the strings and environment in
 * force, the raw form value, and the form-associated callbacks the browser calls. Not part of
 * the API a page uses, so neither the manifest (editors, Storybook's API table) lists it.
 * Members marked `@internal` or `@ignore` in JSDoc are left out by the analyzer itself.
 */
const INTERNAL_MEMBERS = new Set(['t', 'env', 'effectiveLang', 'formValue', 'formResetCallback', 'formDisabledCallback', 'formStateRestoreCallback']);

function dropInternalsPlugin() {
  return {
    name: 'xc-drop-internals',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? [])
        for (const decl of mod.declarations ?? [])
          if (decl.members) decl.members = decl.members.filter((m) => !INTERNAL_MEMBERS.has(m.name));
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/generated/**'],
  outdir: '.',
  litelement: true,
  // Never write a `customElements` field into package.json (the lead edits package.json).
  packagejson: false,
  plugins: [defineElementPlugin(), dropInternalsPlugin()],
};
