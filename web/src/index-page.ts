import { messages } from './messages'

/**
 * The web interface: one static page (no build step) that signs in against the API and shows
 * evaluations, ranked results per group and each unit's explanation. Chinese by default, English
 * on request. All data is inserted with textContent, never as HTML.
 */
export function indexPage(): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${messages['zh-CN'].title}</title>
<style>
  :root { --ink: #1f2329; --muted: #646a73; --line: #dee0e3; --brand: #b5121b; --bg: #f5f6f7; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 14px/1.6 "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", system-ui, sans-serif; color: var(--ink); background: var(--bg); }
  header { background: var(--brand); color: #fff; padding: 12px 24px; display: flex; align-items: center; gap: 16px; }
  header h1 { font-size: 18px; margin: 0; flex: 1; }
  header button { background: transparent; color: #fff; border: 1px solid #fff8; border-radius: 4px; padding: 4px 10px; cursor: pointer; }
  main { max-width: 1200px; margin: 24px auto; padding: 0 16px; }
  section { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 16px 20px; margin-bottom: 16px; }
  h2 { font-size: 16px; margin: 0 0 12px; }
  label { display: block; margin: 8px 0 4px; color: var(--muted); }
  input { width: 100%; max-width: 360px; padding: 6px 8px; border: 1px solid var(--line); border-radius: 4px; font: inherit; }
  button.primary { margin-top: 12px; background: var(--brand); color: #fff; border: 0; border-radius: 4px; padding: 6px 18px; cursor: pointer; }
  table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
  th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: right; white-space: nowrap; }
  th:nth-child(2), td:nth-child(2), td.label { text-align: left; }
  th { background: #fafafa; font-weight: 600; }
  tr.clickable { cursor: pointer; } tr.clickable:hover { background: #fff5f5; }
  .tag { display: inline-block; font-size: 12px; padding: 0 6px; border-radius: 3px; background: #eef0f3; color: var(--muted); margin-left: 6px; }
  .flag { color: var(--brand); }
  .error { color: var(--brand); margin-top: 8px; }
  ul.list { list-style: none; padding: 0; margin: 0; } ul.list li { padding: 6px 0; border-bottom: 1px dashed var(--line); cursor: pointer; }
  [hidden] { display: none !important; }
</style>
</head>
<body>
<header><h1 id="title"></h1><span id="who"></span><button id="lang" type="button"></button><button id="signout" type="button" hidden></button></header>
<main>
  <section id="login">
    <h2 id="subtitle"></h2>
    <form id="login-form">
      <label for="email" data-t="email"></label><input id="email" type="email" autocomplete="username" required>
      <label for="password" data-t="password"></label><input id="password" type="password" autocomplete="current-password" required>
      <button class="primary" type="submit" data-t="signIn"></button>
      <div class="error" id="login-error" role="alert"></div>
    </form>
  </section>
  <section id="evaluations" hidden><h2 data-t="evaluations"></h2><ul class="list" id="evaluation-list"></ul></section>
  <section id="results" hidden><h2 id="results-title"></h2><div id="results-body"></div></section>
  <section id="explanation" hidden><h2 id="explanation-title"></h2><div id="explanation-body"></div></section>
</main>
<script>
const MESSAGES = ${JSON.stringify(messages)};
let locale = localStorage.getItem('pingce.locale') || 'zh-CN';
let token = sessionStorage.getItem('pingce.token');
const $ = (id) => document.getElementById(id);
const t = (key) => MESSAGES[locale][key];
const el = (tag, text, className) => { const node = document.createElement(tag); if (text !== undefined && text !== null) node.textContent = String(text); if (className) node.className = className; return node; };

async function api(path, init = {}) {
  const response = await fetch(path, { ...init, headers: { 'content-type': 'application/json', ...(token ? { authorization: 'Bearer ' + token } : {}), ...(init.headers || {}) } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw Object.assign(new Error(body.error ? body.error.message : response.statusText), { status: response.status });
  return body;
}

function render() {
  document.documentElement.lang = locale;
  document.title = t('title');
  $('title').textContent = t('title');
  $('subtitle').textContent = t('subtitle');
  $('lang').textContent = t('language');
  $('signout').textContent = t('signOut');
  document.querySelectorAll('[data-t]').forEach((node) => { node.textContent = t(node.dataset.t); });
  $('login').hidden = Boolean(token);
  $('signout').hidden = !token;
  $('evaluations').hidden = !token;
  if (token) loadEvaluations().catch(showError);
}

function showError(error) {
  if (error.status === 401) { token = null; sessionStorage.removeItem('pingce.token'); render(); return; }
  $('results-body').textContent = error.message;
}

async function loadEvaluations() {
  const me = await api('/me');
  $('who').textContent = (me.tenant ? me.tenant.name + ' · ' : '') + (me.user ? me.user.displayName : me.caller.email) + ' · ' + (t('roles')[me.caller.role] || me.caller.role);
  const { evaluations } = await api('/evaluations');
  const list = $('evaluation-list');
  list.replaceChildren();
  for (const evaluation of evaluations) {
    const item = el('li', evaluation.name);
    item.append(el('span', t('status')[evaluation.status], 'tag'));
    if (evaluation.isIllustrative) item.append(el('span', t('illustrative'), 'tag'));
    item.addEventListener('click', () => loadResults(evaluation).catch(showError));
    list.append(item);
  }
}

async function loadResults(evaluation) {
  $('results').hidden = false;
  $('explanation').hidden = true;
  $('results-title').textContent = evaluation.name + ' · ' + t('results');
  const body = $('results-body');
  body.replaceChildren();
  let data;
  try { data = await api('/evaluations/' + encodeURIComponent(evaluation.evaluationId) + '/results'); }
  catch (error) { if (error.status === 404 || error.status === 409) { body.textContent = t('noResults'); return; } throw error; }
  for (const group of data.groups) {
    body.append(el('h3', group.groupName));
    const table = el('table');
    const head = el('tr');
    for (const label of [t('rank'), t('unit'), ...group.indicators.map((i) => i.label + ' (' + i.max + ')'), t('total'), t('grade'), t('previousRank'), t('movement')]) head.append(el('th', label));
    table.append(head);
    for (const row of group.rows) {
      const tr = el('tr', undefined, 'clickable');
      tr.append(el('td', row.rank + (row.isTied ? ' ' + t('tie') : '')), el('td', row.unitName));
      for (const indicator of group.indicators) tr.append(el('td', row.values[indicator.id] ? row.values[indicator.id].display : ''));
      const total = el('td', row.displayTotal);
      if (row.reconciliation) { total.className = 'flag'; total.title = t('flagged') + ': ' + row.reconciliation.printed; }
      tr.append(total, el('td', row.grade || ''), el('td', row.previousRank ?? ''), el('td', row.movement ?? ''));
      tr.addEventListener('click', () => loadExplanation(evaluation, row).catch(showError));
      table.append(tr);
    }
    body.append(table);
  }
}

async function loadExplanation(evaluation, row) {
  const data = await api('/evaluations/' + encodeURIComponent(evaluation.evaluationId) + '/units/' + encodeURIComponent(row.unitId) + '/explanation');
  $('explanation').hidden = false;
  $('explanation-title').textContent = row.unitName + ' · ' + t('explanation') + ' · ' + data.displayTotal;
  const table = el('table');
  const head = el('tr');
  for (const label of [t('indicator'), t('inputs'), t('rule'), t('points')]) head.append(el('th', label));
  table.append(head);
  for (const line of data.lines) {
    const tr = el('tr');
    const label = el('td', line.label, 'label');
    label.style.paddingLeft = 8 + line.depth * 20 + 'px';
    tr.append(label, el('td', line.inputs, 'label'), el('td', t('rules')[line.rule] || line.rule), el('td', line.points));
    table.append(tr);
  }
  $('explanation-body').replaceChildren(table);
  $('explanation').scrollIntoView({ behavior: 'smooth' });
}

$('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('login-error').textContent = '';
  try {
    const issued = await api('/auth/token', { method: 'POST', body: JSON.stringify({ email: $('email').value, password: $('password').value }) });
    token = issued.accessToken;
    sessionStorage.setItem('pingce.token', token);
    render();
  } catch (error) { $('login-error').textContent = t('signInFailed') + ': ' + error.message; }
});
$('lang').addEventListener('click', () => { locale = locale === 'zh-CN' ? 'en' : 'zh-CN'; localStorage.setItem('pingce.locale', locale); render(); });
$('signout').addEventListener('click', () => { token = null; sessionStorage.removeItem('pingce.token'); $('results').hidden = true; $('explanation').hidden = true; render(); });
render();
</script>
</body>
</html>`
}
