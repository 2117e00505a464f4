// dyads dashboard charts. Data arrives embedded in the page as JSON
// (<script type="application/json">), so every page works offline and with no API round-trip.
/* global d3, topojson */
"use strict";

const QUADS = [
  { key: "verbal_cooperation", label: "Verbal cooperation", color: "#8fb9dd" },
  { key: "material_cooperation", label: "Material cooperation", color: "#2b7bb9" },
  { key: "verbal_conflict", label: "Verbal conflict", color: "#e7938c" },
  { key: "material_conflict", label: "Material conflict", color: "#c4362c" },
];

function readJSON(id) {
  const node = document.getElementById(id);
  if (!node) return null;
  try { return JSON.parse(node.textContent); } catch (e) { return null; }
}

function emptyNote(svg, text) {
  svg.append("text").attr("x", 12).attr("y", 24).attr("class", "muted").attr("fill", "#6b7580").text(text);
}

function frame(el, height) {
  const svg = d3.select(el);
  svg.selectAll("*").remove();
  const width = el.clientWidth || 600;
  svg.attr("viewBox", `0 0 ${width} ${height}`);
  return { svg, width, height, m: { top: 12, right: 16, bottom: 28, left: 40 } };
}

// Stacked bars: events per period by PLOVER quad class.
function renderQuadSeries(el, rows) {
  const { svg, width, height, m } = frame(el, 260);
  if (!rows || rows.length === 0) { emptyNote(svg, "No events yet."); return; }
  const keys = QUADS.map((q) => q.key);
  const stack = d3.stack().keys(keys).value((d, k) => d[k] || 0)(rows);
  const x = d3.scaleBand().domain(rows.map((r) => r.period)).range([m.left, width - m.right]).padding(0.15);
  const ymax = d3.max(stack, (s) => d3.max(s, (d) => d[1])) || 1;
  const y = d3.scaleLinear().domain([0, ymax]).nice().range([height - m.bottom, m.top]);
  svg.append("g").selectAll("g").data(stack).join("g")
    .attr("fill", (s) => QUADS.find((q) => q.key === s.key).color)
    .selectAll("rect").data((s) => s).join("rect")
    .attr("x", (d) => x(d.data.period)).attr("width", x.bandwidth())
    .attr("y", (d) => y(d[1])).attr("height", (d) => Math.max(0, y(d[0]) - y(d[1])))
    .append("title").text((d) => `${d.data.period}: ${d[1] - d[0]}`);
  const most = Math.max(2, Math.floor(width / 80)); // labels about 80 px apart
  const ticks = x.domain().filter((_, i, all) => all.length <= most || i % Math.ceil(all.length / most) === 0);
  svg.append("g").attr("transform", `translate(0,${height - m.bottom})`).call(d3.axisBottom(x).tickValues(ticks));
  svg.append("g").attr("transform", `translate(${m.left},0)`).call(d3.axisLeft(y).ticks(5));
}

