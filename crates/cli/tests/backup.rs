//! `velferd admin backup` and `restore` of a large database in bounded memory: 10 000 seeded
//! applications (about 270 000 rows, 100 MB of SQLite) go SQLite → backup → PostgreSQL → backup →
//! SQLite → backup, each step the real binary, and none of them may hold much more than a fixed
//! amount in memory (before the backup streamed its tables, backing up this database took about
//! 160 MB, and more the larger the database). The three backups must be the same, row for row.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use velferd_store::testing;

const APPLICATIONS: &str = "10000";
/// The most a backup or restore of the database above may hold in memory (peak resident set), in
/// KiB. Streaming, each stays near 25 – 40 MiB at any database size.
const MAX_PEAK_KIB: u64 = 64 * 1024;

/// What a run of the binary said and the most memory it held (VmHWM, KiB).
struct Run {
    ok: bool,
    stdout: String,
    stderr: String,
    peak_kib: u64,
}

/// Runs `velferd ARGS` and reads its peak resident set from /proc while it runs (VmHWM only grows,
/// so the last reading before it exits is its peak, give or take the last few milliseconds).
fn velferd(args: &[&str]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_velferd")).args(args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak_kib = 0;
    while child.try_wait().unwrap().is_none() {
        let status = std::fs::read_to_string(&status_file).unwrap_or_default();
        if let Some(kib) = status.lines().find_map(|l| l.strip_prefix("VmHWM:")).and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok()) {
            peak_kib = peak_kib.max(kib);
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let out = child.wait_with_output().unwrap();
    Run { ok: out.status.success(), stdout: String::from_utf8_lossy(&out.stdout).into_owned(), stderr: String::from_utf8_lossy(&out.stderr).into_owned(), peak_kib }
}

/// Every table file of a backup folder.
fn tables(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir.join("tables")).unwrap().flatten().map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).unwrap())).collect()
}

#[tokio::test]
async fn a_large_database_is_backed_up_and_restored_in_bounded_memory_on_both_databases() {
    let work = testing::temp_dir();
    let files = work.0.join("files").display().to_string();
    let source = testing::sqlite();
    let seeded = velferd(&["admin", "seed", "--applications", APPLICATIONS, "--database", &source.url, "--files", &files]);
    assert!(seeded.ok, "{}", seeded.stderr);

    // SQLite → PostgreSQL → SQLite (SQLite → SQLite when no PostgreSQL is configured).
    let middle = testing::postgres().await.unwrap_or_else(testing::sqlite);
    let last = testing::sqlite();
    let mut backups = Vec::new();
    let mut peaks = Vec::new();
    for (n, (from, to)) in [(&source, Some(&middle)), (&middle, Some(&last)), (&last, None)].into_iter().enumerate() {
        let backup = work.0.join(format!("backup-{n}"));
        let backup_arg = backup.display().to_string();
        let run = velferd(&["admin", "backup", "--to", &backup_arg, "--database", &from.url, "--files", &files]);
        assert!(run.ok && run.stdout.starts_with("backup written to"), "{}: {}{}", from.label, run.stdout, run.stderr);
        peaks.push((format!("backup of {}", from.label), run.peak_kib));
        backups.push(backup);
        if let Some(to) = to {
            let restored_files = work.0.join(format!("files-{n}")).display().to_string();
            let run = velferd(&["admin", "restore", "--from", &backup_arg, "--database", &to.url, "--files", &restored_files]);
            assert!(run.ok && run.stdout.starts_with("restored "), "{} → {}: {}{}", from.label, to.label, run.stdout, run.stderr);
            peaks.push((format!("restore into {}", to.label), run.peak_kib));
        }
    }
    eprintln!("peak memory (KiB): {peaks:?}");
    for (what, kib) in &peaks {
        assert!(*kib > 0, "{what}: no reading of its memory");
        assert!(*kib < MAX_PEAK_KIB, "{what} held {kib} KiB at its peak, more than {MAX_PEAK_KIB} KiB: it does not stream");
    }
    // What went through PostgreSQL and back came out the same.
    let first = tables(&backups[0]);
    let events = first["events.jsonl"].iter().filter(|b| **b == b'\n').count();
    assert!(events > 150_000, "the seeded database is large: {events} events");
    for backup in &backups[1..] {
        assert!(tables(backup) == first, "{} differs from {}", backup.display(), backups[0].display());
    }
}
