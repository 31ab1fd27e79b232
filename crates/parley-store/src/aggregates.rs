//! Whole-store aggregates kept between reads while the store is unchanged.
//!
//! [`crate::Store::counts`] (a `COUNT(*)` of every table) and the actor
//! list (a `GROUP BY` over every event) read the whole store, and the API
//! answers them on every page load: on a 30,000-document store they were
//! the slowest reads it served. A SQLite connection can tell cheaply
//! whether anything changed since it last looked: `PRAGMA data_version`
//! moves when another connection (or process) commits, and the
//! connection's own count of changed rows moves when it writes. So each
//! connection keeps the last answers with the mark they were read at, and
//! reads again once the mark moves. PostgreSQL gives no such mark: there
//! nothing is kept and every call reads the store.

use crate::db::{Backend, Dialect};
use crate::model::{ActorRow, Counts};
use crate::StoreError;

/// Where a SQLite store stands: `data_version` (other connections'
/// commits) and this connection's total of changed rows (its own writes).
type ChangeMark = (i64, u64);

/// The aggregates one connection read, and the mark they were read at.
#[derive(Debug, Default)]
pub(crate) struct Aggregates {
    mark: Option<ChangeMark>,
    counts: Option<Counts>,
    actors: Option<Vec<ActorRow>>,
}

impl Aggregates {
    /// The kept counts, if the store has not changed since they were read;
    /// else `read`'s, kept for next time.
    pub fn counts(
        &mut self,
        db: &mut Backend,
        read: impl FnOnce(&mut Backend) -> Result<Counts, StoreError>,
    ) -> Result<Counts, StoreError> {
        self.refresh(db)?;
        if let Some(counts) = self.counts {
            return Ok(counts);
        }
        let counts = read(db)?;
        if self.mark.is_some() {
            self.counts = Some(counts);
        }
        Ok(counts)
    }

    /// The kept actor list (every actor, in the list's order), if the
    /// store has not changed since it was read; else `read`'s.
    pub fn actors(
        &mut self,
        db: &mut Backend,
        read: impl FnOnce(&mut Backend) -> Result<Vec<ActorRow>, StoreError>,
    ) -> Result<&[ActorRow], StoreError> {
        self.refresh(db)?;
        if self.actors.is_none() || self.mark.is_none() {
            self.actors = Some(read(db)?);
        }
        Ok(self.actors.as_deref().unwrap_or_default())
    }

    /// Forgets everything kept when the store moved past the mark (or
    /// cannot give one).
    fn refresh(&mut self, db: &mut Backend) -> Result<(), StoreError> {
        let mark = change_mark(db)?;
        if mark.is_none() || mark != self.mark {
            *self = Aggregates { mark, ..Aggregates::default() };
        }
        Ok(())
    }
}

/// Where the store stands, on SQLite; `None` on PostgreSQL.
fn change_mark(db: &mut Backend) -> Result<Option<ChangeMark>, StoreError> {
    if db.dialect() != Dialect::Sqlite {
        return Ok(None);
    }
    let version = db.scalar("PRAGMA data_version", &[])?;
    Ok(db.total_changes().map(|changes| (version, changes)))
}

#[cfg(test)]
mod tests {
    use parley_doc::{DocMeta, Document};

    use crate::Store;

    fn doc(id: &str) -> Document {
        let meta = DocMeta { id: id.into(), date: Some("2024-07-02".into()), ..DocMeta::default() };
        Document::new(meta, format!("Text of {id}."))
    }

    /// Counts kept by one connection follow writes by another connection
    /// and by itself; the actor list is the same kept or read.
    #[test]
    fn kept_counts_follow_every_writer() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("store.db");
        let path = path.to_str().expect("utf-8 path");
        let mut reader = Store::open(path).expect("open");
        let mut writer = Store::open(path).expect("open again");
        assert_eq!(reader.counts().expect("counts").documents, 0);
        writer.ingest(&doc("a")).expect("ingest a");
        assert_eq!(reader.counts().expect("counts").documents, 1, "another connection's commit");
        reader.ingest(&doc("b")).expect("ingest b");
        assert_eq!(reader.counts().expect("counts").documents, 2, "its own write");
        assert_eq!(reader.counts().expect("counts").documents, 2, "kept");
        assert_eq!(writer.counts().expect("counts").documents, 2);
        let first = reader.actors().expect("actors");
        assert_eq!(reader.actors().expect("kept actors"), first);
    }
}
