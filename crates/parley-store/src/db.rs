//! A thin layer over the two drivers: one SQL text (with `?` placeholders)
//! and one value type for both, so the queries are written once.
//!
//! SQL written here sticks to what SQLite and PostgreSQL both accept:
//! `RETURNING`, `ON CONFLICT DO NOTHING`, `CAST(x AS BIGINT)` around
//! aggregates (PostgreSQL's `SUM(bigint)` is `numeric`). Where the two
//! differ (schema, full-text search), the caller branches on [`Dialect`].

use crate::StoreError;

/// Which SQL dialect a connection speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dialect {
    Sqlite,
    Postgres,
}

/// A value bound to or read from SQL.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Val {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
}

impl From<i64> for Val {
    fn from(v: i64) -> Val {
        Val::Int(v)
    }
}
impl From<usize> for Val {
    fn from(v: usize) -> Val {
        Val::Int(i64::try_from(v).unwrap_or(i64::MAX))
    }
}
impl From<u8> for Val {
    fn from(v: u8) -> Val {
        Val::Int(i64::from(v))
    }
}
impl From<f64> for Val {
    fn from(v: f64) -> Val {
        Val::Real(v)
    }
}
impl From<f32> for Val {
    fn from(v: f32) -> Val {
        Val::Real(f64::from(v))
    }
}
impl From<&str> for Val {
    fn from(v: &str) -> Val {
        Val::Text(v.to_string())
    }
}
impl From<String> for Val {
    fn from(v: String) -> Val {
        Val::Text(v)
    }
}
impl From<&String> for Val {
    fn from(v: &String) -> Val {
        Val::Text(v.clone())
    }
}
impl<T: Into<Val>> From<Option<T>> for Val {
    fn from(v: Option<T>) -> Val {
        v.map_or(Val::Null, Into::into)
    }
}

/// One result row.
#[derive(Debug, Clone)]
pub(crate) struct Row(pub Vec<Val>);

impl Row {
    pub fn i64(&self, i: usize) -> i64 {
        self.opt_i64(i).unwrap_or(0)
    }
    pub fn opt_i64(&self, i: usize) -> Option<i64> {
        match self.0.get(i) {
            Some(Val::Int(v)) => Some(*v),
            Some(Val::Real(v)) => Some(*v as i64),
            Some(Val::Text(s)) => s.parse().ok(),
            _ => None,
        }
    }
    pub fn u64(&self, i: usize) -> u64 {
        u64::try_from(self.i64(i)).unwrap_or(0)
    }
    pub fn f64(&self, i: usize) -> f64 {
        match self.0.get(i) {
            Some(Val::Int(v)) => *v as f64,
            Some(Val::Real(v)) => *v,
            Some(Val::Text(s)) => s.parse().unwrap_or(0.0),
            _ => 0.0,
        }
    }
    pub fn opt_str(&self, i: usize) -> Option<String> {
        match self.0.get(i) {
            Some(Val::Text(s)) => Some(s.clone()),
            Some(Val::Int(v)) => Some(v.to_string()),
            Some(Val::Real(v)) => Some(v.to_string()),
            _ => None,
        }
    }
    pub fn str(&self, i: usize) -> String {
        self.opt_str(i).unwrap_or_default()
    }
}

/// How many times a transaction is tried when the store is busy: with
/// SQLite's 10 s busy timeout on each, a writer waits minutes for another
/// before giving up.
pub(crate) const WRITE_ATTEMPTS: u32 = 8;

/// An open connection to either database.
pub(crate) enum Backend {
    Sqlite(rusqlite::Connection),
    #[cfg(feature = "postgres")]
    Postgres(Box<pg::PgConn>),
}

impl Backend {
    pub fn dialect(&self) -> Dialect {
        match self {
            Backend::Sqlite(_) => Dialect::Sqlite,
            #[cfg(feature = "postgres")]
            Backend::Postgres(_) => Dialect::Postgres,
        }
    }

