use serde::{Deserialize, Serialize};

use crate::Span;

/// Where the bytes of a cleaned text came from in the original input.
///
/// Built while cleaning (HTML to text): every run of text copied from the
/// page is pushed as a segment; text the cleaner inserted (block breaks)
/// or rewrote (an entity like `&amp;`) maps to the whole original run.
/// Lookups are binary searches over segments in text order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceMap {
    segments: Vec<Segment>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct Segment {
    /// Span in the cleaned text.
    text: Span,
    /// Span in the original input.
    raw: Span,
}

impl SourceMap {
    /// An empty map.
    pub fn new() -> SourceMap {
        SourceMap::default()
    }

    /// Records that `text` (in the cleaned text) came from `raw` (in the
    /// input). Segments must be pushed in text order.
    pub fn push(&mut self, text: Span, raw: Span) {
        debug_assert!(self.segments.last().is_none_or(|last| last.text.end <= text.start));
        self.segments.push(Segment { text, raw });
    }

    /// Number of segments.
    pub fn len(&self) -> usize {
        self.segments.len()
    }

    /// Whether nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.segments.is_empty()
    }

    /// The input bytes behind a span of the cleaned text: from the origin of
    /// its first byte to the origin of its last. `None` when the span covers
    /// only inserted text.
    pub fn to_raw(&self, span: Span) -> Option<Span> {
        let first = self.segment_at(span.start)?;
        let last = self.segment_at(span.end.saturating_sub(1).max(span.start))?;
        let start = map_offset(first, span.start, false);
        let end = map_offset(last, span.end.max(span.start + 1) - 1, true);
        Some(Span::new_unchecked(start, end.max(start)))
    }

    fn segment_at(&self, offset: usize) -> Option<Segment> {
        let idx = self.segments.partition_point(|seg| seg.text.end <= offset);
        let seg = *self.segments.get(idx)?;
        seg.text.range().contains(&offset).then_some(seg)
    }
}

/// Offset inside a segment: byte for byte where the lengths agree (copied
/// text), else the whole raw run (a rewritten entity).
fn map_offset(seg: Segment, offset: usize, end: bool) -> usize {
    if seg.text.len() == seg.raw.len() {
        seg.raw.start + (offset - seg.text.start) + usize::from(end)
    } else if end {
        seg.raw.end
    } else {
        seg.raw.start
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_copied_and_rewritten_runs() {
        // raw: "<p>Kyiv &amp; Moscow</p>", text: "Kyiv & Moscow"
        let raw = "<p>Kyiv &amp; Moscow</p>";
        let text = "Kyiv & Moscow";
        let mut map = SourceMap::new();
        map.push(Span::new_unchecked(0, 5), Span::new_unchecked(3, 8));
        map.push(Span::new_unchecked(5, 6), Span::new_unchecked(8, 13));
        map.push(Span::new_unchecked(6, 13), Span::new_unchecked(13, 20));
        let kyiv = map.to_raw(Span::new_unchecked(0, 4)).expect("mapped");
        assert_eq!(&raw[kyiv], &text[0..4]);
        let amp = map.to_raw(Span::new_unchecked(5, 6)).expect("mapped");
        assert_eq!(&raw[amp], "&amp;");
        let all = map.to_raw(Span::new_unchecked(0, 13)).expect("mapped");
        assert_eq!(&raw[all], "Kyiv &amp; Moscow");
        assert_eq!(map.to_raw(Span::new_unchecked(20, 21)), None);
    }
}
