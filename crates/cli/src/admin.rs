use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};
use velferd_domain::ids::Kommunenummer;
use velferd_store::Store;

#[derive(Args)]
pub struct AdminArgs {
    /// Database URL, as for `serve`. Default: ./velferd-data/velferd.db
    #[arg(long, env = "VELFERD_DATABASE_URL", global = true)]
    database: Option<String>,
    /// Where documents are kept, as for `serve` (a folder or s3://BUCKET/PREFIX). Default: ./velferd-data/files
    #[arg(long, env = "VELFERD_FILES", global = true)]
    files: Option<String>,
    /// With `backup`, the audit chain's head is signed into the backup; with `restore`, the
    /// backup must carry that signature and its audit log must reach it.
    #[command(flatten)]
    audit: crate::audit::AuditKeyArgs,
    #[command(subcommand)]
    command: AdminCommand,
}

#[derive(Subcommand)]
enum AdminCommand {
    /// Keys for case systems using the integration API (/api/v1).
    #[command(subcommand, name = "api-key")]
    ApiKey(ApiKeyCommand),
    /// Write a backup (every table and the documents) into a new folder, from one consistent
    /// snapshot, while the server runs.
    Backup {
        /// The folder to create.
        #[arg(long)]
        to: PathBuf,
    },
    /// Restore a backup into a new, empty database (SQLite or PostgreSQL, whichever made it).
    Restore {
        /// A folder made by `velferd admin backup`.
        #[arg(long)]
        from: PathBuf,
    },
    /// The key that signs checkpoints of the audit log's head.
    #[command(subcommand, name = "audit-key")]
    AuditKey(AuditKeyCommand),
    /// Payment files for the bank.
    #[command(subcommand)]
    Payments(PaymentsCommand),
    /// Fill the database with N synthetic applications for load tests and benchmarks: synthetic
    /// people (fødselsnummer with month + 80) spread over the offices of the municipalities that
    /// take digital applications, with M events each on average in realistic mixes of states
    /// (received, being processed with requests for documents, decided with payments, not
    /// processed; a few per cent emergencies; many assigned). Adds to what is there. Refuses a
    /// database that holds data about people with a real (not synthetic) fødselsnummer unless
    /// --force is given.
    Seed {
        /// How many applications to add (N).
        #[arg(long, value_parser = clap::value_parser!(u64).range(1..=10_000_000))]
        applications: u64,
        /// Events per application on average (M); sending alone writes two.
        #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u32).range(2..=200))]
        events_per_application: u32,
        /// Seed even a database that holds data about real people.
        #[arg(long)]
        force: bool,
    },
    /// Show what retention deletes: expired drafts, closed cases with no activity for
    /// --closed-after-days, and register entries of people without electronic ID whose last case
    /// goes. Deletes only with --delete.
    Retention {
        /// Days without activity after which a closed case is deleted.
        #[arg(long, default_value_t = 3650, env = "VELFERD_RETENTION_CLOSED_DAYS")]
        closed_after_days: i64,
        /// Delete what is listed (without it, nothing changes).
        #[arg(long)]
        delete: bool,
    },
}

#[derive(Subcommand)]
enum AuditKeyCommand {
    /// Make a new key (Ed25519) in a new file, readable only by its owner, and print its public
    /// half. Give the file to `velferd serve --audit-key` (or VELFERD_AUDIT_KEY); keep it off the
    /// database server's disk if you can, and never in a backup of the database. Give the public
    /// key to whoever keeps checkpoints for you.
    Create {
        /// The file to create; an existing file is never overwritten.
        #[arg(long)]
        to: PathBuf,
    },
}

#[derive(Subcommand)]
enum PaymentsCommand {
    /// Write an office's approved payments due in a period as an ISO 20022 pain.001.001.03 file
    /// for the bank (valid against the official XSD) or as CSV (reference, case reference,
    /// recipient, account, KID or message, amount in NOK with two decimals, due date). With
    /// nothing to pay no file is written and the command says so (exit 0).
    Export {
        /// The office (enhetsnummer), e.g. 0312.
        #[arg(long)]
        office: String,
        #[arg(long, value_enum)]
        format: crate::payments::Format,
        /// First due date to include (2026-12-07). Default: today.
        #[arg(long, value_parser = crate::payments::parse_date)]
        from: Option<time::Date>,
        /// Last due date to include. Default: no end.
        #[arg(long, value_parser = crate::payments::parse_date)]
        to: Option<time::Date>,
        /// The file to write (replaced whole when it exists).
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
    },
}