    /// Runs statements without parameters (DDL, `BEGIN`, `COMMIT`).
    pub fn batch(&mut self, sql: &str) -> Result<(), StoreError> {
        match self {
            Backend::Sqlite(c) => c.execute_batch(sql).map_err(sqlite_failed(sql)),
            #[cfg(feature = "postgres")]
            Backend::Postgres(c) => c.batch(sql),
        }
    }

    /// Runs one statement; returns the number of rows changed.
    pub fn exec(&mut self, sql: &str, params: &[Val]) -> Result<u64, StoreError> {
        match self {
            Backend::Sqlite(c) => {
                let mut stmt = c.prepare_cached(sql).map_err(sqlite_failed(sql))?;
                let n = stmt
                    .execute(rusqlite::params_from_iter(params.iter()))
                    .map_err(sqlite_failed(sql))?;
                Ok(n as u64)
            }
            #[cfg(feature = "postgres")]
            Backend::Postgres(c) => c.exec(sql, params),
        }
    }

    /// Runs one query and collects its rows.
    pub fn query(&mut self, sql: &str, params: &[Val]) -> Result<Vec<Row>, StoreError> {
        match self {
            Backend::Sqlite(c) => {
                let mut stmt = c.prepare_cached(sql).map_err(sqlite_failed(sql))?;
                let ncol = stmt.column_count();
                let mut rows = stmt
                    .query(rusqlite::params_from_iter(params.iter()))
                    .map_err(sqlite_failed(sql))?;
                let mut out = Vec::new();
                while let Some(row) = rows.next().map_err(sqlite_failed(sql))? {
                    let mut vals = Vec::with_capacity(ncol);
                    for i in 0..ncol {
                        use rusqlite::types::ValueRef;
                        let v = match row.get_ref(i).map_err(sqlite_failed(sql))? {
                            ValueRef::Null => Val::Null,
                            ValueRef::Integer(v) => Val::Int(v),
                            ValueRef::Real(v) => Val::Real(v),
                            ValueRef::Text(t) => Val::Text(String::from_utf8_lossy(t).into_owned()),
                            ValueRef::Blob(b) => Val::Text(String::from_utf8_lossy(b).into_owned()),
                        };
                        vals.push(v);
                    }
                    out.push(Row(vals));
                }
                Ok(out)
            }
            #[cfg(feature = "postgres")]
            Backend::Postgres(c) => c.query(sql, params),
        }
    }

    /// Runs a query expected to return at most one row.
    pub fn query_opt(&mut self, sql: &str, params: &[Val]) -> Result<Option<Row>, StoreError> {
        Ok(self.query(sql, params)?.into_iter().next())
    }

    /// Runs `INSERT ... RETURNING id` and returns the id.
    pub fn insert_id(&mut self, sql: &str, params: &[Val]) -> Result<i64, StoreError> {
        self.query_opt(sql, params)?
            .and_then(|row| row.opt_i64(0))
            .ok_or_else(|| StoreError::Internal(format!("no id returned by {}", short(sql))))
    }

    /// The rows this connection has changed since it opened (SQLite's
    /// `sqlite3_total_changes64`); `None` on PostgreSQL.
    pub fn total_changes(&self) -> Option<u64> {
        match self {
            Backend::Sqlite(c) => Some(c.total_changes()),
            #[cfg(feature = "postgres")]
            Backend::Postgres(_) => None,
        }
    }

    /// Frees the page cache's unused pages (SQLite); nothing on PostgreSQL.
    pub fn release_memory(&mut self) -> Result<(), StoreError> {
        match self {
            Backend::Sqlite(c) => {
                c.release_memory().map_err(sqlite_failed("sqlite3_db_release_memory"))
            }
            #[cfg(feature = "postgres")]
            Backend::Postgres(_) => Ok(()),
        }
    }

    /// A single integer (a count).
    pub fn scalar(&mut self, sql: &str, params: &[Val]) -> Result<i64, StoreError> {
        Ok(self.query_opt(sql, params)?.map(|r| r.i64(0)).unwrap_or(0))
    }

