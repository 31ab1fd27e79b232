// The story page: timeline, actor network, event table, evidence, quotes, outlets.
"use strict";

const state = {
  story: null,
  events: [], // normalised, sorted by date
  byId: new Map(),
  filter: null, // {kind: "actor", code} | {kind: "dyad", from, to}
  selected: null,
};

// ---------------------------------------------------------------- data

/** The fields the page uses, from the store's `EventRow`. */
function normEvent(raw) {
  return {
    id: raw.id,
    date: raw.date || null,
    event_type: raw.event_type || "",
    quad_class: raw.quad_class,
    goldstein: raw.goldstein,
    modality: raw.modality || "asserted",
    actor: raw.actor_code || null,
    actor_name: raw.actor_name || null,
    recipient: raw.recipient_code || null,
    recipient_name: raw.recipient_name || null,
    reports: Number(raw.num_reports ?? 1),
    sources: Number(raw.num_sources ?? 0),
    sentence: raw.sentence || "",
    raw,
  };
}

function eventLabel(e) {
  return (e.date || "undated") + " · " + (e.actor || "?") + " " + e.event_type + " " + (e.recipient || "—");
}

// ---------------------------------------------------------------- timeline

function renderTimeline() {
  const host = document.getElementById("timeline");
  host.replaceChildren();
  document.getElementById("timeline-legend").replaceChildren(legend());
  const dated = state.events.filter((e) => e.date);
  if (dated.length === 0) {
    host.appendChild(h("p", { class: "empty" }, "No dated events."));
    return;
  }
  const day = (d) => Date.parse(d.slice(0, 10) + "T00:00:00Z") / 86400000;
  const days = dated.map((e) => day(e.date));
  let lo = Math.min(...days);
  let hi = Math.max(...days);
  if (hi - lo < 2) { lo -= 1; hi += 1; }

  // Stack events of the same day: cooperation upwards, conflict downwards.
  const stacks = new Map();
  const placed = dated.map((e) => {
    const key = day(e.date) + (isCoop(e) ? "+" : "-");
    const n = stacks.get(key) || 0;
    stacks.set(key, n + 1);
    return { e, d: day(e.date), level: n, up: isCoop(e) };
  });
  const maxUp = Math.max(1, ...placed.filter((p) => p.up).map((p) => p.level + 1));
  const maxDown = Math.max(1, ...placed.filter((p) => !p.up).map((p) => p.level + 1));
  const width = Math.max(480, host.clientWidth || 900);
  // Busy days shrink their marks rather than grow the chart past ~200px.
  const step = Math.max(4, Math.min(15, 180 / (maxUp + maxDown)));
  const r = Math.min(6, (step - 1) / 2);
  const margin = { left: 84, right: 44, top: 14, bottom: 30 };
  const axisY = margin.top + maxUp * step + 6;
  const height = axisY + maxDown * step + 6 + margin.bottom;
  const inner = width - margin.left - margin.right;
  // News stories cluster in a few days with stray dates far away (a war's
  // start, a treaty's year): when the span dwarfs the number of distinct
  // days, give each day an equal column and mark the gaps instead of
  // squeezing the cluster into a pixel.
  const distinct = [...new Set(days)].sort((p, q) => p - q);
  const ordinal = distinct.length > 1 && distinct.length <= 60 && hi - lo > 3 * distinct.length;
  const column = new Map(distinct.map((d, i) => [d, i]));
  const x = ordinal
    ? (d) => margin.left + ((column.get(d) + 0.5) / distinct.length) * inner
    : (d) => margin.left + ((d - lo) / (hi - lo)) * inner;
  const dateLabel = (d) => new Date(d * 86400000).toISOString().slice(0, 10);

  const svg = s("svg", { class: "chart", id: "timeline-svg", viewBox: `0 0 ${width} ${height}`, height, role: "img", "aria-label": `Timeline of ${plural(dated.length, "event")}` });
  svg.appendChild(s("text", { x: 4, y: margin.top + 10 }, "cooperation ↑"));
  svg.appendChild(s("text", { x: 4, y: height - margin.bottom - 2 }, "conflict ↓"));
  const axis = s("g", { class: "axis" });
  axis.appendChild(s("line", { x1: margin.left, x2: width - margin.right, y1: axisY, y2: axisY }));
  const maxLabels = Math.max(2, Math.floor(inner / 84));
  if (ordinal) {
    const every = Math.ceil(distinct.length / maxLabels);
    distinct.forEach((d, i) => {
      axis.appendChild(s("line", { x1: x(d), x2: x(d), y1: axisY - 3, y2: axisY + 3 }));
      if (i % every === 0) axis.appendChild(s("text", { x: x(d), y: height - 8, "text-anchor": "middle" }, dateLabel(d)));
      const next = distinct[i + 1];
      if (next !== undefined && next - d > 1) {
        // A break in the axis: the days between are left out.
        const bx = (x(d) + x(next)) / 2;
        const gap = s("path", { class: "gap", d: `M${bx - 5},${axisY + 5} l4,-10 M${bx + 1},${axisY + 5} l4,-10`, stroke: "#5b6570", "stroke-width": 1.5 });
        const hit = s("rect", { x: bx - 8, y: axisY - 8, width: 16, height: 16, fill: "transparent" });
        const g = s("g", {}, hit, gap);
        tip(g, () => `${next - d - 1} days without events left out`);
        axis.appendChild(g);
      }
    });
  } else {
    const span = hi - lo;
    const tickEvery = Math.max(1, Math.ceil(span / maxLabels));
    for (let d = Math.ceil(lo); d <= hi; d += tickEvery) {
      axis.appendChild(s("line", { x1: x(d), x2: x(d), y1: axisY - 3, y2: axisY + 3 }));
      axis.appendChild(s("text", { x: x(d), y: height - 8, "text-anchor": "middle" }, dateLabel(d)));
    }
  }
  svg.appendChild(axis);

  const marks = s("g", { class: "marks" });
  for (const p of placed) {
    const cx = x(p.d);
    const cy = p.up ? axisY - 4 - r - p.level * step : axisY + 4 + r + p.level * step;
    const mark = p.up
      ? s("circle", { cx, cy, r, fill: colourOf(p.e) })
      : s("rect", { x: cx - r, y: cy - r, width: 2 * r, height: 2 * r, fill: colourOf(p.e) });
    mark.setAttribute("class", "mark");
    mark.dataset.event = p.e.id;
    clickable(mark, eventLabel(p.e), () => selectEvent(p.e.id));
    tip(mark, () => eventLabel(p.e) + (p.e.sentence ? "\n" + p.e.sentence : ""));
    marks.appendChild(mark);
  }
  svg.appendChild(marks);
  host.appendChild(svg);
}

