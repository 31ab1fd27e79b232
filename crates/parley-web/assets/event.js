// The event page: what happened, who reported it, and every report's
// sentence with actor, trigger, recipient and date highlighted.
"use strict";

function facts(e) {
  return h("dl", { class: "facts" },
    h("dt", {}, "Event"), h("dd", {}, typeCell(e), " ", h("span", { class: "meta" }, "PLOVER " + e.event_type + (e.mode ? " (" + e.mode + ")" : "") + " · CAMEO " + e.cameo)),
    h("dt", {}, "Actor"), h("dd", { id: "event-actor" }, actorLink(e.actor_code, e.actor_name)),
    h("dt", {}, "Recipient"), h("dd", { id: "event-recipient" }, actorLink(e.recipient_code, e.recipient_name)),
    h("dt", {}, "Date"), h("dd", {}, e.date ? e.date + (e.date_precision && e.date_precision !== "day" ? " (" + e.date_precision + ")" : "") : "unknown"),
    h("dt", {}, "Place"), h("dd", {}, e.location ? e.location + (e.location_country ? " (" + e.location_country + ")" : "") : "—"),
    h("dt", {}, "Modality"), h("dd", {}, e.modality),
    h("dt", {}, "Goldstein"), h("dd", {}, Number(e.goldstein).toFixed(1) + " (" + (QUADS[e.quad_class] ? QUADS[e.quad_class].label.toLowerCase() : "unclassed") + ")"),
    h("dt", {}, "Story"), h("dd", {}, e.story_id !== null && e.story_id !== undefined ? h("a", { href: "/story/" + e.story_id, id: "event-story" }, "Story " + e.story_id) : "—"));
}

function report(r) {
  const speaker = r.speaker && (r.speaker.name || r.speaker.code);
  return h("div", { class: "report", "data-report": r.id },
    h("p", { class: "sentence" }, markSpans(r.sentence || "", reportMarks(r))),
    h("div", { class: "meta" },
      h("a", { class: "doc-link", href: "/document/" + r.document_id + "#s" + r.sentence_index }, r.title || r.document_key),
      r.source ? " · " + r.source : "", r.document_date ? " · " + r.document_date : "",
      " · sentence " + (Number(r.sentence_index) + 1),
      r.event_type ? " · coded " + typeName(r.event_type) + " (" + r.cameo + ")" : "",
      r.modality && r.modality !== "asserted" ? " · " + r.modality : "",
      speaker ? " · said by " + speaker : "",
      r.url ? [" · ", h("a", { href: r.url, rel: "noopener noreferrer" }, "original")] : ""));
}

async function main() {
  const id = decodeURIComponent(location.pathname.split("/").filter(Boolean).pop() || "");
  const root = document.getElementById("event-page");
  let detail;
  try {
    detail = await api("/api/events/" + encodeURIComponent(id));
  } catch (err) {
    root.removeAttribute("aria-busy");
    pageError(err, "event");
    return;
  }
  const e = detail.event;
  const who = (code, name) => name || code || "someone";
  const title = `${who(e.actor_code, e.actor_name)}: ${typeName(e.event_type)}${e.recipient_code ? " → " + who(e.recipient_code, e.recipient_name) : ""}`;
  document.title = title + " · parley";
  document.getElementById("event-title").textContent = title;
  document.getElementById("event-sub").textContent = [e.date || "undated", e.location, plural(detail.reports.length, "report"), plural(e.num_documents, "article"), plural(e.num_sources, "outlet")].filter(Boolean).join(" · ");
  if (e.story_id !== null && e.story_id !== undefined) {
    document.getElementById("crumbs").append(" › ", h("a", { href: "/story/" + e.story_id + "?event=" + e.id }, "Story " + e.story_id));
  }
  fill(document.getElementById("event-facts"), facts(e));
  const outlets = detail.outlets || [];
  fill(document.getElementById("event-outlets"), outlets.length
    ? h("ul", { class: "plain" }, outlets.map((o) => h("li", {}, o, " ", h("span", { class: "tag" }, plural(detail.reports.filter((r) => r.source === o).length, "report")))))
    : h("p", { class: "empty" }, "An unnamed outlet."));
  fill(document.getElementById("reports-legend"), markLegend(["actor", "trigger", "recipient", "date", "speaker"]));
  fill(document.getElementById("reports"), ...detail.reports.map(report));
  if (!detail.reports.length) document.getElementById("reports").appendChild(h("p", { class: "empty" }, "No reports stored."));
  root.removeAttribute("aria-busy");
  ready();
}

document.addEventListener("DOMContentLoaded", main);
