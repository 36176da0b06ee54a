// The dyad dashboard: code an article, explore the store, read an event's evidence.
import {
  Chart, BarController, BarElement, LineController, LineElement, PointElement,
  CategoryScale, LinearScale, Legend, Tooltip,
} from 'chart.js';
import { geoNaturalEarth1, geoPath, geoCentroid, geoGraticule10 } from 'd3-geo';
import { feature } from 'topojson-client';
import countries110m from 'world-atlas/countries-110m.json';
import isoCountries from 'i18n-iso-countries';
import isoEn from 'i18n-iso-countries/langs/en.json';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement,
  CategoryScale, LinearScale, Legend, Tooltip);
isoCountries.registerLocale(isoEn);

const QUAD = [
  { name: 'Verbal cooperation', color: '#4e9a06' },
  { name: 'Material cooperation', color: '#8ae234' },
  { name: 'Verbal conflict', color: '#f0a30a' },
  { name: 'Material conflict', color: '#cc0000' },
];

const app = document.getElementById('app');

// ---------- helpers ----------
function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

async function api(path, options = {}) {
  const r = await fetch(path, options);
  const ct = r.headers.get('content-type') || '';
  const body = ct.includes('json') ? await r.json() : await r.text();
  if (!r.ok) {
    const msg = body && body.detail ? body.detail : `${r.status} ${r.statusText}`;
    throw new Error(msg);
  }
  return body;
}

function problemBox(err) {
  return el('div', { class: 'problem', role: 'alert' }, err.message || String(err));
}

function countryName(code) {
  if (!code) return '';
  return isoCountries.getName(code, 'en', { select: 'official' }) || code;
}

function fmt(n, digits = 1) {
  return n === null || n === undefined ? '—' : Number(n).toFixed(digits);
}

// Characters [a, b) counted in Unicode code points, as the API counts them.
function highlight(sentence, marks) {
  const chars = Array.from(sentence || '');
  const cls = new Array(chars.length).fill('');
  for (const m of marks) {
    const [a, b] = m.span || [0, 0];
    if (!(b > a)) continue;
    for (let i = Math.max(0, a); i < Math.min(b, chars.length); i++) cls[i] = cls[i] ? cls[i] + ' ' + m.cls : m.cls;
  }
  const out = el('span', { class: 'sentence' });
  let i = 0;
  while (i < chars.length) {
    let j = i;
    while (j < chars.length && cls[j] === cls[i]) j++;
    const text = chars.slice(i, j).join('');
    if (cls[i]) {
      const title = cls[i].split(' ').map((c) => ({ src: 'source', tgt: 'target', trg: 'trigger' }[c])).join(', ');
      out.append(el('mark', { class: cls[i], title }, text));
    } else out.append(text);
    i = j;
  }
  return out;
}

function legend() {
  return el('p', { class: 'legend' },
    el('mark', { class: 'src' }, 'source'), ' ', el('mark', { class: 'tgt' }, 'target'), ' ',
    el('mark', { class: 'trg' }, 'trigger'));
}

function quadBadge(q) {
  if (!q) return el('span', {}, '—');
  return el('span', { class: `quad q${q}`, title: QUAD[q - 1].name }, `${q} ${QUAD[q - 1].name}`);
}

// ---------- Code an article ----------
const SAMPLE = `Egypt and Qatar pledge closer ties after phone call

CAIRO - Egypt's foreign minister held a phone call with his Qatari counterpart on Monday to discuss the situation in Gaza, the foreign ministry in Cairo said.

The two ministers agreed to coordinate efforts to secure a ceasefire. Egypt urged Israel to allow humanitarian aid into the Gaza Strip.`;

