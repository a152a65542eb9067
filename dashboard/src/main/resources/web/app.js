// The dashboard page: live state over server-sent events from this server, which aggregates the
// other services; actions go back to it with the session's CSRF token. The browser never holds
// the services' credentials. Everything shown is built with textContent (no HTML from data).
import { priceChart, equityChart } from './charts.js';

const $ = (sel, root = document) => root.querySelector(sel);
let csrf = null;

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

function toast(text, error = false) {
  const t = $('#toast');
  t.textContent = text;
  t.className = error ? 'toast error' : 'toast';
  t.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { t.hidden = true; }, 6000);
}

async function api(method, path, body) {
  const headers = { 'Accept': 'application/json' };
  if (method !== 'GET') headers['X-CSRF-Token'] = csrf;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, { method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body) });
  if (res.status === 401) { location.href = '/login'; throw new Error('not logged in'); }
  const text = await res.text();
  const json = text ? JSON.parse(text) : null;
  if (!res.ok) throw new Error((json && (json.detail || json.title)) || ('HTTP ' + res.status));
  return json;
}

function confirmAction(text) {
  const dialog = $('#confirm');
  $('#confirm-text').textContent = text;
  return new Promise(resolve => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'yes'), { once: true });
    dialog.returnValue = '';
    dialog.showModal();
  });
}

/** Runs an action (asking first when it is destructive), reports it and refreshes the live view. */
async function act(label, method, path, body, question) {
  if (question && !(await confirmAction(question))) return null;
  try {
    const answer = await api(method, path, body);
    toast('Done: ' + label);
    refreshOverview();
    return answer;
  } catch (e) {
    toast(label + ' failed: ' + e.message, true);
    return null;
  }
}

// ---- formatting ----
const num = (v, d = 2) => (v === null || v === undefined || v === '' || isNaN(Number(v))) ? (v ?? '') : Number(v).toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const pct = v => (v === null || v === undefined || v === '') ? '' : num(Number(v) * 100, 2) + '%';
const signClass = v => Number(v) > 0 ? 'pos' : Number(v) < 0 ? 'neg' : '';
function duration(s) {
  if (s === null || s === undefined) return '';
  const d = Math.floor(s / 86400), hh = Math.floor(s % 86400 / 3600), m = Math.floor(s % 3600 / 60);
  return (d ? d + 'd ' : '') + (d || hh ? hh + 'h ' : '') + m + 'm ' + (s % 60) + 's';
}
function bytes(n) {
  if (n === null || n === undefined) return '';
  const u = ['B', 'KB', 'MB', 'GB']; let i = 0; let v = n;
  while (v >= 1024 && i < u.length - 1) { v /= 1024; i++; }
  return v.toFixed(i ? 1 : 0) + ' ' + u[i];
}
const label = k => k.replace(/_/g, ' ');
const seconds = t => typeof t === 'string' ? t.replace(/(:\d\d)\.\d+/, '$1') : t;
function scalar(v) {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(x => typeof x === 'object' ? JSON.stringify(x) : x).join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  return v;
}

/** Shows why a panel has nothing (down, not available yet, refused) and returns its data when ok. */
function panel(el, p) {
  const state = p ? p.state : 'down';
  el.dataset.state = state;
  const msg = $('.panel-state', el);
  if (msg) {
    msg.dataset.state = state;
    msg.textContent = state === 'ok' ? '' :
      state === 'unavailable' ? 'Not available yet: ' + p.problem :
      state === 'down' ? 'Down: ' + (p ? p.problem : 'no answer') : p.problem;
  }
  return state === 'ok' ? p.data : null;
}

function fillDl(dl, entries) {
  dl.replaceChildren(...entries.flatMap(([k, v, cls]) => [h('dt', {}, k), h('dd', { class: cls }, v)]));
}

function genericTable(table, rows, max = 12) {
  const list = Array.isArray(rows) ? rows : [];
  const cols = [];
  for (const r of list.slice(0, 50)) for (const [k, v] of Object.entries(r)) {
    if (!cols.includes(k) && (v === null || typeof v !== 'object') && cols.length < max) cols.push(k);
  }
  $('thead', table).replaceChildren(h('tr', {}, cols.map(c => h('th', { scope: 'col' }, label(c)))));
  $('tbody', table).replaceChildren(...list.map(r => h('tr', {}, cols.map(c => h('td', {}, scalar(r[c]))))));
}

