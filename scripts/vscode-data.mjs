// VS Code custom data from custom-elements.json, so editors complete xc tags and
// attributes in HTML: add `"html.customData": ["./node_modules/xc-elements/vscode.html-custom-data.json"]`
// to .vscode/settings.json. Run by `npm run analyze`.
import { readFileSync, writeFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
// The public elements: those the standalone bundle loads, and the provider.
const loaders = readFileSync('src/standalone.ts', 'utf8');
const publicTags = new Set(['xc-provider', ...[...loaders.matchAll(/'(xc-[a-z-]+)':/g)].map((m) => m[1])]);
const tags = [];
for (const mod of manifest.modules ?? [])
  for (const d of mod.declarations ?? []) {
    if (!d.tagName || !publicTags.has(d.tagName) || tags.some((t) => t.name === d.tagName)) continue;
    tags.push({
      name: d.tagName,
      description: d.description ?? '',
      attributes: (d.attributes ?? []).map((a) => ({
        name: a.name,
        description: a.description ?? '',
        ...(a.type?.text === 'boolean' ? { valueSet: 'v' } : {}),
      })),
    });
  }
writeFileSync('vscode.html-custom-data.json', JSON.stringify({ version: 1.1, tags }, null, 2) + '\n');
console.log(`vscode.html-custom-data.json: ${tags.map((t) => t.name).join(', ')}`);