function viewCode() {
  const text = el('textarea', { id: 'article-text', rows: 12, placeholder: 'Paste an article (several paragraphs are fine)…' });
  text.value = sessionStorage.getItem('dyad-text') || '';
  const today = new Date().toISOString().slice(0, 10);
  const date = el('input', { id: 'article-date', type: 'date', value: sessionStorage.getItem('dyad-date') || today });
  const lang = el('select', { id: 'article-lang' },
    ...['auto', 'en', 'it', 'es', 'fr', 'de'].map((l) => el('option', { value: l }, l === 'auto' ? 'detect language' : l)));
  const results = el('section', { id: 'code-results' });
  const run = async () => {
    sessionStorage.setItem('dyad-text', text.value);
    sessionStorage.setItem('dyad-date', date.value);
    results.replaceChildren(el('p', { class: 'muted' }, 'Coding…'));
    try {
      const body = JSON.stringify({ text: text.value, date: date.value || undefined, lang: lang.value });
      const r = await api('/v1/code', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      results.replaceChildren(codeResults(r));
    } catch (e) {
      results.replaceChildren(problemBox(e));
    }
  };
  app.replaceChildren(
    el('section', { class: 'card' },
      el('h2', {}, 'Code an article'),
      el('p', { class: 'muted' }, 'Nothing is stored: the article is coded and the events are shown with their evidence.'),
      text,
      el('div', { class: 'row' },
        el('label', {}, 'Date ', date), el('label', {}, 'Language ', lang),
        el('button', { id: 'code-btn', class: 'primary', onclick: run }, 'Code'),
        el('button', { onclick: () => { text.value = SAMPLE; } }, 'Example'))),
    results);
}

function codeResults(r) {
  if (r.skipped) {
    return el('div', { class: 'card' }, el('p', {}, `Skipped (${r.skipped.reason}): ${r.skipped.message}`));
  }
  const summary = el('p', { class: 'muted' },
    `${r.events.length} event(s) in ${r.sentences} sentence(s), language ${r.lang || '?'}, coded in ${fmt(r.elapsed_ms, 1)} ms.`);
  if (!r.events.length) return el('div', { class: 'card' }, summary);
  const rows = r.events.map((e, i) => {
    const loc = e.source.country || e.target.country;
    const place = e.location ? `${e.location.name || e.location.text} (${e.location.type})` : null;
    return el('tr', { class: 'event-row', 'data-index': i },
      el('td', {}, el('span', { class: 'actor', title: e.source.text }, e.source.code), el('br'), el('small', {}, e.source.text)),
      el('td', {}, el('span', { class: 'actor', title: e.target.text }, e.target.code), el('br'), el('small', {}, e.target.text)),
      el('td', {}, el('code', {}, e.cameo), el('br'), el('small', {}, e.label || '')),
      el('td', { class: 'num' }, fmt(e.goldstein)),
      el('td', {}, e.date || '—'),
      el('td', { title: place ? 'Where the sentence (or the dateline) places the event' : 'No place named: the source actor\'s country (the target\'s when the source has none)' },
        place || (loc ? `${countryName(loc)} (${loc})` : '—')),
      el('td', { class: 'evidence' },
        highlight(e.evidence.sentence, [
          { span: e.source.span, cls: 'src' }, { span: e.target.span, cls: 'tgt' }, { span: e.evidence.trigger.span, cls: 'trg' },
        ]),
        el('details', { class: 'rule' }, el('summary', {}, 'rule'), el('code', {}, e.evidence.rule))));
  });
  return el('div', { class: 'card' }, summary, legend(),
    el('table', { id: 'events-table', class: 'events' },
      el('thead', {}, el('tr', {}, ...['Source', 'Target', 'Code', 'Goldstein', 'Date', 'Location', 'Evidence'].map((h) => el('th', {}, h)))),
      el('tbody', {}, rows)));
}

// ---------- Explore ----------
const FILTERS = ['actor', 'source', 'target', 'cameo', 'from', 'to', 'lang'];
let timelineChart = null;

function filterQuery(f, keys = FILTERS) {
  const q = new URLSearchParams();
  for (const k of keys) if (f[k]) q.set(k, f[k]);
  return q;
}

function readFilters() {
  const params = new URLSearchParams(location.hash.split('?')[1] || '');
  const f = {};
  for (const k of FILTERS) f[k] = params.get(k) || '';
  return f;
}

async function viewExplore() {
  const f = readFilters();
  const inputs = {};
  const field = (k, label, type = 'text', placeholder = '') => {
    inputs[k] = el('input', { id: `f-${k}`, name: k, type, value: f[k], placeholder, list: ['actor', 'source', 'target'].includes(k) ? 'actor-list' : undefined });
    return el('label', {}, label, inputs[k]);
  };
  const actorList = el('datalist', { id: 'actor-list' });
  const apply = (ev) => {
    ev.preventDefault();
    const q = new URLSearchParams();
    for (const k of FILTERS) if (inputs[k].value.trim()) q.set(k, inputs[k].value.trim());
    location.hash = `#/explore?${q}`;
  };
  const form = el('form', { id: 'filters', class: 'card filters', onsubmit: apply },
    field('actor', 'Actor', 'text', 'EGY, ISRGOV, ~REB'), field('source', 'Dyad source', 'text', 'EGY'),
    field('target', 'Dyad target', 'text', 'ISR'), field('cameo', 'CAMEO', 'text', '04, 112'),
    field('from', 'From', 'date'), field('to', 'To', 'date'), field('lang', 'Language', 'text', 'en,it'),
    el('button', { class: 'primary', type: 'submit' }, 'Apply'),
    el('a', { href: '#/explore', class: 'button' }, 'Clear'), actorList);
  const stats = el('div', { id: 'stats', class: 'stats' });
  const timelineTitle = el('h3', {}, 'Events per week');
  const canvas = el('canvas', { id: 'timeline', height: 110 });
  const timelineNote = el('p', { class: 'muted' });
  const dyads = el('div', { id: 'top-dyads' });
  const mapBox = el('div', { id: 'map-box' });
  const events = el('div', { id: 'explore-events' });
  app.replaceChildren(form,
    stats,
    el('section', { class: 'card' }, timelineTitle, el('div', { class: 'chart' }, canvas), timelineNote),
    el('div', { class: 'grid2' },
      el('section', { class: 'card' }, el('h3', {}, 'Most active dyads'), dyads),
      el('section', { class: 'card' }, el('h3', {}, 'Where events happen'), mapBox)),
    el('section', { class: 'card' }, el('h3', {}, 'Events'), events));

  inputs.actor.addEventListener('input', async () => {
    const q = inputs.actor.value.split(',').pop().trim();
    try {
      const r = await api(`/v1/actors?${new URLSearchParams({ q, limit: 10 })}`);
      actorList.replaceChildren(...r.actors.map((a) => el('option', { value: a.code }, `${a.name} (${a.events})`)));
    } catch (e) { /* suggestions are optional */ }
  });

  const base = filterQuery(f, ['actor', 'cameo', 'from', 'to', 'lang']);
  try {
    const s = await api('/v1/stats');
    stats.replaceChildren(...[['articles', s.articles], ['events', s.events], ['mentions', s.mentions],
      ['from', s.first_date || '—'], ['to', s.last_date || '—']].map(([k, v]) => el('div', { class: 'stat' }, el('b', {}, String(v)), el('span', {}, k))));
    document.getElementById('store-badge').textContent = s.writable ? 'store: writable' : 'store: read-only';
  } catch (e) { stats.replaceChildren(problemBox(e)); }

  let top = [];
  try {
    const dq = new URLSearchParams(base); dq.set('limit', 15);
    if (f.source && f.target) dq.set('dyad', `${f.source},${f.target}`);
    top = (await api(`/v1/dyads?${dq}`)).dyads;
    dyads.replaceChildren(dyadTable(top, f));
  } catch (e) { dyads.replaceChildren(problemBox(e)); }

  // The timeline: the chosen dyad, else the most active one.
  let [a, b] = [f.source, f.target];
  if (!(a && b) && top.length) [a, b] = [top[0].source, top[0].target];
  if (a && b) {
    timelineTitle.textContent = `Events per week: ${a} → ${b}`;
    try {
      const sq = filterQuery(f, ['cameo', 'from', 'to', 'lang']); sq.set('interval', 'week');
      const series = await api(`/v1/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}/series?${sq}`);
      drawTimeline(canvas, series);
      timelineNote.textContent = 'Bars: events per week stacked by QuadClass (left axis). Line: mean Goldstein score (right axis, −10 to +10).';
    } catch (e) { timelineNote.replaceChildren(problemBox(e)); }
  } else {
    timelineNote.textContent = 'No events yet: ingest articles with POST /v1/articles or dyad ingest.';
  }

  try {
    const cq = new URLSearchParams(base);
    if (f.source && f.target) cq.set('dyad', `${f.source},${f.target}`);
    const c = await api(`/v1/countries?${cq}`);
    const places = c.places || [];
    const note = places.length
      ? ' Markers sit at the located places\' coordinates.'
      : ' No event has coordinates: markers sit at the country centroid computed from the Natural Earth shapes.';
    mapBox.replaceChildren(drawMap(c.countries, places), el('p', { class: 'muted small' }, c.placement + note));
  } catch (e) { mapBox.replaceChildren(problemBox(e)); }

  const eq = filterQuery(f); eq.set('limit', 50);
  loadEvents(events, eq);
}

function dyadTable(top, f) {
  if (!top.length) return el('p', { class: 'muted' }, 'No events match.');
  return el('table', { class: 'dyads' },
    el('thead', {}, el('tr', {}, ...['Source', 'Target', 'Events', 'Mentions', 'Mean Goldstein', ''].map((h) => el('th', {}, h)))),
    el('tbody', {}, top.map((d) => {
      const q = new URLSearchParams(filterQuery(f, ['cameo', 'from', 'to', 'lang']));
      q.set('source', d.source); q.set('target', d.target);
      return el('tr', {},
        el('td', { title: countryName(d.source) }, d.source), el('td', { title: countryName(d.target) }, d.target),
        el('td', { class: 'num' }, d.events), el('td', { class: 'num' }, d.mentions),
        el('td', { class: 'num' }, fmt(d.mean_goldstein, 2)),
        el('td', {}, el('a', { href: `#/explore?${q}` }, 'timeline')));
    })));
}

function drawTimeline(canvas, series) {
  if (timelineChart) timelineChart.destroy();
  const labels = series.points.map((p) => p.period);
  const datasets = QUAD.map((q, i) => ({
    type: 'bar', label: q.name, data: series.points.map((p) => p.by_quad_class[i]),
    backgroundColor: q.color, stack: 'events', yAxisID: 'y', order: 2,
  }));
  datasets.push({
    type: 'line', label: 'Mean Goldstein', data: series.points.map((p) => p.mean_goldstein),
    borderColor: '#204a87', backgroundColor: '#204a87', yAxisID: 'g', spanGaps: true, order: 1, pointRadius: 3,
  });
  timelineChart = new Chart(canvas, {
    data: { labels, datasets },
    options: {
      animation: false, responsive: true, maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { stacked: true, title: { display: true, text: 'week starting' } },
        y: { stacked: true, beginAtZero: true, title: { display: true, text: 'events' }, ticks: { precision: 0 } },
        g: { position: 'right', min: -10, max: 10, title: { display: true, text: 'Goldstein' }, grid: { drawOnChartArea: false } },
      },
    },
  });
  canvas.dataset.points = String(series.points.length);
  canvas.dataset.events = String(series.points.reduce((s, p) => s + p.events, 0));
}

