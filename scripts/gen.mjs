// Generates src/generated/: precompiled validators for every bundled schema
// (meta-schemas and record templates) and the ajv-i18n message localizers as
// pure ESM. Run by every npm script that needs them (pretest, prebuild, …).
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { build } from 'esbuild';
import { precompile } from './precompile-lib.mjs';
import { bundledSchemas } from './bundled-schemas.mjs';

const root = new URL('..', import.meta.url);
const read = (p) => JSON.parse(readFileSync(new URL(p, root), 'utf8'));
const out = new URL('src/generated/', root);
mkdirSync(out, { recursive: true });

const schemas = bundledSchemas;
const present = Object.fromEntries(
  Object.entries(schemas).filter(([, p]) => existsSync(new URL(p, root))).map(([k, p]) => [k, read(p)]),
);
// One module per validator, so a bundle takes only the validators it uses.
mkdirSync(new URL('validators/', out), { recursive: true });
for (const [name, schema] of Object.entries(present)) {
  writeFileSync(new URL(`validators/${name}.js`, out), await precompile({ [name]: schema }));
  writeFileSync(
    new URL(`validators/${name}.d.ts`, out),
    `import type { ValidateFunction } from '../../core/validation-types.js';\nexport declare const ${name}: ValidateFunction;\n`,
  );
}

// Barrel for tests and tools (library code imports the single modules).
writeFileSync(new URL('validators.js', out), Object.keys(present).map((k) => `export { ${k} } from './validators/${k}.js';\n`).join('') + `export const available = ${JSON.stringify(Object.keys(present))};\n`);
writeFileSync(
  new URL('validators.d.ts', out),
  Object.keys(present).map((k) => `export { ${k} } from './validators/${k}.js';\n`).join('') + `export declare const available: readonly string[];\n`,
);

// ajv-i18n localizers (CommonJS upstream) as one small ESM module.
const loc = await build({
  stdin: {
    contents: `import zh from 'ajv-i18n/localize/zh/index.js'; import en from 'ajv-i18n/localize/en/index.js'; export { zh, en };`,
    resolveDir: new URL('.', root).pathname,
  },
  bundle: true, format: 'esm', platform: 'browser', target: 'es2019', write: false, legalComments: 'none', logLevel: 'silent',
});
writeFileSync(new URL('localize.js', out), `/* Generated from ajv-i18n. Do not edit. */\n${loc.outputFiles[0].text}`);
writeFileSync(
  new URL('localize.d.ts', out),
  `import type { ValidationErrorObject } from '../core/validation-types.js';\ntype Localize = (errors?: ValidationErrorObject[] | null) => void;\nexport declare const zh: Localize;\nexport declare const en: Localize;\n`,
);
// Bundled templates as JS modules (no JSON imports needed by any tool).
const templates = {
  checklistSanjujiao: 'schemas/templates/checklist-sanjujiao.json',
  interviewRecordSchema: 'schemas/templates/interview-record.json',
  clueSheetSchema: 'schemas/templates/clue-sheet.json',
};
const presentTemplates = Object.entries(templates).filter(([, p]) => existsSync(new URL(p, root)));
mkdirSync(new URL('templates/', out), { recursive: true });
for (const [k, p] of presentTemplates) {
  writeFileSync(new URL(`templates/${k}.js`, out), `/* Generated from ${p}. Do not edit. */\nexport const ${k} = ${JSON.stringify(read(p))};\nexport default ${k};\n`);
  writeFileSync(new URL(`templates/${k}.d.ts`, out), `export declare const ${k}: any;\nexport default ${k};\n`);
}
writeFileSync(new URL('templates.js', out), presentTemplates.map(([k]) => `export { ${k} } from './templates/${k}.js';\n`).join(''));
writeFileSync(new URL('templates.d.ts', out), presentTemplates.map(([k]) => `export { ${k} } from './templates/${k}.js';\n`).join(''));
console.log(`gen: validators for ${Object.keys(present).join(', ')}; localizers zh, en`);
