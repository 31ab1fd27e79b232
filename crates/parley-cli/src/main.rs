//! The `parley` binary: parses arguments and calls the library crates.
//! Nothing here knows how text is read, split or parsed.

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use anyhow::Context;
use clap::{Args, Parser, Subcommand};
use parley_doc::Document;
use parley_pipeline::{output, Stages, StandardConfig, StandardPipeline};

mod sources;
mod store_cmds;

#[derive(Parser)]
#[command(name = "parley", version, about = "Political event data from news text")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the sentences of documents, one per line (page furniture left out).
    Sentences {
        #[command(flatten)]
        input: InputArgs,
        /// One JSON object per sentence, with document id, index and byte span.
        #[arg(long)]
        json: bool,
        /// Print every block of text with what was kept and why the rest was dropped.
        #[arg(long, conflicts_with = "json")]
        explain: bool,
    },
    /// Tag and parse documents; print CoNLL-U.
    Parse {
        #[command(flatten)]
        input: InputArgs,
    },
    /// Code events: one JSON object per event (asserted events unless --all).
    Code {
        #[command(flatten)]
        input: InputArgs,
        /// Also write negated, hypothetical, conditional and questioned events.
        #[arg(long)]
        all: bool,
        /// Explain how the events of this sentence (given as text) are found:
        /// parse, lexicon matches, actor resolution.
        #[arg(long, value_name = "SENTENCE")]
        explain: Option<String>,
        /// Publication date for --explain, YYYY-MM-DD.
        #[arg(long, requires = "explain")]
        date: Option<String>,
    },
    /// Find and code actor mentions; one JSON object per mention.
    Actors {
        #[command(flatten)]
        input: InputArgs,
    },
    /// Code documents and store them (SQLite file, or postgres://...), each
    /// merged into events and placed in a story as it is stored.
    Ingest {
        #[command(flatten)]
        input: InputArgs,
        #[command(flatten)]
        db: DbArg,
    },
    /// Poll RSS and Atom feeds and store each new item's page once: every
    /// --every, or once with --once. FEEDS lists one feed URL or file path a
    /// line (`#` comments).
    Watch {
        /// The feed list.
        feeds: PathBuf,
        /// Time between polls: 90s, 15m, 1h.
        #[arg(long, default_value = "15m")]
        every: String,
        /// Poll once and exit (status 1 if a feed or page failed).
        #[arg(long)]
        once: bool,
        /// Seconds before a request is given up.
        #[arg(long, default_value_t = 30.0)]
        timeout: f64,
        /// Least seconds between two requests to one host.
        #[arg(long, default_value_t = 1.0)]
        host_interval: f64,
        #[command(flatten)]
        db: DbArg,
        #[command(flatten)]
        models: ModelArgs,
    },
    /// Merge events and group stories again from scratch (the same result
    /// as storing the documents one by one; after changing the rules).
    Rebuild {
        #[command(flatten)]
        db: DbArg,
    },
    /// List merged events from a store.
    Events {
        #[command(flatten)]
        db: DbArg,
        /// Actor code prefix (RUS, RUSGOV, IGOWSTNAT...).
        #[arg(long)]
        actor: Option<String>,
        /// Recipient code prefix.
        #[arg(long)]
        recipient: Option<String>,
        /// PLOVER event type (REJECT, ASSAULT...).
        #[arg(long = "type")]
        event_type: Option<String>,
        /// Events on or after this date (YYYY-MM-DD).
        #[arg(long)]
        since: Option<String>,
        /// Events on or before this date (YYYY-MM-DD).
        #[arg(long)]
        until: Option<String>,
        /// Only events of this story.
        #[arg(long)]
        story: Option<i64>,
        #[command(flatten)]
        modality: store_cmds::ModalityArgs,
        /// How many events at most.
        #[arg(long, default_value_t = 100)]
        limit: usize,
        /// Continue after a previous page (the cursor it printed).
        #[arg(long)]
        cursor: Option<String>,
        #[arg(long, value_enum, default_value = "table")]
        format: store_cmds::ViewFormat,
    },
    /// List quotes, optionally of one speaker (actor code or name).
    Quotes {
        #[command(flatten)]
        db: DbArg,
        #[arg(long)]
        speaker: Option<String>,
    },
    /// List stories.
    Stories {
        #[command(flatten)]
        db: DbArg,
    },
    /// Show a story: timeline, actors, quotes, outlets.
    Story {
        /// The story's id (see `parley stories`).
        id: i64,
        #[command(flatten)]
        db: DbArg,
    },
    /// Export every merged event: plover (JSON Lines), gdelt (61-column
    /// TSV), csv or parquet.
    Export {
        #[command(flatten)]
        db: DbArg,
        #[arg(long, default_value = "plover")]
        format: String,
        /// Output file (standard output when absent).
        #[arg(long, short)]
        out: Option<PathBuf>,
        #[command(flatten)]
        modality: store_cmds::ModalityArgs,
    },
    /// Serve the JSON API and the story pages; paths given are ingested first.
    Serve {
        #[command(flatten)]
        input: InputArgs,
        #[command(flatten)]
        db: DbArg,
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: std::net::SocketAddr,
    },
    /// Measure throughput: code a corpus (the shipped examples by default,
    /// repeated to --min-mb) and print sentences/s, MB/s, peak memory and
    /// each stage's share of the time.
    Bench {
        /// Files or folders to build the corpus from.
        #[arg(default_value = "examples")]
        paths: Vec<PathBuf>,
        /// Repeat the inputs until the corpus holds this many megabytes.
        #[arg(long, default_value_t = 1.0)]
        min_mb: f64,
        /// Worker threads.
        #[arg(long, default_value_t = 1)]
        threads: usize,
    },
    /// Evaluate a model.
    Eval {
        #[command(subcommand)]
        what: EvalCommand,
    },
    /// Train a model from the reference data.
    Train {
        #[command(subcommand)]
        what: TrainCommand,
    },
}

