//! Canonical page addresses, so one article reached by two links (a
//! tracking parameter, a fragment, the page's own `<link rel=canonical>`)
//! is fetched and stored once, and the outlet named by a page's host.

use url::Url;

/// Query parameters that say where a click came from, not which page it is.
const TRACKING_PARAMS: &[&str] =
    &["fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "ocid"];

/// The canonical form of an http(s) address: fragment dropped, `utm_*`
/// and click-tracking query parameters dropped, host lowercased, default
/// port dropped. `None` for anything that is not an http(s) address.
pub fn canonical_url(link: &str) -> Option<String> {
    let mut url = Url::parse(link.trim()).ok()?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return None;
    }
    url.set_fragment(None);
    if url.query().is_some() {
        let kept: Vec<(String, String)> = url
            .query_pairs()
            .filter(|(name, _)| {
                let name = name.to_ascii_lowercase();
                !name.starts_with("utm_") && !TRACKING_PARAMS.contains(&name.as_str())
            })
            .map(|(n, v)| (n.into_owned(), v.into_owned()))
            .collect();
        if kept.is_empty() {
            url.set_query(None);
        } else {
            url.query_pairs_mut().clear().extend_pairs(kept);
        }
    }
    Some(url.to_string())
}

/// The outlet of an address: its host without `www.`.
pub fn outlet(link: &str) -> Option<String> {
    let url = Url::parse(link.trim()).ok()?;
    let host = url.host_str()?.to_ascii_lowercase();
    Some(host.strip_prefix("www.").unwrap_or(&host).to_string())
}

/// The address a page names as its canonical one (`<link rel="canonical"
/// href="...">` in its first 256 KB), resolved against the page's address.
pub fn page_canonical(html: &str, page_url: &str) -> Option<String> {
    let mut end = html.len().min(256 * 1024);
    while !html.is_char_boundary(end) {
        end -= 1;
    }
    let head = &html[..end];
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = lower[from..].find("<link") {
        let start = from + at;
        let close = lower[start..].find('>').map_or(lower.len(), |i| start + i);
        let tag = &head[start..close];
        from = close;
        let rel = attribute(tag, "rel").unwrap_or_default().to_ascii_lowercase();
        if rel.split_whitespace().any(|r| r == "canonical") {
            let href = attribute(tag, "href")?;
            let base = Url::parse(page_url).ok();
            let resolved = match base {
                Some(base) => base.join(href.trim()).ok()?.to_string(),
                None => href,
            };
            return canonical_url(&resolved);
        }
    }
    None
}

/// The value of `name=` in one tag, quoted or not.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = lower[from..].find(name) {
        let start = from + at;
        from = start + name.len();
        let before_ok = start > 0 && lower.as_bytes()[start - 1].is_ascii_whitespace();
        let rest = lower[from..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let value_at = tag.len() - rest.len() + 1;
        let value = tag[value_at..].trim_start();
        return Some(match value.chars().next() {
            Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or("").to_string(),
            _ => value
                .split(|c: char| c.is_whitespace() || c == '/' || c == '>')
                .next()
                .unwrap_or("")
                .to_string(),
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tracking_parameters_and_fragments_are_dropped() {
        assert_eq!(
            canonical_url(
                "https://WWW.Example.com:443/a/b?utm_source=rss&id=7&UTM_medium=x&fbclid=1#top"
            )
            .as_deref(),
            Some("https://www.example.com/a/b?id=7")
        );
        assert_eq!(
            canonical_url("http://example.com/x?utm_campaign=y").as_deref(),
            Some("http://example.com/x")
        );
        assert_eq!(canonical_url("ftp://example.com/x"), None);
        assert_eq!(canonical_url("not a url"), None);
        assert_eq!(outlet("https://www.reuters.com/world/").as_deref(), Some("reuters.com"));
    }

    #[test]
    fn a_page_names_its_canonical_address() {
        let html = r#"<html><head><link rel="stylesheet" href="/s.css"><LINK REL=canonical HREF="/world/story-1?utm_source=feed"></head>"#;
        assert_eq!(
            page_canonical(html, "https://news.example/amp/story-1").as_deref(),
            Some("https://news.example/world/story-1")
        );
        assert_eq!(page_canonical("<link rel='alternate' href='/x'>", "https://a.example/"), None);
    }
}
