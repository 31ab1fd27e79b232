use parley_doc::{Document, Mention, MentionSource};
use serde_json::{json, Value};

/// The JSON object `parley actors` prints for a mention:
/// `{"doc_id", "sentence_index", "start", "end", "text", "code", "country",
/// "sector", "name", "role", "via"}`; `start`/`end` are byte offsets into
/// the document text (end exclusive); `via` is `dictionary:<entry>`,
/// `role_pattern:<rule>` or `coreference:<antecedent mention index>`;
/// `country_from` is `{"start", "end", "text"}`, the bytes that gave the
/// country when they lie outside the mention (a dateline), else null.
pub fn mention_json(doc: &Document, m: &Mention) -> Value {
    let via = match &m.via {
        MentionSource::Dictionary { entry } => format!("dictionary:{entry}"),
        MentionSource::RolePattern { rule } => format!("role_pattern:{rule}"),
        MentionSource::Coreference { antecedent } => format!("coreference:{antecedent}"),
    };
    json!({
        "doc_id": doc.meta.id,
        "sentence_index": m.sentence.0,
        "start": m.span.start,
        "end": m.span.end,
        "text": doc.text.get(m.span.start..m.span.end).unwrap_or_default(),
        "code": m.actor.code,
        "country": m.actor.country,
        "sector": m.actor.sector,
        "name": m.actor.name,
        "role": m.actor.role,
        "via": via,
        "country_from": m.country_from.map(|s| json!({
            "start": s.start,
            "end": s.end,
            "text": doc.text.get(s.start..s.end).unwrap_or_default(),
        })),
    })
}