#[derive(Subcommand)]
enum EvalCommand {
    /// Tag and parse a CoNLL-U file with gold tokenization and score the result.
    Syntax {
        /// The gold CoNLL-U file.
        file: PathBuf,
        /// A syntax model to use instead of the embedded one.
        #[arg(long)]
        syntax_model: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum TrainCommand {
    /// Train the tagger, lemmatiser and parser on Universal Dependencies English.
    Syntax {
        /// Folder with the UD English treebanks (EWT dev, GUM with its split lists).
        #[arg(long, default_value = "../shared/data/ud-english")]
        ud_dir: PathBuf,
        /// Where to write the model.
        #[arg(long, default_value = "data/syntax/model.bin")]
        out: PathBuf,
        /// Seed for shuffling (the shipped model uses the default).
        #[arg(long)]
        seed: Option<u64>,
    },
}

/// The store to use.
#[derive(Args)]
struct DbArg {
    /// SQLite file, or a postgres:// URL.
    #[arg(long, default_value = "parley.db")]
    db: String,
}

/// Inputs and options shared by the commands that read documents.
#[derive(Args)]
struct InputArgs {
    /// Files or folders (.txt, .html, .htm, .jsonl, .warc, .warc.gz); `-` or nothing reads JSON Lines from standard input.
    paths: Vec<PathBuf>,
    /// Worker threads.
    #[arg(long, default_value_t = 1)]
    threads: usize,
    #[command(flatten)]
    models: ModelArgs,
}

/// Overrides of the embedded models and dictionaries.
#[derive(Args, Default)]
struct ModelArgs {
    /// A syntax model to use instead of the embedded one.
    #[arg(long)]
    syntax_model: Option<PathBuf>,
    /// Actor dictionary files or folders (parley's format or PETRARCH's
    /// .txt), added over the embedded ones; later ones win. Repeatable.
    #[arg(long = "actors", value_name = "FILE/DIR")]
    actors: Vec<PathBuf>,
    /// Rules for which actors are the document's own country's (the
    /// format of data/actors/domestic.rules), used instead of the
    /// embedded ones.
    #[arg(long = "domestic", value_name = "FILE")]
    domestic: Option<PathBuf>,
    /// Rules for places inside actor phrases (the format of
    /// data/actors/places.rules: regions, office titles, place
    /// prepositions), used instead of the embedded ones.
    #[arg(long = "places", value_name = "FILE")]
    places: Option<PathBuf>,
    /// Event lexicon files in parley's format, added over the embedded
    /// lexicon (same id replaces). Repeatable.
    #[arg(long = "lexicon", value_name = "FILE")]
    lexicon: Vec<PathBuf>,
    /// Noun class files (the format of data/events/noun-classes.txt) added
    /// over the embedded classes (same name replaces), read before any
    /// --lexicon file. Repeatable.
    #[arg(long = "classes", value_name = "FILE")]
    classes: Vec<PathBuf>,
    /// PETRARCH CAMEO verb dictionary (e.g. CAMEO.2.0.txt) loaded as extra,
    /// lower-priority patterns.
    #[arg(long = "verbs", value_name = "FILE")]
    verbs: Option<PathBuf>,
    /// Page-furniture vocabulary files (the format of
    /// data/text/furniture.txt), whose entries are added to the embedded
    /// ones. Repeatable.
    #[arg(long = "furniture", value_name = "FILE")]
    furniture: Vec<PathBuf>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging(matches!(cli.command, Command::Serve { .. }));
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("parley: {}", describe(err.as_ref()));
            ExitCode::from(2)
        }
    }
}