const WORLD = feature(countries110m, countries110m.objects.countries);

function drawMap(rows, places = []) {
  const width = 640; const height = 330;
  const projection = geoNaturalEarth1().fitSize([width, height], { type: 'Sphere' });
  const path = geoPath(projection);
  const NS = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('id', 'map');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', 'World map of event locations');
  const add = (parent, tag, attrs, title) => {
    const e = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (title) { const t = document.createElementNS(NS, 'title'); t.textContent = title; e.append(t); }
    parent.append(e);
    return e;
  };
  add(svg, 'path', { d: path({ type: 'Sphere' }), class: 'sphere' });
  add(svg, 'path', { d: path(geoGraticule10()), class: 'graticule' });
  const byNumeric = new Map(WORLD.features.map((ft) => [String(ft.id), ft]));
  const counts = new Map();
  for (const r of rows) {
    const numeric = isoCountries.alpha3ToNumeric(r.country);
    if (numeric && byNumeric.has(numeric)) counts.set(numeric, r);
  }
  const land = add(svg, 'g', { class: 'land' });
  for (const ft of WORLD.features) {
    const hit = counts.get(String(ft.id));
    add(land, 'path', { d: path(ft), class: hit ? 'country active' : 'country' }, ft.properties.name);
  }
  const markers = add(svg, 'g', { class: 'markers' });
  let n = 0;
  if (places.length) {
    const pmax = Math.max(1, ...places.map((p) => p.events));
    for (const p of [...places].sort((x, y) => y.events - x.events)) {
      const xy = projection([p.lon, p.lat]);
      if (!xy || !Number.isFinite(xy[0]) || !Number.isFinite(xy[1])) continue;
      const g = p.mean_goldstein ?? 0;
      add(markers, 'circle', {
        cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: (3 + 12 * Math.sqrt(p.events / pmax)).toFixed(1),
        class: g >= 0 ? 'marker coop' : 'marker conflict', 'data-place': p.name || '', 'data-country': p.country || '',
      }, `${p.name || '?'}: ${p.events} event(s), mean Goldstein ${fmt(p.mean_goldstein, 2)}`);
      n++;
    }
    svg.dataset.markers = String(n);
    return svg;
  }
  const max = Math.max(1, ...[...counts.values()].map((r) => r.events));
  for (const [numeric, r] of [...counts].sort((x, y) => y[1].events - x[1].events)) {
    const [x, y] = projection(geoCentroid(byNumeric.get(numeric)));
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const g = r.mean_goldstein ?? 0;
    add(markers, 'circle', {
      cx: x.toFixed(1), cy: y.toFixed(1), r: (3 + 14 * Math.sqrt(r.events / max)).toFixed(1),
      class: g >= 0 ? 'marker coop' : 'marker conflict', 'data-country': r.country,
    }, `${countryName(r.country)} (${r.country}): ${r.events} event(s), mean Goldstein ${fmt(r.mean_goldstein, 2)}`);
    n++;
  }
  svg.dataset.markers = String(n);
  return svg;
}

