use std::process::ExitCode;

use clap::{Args, Subcommand};
use velferd_store::{ChainCheck, Store};

#[derive(Args)]
pub struct AuditArgs {
    /// Database URL, as for `serve`. Default: ./velferd-data/velferd.db
    #[arg(long, env = "VELFERD_DATABASE_URL", global = true)]
    database: Option<String>,
    #[command(subcommand)]
    command: AuditCommand,
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Check that no audit entry was edited, inserted or removed (walks the hash chain).
    Verify,
}

pub fn run(args: AuditArgs) -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("cannot start the runtime: {e}");
            return ExitCode::from(1);
        }
    };
    runtime.block_on(async {
        let url = match crate::db::database_url(args.database) {
            Ok(u) => u,
            Err(e) => {
                eprintln!("velferd audit: {e}");
                return ExitCode::from(1);
            }
        };
        let store = match Store::connect(&url).await {
            Ok(s) => s,
            Err(e) => {
                eprintln!("velferd audit: database: {e}");
                return ExitCode::from(1);
            }
        };
        let AuditCommand::Verify = args.command;
        match store.verify_audit().await {
            Ok(ChainCheck::Intact { entries }) => {
                println!("audit log intact: {entries} entries");
                ExitCode::SUCCESS
            }
            Ok(ChainCheck::Broken { seq, reason }) => {
                eprintln!("audit log broken at entry {seq}: {reason}");
                ExitCode::from(1)
            }
            Err(e) => {
                eprintln!("velferd audit: {e}");
                ExitCode::from(1)
            }
        }
    })
}
