// The start page: counts, stories, and search results.
"use strict";

async function renderCounts() {
  try {
    const counts = await api("/api/counts");
    const stat = (n, label) => h("span", {}, h("b", {}, n ?? 0), " " + label);
    document.getElementById("counts").replaceChildren(
      stat(counts.documents, "documents"), stat(counts.events, "events"),
      stat(counts.stories, "stories"), stat(counts.quotes, "quotes"));
  } catch (_) {
    // Counts are a nicety; the page works without them.
  }
}

async function renderStories() {
  const host = document.getElementById("stories");
  try {
    const body = await api("/api/stories");
    const stories = body.stories || [];
    if (!stories.length) {
      host.replaceChildren(h("p", { class: "empty" }, "No stories yet. Ingest some articles with `parley ingest`."));
      return;
    }
    host.replaceChildren(h("ul", { class: "stories", id: "story-list" }, stories.map((story) => {
      const dates = [story.first_date, story.last_date].filter(Boolean);
      const range = dates.length === 2 && dates[0] !== dates[1] ? dates[0] + " to " + dates[1] : dates[0] || "";
      const facts = [
        range,
        plural(Number(story.num_events || 0), "event"),
        plural(Number(story.num_documents || 0), "article"),
        plural(Number(story.num_sources || 0), "outlet"),
        (story.actors || []).join(", "),
      ].filter(Boolean);
      return h("li", {},
        h("a", { href: "/story/" + encodeURIComponent(story.id) }, story.title || story.label || "Story " + story.id),
        h("div", { class: "meta" }, facts.join(" · ")));
    })));
  } catch (err) {
    host.replaceChildren(h("p", { class: "error" }, "Could not load the stories: " + err.message));
  }
}

/** A snippet with matches marked `[like this]`, as text nodes and <mark>s. */
function snippet(text) {
  const out = [];
  const re = /\[([^\]]*)\]/g;
  let at = 0;
  let m;
  while ((m = re.exec(text)) !== null) {
    out.push(text.slice(at, m.index), h("mark", { class: "trigger" }, m[1]));
    at = m.index + m[0].length;
  }
  out.push(text.slice(at));
  return out;
}

function renderHit(hit) {
  const title = hit.title || "document " + hit.document_id;
  const link = hit.story_id !== null && hit.story_id !== undefined ? "/story/" + encodeURIComponent(hit.story_id) : null;
  return h("li", {},
    h("div", {}, snippet(hit.snippet || hit.text || "")),
    h("div", { class: "meta" }, link ? h("a", { href: link }, title) : title, [hit.source, hit.date].filter(Boolean).map((x) => " · " + x)));
}

async function renderSearch(query) {
  const panel = document.getElementById("search-panel");
  const host = document.getElementById("search-results");
  panel.hidden = false;
  document.getElementById("search-h").textContent = "Search: " + query;
  host.replaceChildren(h("p", { class: "empty" }, "Searching…"));
  try {
    const body = await api("/api/search?q=" + encodeURIComponent(query) + "&limit=50");
    const hits = body.results || [];
    if (!hits.length) {
      host.replaceChildren(h("p", { class: "empty" }, "Nothing found."));
      return;
    }
    host.replaceChildren(h("ul", { class: "stories", id: "search-list" }, hits.map(renderHit)));
  } catch (err) {
    host.replaceChildren(h("p", { class: "error" }, "Search failed: " + err.message));
  }
}

document.addEventListener("DOMContentLoaded", () => {
  const query = new URLSearchParams(location.search).get("q");
  renderCounts();
  renderStories();
  if (query && query.trim()) renderSearch(query.trim());
});
