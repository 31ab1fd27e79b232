//! End-to-end tests: the `parley` binary on real files.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn parley(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parley")).args(args).output().expect("parley runs")
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn shared_data() -> PathBuf {
    let dir = repo_root().join("../shared/data");
    assert!(
        dir.is_dir(),
        "reference data missing at {} (../shared beside the repo)",
        dir.display()
    );
    dir
}

/// A fresh folder for one test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("utf-8 output")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn sentences_of_the_shipped_examples() {
    let examples = repo_root().join("examples");
    let output = parley(&["sentences", examples.to_str().expect("path")]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.lines().count() >= 20, "few sentences: {text}");
    assert!(text.lines().all(|line| !line.trim().is_empty()));
}

#[test]
fn json_sentence_spans_slice_the_original_file() {
    let dir = scratch("json_spans");
    let body = "Kyiv Talks Stall\n\nBy Jane Roe\n\nMr. Smith met Gen. Brown in Geneva on Nov. 3. They spoke for 2.5 hours.\n\n“We will not attend,” she said. The U.S. agreed.\n";
    let path = dir.join("talks.txt");
    std::fs::write(&path, body).expect("write");
    let output = parley(&["sentences", "--json", path.to_str().expect("path")]);
    assert!(output.status.success(), "{}", stderr(&output));
    let mut texts = Vec::new();
    for line in stdout(&output).lines() {
        let value: serde_json::Value = serde_json::from_str(line).expect("json line");
        let start = value["start"].as_u64().expect("start") as usize;
        let end = value["end"].as_u64().expect("end") as usize;
        assert_eq!(&body[start..end], value["text"].as_str().expect("text"));
        texts.push(value["text"].as_str().expect("text").to_string());
    }
    assert_eq!(
        texts,
        [
            "Kyiv Talks Stall",
            "Mr. Smith met Gen. Brown in Geneva on Nov. 3.",
            "They spoke for 2.5 hours.",
            "“We will not attend,” she said.",
            "The U.S. agreed."
        ]
    );
}

#[test]
fn bad_inputs_are_reported_by_name_and_the_rest_go_on() {
    let dir = scratch("bad_inputs");
    std::fs::write(dir.join("a_good.txt"), "Peace Talks\n\nRussia rejected the invitation.\n")
        .expect("write");
    std::fs::write(dir.join("b_invalid.txt"), b"Kyiv \xff\xfe said no.\n").expect("write");
    std::fs::write(dir.join("c_empty.txt"), b"").expect("write");
    std::fs::write(dir.join("d_binary.txt"), [0u8, 1, 2, 3, 0, 0, 159, 146, 150, 0, 7].repeat(50))
        .expect("write");
    std::fs::write(
        dir.join("e_docs.jsonl"),
        "{\"id\": \"j1\", \"text\": \"NATO pledged aid to Ukraine.\"}\n{\"id\": \"j2\", \"text\": \n{\"id\": \"j3\", \"html\": \"<html><body><article><h1>Summit</h1><p>Finland joined the alliance in 2023.</p></article></body></html>\"}\n",
    )
    .expect("write");
    std::fs::write(
        dir.join("f_broken.html"),
        "<html><body><p>Sweden joined NATO.<div><p>It became the 32nd member",
    )
    .expect("write");
    let output = parley(&["sentences", dir.to_str().expect("path")]);
    assert_eq!(output.status.code(), Some(1), "a failure must show in the exit status");
    let err = stderr(&output);
    assert!(err.contains("b_invalid.txt") && err.contains("byte 5"), "{err}");
    assert!(err.contains("c_empty.txt"), "{err}");
    assert!(err.contains("d_binary.txt"), "{err}");
    assert!(err.contains("e_docs.jsonl:2"), "{err}");
    let out = stdout(&output);
    assert!(out.contains("Russia rejected the invitation."), "{out}");
    assert!(out.contains("NATO pledged aid to Ukraine."), "{out}");
    assert!(out.contains("Finland joined the alliance in 2023."), "{out}");
    assert!(out.contains("Sweden joined NATO."), "{out}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn jsonl_from_standard_input() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_parley"))
        .args(["sentences", "--json"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(
            b"{\"id\": \"s1\", \"text\": \"Moscow dismissed the summit. Kyiv disagreed.\"}\n",
        )
        .expect("write");
    let output = child.wait_with_output().expect("wait");
    assert!(output.status.success(), "{}", stderr(&output));
    let lines: Vec<serde_json::Value> =
        stdout(&output).lines().map(|l| serde_json::from_str(l).expect("json")).collect();
    assert_eq!(lines.len(), 2);
    assert!(lines.iter().all(|l| l["doc_id"] == "s1"));
}

#[test]
fn parse_writes_well_formed_conllu() {
    let dir = scratch("parse");
    let path = dir.join("p.txt");
    std::fs::write(&path, "Russia has rejected invitations to a second peace summit.\n")
        .expect("write");
    let output = parley(&["parse", path.to_str().expect("path")]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    let rows: Vec<Vec<&str>> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| l.split('\t').collect())
        .collect();
    assert!(rows.len() >= 10, "{text}");
    assert!(rows.iter().all(|r| r.len() == 10), "{text}");
    let roots = rows.iter().filter(|r| r[6] == "0").count();
    assert_eq!(roots, 1, "one root per sentence: {text}");
    for row in &rows {
        let head: usize = row[6].parse().expect("numeric head");
        assert!(head <= rows.len());
    }
    let rejected = rows.iter().find(|r| r[1] == "rejected").expect("token");
    assert_eq!(rejected[3], "VERB", "{text}");
    assert_eq!(rejected[2], "reject", "{text}");
}

#[test]
fn seed_articles_lose_their_furniture() {
    let seeds = shared_data().join("seeds");
    let gold: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(seeds.join("gold.json")).expect("gold.json"))
            .expect("json");
    for doc in gold["docs"].as_array().expect("docs") {
        let id = doc["id"].as_str().expect("id");
        let path = seeds.join(doc["file"].as_str().expect("file"));
        let output = parley(&["sentences", path.to_str().expect("path")]);
        assert!(output.status.success(), "{}", stderr(&output));
        let sentences: Vec<String> = stdout(&output).lines().map(str::to_string).collect();
        for furniture in gold["no_event"].as_array().expect("no_event") {
            if furniture["doc"] == id {
                let words = furniture["in"].as_str().expect("in");
                assert!(
                    !sentences.iter().any(|s| s.contains(words)),
                    "furniture reached the sentences of {id}: {words}"
                );
            }
        }
        for event in gold["events"].as_array().expect("events") {
            if event["doc"] == id {
                let words = event["in"].as_str().expect("in");
                assert!(
                    sentences.iter().any(|s| s.contains(words)),
                    "body text of {id} missing or cut: {words}"
                );
            }
        }
    }
}

