// Test-runner server side of two helpers the tests call through executeServerCommand:
//  - 'xc-report': a test that has just proved something records a row for the
//    README's reliability table (see reliabilityReporter below);
//  - 'xc-network': records every request the test page (and its iframes) makes,
//    through the browser's own request events, not through page-side timing entries;
//  - 'xc-examples': the example pages there are (examples/*/index.html, and
//    examples/*/dist/index.html where an example has been built);
//  - 'xc-clock': the server's clock and the page-clock shift in force (XC_CLOCK_SHIFT);
//  - 'xc-fuzz-seed': the fuzz tests' seed (fixed; XC_FUZZ_SEED=<number> or =random changes it).
import { readFile, writeFile, mkdir, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { clockShiftMs } from './clock-shift-plugin.mjs';

/** @type {Map<string, {id: string, check: string, figure: string, file: string}>} */
const rows = new Map();

export function serverCommandsPlugin() {
  /** @type {Map<string, {page: any, listener: Function, urls: string[]}>} */
  const logs = new Map();
  return {
    name: 'xc-server-commands',
    async executeCommand({ command, payload, session }) {
      if (command === 'xc-report') {
        const row = /** @type {{id: string, check: string, figure: string}} */ (payload);
        rows.set(row.id, { ...row, file: session.testFile });
        return true;
      }
      if (command === 'xc-network') {
        const { action } = /** @type {{action: 'start' | 'stop'}} */ (payload);
        if (action === 'start') {
          const page = session.browser.getPage(session.id);
          const urls = [];
          const listener = (request) => urls.push(request.url());
          page.on('request', listener);
          logs.set(session.id, { page, listener, urls });
          return true;
        }
        const log = logs.get(session.id);
        if (!log) return [];
        log.page.off('request', log.listener);
        logs.delete(session.id);
        return log.urls;
      }
      if (command === 'xc-clock') {
        return { now: Date.now(), shiftMs: clockShiftMs(process.env.XC_CLOCK_SHIFT) };
      }
      if (command === 'xc-fuzz-seed') {
        return { seed: fuzzSeed() };
      }
      if (command === 'xc-examples') {
        const pages = [];
        for (const dir of await readdir('examples', { withFileTypes: true })) {
          if (!dir.isDirectory()) continue;
          for (const file of ['index.html', 'dist/index.html']) {
            if (existsSync(`examples/${dir.name}/${file}`)) pages.push(`/examples/${dir.name}/${file}`);
          }
        }
        return pages.sort();
      }
      return undefined;
    },
  };
}

const FUZZ_SEED = 20261203;
let randomSeed;

/** The seed of every fuzz property in this run. */
function fuzzSeed() {
  const v = process.env.XC_FUZZ_SEED?.trim();
  if (!v) return FUZZ_SEED;
  if (v === 'random') {
    randomSeed ??= (Date.now() ^ Math.floor(Math.random() * 0x100000000)) | 0;
    return randomSeed;
  }
  const n = Number(v);
  if (!Number.isInteger(n)) throw new Error(`XC_FUZZ_SEED: expected an integer or "random", got "${v}"`);
  return n | 0;
}

const START = '<!-- reliability-report:start -->';
const END = '<!-- reliability-report:end -->';

/**
 * Writes reports/reliability.json and the table between the markers in README.md
 * from the rows the tests recorded. Only a full run (every test file) writes them,
 * so a run of a few files does not shrink the table. A row is recorded by a test
 * only after its assertions passed; a row whose test file failed is marked FAILED,
 * and a row of the committed report that nothing recorded this time stays as NOT RUN
 * (delete it from reports/reliability.json when its test is removed on purpose).
 */
export function reliabilityReporter({ fullRunFiles }) {
  let full = false;
  return {
    start({ config }) {
      const files = [config.files].flat();
      // A run with the page clocks moved (XC_CLOCK_SHIFT) checks the suite, it does not report.
      full = !process.env.XC_CLOCK_SHIFT && files.length === fullRunFiles.length && files.every((f, i) => f === fullRunFiles[i]);
    },
    async onTestRunFinished({ sessions }) {
      if (!full) return;
      const failedFiles = new Set(sessions.filter((s) => !s.passed).map((s) => s.testFile));
      const result = (r) => (failedFiles.has(r.file) ? 'FAILED' : 'passed');
      const json = [...rows.values()].map((r) => ({ id: r.id, check: r.check, figure: r.figure, result: result(r) }));
      // A row of the last report that no test recorded this time is shown, not dropped:
      // its test failed before recording, or was removed.
      const previous = await readFile('reports/reliability.json', 'utf8').then((t) => JSON.parse(t).rows, () => []);
      for (const old of previous) {
        if (!rows.has(old.id)) json.push({ id: old.id, check: old.check, figure: old.figure, result: 'NOT RUN' });
      }
      json.sort((a, b) => a.id.localeCompare(b.id));
      const date = new Date().toISOString().slice(0, 10);
      await mkdir('reports', { recursive: true });
      await writeFile('reports/reliability.json', JSON.stringify({ date, rows: json }, null, 2) + '\n');
      // Tag names such as <xc-form> would be read as HTML by a Markdown renderer.
      const cell = (t) => String(t).replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\n/g, ' ');
      const table = [
        START,
        '_Written by a full `npm test` run (tests/support/server-commands.mjs; the same rows, with the date, in reports/reliability.json). Each row is recorded by the test that proved it, after its assertions passed._',
        '',
        '| check | tried | result |',
        '|---|---|---|',
        ...json.map((r) => `| ${cell(r.check)} | ${cell(r.figure)} | ${r.result} |`),
        END,
      ].join('\n');
      const readme = await readFile('README.md', 'utf8');
      const a = readme.indexOf(START);
      const b = readme.indexOf(END);
      if (a < 0 || b < a) return;
      await writeFile('README.md', readme.slice(0, a) + table + readme.slice(b + END.length));
    },
  };
}
