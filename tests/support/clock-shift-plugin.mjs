// XC_CLOCK_SHIFT=+100d | -45d | +4m | +3y moves the clock of every page the test server sends
// (test pages, fixtures, examples, strict-CSP pages) by that many days, months (30 days) or
// years (365 days): `new Date()` and `Date.now()` answer as if it were that much later. A test
// that reads the real date instead of the provider's `today` or an explicit argument then fails.

/** The offset in milliseconds that `spec` names (0 when empty); throws on a malformed one. */
export function clockShiftMs(spec) {
  if (!spec) return 0;
  const m = /^([+-]?\d+)([dmy])$/.exec(spec.trim());
  if (!m) throw new Error(`XC_CLOCK_SHIFT: expected e.g. +100d, -45d, +4m or +3y, got "${spec}"`);
  const days = { d: 1, m: 30, y: 365 }[m[2]];
  return Number(m[1]) * days * 86_400_000;
}

export function clockShiftPlugin(spec = process.env.XC_CLOCK_SHIFT) {
  const ms = clockShiftMs(spec);
  const tag = `<script src="/tests/support/clock-shift.js?ms=${ms}"></script>`;
  return {
    name: 'xc-clock-shift',
    serverStart({ logger }) {
      if (ms) logger.log(`Page clocks moved by ${spec} (${ms / 86_400_000} days): today on the test pages is ${new Date(Date.now() + ms).toISOString().slice(0, 10)}.`);
    },
    transform(context) {
      if (!ms || !context.response.is('html') || typeof context.body !== 'string') return undefined;
      const body = context.body;
      const head = /<head[^>]*>/i.exec(body);
      if (head) return { body: body.slice(0, head.index + head[0].length) + tag + body.slice(head.index + head[0].length) };
      const html = /<html[^>]*>/i.exec(body);
      if (html) return { body: body.slice(0, html.index + html[0].length) + tag + body.slice(html.index + html[0].length) };
      return { body: tag + body };
    },
  };
}
