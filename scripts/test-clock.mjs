#!/usr/bin/env node
// `npm run test:clock`: the browser suite with every test page's clock moved (XC_CLOCK_SHIFT, see
// tests/support/clock-shift-plugin.mjs), so that a test whose result depends on the day it runs
// fails. Every test file runs once with its clock moved, at one of two dates (+100 days or +3
// years: files alternate in path order, so the split is the same on every run); the pure core's
// tests, the ledger element's and the clock's (where the date arithmetic lives) run at both. That is one suite's time
// instead of two. Left out: the Storybook stories, the framework examples and the zoom, reachability
// and focus sweeps, which render with fixed dates or none and took a third of that time (the split of
// the other files between the two dates is the same with or without them), which keeps CI under half
// an hour with eleven elements.
//   node scripts/test-clock.mjs            both shifts
//   XC_CLOCK_BOTH=all node scripts/…       every file at both shifts (twice the time)
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const SHIFTS = ['+100d', '+3y'];
/** Read no clock (fixed dates or none): not run with the clock moved. */
const SKIP = [
  /^tests\/stories\//,
  /^tests\/examples\/(react|vue|vue2|jquery|iframe|theming|plain-html|form-post|csp-host-templates|served-note|network)\.test\.ts$/,
  /^tests\/a11y\/(zoom|reachable|focus-visible)\.test\.ts$/,
];
/** Where dates are computed: these run at both shifts. */
const BOTH = [/^tests\/core\//, /^tests\/rectification\/xc-rectification-tracker\.test\.ts$/, /^tests\/base\/clock/];

function list(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? list(p) : p.endsWith('.test.ts') ? [p.split('\\').join('/')] : [];
  });
}

const files = list('tests').sort();
const all = process.env.XC_CLOCK_BOTH === 'all';
const runs = SHIFTS.map(() => []);
let i = 0;
for (const f of files) {
  if (all || BOTH.some((re) => re.test(f))) runs.forEach((r) => r.push(f));
  else runs[i++ % SHIFTS.length].push(f);
}

const skipped = (f) => !all && SKIP.some((re) => re.test(f));
for (const r of runs) r.splice(0, r.length, ...r.filter((f) => !skipped(f)));

let status = 0;
SHIFTS.forEach((shift, k) => {
  console.log(`\n== browser suite with the clock at ${shift}: ${runs[k].length} of ${files.length} test files`);
  const r = spawnSync('npx', ['web-test-runner', ...runs[k]], { stdio: 'inherit', env: { ...process.env, XC_CLOCK_SHIFT: shift } });
  if (r.status !== 0) status = r.status ?? 1;
});
process.exit(status);
