'use strict';
// The charts over time, drawn by uPlot from the points the server keeps for the whole run:
// requests and failures per second (and the intended rate of an arrival run), response-time
// percentiles, users. A reload or a late browser gets every point from the server again.

const CHART_HEIGHT = 220;

class Charts {
  constructor(root) {
    this.root = root;
    this.data = { t: [], rps: [], fps: [], intended: [], p50: [], p95: [], p99: [], users: [] };
    const width = Math.max(300, root.clientWidth || 900);
    const make = (id, title, unit, series) => new uPlot({
      title, width, height: CHART_HEIGHT,
      scales: { x: { time: true } },
      axes: [{}, { label: unit, size: 60 }],
      series: [{}, ...series],
    }, [[], ...series.map(() => [])], document.getElementById(id));
    this.rps = make('chart-rps', 'Requests per second', 'per second', [
      { label: 'Requests/s', stroke: '#2f7d32', width: 2 },
      { label: 'Failures/s', stroke: '#c62828', width: 2 },
      { label: 'Intended/s', stroke: '#6d4c41', width: 1, dash: [6, 4] },
    ]);
    this.latency = make('chart-latency', 'Response times (ms)', 'ms', [
      { label: 'p50', stroke: '#1565c0', width: 2 },
      { label: 'p95', stroke: '#ef6c00', width: 2 },
      { label: 'p99', stroke: '#8e24aa', width: 2 },
    ]);
    this.users = make('chart-users', 'Users', 'users', [{ label: 'Users', stroke: '#37474f', width: 2 }]);
  }

  /** All points again (a new connection, a new run). */
  reset(points) {
    for (const k of Object.keys(this.data)) this.data[k] = [];
    this.append(points);
  }

  append(points) {
    for (const p of points || []) {
      this.data.t.push(p.t / 1000);
      this.data.rps.push(p.rps);
      this.data.fps.push(p.fps);
      this.data.intended.push(p.intended);
      this.data.p50.push(p.p50);
      this.data.p95.push(p.p95);
      this.data.p99.push(p.p99);
      this.data.users.push(p.users);
    }
    this.draw();
  }

  draw() {
    const d = this.data;
    this.root.setAttribute('data-points', String(d.t.length));
    // charts on a hidden tab are not drawn each second (the browser's time is the user's machine's):
    // showing the tab draws them with every point
    if (this.root.offsetParent === null) {
      this.stale = true;
      return;
    }
    this.stale = false;
    this.rps.setData([d.t, d.rps, d.fps, d.intended]);
    this.latency.setData([d.t, d.p50, d.p95, d.p99]);
    this.users.setData([d.t, d.users]);
  }

  /** Charts drawn while their tab was hidden have no width: size them when shown. */
  resize() {
    const width = Math.max(300, this.root.clientWidth);
    for (const c of [this.rps, this.latency, this.users]) c.setSize({ width, height: CHART_HEIGHT });
    if (this.stale) this.draw();
  }

  count() {
    return this.data.t.length;
  }
}
