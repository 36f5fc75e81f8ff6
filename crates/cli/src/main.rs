//! `velferd`: the one binary. `serve` runs the web application; `validate` checks Digisos documents;
//! `innsyn` folds case events into the citizen's view.
//! Exit codes: 0 success, 1 rejected input (with a message on stderr), 2 usage error.

mod admin;
mod db;
mod innsyn;
mod serve;
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
    Serve(serve::ServeArgs),
    /// Check a Digisos document against its official schema. Prints one line per error,
    /// `JSON-pointer: message`, and exits 1 when the document is rejected.
    Validate(validate::ValidateArgs),
    /// Print the citizen's view of a case (status, saker, payments, tasks …) folded from a
    /// digisos-soker.json, as one JSON object.
    Innsyn(innsyn::InnsynArgs),
    /// Administration: API keys for case systems.
    Admin(admin::AdminArgs),
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
        Command::Serve(args) => serve::run(args),
        Command::Validate(args) => validate::run(args),
        Command::Innsyn(args) => innsyn::run(args),
        Command::Admin(args) => admin::run(args),
    }
}
