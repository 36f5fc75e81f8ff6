//! `velferd audit verify|checkpoint`, and the audit settings `serve` and `admin` share: the key
//! that signs checkpoints of the audit chain's head and the folder they are written to, both
//! outside the database (see `velferd_store::Checkpointer` for why).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::{Args, Subcommand};
use velferd_store::{AuditKey, AuditPublicKey, ChainCheck, Checkpoint, CheckpointFolder, Checkpointer, Store};

/// Where the audit key and the checkpoints are.
#[derive(Args, Clone)]
pub struct AuditKeyArgs {
    /// A file holding the key that signs checkpoints of the audit log's head (made by `velferd
    /// admin audit-key create`). Keep it outside the database and its backups, readable only by
    /// the server's user: whoever has it can vouch for a rewritten log. Default: audit.key in the
    /// data folder (beside the SQLite database, or ./velferd-data) when it exists; `serve --demo`
    /// creates it there.
    #[arg(long, env = "VELFERD_AUDIT_KEY", global = true)]
    audit_key: Option<PathBuf>,
    /// The folder signed checkpoints are written to and read from (outside the database; a
    /// different disk or machine is better). Default: audit-checkpoints in the data folder.
    #[arg(long, env = "VELFERD_AUDIT_CHECKPOINTS", global = true)]
    audit_checkpoints: Option<PathBuf>,
}

impl AuditKeyArgs {
    /// The key: the one named, or the data folder's `audit.key` when it exists (with `create`, made
    /// there when it does not). `None` when there is none.
    pub fn key(&self, database_url: &str, create: bool) -> Result<Option<AuditKey>, String> {
        let path = match &self.audit_key {
            Some(path) => path.clone(),
            None => {
                let path = crate::db::data_folder(database_url).join("audit.key");
                if create && !path.exists() {
                    let key = AuditKey::create(&path).map_err(|e| e.to_string())?;
                    tracing::warn!(path = %path.display(), "demo mode: created an audit key beside the database");
                    return Ok(Some(key));
                }
                if !path.exists() {
                    return Ok(None);
                }
                path
            }
        };
        AuditKey::load(&path).map(Some).map_err(|e| format!("--audit-key: {e}"))
    }

    pub fn folder(&self, database_url: &str) -> CheckpointFolder {
        CheckpointFolder::new(self.audit_checkpoints.clone().unwrap_or_else(|| crate::db::data_folder(database_url).join("audit-checkpoints")))
    }
}

#[derive(Args)]
pub struct AuditArgs {
    /// Database URL, as for `serve`. Default: ./velferd-data/velferd.db
    #[arg(long, env = "VELFERD_DATABASE_URL", global = true)]
    database: Option<String>,
    #[command(flatten)]
    keys: AuditKeyArgs,
    #[command(subcommand)]
    command: AuditCommand,
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Check that no audit entry was edited, inserted or removed (walks the hash chain), and that
    /// none was cut from the end: the log must reach the chain head recorded in the database and
    /// every signed checkpoint in the checkpoint folder and given with --checkpoint. Exit 1 with
    /// what is wrong or missing.
    Verify {
        /// A file holding a checkpoint line kept elsewhere (printed by `velferd audit checkpoint`);
        /// may be given more than once.
        #[arg(long)]
        checkpoint: Vec<PathBuf>,
        /// The public key that signed the checkpoints (64 hex digits), for a witness that does
        /// not hold the secret key. Default: the public half of --audit-key.
        #[arg(long)]
        public_key: Option<String>,
    },
    /// Sign the audit log's current head (after checking the entries since the last checkpoint),
    /// write it to the checkpoint folder and print it as one line, for a witness outside the
    /// organisation (e.g. the municipality's auditor) to keep.
    Checkpoint,
}

pub fn run(args: AuditArgs) -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("cannot start the runtime: {e}");
            return ExitCode::from(1);
        }
    };
    match runtime.block_on(audit(args)) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("velferd audit: {message}");
            ExitCode::from(1)
        }
    }
}

