// Shared helpers for parley's pages: DOM building, API calls, colours, tooltips.
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";

/** Builds an HTML element: h("a", {href: "/"}, "text", child...). */
function h(tag, attrs, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

/** Builds an SVG element. */
function s(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

function setAttrs(node, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
    else if (key === "class") node.setAttribute("class", value);
    else if (key === "text") node.textContent = value;
    else node.setAttribute(key, value === true ? "" : String(value));
  }
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
  }
}

/** GET a JSON document from the API; throws an Error carrying the API's message. */
async function api(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  let body = null;
  try { body = await response.json(); } catch (_) { body = null; }
  if (!response.ok) {
    const message = body && body.message ? body.message : response.status + " " + response.statusText;
    const error = new Error(message);
    error.status = response.status;
    throw error;
  }
  return body;
}

// Cooperation/conflict classes follow GDELT's QuadClass:
// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
const QUADS = {
  1: { key: "coop-verbal", label: "Verbal cooperation", colour: "#2f6fd0", coop: true },
  2: { key: "coop-material", label: "Material cooperation", colour: "#138a72", coop: true },
  3: { key: "conf-verbal", label: "Verbal conflict", colour: "#e07b00", coop: false },
  4: { key: "conf-material", label: "Material conflict", colour: "#c0392b", coop: false },
};
const NEUTRAL = "#7b8794";

const COOP_TYPES = new Set(["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"]);

/** The QuadClass of an event, inferred from its type when the store did not give one. */
function quadOf(event) {
  const q = Number(event.quad_class);
  if (q >= 1 && q <= 4) return q;
  const type = String(event.event_type || "").toUpperCase();
  if (COOP_TYPES.has(type)) return 1;
  return type ? 3 : 0;
}

function isCoop(event) {
  const q = quadOf(event);
  return q === 1 || q === 2;
}

function colourOf(event) {
  const quad = QUADS[quadOf(event)];
  return quad ? quad.colour : NEUTRAL;
}

/** A small swatch in the event's colour and shape (circle = cooperation, square = conflict). */
function swatch(event) {
  return h("span", { class: "swatch" + (isCoop(event) ? "" : " square"), style: "background:" + colourOf(event), "aria-hidden": "true" });
}

/** The legend of the four classes, as an <ul>. */
function legend(extra) {
  const items = Object.values(QUADS).map((quad) =>
    h("li", {},
      s("svg", { width: 12, height: 12, "aria-hidden": "true" },
        quad.coop
          ? s("circle", { cx: 6, cy: 6, r: 5.5, fill: quad.colour })
          : s("rect", { x: 0.5, y: 0.5, width: 11, height: 11, fill: quad.colour })),
      quad.label));
  return h("ul", { class: "legend" }, items, extra || []);
}

// One tooltip element for the page, following the pointer.
let tipNode = null;
function tip(target, textFn) {
  target.addEventListener("mouseenter", (e) => showTip(textFn(), e));
  target.addEventListener("mousemove", (e) => moveTip(e));
  target.addEventListener("mouseleave", hideTip);
  target.addEventListener("focus", () => {
    const rect = target.getBoundingClientRect();
    showTip(textFn(), { clientX: rect.right, clientY: rect.bottom });
  });
  target.addEventListener("blur", hideTip);
}
function showTip(text, e) {
  if (!tipNode) {
    tipNode = h("div", { class: "tip", role: "tooltip" });
    document.body.appendChild(tipNode);
  }
  tipNode.textContent = text;
  tipNode.style.display = "block";
  moveTip(e);
}
function moveTip(e) {
  if (!tipNode) return;
  const x = Math.min(e.clientX + 12, window.innerWidth - tipNode.offsetWidth - 8);
  const y = Math.min(e.clientY + 14, window.innerHeight - tipNode.offsetHeight - 8);
  tipNode.style.left = x + "px";
  tipNode.style.top = y + "px";
}
function hideTip() { if (tipNode) tipNode.style.display = "none"; }

/** The name to show for an actor code: its name when known, else the code. */
function actorLabel(code, name) {
  if (name && code && name !== code) return name + " (" + code + ")";
  return name || code || "—";
}

function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

/** Makes an element behave as a button for keyboard users too. */
function clickable(node, label, onActivate) {
  node.setAttribute("tabindex", "0");
  node.setAttribute("role", "button");
  if (label) node.setAttribute("aria-label", label);
  node.addEventListener("click", onActivate);
  node.addEventListener("keydown", (e) => {
    if (e.key === "Enter" || e.key === " ") { e.preventDefault(); onActivate(e); }
  });
}

/** Wires the header's search form (present on every page) to the search page. */
function wireSearch() {
  const form = document.getElementById("search-form");
  if (!form) return;
  const input = form.querySelector("input");
  const params = new URLSearchParams(location.search);
  if (params.get("q") && input) input.value = params.get("q");
}
document.addEventListener("DOMContentLoaded", wireSearch);

// ---------------------------------------------------------------- names, links, spans

/** A PLOVER type as a word: "REJECT" -> "Reject". */
function typeName(type) {
  const t = String(type || "");
  return t ? t.charAt(0) + t.slice(1).toLowerCase() : "—";
}