    /// Runs `f` inside a transaction (see [`Backend::transaction_once`]);
    /// when another writer holds the database (SQLite busy or locked past
    /// the busy timeout, a PostgreSQL serialization failure or deadlock),
    /// the whole transaction is rolled back and run again, up to
    /// [`WRITE_ATTEMPTS`] times with a growing pause, so a second writer
    /// waits its turn instead of failing the run.
    pub fn transaction<T>(
        &mut self,
        mut f: impl FnMut(&mut Backend) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let mut attempt = 1;
        loop {
            match self.transaction_once(&mut f) {
                Err(err) if err.is_busy() && attempt < WRITE_ATTEMPTS => {
                    tracing::info!(attempt, error = %err, "the store is busy: retrying the transaction");
                    std::thread::sleep(std::time::Duration::from_millis(50 << attempt.min(6)));
                    attempt += 1;
                }
                other => return other,
            }
        }
    }

    /// Runs `f` inside a transaction: committed when it returns `Ok`,
    /// rolled back otherwise (so a failed document leaves nothing behind).
    pub fn transaction_once<T>(
        &mut self,
        f: impl FnOnce(&mut Backend) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let begin = match self.dialect() {
            // IMMEDIATE takes the write lock up front: no upgrade deadlock with a reader.
            Dialect::Sqlite => "BEGIN IMMEDIATE",
            Dialect::Postgres => "BEGIN",
        };
        self.batch(begin)?;
        match f(self) {
            Ok(v) => {
                self.batch("COMMIT")?;
                Ok(v)
            }
            Err(e) => {
                if let Err(rollback) = self.batch("ROLLBACK") {
                    tracing::warn!(error = %rollback, "rollback failed");
                }
                Err(e)
            }
        }
    }
}

impl rusqlite::ToSql for Val {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(match self {
            Val::Null => ToSqlOutput::Borrowed(ValueRef::Null),
            Val::Int(v) => ToSqlOutput::Borrowed(ValueRef::Integer(*v)),
            Val::Real(v) => ToSqlOutput::Borrowed(ValueRef::Real(*v)),
            Val::Text(s) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
        })
    }
}

/// Wraps a SQLite error with the start of the statement that failed. The
/// context is built only on failure: built eagerly for every statement
/// and every column read, it took about a seventh of ingest time.
fn sqlite_failed(sql: &str) -> impl FnOnce(rusqlite::Error) -> StoreError + '_ {
    move |source| StoreError::Sqlite { context: short(sql), source }
}

/// The start of a statement, for error context.
pub(crate) fn short(sql: &str) -> String {
    let one_line: String = sql.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut s: String = one_line.chars().take(80).collect();
    if one_line.chars().count() > 80 {
        s.push('…');
    }
    format!("running `{s}`")
}