async function loadEvents(box, q, append = false) {
  try {
    const page = await api(`/v1/events?${q}`);
    const rows = page.events.map((e) => el('tr', { class: 'link', onclick: () => { location.hash = `#/event/${e.id}`; } },
      el('td', {}, e.date || '—'), el('td', { title: e.source_name }, e.source_code), el('td', { title: e.target_name }, e.target_code),
      el('td', {}, el('code', {}, e.cameo), ' ', el('small', {}, e.label || '')), el('td', {}, quadBadge(e.quad_class)),
      el('td', { class: 'num' }, fmt(e.goldstein)), el('td', { class: 'num' }, e.num_mentions),
      el('td', {}, el('a', { href: `#/event/${e.id}` }, 'evidence'))));
    let table = box.querySelector('table');
    if (!append || !table) {
      table = el('table', { class: 'events' },
        el('thead', {}, el('tr', {}, ...['Date', 'Source', 'Target', 'Code', 'QuadClass', 'Goldstein', 'Mentions', ''].map((h) => el('th', {}, h)))),
        el('tbody'));
      box.replaceChildren(el('p', { class: 'muted' }, `${page.total} event(s) match.`), table);
    }
    table.tBodies[0].append(...rows);
    box.querySelector('.more')?.remove();
    if (page.next_cursor) {
      const next = new URLSearchParams(q); next.set('cursor', page.next_cursor);
      box.append(el('button', { class: 'more', onclick: () => loadEvents(box, next, true) }, 'More events'));
    }
  } catch (e) { box.replaceChildren(problemBox(e)); }
}

