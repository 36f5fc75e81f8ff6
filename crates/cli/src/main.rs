//! `velferd`: the one binary. `serve` runs the web application; `validate` checks Digisos documents;
//! `innsyn` folds case events into the citizen's view.
//! Exit codes: 0 success, 1 rejected input (with a message on stderr), 2 usage error.

mod admin;
mod audit;
mod db;
mod innsyn;
mod maintenance;
mod payments;
mod pdf;
mod seed;
mod serve;
mod sign_in;
mod validate;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "velferd", version, about = "Velferd: a case system for municipal welfare offices")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web server.
    Serve(Box<serve::ServeArgs>),
    /// Check a Digisos document against its official schema. Prints one line per error,
    /// `JSON-pointer: message`, and exits 1 when the document is rejected.
    Validate(validate::ValidateArgs),
    /// Print the citizen's view of a case (status, saker, payments, tasks …) folded from a
    /// digisos-soker.json, as one JSON object.
    Innsyn(innsyn::InnsynArgs),
    /// Combine photos (JPEG, PNG) and PDFs, in the given order, into one A4 PDF: one upright page
    /// per picture, re-encoded small but readable, and the pages of each PDF. Rejects (exit 1) a
    /// file that is not what its content says, an encrypted or damaged PDF and a picture over the
    /// pixel limit, without writing OUT.
    Pdf(pdf::PdfArgs),
    /// Administration: API keys for case systems, the audit key, backup and restore, retention,
    /// synthetic data.
    Admin(admin::AdminArgs),
    /// The audit log of reads and changes of personal data.
    Audit(audit::AuditArgs),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { ExitCode::from(2) } else { ExitCode::SUCCESS };
        }
    };
    match cli.command {
        Command::Serve(args) => serve::run(*args),
        Command::Validate(args) => validate::run(args),
        Command::Innsyn(args) => innsyn::run(args),
        Command::Pdf(args) => pdf::run(args),
        Command::Admin(args) => admin::run(args),
        Command::Audit(args) => audit::run(args),
    }
}
