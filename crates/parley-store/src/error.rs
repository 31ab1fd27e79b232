use thiserror::Error;

/// Errors of the store.
///
/// User errors (a bad filter, an unknown format, a malformed cursor) are
/// apart from database failures, which carry what the store was doing.
#[derive(Debug, Error)]
pub enum StoreError {
    /// The caller asked for something malformed (a bad cursor, date or format).
    #[error("invalid input: {0}")]
    Invalid(String),
    /// SQLite failed while doing `context`.
    #[error("sqlite error while {context}: {source}")]
    Sqlite {
        /// What the store was doing.
        context: String,
        /// The driver's error.
        #[source]
        source: rusqlite::Error,
    },
    /// PostgreSQL failed while doing `context`.
    #[cfg(feature = "postgres")]
    #[error("postgres error while {context}: {source}")]
    Postgres {
        /// What the store was doing.
        context: String,
        /// The driver's error.
        #[source]
        source: postgres::Error,
    },
    /// A target that names PostgreSQL, in a build without the `postgres` feature.
    #[error("this build has no PostgreSQL support (feature `postgres`)")]
    NoPostgres,
    /// A write to a store opened read-only, or a read-only store whose
    /// schema this build would have to migrate.
    #[error("read-only store: {0}")]
    ReadOnly(String),
    /// Ingesting one document failed; nothing of it was stored.
    #[error("document {doc_id}: {source}")]
    Document {
        /// The document's `meta.id`.
        doc_id: String,
        /// What went wrong.
        #[source]
        source: Box<StoreError>,
    },
    /// Writing an export failed.
    #[error("export ({format}): {message}")]
    Export {
        /// The export format.
        format: &'static str,
        /// What went wrong.
        message: String,
    },
    /// Reading or writing a file failed.
    #[error("i/o error: {0}")]
    Io(#[from] std::io::Error),
    /// A stored value did not have the type the schema promises (a bug or a foreign database).
    #[error("internal: {0}")]
    Internal(String),
}

impl StoreError {
    pub(crate) fn sqlite(context: impl Into<String>) -> impl FnOnce(rusqlite::Error) -> StoreError {
        move |source| StoreError::Sqlite { context: context.into(), source }
    }

    #[cfg(feature = "postgres")]
    pub(crate) fn postgres(
        context: impl Into<String>,
    ) -> impl FnOnce(postgres::Error) -> StoreError {
        move |source| StoreError::Postgres { context: context.into(), source }
    }

    /// Whether SQLite failed because the file or its folder cannot be
    /// written (not because it is busy or broken): the store may still be
    /// read.
    pub(crate) fn is_read_only_failure(&self) -> bool {
        use rusqlite::ErrorCode::{CannotOpen, ReadOnly, SystemIoFailure};
        match self {
            StoreError::ReadOnly(_) => true,
            StoreError::Sqlite { source: rusqlite::Error::SqliteFailure(failure, _), .. } => {
                matches!(failure.code, ReadOnly | CannotOpen | SystemIoFailure)
            }
            _ => false,
        }
    }

    /// Whether another writer held the database: SQLite busy or locked
    /// (past the busy timeout), or a PostgreSQL serialization failure or
    /// deadlock. Running the whole transaction again may succeed.
    pub fn is_busy(&self) -> bool {
        use rusqlite::ErrorCode::{DatabaseBusy, DatabaseLocked};
        match self {
            StoreError::Sqlite { source, .. } => {
                matches!(source.sqlite_error_code(), Some(DatabaseBusy | DatabaseLocked))
            }
            #[cfg(feature = "postgres")]
            StoreError::Postgres { source, .. } => {
                use postgres::error::SqlState;
                source.code().is_some_and(|code| {
                    *code == SqlState::T_R_SERIALIZATION_FAILURE
                        || *code == SqlState::T_R_DEADLOCK_DETECTED
                })
            }
            StoreError::Document { source, .. } => source.is_busy(),
            _ => false,
        }
    }

    /// Whether the error is the caller's (bad input) rather than the store's.
    pub fn is_user_error(&self) -> bool {
        matches!(self, StoreError::Invalid(_))
    }
}