// ---------- Event detail ----------
async function viewEvent(id) {
  app.replaceChildren(el('p', { class: 'muted' }, 'Loading…'));
  try {
    const d = await api(`/v1/events/${encodeURIComponent(id)}`);
    const e = d.event;
    const facts = [
      ['Date', e.date || '—'], ['Source', `${e.source_code} — ${e.source_name}`], ['Target', `${e.target_code} — ${e.target_name}`],
      ['CAMEO', `${e.cameo} ${e.label || ''}`], ['QuadClass', d.quad_class_name || '—'], ['Goldstein', fmt(e.goldstein)],
      ['PLOVER', e.plover_type || '—'], ['Mentions', `${e.num_mentions} in ${e.num_articles} article(s) from ${e.num_sources} source(s)`],
      ['Date precision', e.date_text ? `${e.date_precision || 'day'} (from “${e.date_text}”)` : (e.date_precision || '—')],
      ['Location', e.location
        ? `${e.location.name || e.location.text}${e.location.lat != null ? ` (${fmt(e.location.lat, 4)}, ${fmt(e.location.lon, 4)})` : ''}`
        : ((e.source_country || e.target_country) ? `${countryName(e.source_country || e.target_country)} (actor's country; no place named)` : '—')],
    ];
    app.replaceChildren(
      el('section', { class: 'card' }, el('h2', {}, `Event ${e.id}`),
        el('dl', { class: 'facts' }, facts.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]))),
      el('section', { class: 'card', id: 'mentions' }, el('h3', {}, 'Evidence and mentions'), legend(),
        d.mentions.map((m, i) => el('div', { class: 'mention' },
          el('p', {}, el('b', {}, i === 0 ? 'First report' : `Mention ${i + 1}`), ' — ',
            el('a', { href: `#/article/${m.article}` }, m.title || m.article_id), ` (${m.source_name}${m.pub_date ? ', ' + m.pub_date : ''})`,
            m.via_duplicate ? ' — near-duplicate article' : ''),
          el('blockquote', {}, highlight(m.sentence, [
            { span: m.source.span, cls: 'src' }, { span: m.target.span, cls: 'tgt' }, { span: m.trigger.span, cls: 'trg' }])),
          el('details', { class: 'rule' }, el('summary', {}, 'rule'), el('code', {}, m.rule)),
          m.url ? el('p', { class: 'small' }, 'Published at ', el('span', { class: 'url' }, m.url)) : null))));
  } catch (err) { app.replaceChildren(problemBox(err)); }
}

