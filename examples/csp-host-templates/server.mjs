// node examples/csp-host-templates/server.mjs — serves this repository on
// http://127.0.0.1:8788 with a strict Content-Security-Policy on every response, so you
// can see the page work without 'unsafe-eval', inline scripts or inline styles.
// Run `npm run build` and `npm run build:examples` first (dist/ and the precompiled validator).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
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
  const url = new URL(req.url, 'http://x');
  const path = normalize(url.pathname === '/' ? '/examples/csp-host-templates/index.html' : decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
  try {
    const body = await readFile(join(root, path));
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream', 'content-security-policy': csp }).end(body);
  } catch {
    res.writeHead(404, { 'content-security-policy': csp }).end();
  }
}).listen(8788, '127.0.0.1', () => console.log('http://127.0.0.1:8788/'));
