// The story page: filters kept in the URL, a binned timeline, the actor
// network, a paged event table with evidence, an outlet comparison, quotes.
// Every count in the header comes from the same answer as the table.
"use strict";

const PAGE_ROWS = 25;
const TOP_OUTLETS = 8;
const MAX_NODES = 30;
const MAX_EDGES = 60;
const FILTERS = ["actor", "recipient", "party", "type", "modality", "outlet", "since", "until"];
const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const MODALITY_NAMES = ["asserted", "negated", "hypothetical", "conditional", "questioned"];

const state = {
  id: null,
  story: null, // /api/stories/{id}
  names: new Map(), // code -> name
  answer: null, // /api/stories/{id}/events
  selected: null,
};

// ---------------------------------------------------------------- URL state

/** The page's state as the URL holds it: filters, bar unit, table page, selected event. */
function readUrl() {
  const params = new URLSearchParams(location.search);
  const f = {};
  for (const key of FILTERS) {
    const v = (params.get(key) || "").trim();
    if (v) f[key] = v;
  }
  return {
    filter: f,
    bin: params.get("bin") || "auto",
    page: Math.max(1, parseInt(params.get("page") || "1", 10) || 1),
    event: params.get("event") ? Number(params.get("event")) : null,
  };
}

function urlOf(view) {
  const params = new URLSearchParams();
  for (const key of FILTERS) if (view.filter[key]) params.set(key, view.filter[key]);
  if (view.bin && view.bin !== "auto") params.set("bin", view.bin);
  if (view.page > 1) params.set("page", String(view.page));
  if (view.event) params.set("event", String(view.event));
  const q = params.toString();
  return location.pathname + (q ? "?" + q : "");
}

/** Changes the view: a new history entry (so back returns here), then renders. */
function go(change) {
  const view = readUrl();
  change(view);
  history.pushState(null, "", urlOf(view));
  return render();
}

/** Sets one filter (or clears it with ""), back to the table's first page. */
function setFilter(key, value) {
  return go((view) => {
    if (value) view.filter[key] = value; else delete view.filter[key];
    view.page = 1;
  });
}

// ---------------------------------------------------------------- filters form

function option(value, label) { return h("option", { value }, label); }

function fillFilters() {
  const actors = (state.story.actors || []).slice();
  const byActivity = (role) => actors.filter((a) => a[role] > 0)
    .sort((a, b) => b[role] - a[role] || (a.code < b.code ? -1 : 1))
    .map((a) => option(a.code, actorLabel(a.code, a.name) + " · " + a[role]));
  fill(document.getElementById("f-actor"), option("", "any"), byActivity("as_actor"));
  fill(document.getElementById("f-recipient"), option("", "any"), byActivity("as_recipient"));
  fill(document.getElementById("f-type"), option("", "any"), TYPES.map((t) => option(t, typeName(t))));
  fill(document.getElementById("f-modality"), option("", "any"), MODALITY_NAMES.map((m) => option(m, m)));
  const outlets = (state.story.outlets || []).slice().sort((a, b) => (a.source < b.source ? -1 : 1));
  fill(document.getElementById("f-outlet"), option("", "any"),
    outlets.map((o) => option(o.source, (o.source === "?" ? "unnamed outlet" : o.source) + " · " + o.documents.length)));
  const form = document.getElementById("filters");
  form.addEventListener("change", (e) => {
    if (e.target && e.target.name) setFilter(e.target.name, e.target.value);
  });
  form.addEventListener("submit", (e) => e.preventDefault());
  document.getElementById("f-clear").addEventListener("click", () => go((view) => { view.filter = {}; view.page = 1; view.event = null; }));
}

