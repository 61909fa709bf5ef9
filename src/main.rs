//! `accountability-checklist`: the command-line face of the library (see `cli`).

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let status = match accountability_checklist::cli::run(args, &mut out) {
        Ok(status) => status,
        Err(e) => {
            eprintln!("{}", e.message);
            e.status
        }
    };
    std::process::exit(status);
}