#[derive(Subcommand)]
enum ApiKeyCommand {
    /// Make a key for one municipality. The key is printed once; only its hash is stored.
    Create {
        /// The municipality the key may act for (4 digits).
        #[arg(long)]
        kommune: String,
        /// Who uses it, e.g. the case system's name.
        #[arg(long)]
        name: String,
    },
    /// Revoke a key at once.
    Revoke {
        /// The key's id (from `create` or `list`).
        id: String,
    },
    /// List keys (ids, municipalities, names; never the keys).
    List,
}

pub fn run(args: AdminArgs) -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("cannot start the runtime: {e}");
            return ExitCode::from(1);
        }
    };
    match runtime.block_on(admin(args)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("velferd admin: {message}");
            ExitCode::from(1)
        }
    }
}

async fn admin(args: AdminArgs) -> Result<(), String> {
    if let AdminCommand::AuditKey(AuditKeyCommand::Create { to }) = &args.command {
        let key = velferd_store::AuditKey::create(to).map_err(|e| e.to_string())?;
        println!("public key: {}", key.public_key());
        eprintln!("Wrote the secret key to {}. Start the server with --audit-key {0} (or VELFERD_AUDIT_KEY).", to.display());
        return Ok(());
    }
    let url = crate::db::database_url(args.database)?;
    let store = Store::connect(&url).await.map_err(|e| format!("database: {e}"))?;
    let now = velferd_web::now_ms();
    let files = crate::maintenance::files(args.files)?;
    match args.command {
        AdminCommand::AuditKey(_) => {}
        AdminCommand::Backup { to } => crate::maintenance::backup(&store, files.as_ref(), &to, args.audit.key(&url, false)?.as_ref(), now).await?,
        AdminCommand::Restore { from } => crate::maintenance::restore(&store, files.as_ref(), &from, args.audit.key(&url, false)?.as_ref()).await?,
        AdminCommand::Seed { applications, events_per_application, force } => {
            let options = crate::seed::Options { applications, events_per_application, force };
            println!("{}", crate::seed::run(&store, files.as_ref(), &velferd_web::default_kommuner(), options, now).await?);
        }
        AdminCommand::Retention { closed_after_days, delete } => {
            crate::maintenance::retention(&store, files.as_ref(), &velferd_web::default_kommuner(), closed_after_days, delete, now).await?
        }
        AdminCommand::Payments(PaymentsCommand::Export { office, format, from, to, output }) => {
            let at = time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(now) * 1_000_000).map_err(|e| e.to_string())?;
            let request = crate::payments::Export { office: &office, format, from, to, out: &output };
            println!("{}", crate::payments::export(&store, &velferd_web::default_kommuner(), &request, at).await?);
        }
        AdminCommand::ApiKey(ApiKeyCommand::Create { kommune, name }) => {
            let kommune = Kommunenummer::parse(&kommune).map_err(|_| format!("--kommune {kommune}: not a 4-digit municipality number"))?;
            if velferd_web::default_kommuner().get(&kommune).is_none() {
                eprintln!("warning: {kommune} is not in the built-in municipality catalogue");
            }
            let key = store.create_api_key(&kommune, &name, now).await.map_err(|e| e.to_string())?;
            println!("id:  {}", key.id);
            println!("key: {}", key.secret);
            eprintln!("Store the key now; it cannot be shown again. Send it as 'Authorization: Bearer <key>'.");
        }
        AdminCommand::ApiKey(ApiKeyCommand::Revoke { id }) => {
            if !store.revoke_api_key(&id, now).await.map_err(|e| e.to_string())? {
                return Err(format!("no active key with id {id}"));
            }
            println!("revoked {id}");
        }
        AdminCommand::ApiKey(ApiKeyCommand::List) => {
            for k in store.api_keys().await.map_err(|e| e.to_string())? {
                let state = if k.revoked_ms.is_some() { "revoked" } else { "active" };
                println!("{}\t{}\t{}\t{}", k.id, k.kommunenummer, state, k.name);
            }
        }
    }
    store.close().await;
    Ok(())
}