async fn audit(args: AuditArgs) -> Result<ExitCode, String> {
    let url = crate::db::database_url(args.database)?;
    let store = Store::connect(&url).await.map_err(|e| format!("database: {e}"))?;
    let code = match args.command {
        AuditCommand::Verify { checkpoint, public_key } => verify(&store, &args.keys, &url, &checkpoint, public_key.as_deref()).await?,
        AuditCommand::Checkpoint => {
            let key = args.keys.key(&url, false)?.ok_or("no audit key: give --audit-key (make one with `velferd admin audit-key create`)")?;
            let public = key.public_key();
            let folder = args.keys.folder(&url);
            let mut checkpointer = Checkpointer::new(store.clone(), key, folder.clone()).map_err(|e| e.to_string())?;
            match checkpointer.checkpoint(velferd_web::now_ms()).await.map_err(|e| e.to_string())? {
                Some(checkpoint) => {
                    println!("{checkpoint}");
                    eprintln!("Signed {}; kept in {}.", checkpoint.describe(), folder.path().display());
                    eprintln!("Keep the line above outside Velferd; check against it with");
                    eprintln!("  velferd audit verify --checkpoint FILE --public-key {public}");
                }
                None => eprintln!("The audit log is empty: there is no head to sign yet."),
            }
            ExitCode::SUCCESS
        }
    };
    store.close().await;
    Ok(code)
}

async fn verify(store: &Store, keys: &AuditKeyArgs, url: &str, files: &[PathBuf], public_key: Option<&str>) -> Result<ExitCode, String> {
    let public: Option<AuditPublicKey> = match public_key {
        Some(text) => Some(AuditPublicKey::parse(text).map_err(|e| format!("--public-key: {e}"))?),
        None => keys.key(url, false)?.map(|k| k.public_key()),
    };
    let folder = keys.folder(url);
    let mut checkpoints = Vec::new();
    match &public {
        Some(public) => {
            checkpoints = folder.read(public).map_err(|e| e.to_string())?;
            for path in files {
                let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
                checkpoints.push(Checkpoint::parse(&text, public).map_err(|e| format!("{}: {e}", path.display()))?);
            }
        }
        None if !files.is_empty() || has_checkpoints(folder.path()) => {
            return Err("there are signed checkpoints but no key to check them with: give --audit-key or --public-key".into());
        }
        None => {}
    }
    match store.verify_audit_against(&checkpoints).await.map_err(|e| e.to_string())? {
        ChainCheck::Intact { entries } => {
            match checkpoints.iter().max_by_key(|c| c.head().seq) {
                Some(newest) => println!("audit log intact: {entries} entries, reaching {}", newest.describe()),
                None => {
                    println!("audit log intact: {entries} entries");
                    if entries > 0 {
                        eprintln!(
                            "warning: no signed checkpoint to compare with, so entries cut from the end together with the chain head row, or a recomputed log, would not show (see `velferd admin audit-key create`)"
                        );
                    }
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        problem => {
            eprintln!("audit log {problem}");
            Ok(ExitCode::from(1))
        }
    }
}

fn has_checkpoints(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|mut d| d.any(|e| e.is_ok_and(|e| e.path().extension().is_some_and(|x| x == "checkpoint"))))
}

/// Signs the head every `every` while the server runs, and once more when `stop` fires (at
/// shutdown); the returned task ends after that last one. Failures are logged (they say what is
/// wrong with the log, never what is in it) and tried again next time.
pub fn spawn_checkpoints(mut checkpointer: Checkpointer, every: Duration, stop: tokio::sync::oneshot::Receiver<()>) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        tokio::pin!(stop);
        loop {
            tokio::select! {
                _ = tick.tick() => sign(&mut checkpointer, false).await,
                _ = &mut stop => {
                    sign(&mut checkpointer, true).await;
                    return;
                }
            }
        }
    })
}

async fn sign(checkpointer: &mut Checkpointer, last: bool) {
    match checkpointer.checkpoint(velferd_web::now_ms()).await {
        Ok(Some(c)) if last => {
            tracing::info!(seq = c.head().seq, "audit checkpoint signed at shutdown")
        }
        Ok(Some(c)) => tracing::debug!(seq = c.head().seq, "audit checkpoint"),
        Ok(None) => {}
        Err(e) => tracing::error!(error = %e, "audit checkpoint"),
    }
}
