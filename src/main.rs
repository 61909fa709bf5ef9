//! `accountability-checklist`: the command-line face of the library (see `cli`) and the
//! reference endpoint (`serve`). Native only; for WebAssembly this binary is empty so that
//! `cargo test --target wasm32-unknown-unknown` can build the crate's browser tests.

#[cfg(not(target_arch = "wasm32"))]
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

#[cfg(target_arch = "wasm32")]
fn main() {}
