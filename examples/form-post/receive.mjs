// What the example's "server" does with a posted form: parse it and answer with
// what arrived. Shared by server.mjs (run it yourself) and the test runner.
import { parse } from 'node:querystring';

/** Read an application/x-www-form-urlencoded body; returns the fields. */
export async function readForm(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return parse(body);
}

/** An HTML page listing the fields received (text only, escaped). */
export function receivedPage(fields) {
  const esc = (s) => String(s).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const rows = Object.entries(fields)
    .map(([k, v]) => `<dt>${esc(k)}</dt><dd><pre>${esc(Array.isArray(v) ? v.join('\n') : v)}</pre></dd>`)
    .join('');
  return `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>服务器收到的内容</title><h1>服务器收到的内容</h1><dl id="received">${rows}</dl></html>`;
}