/** Puts the URL's filters into the form, and says in words what is shown. */
function showFilters(view) {
  const f = view.filter;
  for (const key of ["actor", "recipient", "type", "modality", "outlet", "since", "until"]) {
    const input = document.getElementById("f-" + key);
    if (!input) continue;
    // A value the list lacks (a root code typed in the URL) still shows.
    if (input.tagName === "SELECT" && f[key] && ![...input.options].some((o) => o.value === f[key])) {
      input.appendChild(option(f[key], f[key]));
    }
    input.value = f[key] || "";
  }
  const parts = [];
  const name = (code) => actorLabel(code, state.names.get(code));
  if (f.party) parts.push("involving " + name(f.party));
  if (f.actor) parts.push("by " + name(f.actor));
  if (f.recipient) parts.push("towards " + name(f.recipient));
  if (f.type) parts.push("of type " + typeName(f.type));
  if (f.modality) parts.push(f.modality);
  if (f.outlet) parts.push("reported by " + (f.outlet === "?" ? "an unnamed outlet" : f.outlet));
  if (f.since || f.until) parts.push("from " + (f.since || "the start") + " to " + (f.until || "the end"));
  const line = document.getElementById("filter-line");
  fill(line);
  if (parts.length) {
    line.append("Events " + parts.join(", ") + ". ");
    if (f.party) line.append(h("button", { type: "button", onclick: () => setFilter("party", "") }, "Any actor"), " ");
  } else {
    line.append("All events of the story, every modality.");
  }
}

// ---------------------------------------------------------------- timeline

const UNITS = [["auto", "Auto"], ["day", "Days"], ["week", "Weeks"], ["month", "Months"]];

function renderUnits(view) {
  const host = document.getElementById("timeline-units");
  fill(host, ...UNITS.map(([unit, label]) => h("button", {
    type: "button", "aria-pressed": String(view.bin === unit), class: view.bin === unit ? "on" : "",
    onclick: () => go((v) => { v.bin = unit; }),
  }, label)));
}

function renderTimeline(view) {
  const answer = state.answer;
  const host = document.getElementById("timeline");
  fill(host);
  const coop = h("li", {}, s("svg", { width: 12, height: 12, "aria-hidden": "true" }, s("rect", { width: 12, height: 12, fill: QUADS[1].colour })), "Cooperation (above the line)");
  const conf = h("li", {}, s("svg", { width: 12, height: 12, "aria-hidden": "true" }, s("rect", { width: 12, height: 12, fill: QUADS[4].colour })), "Conflict (below)");
  fill(document.getElementById("timeline-legend"), h("ul", { class: "legend" }, coop, conf));
  const bins = answer.bins || [];
  const note = answer.undated ? ` ${plural(answer.undated, "undated event")} not shown.` : "";
  document.getElementById("timeline-note").textContent =
    `Events per ${answer.unit}: cooperation above the line, conflict below. Select a bar to list its events and see its days.${note}`;
  if (!bins.length) {
    host.appendChild(h("p", { class: "empty" }, "No dated events."));
    return;
  }
  const width = Math.max(320, host.clientWidth || 900);
  const margin = { left: 40, right: 12, top: 16, bottom: 24 };
  const half = 80;
  const axisY = margin.top + half;
  const height = axisY + half + margin.bottom;
  const inner = width - margin.left - margin.right;
  const bw = inner / bins.length;
  const maxUp = Math.max(1, ...bins.map((b) => b.cooperation));
  const maxDown = Math.max(1, ...bins.map((b) => b.conflict));
  const scale = half / Math.max(maxUp, maxDown);
  const svg = s("svg", { class: "chart", id: "timeline-svg", viewBox: `0 0 ${width} ${height}`, height, role: "img",
    "aria-label": `Timeline: ${plural(answer.total - answer.undated, "dated event")} in ${plural(bins.length, answer.unit)}` });
  const axis = s("g", { class: "axis" });
  axis.appendChild(s("line", { x1: margin.left, x2: width - margin.right, y1: axisY, y2: axisY }));
  axis.appendChild(s("text", { x: margin.left - 4, y: margin.top + 4, "text-anchor": "end" }, String(Math.max(maxUp, maxDown))));
  axis.appendChild(s("text", { x: margin.left - 4, y: axisY + half, "text-anchor": "end" }, String(Math.max(maxUp, maxDown))));
  const labelEvery = Math.max(1, Math.ceil(bins.length / Math.max(2, Math.floor(inner / 90))));
  bins.forEach((b, i) => {
    if (i % labelEvery !== 0) return;
    const x = margin.left + i * bw;
    axis.appendChild(s("line", { x1: x, x2: x, y1: axisY + half, y2: axisY + half + 4 }));
    axis.appendChild(s("text", { x, y: height - 6, "text-anchor": "start" }, answer.unit === "month" ? b.start.slice(0, 7) : b.start));
  });
  svg.appendChild(axis);
  const selected = view.filter.since && view.filter.until;
  const bars = s("g", { class: "bars" });
  bins.forEach((b, i) => {
    const total = b.cooperation + b.conflict;
    if (!total) return;
    const x = margin.left + i * bw + Math.min(1, bw * 0.1);
    const w = Math.max(1, bw - Math.min(2, bw * 0.2));
    const g = s("g", { class: "bar" + (selected && b.start >= view.filter.since && b.end <= view.filter.until && bins.length > 1 ? " selected" : "") });
    g.dataset.start = b.start;
    g.dataset.end = b.end;
    g.dataset.count = total;
    if (b.cooperation) g.appendChild(s("rect", { x, y: axisY - b.cooperation * scale, width: w, height: b.cooperation * scale, fill: QUADS[1].colour }));
    if (b.conflict) g.appendChild(s("rect", { x, y: axisY, width: w, height: b.conflict * scale, fill: QUADS[4].colour }));
    if (bw >= 16) {
      if (b.cooperation) g.appendChild(s("text", { class: "count", x: x + w / 2, y: axisY - b.cooperation * scale - 3, "text-anchor": "middle" }, String(b.cooperation)));
      if (b.conflict) g.appendChild(s("text", { class: "count", x: x + w / 2, y: axisY + b.conflict * scale + 11, "text-anchor": "middle" }, String(b.conflict)));
    }
    // A transparent column on top makes thin bars easy to hit.
    g.appendChild(s("rect", { class: "hit", x: margin.left + i * bw, y: margin.top, width: bw, height: 2 * half, fill: "transparent" }));
    const when = b.start === b.end ? b.start : b.start + " to " + b.end;
    const label = `${when}: ${plural(total, "event")} (${b.cooperation} cooperation, ${b.conflict} conflict)`;
    // Selecting a bar lists its events and redraws its span in shorter periods.
    clickable(g, label, () => go((v) => { v.filter.since = b.start; v.filter.until = b.end; v.page = 1; v.bin = "auto"; }));
    tip(g, () => label);
    bars.appendChild(g);
  });
  svg.appendChild(bars);
  host.appendChild(svg);
  if (view.filter.since || view.filter.until) {
    host.appendChild(h("p", { class: "filter" }, h("button", { type: "button", id: "whole-story",
      onclick: () => go((v) => { delete v.filter.since; delete v.filter.until; v.page = 1; }) }, "← Whole story")));
  }
}

