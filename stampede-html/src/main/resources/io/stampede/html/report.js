/*
 * Draws the report's charts with uPlot from the JSON block #report-data. Text from the run reaches
 * the page only through uPlot's labels, which it sets as text, never as markup.
 */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
    "#7f7f7f", "#bcbd22"];
  var charts = [];

  function fixed(digits, unit) {
    return function (u, v) { return v == null ? "-" : v.toFixed(digits) + (unit || ""); };
  }

  /** A scale from zero: a p95 that moved from 15.5 to 18 ms must not look like a cliff. */
  function fromZero(u, min, max) {
    return [0, max > 0 ? max * 1.1 : 1];
  }

  function width(el) {
    return Math.max(320, Math.floor(el.clientWidth));
  }

  function draw(id, opts, columns) {
    var el = document.getElementById(id);
    if (!el) { return; }
    opts.width = width(el);
    opts.height = opts.height || 260;
    charts.push({ el: el, plot: new uPlot(opts, columns, el) });
  }

  function line(label, color, extra) {
    var s = { label: label, stroke: color, width: 2, spanGaps: false };
    for (var k in extra) { s[k] = extra[k]; }
    return s;
  }

  function overTime() {
    var s = data.series;
    if (!s.t.length) { return; }
    var t0 = s.t0 / 1000;
    var x = s.t.map(function (v) { return t0 + v; });
    var rps = s.requests.map(function (n, i) { return n / s.dur[i]; });
    var fps = s.failures.map(function (n, i) { return n / s.dur[i]; });
    // a long run's neighbouring intervals are merged into longer points: say how long
    var typical = s.dur[Math.floor(s.dur.length / 2)];
    var each = typical >= 1.5 ? " (one point per " + Math.round(typical) + " s)" : "";
    draw("chart-rps", {
      title: "Requests and failures per second" + each,
      series: [{}, line("requests/s", COLORS[0], { value: fixed(1) }),
        line("failures/s", COLORS[1], { value: fixed(1), fill: "rgba(214,39,40,0.12)" })],
      scales: { y: { range: fromZero } },
      axes: [{}, { label: "per second" }]
    }, [x, rps, fps]);
    draw("chart-latency", {
      title: "Response time percentiles",
      series: [{}, line("p50", COLORS[2], { value: fixed(1, " ms") }), line("p95", COLORS[3], { value: fixed(1, " ms") }),
        line("p99", COLORS[4], { value: fixed(1, " ms") })],
      scales: { y: { range: fromZero } },
      axes: [{}, { label: "ms" }]
    }, [x, s.p50, s.p95, s.p99]);
    draw("chart-users", {
      title: data.arrival ? "Users in the pool" : "Users",
      height: 200,
      series: [{}, line("users", COLORS[5], { value: fixed(0), fill: "rgba(140,86,75,0.10)" })],
      scales: { y: { range: fromZero } },
      axes: [{}, { label: "users" }]
    }, [x, s.users]);
  }

  /** Percentile p on a "nines" axis: 90% at 1, 99% at 2, 99.9% at 3...; the maximum half a step past the last. */
  function nines(p, last) {
    return p >= 100 ? last + 0.5 : -Math.log10(1 - p / 100);
  }

  function distribution() {
    var d = data.distribution;
    if (!d.entries.length) { return; }
    var grid = d.percentiles;
    var last = nines(grid[grid.length - 2], 0);
    var x = grid.map(function (p) { return nines(p, last); });
    var labels = {};
    grid.forEach(function (p, i) { labels[x[i].toFixed(3)] = p >= 100 ? "max" : p + "%"; });
    var ticks = grid.filter(function (p) { return [0, 50, 90, 99, 99.9, 99.99, 99.999, 100].indexOf(p) >= 0; })
      .map(function (p) { return nines(p, last); });
    var series = [{ label: "percentile", value: function (u, v) { return v == null ? "-" : labels[v.toFixed(3)] || ""; } }];
    var columns = [x];
    d.entries.forEach(function (e, i) {
      var aggregated = i === d.entries.length - 1;
      series.push(line(e.label, aggregated ? "#111" : COLORS[i % COLORS.length],
        { value: fixed(1, " ms"), width: aggregated ? 3 : 1.5, points: { show: true, size: 4 } }));
      columns.push(e.ms);
    });
    draw("chart-distribution", {
      title: "Response time by percentile, per endpoint",
      height: 320,
      scales: { x: { time: false } },
      series: series,
      axes: [{ splits: function () { return ticks; }, values: function (u, splits) {
        return splits.map(function (v) { return labels[v.toFixed(3)] || ""; });
      } }, { label: "ms" }]
    }, columns);
  }

  function capacity() {
    var phases = data.phases;
    if (!phases.length) { return; }
    var x = phases.map(function (p, i) { return i; });
    var series = [
      { label: "users", value: function (u, v) { return v == null ? "-" : phases[v].users + " users"; } },
      line("requests/s", COLORS[0], { value: fixed(1), points: { show: true, size: 6 } }),
      line("p95", COLORS[3], { scale: "ms", value: fixed(1, " ms"), points: { show: true, size: 6 } })
    ];
    var columns = [x, phases.map(function (p) { return p.rps; }), phases.map(function (p) { return p.p95; })];
    if (data.knee >= 0) {
      // the knee as a ring on the throughput line: a series of points only, empty but at the knee
      series.push({ label: "knee", stroke: COLORS[1], fill: COLORS[1], paths: function () { return null; },
        points: { show: true, size: 16, width: 3, stroke: COLORS[1], fill: "rgba(214,39,40,0.25)" },
        value: function (u, v) { return v == null ? "-" : "here"; } });
      columns.push(phases.map(function (p, i) { return i === data.knee ? p.rps : null; }));
    }
    draw("chart-capacity", {
      title: "Throughput and p95 against users" + (data.knee >= 0 ? " (knee marked)" : ""),
      scales: { x: { time: false, range: [-0.3, phases.length - 0.7] }, y: { range: fromZero }, ms: { range: fromZero } },
      series: series,
      axes: [
        { splits: function () { return x; }, values: function (u, splits) {
          return splits.map(function (i) { return phases[i] ? phases[i].users + " users" : ""; });
        } },
        { label: "requests/s" },
        { scale: "ms", side: 1, label: "p95 ms", grid: { show: false } }
      ]
    }, columns);
  }

  overTime();
  capacity();
  distribution();

  var pending = null;
  window.addEventListener("resize", function () {
    clearTimeout(pending);
    pending = setTimeout(function () {
      charts.forEach(function (c) { c.plot.setSize({ width: width(c.el), height: c.plot.height }); });
    }, 100);
  });
})();
