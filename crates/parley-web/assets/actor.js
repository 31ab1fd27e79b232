// The actor page: its counts, its events as actor or recipient (paged, the
// role and page kept in the URL), its partners, event types and stories.
"use strict";

const ROWS = 25;
const ROLES = [["either", "Either role"], ["actor", "As actor"], ["recipient", "As recipient"]];
let detail = null;

function view() {
  const params = new URLSearchParams(location.search);
  const role = ROLES.some(([r]) => r === params.get("role")) ? params.get("role") : "either";
  return { role, page: Math.max(1, parseInt(params.get("page") || "1", 10) || 1) };
}

function go(change) {
  const v = view();
  change(v);
  const params = new URLSearchParams();
  if (v.role !== "either") params.set("role", v.role);
  if (v.page > 1) params.set("page", String(v.page));
  const q = params.toString();
  history.pushState(null, "", location.pathname + (q ? "?" + q : ""));
  renderEvents();
}

async function renderEvents() {
  const v = view();
  document.body.dataset.ready = "false";
  fill(document.getElementById("role-buttons"), ...ROLES.map(([role, label]) => h("button", {
    type: "button", class: v.role === role ? "on" : "", "aria-pressed": String(v.role === role), "data-role": role,
    onclick: () => go((x) => { x.role = role; x.page = 1; }),
  }, label)));
  const offset = (v.page - 1) * ROWS;
  const answer = await api(`/api/actors/${encodeURIComponent(detail.code)}/events?role=${v.role}&offset=${offset}&limit=${ROWS}`);
  const body = document.querySelector("#events-table tbody");
  fill(body, ...answer.events.map((e) => h("tr", { class: "event", "data-event": e.id },
    h("td", { class: "code nowrap" }, e.date || "undated"),
    h("td", {}, typeCell(e)),
    h("td", { class: e.actor_code === detail.code ? "self" : "" }, actorLink(e.actor_code, e.actor_name)),
    h("td", { class: e.recipient_code === detail.code ? "self" : "" }, actorLink(e.recipient_code, e.recipient_name)),
    h("td", {}, e.modality === "asserted" ? "" : h("span", { class: "tag" }, e.modality)),
    h("td", {}, e.story_id !== null && e.story_id !== undefined ? h("a", { href: "/story/" + e.story_id }, "Story " + e.story_id) : ""),
    h("td", {}, h("a", { href: "/event/" + e.id, class: "open" }, "Event page")))));
  if (!answer.events.length) body.appendChild(h("tr", {}, h("td", { colspan: 7, class: "empty" }, "No events.")));
  fill(document.getElementById("events-pager"), pager("events-pager-main", answer.offset, answer.events.length, answer.total,
    (step) => go((x) => { x.page = Math.max(1, x.page + step); })));
  ready();
}

function renderPartners() {
  const host = document.getElementById("partners");
  const partners = detail.partners || [];
  if (!partners.length) {
    fill(host, h("p", { class: "empty" }, "No events with a counterpart."));
    return;
  }
  fill(host, h("table", { id: "partners-table" },
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Partner"), h("th", { scope: "col", class: "num", title: "events from this actor to the partner" }, "→"),
      h("th", { scope: "col", class: "num", title: "events from the partner to this actor" }, "←"),
      h("th", { scope: "col", class: "num" }, "Coop."), h("th", { scope: "col", class: "num" }, "Conflict"))),
    h("tbody", {}, partners.map((p) => h("tr", {}, h("td", {}, actorLink(p.code, p.name)), h("td", { class: "num" }, p.outgoing), h("td", { class: "num" }, p.incoming),
      h("td", { class: "num" }, p.cooperation), h("td", { class: "num" }, p.conflict))))),
    detail.num_partners > partners.length ? h("p", { class: "meta" }, `The ${partners.length} most frequent of ${detail.num_partners} partners.`) : null);
}

function renderTypes() {
  const types = detail.types || [];
  fill(document.getElementById("types"), types.length ? h("table", { id: "types-table" },
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Type"), h("th", { scope: "col", class: "num" }, "As actor"), h("th", { scope: "col", class: "num" }, "As recipient"))),
    h("tbody", {}, types.map((t) => h("tr", {}, h("td", {}, typeCell({ event_type: t.event_type })), h("td", { class: "num" }, t.as_actor), h("td", { class: "num" }, t.as_recipient)))))
    : h("p", { class: "empty" }, "No events."));
  const stories = detail.stories || [];
  fill(document.getElementById("actor-stories"), stories.length
    ? h("ul", { class: "plain" }, stories.map((st) => h("li", {}, h("a", { href: "/story/" + st.id + "?party=" + encodeURIComponent(detail.code) }, st.title || "Story " + st.id), " ", h("span", { class: "tag" }, plural(st.events, "event")))))
    : h("p", { class: "empty" }, "In no story."));
}

async function main() {
  const code = decodeURIComponent(location.pathname.split("/").filter(Boolean).pop() || "");
  const root = document.getElementById("actor-page");
  try {
    detail = await api("/api/actors/" + encodeURIComponent(code));
  } catch (err) {
    root.removeAttribute("aria-busy");
    pageError(err, "actor");
    return;
  }
  const name = detail.name || detail.code;
  document.title = name + " · parley";
  fill(document.getElementById("actor-title"), name, " ", h("span", { class: "code big" }, detail.code));
  document.getElementById("actor-sub").textContent = "Events of every modality in the store with this exact code.";
  fill(document.getElementById("actor-stats"), 
    stat(detail.events, "events", "events"),
    stat(detail.as_actor, "as actor", "as_actor"), stat(detail.as_recipient, "as recipient", "as_recipient"),
    stat(detail.num_partners, "partners", "partners"), stat(detail.mentions, "mentions", "mentions"));
  renderPartners();
  renderTypes();
  await renderEvents();
  root.removeAttribute("aria-busy");
  window.addEventListener("popstate", () => renderEvents());
}

document.addEventListener("DOMContentLoaded", main);
