use std::process::ExitCode;

use clap::Args;
use velferd_formats::soker::DigisosSoker;
use velferd_formats::{validate, Kind};

#[derive(Args)]
pub struct InnsynArgs {
    /// A digisos-soker.json, or - for standard input.
    file: String,
}

/// Prints the citizen's view of a case (the innsyn fold) as one JSON object. A document that breaks
/// the schema is rejected with its errors, as `velferd validate digisos-soker` would print them.
pub fn run(args: InnsynArgs) -> ExitCode {
    let doc = match crate::validate::read_json(&args.file) {
        Ok(v) => v,
        Err(code) => return code,
    };
    match validate(Kind::DigisosSoker, &doc) {
        Ok(errors) if errors.is_empty() => {}
        Ok(errors) => {
            for e in errors {
                eprintln!("{e}");
            }
            return ExitCode::from(1);
        }
        Err(e) => {
            eprintln!("internal error: {e}");
            return ExitCode::from(1);
        }
    }
    let soker: DigisosSoker = match serde_json::from_value(doc) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("/hendelser: {e}");
            return ExitCode::from(1);
        }
    };
    match serde_json::to_string(&velferd_domain::innsyn::fold(&soker)) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("internal error: {e}");
            ExitCode::from(1)
        }
    }
}
