//! The database URL every subcommand that opens the store understands.

use std::path::PathBuf;

fn default_database() -> Result<String, String> {
    let dir = PathBuf::from("velferd-data");
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    Ok(format!("sqlite://{}?mode=rwc", dir.join("velferd.db").display()))
}

/// A bare path is taken as a SQLite file; `sqlite:` URLs get `mode=rwc` so the file is created.
pub fn database_url(arg: Option<String>) -> Result<String, String> {
    match arg {
        None => default_database(),
        Some(url) if url.starts_with("postgres") => Ok(url),
        Some(url) => {
            let path = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:")).unwrap_or(&url);
            let (path, query) = path.split_once('?').unwrap_or((path, ""));
            if let Some(parent) = PathBuf::from(path).parent().filter(|p| !p.as_os_str().is_empty()) {
                std::fs::create_dir_all(parent).map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
            }
            let query = if query.is_empty() { "mode=rwc".to_owned() } else { query.to_owned() };
            Ok(format!("sqlite://{path}?{query}"))
        }
    }
}

/// The folder for files that belong beside the database but not in it (the audit key in demo
/// mode, audit checkpoints): the SQLite file's folder, or ./velferd-data for PostgreSQL.
pub fn data_folder(database_url: &str) -> PathBuf {
    let sqlite = database_url.strip_prefix("sqlite://").or_else(|| database_url.strip_prefix("sqlite:"));
    match sqlite {
        Some(rest) => {
            let path = rest.split_once('?').map_or(rest, |(p, _)| p);
            PathBuf::from(path).parent().filter(|p| !p.as_os_str().is_empty()).map_or_else(|| PathBuf::from("."), PathBuf::from)
        }
        None => PathBuf::from("velferd-data"),
    }
}
