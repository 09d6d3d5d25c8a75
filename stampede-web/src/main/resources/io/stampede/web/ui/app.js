'use strict';
// Wires the page together: the header's figures, the tabs, and what each live message changes.

const page = {
  table: new StatsTable(document.getElementById('stats-table')),
  charts: new Charts(document.getElementById('charts')),
  exceptionCount: -1,
  stats: null,
  state: null,
};

function text(id, value) {
  document.getElementById(id).textContent = value;
}

function say(message, isError) {
  const m = document.getElementById('message');
  m.textContent = message || '';
  m.classList.toggle('error', !!isError);
}

function showState(s) {
  if (page.state && page.state !== s.state && s.state === 'stopped') {
    say(s.stop_reason ? 'The run stopped: ' + s.stop_reason + '.' : 'The run stopped.', false);
  }
  page.state = s.state;
  const state = document.getElementById('state');
  state.textContent = s.state;
  state.className = 'state ' + s.state;
  // while users are still moving towards the target, show where they are going
  const moving = (s.state === 'spawning' || s.state === 'running') && s.target_users && s.target_users !== s.user_count;
  text('user-count', moving ? s.user_count + ' → ' + s.target_users : String(s.user_count));
  text('host', s.host || '-');
  Forms.show(s.state, s.target_users, s.host);
}

function showStats(stats) {
  page.stats = stats;
  showState(stats);
  text('total-rps', fmt.rate(stats.total_rps));
  text('fail-ratio', fmt.pct(stats.fail_ratio));
  page.table.render(stats.stats);
  renderFailures(document.getElementById('failures'), stats.errors);
  text('failures-count', stats.errors.length ? String(stats.errors.length) : '');
  renderChecks(document.getElementById('checks'), stats);
  document.getElementById('arrival-tab').hidden = !stats.arrival;
  renderArrival(document.getElementById('arrival'), stats);
  text('exceptions-count', stats.exception_count ? String(stats.exception_count) : '');
  if (stats.exception_count !== page.exceptionCount) {
    page.exceptionCount = stats.exception_count;
    loadExceptions();
  }
  if (stats.web_ui_problem) say(stats.web_ui_problem, true);
}

async function loadExceptions() {
  try {
    const res = await fetch('exceptions');
    renderExceptions(document.getElementById('exceptions'), (await res.json()).exceptions);
  } catch (err) {
    // the next change of the count tries again
  }
}

function selectTab(name) {
  document.querySelectorAll('.tabs button').forEach(b => b.classList.toggle('active', b.dataset.tab === name));
  document.querySelectorAll('main .tab').forEach(t => t.classList.toggle('active', t.id === 'tab-' + name));
  if (name === 'charts') page.charts.resize();
}

document.querySelectorAll('.tabs button').forEach(b => b.addEventListener('click', () => selectTab(b.dataset.tab)));
window.addEventListener('resize', () => page.charts.resize());
Forms.init(say);

connectLive({
  history(msg) {
    page.charts.reset(msg.points);
    showStats(msg.stats);
  },
  update(msg) {
    page.charts.append(msg.points);
    showStats(msg.stats);
  },
  state(s) {
    if (page.stats) showState(Object.assign(page.stats, s));
  },
  connection(open) {
    const c = document.getElementById('connection');
    c.textContent = open ? 'live' : 'reconnecting…';
    c.classList.toggle('down', !open);
  },
});
