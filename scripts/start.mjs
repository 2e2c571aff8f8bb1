// `npm start`: the demo portal on the reference back end, one command, no database to install.
//  1. builds dist/ when dist/core.js is missing or older than the core's sources (the server
//     imports xc-elements/core = dist/core.js);
//  2. starts the back end (server/main.js: embedded PGlite in server/.data, the demo accounts
//     clerk / office / viewer, password `demo`) on 127.0.0.1:8787;
//  3. serves the demo portal with Vite's development server on http://127.0.0.1:5173, `/api`
//     proxied to the back end, every page under the same strict Content-Security-Policy as the
//     back end's answers.
// Environment: PORT (5173), API_PORT (8787), XC_DATA_DIR (server/.data), XC_SESSION_SECRET.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer as netServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The newest modification time under `dir` (ms). @param {string} dir @returns {number} */
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** A free port on 127.0.0.1 (for port 0: Vite's page must know its own port to reach its HMR socket). @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = netServer().once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (s.address());
      s.close(() => resolve(port));
    });
  });
}

/** Build dist/ (for dist/core.js) unless it is there and newer than src/core. */
export function ensureCore() {
  const core = join(root, 'dist/core.js');
  if (existsSync(core) && statSync(core).mtimeMs >= newest(join(root, 'src/core'))) return;
  console.log('Building dist/ (the back end imports xc-elements/core = dist/core.js)…');
  const run = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  // A build that made dist/core.js and failed only a later check (sizes) still serves the demo.
  if (!existsSync(core) || statSync(core).mtimeMs < newest(join(root, 'src/core'))) throw new Error('npm run build did not make dist/core.js');
  if (run.status !== 0) console.warn('npm run build reported a failure (see above); dist/core.js is there, so the demo starts.');
}

/**
 * Start the back end and the demo's development server.
 * @param {{ port?: number, apiPort?: number, dataDir?: string, secret?: string, quiet?: boolean, live?: boolean }} [opts]
 *   port 0 / apiPort 0: any free port (tests). `live: false` (tests): no file watching and no
 *   Vite socket, so pages are never reloaded by Vite (an edit elsewhere in the tree, the socket
 *   coming back after the browser was offline).
 * @returns {Promise<{ url: string, apiUrl: string, api: Awaited<ReturnType<typeof import('../server/main.js').startServer>>, close(): Promise<void> }>}
 *   `api`: the back end itself (its `db`, for tests).
 */
export async function startDemo(opts = {}) {
  const { startServer } = await import('../server/main.js');
  const { CSP } = await import('../server/app.js');
  const { createServer } = await import('vite');
  // With port 0 the page's Vite client would open ws://127.0.0.1:0 (refused by the CSP, and no
  // reload when the server is back): take a free port first.
  const port = opts.port === 0 ? await freePort() : (opts.port ?? 5173);
  const api = await startServer({
    port: opts.apiPort ?? 8787,
    dataDir: opts.dataDir ?? join(root, 'server/.data'),
    secret: opts.secret,
  });
  const vite = await createServer({
    configFile: false,
    root: join(root, 'demo'),
    logLevel: opts.quiet ? 'error' : 'info',
    clearScreen: false,
    // The demo's modules are ES modules already: nothing to pre-bundle (and no reload half-way
    // through a first visit when Vite finds something to pre-bundle).
    optimizeDeps: { noDiscovery: true, include: [] },
    // The page learns that a back end is behind /api (a static server has none: the demo then
    // keeps everything in the browser, as before).
    plugins: [{ name: 'xc-demo-api', transformIndexHtml: () => [{ tag: 'meta', attrs: { name: 'xc-api', content: '/api' }, injectTo: 'head' }] }],
    server: {
      host: '127.0.0.1',
      port,
      strictPort: true,
      fs: { allow: [root] },
      headers: { 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' },
      proxy: { '/api': { target: api.url, changeOrigin: false } },
      ...(opts.live === false ? { hmr: false, ws: false, watch: null } : { hmr: { host: '127.0.0.1' } }),
    },
  });
  await vite.listen();
  const address = /** @type {import('node:net').AddressInfo} */ (vite.httpServer?.address());
  return {
    url: `http://127.0.0.1:${address.port}`,
    apiUrl: api.url,
    api,
    async close() {
      await vite.close();
      await api.close();
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  spawnSync('npm', ['run', 'gen', '--silent'], { cwd: root, stdio: 'inherit' });
  ensureCore();
  const demo = await startDemo({
    port: Number(process.env.PORT ?? 5173),
    apiPort: Number(process.env.API_PORT ?? 8787),
    dataDir: process.env.XC_DATA_DIR,
    secret: process.env.XC_SESSION_SECRET,
  });
  console.log(`\n  Demo portal: ${demo.url}/  (back end ${demo.apiUrl}, data in ${process.env.XC_DATA_DIR ?? 'server/.data'})`);
  console.log('  Sign in as clerk (单位经办人), office (巡察办) or viewer (只读); password: demo\n');
  const stop = () => void demo.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