/// An error and its causes on one line, each cause once: library errors
/// often say their cause in their own message too, and printing the whole
/// chain would repeat it ("cannot read x: denied: denied").
pub(crate) fn describe(err: &(dyn std::error::Error + 'static)) -> String {
    let mut message = err.to_string();
    let mut cause = err.source();
    while let Some(next) = cause {
        let text = next.to_string();
        if !message.contains(&text) {
            message.push_str(": ");
            message.push_str(&text);
        }
        cause = next.source();
    }
    message
}

/// Logs go to standard error, filtered by `RUST_LOG` (e.g. `RUST_LOG=debug`).
/// Without it the server logs each request and every error (`info`), and the
/// other commands only warnings (skipped files, symlink loops), since their
/// standard output is data.
fn init_logging(serving: bool) {
    let default = if serving { "info" } else { "warn" };
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(ansi)
        .with_target(false)
        .init();
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Sentences { input, json, explain } => {
            let stages = if explain { Stages::Furniture } else { Stages::Sentences };
            process(&input, stages, |doc, out| {
                if explain {
                    output::write_explain(doc, out)
                } else if json {
                    output::write_sentences_json(doc, out)
                } else {
                    output::write_sentences(doc, out)
                }
            })
        }
        Command::Parse { input } => process(&input, Stages::Syntax, |doc, out| {
            let mut text = String::new();
            parley_syntax::write_conllu(doc, &mut text);
            out.write_all(text.as_bytes())
        }),
        Command::Code { input, all, explain: Some(sentence), date } => {
            explain_code(&input.models, sentence, date, all)
        }
        Command::Code { input, all, explain: None, .. } => {
            process(&input, Stages::Events, |doc, out| {
                for event in
                    doc.events.iter().filter(|e| all || parley_events::is_default_output(e))
                {
                    writeln!(out, "{}", parley_events::event_json(doc, event))?;
                }
                Ok(())
            })
        }
        Command::Actors { input } => process(&input, Stages::Actors, |doc, out| {
            for mention in &doc.mentions {
                writeln!(out, "{}", parley_actors::mention_json(doc, mention))?;
            }
            Ok(())
        }),
        Command::Ingest { input, db } => store_cmds::ingest(&input, &db.db),
        Command::Watch { feeds, every, once, timeout, host_interval, db, models } => {
            sources::watch(sources::WatchArgs {
                feeds,
                every,
                once,
                timeout,
                host_interval,
                db: db.db,
                models,
            })
        }
        Command::Events {
            db,
            actor,
            recipient,
            event_type,
            since,
            until,
            story,
            modality,
            limit,
            cursor,
            format,
        } => {
            let filter = parley_store::EventFilter {
                actor,
                recipient,
                event_type,
                since,
                until,
                story,
                modality: modality.filter(),
                cursor,
                limit: Some(limit),
            };
            store_cmds::events(&db.db, filter, format)
        }
        Command::Quotes { db, speaker } => store_cmds::quotes(&db.db, speaker.as_deref()),
        Command::Stories { db } => store_cmds::stories(&db.db),
        Command::Rebuild { db } => store_cmds::rebuild(&db.db),
        Command::Story { id, db } => store_cmds::story(&db.db, id),
        Command::Export { db, format, out, modality } => {
            store_cmds::export(&db.db, &format, out.as_ref(), modality.filter())
        }
        Command::Serve { input, db, addr } => store_cmds::serve(&input, &db.db, addr),
        Command::Bench { paths, min_mb, threads } => bench(&paths, min_mb, threads),
        Command::Eval { what: EvalCommand::Syntax { file, syntax_model } } => {
            let model = load_syntax_model(syntax_model.as_ref())?;
            let gold = std::fs::read_to_string(&file)
                .with_context(|| format!("reading {}", file.display()))?;
            let scores = parley_syntax::evaluate(&model, &gold)
                .with_context(|| format!("evaluating on {}", file.display()))?;
            println!("{}", scores.summary_line());
            Ok(ExitCode::SUCCESS)
        }
        Command::Train { what: TrainCommand::Syntax { ud_dir, out, seed } } => {
            train_syntax(ud_dir, &out, seed)
        }
    }
}

