//! Writing statements that return nothing, run together in one round trip where the database
//! allows it.
//!
//! sqlx runs each SQLite connection on a worker thread of its own, so every statement is a
//! hand-over to that thread and back: two context switches, which the sending bench's profile
//! shows as the largest single cost of a send (issue 13). SQLite runs several statements given as
//! one text in one call, binding each `$n` from the one list of arguments, so a [`Batch`] on
//! SQLite is one call whatever its length. PostgreSQL's extended protocol takes one statement at a
//! time: there the batch runs its statements one after another on the same connection — the same
//! statements, the same order, the same transaction.
//!
//! Only for statements whose results the caller does not need (no `RETURNING`, no row counts):
//! a statement that fails fails the batch, and the caller's transaction with it.

use sqlx::Any;
use sqlx::AnyConnection;

use crate::Result;

/// One argument of a batched statement. The types the store writes: text and integers, either
/// of which may be NULL.
#[derive(Debug, Clone)]
pub(crate) enum Arg {
    Text(Option<String>),
    Int(Option<i64>),
}

impl From<&str> for Arg {
    fn from(v: &str) -> Arg {
        Arg::Text(Some(v.to_owned()))
    }
}

impl From<String> for Arg {
    fn from(v: String) -> Arg {
        Arg::Text(Some(v))
    }
}

impl From<&String> for Arg {
    fn from(v: &String) -> Arg {
        Arg::Text(Some(v.clone()))
    }
}

impl From<Option<&str>> for Arg {
    fn from(v: Option<&str>) -> Arg {
        Arg::Text(v.map(str::to_owned))
    }
}

impl From<Option<String>> for Arg {
    fn from(v: Option<String>) -> Arg {
        Arg::Text(v)
    }
}

impl From<i64> for Arg {
    fn from(v: i64) -> Arg {
        Arg::Int(Some(v))
    }
}

impl From<Option<i64>> for Arg {
    fn from(v: Option<i64>) -> Arg {
        Arg::Int(v)
    }
}

/// Statements to run together, in order. Each is written with its own `$1 … $n`, as it would be
/// alone.
#[derive(Debug, Default)]
pub(crate) struct Batch {
    statements: Vec<(String, Vec<Arg>)>,
}

impl Batch {
    pub(crate) fn new() -> Batch {
        Batch::default()
    }

    /// Adds a statement with its arguments (`$1` is `args[0]`).
    pub(crate) fn push(&mut self, sql: impl Into<String>, args: Vec<Arg>) {
        self.statements.push((sql.into(), args));
    }

    /// Runs the statements on `conn` (inside the caller's transaction): on SQLite as one text in
    /// one call, on PostgreSQL one by one.
    pub(crate) async fn run(self, conn: &mut AnyConnection) -> Result<()> {
        match conn.backend_name() == "SQLite" {
            true => {
                if self.statements.is_empty() {
                    return Ok(());
                }
                let mut sql = String::new();
                let mut args = Vec::new();
                for (text, own) in self.statements {
                    sql.push_str(&renumber(&text, args.len()));
                    sql.push_str(";\n");
                    args.extend(own);
                }
                bind(sqlx::query(&sql), args).execute(&mut *conn).await?;
            }
            false => {
                for (text, args) in self.statements {
                    bind(sqlx::query(&text), args).execute(&mut *conn).await?;
                }
            }
        }
        Ok(())
    }
}

fn bind<'q>(mut query: sqlx::query::Query<'q, Any, sqlx::any::AnyArguments<'q>>, args: Vec<Arg>) -> sqlx::query::Query<'q, Any, sqlx::any::AnyArguments<'q>> {
    for arg in args {
        query = match arg {
            Arg::Text(v) => query.bind(v),
            Arg::Int(v) => query.bind(v),
        };
    }
    query
}

/// `sql` with every placeholder `$n` made `$(n + offset)`. The store's SQL has no `$` in string
/// literals or names, so every `$` followed by digits is a placeholder.
fn renumber(sql: &str, offset: usize) -> String {
    if offset == 0 {
        return sql.to_owned();
    }
    let mut out = String::with_capacity(sql.len() + 8);
    let mut rest = sql;
    while let Some(at) = rest.find('$') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        match after[..digits].parse::<usize>() {
            Ok(n) => {
                out.push('$');
                out.push_str(&(n + offset).to_string());
            }
            Err(_) => {
                out.push('$');
                out.push_str(&after[..digits]);
            }
        }
        rest = &after[digits..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::renumber;

    #[test]
    fn placeholders_move_past_the_arguments_before_them() {
        assert_eq!(
            renumber("INSERT INTO t (a, b) VALUES ($1, $2) ON CONFLICT (a) DO UPDATE SET b = $2", 3),
            "INSERT INTO t (a, b) VALUES ($4, $5) ON CONFLICT (a) DO UPDATE SET b = $5"
        );
        assert_eq!(renumber("UPDATE t SET a = $10 WHERE b = $1", 10), "UPDATE t SET a = $20 WHERE b = $11");
        assert_eq!(renumber("SELECT $1", 0), "SELECT $1");
        assert_eq!(renumber("no placeholders", 5), "no placeholders");
    }
}
