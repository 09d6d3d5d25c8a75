'use strict';
// The live stream (Server-Sent Events from /events): first the whole run so far ("history"), then
// an "update" per interval and a "state" when the run's state changes. EventSource reconnects by
// itself; the server then sends the whole history again, so a dropped connection loses nothing.

function connectLive(handlers) {
  const source = new EventSource('events');
  const on = (name, fn) => source.addEventListener(name, e => fn(JSON.parse(e.data)));
  on('history', handlers.history);
  on('update', handlers.update);
  on('state', handlers.state);
  source.addEventListener('open', () => handlers.connection(true));
  source.addEventListener('error', () => handlers.connection(false));
  return source;
}