/** "Name CODE" with the code set apart; the code alone when there is no name. */
function actorText(code, name) {
  if (!code) return [h("span", { class: "none" }, "—")];
  if (!name || name === code) return [h("span", { class: "code" }, code)];
  return [name, " ", h("span", { class: "code" }, code)];
}

/** A link to an actor's page, showing its name and code. */
function actorLink(code, name) {
  if (!code) return h("span", { class: "none" }, "—");
  return h("a", { class: "actor-link", href: "/actor/" + encodeURIComponent(code), title: actorLabel(code, name) }, actorText(code, name));
}

/** The event type with its colour swatch, readable name and codes. */
function typeCell(event) {
  const e = { event_type: event.event_type, quad_class: event.quad_class };
  return h("span", { class: "type" }, swatch(e), typeName(event.event_type),
    event.cameo ? h("span", { class: "code dim", title: "CAMEO code" }, event.cameo) : null);
}

function fmt(n) { return Number(n || 0).toLocaleString("en-US"); }

const UTF8 = new TextEncoder();
const FROM_UTF8 = new TextDecoder();

// When spans overlap, the segment takes the class of the first role here.
const ROLE_ORDER = ["trigger", "actor", "recipient", "speaker", "date", "place", "mention"];
const ROLE_LABELS = {
  actor: "Actor", trigger: "Trigger (what was done)", recipient: "Recipient", date: "Date",
  place: "Place", speaker: "Speaker", mention: "Other actor mention",
};

/**
 * `text` cut at byte spans `[{role, start, end, title}]` (UTF-8 offsets, as
 * Rust stores them) into text nodes and <mark>s. Overlapping spans split
 * into segments; a segment shows its highest-ranked role and lists all.
 * `base` is the byte offset of `text` in the offsets' frame.
 */
function markSpans(text, spans, base, extra) {
  const bytes = UTF8.encode(text);
  base = base || 0;
  const ok = spans.map((m) => ({ ...m, start: m.start - base, end: m.end - base }))
    .filter((m) => Number.isInteger(m.start) && Number.isInteger(m.end) && m.start >= 0 && m.start < m.end && m.end <= bytes.length);
  const cuts = new Set([0, bytes.length]);
  for (const m of ok) { cuts.add(m.start); cuts.add(m.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = FROM_UTF8.decode(bytes.slice(a, b));
    const over = ok.filter((m) => m.start <= a && m.end >= b);
    if (!over.length) { out.push(piece); continue; }
    over.sort((x, y) => ROLE_ORDER.indexOf(x.role) - ROLE_ORDER.indexOf(y.role));
    const roles = [...new Set(over.map((m) => m.role))];
    const title = over.map((m) => m.title || ROLE_LABELS[m.role] || m.role).filter((t, j, all) => all.indexOf(t) === j).join("; ");
    const mark = h("mark", { class: roles[0], title, "data-roles": roles.join(" ") }, piece);
    if (extra) extra(mark, over);
    out.push(mark);
  }
  return out;
}

/** The legend of highlight colours, for the roles given. */
function markLegend(roles) {
  return h("ul", { class: "legend marks-legend" }, roles.map((role) => h("li", {}, h("mark", { class: role }, ROLE_LABELS[role] || role))));
}

/** A report's spans (byte offsets into its sentence). */
function reportMarks(report) {
  const party = (p, role) => p && p.span ? { role, start: p.span.start, end: p.span.end, title: ROLE_LABELS[role] + ": " + actorLabel(p.code, p.name) } : null;
  return [
    party(report.actor, "actor"),
    report.trigger ? { role: "trigger", start: report.trigger.start, end: report.trigger.end, title: "Trigger: " + typeName(report.event_type) } : null,
    party(report.recipient, "recipient"),
    report.date_text ? { role: "date", start: report.date_text.start, end: report.date_text.end, title: "Date: " + (report.date || "") } : null,
    party(report.speaker, "speaker"),
  ].filter(Boolean);
}

/** Pager: "Showing a–b of n" and previous/next buttons. */
function pager(id, offset, shown, total, onPage) {
  const from = total ? offset + 1 : 0;
  const to = offset + shown;
  const prev = h("button", { type: "button", class: "prev", disabled: offset <= 0 ? true : null, onclick: () => onPage(-1) }, "← Previous");
  const next = h("button", { type: "button", class: "next", disabled: to >= total ? true : null, onclick: () => onPage(1) }, "Next →");
  return h("div", { class: "pager", id },
    h("span", { class: "meta" }, "Showing ", h("b", { class: "range" }, fmt(from) + "–" + fmt(to)), " of ", h("b", { class: "total", "data-total": total }, fmt(total))),
    prev, next);
}

/** A stat for the header: a bold number (with data-count for tests) and a label. */
function stat(n, label, key) {
  return h("span", { class: "stat" }, h("b", { "data-count": key || label }, fmt(n)), " " + label);
}

/** Marks the page as loaded (tests wait for it). */
function ready() { document.body.dataset.ready = "true"; }

/** The error line of a page whose data could not load. */
function pageError(err, what) {
  const title = document.querySelector("main h1");
  if (title) title.textContent = err.status === 404 ? "No such " + what : "Could not load the " + what;
  const main = document.querySelector("main");
  if (main) main.appendChild(h("p", { class: "error" }, err.message));
  ready();
}

/** Replaces a node's children: arrays are flattened, null and false left out. */
function fill(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}
