// node examples/csp-host-templates/server.mjs — serves this repository on
// http://127.0.0.1:8788 (another port: PORT=9000 node ...) with a strict
// Content-Security-Policy on every response, so you can see the page work without
// 'unsafe-eval', inline scripts or inline styles; / leads to this example's page.
// Run `npm run build` and `npm run build:examples` first (dist/ and the precompiled validator).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

// fileURLToPath, not URL.pathname: a checkout under a folder with a space (or any
// character a URL escapes) would otherwise be looked for as "my%20folder".
const root = fileURLToPath(new URL('../..', import.meta.url));
const home = '/examples/csp-host-templates/';
const port = Number(process.env.PORT) || 8788;
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'";
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.map': 'application/json',
};

createServer(async (req, res) => {
  const send = (status, headers = {}, body) => res.writeHead(status, { 'content-security-policy': csp, ...headers }).end(body);
  try {
    const { pathname } = new URL(req.url, 'http://x');
    // The page loads ./main.js and friends relative to its own folder, so / redirects there.
    if (pathname === '/') return send(302, { location: home });
    // A malformed escape (/%E0) throws URIError here, inside the try: answered 400 below.
    // normalize() on a path that starts with / cannot climb above it, so ".." stays in root.
    let file = join(root, normalize(decodeURIComponent(pathname)));
    if (!file.startsWith(root)) return send(404);
    if ((await stat(file)).isDirectory()) {
      // A folder is served by its index.html; without the trailing slash the page's relative links would miss.
      if (!pathname.endsWith('/')) return send(301, { location: `/${pathname.replace(/^\/+/, '')}/` });
      file = join(file, 'index.html');
    }
    const body = await readFile(file);
    send(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }, body);
  } catch (e) {
    send(e instanceof URIError || e instanceof TypeError ? 400 : 404);
  }
}).listen(port, '127.0.0.1', () => console.log(`http://127.0.0.1:${port}/`));
