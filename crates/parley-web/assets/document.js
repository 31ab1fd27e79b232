// The document page: the full article with every coded span highlighted
// (actor, trigger, recipient, date, place, speaker, other actor mentions),
// sentences anchored (#s3), and the events coded in it.
"use strict";

async function main() {
  const id = decodeURIComponent(location.pathname.split("/").filter(Boolean).pop() || "");
  const root = document.getElementById("document-page");
  let doc;
  let marks;
  try {
    [doc, marks] = await Promise.all([
      api("/api/documents/" + encodeURIComponent(id)),
      api("/api/documents/" + encodeURIComponent(id) + "/marks"),
    ]);
  } catch (err) {
    root.removeAttribute("aria-busy");
    pageError(err, "document");
    return;
  }
  const d = doc.document;
  const title = d.title || d.key;
  document.title = title + " · parley";
  document.getElementById("document-title").textContent = title;
  fill(document.getElementById("document-sub"), 
    [d.source || "unnamed outlet", d.date || "undated", plural(d.num_sentences, "sentence"), plural(d.num_reports, "event report")].join(" · "),
    d.url ? [" · ", h("a", { href: d.url, rel: "noopener noreferrer" }, "original")] : "");
  if (d.story_id !== null && d.story_id !== undefined) {
    document.getElementById("crumbs").append(" › ", h("a", { href: "/story/" + d.story_id, id: "document-story" }, "Story " + d.story_id));
  }
  const spans = (marks.marks || []).map((m) => {
    const what = m.role === "trigger" ? typeName(m.value) : m.name ? actorLabel(m.value, m.name) : m.value || "";
    return { role: m.role, start: m.start, end: m.end, title: (ROLE_LABELS[m.role] || m.role) + (what ? ": " + what : ""), event: m.event_id };
  });
  const roles = ROLE_ORDER.filter((role) => spans.some((m) => m.role === role));
  fill(document.getElementById("marks-legend"), markLegend(roles));
  // Sentences cut from the text by their byte spans; the text between them (blank lines) is kept.
  const text = doc.text || "";
  const bytes = UTF8.encode(text);
  const article = document.getElementById("document-text");
  const out = [];
  let at = 0;
  const link = (mark, over) => {
    const ev = over.find((m) => m.event);
    if (ev) mark.dataset.event = ev.event;
  };
  for (const sentence of marks.sentences || []) {
    if (sentence.start < at || sentence.end > bytes.length) continue;
    if (sentence.start > at) out.push(FROM_UTF8.decode(bytes.slice(at, sentence.start)));
    const piece = FROM_UTF8.decode(bytes.slice(sentence.start, sentence.end));
    const inside = spans.filter((m) => m.start >= sentence.start && m.end <= sentence.end);
    out.push(h("span", { class: "sent", id: "s" + sentence.index }, markSpans(piece, inside, sentence.start, link)));
    at = sentence.end;
  }
  if (at < bytes.length) out.push(FROM_UTF8.decode(bytes.slice(at)));
  fill(article, ...out);
  // A mark of an event opens the event page.
  article.addEventListener("click", (e) => {
    const mark = e.target.closest && e.target.closest("mark[data-event]");
    if (mark) location.href = "/event/" + mark.dataset.event;
  });
  const reports = doc.reports || [];
  fill(document.getElementById("document-events"), reports.length
    ? h("table", { id: "document-events-table" },
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Sent."), h("th", { scope: "col" }, "Event"), h("th", { scope: "col" }, "Actor"), h("th", { scope: "col" }, "Recipient"))),
      h("tbody", {}, reports.map((r) => h("tr", { "data-event": r.event_id },
        h("td", { class: "num" }, h("a", { href: "#s" + r.sentence_index }, Number(r.sentence_index) + 1)),
        h("td", {}, r.event_id !== null && r.event_id !== undefined ? h("a", { href: "/event/" + r.event_id, class: "event-link" }, typeCell(r)) : typeCell(r),
          r.modality !== "asserted" ? [" ", h("span", { class: "tag" }, r.modality)] : null),
        h("td", {}, r.actor ? actorLink(r.actor.code, r.actor.name) : "—"),
        h("td", {}, r.recipient ? actorLink(r.recipient.code, r.recipient.name) : "—")))))
    : h("p", { class: "empty" }, "No events coded in this article."));
  root.removeAttribute("aria-busy");
  if (location.hash) {
    const target = document.getElementById(location.hash.slice(1));
    if (target) { target.classList.add("target"); target.scrollIntoView({ block: "center" }); }
  }
  ready();
}

document.addEventListener("DOMContentLoaded", main);
