use std::io::Read;
use std::process::ExitCode;

use clap::Args;
use velferd_formats::{validate, validate_part, Kind};

#[derive(Args)]
pub struct ValidateArgs {
    /// Document kind: soknad, vedlegg, digisos-soker or klage.
    kind: Kind,
    /// The file to check, or - for standard input.
    file: String,
    /// Check a fragment against one part schema of the kind (e.g. `personalia/telefonnummer`).
    /// Without it, a file in a folder named after a part schema (the upstream fixture layout,
    /// e.g. `…/soknad/personalia/telefonnummer/x.json`) is checked against that part.
    #[arg(long)]
    part: Option<String>,
}

/// Reads FILE, or standard input for `-`.
fn read(file: &str) -> Result<Vec<u8>, String> {
    if file == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).map_err(|e| format!("-: cannot read standard input: {e}"))?;
        Ok(buf)
    } else {
        std::fs::read(file).map_err(|e| format!("{file}: cannot read: {e}"))
    }
}

/// Reads FILE (or stdin) as JSON; on failure prints why on stderr and gives exit code 1.
pub fn read_json(file: &str) -> Result<serde_json::Value, ExitCode> {
    let bytes = read(file).map_err(|message| {
        eprintln!("{message}");
        ExitCode::from(1)
    })?;
    serde_json::from_slice(&bytes).map_err(|e| {
        eprintln!("/: not valid JSON (line {}, column {}): {e}", e.line(), e.column());
        ExitCode::from(1)
    })
}

pub fn run(args: ValidateArgs) -> ExitCode {
    let doc = match read_json(&args.file) {
        Ok(v) => v,
        Err(code) => return code,
    };
    let part = match &args.part {
        Some(p) if args.kind.part_schema(p).is_none() => {
            eprintln!("--part {p}: {} has no part schema by that name", args.kind);
            return ExitCode::from(2);
        }
        Some(p) => Some(p.clone()),
        None if args.file != "-" => args.kind.part_from_path(&args.file),
        None => None,
    };
    let result = match &part {
        Some(p) => validate_part(args.kind, p, &doc),
        None => validate(args.kind, &doc),
    };
    match result {
        Ok(errors) if errors.is_empty() => ExitCode::SUCCESS,
        Ok(errors) => {
            for e in errors {
                eprintln!("{e}");
            }
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!("internal error: {e}");
            ExitCode::from(1)
        }
    }
}
