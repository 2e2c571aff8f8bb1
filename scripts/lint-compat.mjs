#!/usr/bin/env node
/**
 * `npm run lint:compat`: does src/ use anything the browsers of package.json's "browserslist"
 * (chrome >= 78) lack?
 *
 * - JS APIs: eslint-plugin-compat (MDN/caniuse data), ES built-ins included (`lintAllEsApis`).
 *   Each .ts file is stripped of its types by esbuild first (no TypeScript parser for ESLint needed).
 * - CSS: stylelint-no-unsupported-browser-features (doiuse/caniuse data) on the text of every
 *   lit `css` tagged template (the elements' styles live in *.styles.ts and styles.ts);
 *   `${…}` interpolations are read as a custom property.
 *
 * Syntax is not its concern: the standalone build lowers it and check-dist refuses what is left.
 * Exits 1 with one line a finding; takes a few seconds.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';
import { ESLint } from 'eslint';
import compat from 'eslint-plugin-compat';
import stylelint from 'stylelint';

const root = fileURLToPath(new URL('..', import.meta.url));
const browsers = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).browserslist;

/**
 * CSS used knowingly as progressive enhancement (README, "Browser support"): on Chromium 78
 * the rule is simply ignored and the element still works. doiuse feature ids.
 */
const CSS_ENHANCEMENTS = [
  'css-focus-visible', // the focus ring shows for every focus, mouse included
  'css-content-visibility', // long lists render whole
  'css-field-sizing', // text areas keep their rows
  'extended-system-fonts', // ui-monospace and friends, always followed by fonts Chromium 78 has
];

/** doiuse reads the grid function `minmax(` as the math function `max(` (Chromium 79): such a finding is dropped. */
function falseMath(warning, cssText) {
  if (!warning.text.includes('css-math-functions')) return false;
  const rule = cssText.split('\n').slice(warning.line - 1).join('\n').split('}')[0];
  return !/(^|[^\w-])(min|max|clamp)\(/.test(rule.replace(/minmax\(/g, ''));
}

function walk(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.(ts|js)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const files = walk(join(root, 'src'));
const findings = [];

// --- JS APIs ---------------------------------------------------------------
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [
    {
      languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
      plugins: { compat },
      settings: { browsers, lintAllEsApis: true },
      rules: { 'compat/compat': 'error' },
    },
  ],
});
await Promise.all(
  files.map(async (file) => {
    const source = readFileSync(file, 'utf8');
    const { code } = await transform(source, {
      loader: file.endsWith('.ts') ? 'ts' : 'js',
      format: 'esm',
      target: 'esnext',
      tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
    });
    const [result] = await eslint.lintText(code, { filePath: file.replace(/\.ts$/, '.js') });
    for (const m of result.messages) findings.push(`${relative(root, file)}: ${m.message}${m.ruleId ? '' : ' (could not be read)'}`);
  }),
);

// --- CSS in lit css`` templates ---------------------------------------------
/** The text of every css`…` template of `source`, interpolations read as a custom property. */
function cssTemplates(source) {
  const out = [];
  const re = /(?<![\w`])css`/g; // not the css of a comment's `css`
  let m;
  while ((m = re.exec(source))) {
    let i = m.index + m[0].length;
    let text = '';
    let depth = 0;
    for (; i < source.length; i++) {
      const c = source[i];
      if (depth === 0 && c === '\\') {
        text += source[i + 1];
        i++;
      } else if (depth === 0 && c === '`') break;
      else if (depth === 0 && c === '$' && source[i + 1] === '{') {
        depth = 1;
        i++;
        text += 'var(--xc-interpolated)';
      } else if (depth > 0) {
        if (c === '\n') text += c; // keeps line numbers
        if (c === '{') depth++;
        else if (c === '}') depth--;
      } else text += c;
    }
    out.push({ text, line: source.slice(0, m.index).split('\n').length });
    re.lastIndex = i;
  }
  return out;
}

const config = {
  plugins: ['stylelint-no-unsupported-browser-features'],
  rules: {
    'plugin/no-unsupported-browser-features': [true, { browsers, ignore: CSS_ENHANCEMENTS, ignorePartialSupport: true }],
  },
};
for (const file of files) {
  const source = readFileSync(file, 'utf8');
  if (!source.includes('css`')) continue;
  for (const { text, line } of cssTemplates(source)) {
    const { results } = await stylelint.lint({ code: text, config, codeFilename: file });
    for (const w of results[0]?.warnings ?? []) {
      if (falseMath(w, text)) continue;
      findings.push(`${relative(root, file)}:${line + w.line - 1}: ${w.text}`);
    }
  }
}

if (findings.length) {
  console.error(`lint:compat — ${findings.length} use(s) of what ${browsers.join(', ')} lacks:`);
  for (const f of findings) console.error('  ' + f);
  process.exit(1);
}
console.log(`lint:compat — ${files.length} files, nothing ${browsers.join(', ')} lacks`);