// ---------------------------------------------------------------- network

/** Fruchterman–Reingold force layout, deterministic (nodes start on a circle). */
function layout(nodes, edges, width, height) {
  const n = nodes.length;
  const k = Math.sqrt((width * height) / Math.max(1, n)) * 0.75;
  nodes.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, n);
    node.x = width / 2 + (width / 3) * Math.cos(angle);
    node.y = height / 2 + (height / 3) * Math.sin(angle);
  });
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  let temperature = width / 8;
  const R = 0.42 * Math.min(width, height);
  const gravity = Math.max(0.02, (Math.max(1, n - 1) * k * k) / (R * R));
  for (let it = 0; it < 300; it++) {
    const dx = new Float64Array(n);
    const dy = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let vx = nodes[i].x - nodes[j].x;
        let vy = nodes[i].y - nodes[j].y;
        let dist = Math.hypot(vx, vy);
        if (dist < 0.01) { vx = 0.01 * (i - j); vy = 0.01; dist = Math.hypot(vx, vy); }
        const force = (k * k) / dist;
        dx[i] += (vx / dist) * force; dy[i] += (vy / dist) * force;
        dx[j] -= (vx / dist) * force; dy[j] -= (vy / dist) * force;
      }
    }
    for (const edge of edges) {
      const a = index.get(edge.from);
      const b = index.get(edge.to);
      if (a === undefined || b === undefined || a === b) continue;
      const vx = nodes[a].x - nodes[b].x;
      const vy = nodes[a].y - nodes[b].y;
      const dist = Math.max(0.01, Math.hypot(vx, vy));
      const force = ((dist * dist) / k) * Math.min(2, 0.6 + 0.2 * Math.log1p(edge.coop + edge.conf));
      dx[a] -= (vx / dist) * force; dy[a] -= (vy / dist) * force;
      dx[b] += (vx / dist) * force; dy[b] += (vy / dist) * force;
    }
    for (let i = 0; i < n; i++) {
      dx[i] += (width / 2 - nodes[i].x) * gravity;
      dy[i] += (height / 2 - nodes[i].y) * gravity;
      const len = Math.hypot(dx[i], dy[i]);
      if (len > 0) {
        nodes[i].x += (dx[i] / len) * Math.min(len, temperature);
        nodes[i].y += (dy[i] / len) * Math.min(len, temperature);
      }
    }
    temperature *= 0.985;
  }
  fit(nodes, width, height);
}

