// The front end of the demo shop, as a person uses it: log in, look at the products, open one and its
// comments, write a comment, look at the fees. The pauses stand for a person reading (the recording's
// think times); the analytics beacon goes to another host, as real pages' do.
const PAUSE_MS = 1300;
const state = document.getElementById('state');
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

async function call(path, options) {
  const response = await fetch(path, options);
  if (!response.ok) throw new Error(path + ': ' + response.status);
  return response.json();
}

async function visit() {
  const analytics = new URLSearchParams(location.search).get('analytics');
  const tokens = await call('/api/v1/auth/token/', {
    method: 'POST',
    headers: {'Content-Type': 'application/json', 'Accept': 'application/json'},
    body: JSON.stringify({email: 'demo@example.com', password: 'demo'})
  });
  const headers = {'Authorization': 'Bearer ' + tokens.access, 'Accept': 'application/json', 'X-Client': 'shop-web'};
  if (analytics) fetch(analytics + '/collect', {method: 'POST', mode: 'no-cors', body: 'event=login'});
  state.textContent = 'logged in';

  await sleep(PAUSE_MS);
  const page = await call('/api/v1/products/?page=1', {headers});
  document.getElementById('products').innerHTML = page.results.map(p => '<li>' + p.name + '</li>').join('');

  await sleep(PAUSE_MS);
  const id = page.results[0].id;
  await Promise.all([call('/api/v1/products/' + id + '/', {headers}), call('/api/v1/products/comments/', {headers})]);

  await sleep(PAUSE_MS);
  await call('/api/v1/products/' + id + '/comments/', {
    method: 'POST',
    headers: {...headers, 'Content-Type': 'application/json'},
    body: JSON.stringify({text: 'Recorded in Chromium'})
  });

  await sleep(PAUSE_MS);
  await call('/api/v1/reports/fees?term=3', {headers});
  state.textContent = 'done';
}

visit().catch(e => { state.textContent = 'failed: ' + e.message; });
