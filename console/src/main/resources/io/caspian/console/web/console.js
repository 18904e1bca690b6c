'use strict';
// The Caspian web console: vanilla JavaScript over the JSON API (docs/api.md) and uPlot,
// both served by the switch itself. Every value from the API goes in as text, never HTML.

const state = {
  me: null,
  history: [],          // dashboard snapshots, newest last, for TPS and approval rate
  charts: {},
  timer: null,
};
const HISTORY_SECONDS = 300;
const COLORS = ['#2563eb', '#dc2626', '#059669', '#d97706', '#7c3aed', '#0891b2'];

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (v !== null && v !== undefined) e.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

async function api(path, options) {
  const r = await fetch(path, Object.assign({credentials: 'same-origin'}, options || {}));
  if (r.status === 401) {
    window.location.assign('/login');
    throw new Error('logged out');
  }
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || ('HTTP ' + r.status));
  return body;
}

function post(path, body) {
  return api(path, {method: 'POST', headers: {'Content-Type': 'application/json'},
    body: JSON.stringify(body || {})});
}

function fmtTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return d.toLocaleString(undefined, {hour12: false}) + '.' +
    String(d.getMilliseconds()).padStart(3, '0');
}

function fmtNumber(n, digits) {
  return Number(n).toLocaleString(undefined,
    {minimumFractionDigits: digits, maximumFractionDigits: digits});
}

// ---------- tabs ----------
function showTab(name) {
  document.querySelectorAll('.tab').forEach(t => { t.hidden = t.id !== 'tab-' + name; });
  document.querySelectorAll('#tabs a').forEach(a =>
    a.classList.toggle('active', a.dataset.tab === name));
  if (name === 'saf') loadSaf();
  if (name === 'settlement') loadSettlement();
  if (name === 'operations') loadAudit();
  if (name === 'dashboard') resizeCharts();
}

function currentTab() {
  const t = (window.location.hash || '#dashboard').slice(1);
  return document.getElementById('tab-' + t) ? t : 'dashboard';
}

// ---------- dashboard ----------
function rate(direction, field, seconds) {
  const h = state.history;
  if (h.length < 2) return null;
  const last = h[h.length - 1];
  let first = h[0];
  for (const s of h) {
    if (last.at - s.at <= seconds * 1000) { first = s; break; }
  }
  const a = first.byDir[direction];
  const b = last.byDir[direction];
  if (!b || last.at === first.at) return null;
  const before = a ? a[field] : 0;
  return (b[field] - before) * 1000 / (last.at - first.at);
}

function approvalRate(direction, seconds) {
  const answered = rate(direction, 'answered', seconds);
  const approved = rate(direction, 'approved', seconds);
  if (answered === null || answered === 0) return null;
  return 100 * approved / answered;
}

function renderCards(snapshot) {
  const box = document.getElementById('direction-cards');
  box.replaceChildren();
  if (snapshot.directions.length === 0) {
    box.append(el('div', {class: 'card'}, el('h3', {}, 'No traffic yet'),
      el('p', {class: 'muted'}, 'Directions appear with their first answered request.')));
  }
  for (const d of snapshot.directions) {
    const tps = rate(d.direction, 'answered', 5);
    const approval = approvalRate(d.direction, 30);
    box.append(el('div', {class: 'card', 'data-direction': d.direction},
      el('h3', {}, d.direction.replace('>', ' → ')),
      el('div', {class: 'big'},
        el('span', {class: 'tps', 'data-direction': d.direction},
          tps === null ? '–' : fmtNumber(tps, 1)), el('small', {}, ' TPS')),
      el('div', {class: 'kv'},
        el('span', {}, 'approval (30 s)'),
        el('b', {class: 'approval'}, approval === null ? '–' : fmtNumber(approval, 1) + ' %'),
        el('span', {}, 'answered'),
        el('b', {class: 'answered', 'data-direction': d.direction}, String(d.answered)),
        el('span', {}, 'p50 / p95 / p99'),
        el('b', {}, [d.p50Ms, d.p95Ms, d.p99Ms].map(v => fmtNumber(v, 1)).join(' / ') + ' ms'),
        el('span', {}, 'stand-ins / timeouts'),
        el('b', {}, d.standIns + ' / ' + d.timeouts))));
  }
}