fn load_syntax_model(
    path: Option<&PathBuf>,
) -> anyhow::Result<std::sync::Arc<parley_syntax::SyntaxModel>> {
    Ok(match path {
        Some(path) => std::sync::Arc::new(
            parley_syntax::SyntaxModel::load(path)
                .with_context(|| format!("loading syntax model {}", path.display()))?,
        ),
        None => {
            parley_syntax::SyntaxModel::embedded().context("loading the embedded syntax model")?
        }
    })
}

/// Reads the inputs, runs the pipeline up to `stages`, and writes each
/// document with `write`. Bad documents are reported and counted; the
/// exit status is 1 if any failed.
fn process<W>(input: &InputArgs, stages: Stages, write: W) -> anyhow::Result<ExitCode>
where
    W: Fn(&Document, &mut dyn Write) -> std::io::Result<()>,
{
    let pipeline = StandardPipeline::build(&standard_config(stages, &input.models)?, stages)?;
    let started = Instant::now();
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let (mut documents, mut sentences, mut events, mut failures) = (0usize, 0usize, 0usize, 0usize);
    let mut write_error = None;
    let paths = input_paths(&input.paths);
    let (inputs, archives) = sources::documents(&paths);
    let inputs = inputs.map(|read| read.map_err(anyhow::Error::from));
    pipeline.run_many(inputs, input.threads, |result| match result {
        Ok(doc) => {
            documents += 1;
            sentences += doc.sentences.len();
            events += doc.events.len();
            if write_error.is_none() {
                if let Err(err) = write(&doc, &mut out) {
                    write_error = Some(err);
                }
            }
        }
        Err(err) => {
            failures += 1;
            eprintln!("parley: error: {}", describe(err.as_ref()));
        }
    });
    match write_error {
        // A closed pipe (`parley sentences x | head`) is not a failure.
        Some(err) if err.kind() == std::io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
        Some(err) => return Err(err).context("writing output"),
        None => out.flush().context("writing output")?,
    }
    sources::print_archive_counts(&archives);
    let events =
        if stages >= Stages::Events { format!(", {events} events") } else { String::new() };
    eprintln!(
        "parley: {documents} documents, {sentences} sentences{events}, {failures} failed, {:.2}s",
        started.elapsed().as_secs_f64()
    );
    Ok(if failures > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn bench(paths: &[PathBuf], min_mb: f64, threads: usize) -> anyhow::Result<ExitCode> {
    let stages = Stages::LAST;
    let pipeline =
        StandardPipeline::build(&standard_config(stages, &ModelArgs::default())?, stages)?;
    let corpus = parley_pipeline::bench::BenchCorpus::load(paths, (min_mb * 1e6) as usize)
        .context("building the bench corpus")?;
    eprintln!(
        "parley: bench over {} documents, {:.1} MB, stages {}",
        corpus.documents,
        corpus.bytes as f64 / 1e6,
        pipeline.stage_names().join(" > ")
    );
    let report = parley_pipeline::bench::run_bench(&pipeline, &corpus, threads);
    println!("stage_share {}", report.stage_line());
    println!("{}", report.summary_line());
    Ok(if report.failures > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// The paths to read: those given, or `-` (JSON Lines on standard input).
fn input_paths(paths: &[PathBuf]) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        paths.to_vec()
    }
}

/// Loads what the stages up to `stages` need: embedded models and
/// dictionaries with the user's overrides.
fn standard_config(stages: Stages, models: &ModelArgs) -> anyhow::Result<StandardConfig> {
    Ok(StandardConfig {
        syntax_model: load_syntax_model_if(stages, models.syntax_model.as_ref())?,
        actors: if stages >= Stages::Actors { Some(load_actors(&models.actors)?) } else { None },
        events: if stages >= Stages::Events { Some(load_lexicon(models)?) } else { None },
        furniture: load_furniture(&models.furniture)?,
        domestic: load_domestic(models.domestic.as_ref())?,
        places: load_places(models.places.as_ref())?,
    })
}

/// The user's rules for places in actor phrases, or `None` (the embedded ones).
fn load_places(path: Option<&PathBuf>) -> anyhow::Result<Option<Arc<parley_actors::PlaceRules>>> {
    let Some(path) = path else { return Ok(None) };
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("reading places rules {}", path.display()))?;
    let rules = parley_actors::PlaceRules::parse(&path.display().to_string(), &text)
        .with_context(|| format!("loading places rules {}", path.display()))?;
    Ok(Some(Arc::new(rules)))
}

/// The user's domestic-actor rules, or `None` (the embedded ones).
fn load_domestic(
    path: Option<&PathBuf>,
) -> anyhow::Result<Option<Arc<parley_actors::DomesticRules>>> {
    let Some(path) = path else { return Ok(None) };
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("reading domestic rules {}", path.display()))?;
    let rules = parley_actors::DomesticRules::parse(&path.display().to_string(), &text)
        .with_context(|| format!("loading domestic rules {}", path.display()))?;
    Ok(Some(Arc::new(rules)))
}