/** Scales the layout into the box, then pushes apart overlapping discs and labels. */
function fit(nodes, width, height) {
  const pad = 44;
  const xs = nodes.map((node) => node.x);
  const ys = nodes.map((node) => node.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = Math.min((width - 2 * pad) / Math.max(1, x1 - x0), (height - 2 * pad) / Math.max(1, y1 - y0));
  const ox = (width - (x1 - x0) * scale) / 2;
  const oy = (height - (y1 - y0) * scale) / 2;
  for (const node of nodes) {
    node.x = ox + (node.x - x0) * scale;
    node.y = oy + (node.y - y0) * scale;
  }
  for (let pass = 0; pass < 60; pass++) {
    let moved = false;
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const a = nodes[i];
        const b = nodes[j];
        const needX = a.r + b.r + 10 + Math.max(0, (a.label + b.label) / 2 - a.r - b.r);
        const needY = a.r + b.r + 20;
        const dx = b.x - a.x;
        const dy = b.y - a.y;
        if (Math.abs(dx) >= needX || Math.abs(dy) >= needY) continue;
        const px = needX - Math.abs(dx);
        const py = needY - Math.abs(dy);
        if (px < py) {
          const sx = ((dx >= 0 ? 1 : -1) * px) / 2;
          a.x -= sx; b.x += sx;
        } else {
          const sy = ((dy >= 0 ? 1 : -1) * py) / 2;
          a.y -= sy; b.y += sy;
        }
        moved = true;
      }
    }
    for (const node of nodes) {
      node.x = Math.min(width - node.label / 2 - 4, Math.max(node.label / 2 + 4, node.x));
      node.y = Math.min(height - node.r - 18, Math.max(node.r + 4, node.y));
    }
    if (!moved) break;
  }
}

function dyadColour(coop, conf) {
  const total = coop + conf;
  if (total === 0) return NEUTRAL;
  const share = coop / total;
  if (share >= 0.6) return QUADS[1].colour;
  if (share <= 0.4) return QUADS[4].colour;
  return "#8e6bbf";
}

function lineSwatch(colour, dashed) {
  return s("svg", { width: 18, height: 12, "aria-hidden": "true" }, s("line", { x1: 1, y1: 6, x2: 17, y2: 6, stroke: colour, "stroke-width": 3, "stroke-dasharray": dashed ? "4 2" : null }));
}
function dotSwatch(colour) {
  return s("svg", { width: 12, height: 12, "aria-hidden": "true" }, s("circle", { cx: 6, cy: 6, r: 5.5, fill: colour }));
}

/** A node's label: a short name, else its code. */
function nodeLabel(code) {
  const name = state.names.get(code);
  if (name && name.length <= 16) return name;
  return code;
}

