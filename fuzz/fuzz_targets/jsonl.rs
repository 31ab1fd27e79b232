//! JSON Lines: any bytes as a JSONL stream; every line is a document or an
//! error naming its line.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for result in parley_text::read_jsonl(data, "fuzz.jsonl") {
        if let Err(err) = result {
            assert!(err.to_string().starts_with("fuzz.jsonl"), "{err}");
        }
    }
});
