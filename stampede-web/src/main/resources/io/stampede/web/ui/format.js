'use strict';
// Numbers as the console and the CSV show them: no scientific notation, precision that fits.

const fmt = {
  /** A time in ms: 412, 41.2, 4.12. */
  ms(v) {
    if (v === null || v === undefined || Number.isNaN(v)) return '-';
    if (v >= 100) return v.toFixed(0);
    if (v >= 10) return v.toFixed(1);
    return v.toFixed(2);
  },
  int(v) {
    return v === null || v === undefined ? '-' : Math.round(v).toLocaleString('en-US');
  },
  rate(v) {
    return v === null || v === undefined || Number.isNaN(v) ? '-' : v.toFixed(2);
  },
  pct(ratio) {
    return ratio === null || ratio === undefined ? '-' : (ratio * 100).toFixed(2) + '%';
  },
  bytes(v) {
    return v === null || v === undefined ? '-' : v.toFixed(0);
  },
  /** An ISO instant as local time of day. */
  time(iso) {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? String(iso) : d.toLocaleTimeString();
  },
};