/// Rewrites `?` placeholders as `$1, $2, ...` (outside string literals).
pub(crate) fn numbered_placeholders(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 16);
    let mut n = 0;
    let mut in_str = false;
    for c in sql.chars() {
        match c {
            '\'' => {
                in_str = !in_str;
                out.push(c);
            }
            '?' if !in_str => {
                n += 1;
                out.push('$');
                out.push_str(&n.to_string());
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(feature = "postgres")]
pub(crate) mod pg {
    use std::collections::HashMap;
    use std::error::Error;

    use postgres::types::{to_sql_checked, IsNull, ToSql, Type};
    use postgres::{Client, Statement};

    use super::{numbered_placeholders, short, Row, Val};
    use crate::StoreError;

    /// A PostgreSQL connection with a cache of prepared statements.
    pub struct PgConn {
        pub client: Client,
        stmts: HashMap<String, Statement>,
    }

    /// Wraps a PostgreSQL error with the start of the statement that
    /// failed, built only on failure (see `sqlite_failed`).
    fn postgres_failed(sql: &str) -> impl FnOnce(postgres::Error) -> StoreError + '_ {
        move |source| StoreError::Postgres { context: short(sql), source }
    }

    impl PgConn {
        pub fn new(client: Client) -> PgConn {
            PgConn { client, stmts: HashMap::new() }
        }

        pub fn batch(&mut self, sql: &str) -> Result<(), StoreError> {
            self.client.batch_execute(sql).map_err(postgres_failed(sql))
        }

        fn prepare(&mut self, sql: &str) -> Result<Statement, StoreError> {
            if let Some(stmt) = self.stmts.get(sql) {
                return Ok(stmt.clone());
            }
            let stmt =
                self.client.prepare(&numbered_placeholders(sql)).map_err(postgres_failed(sql))?;
            self.stmts.insert(sql.to_string(), stmt.clone());
            Ok(stmt)
        }

        pub fn exec(&mut self, sql: &str, params: &[Val]) -> Result<u64, StoreError> {
            let stmt = self.prepare(sql)?;
            let refs: Vec<&(dyn ToSql + Sync)> =
                params.iter().map(|p| p as &(dyn ToSql + Sync)).collect();
            self.client.execute(&stmt, &refs).map_err(postgres_failed(sql))
        }

        pub fn query(&mut self, sql: &str, params: &[Val]) -> Result<Vec<Row>, StoreError> {
            let stmt = self.prepare(sql)?;
            let refs: Vec<&(dyn ToSql + Sync)> =
                params.iter().map(|p| p as &(dyn ToSql + Sync)).collect();
            let rows = self.client.query(&stmt, &refs).map_err(postgres_failed(sql))?;
            let mut out = Vec::with_capacity(rows.len());
            for row in rows {
                let mut vals = Vec::with_capacity(row.len());
                for (i, col) in row.columns().iter().enumerate() {
                    let ty = col.type_();
                    let get = |e: postgres::Error| StoreError::Postgres {
                        context: format!("reading column {} of {}", col.name(), short(sql)),
                        source: e,
                    };
                    let v = if *ty == Type::INT8 {
                        row.try_get::<_, Option<i64>>(i).map_err(get)?.map(Val::Int)
                    } else if *ty == Type::INT4 {
                        row.try_get::<_, Option<i32>>(i).map_err(get)?.map(|v| Val::Int(v.into()))
                    } else if *ty == Type::INT2 {
                        row.try_get::<_, Option<i16>>(i).map_err(get)?.map(|v| Val::Int(v.into()))
                    } else if *ty == Type::FLOAT8 {
                        row.try_get::<_, Option<f64>>(i).map_err(get)?.map(Val::Real)
                    } else if *ty == Type::FLOAT4 {
                        row.try_get::<_, Option<f32>>(i).map_err(get)?.map(|v| Val::Real(v.into()))
                    } else if *ty == Type::BOOL {
                        row.try_get::<_, Option<bool>>(i).map_err(get)?.map(|v| Val::Int(v.into()))
                    } else {
                        row.try_get::<_, Option<String>>(i).map_err(get)?.map(Val::Text)
                    };
                    vals.push(v.unwrap_or(Val::Null));
                }
                out.push(Row(vals));
            }
            Ok(out)
        }
    }

    impl ToSql for Val {
        fn to_sql(
            &self,
            ty: &Type,
            out: &mut postgres::types::private::BytesMut,
        ) -> Result<IsNull, Box<dyn Error + Sync + Send>> {
            match self {
                Val::Null => Ok(IsNull::Yes),
                Val::Int(v) => {
                    if *ty == Type::INT4 {
                        i32::try_from(*v)?.to_sql(ty, out)
                    } else if *ty == Type::INT2 {
                        i16::try_from(*v)?.to_sql(ty, out)
                    } else if *ty == Type::FLOAT8 {
                        (*v as f64).to_sql(ty, out)
                    } else if *ty == Type::TEXT || *ty == Type::VARCHAR {
                        v.to_string().to_sql(ty, out)
                    } else {
                        v.to_sql(ty, out)
                    }
                }
                Val::Real(v) => {
                    if *ty == Type::FLOAT4 {
                        (*v as f32).to_sql(ty, out)
                    } else {
                        v.to_sql(ty, out)
                    }
                }
                Val::Text(s) => s.as_str().to_sql(ty, out),
            }
        }

        fn accepts(_ty: &Type) -> bool {
            true
        }

        to_sql_checked!();
    }
}