// ---------------------------------------------------------------- network

/** Dyads from the store when it gave them, else counted from the events. */
function dyads() {
  const given = state.story && Array.isArray(state.story.dyads) ? state.story.dyads : null;
  if (given && given.length) {
    return given.map((d) => ({
      from: d.actor,
      to: d.recipient,
      coop: Number(d.cooperation || 0),
      conf: Number(d.conflict || 0),
    })).filter((d) => d.from && d.to);
  }
  const map = new Map();
  for (const e of state.events) {
    if (!e.actor || !e.recipient) continue;
    const key = e.actor + "\u0000" + e.recipient;
    const d = map.get(key) || { from: e.actor, to: e.recipient, coop: 0, conf: 0 };
    if (isCoop(e)) d.coop += 1; else d.conf += 1;
    map.set(key, d);
  }
  return [...map.values()];
}

/** Fruchterman–Reingold force layout, deterministic (nodes start on a circle). */
function layout(nodes, edges, width, height) {
  const n = nodes.length;
  const area = width * height;
  const k = Math.sqrt(area / Math.max(1, n)) * 0.75;
  nodes.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, n);
    node.x = width / 2 + (width / 3) * Math.cos(angle);
    node.y = height / 2 + (height / 3) * Math.sin(angle);
  });
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  let temperature = width / 8;
  const R = 0.42 * Math.min(width, height);
  const gravity = Math.max(0.02, (Math.max(1, n - 1) * k * k) / (R * R));
  const iterations = 300;
  for (let it = 0; it < iterations; it++) {
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
      // Gravity keeps unconnected actors from drifting off: strong enough
      // that the repulsion of all others balances it about R from the centre.
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

/** Scales the layout into the box (same scale both ways), then pushes
 * apart nodes whose discs or labels would overlap. */
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
        // Room for both discs and a label line under each.
        const needX = a.r + b.r + 10 + Math.max(0, (a.label + b.label) / 2 - a.r - b.r);
        const needY = a.r + b.r + 20;
        const dx = b.x - a.x;
        const dy = b.y - a.y;
        if (Math.abs(dx) >= needX || Math.abs(dy) >= needY) continue;
        // Push apart along the axis that needs the least movement.
        const px = needX - Math.abs(dx);
        const py = needY - Math.abs(dy);
        if (px < py) {
          const sx = (dx >= 0 ? 1 : -1) * px / 2;
          a.x -= sx; b.x += sx;
        } else {
          const sy = (dy >= 0 ? 1 : -1) * py / 2;
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

function dyadColour(d) {
  const total = d.coop + d.conf;
  if (total === 0) return NEUTRAL;
  const share = d.coop / total;
  if (share >= 0.6) return QUADS[1].colour;
  if (share <= 0.4) return QUADS[4].colour;
  return "#8e6bbf";
}

function renderNetwork() {
  const host = document.getElementById("network");
  host.replaceChildren();
  const mixed = h("li", {}, s("svg", { width: 18, height: 12, "aria-hidden": "true" }, s("line", { x1: 1, y1: 6, x2: 17, y2: 6, stroke: "#8e6bbf", "stroke-width": 3 })), "Mixed dyad");
  const coopEdge = h("li", {}, s("svg", { width: 18, height: 12, "aria-hidden": "true" }, s("line", { x1: 1, y1: 6, x2: 17, y2: 6, stroke: QUADS[1].colour, "stroke-width": 3 })), "Mostly cooperation");
  const confEdge = h("li", {}, s("svg", { width: 18, height: 12, "aria-hidden": "true" }, s("line", { x1: 1, y1: 6, x2: 17, y2: 6, stroke: QUADS[4].colour, "stroke-width": 3, "stroke-dasharray": "4 2" })), "Mostly conflict");
  document.getElementById("network-legend").replaceChildren(h("ul", { class: "legend" }, coopEdge, confEdge, mixed));

  const edges = dyads();
  const counts = new Map();
  const names = new Map();
  for (const e of state.events) {
    for (const [code, name] of [[e.actor, e.actor_name], [e.recipient, e.recipient_name]]) {
      if (!code) continue;
      counts.set(code, (counts.get(code) || 0) + 1);
      if (name && !names.has(code)) names.set(code, name);
    }
  }
  for (const d of edges) {
    for (const code of [d.from, d.to]) if (!counts.has(code)) counts.set(code, d.coop + d.conf);
  }
  if (state.story && Array.isArray(state.story.actors)) {
    for (const a of state.story.actors) {
      if (a.code && a.name && !names.has(a.code)) names.set(a.code, a.name);
    }
  }
  // The most active actors only: past a few dozen, labels make a blur.
  const MAX_NODES = 40;
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const kept = new Set(ranked.slice(0, MAX_NODES).map(([id]) => id));
  const nodes = ranked.filter(([id]) => kept.has(id)).sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([id, count]) => ({ id, count }));
  if (ranked.length > MAX_NODES) {
    host.appendChild(h("p", { class: "meta" }, `Showing the ${MAX_NODES} most active of ${ranked.length} actors.`));
  }
  if (nodes.length === 0) {
    host.appendChild(h("p", { class: "empty" }, "No actors."));
    return;
  }
  const width = Math.max(360, host.clientWidth || 600);
  const height = Math.round(Math.min(460, Math.max(300, width * 0.62)));
  const maxCount = Math.max(...nodes.map((node) => node.count));
  const radius = (c) => 7 + 14 * Math.sqrt(c / maxCount);
  for (const node of nodes) {
    node.r = radius(node.count);
    node.label = node.id.length * 7.2 + 6; // label width at 11.5px bold, roughly
  }
  layout(nodes, edges, width, height);
  const pos = new Map(nodes.map((node) => [node.id, node]));

  const svg = s("svg", { class: "chart", id: "network-svg", viewBox: `0 0 ${width} ${height}`, height, role: "img", "aria-label": `Network of ${plural(nodes.length, "actor")} and ${plural(edges.length, "dyad")}` });
  const defs = s("defs");
  for (const colour of [QUADS[1].colour, QUADS[4].colour, "#8e6bbf", NEUTRAL]) {
    defs.appendChild(s("marker", { id: "arrow-" + colour.slice(1), viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 5, markerHeight: 5, orient: "auto-start-reverse" },
      s("path", { d: "M0,0 L10,5 L0,10 z", fill: colour })));
  }
  svg.appendChild(defs);
  const edgeLayer = s("g", { class: "edges" });
  for (const d of edges) {
    const a = pos.get(d.from);
    const b = pos.get(d.to);
    if (!a || !b || a === b) continue;
    const colour = dyadColour(d);
    // Curve each arrow a little so A→B and B→A stay apart.
    const mx = (a.x + b.x) / 2;
    const my = (a.y + b.y) / 2;
    const len = Math.max(1, Math.hypot(b.x - a.x, b.y - a.y));
    const nx = -(b.y - a.y) / len;
    const ny = (b.x - a.x) / len;
    const cx = mx + nx * len * 0.12;
    const cy = my + ny * len * 0.12;
    // End the arrow at the target's rim.
    const rb = radius(b.count) + 3;
    const tx = b.x - ((b.x - cx) / Math.hypot(b.x - cx, b.y - cy)) * rb;
    const ty = b.y - ((b.y - cy) / Math.hypot(b.x - cx, b.y - cy)) * rb;
    const total = d.coop + d.conf;
    const path = s("path", {
      class: "edge", d: `M${a.x.toFixed(1)},${a.y.toFixed(1)} Q${cx.toFixed(1)},${cy.toFixed(1)} ${tx.toFixed(1)},${ty.toFixed(1)}`,
      stroke: colour, "stroke-width": (1.5 + 1.6 * Math.sqrt(total)).toFixed(1),
      "stroke-dasharray": colour === QUADS[4].colour ? "7 3" : null,
      "marker-end": `url(#arrow-${colour.slice(1)})`,
    });
    path.dataset.from = d.from;
    path.dataset.to = d.to;
    const label = `${d.from} → ${d.to}: ${plural(total, "event")} (${d.coop} cooperation, ${d.conf} conflict)`;
    clickable(path, label, () => setFilter({ kind: "dyad", from: d.from, to: d.to }));
    tip(path, () => label);
    edgeLayer.appendChild(path);
  }
  svg.appendChild(edgeLayer);
  const nodeLayer = s("g", { class: "nodes" });
  for (const node of nodes) {
    // A node's colour sums every event it takes part in, with or without a counterpart.
    const own = state.events.filter((e) => e.actor === node.id || e.recipient === node.id);
    const coop = own.filter(isCoop).length;
    const fill = own.length === 0 ? NEUTRAL : dyadColour({ coop, conf: own.length - coop });
    const g = s("g", { class: "node", transform: `translate(${node.x.toFixed(1)},${node.y.toFixed(1)})` });
    g.dataset.actor = node.id;
    g.appendChild(s("circle", { r: radius(node.count).toFixed(1), fill, "fill-opacity": 0.85 }));
    g.appendChild(s("text", { y: radius(node.count) + 13, "text-anchor": "middle" }, node.id));
    const label = `${actorLabel(node.id, names.get(node.id))}: ${plural(node.count, "event")}`;
    clickable(g, label, () => setFilter({ kind: "actor", code: node.id }));
    tip(g, () => label);
    nodeLayer.appendChild(g);
  }
  svg.appendChild(nodeLayer);
  host.appendChild(svg);
}

// ---------------------------------------------------------------- table

function matchesFilter(e) {
  const f = state.filter;
  if (!f) return true;
  if (f.kind === "actor") return e.actor === f.code || e.recipient === f.code;
  return e.actor === f.from && e.recipient === f.to;
}

function setFilter(filter) {
  state.filter = filter;
  renderTable();
  for (const node of document.querySelectorAll("#network-svg .node")) {
    node.classList.toggle("selected", !!filter && filter.kind === "actor" && node.dataset.actor === filter.code);
  }
  for (const edge of document.querySelectorAll("#network-svg .edge")) {
    edge.classList.toggle("selected", !!filter && filter.kind === "dyad" && edge.dataset.from === filter.from && edge.dataset.to === filter.to);
  }
}

function renderTable() {
  const body = document.querySelector("#events-table tbody");
  const shown = state.events.filter(matchesFilter);
  const filterLine = document.getElementById("events-filter");
  filterLine.replaceChildren();
  if (state.filter) {
    const what = state.filter.kind === "actor" ? "involving " + state.filter.code : state.filter.from + " → " + state.filter.to;
    filterLine.append(`Showing ${plural(shown.length, "event")} ${what} `, h("button", { type: "button", onclick: () => setFilter(null) }, "Show all"));
  } else {
    filterLine.textContent = `${plural(shown.length, "event")}, in date order.`;
  }
  body.replaceChildren(...shown.map((e) => {
    const row = h("tr", { class: "event" + (state.selected === e.id ? " selected" : ""), "data-event": e.id },
      h("td", { class: "code" }, e.date || "—"),
      h("td", {}, h("span", { class: "type" }, swatch(e), e.event_type)),
      h("td", { title: e.actor_name || "" }, e.actor || "—"),
      h("td", { title: e.recipient_name || "" }, e.recipient || "—"),
      h("td", {}, e.modality === "asserted" ? "" : h("span", { class: "tag" }, e.modality)),
      h("td", { class: "num", title: plural(e.reports, "report") }, e.sources || e.reports));
    clickable(row, eventLabel(e), () => selectEvent(e.id));
    row.removeAttribute("role"); // a row stays a row for screen readers; it is still focusable
    return row;
  }));
  if (shown.length === 0) body.appendChild(h("tr", {}, h("td", { colspan: 6, class: "empty" }, "No events.")));
}

// ---------------------------------------------------------------- evidence

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

/**
 * The sentence with actor, trigger and recipient marked. Spans are byte
 * offsets (Rust strings are UTF-8) relative to the sentence, so they are cut
 * from the UTF-8 bytes, not from the JS (UTF-16) string.
 */
function highlighted(sentence, spans) {
  const bytes = utf8.encode(sentence);
  const marks = spans
    .filter((m) => m.span && Number.isInteger(m.span.start) && Number.isInteger(m.span.end) && m.span.start < m.span.end && m.span.end <= bytes.length)
    .sort((a, b) => a.span.start - b.span.start);
  const out = [];
  let at = 0;
  for (const m of marks) {
    if (m.span.start < at) continue; // overlapping spans: keep the first
    out.push(fromUtf8.decode(bytes.slice(at, m.span.start)));
    out.push(h("mark", { class: m.role, title: m.role }, fromUtf8.decode(bytes.slice(m.span.start, m.span.end))));
    at = m.span.end;
  }
  out.push(fromUtf8.decode(bytes.slice(at)));
  return h("p", { class: "sentence" }, out);
}

/** Spans of a report (byte offsets into its sentence). */
function reportSpans(report) {
  return [
    { role: "actor", span: report.actor && report.actor.span },
    { role: "trigger", span: report.trigger },
    { role: "recipient", span: report.recipient && report.recipient.span },
  ];
}

async function selectEvent(id) {
  state.selected = id;
  for (const row of document.querySelectorAll("#events-table tr.event")) row.classList.toggle("selected", row.dataset.event === String(id));
  for (const mark of document.querySelectorAll("#timeline-svg .mark")) mark.classList.toggle("selected", mark.dataset.event === String(id));
  const panel = document.getElementById("evidence");
  panel.setAttribute("aria-busy", "true");
  try {
    const detail = await api("/api/events/" + encodeURIComponent(id));
    if (state.selected !== id) return;
    panel.replaceChildren(renderEvidence(detail));
  } catch (err) {
    panel.replaceChildren(h("p", { class: "error" }, "Could not load the event: " + err.message));
  } finally {
    panel.removeAttribute("aria-busy");
  }
}

function renderEvidence(detail) {
  const event = normEvent(detail.event);
  const raw = event.raw;
  const reports = detail.reports || [];
  const facts = h("dl", { class: "facts" },
    h("dt", {}, "Event"), h("dd", {}, h("span", { class: "type" }, swatch(event), event.event_type), raw.mode ? " (" + raw.mode + ")" : "", raw.cameo ? h("span", { class: "code" }, "  CAMEO " + raw.cameo) : null),
    h("dt", {}, "Actor"), h("dd", {}, actorLabel(event.actor, event.actor_name)),
    h("dt", {}, "Recipient"), h("dd", {}, actorLabel(event.recipient, event.recipient_name)),
    h("dt", {}, "Date"), h("dd", {}, event.date ? event.date + (raw.date_precision && raw.date_precision !== "day" ? " (" + raw.date_precision + ")" : "") : "unknown"),
    raw.location ? [h("dt", {}, "Place"), h("dd", {}, raw.location)] : null,
    h("dt", {}, "Modality"), h("dd", {}, event.modality),
    typeof event.goldstein === "number" ? [h("dt", {}, "Goldstein"), h("dd", {}, event.goldstein.toFixed(1))] : null);
  const outlets = [...new Set(reports.map((r) => r.source).filter(Boolean))];
  const list = reports.map((r) => {
    const title = r.title || r.document_key || "document " + r.document_id;
    const speaker = r.speaker && (r.speaker.name || r.speaker.code);
    return h("div", { class: "report" },
      highlighted(r.sentence || "", reportSpans(r)),
      speaker ? h("div", { class: "meta" }, "Said by " + speaker) : null,
      h("div", { class: "meta" },
        r.url ? h("a", { href: r.url, rel: "noopener noreferrer" }, title) : title,
        r.source ? " · " + r.source : "",
        r.document_date ? " · " + r.document_date : ""));
  });
  return h("div", { class: "evidence-body" },
    facts,
    h("p", { class: "meta outlets" }, outlets.length ? "Reported by " + plural(outlets.length, "outlet") + ": " + outlets.join(", ") : "Reported by an unnamed outlet."),
    list.length ? list : h("p", { class: "empty" }, "No reports stored for this event."));
}

// ---------------------------------------------------------------- quotes

function renderQuotes() {
  const host = document.getElementById("quotes");
  const groups = (state.story && state.story.quotes) || [];
  host.replaceChildren();
  if (!groups.length) {
    host.appendChild(h("p", { class: "empty" }, "No quotes in this story."));
    return;
  }
  for (const g of groups) {
    const quotes = g.quotes || [];
    const who = g.speaker === "?" ? (quotes[0] && quotes[0].speaker_text) || "Unknown speaker" : actorLabel(g.speaker, g.name);
    host.appendChild(h("div", { class: "speaker" },
      h("h3", {}, who, " ", h("span", { class: "tag" }, plural(quotes.length, "quote"))),
      quotes.map((q) => {
        const quote = h("blockquote", {}, q.quote);
        if (q.event_id !== null && q.event_id !== undefined && state.byId.has(q.event_id)) {
          clickable(quote, "Evidence for this quote", () => selectEvent(q.event_id));
        }
        return h("div", {}, quote, h("div", { class: "meta" }, [q.speaker_text, q.source, q.date].filter(Boolean).join(" · ")));
      })));
  }
}

// ---------------------------------------------------------------- outlets

function renderOutlets() {
  const host = document.getElementById("outlets");
  const outlets = (state.story && state.story.outlets) || [];
  host.replaceChildren();
  if (!outlets.length) {
    host.appendChild(h("p", { class: "empty" }, "No outlets recorded."));
    return;
  }
  const columns = state.events;
  const header = h("tr", {}, h("th", { scope: "col" }, "Outlet"), h("th", { scope: "col", class: "num" }, "Events"),
    columns.map((e) => h("th", { scope: "col", class: "ev", title: eventLabel(e) }, (e.date || "").slice(5) + " " + e.event_type)));
  const rows = outlets.map((o) => {
    const ids = new Set((o.events || []).map(String));
    return h("tr", {},
      h("th", { scope: "row" }, o.source === "?" ? "unnamed outlet" : o.source),
      h("td", { class: "num" }, ids.size),
      columns.map((e) => {
        if (!ids.has(String(e.id))) return h("td", {});
        const cell = h("td", { class: "hit" }, swatch(e));
        clickable(cell, eventLabel(e), () => selectEvent(e.id));
        tip(cell, () => o.source + ": " + eventLabel(e));
        return cell;
      }));
  });
  host.appendChild(h("table", { class: "matrix" }, h("thead", {}, header), h("tbody", {}, rows)));
}

// ---------------------------------------------------------------- page

function renderHeader() {
  const story = state.story.story;
  const title = story.title || "Story " + story.id;
  document.title = title + " · parley";
  document.getElementById("story-title").textContent = title;
  const dates = state.events.map((e) => e.date).filter(Boolean).sort();
  const range = dates.length ? (dates[0] === dates[dates.length - 1] ? dates[0] : dates[0] + " to " + dates[dates.length - 1]) : "";
  document.getElementById("story-sub").textContent = [range, plural(story.num_documents, "article")].filter(Boolean).join(" · ");
  const actors = new Set(state.events.flatMap((e) => [e.actor, e.recipient]).filter(Boolean));
  const coop = state.events.filter(isCoop).length;
  const outlets = Number(story.num_sources ?? (state.story.outlets || []).length);
  const stat = (n, label) => h("span", {}, h("b", {}, n), " " + label);
  document.getElementById("story-stats").replaceChildren(
    stat(state.events.length, "events"), stat(coop, "cooperation"), stat(state.events.length - coop, "conflict"),
    stat(actors.size, "actors"), stat(outlets, "outlets"));
}

// The story answer holds the first page of events and quotes; the rest
// come from the cursors it gives, up to a bound so a huge story stays usable.
const PAGE = 1000;
const MAX_PAGES = 20;

async function loadRest(story) {
  const id = encodeURIComponent(story.story.id);
  const more = (path, cursor) => api(`${path}?story=${id}&limit=${PAGE}&cursor=${encodeURIComponent(cursor)}`);
  let next = story.next;
  for (let i = 0; next && i < MAX_PAGES; i++) {
    const page = await api(`/api/events?story=${id}&modality=any&limit=${PAGE}&cursor=${encodeURIComponent(next)}`);
    story.timeline = (story.timeline || []).concat(page.events || []);
    next = page.next;
  }
  next = story.quotes_next;
  story.quotes = story.quotes || [];
  for (let i = 0; next && i < MAX_PAGES; i++) {
    const page = await more("/api/quotes", next);
    for (const q of page.quotes || []) {
      const speaker = q.speaker_code || "?";
      let group = story.quotes.find((g) => g.speaker === speaker);
      if (!group) {
        group = { speaker, name: q.speaker_name, quotes: [] };
        story.quotes.push(group);
      }
      group.quotes.push(q);
    }
    next = page.next;
  }
}

async function main() {
  const id = decodeURIComponent(location.pathname.split("/").filter(Boolean).pop() || "");
  const root = document.getElementById("story");
  try {
    state.story = await api("/api/stories/" + encodeURIComponent(id) + "?limit=" + PAGE);
    await loadRest(state.story);
  } catch (err) {
    document.getElementById("story-title").textContent = err.status === 404 ? "No such story" : "Could not load the story";
    document.getElementById("story-sub").textContent = err.message;
    root.removeAttribute("aria-busy");
    return;
  }
  const events = state.story.timeline || [];
  state.events = events.map(normEvent).sort((a, b) => String(a.date || "9999").localeCompare(String(b.date || "9999")) || (a.id > b.id ? 1 : -1));
  state.byId = new Map(state.events.map((e) => [e.id, e]));
  renderHeader();
  renderTimeline();
  renderNetwork();
  renderTable();
  renderQuotes();
  renderOutlets();
  root.removeAttribute("aria-busy");
  document.body.dataset.ready = "true";
  const wanted = new URLSearchParams(location.search).get("event");
  if (wanted && state.byId.has(Number(wanted))) selectEvent(Number(wanted));
  let width = window.innerWidth;
  window.addEventListener("resize", () => {
    if (Math.abs(window.innerWidth - width) < 40) return;
    width = window.innerWidth;
    renderTimeline();
    renderNetwork();
    setFilter(state.filter);
  });
}

document.addEventListener("DOMContentLoaded", main);
