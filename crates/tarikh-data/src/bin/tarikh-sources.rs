//! `tarikh-sources [DATA_DIR] [TEXTS_DIR]`: prints the source reader's texts
//! ([`tarikh_data::texts`]) for the dataset in DATA_DIR (default
//! `$TARIKH_DATA_DIR`, else `data`), the texts read from TEXTS_DIR (default
//! `$TARIKH_SEEDS_DIR`, else `../shared/seeds`). `scripts/postbuild.mjs` runs it.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let pick = |arg: Option<String>, var: &str, default: &str| {
        arg.or_else(|| std::env::var(var).ok())
            .unwrap_or_else(|| default.to_string())
    };
    let data = pick(args.next(), "TARIKH_DATA_DIR", "data");
    let texts = PathBuf::from(pick(args.next(), "TARIKH_SEEDS_DIR", "../shared/seeds"));
    let result = tarikh_data::sources(&PathBuf::from(&data), &data)
        .and_then(|sources| tarikh_data::texts::asset(&sources, &texts));
    match result {
        Ok(asset) => {
            print!("{asset}");
            ExitCode::SUCCESS
        }
        Err(problems) => {
            for p in problems {
                eprintln!("{p}");
            }
            eprintln!(
                "error: the source reader's texts were not written (the texts are looked for in {}; set TARIKH_SEEDS_DIR)",
                texts.display()
            );
            ExitCode::FAILURE
        }
    }
}