async function viewArticle(id) {
  try {
    const a = await api(`/v1/articles/${encodeURIComponent(id)}`);
    app.replaceChildren(el('section', { class: 'card' },
      el('h2', {}, a.title || a.article_id),
      el('p', { class: 'muted' }, [a.source, a.pub_date, a.lang, a.url].filter(Boolean).join(' · ')),
      a.duplicate_of ? el('p', {}, 'Near-duplicate of ', el('a', { href: `#/article/${a.duplicate_of}` }, `article ${a.duplicate_of}`)) : null,
      el('div', { class: 'article-text' }, a.text.split(/\n\s*\n/).map((p) => el('p', {}, p)))));
  } catch (err) { app.replaceChildren(problemBox(err)); }
}

// ---------- routing ----------
function route() {
  const h = location.hash || '#/code';
  const [path] = h.slice(1).split('?');
  const parts = path.split('/').filter(Boolean);
  document.querySelectorAll('nav a[data-view]').forEach((a) => a.classList.toggle('current', a.dataset.view === parts[0]));
  if (parts[0] === 'explore') viewExplore();
  else if (parts[0] === 'event' && parts[1]) viewEvent(parts[1]);
  else if (parts[0] === 'article' && parts[1]) viewArticle(parts[1]);
  else viewCode();
}

window.addEventListener('hashchange', route);
route();