/** The first array in an answer (reports may wrap theirs in a field). */
function firstArray(data, names) {
  if (Array.isArray(data)) return data;
  if (!data || typeof data !== 'object') return [];
  for (const n of names) if (Array.isArray(data[n])) return data[n];
  for (const v of Object.values(data)) if (Array.isArray(v)) return v;
  return [];
}

// ---- system ----
const breakerText = b => (b || '').toLowerCase().replace('_', '-');
function renderSystem(sys) {
  const tbody = $('#services tbody');
  tbody.replaceChildren(...sys.services.map(s => h('tr', { 'data-service': s.name, class: s.status === 'UP' ? 'up' : 'down' },
    h('th', { scope: 'row' }, s.display_name + (s.critical ? '' : ' (optional)')),
    h('td', { class: 'num' }, s.port),
    h('td', { class: 'status status-' + s.status }, s.status === 'UP' ? 'up' : 'down'),
    h('td', {}, breakerText(s.breaker) + (s.coordination_breaker ? ' / ' + breakerText(s.coordination_breaker) : '')),
    h('td', {}, s.version || ''),
    h('td', {}, duration(s.uptime_seconds)),
    h('td', {}, s.problem || ''))));
  $('#summary').textContent = sys.up + ' of ' + sys.services.length + ' services up';
  const db = sys.database || {};
  fillDl($('#database dl'), db.problem ? [['problem', db.problem]] : [
    ['file', db.path], ['size', bytes(db.size_bytes)], ['WAL', bytes(db.wal_bytes)],
    ['schema', db.schema_version + (db.pending_migrations ? ' (' + db.pending_migrations + ' pending)' : '')]]);
  const errs = sys.errors || [];
  $('#errors ul').replaceChildren(...(errs.length ? errs.map(e => h('li', { class: 'lvl-' + e.level },
    e.time + ' ' + e.level + ' [' + e.service + '] ' + e.message)) : [h('li', {}, 'none in the recent logs')]));
}

// ---- market ----
function renderMarket(m) {
  const clock = panel($('#clock'), m.clock);
  fillDl($('#clock dl'), clock ? [
    ['market', clock.is_open ? 'open' : 'closed', clock.is_open ? 'pos' : 'neg'], ['time (New York)', seconds(clock.timestamp)],
    ['next open', seconds(clock.next_open)], ['next close', seconds(clock.next_close)], ['data source', clock.source],
    ['speed', clock.speed + '×']] : []);
  const scan = panel($('#scan'), m.scan);
  const table = $('#candidates');
  if (!scan || !scan.candidates) {
    $('#scan .meta').textContent = scan ? 'No scan stored yet.' : '';
    genericTable(table, []);
    return;
  }
  $('#scan .meta').textContent = 'Scan ' + scan.id + (scan.preset ? ' (' + scan.preset + ')' : '') + ' at market time '
    + (scan.market_time || '') + ': ' + scan.candidates.length + ' candidates';
  // The scanner's snapshot metrics a trader reads first; any others stay in the scan's JSON.
  const preferred = ['last', 'change_percent', 'gap_percent', 'change_from_open_percent', 'relative_volume',
    'volume_today', 'atr_percent'];
  const present = new Set(scan.candidates.flatMap(c => Object.keys(c.metrics || {})));
  const metricKeys = preferred.filter(k => present.has(k));
  $('thead', table).replaceChildren(h('tr', {}, h('th', {}, '#'), h('th', {}, 'symbol'), h('th', {}, 'name'),
    metricKeys.map(k => h('th', {}, label(k)))));
  $('tbody', table).replaceChildren(...scan.candidates.map(c => h('tr', {},
    h('td', {}, c.rank),
    h('td', {}, h('a', { href: '#symbol', onclick: () => showSymbol(c.symbol) }, c.symbol)),
    h('td', {}, c.name || ''),
    metricKeys.map(k => h('td', { class: 'num' }, typeof c.metrics[k] === 'number' ? num(c.metrics[k]) : scalar(c.metrics[k]))))));
}

// ---- trading ----
const CANCELABLE = ['new', 'accepted', 'pending_new', 'partially_filled', 'held', 'accepted_for_bidding', 'pending_replace'];

