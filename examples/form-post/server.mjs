// node examples/form-post/server.mjs — serves this example and the built library
// on http://127.0.0.1:8787 and prints every form post it receives.
// Run `npm run build` first (the page loads dist/xc-elements.standalone.js).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { readForm, receivedPage } from './receive.mjs';

const root = new URL('../..', import.meta.url).pathname;
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json' };

createServer(async (req, res) => {
  const url = new URL(req.url, 'http://x');
  if (req.method === 'POST' && url.pathname === '/examples/form-post/receive') {
    const fields = await readForm(req);
    console.log('received:', fields);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(receivedPage(fields));
    return;
  }
  const path = normalize(url.pathname === '/' ? '/examples/form-post/index.html' : url.pathname).replace(/^(\.\.[/\\])+/, '');
  try {
    const body = await readFile(join(root, path));
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
}).listen(8787, '127.0.0.1', () => console.log('http://127.0.0.1:8787/'));
