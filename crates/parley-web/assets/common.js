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