function renderNetwork(view) {
  const host = document.getElementById("network");
  fill(host);
  fill(document.getElementById("network-legend"), h("ul", { class: "legend" },
    h("li", {}, dotSwatch(QUADS[1].colour), lineSwatch(QUADS[1].colour), "Mostly cooperation (60 % or more)"),
    h("li", {}, dotSwatch(QUADS[4].colour), lineSwatch(QUADS[4].colour, true), "Mostly conflict (60 % or more)"),
    h("li", {}, dotSwatch("#8e6bbf"), lineSwatch("#8e6bbf"), "Mixed"),
    h("li", {}, dotSwatch(NEUTRAL), "No counterpart")));
  const actors = (state.story.actors || []).map((a) => ({ id: a.code, count: a.as_actor + a.as_recipient }));
  actors.sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1));
  const nodes = actors.slice(0, MAX_NODES);
  if (!nodes.length) {
    host.appendChild(h("p", { class: "empty" }, "No actors."));
    return;
  }
  const dyadCount = (state.story.dyads || []).length;
  if (actors.length > MAX_NODES || dyadCount > MAX_EDGES) {
    host.appendChild(h("p", { class: "meta" }, `The ${Math.min(MAX_NODES, actors.length)} most active of ${actors.length} actors; the ${Math.min(MAX_EDGES, dyadCount)} busiest of ${dyadCount} dyads.`));
  }
  const kept = new Set(nodes.map((n) => n.id));
  const edges = (state.story.dyads || []).map((d) => ({ from: d.actor, to: d.recipient, coop: d.cooperation, conf: d.conflict }))
    .filter((d) => kept.has(d.from) && kept.has(d.to) && d.from !== d.to)
    // The busiest dyads only: past a few dozen arrows the picture is a hairball.
    .sort((a, b) => b.coop + b.conf - (a.coop + a.conf)).slice(0, MAX_EDGES);
  const share = new Map();
  for (const d of state.story.dyads || []) {
    for (const code of [d.actor, d.recipient]) {
      const t = share.get(code) || { coop: 0, conf: 0 };
      t.coop += d.cooperation; t.conf += d.conflict;
      share.set(code, t);
    }
  }
  const width = Math.max(320, host.clientWidth || 600);
  const height = Math.round(Math.min(440, Math.max(300, width * 0.62)));
  const maxCount = Math.max(...nodes.map((n) => n.count));
  const radius = (c) => 6 + 14 * Math.sqrt(c / maxCount);
  for (const node of nodes) {
    node.r = radius(node.count);
    node.text = nodeLabel(node.id);
    node.label = node.text.length * 6.8 + 6;
  }
  // Edges drawn thinner when there are many, so the picture stays legible.
  const maxEdge = Math.max(1, ...edges.map((e) => e.coop + e.conf));
  layout(nodes, edges, width, height);
  const pos = new Map(nodes.map((n) => [n.id, n]));
  const svg = s("svg", { class: "chart", id: "network-svg", viewBox: `0 0 ${width} ${height}`, height, role: "img",
    "aria-label": `Network of ${plural(nodes.length, "actor")} and ${plural(edges.length, "dyad")}` });
  const defs = s("defs");
  for (const colour of [QUADS[1].colour, QUADS[4].colour, "#8e6bbf", NEUTRAL]) {
    defs.appendChild(s("marker", { id: "arrow-" + colour.slice(1), viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 5, markerHeight: 5, orient: "auto-start-reverse" },
      s("path", { d: "M0,0 L10,5 L0,10 z", fill: colour })));
  }
  svg.appendChild(defs);
  const f = view.filter;
  const edgeLayer = s("g", { class: "edges" });
  for (const d of edges) {
    const a = pos.get(d.from);
    const b = pos.get(d.to);
    const colour = dyadColour(d.coop, d.conf);
    const mx = (a.x + b.x) / 2;
    const my = (a.y + b.y) / 2;
    const len = Math.max(1, Math.hypot(b.x - a.x, b.y - a.y));
    const cx = mx - ((b.y - a.y) / len) * len * 0.12;
    const cy = my + ((b.x - a.x) / len) * len * 0.12;
    const rb = b.r + 3;
    const dl = Math.max(0.01, Math.hypot(b.x - cx, b.y - cy));
    const tx = b.x - ((b.x - cx) / dl) * rb;
    const ty = b.y - ((b.y - cy) / dl) * rb;
    const total = d.coop + d.conf;
    const path = s("path", {
      class: "edge" + (f.actor === d.from && f.recipient === d.to ? " selected" : ""),
      d: `M${a.x.toFixed(1)},${a.y.toFixed(1)} Q${cx.toFixed(1)},${cy.toFixed(1)} ${tx.toFixed(1)},${ty.toFixed(1)}`,
      stroke: colour, "stroke-width": (1 + 5 * Math.sqrt(total / maxEdge)).toFixed(1),
      "stroke-dasharray": colour === QUADS[4].colour ? "7 3" : null,
      "marker-end": `url(#arrow-${colour.slice(1)})`,
    });
    path.dataset.from = d.from;
    path.dataset.to = d.to;
    const label = `${actorLabel(d.from, state.names.get(d.from))} → ${actorLabel(d.to, state.names.get(d.to))}: ${plural(total, "event")} (${d.coop} cooperation, ${d.conf} conflict)`;
    clickable(path, label, () => go((v) => { v.filter.actor = d.from; v.filter.recipient = d.to; delete v.filter.party; v.page = 1; }));
    tip(path, () => label);
    edgeLayer.appendChild(path);
  }
  svg.appendChild(edgeLayer);
  const nodeLayer = s("g", { class: "nodes" });
  for (const node of nodes) {
    const t = share.get(node.id) || { coop: 0, conf: 0 };
    const g = s("g", { class: "node" + (f.party === node.id ? " selected" : ""), transform: `translate(${node.x.toFixed(1)},${node.y.toFixed(1)})` });
    g.dataset.actor = node.id;
    g.appendChild(s("circle", { r: node.r.toFixed(1), fill: dyadColour(t.coop, t.conf), "fill-opacity": 0.85 }));
    g.appendChild(s("text", { y: node.r + 13, "text-anchor": "middle" }, node.text));
    const label = `${actorLabel(node.id, state.names.get(node.id))}: ${plural(node.count, "event")} (${t.coop} cooperation, ${t.conf} conflict with a counterpart)`;
    clickable(g, label, () => go((v) => { v.filter.party = node.id; delete v.filter.actor; delete v.filter.recipient; v.page = 1; }));
    tip(g, () => label);
    nodeLayer.appendChild(g);
  }
  svg.appendChild(nodeLayer);
  host.appendChild(svg);
}