function renderLinks(snapshot) {
  const body = document.querySelector('#links-table tbody');
  body.replaceChildren();
  const operator = state.me && state.me.role !== 'viewer';
  for (const l of snapshot.links) {
    const actions = el('td', {class: 'ops-only'});
    if (operator) {
      for (const [label, action] of [['Sign on', 'sign-on'], ['Sign off', 'sign-off'],
        ['Echo', 'echo']]) {
        actions.append(el('button', {class: 'small-button', onclick: () => linkAction(l.name,
          action, label)}, label));
      }
    }
    body.append(el('tr', {'data-link': l.name},
      el('td', {}, l.name),
      el('td', {}, el('span', {class: 'state ' + (l.signedOn ? 'up' : 'down')}, l.state)),
      el('td', {}, l.messagesIn), el('td', {}, l.messagesOut), el('td', {}, l.refusedSends),
      el('td', {}, l.disconnects), el('td', {}, fmtTime(l.lastEcho)), actions));
  }
  const s = snapshot.store;
  document.getElementById('store-line').textContent = 'Store ' + s.status + ', ' +
    s.committed + ' submissions in ' + s.commits + ' commits, queue ' + s.queueDepth +
    '; in flight ' + snapshot.inFlight;
}

async function linkAction(name, action, label) {
  if (action === 'sign-off' && !window.confirm('Sign off link ' + name +
    '? Requests to its issuers will stand in or be declined.')) return;
  try {
    const r = await post('/api/links/' + encodeURIComponent(name) + '/' + action);
    toast(label + ' ' + name + ': ' + r.result);
  } catch (e) {
    toast(label + ' ' + name + ' failed: ' + e.message);
  }
}

function toast(text) {
  const t = el('div', {class: 'toast', role: 'status'}, text);
  document.body.append(t);
  setTimeout(() => t.remove(), 4000);
}

function chartData(field) {
  const h = state.history;
  const dirs = [...new Set(h.flatMap(s => Object.keys(s.byDir)))].sort();
  const xs = [];
  const series = dirs.map(() => []);
  for (let i = 1; i < h.length; i++) {
    const a = h[i - 1];
    const b = h[i];
    xs.push(b.at / 1000);
    dirs.forEach((d, j) => {
      const x = a.byDir[d];
      const y = b.byDir[d];
      if (!y) { series[j].push(null); return; }
      const answered = y.answered - (x ? x.answered : 0);
      const dt = (b.at - a.at) / 1000;
      if (field === 'tps') series[j].push(dt > 0 ? answered / dt : null);
      else {
        const approved = y.approved - (x ? x.approved : 0);
        series[j].push(answered > 0 ? 100 * approved / answered : null);
      }
    });
  }
  return {dirs, data: [xs, ...series]};
}

function drawChart(id, field) {
  const {dirs, data} = chartData(field);
  const box = document.getElementById(id);
  const key = dirs.join(',');
  let c = state.charts[id];
  if (!c || c.key !== key) {
    if (c) c.plot.destroy();
    const opts = {
      width: Math.max(box.clientWidth, 200), height: 220,
      series: [{}].concat(dirs.map((d, i) => ({label: d.replace('>', ' → '),
        stroke: COLORS[i % COLORS.length], width: 2, spanGaps: true}))),
      scales: field === 'approval' ? {y: {range: [0, 100]}} : {},
      axes: [{}, {size: 50}],
    };
    c = state.charts[id] = {key, plot: new uPlot(opts, data, box)};
  } else {
    c.plot.setData(data);
  }
}

function resizeCharts() {
  for (const [id, c] of Object.entries(state.charts)) {
    const box = document.getElementById(id);
    c.plot.setSize({width: Math.max(box.clientWidth, 200), height: 220});
  }
}

