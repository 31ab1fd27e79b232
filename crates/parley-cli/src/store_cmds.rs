//! The commands over a store: ingest, events, quotes, stories, story,
//! export, serve. Each opens the store, calls one library function and
//! prints what it returns.

use std::io::{BufWriter, Write};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use anyhow::Context;
use parley_pipeline::{Pipeline, Stages, StandardPipeline};
use parley_store::{EventFilter, EventRow, IngestOutcome, Store};

use crate::{standard_config, InputArgs};

/// Output formats of `parley events`.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum ViewFormat {
    Table,
    Json,
    Csv,
}

/// Which modalities `events` and `export` keep: asserted events only,
/// unless asked.
#[derive(Clone, Debug, Default, clap::Args)]
pub struct ModalityArgs {
    /// Only events of this modality: asserted (the default), negated,
    /// hypothetical, conditional, questioned, or any.
    #[arg(long, conflicts_with = "all_modalities")]
    modality: Option<String>,
    /// Every modality (same as --modality any); the modality column says which.
    #[arg(long)]
    all_modalities: bool,
}

impl ModalityArgs {
    /// The store filter's `modality`.
    pub fn filter(&self) -> Option<String> {
        if self.all_modalities {
            Some("any".to_string())
        } else {
            self.modality.clone()
        }
    }
}

/// What an ingest run did.
#[derive(Default)]
struct IngestTally {
    new: usize,
    reprints: usize,
    unchanged: usize,
    sentences: usize,
    events: usize,
    failures: usize,
}

