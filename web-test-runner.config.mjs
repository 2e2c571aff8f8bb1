// @web/test-runner: every test runs in real headless Chromium (Debian's
// /usr/bin/chromium, or CHROME_PATH), TypeScript compiled by esbuild.
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import rollupJson from '@rollup/plugin-json';
import { summaryReporter } from './tests/support/summary-reporter.mjs';
import { defaultReporter } from '@web/test-runner';
import { cspPlugin } from './tests/support/csp-plugin.mjs';
import { clockShiftPlugin } from './tests/support/clock-shift-plugin.mjs';
import { serverCommandsPlugin, reliabilityReporter } from './tests/support/server-commands.mjs';
import { fileChooserPlugin } from './tests/support/file-chooser-plugin.mjs';
import { readForm, receivedPage } from './examples/form-post/receive.mjs';
import { attachmentsStub } from './tests/support/attachments-stub.mjs';
import { referenceServerMiddleware } from './tests/support/server-plugin.mjs';
import { slowChunks } from './tests/support/slow-chunks.mjs';

const FILES = ['tests/**/*.test.ts'];
const commonjs = fromRollup(rollupCommonjs);
const json = fromRollup(rollupJson);
// ajv imports JSON meta-schemas; only those are served as modules.
const ajvJson = ['**/node_modules/ajv/**/*.json', '**/node_modules/ajv-formats/**/*.json'];

export default {
  rootDir: '.',
  files: FILES,
  nodeResolve: true,
  // One page at a time: a background page is 'hidden' and gets no animation frames.
  concurrency: 1,
  concurrentBrowsers: 1,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 15 * 60 * 1000,
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
        headless: true,
        args: [
          '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
          '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run',
          // A fixed browser language: date and time fields lay out their segments by it.
          // --lang sets it where Chromium reads that switch; on Linux it takes it from LANGUAGE/LANG.
          '--lang=en-US',
        ],
        env: { ...process.env, LANGUAGE: 'en-US' },
      },
    }),
  ],
  mimeTypes: Object.fromEntries(ajvJson.map((g) => [g, 'js'])),
  // The form-post example's "server": answers posts with what it received.
  middleware: [
    async (ctx, next) => {
      if (ctx.method === 'POST' && ctx.path === '/examples/form-post/receive') {
        ctx.type = 'text/html; charset=utf-8';
        ctx.body = receivedPage(await readForm(ctx.req));
        return;
      }
      return next();
    },
    // Stand-ins of the files API and of an OA upload API, for the attachment stores' tests.
    attachmentsStub,
    // The reference back end (server/) under /api, for the tests of xc-elements/client.
    referenceServerMiddleware,
    // The standalone build's files answered late for pages that ask (tests/csp/standalone-preload.test.ts).
    slowChunks,
  ],
  plugins: [
    json({ include: ajvJson }),
    cspPlugin(),
    // XC_CLOCK_SHIFT=+100d (or +4m, +3y…) runs every page as if it were another day.
    clockShiftPlugin(),
    serverCommandsPlugin(),
    // The browser's real file chooser, for keyboard-only attaching (tests/attachments).
    fileChooserPlugin(),
    // ajv (used only by the opt-in run-time compiler) is CommonJS.
    commonjs({ include: ['**/node_modules/ajv/**', '**/node_modules/ajv-formats/**', '**/node_modules/fast-deep-equal/**', '**/node_modules/fast-uri/**', '**/node_modules/json-schema-traverse/**', '**/node_modules/require-from-string/**'] }),
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2021' }),
  ],
  reporters: [defaultReporter(), reliabilityReporter({ fullRunFiles: FILES }), summaryReporter()],
};