/// The embedded furniture vocabulary with the user's files added, or
/// `None` (the embedded one) when none is given.
fn load_furniture(paths: &[PathBuf]) -> anyhow::Result<Option<Arc<parley_text::FurnitureLexicon>>> {
    if paths.is_empty() {
        return Ok(None);
    }
    let mut lexicon = parley_text::FurnitureLexicon::embedded().clone();
    for path in paths {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("reading furniture vocabulary {}", path.display()))?;
        lexicon.extend(&text, &path.display().to_string())?;
    }
    Ok(Some(Arc::new(lexicon)))
}

fn load_lexicon(models: &ModelArgs) -> anyhow::Result<Arc<parley_events::EventLexicon>> {
    let mut lexicon =
        parley_events::EventLexicon::embedded().context("loading the embedded event lexicon")?;
    for path in &models.classes {
        lexicon
            .load_classes(path)
            .with_context(|| format!("loading noun classes {}", path.display()))?;
    }
    for path in &models.lexicon {
        lexicon.load_path(path).with_context(|| format!("loading lexicon {}", path.display()))?;
    }
    if let Some(path) = &models.verbs {
        let added = lexicon
            .load_petrarch_verbs(path)
            .with_context(|| format!("loading PETRARCH verbs {}", path.display()))?;
        eprintln!("parley: {added} verb patterns from {}", path.display());
    }
    Ok(Arc::new(lexicon))
}