// ---------------------------------------------------------------- table and evidence

function renderTable(view) {
  const answer = state.answer;
  const body = document.querySelector("#events-table tbody");
  const events = answer.events || [];
  const onPage = (step) => go((v) => { v.page = Math.max(1, v.page + step); });
  fill(document.getElementById("events-pager"), pager("events-pager-bottom", answer.offset, events.length, answer.total, onPage));
  fill(document.getElementById("events-pager-top"), pager("events-pager-main", answer.offset, events.length, answer.total, onPage));
  fill(body, ...events.map((e) => {
    const row = h("tr", { class: "event" + (view.event === e.id ? " selected" : ""), "data-event": e.id },
      h("td", { class: "code nowrap" }, e.date || "undated"),
      h("td", {}, typeCell(e)),
      h("td", {}, actorLink(e.actor_code, e.actor_name)),
      h("td", {}, actorLink(e.recipient_code, e.recipient_name)),
      h("td", {}, e.location || ""),
      h("td", {}, e.modality === "asserted" ? "" : h("span", { class: "tag" }, e.modality)),
      h("td", { class: "num", title: plural(e.num_reports, "report") + " in " + plural(e.num_documents, "article") }, e.num_sources),
      h("td", {}, h("a", { href: "/event/" + e.id, class: "open" }, "Event page")));
    row.setAttribute("tabindex", "0");
    const open = (ev) => {
      if (ev.target.closest && ev.target.closest("a")) return;
      go((v) => { v.event = e.id; });
    };
    row.addEventListener("click", open);
    row.addEventListener("keydown", (ev) => { if (ev.key === "Enter" && ev.target === row) open(ev); });
    return row;
  }));
  if (!events.length) body.appendChild(h("tr", {}, h("td", { colspan: 8, class: "empty" }, "No events match.")));
}

async function renderEvidence(view) {
  const panel = document.getElementById("evidence");
  if (!view.event) {
    fill(panel);
    delete panel.dataset.event;
    return;
  }
  if (panel.dataset.event === String(view.event)) return;
  panel.setAttribute("aria-busy", "true");
  try {
    const detail = await api("/api/events/" + encodeURIComponent(view.event));
    fill(panel, evidence(detail));
    panel.dataset.event = String(view.event);
  } catch (err) {
    fill(panel, h("p", { class: "error" }, "Could not load the event: " + err.message));
  } finally {
    panel.removeAttribute("aria-busy");
  }
}

