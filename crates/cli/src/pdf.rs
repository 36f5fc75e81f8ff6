//! `velferd pdf -o OUT.pdf IN...`: photos (JPEG, PNG) and PDFs combined into one A4 PDF
//! (`velferd_documents::photos`). OUT is written to a temporary file beside it and renamed only
//! when everything succeeded, so a rejected input never leaves a partial or changed OUT.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use velferd_documents::photos::{combine, ConvertError, Input, Limits};

#[derive(Args)]
pub struct PdfArgs {
    /// Where to write the PDF (replaced only on success).
    #[arg(short = 'o', long = "output", value_name = "OUT.pdf")]
    output: PathBuf,
    /// JPEG, PNG or PDF files, in page order. The type is read from each file's content, not
    /// its name; HEIC is refused, with how to send it as JPEG instead.
    #[arg(required = true, value_name = "IN")]
    inputs: Vec<PathBuf>,
}

pub fn run(args: PdfArgs) -> ExitCode {
    match convert(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(1)
        }
    }
}

fn convert(args: &PdfArgs) -> Result<(), String> {
    let limits = Limits::default();
    let names: Vec<String> = args.inputs.iter().map(|p| p.display().to_string()).collect();
    let mut contents = Vec::with_capacity(args.inputs.len());
    for (path, name) in args.inputs.iter().zip(&names) {
        contents.push(read_limited(path, name, limits.max_input_bytes)?);
    }
    // What goes into the PDF (the note page naming a PDF's attached files) is the file's own name,
    // never the folders it was read from; messages name the path as given.
    let base_names: Vec<String> = args.inputs.iter().zip(&names).map(|(p, n)| p.file_name().map_or_else(|| n.clone(), |f| f.to_string_lossy().into_owned())).collect();
    let inputs: Vec<Input<'_>> = base_names.iter().zip(&contents).map(|(n, b)| Input::new(n, b)).collect();
    let pdf = combine(&inputs, &limits).map_err(|e| match e {
        ConvertError::Input { index, problem, .. } => format!("{}: {problem}", names[index]),
        other => format!("{}: {other}", args.output.display()),
    })?;
    write_atomically(&args.output, &pdf).map_err(|e| format!("{}: cannot write: {e}", args.output.display()))
}

/// Reads a file, refusing one larger than `limit` before reading it all.
fn read_limited(path: &Path, name: &str, limit: usize) -> Result<Vec<u8>, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{name}: cannot read: {e}"))?;
    let mut bytes = Vec::new();
    file.take(limit as u64 + 1).read_to_end(&mut bytes).map_err(|e| format!("{name}: cannot read: {e}"))?;
    if bytes.len() > limit {
        return Err(format!("{name}: the file is larger than the limit of {limit} bytes"));
    }
    Ok(bytes)
}

/// Writes `bytes` to a new temporary file in OUT's folder, syncs it and renames it over OUT.
fn write_atomically(out: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match out.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let file_name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "out.pdf".into());
    let mut attempt = 0u32;
    let (temp, mut file) = loop {
        let temp = dir.join(format!(".{file_name}.{}-{attempt}.tmp", std::process::id()));
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&temp) {
            Ok(file) => break (temp, file),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 100 => attempt += 1,
            Err(e) => return Err(e),
        }
    };
    let result = file.write_all(bytes).and_then(|()| file.sync_all()).and_then(|()| {
        drop(file);
        std::fs::rename(&temp, out)
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}