function renderTrading(t) {
  const account = panel($('#account'), t.account);
  fillDl($('#account dl'), account ? [['equity', num(account.equity)], ['cash', num(account.cash)],
    ['buying power', num(account.buying_power)], ['status', account.status || '']] : []);
  const risk = panel($('#risk'), t.risk);
  fillDl($('#risk dl'), risk ? Object.entries(risk).filter(([, v]) => v === null || typeof v !== 'object' || Array.isArray(v))
    .map(([k, v]) => [label(k), scalar(v), (k === 'state' || k === 'status') && String(v).toLowerCase() !== 'ok' && String(v).toLowerCase() !== 'normal' ? 'neg' : '']) : []);

  const auto = t.autotrade && t.autotrade.state === 'ok' ? t.autotrade.data : null;
  const badge = $('#autotrade-state'); const toggle = $('#autotrade-toggle');
  if (auto && typeof auto.enabled === 'boolean') {
    badge.textContent = 'auto-trading: ' + (auto.enabled ? 'on' : 'off');
    badge.className = 'badge ' + (auto.enabled ? 'on' : 'off');
    toggle.textContent = auto.enabled ? 'Turn auto-trading off' : 'Turn auto-trading on';
    toggle.dataset.enabled = auto.enabled;
  } else {
    badge.textContent = 'auto-trading: ' + (t.autotrade ? (t.autotrade.state === 'ok' ? '?' : t.autotrade.state === 'down' ? 'coordination down' : 'not available yet') : '?');
    badge.className = 'badge';
  }

  const positions = panel($('#positions'), t.positions);
  $('#positions tbody').replaceChildren(...(Array.isArray(positions) && positions.length ? positions.map(p => h('tr', { 'data-symbol': p.symbol },
    h('th', { scope: 'row' }, p.symbol), h('td', { class: 'num' }, p.qty), h('td', { class: 'num' }, num(p.avg_entry_price)),
    h('td', { class: 'num' }, num(p.current_price)), h('td', { class: 'num' }, num(p.market_value)),
    h('td', { class: 'num ' + signClass(p.unrealized_pl) }, num(p.unrealized_pl)),
    h('td', { class: 'num ' + signClass(p.unrealized_plpc) }, pct(p.unrealized_plpc)),
    h('td', {}, h('button', { type: 'button', class: 'small danger close-position', 'aria-label': 'Close position ' + p.symbol,
      onclick: () => act('close ' + p.symbol, 'DELETE', '/api/positions/' + encodeURIComponent(p.symbol), undefined,
        'Close the whole ' + p.symbol + ' position (' + p.qty + ') at market?') }, 'Close'))))
    : [h('tr', {}, h('td', { colspan: 8 }, positions ? 'No open positions.' : ''))]));

  const orders = panel($('#orders'), t.orders);
  $('#orders tbody').replaceChildren(...(Array.isArray(orders) && orders.length ? orders.map(o => h('tr', { 'data-order': o.id },
    h('td', {}, o.submitted_at || o.created_at || ''), h('th', { scope: 'row' }, o.symbol), h('td', {}, o.side), h('td', {}, o.type || o.order_type),
    h('td', { class: 'num' }, o.qty ?? o.notional), h('td', { class: 'num' }, o.filled_qty), h('td', { class: 'num' }, o.limit_price ? num(o.limit_price) : ''),
    h('td', { class: 'order-status' }, o.status),
    h('td', {}, CANCELABLE.includes(o.status) ? h('button', { type: 'button', class: 'small warn cancel-order', 'aria-label': 'Cancel order ' + o.symbol,
      onclick: () => act('cancel order', 'DELETE', '/api/orders/' + encodeURIComponent(o.id), undefined,
        'Cancel the ' + o.side + ' order for ' + (o.qty ?? '') + ' ' + o.symbol + '?') }, 'Cancel') : '')))
    : [h('tr', {}, h('td', { colspan: 9 }, orders ? 'No orders.' : ''))]));

  const cycles = panel($('#cycles'), t.cycles);
  const list = firstArray(cycles, ['cycles']);
  // The newest cycle is open, and so are those the user opened.
  $('#cycles .body').replaceChildren(...(list.length ? list.map((c, i) => renderCycle(c, i === 0 || openedCycles.has(String(c.id))))
    : [h('p', {}, cycles ? 'No cycles yet.' : '')]));
}

