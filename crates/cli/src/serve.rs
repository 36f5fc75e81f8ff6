use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use velferd_store::Store;
use velferd_web::{default_kommuner, router, seed_demo_cases, seed_demo_decision, seed_demo_people, seed_demo_statistics, spawn_file_sweep, spawn_housekeeping, App, Config};

#[derive(Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080", env = "VELFERD_ADDR")]
    addr: SocketAddr,
    /// Database URL: sqlite://PATH or postgres://USER@HOST/DB. Default: ./velferd-data/velferd.db
    #[arg(long, env = "VELFERD_DATABASE_URL")]
    database: Option<String>,
    /// Where uploaded files are kept: a folder (default ./velferd-data/files), or S3-compatible
    /// object storage as s3://BUCKET/PREFIX with AWS_ENDPOINT_URL, AWS_REGION, AWS_ACCESS_KEY_ID
    /// and AWS_SECRET_ACCESS_KEY from the environment.
    #[arg(long, env = "VELFERD_FILES")]
    files: Option<String>,
    /// Seed demo people and cases and enable the demo sign-in page. Never in production: refused on
    /// an address other than loopback unless --demo-on-network is given too.
    #[arg(long)]
    demo: bool,
    /// Allow --demo on a non-loopback address (a shared test server; anyone who reaches it can sign
    /// in as anyone).
    #[arg(long, requires = "demo")]
    demo_on_network: bool,
    /// Municipality catalogue (JSON, see data/kommuner.json). Default: the one shipped in the binary.
    #[arg(long, env = "VELFERD_KOMMUNER")]
    kommuner: Option<PathBuf>,
    /// Behind a reverse proxy or load balancer: read the client's address from the last
    /// X-Forwarded-For entry (for per-address rate limits). Only set it when a proxy you run
    /// always writes that header.
    #[arg(long, env = "VELFERD_BEHIND_PROXY")]
    behind_proxy: bool,
    /// A sign-in ends this many hours after it happened, however active (besides 2 idle hours).
    #[arg(long, default_value_t = 12, env = "VELFERD_SESSION_MAX_HOURS", value_parser = clap::value_parser!(u32).range(1..=168))]
    session_max_hours: u32,
    /// Largest file a citizen may upload, in MB.
    #[arg(long, default_value_t = 10, env = "VELFERD_MAX_FILE_MB", value_parser = clap::value_parser!(u32).range(1..=200))]
    max_file_mb: u32,
    /// Most files in one sending (and attached to one application).
    #[arg(long, default_value_t = 30, env = "VELFERD_MAX_FILES", value_parser = clap::value_parser!(u32).range(1..=500))]
    max_files: u32,
    /// Most MB in one sending (and attached to one application).
    #[arg(long, default_value_t = 150, env = "VELFERD_MAX_UPLOAD_MB", value_parser = clap::value_parser!(u32).range(1..=2000))]
    max_upload_mb: u32,
    /// Most connections open at once; a sixteenth of them (2 to 16) only answer /health, so a
    /// load balancer still sees the server when slow or many clients hold the rest. Keep it well
    /// under the process's file limit (ulimit -n).
    #[arg(long, default_value_t = 800, env = "VELFERD_MAX_CONNECTIONS", value_parser = clap::value_parser!(u32).range(4..=1_000_000))]
    max_connections: u32,
    /// Mark cookies Secure (set when the server is reached over HTTPS).
    #[arg(long, env = "VELFERD_SECURE_COOKIES")]
    secure_cookies: bool,
    /// Where e-mail notices go: smtp://HOST:PORT (plain, a relay nearby), smtp://HOST:587?tls=required
    /// (STARTTLS) or smtps://USER:PASSWORD@HOST:465. Without it, e-mail notices wait until it is set.
    #[arg(long, env = "VELFERD_SMTP_URL")]
    smtp_url: Option<String>,
    /// The sender of e-mail notices.
    #[arg(long, default_value = "Velferd <ikke-svar@localhost>", env = "VELFERD_MAIL_FROM")]
    mail_from: String,
    /// The file SMS notices are written to (one JSON line each) for a gateway or a script to send.
    /// Default: sms-outbox.jsonl beside the SQLite database, or ./velferd-data/sms-outbox.jsonl.
    #[arg(long, env = "VELFERD_SMS_FILE")]
    sms_file: Option<PathBuf>,
    #[command(flatten)]
    sign_in: crate::sign_in::SignInArgs,
    #[command(flatten)]
    audit: crate::audit::AuditKeyArgs,
    /// How often the audit log's head is signed while it grows (also at start and at shutdown), in
    /// seconds: entries newer than the last checkpoint are not yet covered by a signature.
    #[arg(long, default_value_t = 60, env = "VELFERD_AUDIT_CHECKPOINT_SECONDS", value_parser = clap::value_parser!(u64).range(1..=86_400))]
    audit_checkpoint_seconds: u64,
}

pub fn run(args: ServeArgs) -> ExitCode {
    // tower-sessions warns of "suspicious activity" for every cookie that names an ended
    // session; our cookies outlive their sessions on purpose (see velferd_web::router).
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info,sqlx=warn,tower_http=info,tower_sessions_core=error".into()))
        .init();
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("cannot start the runtime: {e}");
            return ExitCode::from(1);
        }
    };
    match runtime.block_on(serve(args)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("velferd serve: {message}");
            ExitCode::from(1)
        }
    }
}

