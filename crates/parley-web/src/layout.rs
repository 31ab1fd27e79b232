//! The pages' shared shell: `assets/layout.html` holds the head (styles,
//! icon, scripts) and the top bar with the search form once; each page's
//! own file holds only its `<main>` element, and a [`Page`] names the
//! title and script that fill the shell's slots.

use std::borrow::Cow;
use std::sync::OnceLock;

/// The shell's file name under `assets/` (and under `PARLEY_WEB_ASSETS`).
pub(crate) const LAYOUT_FILE: &str = "layout.html";
const LAYOUT: &str = include_str!("../assets/layout.html");

/// The shell's slots.
const TITLE: &str = "{{title}}";
const SCRIPT: &str = "{{script}}";
const MAIN: &str = "{{main}}";

/// One page: the shell filled with its title, script and `<main>`.
pub(crate) struct Page {
    /// The file under `assets/` that holds the page's `<main>` element.
    pub(crate) file: &'static str,
    /// The document title, as written in `<title>`.
    title: &'static str,
    /// The page's own script under `/assets/` (after `common.js`).
    script: &'static str,
    /// The embedded `<main>` element (with its closing newline).
    main: &'static str,
    /// The page as rendered from the embedded files, made on first use.
    rendered: OnceLock<String>,
}

impl Page {
    const fn new(
        file: &'static str,
        title: &'static str,
        script: &'static str,
        main: &'static str,
    ) -> Page {
        Page { file, title, script, main, rendered: OnceLock::new() }
    }

    /// The page's markup. `layout` and `main` replace the embedded shell
    /// and `<main>` (files from `PARLEY_WEB_ASSETS`); without either, the
    /// embedded page is rendered once and kept.
    pub(crate) fn html(
        &'static self,
        layout: Option<String>,
        main: Option<String>,
    ) -> Cow<'static, str> {
        if layout.is_none() && main.is_none() {
            return Cow::Borrowed(self.rendered.get_or_init(|| render(LAYOUT, self, self.main)));
        }
        Cow::Owned(render(
            layout.as_deref().unwrap_or(LAYOUT),
            self,
            main.as_deref().unwrap_or(self.main),
        ))
    }
}

/// Fills the shell's slots. `main` goes in last, so nothing inside a
/// page's markup is ever taken for a slot.
fn render(layout: &str, page: &Page, main: &str) -> String {
    layout.replacen(TITLE, page.title, 1).replacen(SCRIPT, page.script, 1).replacen(MAIN, main, 1)
}

/// `/`: story list and search.
pub(crate) static INDEX: Page =
    Page::new("index.html", "parley", "index.js", include_str!("../assets/index.html"));
/// `/story/{id}`
pub(crate) static STORY: Page =
    Page::new("story.html", "Story · parley", "story.js", include_str!("../assets/story.html"));
/// `/event/{id}`
pub(crate) static EVENT: Page =
    Page::new("event.html", "Event · parley", "event.js", include_str!("../assets/event.html"));
/// `/actor/{code}`
pub(crate) static ACTOR: Page =
    Page::new("actor.html", "Actor · parley", "actor.js", include_str!("../assets/actor.html"));
/// `/document/{id}`
pub(crate) static DOCUMENT: Page = Page::new(
    "document.html",
    "Article · parley",
    "document.js",
    include_str!("../assets/document.html"),
);

/// Every page, for the tests.
#[cfg(test)]
pub(crate) static PAGES: [&Page; 5] = [&INDEX, &STORY, &EVENT, &ACTOR, &DOCUMENT];

#[cfg(test)]
mod tests {
    use super::*;

    /// The shell's text between its slots: what every page must carry once.
    fn shared_parts() -> Vec<&'static str> {
        [TITLE, SCRIPT, MAIN]
            .iter()
            .fold(vec![LAYOUT], |parts, slot| parts.iter().flat_map(|p| p.split(slot)).collect())
            .into_iter()
            .map(str::trim)
            .filter(|part| !part.is_empty())
            .collect()
    }

    #[test]
    fn the_layout_has_each_slot_once() {
        for slot in [TITLE, SCRIPT, MAIN] {
            assert_eq!(LAYOUT.matches(slot).count(), 1, "{slot}");
        }
    }

    #[test]
    fn every_page_has_the_shared_head_exactly_once() {
        let parts = shared_parts();
        assert!(parts.iter().any(|p| p.contains("<head>")), "{parts:?}");
        for page in PAGES {
            let html = page.html(None, None);
            for part in &parts {
                assert_eq!(html.matches(part).count(), 1, "{}: {part}", page.file);
            }
            for tag in ["<!doctype html>", "<head>", "</head>", "<header class=\"top\">", "<main"] {
                assert_eq!(html.matches(tag).count(), 1, "{}: {tag}", page.file);
            }
            assert!(!html.contains("{{"), "{}: a slot left unfilled", page.file);
            assert!(html.contains(&format!("<title>{}</title>", page.title)), "{}", page.file);
            let script = format!("<script src=\"/assets/{}\" defer></script>", page.script);
            assert!(html.contains(&script), "{}", page.file);
        }
    }

    #[test]
    fn a_page_file_holds_only_its_main() {
        for page in PAGES {
            assert!(page.main.starts_with("<main"), "{}", page.file);
            assert!(page.main.ends_with("</main>\n"), "{}", page.file);
            for shared in ["<html", "<head", "<body", "<header", "<script", "<link"] {
                assert!(!page.main.contains(shared), "{} repeats {shared}", page.file);
            }
        }
    }

    #[test]
    fn replaced_files_are_used_and_not_kept() {
        let replaced = STORY.html(Some("<t>{{title}}</t>{{main}}".into()), None);
        assert_eq!(replaced, format!("<t>Story · parley</t>{}", STORY.main));
        let main = STORY.html(None, Some("<main>{{title}}</main>".into()));
        // A slot's name inside a page's markup stays as written.
        assert!(main.contains("<main>{{title}}</main>"), "{main}");
        assert!(STORY.html(None, None).contains(STORY.main));
    }
}