function evidence(detail) {
  const e = detail.event;
  const reports = detail.reports || [];
  const shown = reports.slice(0, 3);
  return h("div", { class: "evidence-body" },
    h("dl", { class: "facts" },
      h("dt", {}, "Event"), h("dd", {}, typeCell(e), e.mode ? " (" + e.mode + ")" : ""),
      h("dt", {}, "Actor"), h("dd", {}, actorLink(e.actor_code, e.actor_name)),
      h("dt", {}, "Recipient"), h("dd", {}, actorLink(e.recipient_code, e.recipient_name)),
      h("dt", {}, "Date"), h("dd", {}, e.date || "unknown"),
      e.location ? [h("dt", {}, "Place"), h("dd", {}, e.location)] : null,
      h("dt", {}, "Modality"), h("dd", {}, e.modality)),
    h("p", { class: "meta outlets" }, "Reported by " + plural((detail.outlets || []).length || 1, "outlet") + " in " + plural(reports.length, "report") + ". ",
      h("a", { href: "/event/" + e.id, id: "evidence-link" }, "All reports on the event page →")),
    markLegend(["actor", "trigger", "recipient", "date"]),
    shown.map((r) => h("div", { class: "report" },
      h("p", { class: "sentence" }, markSpans(r.sentence || "", reportMarks(r))),
      h("div", { class: "meta" },
        h("a", { href: "/document/" + r.document_id + "#s" + r.sentence_index }, r.title || r.document_key),
        r.source ? " · " + r.source : "", r.document_date ? " · " + r.document_date : ""))));
}

// ---------------------------------------------------------------- outlets and quotes

function outletRow(o, max) {
  const name = o.source === "?" ? "unnamed outlet" : o.source;
  const bar = h("div", { class: "split", title: `${o.cooperation} cooperation, ${o.conflict} conflict` },
    h("span", { class: "coop", style: `width:${(100 * o.cooperation / max).toFixed(1)}%` }),
    h("span", { class: "conf", style: `width:${(100 * o.conflict / max).toFixed(1)}%` }));
  const link = h("a", { href: "#", class: "outlet", "data-outlet": o.source, onclick: (e) => { e.preventDefault(); setFilter("outlet", o.source); } }, name);
  return h("tr", {}, h("th", { scope: "row" }, link), h("td", { class: "num" }, o.documents), h("td", { class: "num" }, o.events), h("td", { class: "barcell" }, bar));
}

function renderOutlets() {
  const host = document.getElementById("outlets");
  const all = (state.answer.outlet_summary || []).filter((o) => o.events > 0 || o.documents > 0);
  fill(host);
  if (!all.length) {
    host.appendChild(h("p", { class: "empty" }, "No outlets recorded."));
    return;
  }
  const max = Math.max(1, ...all.map((o) => o.events));
  const head = () => h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Outlet"), h("th", { scope: "col", class: "num" }, "Articles"), h("th", { scope: "col", class: "num" }, "Events"), h("th", { scope: "col" }, "Cooperation | conflict")));
  const top = all.slice(0, TOP_OUTLETS);
  const rest = all.slice(TOP_OUTLETS);
  host.appendChild(h("table", { class: "outlets", id: "outlets-top" }, head(), h("tbody", {}, top.map((o) => outletRow(o, max)))));
  if (rest.length) {
    const docs = rest.reduce((n, o) => n + o.documents, 0);
    host.appendChild(h("details", { class: "folded", id: "outlets-rest" },
      h("summary", {}, `${plural(rest.length, "more outlet")} (${plural(docs, "article")})`),
      h("div", { class: "tablewrap" }, h("table", { class: "outlets" }, head(), h("tbody", {}, rest.map((o) => outletRow(o, max)))))));
  }
}