async function pollDashboard() {
  try {
    const s = await api('/api/dashboard');
    const byDir = {};
    for (const d of s.directions) byDir[d.direction] = d;
    state.history.push({at: s.at, byDir});
    while (state.history.length > 2 &&
      s.at - state.history[0].at > HISTORY_SECONDS * 1000) state.history.shift();
    renderCards(s);
    renderLinks(s);
    fillDirections(s.directions.map(d => d.direction));
    if (currentTab() === 'dashboard' && state.history.length > 1) {
      drawChart('chart-tps', 'tps');
      drawChart('chart-approval', 'approval');
    }
  } catch (e) {
    document.getElementById('store-line').textContent = 'Dashboard not updated: ' + e.message;
  }
}

function fillDirections(dirs) {
  const select = document.getElementById('q-direction');
  const have = new Set([...select.options].map(o => o.value));
  for (const d of dirs) {
    if (!have.has(d)) select.append(el('option', {value: d}, d.replace('>', ' → ')));
  }
}

// ---------- transactions ----------
async function search(event) {
  event.preventDefault();
  const form = new FormData(event.target);
  const criteria = {};
  for (const [k, v] of form.entries()) if (String(v).trim() !== '') criteria[k] = String(v).trim();
  const status = document.getElementById('search-status');
  status.textContent = 'Searching…';
  try {
    const r = await post('/api/transactions/search', criteria);
    status.textContent = r.count + ' transaction' + (r.count === 1 ? '' : 's') +
      (r.count >= 100 ? ' (newest 100)' : '');
    const body = document.querySelector('#results tbody');
    body.replaceChildren();
    if (r.transactions.length === 0) {
      body.append(el('tr', {}, el('td', {colspan: '10', class: 'muted'},
        'No transaction matches.')));
    }
    for (const t of r.transactions) {
      body.append(el('tr', {class: 'clickable', 'data-id': t.id, onclick: () => openTrace(t.id)},
        el('td', {}, fmtTime(t.createdAt)), el('td', {}, t.direction.replace('>', ' → ')),
        el('td', {class: 'mono'}, t.card), el('td', {}, t.mti + ' ' + t.processingCode),
        el('td', {class: 'num'}, t.acquirerAmount.display),
        el('td', {class: 'num'}, t.issuerAmount ? t.issuerAmount.display : ''),
        el('td', {class: 'mono'}, t.acquirerStan), el('td', {class: 'mono'}, t.acquirerRrn || ''),
        el('td', {}, el('span', {class: 'state s-' + t.state}, t.state)),
        el('td', {class: 'mono'}, t.responseCode || '')));
    }
  } catch (e) {
    status.textContent = 'Search failed: ' + e.message;
  }
}

async function openTrace(id) {
  const box = document.getElementById('trace');
  box.hidden = false;
  box.replaceChildren(el('p', {class: 'muted'}, 'Loading trace…'));
  try {
    const tr = await api('/api/transactions/' + encodeURIComponent(id) + '/trace');
    renderTrace(box, tr);
    box.scrollIntoView({behavior: 'smooth', block: 'start'});
  } catch (e) {
    box.replaceChildren(el('p', {class: 'error'}, 'Trace failed: ' + e.message));
  }
}

