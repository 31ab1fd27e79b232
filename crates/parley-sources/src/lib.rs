//! Where parley's documents come from besides files on disk: web archives
//! and live news feeds.
//!
//! [`WarcArchives`] reads `.warc` and `.warc.gz` files record by record
//! (never the whole file in memory) and plugs into parley-text's readers
//! ([`parley_text::read_inputs_with`]), so every command that reads files
//! reads archives too: each HTML page fetched with HTTP 200 becomes a
//! document with its address, outlet (the host, `www.` dropped) and
//! publication date (the page's, else the day it was fetched), and every
//! other record is skipped and counted ([`WarcCounts`]); a corrupt or
//! truncated record is an error naming the file and the record's byte
//! offset, and the rest go on. [`Watcher`] polls RSS and Atom feeds into a
//! store: conditional requests, a pause between requests to one host, a
//! timeout, each new item's page fetched, coded and stored once by its
//! canonical address, a failing feed or page reported and passed over.

mod archive;
pub mod canonical;
pub mod feeds;
pub mod fetch;
mod lang;
pub mod payload;
pub mod warc;
mod watch;

pub use archive::{is_warc, WarcArchives, WarcCounts};
pub use feeds::{parse_feed, read_feed_list, FeedItem};
pub use fetch::{FetchConfig, Fetcher};
pub use lang::is_english;
pub use watch::{Coder, PollSummary, Watcher};