async function renderQuotes() {
  const host = document.getElementById("quotes");
  try {
    const body = await api(`/api/quotes?story=${encodeURIComponent(state.id)}&limit=200`);
    const quotes = body.quotes || [];
    if (!quotes.length) {
      fill(host, h("p", { class: "empty" }, "No quotes in this story."));
      return;
    }
    const groups = new Map();
    for (const q of quotes) {
      const key = q.speaker_code || "?" + (q.speaker_text || "");
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(q);
    }
    fill(host, ...[...groups.values()].map((qs) => {
      const q0 = qs[0];
      const who = q0.speaker_code ? actorLink(q0.speaker_code, q0.speaker_name) : (q0.speaker_text || "Unknown speaker");
      return h("div", { class: "speaker" },
        h("h3", {}, who, " ", h("span", { class: "tag" }, plural(qs.length, "quote"))),
        qs.map((q) => h("div", {}, h("blockquote", {}, q.quote),
          h("div", { class: "meta" }, [q.source, q.date].filter(Boolean).join(" · "), " · ",
            q.event_id ? h("a", { href: "/event/" + q.event_id }, "event") : h("a", { href: "/document/" + q.document_id }, "article")))));
    }), body.next ? h("p", { class: "meta" }, "The first 200 quotes.") : null);
  } catch (err) {
    fill(host, h("p", { class: "error" }, "Could not load the quotes: " + err.message));
  }
}

// ---------------------------------------------------------------- page

function renderHeader() {
  const story = state.story.story;
  const title = story.title || "Story " + story.id;
  document.title = title + " · parley";
  document.getElementById("story-title").textContent = title;
  const range = story.first_date && story.last_date && story.first_date !== story.last_date
    ? story.first_date + " to " + story.last_date : story.first_date || "";
  document.getElementById("story-sub").textContent = [range, plural(story.num_documents, "article"), plural(story.num_sources, "outlet"), plural(story.num_events, "event") + " in all"].filter(Boolean).join(" · ");
}

function renderStats() {
  const a = state.answer;
  fill(document.getElementById("story-stats"), 
    stat(a.total, "events", "events"), stat(a.cooperation, "cooperation", "cooperation"), stat(a.conflict, "conflict", "conflict"),
    stat(a.actors, "actors", "actors"), stat(a.outlets, "outlets", "outlets"));
}

let rendering = 0;

/** Loads the events the URL asks for and draws everything that depends on them. */
async function render() {
  const mine = ++rendering;
  const view = readUrl();
  const params = new URLSearchParams();
  for (const key of FILTERS) if (view.filter[key]) params.set(key, view.filter[key]);
  params.set("bin", view.bin);
  params.set("offset", String((view.page - 1) * PAGE_ROWS));
  params.set("limit", String(PAGE_ROWS));
  showFilters(view);
  renderUnits(view);
  document.body.dataset.ready = "false";
  let answer;
  try {
    answer = await api(`/api/stories/${encodeURIComponent(state.id)}/events?${params}`);
  } catch (err) {
    fill(document.getElementById("filter-line"), h("span", { class: "error" }, "Could not load the events: " + err.message));
    ready();
    return;
  }
  if (mine !== rendering) return;
  state.answer = answer;
  renderStats();
  renderTimeline(view);
  renderNetwork(view);
  renderTable(view);
  renderOutlets();
  await renderEvidence(view);
  if (mine === rendering) ready();
}

async function main() {
  state.id = decodeURIComponent(location.pathname.split("/").filter(Boolean).pop() || "");
  const root = document.getElementById("story");
  try {
    state.story = await api("/api/stories/" + encodeURIComponent(state.id) + "?limit=1");
  } catch (err) {
    root.removeAttribute("aria-busy");
    pageError(err, "story");
    return;
  }
  for (const a of state.story.actors || []) if (a.name) state.names.set(a.code, a.name);
  renderHeader();
  fillFilters();
  renderQuotes();
  await render();
  root.removeAttribute("aria-busy");
  window.addEventListener("popstate", () => render());
  let width = window.innerWidth;
  window.addEventListener("resize", () => {
    if (Math.abs(window.innerWidth - width) < 40 || !state.answer) return;
    width = window.innerWidth;
    const view = readUrl();
    renderTimeline(view);
    renderNetwork(view);
  });
}

document.addEventListener("DOMContentLoaded", main);
