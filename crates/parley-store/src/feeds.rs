//! What `parley watch` remembers between polls (migration 6): each feed's
//! validators (ETag, Last-Modified) for conditional requests, and every
//! item seen, by canonical address, so a restart fetches nothing twice.

use crate::db::{Dialect, Val};
use crate::{Store, StoreError};

/// A feed's validators from its last successful fetch.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedState {
    /// The `ETag` the server sent.
    pub etag: Option<String>,
    /// The `Last-Modified` the server sent.
    pub last_modified: Option<String>,
}

/// The current UTC time in SQL, ISO 8601.
fn now(dialect: Dialect) -> &'static str {
    match dialect {
        Dialect::Sqlite => "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')",
        Dialect::Postgres => "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')",
    }
}

impl Store {
    /// The validators stored for `feed`, if it was fetched before.
    pub fn feed_state(&self, feed: &str) -> Result<Option<FeedState>, StoreError> {
        self.with_db(|db| {
            let row = db.query_opt(
                "SELECT etag, last_modified FROM feeds WHERE url = ?",
                &[Val::from(feed)],
            )?;
            Ok(row.map(|r| FeedState { etag: r.opt_str(0), last_modified: r.opt_str(1) }))
        })
    }

    /// Stores `feed`'s validators after a fetch that was read through.
    pub fn save_feed_state(&mut self, feed: &str, state: &FeedState) -> Result<(), StoreError> {
        self.check_writable()?;
        self.with_db_mut(|db| {
            let sql = format!(
                "INSERT INTO feeds (url, etag, last_modified, polled_at) VALUES (?, ?, ?, {now}) \
                 ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, \
                 last_modified = excluded.last_modified, polled_at = excluded.polled_at",
                now = now(db.dialect())
            );
            db.exec(
                &sql,
                &[
                    Val::from(feed),
                    Val::from(state.etag.clone()),
                    Val::from(state.last_modified.clone()),
                ],
            )?;
            Ok(())
        })
    }

    /// Whether an item (by canonical address) was seen before.
    pub fn feed_item_seen(&self, url: &str) -> Result<bool, StoreError> {
        self.with_db(|db| {
            Ok(db.scalar("SELECT COUNT(*) FROM feed_items WHERE url = ?", &[Val::from(url)])? > 0)
        })
    }

    /// Records an item as seen, from `feed`, stored as `document_id` (none
    /// when its page repeated one stored under another address). Seeing it
    /// again changes nothing.
    pub fn mark_feed_item(
        &mut self,
        url: &str,
        feed: &str,
        document_id: Option<i64>,
    ) -> Result<(), StoreError> {
        self.check_writable()?;
        self.with_db_mut(|db| {
            let sql = format!(
                "INSERT INTO feed_items (url, feed_url, document_id, seen_at) VALUES (?, ?, ?, {now}) \
                 ON CONFLICT (url) DO NOTHING",
                now = now(db.dialect())
            );
            db.exec(&sql, &[Val::from(url), Val::from(feed), Val::from(document_id)])?;
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feed_state_and_seen_items_survive_reopening() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("feeds.db");
        let target = path.to_string_lossy().into_owned();
        {
            let mut store = Store::open(&target).expect("open");
            assert_eq!(store.feed_state("https://a.example/rss").expect("state"), None);
            let state = FeedState { etag: Some("\"v1\"".into()), last_modified: None };
            store.save_feed_state("https://a.example/rss", &state).expect("save");
            let state =
                FeedState { etag: Some("\"v2\"".into()), last_modified: Some("Tue".into()) };
            store.save_feed_state("https://a.example/rss", &state).expect("update");
            store
                .mark_feed_item("https://a.example/1", "https://a.example/rss", None)
                .expect("mark");
            store
                .mark_feed_item("https://a.example/1", "https://a.example/rss", Some(3))
                .expect("again");
        }
        let store = Store::open(&target).expect("reopen");
        let state = store.feed_state("https://a.example/rss").expect("state").expect("stored");
        assert_eq!(state.etag.as_deref(), Some("\"v2\""));
        assert_eq!(state.last_modified.as_deref(), Some("Tue"));
        assert!(store.feed_item_seen("https://a.example/1").expect("seen"));
        assert!(!store.feed_item_seen("https://a.example/2").expect("unseen"));
    }
}
