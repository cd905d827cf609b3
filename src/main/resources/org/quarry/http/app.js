// Quarry's web page: search with facets, passages in context, review of suggested codes and the
// framework matrix, over the local /api/v1. Plain JS, no framework, nothing fetched from elsewhere.
'use strict';

(function () {
  const FIXED_FACETS = ['participant', 'source', 'section', 'kind', 'code'];
  const PAGE_SIZE = 10;
  const FACET_VALUES_SHOWN = 8;
  const REVIEW_PAGE = 25;
  const CSV_PAGE = 200;
  const CSV_MAX = 10000;
  // the state the URL carries; a default is left out of the URL, so a plain search URL stays short
  // and only ever names parameters the server's page route accepts
  const DEFAULTS = Object.freeze({
    q: '', filter: [], facet: [], offset: 0, limit: PAGE_SIZE, sort: 'relevance', interviewers: 'show',
    view: 'search', code: '', duplicates: false,
  });

  const $ = (id) => document.getElementById(id);
  const token = (document.querySelector('meta[name="quarry-token"]') || {}).content || '';

  let state = Object.assign({}, DEFAULTS, { filter: [], facet: [] });
  let facetDims = FIXED_FACETS.slice();
  let attributeNames = [];
  let codebook = null;
  let review = { offset: 0, data: null, selected: 0 };

  // ---------- text and HTML ----------

  function esc(value) {
    return String(value ?? '').replace(/[&<>"']/g, (c) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  }

  // the server's highlight is escaped text with <mark> around matches: only that markup passes
  function safeHighlight(html, fallbackText) {
    if (typeof html !== 'string') return esc(fallbackText);
    const parts = html.split(/(<\/?mark>)/);
    return parts.map((p) => (p === '<mark>' || p === '</mark>' ? p : esc(unescapeHtml(p)))).join('');
  }

  // a textarea's content is parsed as text: entities are decoded, no tag comes to life
  const decoder = document.createElement('textarea');
  function unescapeHtml(s) {
    decoder.innerHTML = s;
    return decoder.value;
  }

  function percent(x) {
    return Math.round(Math.max(0, Math.min(1, x)) * 100) + '%';
  }

  function enc(id) {
    return encodeURIComponent(id);
  }

  // ---------- messages and the API ----------

  function showMessage(text, kind) {
    const m = $('message');
    m.textContent = text;
    m.className = 'message' + (kind === 'info' ? ' info' : '');
    m.hidden = false;
  }

  function clearMessage() {
    $('message').hidden = true;
    $('message').textContent = '';
  }

  class ApiFailure extends Error {
    constructor(status, message, parameter) {
      super(message);
      this.status = status;
      this.parameter = parameter;
    }
  }

  async function api(path, options) {
    let response;
    try {
      response = await fetch(path, options);
    } catch (e) {
      throw new ApiFailure(0, 'the Quarry server cannot be reached (' + e.message + ')');
    }
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      if (response.ok) throw new ApiFailure(response.status, 'the server answered something not JSON');
    }
    if (!response.ok) {
      const message = body && body.error ? body.error : 'HTTP ' + response.status;
      throw new ApiFailure(response.status, message, body && body.parameter);
    }
    return body;
  }

  function post(path, body) {
    return api(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Quarry-Token': token },
      body: JSON.stringify(body),
    });
  }

  // a route the server does not have yet answers 404: the caller falls back and says nothing
  async function optional(path) {
    try {
      return await api(path);
    } catch (e) {
      if (e.status === 404) return null;
      throw e;
    }
  }

  function report(e) {
    showMessage(e instanceof ApiFailure || e instanceof Error ? e.message : String(e));
  }

  // ---------- state <-> URL ----------

  function readUrl() {
    const p = new URLSearchParams(location.search);
    const s = Object.assign({}, DEFAULTS, { filter: p.getAll('filter'), facet: p.getAll('facet') });
    if (p.has('q')) s.q = p.get('q');
    const int = (name, min) => {
      const v = parseInt(p.get(name), 10);
      return Number.isFinite(v) && v >= min ? v : DEFAULTS[name];
    };
    s.offset = int('offset', 0);
    s.limit = int('limit', 1);
    if (p.get('sort') === 'source') s.sort = 'source';
    if (p.get('interviewers') === 'hide') s.interviewers = 'hide';
    if (['search', 'review', 'matrix'].includes(p.get('view'))) s.view = p.get('view');
    if (p.has('code')) s.code = p.get('code');
    s.duplicates = p.get('duplicates') === 'true';
    return s;
  }

  function toUrl(s) {
    const p = new URLSearchParams();
    if (s.q) p.set('q', s.q);
    for (const d of s.facet) p.append('facet', d);
    for (const f of s.filter) p.append('filter', f);
    if (s.offset) p.set('offset', s.offset);
    if (s.limit !== DEFAULTS.limit) p.set('limit', s.limit);
    if (s.sort !== DEFAULTS.sort) p.set('sort', s.sort);
    if (s.interviewers !== DEFAULTS.interviewers) p.set('interviewers', s.interviewers);
    if (s.view !== DEFAULTS.view) p.set('view', s.view);
    if (s.view === 'review' && s.code) p.set('code', s.code);
    if (s.duplicates) p.set('duplicates', 'true');
    const query = p.toString();
    return location.pathname + (query ? '?' + query : '');
  }

  function commit(changes) {
    state = Object.assign({}, state, changes);
    const url = toUrl(state);
    if (url !== location.pathname + location.search) history.pushState(null, '', url);
    render();
  }

  // ---------- the views ----------

  function render() {
    for (const b of document.querySelectorAll('.views button')) {
      b.setAttribute('aria-pressed', String(b.dataset.view === state.view));
    }
    for (const v of ['search', 'review', 'matrix']) $('view-' + v).hidden = state.view !== v;
    $('q').value = state.q;
    $('sort').value = state.sort;
    $('hide-interviewers').checked = state.interviewers === 'hide';
    clearMessage();
    if (state.view === 'search') runSearch();
    else if (state.view === 'review') openReview();
    else openMatrix();
  }

  // ---------- search ----------

  function searchParams(s, limit, offset) {
    const p = new URLSearchParams({ q: s.q, limit: String(limit), offset: String(offset) });
    for (const d of dimsOf(s)) p.append('facet', d);
    for (const f of s.filter) p.append('filter', f);
    if (s.sort !== DEFAULTS.sort) p.set('sort', s.sort);
    if (s.interviewers !== DEFAULTS.interviewers) p.set('interviewers', s.interviewers);
    if (s.duplicates) p.set('duplicates', 'true');
    return p;
  }

  async function runSearch() {
    renderChips();
    if (!state.q.trim()) {
      $('hits').innerHTML = '';
      $('facets').innerHTML = '<p class="hint">Type a query to search the study.</p>';
      $('total').textContent = '';
      updatePager(0);
      $('csv').disabled = true;
      return;
    }
    const asked = state;
    let result;
    try {
      result = await api('/api/v1/search?' + searchParams(asked, asked.limit, asked.offset));
    } catch (e) {
      if (asked !== state) return;
      // results of an earlier query under this one's error would read as its answer
      $('hits').innerHTML = '';
      $('facets').innerHTML = '';
      $('total').textContent = '';
      updatePager(0);
      $('csv').disabled = true;
      report(e);
      return;
    }
    if (asked !== state) return; // a newer search has started
    renderFacets(result.facets || {});
    renderHits(result);
  }

  function renderChips() {
    $('chips').innerHTML = state.filter
      .map((f, i) => {
        const eq = f.indexOf('=');
        const label = eq > 0 ? f.slice(0, eq) + ': ' + f.slice(eq + 1) : f;
        return `<span class="chip" data-filter="${esc(f)}"><span class="label">${esc(label)}</span><button type="button"
          data-remove="${i}" aria-label="Remove filter ${esc(label)}">&times;</button></span>`;
      })
      .join('');
  }

  // the dimensions a URL names (facet=DIM, as the API takes it), else all the server offers
  function dimsOf(s) {
    return s.facet.length ? s.facet : facetDims;
  }

  function renderFacets(facets) {
    const html = dimsOf(state)
      .map((dim) => {
        const values = facets[dim] || [];
        if (!values.length) return '';
        const items = values
          .map((v, i) => {
            const f = dim + '=' + v.value;
            const on = state.filter.includes(f);
            // past the first few, a value waits behind "more" unless it is a filter in force
            const extra = i >= FACET_VALUES_SHOWN && !on ? ' class="extra" hidden' : '';
            return `<li${extra}><button type="button" class="facet-value" data-filter="${esc(f)}"
              aria-pressed="${on}"><span class="value">${esc(v.value)}</span>
              <span class="count">${esc(v.count)}</span></button></li>`;
          })
          .join('');
        const hidden = values.filter((v, i) => i >= FACET_VALUES_SHOWN && !state.filter.includes(dim + '=' + v.value)).length;
        const more = hidden
          ? `<button type="button" class="more" aria-expanded="false">${hidden} more</button>` : '';
        return `<section class="facet" data-dim="${esc(dim)}"><h3>${esc(dim)}</h3><ul>${items}</ul>${more}</section>`;
      })
      .join('');
    $('facets').innerHTML = html || '<p class="hint">No facet values for these passages.</p>';
  }

  function maxScore(result) {
    if (typeof result.max_score === 'number' && result.max_score > 0) return result.max_score;
    // an older server sends no max_score: the best score on this page stands in for it
    return Math.max(0, ...result.hits.map((h) => h.score || 0));
  }

  function renderHits(result) {
    const total = result.total || 0;
    const n = result.hits.length;
    const from = state.offset + 1;
    const to = state.offset + n;
    $('total').textContent =
      total === 0 ? 'No passages' : n === 0 ? `No passages on this page (of ${total})`
        : `${from}–${to} of ${total} passage${total === 1 ? '' : 's'}`;
    const max = maxScore(result);
    $('hits').innerHTML = result.hits.map((h) => hitHtml(h, max)).join('');
    updatePager(total);
    $('csv').disabled = total === 0;
  }

  function metaHtml(h) {
    const parts = [`<span class="kind">${esc(h.kind)}</span>`];
    if (h.participant) parts.push(`<span class="who">${esc(h.participant)}</span>`);
    if (h.speaker && h.speaker !== h.participant) parts.push(`<span class="speaker">${esc(h.speaker)}</span>`);
    const attrs = Object.entries(h.attributes || {}).filter(([, v]) => v !== null && v !== '');
    if (attrs.length) {
      parts.push(`<span class="attrs">${attrs.map(([k, v]) => esc(k) + ': ' + esc(v)).join(', ')}</span>`);
    }
    if (h.source) parts.push(`<span class="source">${esc(h.source)}</span>`);
    if (h.section) parts.push(`<span class="section">${esc(h.section)}</span>`);
    return parts.join('<span class="sep" aria-hidden="true">·</span>');
  }

  function codesHtml(codes) {
    if (!codes || !codes.length) return '';
    return `<div class="codes">${codes
      .map((c) => `<span class="code-chip" title="${esc(c.origin || '')}">${esc(c.code)}<span
        class="pct">${typeof c.score === 'number' ? percent(c.score) : ''}</span></span>`)
      .join('')}</div>`;
  }

  function hitHtml(h, max) {
    const rel = max > 0 ? (h.score || 0) / max : 0;
    return `<li class="hit" data-id="${esc(h.id)}">
      <div class="meta">${metaHtml(h)}
        <span class="relevance" title="relevance, relative to the best match"><span class="bar"><span
          style="width:${percent(rel)}"></span></span>${percent(rel)}</span></div>
      <p class="text">${safeHighlight(h.highlight, h.text)}</p>
      ${codesHtml(h.codes)}
      <div class="actions"><button type="button" class="in-context" data-id="${esc(h.id)}"
        data-source="${esc(h.source)}">Show in context</button></div>
    </li>`;
  }

  function updatePager(total) {
    $('prev').disabled = state.offset <= 0;
    $('next').disabled = state.offset + state.limit >= total;
    $('prev').parentElement.hidden = $('prev').disabled && $('next').disabled;
  }

  // ---------- CSV ----------

  function csvField(value) {
    const s = String(value ?? '');
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  function csvRow(values) {
    return values.map(csvField).join(',') + '\r\n';
  }

  async function downloadCsv() {
    if (!state.q.trim()) return;
    const asked = state;
    const rows = [csvRow(['id', 'source', 'participant', 'section', 'kind', 'score', 'codes', 'text'])];
    let offset = 0;
    let total = Infinity;
    try {
      while (offset < total && offset < CSV_MAX) {
        const p = searchParams(asked, CSV_PAGE, offset);
        p.delete('facet');
        const r = await api('/api/v1/search?' + p);
        total = r.total;
        if (!r.hits.length) break;
        for (const h of r.hits) {
          const codes = (h.codes || []).map((c) => c.code + ':' + c.score).join(';');
          rows.push(csvRow([h.id, h.source, h.participant, h.section, h.kind, h.score, codes, h.text]));
        }
        offset += r.hits.length;
      }
    } catch (e) {
      report(e);
      return;
    }
    if (total > CSV_MAX) showMessage(`The CSV holds the first ${CSV_MAX} of ${total} passages.`, 'info');
    const blob = new Blob(rows, { type: 'text/csv;charset=utf-8' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'quarry-' + asked.q.replace(/[^\w-]+/g, '_').slice(0, 40) + '.csv';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }

  // ---------- passage in context ----------

  async function showInContext(id, source, opener) {
    const dialog = $('context');
    const body = $('context-body');
    body.innerHTML = '<p class="hint">Loading…</p>';
    $('context-title').textContent = source || 'In context';
    dialog.returnFocus = opener;
    if (!dialog.open) dialog.showModal();
    try {
      let passages = null;
      if (source) {
        const whole = await optional('/api/v1/sources/' + enc(source));
        if (whole) passages = whole.passages;
      }
      if (!passages) passages = await neighbourhood(id);
      body.innerHTML = passages.map((p) => turnHtml(p, p.id === id)).join('');
      const current = body.querySelector('.turn.current');
      if (current) {
        current.scrollIntoView({ block: 'center' });
        current.focus({ preventScroll: true });
      }
    } catch (e) {
      body.innerHTML = '';
      dialog.close();
      report(e);
    }
  }

  // without the sources route: the question or narrative before, the passage and its neighbours
  async function neighbourhood(id) {
    const p = await api('/api/v1/passages/' + enc(id));
    const list = [];
    const before = p.neighbours && p.neighbours.before;
    if (p.context && (!before || before.id !== p.context.id)) list.push(p.context);
    if (before) list.push(before);
    list.push(p);
    if (p.neighbours && p.neighbours.after) list.push(p.neighbours.after);
    return list;
  }

  function turnHtml(p, current) {
    const who = p.speaker ? `<span class="speaker">${esc(p.speaker)}:</span>` : '';
    const section = p.section ? `<span class="section">${esc(p.section)}</span>` : '';
    return `<div class="turn${current ? ' current' : ''}" data-id="${esc(p.id)}" data-kind="${esc(p.kind)}"
      ${current ? 'tabindex="-1" aria-current="true"' : ''}>${section}${who}${esc(p.text)}</div>`;
  }

  function closeContext() {
    const dialog = $('context');
    if (dialog.open) dialog.close();
  }

  // ---------- review ----------

  async function loadCodebook() {
    if (codebook) return codebook;
    codebook = await optional('/api/v1/codebook');
    const select = $('review-code');
    if (codebook) {
      const byParent = new Map();
      for (const c of codebook.codes) {
        const key = c.parent || '';
        if (!byParent.has(key)) byParent.set(key, []);
        byParent.get(key).push(c);
      }
      const ids = new Set(codebook.codes.map((c) => c.id));
      const options = [];
      const walk = (parent, depth) => {
        for (const c of byParent.get(parent) || []) {
          options.push(`<option value="${esc(c.id)}">${'\u2003'.repeat(depth)}${esc(c.name || c.id)}</option>`);
          walk(c.id, depth + 1);
        }
      };
      walk('', 0);
      // a code whose parent is not in the book still gets offered
      for (const c of codebook.codes) {
        if (c.parent && !ids.has(c.parent)) options.push(`<option value="${esc(c.id)}">${esc(c.name || c.id)}</option>`);
      }
      select.innerHTML = '<option value="">choose a code…</option>' + options.join('');
    }
    return codebook;
  }

  async function loadHealth() {
    let health = null;
    try {
      health = await api('/api/v1/health');
    } catch (e) {
      // without health the learn button stays hidden; the review itself still works
    }
    $('learn').hidden = !(health && health.model === true);
  }

  async function openReview() {
    try {
      await Promise.all([loadCodebook(), loadHealth()]);
    } catch (e) {
      report(e);
      return;
    }
    if (!codebook) {
      $('review-items').innerHTML = '';
      $('review-counts').textContent = '';
      showMessage('No codebook is served: start the server with a codebook to review suggestions.', 'info');
      return;
    }
    $('review-code').value = state.code;
    if (!state.code) {
      review.data = null;
      $('review-items').innerHTML = '';
      $('review-counts').textContent = '';
      return;
    }
    await loadReview();
  }

  async function loadReview() {
    const code = state.code;
    const p = new URLSearchParams({ code, limit: String(REVIEW_PAGE), offset: String(review.offset) });
    let data;
    try {
      data = await api('/api/v1/review?' + p);
    } catch (e) {
      if (e.status === 404) {
        showMessage('This server cannot review suggestions yet (no /api/v1/review): ' + e.message, 'info');
      } else {
        report(e);
      }
      return;
    }
    if (code !== state.code) return;
    review.data = data;
    review.selected = Math.min(review.selected, Math.max(0, data.items.length - 1));
    renderReview();
    select(review.selected);
  }

  function renderReview() {
    const d = review.data;
    renderCounts();
    $('review-items').innerHTML = d.items.map((it, i) => itemHtml(it, i)).join('')
      || '<li class="hint">No suggestions for this code.</li>';
    $('review-prev').disabled = review.offset <= 0;
    $('review-next').disabled = review.offset + REVIEW_PAGE >= d.total;
    $('review-prev').parentElement.hidden = $('review-prev').disabled && $('review-next').disabled;
  }

  function renderCounts() {
    const d = review.data;
    $('review-counts').textContent =
      `${d.name || d.code}: ${d.total} suggested · ${d.accepted} accepted · ${d.rejected} rejected · ${d.pending} pending`;
  }

  function decisionLabel(decision) {
    if (decision === 'accept') return '<span class="decision accept">accepted</span>';
    if (decision === 'reject') return '<span class="decision reject">rejected</span>';
    return '<span class="decision pending">pending</span>';
  }

  function itemHtml(it, i) {
    const evidence = (it.evidence || []).length
      ? `<span class="evidence">evidence: ${it.evidence.map(esc).join(', ')}</span>` : '';
    return `<li class="hit item" tabindex="-1" data-index="${i}" data-id="${esc(it.id)}"
        data-decision="${esc(it.decision || '')}">
      <div class="meta">${decisionLabel(it.decision)}<span class="sep" aria-hidden="true">·</span>${metaHtml(it)}
        <span class="relevance" title="suggestion score"><span class="bar"><span
          style="width:${percent(it.score || 0)}"></span></span>${percent(it.score || 0)}</span></div>
      <p class="text">${safeHighlight(it.highlight, it.text)}</p>
      <div class="meta">${evidence}</div>
      <div class="actions">
        <button type="button" class="accept" data-decide="accept" aria-pressed="${it.decision === 'accept'}">Accept (a)</button>
        <button type="button" class="reject" data-decide="reject" aria-pressed="${it.decision === 'reject'}">Reject (r)</button>
        <button type="button" class="in-context" data-id="${esc(it.id)}" data-source="${esc(it.source)}">Show in context</button>
      </div>
    </li>`;
  }

  function select(i) {
    const items = $('review-items').querySelectorAll('.item');
    if (!items.length) return;
    review.selected = Math.max(0, Math.min(items.length - 1, i));
    items.forEach((el, j) => el.classList.toggle('selected', j === review.selected));
    const el = items[review.selected];
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: 'nearest' });
  }

  async function decide(index, decision) {
    const d = review.data;
    if (!d || !d.items[index]) return;
    const item = d.items[index];
    const code = d.code;
    try {
      await post('/api/v1/codings', { passage: item.id, code, decision });
    } catch (e) {
      report(e);
      return;
    }
    if (review.data !== d) return;
    const was = item.decision || null;
    if (was !== decision) {
      const bucket = (x) => (x === 'accept' ? 'accepted' : x === 'reject' ? 'rejected' : 'pending');
      d[bucket(was)] = Math.max(0, (d[bucket(was)] || 0) - 1);
      d[bucket(decision)] = (d[bucket(decision)] || 0) + 1;
      item.decision = decision;
    }
    const li = $('review-items').querySelector(`.item[data-index="${index}"]`);
    if (li) li.outerHTML = itemHtml(item, index);
    renderCounts();
    clearMessage();
    select(index + 1 < d.items.length ? index + 1 : index);
  }

  async function learn() {
    $('learn').disabled = true;
    try {
      const r = await post('/api/v1/learn', {});
      const from = r && typeof r.coded === 'number' ? ` (${r.coded} coded passages)` : '';
      showMessage('The suggester learned from your decisions' + from + '.', 'info');
      review.offset = 0;
      if (state.code) await loadReview();
    } catch (e) {
      report(e);
    } finally {
      $('learn').disabled = false;
    }
  }

  function onReviewKey(e) {
    if (state.view !== 'review' || e.ctrlKey || e.metaKey || e.altKey) return;
    if ($('context').open) return;
    const tag = (e.target.tagName || '').toLowerCase();
    if (tag === 'input' || tag === 'select' || tag === 'textarea') return;
    if (!review.data || !review.data.items.length) return;
    const key = e.key;
    if (key === 'j') select(review.selected + 1);
    else if (key === 'k') select(review.selected - 1);
    else if (key === 'a') decide(review.selected, 'accept');
    else if (key === 'r') decide(review.selected, 'reject');
    else return;
    e.preventDefault();
  }

  // ---------- matrix ----------

  function fillRowsSelect() {
    const select = $('matrix-rows');
    const current = select.value || 'participant';
    const choices = ['participant', 'source', 'speaker', ...attributeNames];
    select.innerHTML = choices.map((c) => `<option value="${esc(c)}">${esc(c)}</option>`).join('');
    select.value = choices.includes(current) ? current : 'participant';
  }

  async function openMatrix() {
    const rows = $('matrix-rows').value || 'participant';
    let m;
    try {
      m = await api('/api/v1/matrix?' + new URLSearchParams({ rows, cells: 'quotes' }));
    } catch (e) {
      report(e);
      return;
    }
    renderMatrix(m);
  }

  function renderMatrix(m) {
    const cols = m.columns || [];
    $('matrix-quotes').hidden = true;
    if (!cols.length) {
      $('matrix').innerHTML = '<caption>No codes on these passages yet: accept suggestions in Review, or import codings.</caption>';
      return;
    }
    const head = `<thead><tr><th scope="col">${esc(m.rowsBy)}</th>${cols
      .map((c) => `<th scope="col" data-code="${esc(c.id)}">${esc(c.name || c.id)}</th>`).join('')}</tr></thead>`;
    const body = (m.rows || [])
      .map((r, ri) => {
        const byCode = new Map((r.cells || []).map((c) => [c.code, c]));
        const cells = cols
          .map((c) => {
            const cell = byCode.get(c.id);
            const n = cell ? cell.count : 0;
            if (!n) return `<td class="zero" data-code="${esc(c.id)}">0</td>`;
            return `<td data-code="${esc(c.id)}"><button type="button" data-row="${ri}" data-code="${esc(c.id)}"
              aria-label="${esc(r.label)} × ${esc(c.name || c.id)}: ${n} quotes">${n}</button></td>`;
          })
          .join('');
        return `<tr><th scope="row">${esc(r.label)}</th>${cells}</tr>`;
      })
      .join('');
    $('matrix').innerHTML = head + '<tbody>' + body + '</tbody>';
    $('matrix').matrix = m;
  }

  async function openCell(rowIndex, code) {
    const m = $('matrix').matrix;
    const row = m.rows[rowIndex];
    const cell = (row.cells || []).find((c) => c.code === code);
    const col = m.columns.find((c) => c.id === code);
    const panel = $('matrix-quotes');
    panel.hidden = false;
    panel.innerHTML = `<h3>${esc(row.label)} × ${esc(col ? col.name || col.id : code)}</h3><ol class="hits"></ol>`;
    const list = panel.querySelector('ol');
    try {
      for (const q of (cell && cell.quotes) || []) {
        const p = await api('/api/v1/passages/' + enc(q.id));
        list.insertAdjacentHTML('beforeend', `<li class="hit" data-id="${esc(p.id)}">
          <div class="meta">${metaHtml(p)}${typeof q.score === 'number'
            ? `<span class="sep" aria-hidden="true">·</span><span>${percent(q.score)}</span>` : ''}</div>
          <p class="text">${esc(p.text)}</p>
          <div class="actions"><button type="button" class="in-context" data-id="${esc(p.id)}"
            data-source="${esc(p.source)}">Show in context</button></div></li>`);
      }
    } catch (e) {
      report(e);
    }
    panel.scrollIntoView({ block: 'nearest' });
  }

  // ---------- facets known to the server ----------

  async function loadFacetDimensions() {
    try {
      const f = await optional('/api/v1/facets');
      if (f) {
        attributeNames = (f.attributes || []).filter((a) => !FIXED_FACETS.includes(a));
        facetDims = FIXED_FACETS.filter((d) => !f.dimensions || f.dimensions.includes(d)).concat(attributeNames);
      }
    } catch (e) {
      report(e);
    }
    fillRowsSelect();
  }

  // ---------- wiring ----------

  function wire() {
    $('search-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const q = $('q').value.trim();
      if (!q) {
        showMessage('Type a query first, e.g. voice AND ICS.', 'info');
        return;
      }
      commit({ q, offset: 0, view: 'search' });
    });
    document.querySelector('.views').addEventListener('click', (e) => {
      const b = e.target.closest('button[data-view]');
      if (b && b.dataset.view !== state.view) commit({ view: b.dataset.view });
    });
    $('facets').addEventListener('click', (e) => {
      const more = e.target.closest('button.more');
      if (more) {
        const open = more.getAttribute('aria-expanded') !== 'true';
        more.setAttribute('aria-expanded', String(open));
        for (const li of more.parentElement.querySelectorAll('li.extra')) li.hidden = !open;
        more.textContent = open ? 'fewer' : more.parentElement.querySelectorAll('li.extra').length + ' more';
        return;
      }
      const b = e.target.closest('.facet-value');
      if (!b) return;
      const f = b.dataset.filter;
      const filter = state.filter.includes(f) ? state.filter.filter((x) => x !== f) : state.filter.concat([f]);
      commit({ filter, offset: 0 });
    });
    $('chips').addEventListener('click', (e) => {
      const b = e.target.closest('button[data-remove]');
      if (!b) return;
      const i = Number(b.dataset.remove);
      commit({ filter: state.filter.filter((_, j) => j !== i), offset: 0 });
      // keep the keyboard where it was: on the next chip, or the query box when none is left
      const next = $('chips').querySelector(`button[data-remove="${Math.min(i, state.filter.length - 1)}"]`);
      (next || $('q')).focus();
    });
    $('sort').addEventListener('change', () => commit({ sort: $('sort').value, offset: 0 }));
    $('hide-interviewers').addEventListener('change', () =>
      commit({ interviewers: $('hide-interviewers').checked ? 'hide' : 'show', offset: 0 }));
    $('prev').addEventListener('click', () => commit({ offset: Math.max(0, state.offset - state.limit) }));
    $('next').addEventListener('click', () => commit({ offset: state.offset + state.limit }));
    $('csv').addEventListener('click', downloadCsv);
    document.addEventListener('click', (e) => {
      const b = e.target.closest('button.in-context');
      if (b) showInContext(b.dataset.id, b.dataset.source, b);
    });
    $('context-close').addEventListener('click', closeContext);
    $('context').addEventListener('close', () => {
      const opener = $('context').returnFocus;
      if (opener && document.contains(opener)) opener.focus();
    });
    $('review-code').addEventListener('change', () => {
      review = { offset: 0, data: null, selected: 0 };
      commit({ code: $('review-code').value });
    });
    $('review-items').addEventListener('click', (e) => {
      const li = e.target.closest('.item');
      if (!li) return;
      const index = Number(li.dataset.index);
      const b = e.target.closest('button[data-decide]');
      if (b) decide(index, b.dataset.decide);
      else if (!e.target.closest('button')) select(index);
    });
    $('review-prev').addEventListener('click', () => {
      review.offset = Math.max(0, review.offset - REVIEW_PAGE);
      review.selected = 0;
      loadReview();
    });
    $('review-next').addEventListener('click', () => {
      review.offset += REVIEW_PAGE;
      review.selected = 0;
      loadReview();
    });
    $('learn').addEventListener('click', learn);
    document.addEventListener('keydown', onReviewKey);
    $('matrix-rows').addEventListener('change', openMatrix);
    $('matrix').addEventListener('click', (e) => {
      const b = e.target.closest('button[data-code]');
      if (b) openCell(Number(b.dataset.row), b.dataset.code);
    });
    window.addEventListener('popstate', () => {
      closeContext();
      const next = readUrl();
      if (next.code !== state.code) review = { offset: 0, data: null, selected: 0 };
      state = next;
      render();
    });
  }

  async function start() {
    // a narrow window shows the results first: the facets wait, folded, above them
    const narrow = window.matchMedia('(max-width: 760px)');
    $('facet-panel').open = !narrow.matches;
    narrow.addEventListener('change', () => { $('facet-panel').open = !narrow.matches; });
    wire();
    state = readUrl();
    fillRowsSelect();
    // the facet list decides which dimensions a search counts: learn it before the first search
    await loadFacetDimensions();
    render();
  }

  start();
})();
