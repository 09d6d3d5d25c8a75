'use strict';
// The start form, the edit form (while a run is on), stop and reset: each posts to the same REST
// endpoints a script would use, and says what the server answered.

const Forms = {
  init(onAnswer) {
    this.say = onAnswer;
    const start = document.getElementById('start-form');
    const edit = document.getElementById('edit-form');
    start.addEventListener('submit', e => { e.preventDefault(); this.swarm(start); });
    edit.addEventListener('submit', e => { e.preventDefault(); this.swarm(edit); });
    document.getElementById('stop').addEventListener('click', () => this.get('stop', 'Stopping…'));
    document.getElementById('reset').addEventListener('click', () => this.get('stats/reset', 'Statistics reset.'));
  },

  async swarm(form) {
    const body = new URLSearchParams(new FormData(form));
    try {
      const res = await fetch('swarm', { method: 'POST', body });
      const answer = await res.json();
      this.say(answer.message, !answer.success);
    } catch (err) {
      this.say('The server did not answer: ' + err, true);
    }
  },

  async get(path, done) {
    try {
      const res = await fetch(path);
      this.say(res.ok ? done : 'The server refused: ' + res.status, !res.ok);
    } catch (err) {
      this.say('The server did not answer: ' + err, true);
    }
  },

  /** Which form and buttons the run's state allows. */
  show(state, targetUsers, host) {
    const on = state === 'spawning' || state === 'running';
    const start = document.getElementById('start-form');
    const edit = document.getElementById('edit-form');
    start.hidden = on || state === 'stopping';
    edit.hidden = !on;
    document.getElementById('start-title').textContent = state === 'stopped' ? 'Start a new run' : 'Start a run';
    document.getElementById('stop').disabled = !on;
    const hostField = start.elements.host;
    if (!hostField.value && host) hostField.value = host;
    // each form starts from the users asked for last; what is typed into it then stays
    if (on !== this.wasOn && targetUsers > 0) (on ? edit : start).elements.user_count.value = targetUsers;
    if (on && !this.wasOn) edit.elements.spawn_rate.value = start.elements.spawn_rate.value;
    this.wasOn = on;
  },
};