#[test]
fn eval_syntax_prints_the_summary_line() {
    let dir = scratch("eval");
    let path = dir.join("tiny.conllu");
    std::fs::write(
        &path,
        "# text = Russia rejected it.\n1\tRussia\tRussia\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n2\trejected\treject\tVERB\tVBD\t_\t0\troot\t_\t_\n3\tit\tit\tPRON\tPRP\t_\t2\tobj\t_\tSpaceAfter=No\n4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n",
    )
    .expect("write");
    let output = parley(&["eval", "syntax", path.to_str().expect("path")]);
    assert!(output.status.success(), "{}", stderr(&output));
    let last = stdout(&output).lines().last().expect("a line").to_string();
    let keys: Vec<&str> =
        last.split_whitespace().map(|kv| kv.split('=').next().unwrap_or("")).collect();
    assert_eq!(keys, ["upos", "xpos", "uas", "las", "tokens_per_sec"], "{last}");
}

#[test]
fn ingesting_the_examples_twice_changes_nothing() {
    let dir = scratch("ingest_twice");
    let db = dir.join("store.db");
    let db = db.to_str().expect("path");
    let examples = repo_root().join("examples");
    let examples = examples.to_str().expect("path");
    let events = |db: &str| {
        let output = parley(&["events", "--db", db, "--format", "json", "--limit", "1000"]);
        assert!(output.status.success(), "{}", stderr(&output));
        stdout(&output).lines().count()
    };
    let first = parley(&["ingest", examples, "--db", db]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(!stderr(&first).contains(" 0 new documents"), "{}", stderr(&first));
    let before = events(db);
    assert!(before > 0, "the examples hold events");
    let second = parley(&["ingest", examples, "--db", db]);
    assert!(second.status.success(), "{}", stderr(&second));
    assert!(stderr(&second).contains(" 0 new documents"), "{}", stderr(&second));
    assert_eq!(events(db), before, "a second ingest must not change the events");
    let stories = parley(&["stories", "--db", db]);
    assert!(stdout(&stories).lines().count() >= 1, "{}", stderr(&stories));
}

#[test]
fn the_server_logs_each_request_closes_half_sent_ones_and_stops_on_sigterm() {
    use std::io::{BufRead, BufReader, Read, Write};
    let dir = scratch("serve-log");
    let db = dir.join("serve.db");
    let mut server = Command::new(env!("CARGO_BIN_EXE_parley"))
        .args(["serve", "--db", db.to_str().expect("utf-8 path"), "--addr", "127.0.0.1:0"])
        .env_remove("RUST_LOG")
        .env_remove("PARLEY_TOKEN")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("parley serve starts");
    let mut log = server.stderr.take().expect("stderr piped");
    let log = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = log.read_to_string(&mut text);
        text
    });
    let mut out = BufReader::new(server.stdout.take().expect("stdout piped"));
    let mut line = String::new();
    let addr = loop {
        line.clear();
        assert!(out.read_line(&mut line).expect("read") > 0, "server exited before serving");
        if let Some(rest) = line.split("serving http://").nth(1) {
            break rest.split('/').next().expect("address").to_string();
        }
    };
    let mut client = std::net::TcpStream::connect(&addr).expect("connect");
    client
        .write_all(b"GET /api/counts HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .expect("send");
    let mut answer = String::new();
    client.read_to_string(&mut answer).expect("answer");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    // A half-sent request that the client never finishes: the server closes
    // it after its header timeout instead of holding it forever.
    let mut held = std::net::TcpStream::connect(&addr).expect("connect");
    held.write_all(b"GET /api/counts HTTP/1.1\r\n").expect("send");
    held.set_read_timeout(Some(std::time::Duration::from_secs(40))).expect("timeout");
    let mut rest_of_held = Vec::new();
    let closed = held.read_to_end(&mut rest_of_held);
    assert!(closed.is_ok(), "a half-sent request is closed by the server: {closed:?}");
    let pid = server.id().to_string();
    assert!(Command::new("kill").args(["-TERM", &pid]).status().expect("kill").success());
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = server.try_wait().expect("poll server") {
            break status;
        }
        if started.elapsed() > std::time::Duration::from_secs(30) {
            let _ = server.kill();
            panic!("the server ran on 30 s after SIGTERM: shutdown has no deadline");
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    };
    assert!(status.success(), "{status:?}");
    let rest = log.join().expect("log reader");
    assert!(
        rest.contains("request")
            && rest.contains("path=/api/counts")
            && rest.contains("status=200"),
        "one log line per request: {rest}"
    );
    drop(held);
}