async fn serve(args: ServeArgs) -> Result<(), String> {
    if args.demo && !args.addr.ip().is_loopback() && !args.demo_on_network {
        return Err(format!("--demo lets anyone sign in as anyone; refusing it on {} (not loopback). Add --demo-on-network if this is really a closed test server.", args.addr));
    }
    let url = crate::db::database_url(args.database)?;
    let files = crate::maintenance::files(args.files)?;
    files.check().await.map_err(|e| format!("--files: {e}"))?;
    let kommuner = match &args.kommuner {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
            velferd_domain::kommune::Katalog::from_json(&text)?
        }
        None => default_kommuner(),
    };
    let store = Store::connect(&url).await.map_err(|e| format!("database: {e}"))?;
    // The use cases' view of the store knows which municipalities' case systems own their cases.
    let cases = velferd_cases::Cases::new(store, files.clone(), kommuner.clone());
    let store = cases.store().clone();
    let projected = store.refresh_missing_projections(velferd_web::now_ms()).await.map_err(|e| format!("database: {e}"))?;
    if projected > 0 {
        tracing::info!(applications = projected, "status projection written for applications that had none");
    }
    if args.demo {
        let n = seed_demo_people(&store).await.map_err(|e| format!("demo data: {e}"))?;
        seed_demo_cases(&store, files.as_ref(), &kommuner, velferd_web::now_ms()).await.map_err(|e| format!("demo cases: {e}"))?;
        seed_demo_decision(&cases, velferd_web::now_ms()).await.map_err(|e| format!("demo decision: {e}"))?;
        seed_demo_statistics(&store, files.as_ref(), &kommuner, velferd_web::now_ms()).await.map_err(|e| format!("demo statistics: {e}"))?;
        tracing::warn!(people = n, "demo mode: demo sign-in is enabled and {n} synthetic people are in the register");
    }
    // A demo on SQLite gets a key beside its database file; a demo on PostgreSQL has no such
    // place of its own (a shared ./velferd-data would mix checkpoints of different databases).
    let checkpoints = match args.audit.key(&url, args.demo && url.starts_with("sqlite:"))? {
        Some(key) => {
            let folder = args.audit.folder(&url);
            let checkpointer = velferd_store::Checkpointer::new(store.clone(), key, folder.clone()).map_err(|e| format!("--audit-checkpoints: {e}"))?;
            tracing::info!(folder = %folder.path().display(), public_key = %checkpointer.public_key(), "audit checkpoints on");
            let (stop, stopped) = tokio::sync::oneshot::channel();
            Some((stop, crate::audit::spawn_checkpoints(checkpointer, std::time::Duration::from_secs(args.audit_checkpoint_seconds), stopped)))
        }
        None => {
            tracing::warn!("no --audit-key: the audit log's head is not signed, so entries cut from its end together with the chain head row, or a recomputed log, cannot be noticed (see `velferd admin audit-key create`)");
            None
        }
    };
    spawn_housekeeping(store.clone(), files.clone());
    spawn_file_sweep(store.clone(), files.clone());
    let email: Option<std::sync::Arc<dyn velferd_cases::notify::Deliver>> = match &args.smtp_url {
        Some(smtp) => Some(std::sync::Arc::new(velferd_cases::notify::smtp::SmtpMail::new(smtp, &args.mail_from)?)),
        None => {
            tracing::warn!("no --smtp-url: e-mail notices wait until a mail server is configured");
            None
        }
    };
    let sms_file = args.sms_file.clone().unwrap_or_else(|| crate::db::data_folder(&url).join("sms-outbox.jsonl"));
    tracing::info!(file = %sms_file.display(), "SMS notices are written to a file");
    let worker = format!("{}-{}", std::process::id(), velferd_store::new_id());
    velferd_web::notifier(store.clone(), email, std::sync::Arc::new(velferd_cases::notify::sms::SmsFile::new(sms_file)), kommuner.clone(), worker).spawn();
    let (citizen_sign_in, staff_sign_in) = args.sign_in.providers()?;
    let mb = 1024 * 1024;
    let uploads = velferd_web::limits::UploadLimits {
        max_file_bytes: args.max_file_mb as usize * mb,
        max_files: args.max_files as usize,
        max_total_bytes: (args.max_upload_mb as usize * mb).max(args.max_file_mb as usize * mb),
    };
    let config = Config {
        demo: args.demo,
        secure_cookies: args.secure_cookies,
        behind_proxy: args.behind_proxy,
        citizen_sign_in,
        staff_sign_in,
        uploads,
        session_lifetime: std::time::Duration::from_secs(u64::from(args.session_max_hours) * 3600),
        server: velferd_web::ServerLimits::with_max_connections(args.max_connections as usize),
        ..Config::default()
    };
    let limits = config.server;
    let app = router(App::new(store.clone(), files, kommuner, config));
    let listener = tokio::net::TcpListener::bind(args.addr).await.map_err(|e| format!("cannot listen on {}: {e}", args.addr))?;
    tracing::info!("Velferd listening on http://{}", args.addr);
    velferd_web::serve(listener, app, limits, shutdown()).await;
    // The last checkpoint covers everything audited until the last answer.
    if let Some((stop, task)) = checkpoints {
        let _ = stop.send(());
        let _ = task.await;
    }
    store.close().await;
    Ok(())
}

/// Ctrl-C, or SIGTERM (what service managers and container runtimes send to stop a process).
async fn shutdown() {
    #[cfg(unix)]
    {
        let mut term = match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(term) => term,
            Err(e) => {
                tracing::warn!(error = %e, "cannot listen for SIGTERM; stop with Ctrl-C");
                let _ = tokio::signal::ctrl_c().await;
                tracing::info!("shutting down");
                return;
            }
        };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    let _ = tokio::signal::ctrl_c().await;
    tracing::info!("shutting down");
}