/// `parley ingest`: codes documents and stores them, one transaction per
/// document, each merged into events and placed in a story as it is stored.
pub fn ingest(input: &InputArgs, db: &str) -> anyhow::Result<ExitCode> {
    let pipeline =
        StandardPipeline::build(&standard_config(Stages::Events, &input.models)?, Stages::Events)?;
    let mut store = Store::open(db).with_context(|| format!("opening store {db}"))?;
    let tally = ingest_paths(&pipeline, &mut store, input)?;
    Ok(if tally.failures > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn ingest_paths(
    pipeline: &Pipeline,
    store: &mut Store,
    input: &InputArgs,
) -> anyhow::Result<IngestTally> {
    let started = Instant::now();
    let bar = indicatif::ProgressBar::new_spinner();
    bar.set_style(
        indicatif::ProgressStyle::with_template("{spinner} {pos} documents {msg} [{elapsed}]")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
    );
    let mut tally = IngestTally::default();
    let mut fatal = None;
    // Documents whose content is stored already are not coded again.
    let stored = store.content_hashes().context("reading the store")?;
    let mut skipped = 0usize;
    let paths = crate::input_paths(&input.paths);
    let (inputs, archives) = crate::sources::documents(&paths);
    let inputs = inputs
        .filter(|read| match read {
            Ok(doc) if stored.contains(&parley_store::content_hash(doc)) => {
                skipped += 1;
                false
            }
            _ => true,
        })
        .map(|read| read.map_err(anyhow::Error::from));
    pipeline.run_many(inputs, input.threads, |result| {
        bar.inc(1);
        if fatal.is_some() {
            return;
        }
        let doc = match result {
            Ok(doc) => doc,
            Err(err) => {
                tally.failures += 1;
                bar.suspend(|| eprintln!("parley: error: {}", crate::describe(err.as_ref())));
                return;
            }
        };
        match store.ingest(&doc) {
            Ok(IngestOutcome::Inserted { sentences, events, reprint_of, .. }) => {
                tally.new += 1;
                tally.reprints += usize::from(reprint_of.is_some());
                tally.sentences += sentences;
                tally.events += events;
            }
            Ok(IngestOutcome::Unchanged { .. }) => tally.unchanged += 1,
            // A bad document is skipped; a broken store stops the run.
            Err(err) if err.is_user_error() => {
                tally.failures += 1;
                bar.suspend(|| {
                    eprintln!("parley: error: {}: {}", doc.meta.origin, crate::describe(&err))
                });
            }
            Err(err) => fatal = Some(err),
        }
        bar.set_message(format!(
            "({} new, {} unchanged, {} failed)",
            tally.new, tally.unchanged, tally.failures
        ));
    });
    bar.finish_and_clear();
    crate::sources::print_archive_counts(&archives);
    tally.unchanged += skipped;
    if let Some(err) = fatal {
        return Err(err).context("storing documents");
    }
    let counts = store.counts().context("counting")?;
    let stories = counts.stories;
    eprintln!(
        "parley: {} new documents ({} reprints of stored ones; {} sentences, {} event reports), {} unchanged, {} failed in {:.1}s; store now holds {} documents, {} events from {} reports, {} stories",
        tally.new,
        tally.reprints,
        tally.sentences,
        tally.events,
        tally.unchanged,
        tally.failures,
        started.elapsed().as_secs_f64(),
        counts.documents,
        counts.events,
        counts.reports,
        stories
    );
    Ok(tally)
}

/// `parley events`: merged events, filtered.
pub fn events(db: &str, filter: EventFilter, format: ViewFormat) -> anyhow::Result<ExitCode> {
    let store = open_existing(db)?;
    let page = store.events(&filter).context("querying events")?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match format {
        ViewFormat::Json => {
            for event in &page.events {
                writeln!(out, "{}", serde_json::to_string(event)?)?;
            }
        }
        ViewFormat::Csv => write_events_csv(&page.events, &mut out)?,
        ViewFormat::Table => write_events_table(&page.events, &mut out)?,
    }
    out.flush()?;
    if let Some(next) = page.next {
        eprintln!("parley: more events: --cursor {next}");
    }
    Ok(ExitCode::SUCCESS)
}

const EVENT_COLUMNS: [&str; 10] = [
    "id",
    "date",
    "type",
    "cameo",
    "actor",
    "recipient",
    "modality",
    "reports",
    "sources",
    "sentence",
];

fn event_cells(e: &EventRow) -> [String; 10] {
    [
        e.id.to_string(),
        e.date.clone(),
        e.event_type.clone(),
        e.cameo.clone(),
        e.actor_code.clone().unwrap_or_default(),
        e.recipient_code.clone().unwrap_or_default(),
        e.modality.clone(),
        e.num_reports.to_string(),
        e.num_sources.to_string(),
        e.sentence.split_whitespace().collect::<Vec<_>>().join(" "),
    ]
}

/// The export's CSV columns (one schema for `events` and `export`).
fn write_events_csv(events: &[EventRow], out: &mut dyn Write) -> std::io::Result<()> {
    parley_store::export::write_csv_header(out)?;
    parley_store::export::write_csv_rows(events, out)
}

fn write_events_table(events: &[EventRow], out: &mut dyn Write) -> std::io::Result<()> {
    const SENTENCE_WIDTH: usize = 70;
    let rows: Vec<[String; 10]> = events
        .iter()
        .map(|e| {
            let mut cells = event_cells(e);
            if cells[9].chars().count() > SENTENCE_WIDTH {
                cells[9] = cells[9].chars().take(SENTENCE_WIDTH - 1).collect::<String>() + "…";
            }
            cells
        })
        .collect();
    let widths: Vec<usize> = (0..EVENT_COLUMNS.len())
        .map(|i| {
            rows.iter()
                .map(|r| r[i].chars().count())
                .chain([EVENT_COLUMNS[i].len()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: &[&str]| {
        cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    writeln!(out, "{}", line(&EVENT_COLUMNS))?;
    for row in &rows {
        let cells: Vec<&str> = row.iter().map(String::as_str).collect();
        writeln!(out, "{}", line(&cells))?;
    }
    writeln!(out, "({} events)", rows.len())
}

/// `parley quotes`: quotes, optionally by one speaker (code or name).
pub fn quotes(db: &str, speaker: Option<&str>) -> anyhow::Result<ExitCode> {
    let store = open_existing(db)?;
    for quote in store.quotes(speaker).context("querying quotes")? {
        let who = quote
            .speaker_name
            .or(quote.speaker_text)
            .or(quote.speaker_code)
            .unwrap_or_else(|| "(unknown)".into());
        println!(
            "{}  {who}: “{}”  [{}]",
            quote.date.unwrap_or_default(),
            quote.quote,
            quote.source.unwrap_or_else(|| "unknown outlet".into())
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// `parley rebuild`: merges events and groups stories again from scratch.
pub fn rebuild(db: &str) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let mut store = open_existing(db)?;
    let bar = indicatif::ProgressBar::new_spinner();
    bar.set_message("placing every document again");
    bar.enable_steady_tick(std::time::Duration::from_millis(200));
    let stories = store.rebuild_stories().context("rebuilding events and stories")?;
    bar.finish_and_clear();
    let counts = store.counts().context("counting")?;
    eprintln!(
        "parley: rebuilt {} events from {} reports and {stories} stories of {} documents in {:.1}s",
        counts.events,
        counts.reports,
        counts.documents,
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

/// `parley stories`: one line per story.
pub fn stories(db: &str) -> anyhow::Result<ExitCode> {
    let store = open_existing(db)?;
    for story in store.stories().context("querying stories")? {
        println!(
            "{:>4}  {} .. {}  {:>3} docs {:>4} events {:>2} outlets  {}  [{}]",
            story.id,
            story.first_date.unwrap_or_default(),
            story.last_date.unwrap_or_default(),
            story.num_documents,
            story.num_events,
            story.num_sources,
            story.title,
            story.actors.join(" ")
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// `parley story ID`: the story's timeline as text.
pub fn story(db: &str, id: i64) -> anyhow::Result<ExitCode> {
    let store = open_existing(db)?;
    match store.story(id).context("querying the story")? {
        Some(detail) => {
            print!("{}", parley_store::render_story_text(&detail));
            Ok(ExitCode::SUCCESS)
        }
        None => {
            eprintln!("parley: no story {id} in {db} (see `parley stories`)");
            Ok(ExitCode::from(1))
        }
    }
}

/// `parley export`: every merged event of the chosen modalities (asserted
/// by default) in one format, to a file or stdout.
pub fn export(
    db: &str,
    format: &str,
    out: Option<&PathBuf>,
    modality: Option<String>,
) -> anyhow::Result<ExitCode> {
    let store = open_existing(db)?;
    let format = parley_store::export::ExportFormat::parse(format)?;
    let filter = EventFilter { modality, ..EventFilter::default() };
    let n = match out {
        Some(path) => parley_store::export::write_path(&store, format, &filter, path)
            .with_context(|| format!("writing {}", path.display()))?,
        None => {
            let stdout = std::io::stdout();
            let mut lock = stdout.lock();
            let n = parley_store::export::write(&store, format, &filter, &mut lock)?;
            lock.flush()?;
            n
        }
    };
    eprintln!("parley: exported {n} events as {}", format.as_str());
    Ok(ExitCode::SUCCESS)
}

/// `parley serve`: ingests any paths given, then serves the API and pages.
pub fn serve(input: &InputArgs, db: &str, addr: SocketAddr) -> anyhow::Result<ExitCode> {
    let config = standard_config(Stages::Events, &input.models)?;
    let pipeline = Arc::new(StandardPipeline::build(&config, Stages::Events)?);
    if !input.paths.is_empty() {
        let mut store = Store::open(db).with_context(|| format!("opening store {db}"))?;
        ingest_paths(&pipeline, &mut store, input)?;
    }
    let coder_pipeline = Arc::clone(&pipeline);
    let coder: Arc<parley_web::Coder> = Arc::new(move |meta, content, is_html| {
        let mut doc = if is_html {
            parley_text::document_from_html(&content, meta).map_err(|e| e.to_string())?
        } else {
            parley_text::document_from_text(content, meta)
        };
        coder_pipeline.run(&mut doc).map_err(|e| e.to_string())?;
        Ok(doc)
    });
    let token = std::env::var("PARLEY_TOKEN").ok();
    if token.is_none() {
        eprintln!("parley: PARLEY_TOKEN is not set: the API is read-only");
    }
    let state = parley_web::AppState::open(db, 4)
        .with_context(|| format!("opening store {db}"))?
        .coder(coder)
        .token(token);
    // The largest stories, to open first.
    let stories = Store::open(db).and_then(|store| store.stories()).unwrap_or_default();
    parley_web::run(state, addr, |bound| {
        println!("parley: serving http://{bound}/ (store {db}); Ctrl-C stops");
        let mut largest: Vec<_> = stories.iter().collect();
        largest.sort_by_key(|s| std::cmp::Reverse((s.num_documents, s.num_events)));
        for story in largest.iter().take(3) {
            println!("  story: http://{bound}/story/{}  {}", story.id, story.title);
        }
    })
    .context("serving")?;
    Ok(ExitCode::SUCCESS)
}

/// Opens a store that must exist already (a query on a typo'd path should
/// not create an empty database).
fn open_existing(db: &str) -> anyhow::Result<Store> {
    let is_url = db.starts_with("postgres://") || db.starts_with("postgresql://");
    if !is_url && db != ":memory:" && !std::path::Path::new(db).exists() {
        anyhow::bail!("no store at {db}: run `parley ingest PATH... --db {db}` first");
    }
    Store::open(db).with_context(|| format!("opening store {db}"))
}