/// `parley code --explain`: codes one sentence given as text and prints how
/// each event was found.
fn explain_code(
    models: &ModelArgs,
    sentence: String,
    date: Option<String>,
    all: bool,
) -> anyhow::Result<ExitCode> {
    let config = standard_config(Stages::Events, models)?;
    // Everything but the event stage, so the coder's own explanation runs on the parse.
    let pipeline = StandardPipeline::build(&config, Stages::Actors)?;
    let meta = parley_doc::DocMeta {
        id: "explain".into(),
        origin: "--explain".into(),
        date,
        ..parley_doc::DocMeta::default()
    };
    let mut doc = parley_text::document_from_text(sentence, meta);
    // A single sentence is body text, not a headline.
    for block in &mut doc.blocks {
        block.kind = parley_doc::BlockKind::Paragraph;
    }
    pipeline.run(&mut doc)?;
    let lexicon = config.events.clone().context("event lexicon")?;
    let coder = parley_events::EventCoder::new(lexicon);
    for index in 0..doc.sentences.len() {
        println!("{}", coder.explain(&doc, index));
    }
    doc.events = coder.code(&doc);
    for event in doc.events.iter().filter(|e| all || parley_events::is_default_output(e)) {
        println!("{}", parley_events::event_json(&doc, event));
    }
    Ok(ExitCode::SUCCESS)
}

/// The embedded actor dictionary with the user's files merged over it.
fn load_actors(paths: &[PathBuf]) -> anyhow::Result<Arc<parley_actors::ActorDictionary>> {
    let embedded =
        parley_actors::ActorDictionary::embedded().context("loading the embedded actors")?;
    if paths.is_empty() {
        return Ok(embedded);
    }
    let mut dictionary = (*embedded).clone();
    for path in paths {
        let extra = parley_actors::ActorDictionary::load_path(path)
            .with_context(|| format!("loading actors from {}", path.display()))?;
        dictionary.merge(extra);
    }
    Ok(Arc::new(dictionary))
}

fn load_syntax_model_if(
    stages: Stages,
    path: Option<&PathBuf>,
) -> anyhow::Result<Option<std::sync::Arc<parley_syntax::SyntaxModel>>> {
    if stages >= Stages::Syntax {
        load_syntax_model(path).map(Some)
    } else {
        Ok(None)
    }
}

fn train_syntax(
    ud_dir: PathBuf,
    out: &std::path::Path,
    seed: Option<u64>,
) -> anyhow::Result<ExitCode> {
    let mut config = parley_syntax::TrainConfig { ud_dir, ..parley_syntax::TrainConfig::default() };
    if let Some(seed) = seed {
        config.seed = seed;
    }
    let started = Instant::now();
    let spinner = indicatif::ProgressBar::new_spinner();
    spinner.enable_steady_tick(std::time::Duration::from_millis(200));
    let (model, report) = parley_syntax::train(&config, &|message: &str| {
        spinner.set_message(message.to_string());
        spinner.suspend(|| eprintln!("{message}"));
    })
    .context("training the syntax model")?;
    spinner.finish_and_clear();
    if let Some(parent) = out.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("creating {}", parent.display()))?;
    }
    model.save(out).with_context(|| format!("writing {}", out.display()))?;
    eprintln!(
        "parley: trained on {} sentences ({} tokens) in {:.0}s; model {:.1} MB; GUM dev: {}",
        report.train_sentences,
        report.train_tokens,
        report.seconds,
        report.model_bytes as f64 / 1e6,
        report.dev.summary_line()
    );
    eprintln!("parley: wrote {} in {:.0}s", out.display(), started.elapsed().as_secs_f64());
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::describe;

    #[test]
    fn a_cause_already_in_the_message_is_not_repeated() {
        let io = std::io::Error::new(std::io::ErrorKind::PermissionDenied, "permission denied");
        let err = anyhow::Error::new(io).context("opening x.db: permission denied");
        assert_eq!(describe(err.as_ref()), "opening x.db: permission denied");
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "no such file");
        let err = anyhow::Error::new(io).context("opening x.db");
        assert_eq!(describe(err.as_ref()), "opening x.db: no such file");
    }
}
