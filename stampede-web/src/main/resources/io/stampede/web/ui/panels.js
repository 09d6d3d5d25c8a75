'use strict';
// The tabs beside the statistics: failures grouped by error, exceptions with their stack traces,
// thresholds and checks with pass or fail, and what an arrival-rate run did to its schedule.

function table(headings, rows) {
  return el('table', { class: 'list' },
    el('thead', {}, el('tr', {}, headings.map(h => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows));
}

function verdict(passed) {
  return el('span', { class: passed ? 'pass' : 'fail' }, passed ? 'PASS' : 'FAIL');
}

/** One group per error text, with where it happened beneath it. */
function renderFailures(container, errors) {
  if (!errors || errors.length === 0) {
    fill(container, el('p', { class: 'empty' }, 'No failures.'));
    return;
  }
  const groups = new Map();
  for (const e of errors) {
    if (!groups.has(e.error)) groups.set(e.error, []);
    groups.get(e.error).push(e);
  }
  const sorted = [...groups.entries()].map(([error, rows]) =>
    ({ error, rows, total: rows.reduce((n, r) => n + r.occurrences, 0) })).sort((a, b) => b.total - a.total);
  fill(container, sorted.map(g => el('div', { class: 'failure-group' },
    el('h3', {}, el('span', { class: 'error-text' }, g.error), el('span', { class: 'count' }, fmt.int(g.total) + '×')),
    table(['Method', 'Name', 'Occurrences', 'First seen', 'Last seen'], g.rows.map(r => el('tr', {},
      el('td', {}, r.method), el('td', {}, r.name), el('td', { class: 'num' }, fmt.int(r.occurrences)),
      el('td', {}, fmt.time(r.first_seen)), el('td', {}, fmt.time(r.last_seen))))))));
}

function renderExceptions(container, exceptions) {
  if (!exceptions || exceptions.length === 0) {
    fill(container, el('p', { class: 'empty' }, 'No exceptions in scenario code.'));
    return;
  }
  fill(container, exceptions.map(x => el('details', { class: 'exception', open: exceptions.length <= 3 },
    el('summary', {}, el('span', { class: 'count' }, fmt.int(x.count) + '×'), ' ', x.msg,
      el('span', { class: 'nodes' }, x.nodes)),
    el('pre', {}, x.traceback))));
}

function renderChecks(container, stats) {
  const parts = [el('h3', {}, 'Thresholds')];
  if (stats.thresholds === null) {
    parts.push(el('p', { class: 'empty' }, 'Thresholds are judged when the run ends.'));
  } else if (stats.thresholds.length === 0) {
    parts.push(el('p', { class: 'empty' }, 'No thresholds were set.'));
  } else {
    parts.push(table(['Threshold', 'Measured', 'Result'], stats.thresholds.map(t => el('tr', {},
      el('td', { class: 'text' }, t.threshold), el('td', { class: 'num' }, t.actual_text), el('td', {}, verdict(t.passed))))));
  }
  parts.push(el('h3', {}, 'Checks'));
  if (!stats.checks || stats.checks.length === 0) {
    parts.push(el('p', { class: 'empty' }, 'No checks ran.'));
  } else {
    parts.push(table(['Check', 'Passes', 'Fails', 'Pass rate', 'Result'], stats.checks.map(c => el('tr', {},
      el('td', { class: 'text' }, c.name), el('td', { class: 'num' }, fmt.int(c.passes)),
      el('td', { class: 'num' }, fmt.int(c.fails)), el('td', { class: 'num' }, fmt.pct(c.pass_rate)),
      el('td', {}, verdict(c.fails === 0))))));
  }
  fill(container, parts);
}

/** The intended rate beside the achieved one, dropped iterations, and latency with and without correction. */
function renderArrival(container, stats) {
  const a = stats.arrival;
  if (!a) {
    fill(container, el('p', { class: 'empty' }, 'This is not an arrival-rate run.'));
    return;
  }
  const total = stats.stats.find(r => r.name === 'Aggregated' && r.method === null) || {};
  const figure = (label, value, id) => el('div', { class: 'figure' }, el('dt', {}, label), el('dd', { id }, value));
  const raw = new Map((stats.uncorrected_stats || []).map(r => [(r.method ?? '') + ' ' + r.name, r]));
  const latency = stats.stats.map(r => {
    const u = raw.get((r.method ?? '') + ' ' + r.name) || {};
    const cell = v => el('td', { class: 'num' }, fmt.ms(v));
    return el('tr', { class: r.method === null ? 'total' : null }, el('td', {}, r.method ?? ''), el('td', {}, r.name),
      cell(r.median_response_time), cell(u.median_response_time),
      cell(r['response_time_percentile_0.95']), cell(u['response_time_percentile_0.95']),
      cell(r['response_time_percentile_0.99']), cell(u['response_time_percentile_0.99']));
  });
  fill(container,
    el('dl', { class: 'figures arrival' },
      figure('Intended rate', fmt.rate(a.intended_rps) + '/s', 'arrival-intended'),
      figure('Achieved rate', fmt.rate(total.current_rps) + '/s', 'arrival-achieved'),
      figure('Scheduled', fmt.int(a.scheduled), 'arrival-scheduled'),
      figure('Started', fmt.int(a.started), 'arrival-started'),
      figure('Dropped', fmt.int(a.dropped), 'arrival-dropped'),
      figure('Pool', fmt.int(a.users) + ' / ' + fmt.int(a.max_users) + ' users', 'arrival-pool')),
    el('h3', {}, 'Latency: corrected (from the intended start) and uncorrected (from the actual send), ms'),
    table(['Type', 'Name', 'p50', 'p50 uncorrected', 'p95', 'p95 uncorrected', 'p99', 'p99 uncorrected'], latency));
}
