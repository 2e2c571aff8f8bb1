// Moves the page's clock by a fixed offset (XC_CLOCK_SHIFT, see clock-shift-plugin.mjs), so the
// whole suite can run as if it were another day: a test whose result depends on the real date
// fails then. Loaded as the first script of every HTML page the test server sends.
(function () {
  var script = document.currentScript;
  var ms = script ? Number(new URL(script.src).searchParams.get('ms')) : 0;
  if (!ms || Date.xcShift) return;
  var RealDate = Date;
  function ShiftedDate() {
    var args = Array.prototype.slice.call(arguments);
    if (!new.target) return new RealDate(RealDate.now() + ms).toString();
    if (args.length === 0) return new RealDate(RealDate.now() + ms);
    return new (Function.prototype.bind.apply(RealDate, [null].concat(args)))();
  }
  ShiftedDate.prototype = RealDate.prototype;
  ShiftedDate.now = function () {
    return RealDate.now() + ms;
  };
  ShiftedDate.parse = RealDate.parse;
  ShiftedDate.UTC = RealDate.UTC;
  ShiftedDate.xcShift = ms;
  window.Date = ShiftedDate;
})();
