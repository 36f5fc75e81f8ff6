//! The SQLite and PostgreSQL migration folders describe the same tables, columns, kinds and
//! nullability: a migration added to one folder only, or written differently, fails here.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;

use velferd_store::{testing, Store};

type Shapes = BTreeMap<(String, String), String>;

/// What differs between two schemas, in words; sqlx's own bookkeeping table is not ours.
fn differences((a_label, a): (&str, &Shapes), (b_label, b): (&str, &Shapes)) -> Vec<String> {
    let ours = |column: &&(String, String)| column.0 != "_sqlx_migrations";
    let mut out = Vec::new();
    for (column, shape) in a.iter().filter(|(c, _)| ours(c)) {
        match b.get(column) {
            None => out.push(format!("{}.{} is only in {a_label} ({shape})", column.0, column.1)),
            Some(other) if other != shape => out.push(format!("{}.{}: {a_label} {shape}, {b_label} {other}", column.0, column.1)),
            Some(_) => {}
        }
    }
    for (column, shape) in b.iter().filter(|(c, _)| ours(c)) {
        if !a.contains_key(column) {
            out.push(format!("{}.{} is only in {b_label} ({shape})", column.0, column.1));
        }
    }
    out
}

#[test]
fn a_column_missing_or_different_in_one_folder_is_named() {
    let col = |t: &str, c: &str, s: &str| ((t.to_owned(), c.to_owned()), s.to_owned());
    let sqlite: Shapes = [col("drafts", "id", "text, not null"), col("drafts", "answers", "text, not null"), col("extra", "x", "integer, null")].into();
    let postgres: Shapes = [col("drafts", "id", "text, not null"), col("drafts", "answers", "text, null")].into();
    let found = differences(("sqlite", &sqlite), ("postgres", &postgres));
    assert_eq!(found, ["drafts.answers: sqlite text, not null, postgres text, null", "extra.x is only in sqlite (integer, null)"]);
}

#[tokio::test]
async fn both_migration_folders_describe_the_same_tables_and_columns() {
    let dbs = testing::all().await;
    if dbs.len() < 2 {
        eprintln!("warning: only one database here; the migration folders are compared under ./scripts/test");
        return;
    }
    let mut shapes = Vec::new();
    for db in &dbs {
        let store = Store::connect(&db.url).await.expect("connect");
        shapes.push((db.label, store.column_shapes().await.expect("columns")));
    }
    let (a_label, a) = &shapes[0];
    let (b_label, b) = &shapes[1];
    let differences = differences((a_label, a), (b_label, b));
    assert!(a.len() > 50, "the schema was read ({} columns)", a.len());
    assert!(differences.is_empty(), "the migration folders differ:\n{}", differences.join("\n"));
}
