//! Scratch directories for the tests that run the server or the command-line tool on real files.
//!
//! They live under cargo's temporary directory for tests (`target/tmp`), one directory per test
//! process, never in the system's `/tmp`. The first call in a process removes the directories of
//! earlier processes that have ended, so a run leaves only its own behind (to look into after a
//! failure) and repeated runs do not fill the disk. Included with `#[path]` by each test binary
//! that needs it.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

/// A fresh, empty directory `<root>/<process id>/<n>-<name>`.
pub fn dir(name: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = process_root().join(format!("{}-{name}", N.fetch_add(1, Ordering::SeqCst)));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    dir
}

fn process_root() -> &'static Path {
    static ROOT: OnceLock<PathBuf> = OnceLock::new();
    ROOT.get_or_init(|| {
        let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("scratch");
        let _ = std::fs::create_dir_all(&root);
        for entry in std::fs::read_dir(&root).into_iter().flatten().flatten() {
            let ended = entry.file_name().to_str().and_then(|s| s.parse::<u32>().ok()).is_some_and(|pid| !is_running(pid));
            if ended {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
        root.join(std::process::id().to_string())
    })
}

/// Whether a process with this id is running. On systems without `/proc` every directory is taken
/// as still in use (kept, never wrongly removed).
fn is_running(pid: u32) -> bool {
    !Path::new("/proc/self").exists() || Path::new("/proc").join(pid.to_string()).exists()
}