const openedCycles = new Set();
function renderCycle(c, open) {
  const decisions = firstArray(c.decisions, ['decisions']);
  return h('details', { class: 'cycle', 'data-cycle': c.id, open,
    ontoggle: ev => { if (ev.target.open) openedCycles.add(String(c.id)); else openedCycles.delete(String(c.id)); } },
    h('summary', {}, 'Cycle ' + c.id + ' · ' + (c.status || '') + ' · ' + (c.started_at || '') + (c.trigger ? ' · ' + c.trigger : '')
      + ' · ' + decisions.length + ' decision' + (decisions.length === 1 ? '' : 's')),
    c.error ? h('p', { class: 'neg' }, c.error) : null,
    h('ul', { class: 'lines decisions' }, decisions.map(d => h('li', { class: 'decision' },
      h('strong', {}, (d.symbol || '') + ' ' + (d.decision || '')),
      d.order_status ? ' (order ' + d.order_status.toLowerCase() + ')' : '',
      ': ', (Array.isArray(d.reasons) ? d.reasons.map(r => typeof r === 'object' ? (r.message || r.text || r.rule || JSON.stringify(r)) : r).join('; ') : (d.reason || ''))))));
}

// A part is rebuilt only when its data changed, so a button is not replaced under the user's pointer.
const rendered = {};
function changed(part, data) {
  const json = JSON.stringify(data);
  if (rendered[part] === json) return false;
  rendered[part] = json;
  return true;
}

function renderOverview(o) {
  renderSystem(o.system);
  if (changed('market', o.market)) renderMarket(o.market);
  if (changed('trading', o.trading)) renderTrading(o.trading);
}

async function refreshOverview() {
  try { renderOverview(await api('GET', '/api/overview')); } catch (e) { /* the stream will bring it */ }
}

function connect() {
  const live = $('#live');
  const source = new EventSource('/api/events');
  source.addEventListener('overview', ev => {
    live.dataset.state = 'open'; live.textContent = 'live';
    renderOverview(JSON.parse(ev.data));
  });
  source.onerror = async () => {
    live.dataset.state = 'reconnecting'; live.textContent = 'live: reconnecting';
    if (source.readyState === EventSource.CLOSED) {
      // The browser gave up (an error status, such as a session that expired): check and retry.
      try { await api('GET', '/api/session'); } catch (e) { return; }
      setTimeout(connect, 2000);
    }
  };
}