function renderTrace(box, tr) {
  const t = tr.transaction;
  const summary = el('dl', {class: 'summary'});
  const rows = [['Transaction', t.id], ['Direction', t.direction.replace('>', ' → ')],
    ['Card', t.card], ['Channel', t.channel], ['MTI / processing code', t.mti + ' / ' + t.processingCode],
    ['Acquirer amount', t.acquirerAmount.display],
    ['Issuer amount', t.issuerAmount ? t.issuerAmount.display : '–'],
    ['Rate', t.conversionRate || '–'],
    ['Acquirer STAN / RRN', t.acquirerStan + ' / ' + (t.acquirerRrn || '–')],
    ['Our STAN / RRN to issuer', (t.issuerStan || '–') + ' / ' + (t.issuerRrn || '–')],
    ['Terminal / merchant / MCC', [t.terminalId, t.merchantId, t.merchantCategoryCode].join(' / ')],
    ['State', t.state], ['Response code (acquirer / issuer)',
      (t.responseCode || '–') + ' / ' + (t.issuerResponseCode || '–')],
    ['Auth code', t.authCode || '–'], ['Stood in', t.stoodIn ? 'yes' : 'no'],
    ['Business date', t.businessDate]];
  for (const [k, v] of rows) summary.append(el('dt', {}, k), el('dd', {}, v));

  const history = el('ol', {class: 'timeline'});
  for (const c of tr.history) {
    history.append(el('li', {}, el('b', {}, (c.from || '–') + ' → ' + c.to), ' ',
      el('span', {class: 'muted'}, c.cause + ' at ' + fmtTime(c.at))));
  }

  const messages = el('div', {class: 'messages'});
  if (tr.note) messages.append(el('p', {class: 'muted'}, tr.note));
  for (const m of tr.messages) {
    const fields = el('table', {class: 'fields'});
    for (const f of m.fields) {
      fields.append(el('tr', {}, el('td', {class: 'mono'}, f.field ? 'DE ' + f.field : ''),
        el('td', {}, f.name), el('td', {class: 'mono'}, f.value)));
    }
    const details = el('details', {class: 'message ' + m.direction.toLowerCase()},
      el('summary', {},
        el('span', {class: 'hop'}, m.hop), ' ',
        el('b', {class: 'mono'}, m.mti), ' ',
        el('span', {class: 'mono'}, 'stan ' + (m.stan || '–')),
        m.responseCode ? el('span', {class: 'mono'}, ' rc ' + m.responseCode) : null,
        el('span', {class: 'timing'}, '+' + fmtNumber(m.sinceStartMicros / 1000, 1) + ' ms' +
          ' (hop ' + fmtNumber(m.sincePreviousMicros / 1000, 1) + ' ms)')),
      fields);
    messages.append(details);
  }
  box.replaceChildren(
    el('div', {class: 'trace-head'}, el('h2', {}, 'Trace'),
      el('button', {class: 'link', onclick: () => { box.hidden = true; }}, 'Close')),
    summary, el('h3', {}, 'Messages (' + tr.messages.length + ')'), messages,
    el('h3', {}, 'State changes'), history);
}

// ---------- store-and-forward, settlement, operations ----------
async function loadSaf() {
  try {
    const r = await api('/api/saf');
    document.getElementById('saf-count').textContent = String(r.count);
    const body = document.querySelector('#saf-table tbody');
    body.replaceChildren();
    if (r.items.length === 0) {
      body.append(el('tr', {}, el('td', {colspan: '8', class: 'muted'},
        'Nothing owed: every reversal and advice has been acknowledged.')));
    }
    for (const s of r.items) {
      body.append(el('tr', {class: 'clickable', onclick: () => {
        window.location.hash = '#transactions'; openTrace(s.transactionId); }},
      el('td', {class: 'mono'}, s.transactionId.slice(0, 8) + '…'), el('td', {}, s.kind),
      el('td', {}, s.targetScheme), el('td', {class: 'mono'}, s.mti),
      el('td', {class: 'num'}, s.amountMinor + ' ' + s.currency + ' (minor)'),
      el('td', {class: 'num'}, s.attempts), el('td', {}, fmtTime(s.nextAttemptAt)),
      el('td', {}, s.lastError || '')));
    }
    const si = await api('/api/stand-in');
    const box = document.getElementById('standin');
    box.replaceChildren(el('p', {}, 'Stood in: ' + si.stoodIn + '; declined by stand-in rules: ' +
      si.declinedByRules + '; advices still owed: ' + si.advicesOwed));
    for (const d of si.perDirection) {
      box.append(el('p', {class: 'muted'}, d.direction + ': ' + d.stoodIn + ' of ' +
        d.answered + ' answered'));
    }
  } catch (e) {
    toast('Store-and-forward: ' + e.message);
  }
}

