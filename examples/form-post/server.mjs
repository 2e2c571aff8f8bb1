// node examples/form-post/server.mjs — serves this example and the built library
// on http://127.0.0.1:8787 (another port: PORT=9000 node ...) and prints every form
// post it receives; / leads to this example's page.
// Run `npm run build` first (the page loads dist/xc-elements.standalone.js).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readForm, receivedPage } from './receive.mjs';

// fileURLToPath, not URL.pathname: a checkout under a folder with a space (or any
// character a URL escapes) would otherwise be looked for as "my%20folder".
const root = fileURLToPath(new URL('../..', import.meta.url));
const home = '/examples/form-post/';
const port = Number(process.env.PORT) || 8787;
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json' };

createServer(async (req, res) => {
  try {
    const { pathname } = new URL(req.url, 'http://x');
    if (req.method === 'POST' && pathname === '/examples/form-post/receive') {
      const fields = await readForm(req);
      console.log('received:', fields);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(receivedPage(fields));
      return;
    }
    // The page loads its files relative to its own folder, so / redirects there.
    if (pathname === '/') return res.writeHead(302, { location: home }).end();
    // A malformed escape (/%E0) throws URIError here, inside the try: answered 400 below.
    // normalize() on a path that starts with / cannot climb above it, so ".." stays in root.
    let file = join(root, normalize(decodeURIComponent(pathname)));
    if (!file.startsWith(root)) return res.writeHead(404).end();
    if ((await stat(file)).isDirectory()) {
      // A folder is served by its index.html; without the trailing slash the page's relative links would miss.
      if (!pathname.endsWith('/')) return res.writeHead(301, { location: `/${pathname.replace(/^\/+/, '')}/` }).end();
      file = join(file, 'index.html');
    }
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch (e) {
    if (!res.headersSent) res.writeHead(e instanceof URIError || e instanceof TypeError ? 400 : 404).end();
  }
}).listen(port, '127.0.0.1', () => console.log(`http://127.0.0.1:${port}/`));