// ---- symbol ----
let chart = null;
let shownSymbol = null;
async function showSymbol(symbol, quiet = false) {
  $('#symbol-input').value = symbol;
  shownSymbol = symbol;
  const tf = $('#timeframe').value;
  const state = $('#symbol-state');
  if (!quiet) { state.dataset.state = ''; state.textContent = 'Loading ' + symbol + '…'; }
  let d;
  try { d = await api('GET', '/api/symbols/' + encodeURIComponent(symbol) + '?timeframe=' + tf); } catch (e) {
    state.dataset.state = 'error'; state.textContent = e.message; return;
  }
  // Technical answers the latest bars with their indicators; the scanner's list (oldest first) is the fallback.
  const bars = d.indicators.state === 'ok' && Array.isArray(d.indicators.data.bars) ? d.indicators.data.bars
    : d.bars.state === 'ok' ? firstArray(d.bars.data, ['bars']) : [];
  const notes = [];
  for (const k of ['bars', 'indicators', 'patterns', 'chart_patterns']) {
    const p = d[k];
    if (p && p.state !== 'ok') notes.push((p.state === 'unavailable' ? 'Not available yet: ' : p.state === 'down' ? 'Down: ' : '') + p.problem);
  }
  state.dataset.state = bars.length ? (notes.length ? 'unavailable' : '') : d.bars.state;
  state.textContent = notes.join(' · ');
  chart = priceChart($('#price-chart'), chart, symbol + ' ' + tf, bars,
    d.indicators.state === 'ok' ? d.indicators.data : null,
    d.patterns.state === 'ok' ? firstArray(d.patterns.data, ['patterns']) : [],
    d.chart_patterns.state === 'ok' ? firstArray(d.chart_patterns.data, ['patterns']) : []);

  const signal = panel($('#signal'), d.signal);
  const body = $('#signal .body');
  body.replaceChildren();
  if (signal) {
    body.append(h('p', {}, h('strong', { class: signal.action === 'BUY' ? 'pos' : signal.action === 'SELL' ? 'neg' : '' }, signal.action),
      ' score ' + num(signal.score, 3) + (signal.suggested_stop ? ' · stop ' + num(signal.suggested_stop) : '') + ' · ' + (signal.time || '')),
      h('ul', { class: 'lines' }, (signal.reasons || []).map(r => h('li', {}, typeof r === 'object'
        ? [r.rule || r.name || '', r.direction ? ' (' + r.direction + ')' : '', r.weight !== undefined ? ' weight ' + r.weight : '', r.detail || r.message ? ': ' + (r.detail || r.message) : ''].join('')
        : r))));
  }
  const patterns = panel($('#patterns'), d.patterns);
  const chartPatterns = d.chart_patterns.state === 'ok' ? firstArray(d.chart_patterns.data, ['patterns']) : [];
  const items = [];
  for (const p of firstArray(patterns, ['patterns']).slice(-15).reverse()) items.push(h('li', {}, p.time + ' ' + p.name + ' (' + p.direction + ')'));
  for (const p of chartPatterns) items.push(h('li', {}, 'chart: ' + p.type + ' ' + (p.direction || '') + ' ' + (p.start_time || '') + ' → ' + (p.end_time || '')
    + (p.confidence !== undefined ? ' confidence ' + num(p.confidence) : '')));
  if (d.chart_patterns.state !== 'ok') items.push(h('li', { class: 'meta' }, 'Chart patterns: ' + (d.chart_patterns.state === 'down' ? 'down: ' : 'not available yet: ') + d.chart_patterns.problem));
  $('#patterns ul').replaceChildren(...items);

  const news = panel($('#news'), d.news);
  const sentiment = d.sentiment.state === 'ok' ? d.sentiment.data : null;
  $('#news .sentiment').textContent = sentiment ? 'Sentiment: ' + Object.entries(sentiment)
    .filter(([k, v]) => k !== 'symbol' && v !== null && typeof v !== 'object').map(([k, v]) => label(k) + ' ' + v).join(', ') : '';
  $('#news ul').replaceChildren(...firstArray(news, ['news', 'articles', 'items']).map(n => h('li', {},
    (n.published_at || n.created_at || n.time || '') + ' ', h('strong', {}, n.headline || n.title || ''),
    n.sentiment === undefined || n.sentiment === null ? '' : ' (' + (typeof n.sentiment === 'object'
      ? (n.sentiment.label || '') + ' ' + num(n.sentiment.score, 2) : 'sentiment ' + n.sentiment) + ')', n.source ? ' · ' + n.source : '')));
}

// ---- performance and backtests ----
const charts = new Map();
function renderReport(root, reports) {
  const metrics = panel($('.metrics', root), reports.performance);
  fillDl($('.metrics dl', root), metrics ? Object.entries(metrics.overall || metrics).filter(([, v]) => v === null || typeof v !== 'object')
    .map(([k, v]) => [label(k), typeof v === 'number' ? num(v, Number.isInteger(v) ? 0 : 4) : scalar(v)]) : []);
  const equity = reports.equity && reports.equity.state === 'ok' ? firstArray(reports.equity.data, ['points', 'equity', 'curve']) : [];
  const chartEl = $('.chart', root);
  charts.set(root.id, equityChart(chartEl, charts.get(root.id), equity, reports.equity));
  const trades = panel($('.trades', root), reports.trades);
  genericTable($('.trades table', root), firstArray(trades, ['trades', 'journal']));
}

async function loadPerformance() {
  try { renderReport($('#live-report'), await api('GET', '/api/performance')); } catch (e) { toast('Performance: ' + e.message, true); }
}

async function loadBacktests() {
  const state = $('#backtests-state');
  try {
    const p = await api('GET', '/api/backtests');
    const data = panel(state.parentElement, p);
    state.dataset.state = p.state;
    const list = firstArray(data, ['backtests']);
    const table = $('#backtest-list');
    genericTable(table, list, 8);
    $('thead tr', table).append(h('th', {}, ''));
    [...$('tbody', table).children].forEach((tr, i) => tr.append(h('td', {},
      h('button', { type: 'button', class: 'small', onclick: () => showBacktest(list[i].id) }, 'Show'))));
  } catch (e) { state.textContent = e.message; }
}