async function loadSettlement() {
  const datesBox = document.getElementById('dates');
  try {
    const r = await api('/api/business-dates');
    datesBox.replaceChildren();
    if (!r.available) {
      datesBox.append(el('p', {class: 'muted'}, 'Clearing is not connected to this switch:' +
        ' business dates and settlement appear here once it is.'));
    }
    for (const d of r.dates) {
      const row = el('p', {}, d.scheme + ': ' + d.current + ' (opened ' + fmtTime(d.openedAt) + ') ');
      if (state.me.role !== 'viewer') {
        row.append(el('button', {class: 'small-button', onclick: async () => {
          if (!window.confirm('Cut over ' + d.scheme + ' to the next business date?')) return;
          try { await post('/api/business-dates/' + encodeURIComponent(d.scheme) + '/cut-over');
            toast('Cut over ' + d.scheme); loadSettlement(); }
          catch (e) { toast('Cut-over failed: ' + e.message); }
        }}, 'Cut over'));
      }
      datesBox.append(row);
    }
  } catch (e) {
    datesBox.textContent = 'Business dates: ' + e.message;
  }
  await loadReport();
}

async function loadReport() {
  const box = document.getElementById('settlement');
  const date = document.getElementById('settlement-date').value;
  try {
    const r = await api('/api/settlement' + (date ? '?date=' + encodeURIComponent(date) : ''));
    box.replaceChildren(renderValue(r));
  } catch (e) {
    box.textContent = 'Settlement: ' + e.message;
  }
}

function renderValue(v) {
  if (Array.isArray(v)) {
    if (v.length && typeof v[0] === 'object') {
      const cols = Object.keys(v[0]);
      const t = el('table', {class: 'grid'}, el('thead', {}, el('tr', {},
        ...cols.map(c => el('th', {}, c)))));
      const b = el('tbody');
      for (const row of v) b.append(el('tr', {}, ...cols.map(c => el('td', {},
        typeof row[c] === 'object' && row[c] !== null ? JSON.stringify(row[c]) : row[c]))));
      t.append(b);
      return t;
    }
    return el('span', {}, v.join(', '));
  }
  if (v && typeof v === 'object') {
    const dl = el('dl', {class: 'summary'});
    for (const [k, x] of Object.entries(v)) dl.append(el('dt', {}, k), el('dd', {}, renderValue(x)));
    return dl;
  }
  return document.createTextNode(v === null ? '–' : String(v));
}

async function loadAudit() {
  if (!state.me || state.me.role !== 'admin') return;
  try {
    const entries = await api('/api/audit');
    const body = document.querySelector('#audit-table tbody');
    body.replaceChildren();
    for (const e of entries.slice().reverse().slice(0, 200)) {
      body.append(el('tr', {}, el('td', {}, fmtTime(e.at)), el('td', {}, e.operator),
        el('td', {}, e.action), el('td', {}, e.subject), el('td', {}, e.detail)));
    }
  } catch (e) {
    toast('Audit trail: ' + e.message);
  }
}

async function reload() {
  const out = document.getElementById('reload-result');
  out.textContent = 'Reloading…';
  try {
    await post('/api/reload');
    out.textContent = 'Reloaded at ' + new Date().toLocaleTimeString();
  } catch (e) {
    out.textContent = 'Not reloaded: ' + e.message;
  }
  loadAudit();
}

// ---------- start ----------
async function start() {
  state.me = await api('/api/me');
  document.getElementById('who').textContent = state.me.user + ' (' + state.me.role + ')';
  document.body.classList.add('role-' + state.me.role);
  document.getElementById('logout').addEventListener('click', async () => {
    await post('/api/logout');
    window.location.assign('/login');
  });
  document.getElementById('search-form').addEventListener('submit', search);
  document.getElementById('settlement-load').addEventListener('click', loadReport);
  document.getElementById('reload').addEventListener('click', reload);
  window.addEventListener('hashchange', () => showTab(currentTab()));
  window.addEventListener('resize', resizeCharts);
  showTab(currentTab());
  await pollDashboard();
  state.timer = setInterval(pollDashboard, 1000);
  setInterval(() => { if (currentTab() === 'saf') loadSaf(); }, 5000);
}

start().catch(e => {
  document.body.prepend(el('p', {class: 'error'}, 'Console failed to start: ' + e.message));
});
