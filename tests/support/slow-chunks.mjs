// Test server middleware: while a page carries the cookie `xc-slow-chunks=1`, every file of the
// standalone build (/dist/standalone/*.js) is answered 60 ms late, as over a portal's network. On the
// test machine a chunk otherwise arrives within a millisecond, so "asked for before the chunk importing
// it arrived" (tests/csp/standalone-preload.test.ts) would depend on how busy the machine is rather
// than on how the build asks for its chunks.
const DELAY_MS = 60;

/** @param {import('koa').Context} ctx @param {() => Promise<unknown>} next */
export async function slowChunks(ctx, next) {
  if (ctx.path.startsWith('/dist/standalone/') && ctx.path.endsWith('.js') && /(?:^|;\s*)xc-slow-chunks=1(?:;|$)/.test(ctx.get('cookie'))) {
    await new Promise((r) => setTimeout(r, DELAY_MS));
  }
  return next();
}
