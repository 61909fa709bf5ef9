//! `accountability-checklist`: the command-line tool (validate, export, schema, holidays…; see
//! `cli`) and the reference endpoint (`serve`, from `checklist-server`). Native only.

mod cli;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let status = match cli::run(args, &mut out) {
        Ok(status) => status,
        Err(e) => {
            eprintln!("{}", e.message);
            e.status
        }
    };
    std::process::exit(status);
}
