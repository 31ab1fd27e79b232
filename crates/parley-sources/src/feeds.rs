//! Feed lists and feeds: which feeds to poll, and the items (links,
//! titles, dates) an RSS 2.0, RSS 1.0 or Atom feed holds.

/// One item of a feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedItem {
    /// The item's page, resolved against the feed's address.
    pub link: String,
    /// Its title, when given.
    pub title: Option<String>,
    /// Its publication (else update) date, `YYYY-MM-DD`.
    pub date: Option<String>,
}

/// The feeds of a feed list: one URL or file path a line; blank lines and
/// `#` comments (whole lines, or after the address) are skipped.
pub fn read_feed_list(text: &str) -> Vec<String> {
    text.lines()
        .map(|line| line.split(" #").next().unwrap_or("").trim())
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(str::to_string)
        .collect()
}

/// The items of a feed. `base` (the feed's address) resolves relative links.
pub fn parse_feed(bytes: &[u8], base: Option<&str>) -> Result<Vec<FeedItem>, String> {
    let feed = feed_rs::parser::parse(bytes).map_err(|err| format!("not a feed: {err}"))?;
    let base = base.and_then(|b| url::Url::parse(b).ok());
    let items = feed
        .entries
        .into_iter()
        .filter_map(|entry| {
            let link = entry
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or(entry.links.first())
                .map(|l| l.href.clone())
                // An RSS guid that is a permalink.
                .or_else(|| entry.id.starts_with("http").then(|| entry.id.clone()))?;
            let link = match &base {
                Some(base) => base.join(link.trim()).map(|u| u.to_string()).unwrap_or(link),
                None => link,
            };
            let date = entry.published.or(entry.updated).map(|d| d.date_naive().to_string());
            Some(FeedItem { link, title: entry.title.map(|t| t.content), date })
        })
        .collect();
    Ok(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feed_lists_skip_comments_and_blank_lines() {
        let list =
            "# news\nhttps://a.example/rss\n\n  feeds/local.xml  \nhttps://b.example/atom # wire\n";
        assert_eq!(
            read_feed_list(list),
            ["https://a.example/rss", "feeds/local.xml", "https://b.example/atom"]
        );
    }

    #[test]
    fn rss_and_atom_items_give_links_and_dates() {
        let rss = br#"<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>
            <item><title>Talks stall</title><link>/world/talks?utm_source=rss</link><pubDate>Tue, 04 Mar 2025 11:20:00 GMT</pubDate></item>
            <item><title>No link</title></item></channel></rss>"#;
        let items = parse_feed(rss, Some("https://news.example/feed.xml")).expect("rss");
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].link, "https://news.example/world/talks?utm_source=rss");
        assert_eq!(items[0].date.as_deref(), Some("2025-03-04"));
        let atom = br#"<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>x</id><updated>2025-03-05T00:00:00Z</updated>
            <entry><title>Envoys meet</title><id>e1</id><updated>2025-03-05T10:00:00Z</updated><link rel="alternate" href="https://a.example/e1"/></entry></feed>"#;
        let items = parse_feed(atom, None).expect("atom");
        assert_eq!(items[0].link, "https://a.example/e1");
        assert_eq!(items[0].date.as_deref(), Some("2025-03-05"));
        assert!(parse_feed(b"<rss><channel><item>", None).is_err());
    }
}
