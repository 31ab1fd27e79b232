//! Inputs beyond plain files: web archives among the paths read by every
//! command, and `parley watch`, which polls feeds into a store.

use std::path::PathBuf;
use std::process::ExitCode;
use std::rc::Rc;
use std::time::Duration;

use anyhow::Context;
use parley_doc::Document;
use parley_pipeline::{Stages, StandardPipeline};
use parley_sources::{FetchConfig, WarcArchives, Watcher};
use parley_store::Store;

use crate::{describe, standard_config, ModelArgs};

/// The documents of `paths` (folders walked, `.warc`/`.warc.gz` read record
/// by record), and the archive reader whose tally the summary prints.
pub(crate) fn documents(
    paths: &[PathBuf],
) -> (impl Iterator<Item = Result<Document, parley_text::TextError>>, WarcArchives) {
    let archives = WarcArchives::new();
    let reader: Rc<dyn parley_text::ArchiveReader> = Rc::new(archives.clone());
    (parley_text::read_inputs_with(paths, Some(reader)), archives)
}

/// Prints what the archives held, when any was read.
pub(crate) fn print_archive_counts(archives: &WarcArchives) {
    let counts = archives.counts();
    if counts.archives > 0 {
        eprintln!("parley: {counts}");
    }
}

/// Options of `parley watch`.
pub(crate) struct WatchArgs {
    pub(crate) feeds: PathBuf,
    pub(crate) every: String,
    pub(crate) once: bool,
    pub(crate) timeout: f64,
    pub(crate) host_interval: f64,
    pub(crate) db: String,
    pub(crate) models: ModelArgs,
}

/// `parley watch`: polls the feeds listed in a file, now and then every
/// `--every`, storing each new item's page once.
pub(crate) fn watch(args: WatchArgs) -> anyhow::Result<ExitCode> {
    let every = parse_interval(&args.every)?;
    let seconds = |s: f64, what: &str| {
        Duration::try_from_secs_f64(s)
            .with_context(|| format!("{what} must be a number of seconds"))
    };
    let config = FetchConfig {
        timeout: seconds(args.timeout, "--timeout")?,
        per_host_interval: seconds(args.host_interval, "--host-interval")?,
        ..FetchConfig::default()
    };
    let pipeline =
        StandardPipeline::build(&standard_config(Stages::Events, &args.models)?, Stages::Events)?;
    let mut store = Store::open(&args.db).with_context(|| format!("opening store {}", args.db))?;
    let mut watcher = Watcher::new(config);
    loop {
        // Read each time, so the list can be edited while watching.
        let list = std::fs::read_to_string(&args.feeds)
            .with_context(|| format!("reading the feed list {}", args.feeds.display()))?;
        let feeds = parley_sources::read_feed_list(&list);
        let started = std::time::Instant::now();
        let bar = indicatif::ProgressBar::new(feeds.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} {pos}/{len} feeds {wide_msg} [{elapsed}]",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        let mut code = |doc: &mut Document| pipeline.run(doc).map_err(|err| describe(&err));
        let mut progress = |line: &str| {
            if let Some(feed) = line.strip_prefix("feed ") {
                bar.inc(1);
                bar.set_message(feed.to_string());
            } else {
                bar.suspend(|| eprintln!("parley: error: {line}"));
            }
        };
        let summary = watcher
            .poll(&feeds, &mut store, &mut code, &mut progress)
            .context("storing feed items")?;
        bar.finish_and_clear();
        eprintln!("parley: {summary} in {:.1}s", started.elapsed().as_secs_f64());
        if args.once {
            return Ok(if summary.failures.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            });
        }
        std::thread::sleep(every.saturating_sub(started.elapsed()));
    }
}

/// `90s`, `15m`, `1h`, or a number of seconds.
fn parse_interval(text: &str) -> anyhow::Result<Duration> {
    let text = text.trim();
    let (number, unit) = match text.find(|c: char| !(c.is_ascii_digit() || c == '.')) {
        Some(i) => text.split_at(i),
        None => (text, "s"),
    };
    let value: f64 =
        number.parse().with_context(|| format!("--every {text:?}: use 90s, 15m or 1h"))?;
    let scale = match unit.trim() {
        "s" | "sec" => 1.0,
        "m" | "min" => 60.0,
        "h" => 3600.0,
        other => anyhow::bail!("--every {text:?}: unknown unit {other:?} (use s, m or h)"),
    };
    let interval = Duration::try_from_secs_f64(value * scale).context("--every out of range")?;
    anyhow::ensure!(interval >= Duration::from_secs(1), "--every must be at least 1s");
    Ok(interval)
}

#[cfg(test)]
mod tests {
    use super::parse_interval;
    use std::time::Duration;

    #[test]
    fn intervals_read_with_units() {
        assert_eq!(parse_interval("15m").ok(), Some(Duration::from_secs(900)));
        assert_eq!(parse_interval("90s").ok(), Some(Duration::from_secs(90)));
        assert_eq!(parse_interval("2h").ok(), Some(Duration::from_secs(7200)));
        assert_eq!(parse_interval("45").ok(), Some(Duration::from_secs(45)));
        assert!(parse_interval("0s").is_err());
        assert!(parse_interval("5 parsecs").is_err());
    }
}
