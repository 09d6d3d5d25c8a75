'use strict';
// The statistics table: the stats CSV's columns (one row per request name, then Aggregated),
// sortable by clicking a heading. Aggregated stays last whatever the order.

const PERCENTILE_COLUMNS = [
  ['50%', '0.5'], ['66%', '0.66'], ['75%', '0.75'], ['80%', '0.8'], ['90%', '0.9'], ['95%', '0.95'],
  ['98%', '0.98'], ['99%', '0.99'], ['99.9%', '0.999'], ['99.99%', '0.9999'], ['100%', '1.0'],
];

const STATS_COLUMNS = [
  { label: 'Type', value: r => r.method ?? '', text: true },
  { label: 'Name', value: r => r.name, text: true },
  { label: 'Request Count', value: r => r.num_requests, show: fmt.int },
  { label: 'Failure Count', value: r => r.num_failures, show: fmt.int },
  { label: 'Median Response Time', value: r => r.median_response_time, show: fmt.ms },
  { label: 'Average Response Time', value: r => r.avg_response_time, show: fmt.ms },
  { label: 'Min Response Time', value: r => r.min_response_time, show: fmt.ms },
  { label: 'Max Response Time', value: r => r.max_response_time, show: fmt.ms },
  { label: 'Average Content Size', value: r => r.avg_content_length, show: fmt.bytes },
  { label: 'Requests/s', value: r => r.total_rps, show: fmt.rate },
  { label: 'Failures/s', value: r => r.total_fail_per_sec, show: fmt.rate },
  { label: 'Current RPS', value: r => r.current_rps, show: fmt.rate },
  { label: 'Current Failures/s', value: r => r.current_fail_per_sec, show: fmt.rate },
  ...PERCENTILE_COLUMNS.map(([label, key]) => ({
    label, value: r => r['response_time_percentile_' + key], show: fmt.ms,
  })),
];

class StatsTable {
  constructor(table) {
    this.table = table;
    this.rows = [];
    this.sortBy = null;
    this.descending = false;
    this.head = el('thead', {}, el('tr', {}, STATS_COLUMNS.map((c, i) =>
      el('th', { scope: 'col', 'data-column': i, title: 'Sort by ' + c.label, onclick: () => this.sort(i) }, c.label))));
    this.body = el('tbody');
    fill(table, this.head, this.body);
  }

  /** Clicking the same heading again reverses the order. */
  sort(column) {
    this.descending = this.sortBy === column ? !this.descending : !STATS_COLUMNS[column].text;
    this.sortBy = column;
    this.render(this.rows);
  }

  render(rows) {
    this.rows = rows || [];
    const aggregated = this.rows.filter(r => r.name === 'Aggregated' && r.method === null);
    const named = this.rows.filter(r => !aggregated.includes(r));
    if (this.sortBy !== null) {
      const col = STATS_COLUMNS[this.sortBy];
      const sign = this.descending ? -1 : 1;
      named.sort((a, b) => {
        const x = col.value(a);
        const y = col.value(b);
        return sign * (col.text ? String(x).localeCompare(String(y)) : (x ?? -1) - (y ?? -1));
      });
    }
    this.head.querySelectorAll('th').forEach((th, i) => {
      th.classList.toggle('sorted', i === this.sortBy);
      th.setAttribute('data-sort', i === this.sortBy ? (this.descending ? 'desc' : 'asc') : '');
    });
    fill(this.body, [...named, ...aggregated].map(r => el('tr',
      { class: aggregated.includes(r) ? 'total' : null, 'data-name': r.name },
      STATS_COLUMNS.map(c => el('td', { class: c.text ? 'text' : 'num' }, c.text ? c.value(r) : c.show(c.value(r)))))));
  }
}
