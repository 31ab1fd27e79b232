use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::Range;

use crate::DocError;

/// A byte range `[start, end)` into a document's text.
///
/// Spans are only built through [`Span::new`] (checked against a text) or
/// by stages that derive them from other checked spans, so `&text[span]`
/// never panics for the document that owns them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// Byte offset of the first byte, inclusive.
    pub start: usize,
    /// Byte offset one past the last byte, exclusive.
    pub end: usize,
}

impl Span {
    /// A span checked against `text`: in bounds, ordered, on char boundaries.
    pub fn new(text: &str, start: usize, end: usize) -> Result<Span, DocError> {
        if start > end
            || end > text.len()
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
        {
            return Err(DocError::BadSpan { start, end, len: text.len() });
        }
        Ok(Span { start, end })
    }

    /// A span from offsets the caller already knows are valid for its text
    /// (for example, offsets found by scanning that text's chars).
    pub const fn new_unchecked(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// Whether `other` lies wholly inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }

    /// The span as a `Range`, for slicing.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl std::ops::Index<Span> for str {
    type Output = str;
    fn index(&self, span: Span) -> &str {
        &self[span.start..span.end]
    }
}

impl std::ops::Index<Span> for String {
    type Output = str;
    fn index(&self, span: Span) -> &str {
        &self[span.start..span.end]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_rejects_out_of_bounds_and_split_chars() {
        let text = "Kyiv’s plan";
        assert!(Span::new(text, 0, 4).is_ok());
        assert!(Span::new(text, 5, 4).is_err());
        assert!(Span::new(text, 0, 100).is_err());
        // ’ is three bytes starting at 4: 5 is inside it.
        assert!(Span::new(text, 0, 5).is_err());
        let span = Span::new(text, 0, 7).expect("whole char");
        assert_eq!(&text[span], "Kyiv’");
    }

    #[test]
    fn cover_and_overlap() {
        let a = Span::new_unchecked(0, 4);
        let b = Span::new_unchecked(3, 9);
        assert!(a.overlaps(b));
        assert_eq!(a.cover(b), Span::new_unchecked(0, 9));
        assert!(!a.overlaps(Span::new_unchecked(4, 5)));
        assert!(b.contains(Span::new_unchecked(4, 5)));
    }
}