// One colour per party on every page: picked from a palette of distinct colours by a hash of its
// code (FNV-1a, then mixed), so RUS is the same colour on the dyad, actor and compare charts.
const PARTY_PALETTE = [
  "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf",
  "#bcbd22", "#393b79", "#637939", "#843c39", "#7b4173", "#3182bd", "#e6550d", "#31a354",
];
function partyColor(code) {
  let hash = 0x811c9dc5;
  for (const ch of String(code)) {
    hash ^= ch.codePointAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  hash = (hash ^ (hash >>> 16)) >>> 0;
  hash = Math.imul(hash, 0x85ebca6b) >>> 0;
  hash = (hash ^ (hash >>> 13)) >>> 0;
  return PARTY_PALETTE[hash % PARTY_PALETTE.length];
}

// The party a series is coloured by: its source ("RUS→MLI" → RUS) or its own name (a partner).
function seriesParty(name) {
  return String(name).split("→")[0];
}

// A legend beside the chart, never over it: an HTML list placed after the svg.
function htmlLegend(el, names) {
  const old = el.parentNode.querySelector(`.chart-legend[data-for="${el.id}"]`);
  if (old) old.remove();
  const box = document.createElement("div");
  box.className = "legend chart-legend";
  box.dataset.for = el.id;
  for (const name of names) {
    const item = document.createElement("span");
    const swatch = document.createElement("i");
    swatch.style.background = partyColor(seriesParty(name));
    item.append(swatch, document.createTextNode(name));
    box.append(item);
  }
  el.insertAdjacentElement("afterend", box);
}

// Lines: one series per key (e.g. "RUS→MLI"), value = summed PLOVER score per period. The server
// sends every period from the first to the last (empty ones at zero), so the axis is continuous.
function renderLines(el, series, valueKey) {
  const { svg, width, height, m } = frame(el, 260);
  const names = Object.keys(series || {});
  const all = names.flatMap((n) => series[n]);
  if (all.length === 0) { emptyNote(svg, "No events for this selection."); return; }
  const periods = Array.from(new Set(all.map((d) => d.period))).sort();
  const x = d3.scalePoint().domain(periods).range([m.left, width - m.right]).padding(0.5);
  const ext = d3.extent(all, (d) => d[valueKey]);
  const y = d3.scaleLinear().domain([Math.min(0, ext[0]), Math.max(0, ext[1])]).nice().range([height - m.bottom, m.top]);
  svg.append("line").attr("x1", m.left).attr("x2", width - m.right).attr("y1", y(0)).attr("y2", y(0)).attr("stroke", "#aab");
  for (const name of names) {
    const color = partyColor(seriesParty(name));
    const pts = series[name].slice().sort((a, b) => d3.ascending(a.period, b.period));
    svg.append("path").datum(pts).attr("class", "series").attr("data-series", name).attr("fill", "none")
      .attr("stroke", color).attr("stroke-width", 2)
      .attr("d", d3.line().x((d) => x(d.period)).y((d) => y(d[valueKey])));
    svg.append("g").attr("data-series", name).selectAll("circle").data(pts).join("circle")
      .attr("cx", (d) => x(d.period)).attr("cy", (d) => y(d[valueKey])).attr("r", (d) => (d.events ? 3 : 1.5))
      .attr("fill", color).attr("data-period", (d) => d.period)
      .append("title").text((d) => `${name} ${d.period}: ${d[valueKey]} (${d.events} events)`);
  }
  const most = Math.max(2, Math.floor(width / 80)); // labels about 80 px apart
  const ticks = periods.filter((_, i) => periods.length <= most || i % Math.ceil(periods.length / most) === 0);
  svg.append("g").attr("transform", `translate(0,${height - m.bottom})`).call(d3.axisBottom(x).tickValues(ticks));
  svg.append("g").attr("transform", `translate(${m.left},0)`).call(d3.axisLeft(y).ticks(5));
  htmlLegend(el, names);
}

// World map of event locations from the vendored Natural Earth countries.
async function renderMap(el, points) {
  const { svg, width, height } = frame(el, 360);
  const projection = d3.geoNaturalEarth1().fitSize([width, height], { type: "Sphere" });
  const path = d3.geoPath(projection);
  const world = await d3.json(el.dataset.world);
  const countries = topojson.feature(world, world.objects.countries);
  svg.append("path").datum({ type: "Sphere" }).attr("d", path).attr("fill", "#eef3f7");
  svg.append("g").selectAll("path").data(countries.features).join("path")
    .attr("d", path).attr("fill", "#dfe5ea").attr("stroke", "#fff").attr("stroke-width", 0.5);
  const rows = (points || []).filter((p) => p.lat !== null && p.lon !== null);
  const r = d3.scaleSqrt().domain([1, d3.max(rows, (p) => p.events) || 1]).range([3, 14]);
  const filters = new URLSearchParams(el.dataset.filters || "");
  filters.delete("place");
  const link = (p) => {
    const params = new URLSearchParams(filters);
    params.set("place", p.name);
    return `/events?${params}`;
  };
  svg.append("g").attr("class", "points").selectAll("a").data(rows).join("a")
    .attr("href", link).attr("aria-label", (p) => `${p.name}: ${p.events} events`)
    .append("circle")
    .attr("cx", (p) => projection([p.lon, p.lat])[0]).attr("cy", (p) => projection([p.lon, p.lat])[1])
    .attr("r", (p) => r(p.events)).attr("fill", "#c4362c").attr("fill-opacity", 0.55).attr("stroke", "#7a1f18")
    .append("title").text((p) => `${p.name}: ${p.events} events`);
}

// Partners network: nodes are actors, edge colour by mean PLOVER score (blue cooperation, red conflict).
function renderNetwork(el, graph) {
  const { svg, width, height } = frame(el, 380);
  if (!graph || graph.nodes.length === 0) { emptyNote(svg, "No partners yet."); return; }
  const color = d3.scaleDiverging(d3.interpolateRdBu).domain([-10, 0, 10]);
  const nodes = graph.nodes.map((d) => ({ ...d }));
  const links = graph.links.map((d) => ({ ...d }));
  const sim = d3.forceSimulation(nodes)
    .force("link", d3.forceLink(links).id((d) => d.id).distance(90))
    .force("charge", d3.forceManyBody().strength(-220))
    .force("center", d3.forceCenter(width / 2, height / 2))
    .stop();
  for (let i = 0; i < 200; i += 1) sim.tick();
  const clampX = (v) => Math.max(20, Math.min(width - 20, v));
  const clampY = (v) => Math.max(20, Math.min(height - 20, v));
  svg.append("g").selectAll("line").data(links).join("line")
    .attr("x1", (d) => clampX(d.source.x)).attr("y1", (d) => clampY(d.source.y))
    .attr("x2", (d) => clampX(d.target.x)).attr("y2", (d) => clampY(d.target.y))
    .attr("stroke", (d) => color(d.mean_score)).attr("stroke-width", (d) => 1 + Math.sqrt(d.events))
    .append("title").text((d) => `${d.source.id}–${d.target.id}: ${d.events} events, mean ${d.mean_score}`);
  const node = svg.append("g").selectAll("g").data(nodes).join("g")
    .attr("transform", (d) => `translate(${clampX(d.x)},${clampY(d.y)})`);
  node.append("circle").attr("r", (d) => (d.focus ? 9 : 6)).attr("fill", (d) => partyColor(d.id));
  node.append("a").attr("href", (d) => `/actor/${encodeURIComponent(d.id)}`)
    .append("text").attr("x", 10).attr("y", 4).attr("font-size", 12).text((d) => d.label);
}

// Article page: clicking a highlighted event shows why it was coded.
function wireArticle() {
  const events = readJSON("events-data");
  const panel = document.getElementById("explain-body");
  if (!events || !panel) return;
  const byId = Object.fromEntries(events.map((e) => [e.id, e]));
  document.querySelectorAll("mark.event").forEach((markEl) => {
    // Enter or Space on a focused event (they are in the tab order) explains it like a click.
    markEl.addEventListener("keydown", (evt) => {
      if (evt.key === "Enter" || evt.key === " ") { evt.preventDefault(); markEl.click(); }
    });
    markEl.addEventListener("click", () => {
      const ev = byId[markEl.dataset.event];
      if (!ev) return;
      panel.replaceChildren();
      const dl = document.createElement("dl");
      dl.className = "explain";
      const rows = [
        ["Type", `${ev.type}${ev.mode ? " / " + ev.mode : ""}${ev.cameo ? " (CAMEO " + ev.cameo + ")" : ""}`],
        ["Trigger", ev.trigger_text], ["Actor", ev.actor_names], ["Recipient", ev.recipient_names || "—"],
        ["Date", ev.date || "—"], ["Place", ev.place || "—"], ["Score", String(ev.score)],
        ["Auxiliary", ev.auxiliary || "—"], ["Confidence", String(ev.confidence)], ["Why", ev.why || "—"],
        ["Sentence", ev.sentence_text],
      ];
      for (const [k, v] of rows) {
        const dt = document.createElement("dt"); dt.textContent = k;
        const dd = document.createElement("dd"); dd.textContent = v; // textContent: never parsed as HTML
        dl.append(dt, dd);
      }
      panel.append(dl);
      panel.dataset.shown = ev.id;
    });
  });
}

// Party fields suggest the parties the store knows, from /api/v1/parties when the server has it.
// Whether it does is read from the OpenAPI description first: asking a server without it would
// answer 404, and the fields simply stay plain text inputs.
let partiesEndpoint = null;
function hasPartiesEndpoint() {
  if (partiesEndpoint === null) {
    partiesEndpoint = fetch("/openapi.json")
      .then((r) => (r.ok ? r.json() : { paths: {} }))
      .then((spec) => Boolean(spec.paths && spec.paths["/api/v1/parties"]))
      .catch(() => false);
  }
  return partiesEndpoint;
}

function wirePartySuggestions() {
  const inputs = document.querySelectorAll("input[data-parties]");
  const list = document.getElementById("party-names");
  if (!inputs.length || !list) return;
  let timer = null;
  const suggest = async (text) => {
    if (text.trim().length < 2 || !(await hasPartiesEndpoint())) return;
    const response = await fetch(`/api/v1/parties?q=${encodeURIComponent(text.trim())}&limit=10`);
    if (!response.ok) return;
    const body = await response.json();
    const rows = body.items || [];
    list.replaceChildren(...rows.map((row) => {
      const option = document.createElement("option");
      option.value = row.code || row.name;
      option.label = [row.name, row.kind, row.count !== undefined ? `${row.count} events` : ""].filter(Boolean).join(" · ");
      return option;
    }));
  };
  inputs.forEach((input) => input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => suggest(input.value).catch(() => {}), 200);
  }));
}

// Controls marked data-autosubmit (the "min confidence" of the counting views) reload their view as
// soon as they change; the form's button still does it without script.
function wireAutosubmit() {
  document.querySelectorAll("[data-autosubmit]").forEach((input) => {
    input.addEventListener("change", () => {
      if (input.form && input.checkValidity()) input.form.requestSubmit();
    });
  });
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("svg[data-chart]").forEach((el) => {
    const data = readJSON(el.dataset.source);
    const kind = el.dataset.chart;
    if (kind === "quads") renderQuadSeries(el, data);
    else if (kind === "lines") renderLines(el, data, el.dataset.value || "score");
    else if (kind === "map") renderMap(el, data).catch((err) => console.warn("map:", err));
    else if (kind === "network") renderNetwork(el, data);
  });
  wireArticle();
  wirePartySuggestions();
  wireAutosubmit();
});