async function showBacktest(id) {
  const root = $('#backtest-report');
  try {
    const d = await api('GET', '/api/backtests/' + encodeURIComponent(id));
    root.hidden = false;
    const status = d.backtest.state === 'ok' ? d.backtest.data.status : null;
    $('.title', root).textContent = 'Backtest ' + id + (status ? ' (' + status.toLowerCase() + ')' : '');
    renderReport(root, d.reports);
    // Reporting runs it in the background and reports on it only once it has finished.
    if (status === 'RUNNING') setTimeout(() => { loadBacktests(); showBacktest(id); }, 2000);
  } catch (e) { toast('Backtest ' + id + ': ' + e.message, true); }
}

// ---- logs ----
async function loadLogNames() {
  const names = (await api('GET', '/api/logs')).logs;
  $('#log-name').replaceChildren(...Object.entries(names).map(([k, f]) => h('option', { value: k }, k + ' (' + f + ')')));
}
async function loadLog() {
  const name = $('#log-name').value;
  try {
    const d = await api('GET', '/api/logs/' + encodeURIComponent(name) + '?lines=' + encodeURIComponent($('#log-lines').value));
    $('#log-text').textContent = d.exists ? d.lines.join('\n') : d.file + ' does not exist yet.';
    $('#log-text').scrollTop = $('#log-text').scrollHeight;
  } catch (e) { $('#log-text').textContent = e.message; }
}

// ---- wiring ----
async function start() {
  csrf = (await api('GET', '/api/session')).csrf_token;
  $('#logout').addEventListener('click', async () => {
    await fetch('/logout', { method: 'POST', headers: { 'X-CSRF-Token': csrf }, credentials: 'same-origin' });
    location.href = '/login';
  });
  $('#autotrade-toggle').addEventListener('click', () => {
    const enable = $('#autotrade-toggle').dataset.enabled !== 'true';
    act('auto-trading ' + (enable ? 'on' : 'off'), 'POST', '/api/autotrade', { enabled: enable },
      enable ? 'Turn auto-trading on? The system will place orders by itself.' : null);
  });
  $('#run-cycle').addEventListener('click', () => act('run a cycle', 'POST', '/api/cycles', {}));
  $('#flatten').addEventListener('click', () => act('flatten everything', 'DELETE', '/api/positions', undefined,
    'Cancel every open order and close every position at market?'));
  $('#reset-risk').addEventListener('click', () => act('reset the risk state', 'POST', '/api/risk/reset', {},
    'Reset the risk state? Trading halted by a risk limit will resume.'));
  $('#scan-form').addEventListener('submit', ev => { ev.preventDefault(); act('scan', 'POST', '/api/scan', { preset: $('#scan-preset').value }); });
  $('#symbol-form').addEventListener('submit', ev => { ev.preventDefault(); showSymbol($('#symbol-input').value.trim().toUpperCase()); });
  $('#performance-load').addEventListener('click', loadPerformance);
  $('#logs-form').addEventListener('submit', ev => { ev.preventDefault(); loadLog(); });
  $('#backtest-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    const body = { symbols: $('#bt-symbols').value.split(',').map(s => s.trim().toUpperCase()).filter(Boolean),
      start: $('#bt-start').value, end: $('#bt-end').value, timeframe: $('#bt-timeframe').value,
      starting_cash: Number($('#bt-cash').value) };
    const answer = await act('run a backtest', 'POST', '/api/backtests', body);
    if (answer) { await loadBacktests(); if (answer.id !== undefined) showBacktest(answer.id); }
  });
  const today = new Date(); const monthAgo = new Date(today.getTime() - 30 * 864e5);
  $('#bt-end').value = today.toISOString().slice(0, 10);
  $('#bt-start').value = monthAgo.toISOString().slice(0, 10);
  // The symbol view follows the market too, less often than the overview (it reads more).
  setInterval(() => {
    const symbol = $('#symbol-input').value.trim().toUpperCase();
    if (symbol && document.visibilityState === 'visible' && shownSymbol === symbol) showSymbol(symbol, true);
  }, 15000);
  window.addEventListener('resize', () => { if (chart) chart.resize(); charts.forEach(c => c && c.resize()); });

  connect();
  refreshOverview();
  loadLogNames().then(loadLog).catch(() => {});
  loadPerformance();
  loadBacktests();
  api('GET', '/api/universe').then(p => {
    const u = p.state === 'ok' ? firstArray(p.data, ['symbols', 'universe']) : [];
    $('#universe').replaceChildren(...u.map(s => h('option', { value: s.symbol || s }, s.name || '')));
    if (u.length && !$('#symbol-input').value) showSymbol(u[0].symbol || u[0]);
  }).catch(() => {});
}

start();
