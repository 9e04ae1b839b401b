//! The interactive REPL (stdin is a terminal): rustyline line editing with
//! history, `>>> `/`... ` prompts, CPython-style multi-line entries, one
//! resident session whose expression values are echoed. A pasted block
//! works both ways a terminal delivers it: as keystrokes (the lines read
//! ahead stay in rustyline's buffer for the next prompt, its `buffer-redux`
//! feature) and as a bracketed paste (one entry with newlines, split here).

use std::path::PathBuf;

use mpwasm_core::{RunOptions, Runtime};
use mpwasm_session::Session;
use rustyline::error::ReadlineError;
use rustyline::history::DefaultHistory;
use rustyline::{Config, Editor};

use crate::app::{Next, run_entry};
use crate::cli::{Args, exit};
use crate::report;
use crate::statement::Grouper;
use crate::version::ArtifactInfo;

/// Run the REPL until Ctrl-D, `exit()`/`quit()` or a guest `sys.exit(n)`;
/// returns the exit code.
pub fn run(runtime: &Runtime, options: RunOptions, args: &Args) -> i32 {
    let config = Config::builder().auto_add_history(false).build();
    let mut editor: Editor<(), DefaultHistory> = match Editor::with_config(config) {
        Ok(e) => e,
        Err(e) => {
            report::message(&format!("cannot start the line editor: {e}"));
            return exit::SETUP;
        }
    };
    let history = history_path();
    if let Some(path) = &history {
        // A missing or unreadable history file just means an empty history.
        let _ = editor.load_history(path);
    }

    eprintln!("{}", banner(&options, args));

    let mut session = Session::with_options(runtime, options);
    let mut grouper = Grouper::new();
    let code = loop {
        let prompt = if grouper.is_pending() { "... " } else { ">>> " };
        match editor.readline(prompt) {
            Ok(line) => {
                if !grouper.is_pending()
                    && let Some(code) = exit_request(&line)
                {
                    let _ = editor.add_history_entry(line.as_str());
                    break code;
                }
                if !line.trim().is_empty() {
                    let _ = editor.add_history_entry(line.as_str());
                }
                // A bracketed paste arrives as one entry with its newlines:
                // its lines are grouped as if they had been typed.
                let mut stop = None;
                'lines: for part in line.split('\n') {
                    for statement in grouper.push(part) {
                        if let Next::Stop(code) = run_entry(&mut session, &statement, args) {
                            stop = Some(code);
                            break 'lines;
                        }
                    }
                }
                if let Some(code) = stop {
                    break code;
                }
            }
            Err(ReadlineError::Interrupted) => {
                println!("KeyboardInterrupt");
                grouper.clear();
            }
            Err(ReadlineError::Eof) => {
                println!();
                break exit::OK;
            }
            Err(e) => {
                report::message(&format!("cannot read input: {e}"));
                break exit::SETUP;
            }
        }
    };
    if let Some(path) = &history {
        // Failing to save history is not worth a message.
        let _ = editor.save_history(path);
    }
    code
}

/// The banner line: versions and the limits of each entry.
fn banner(options: &RunOptions, args: &Args) -> String {
    let info = ArtifactInfo::load(args.artifact_path().as_deref());
    let limits = options.get_limits();
    let fuel = match limits.get_fuel() {
        Some(f) => format!("{f} fuel"),
        None => "unmetered".to_owned(),
    };
    let timeout = match limits.get_wall_timeout() {
        Some(t) => format!("{}s", t.as_secs_f64()),
        None => "no timeout".to_owned(),
    };
    format!(
        "{} on mpwasm {}; per entry: {} MiB, {fuel}, {timeout}. exit() or Ctrl-D quits.",
        info.micropython(),
        env!("CARGO_PKG_VERSION"),
        limits.get_memory_bytes() as f64 / f64::from(1u32 << 20),
    )
}

/// `exit()`, `quit()`, `exit(n)`, `quit(n)` typed as a whole entry.
fn exit_request(line: &str) -> Option<i32> {
    let line = line.trim();
    let inner = line
        .strip_prefix("exit(")
        .or_else(|| line.strip_prefix("quit("))?
        .strip_suffix(')')?
        .trim();
    if inner.is_empty() {
        return Some(exit::OK);
    }
    inner.parse().ok()
}

/// `$XDG_STATE_HOME/mpwasm/history` if that directory can be made, else
/// `~/.mpwasm_history`; `None` when neither is known.
fn history_path() -> Option<PathBuf> {
    if let Some(state) = std::env::var_os("XDG_STATE_HOME").filter(|s| !s.is_empty()) {
        let dir = PathBuf::from(state).join("mpwasm");
        if std::fs::create_dir_all(&dir).is_ok() {
            return Some(dir.join("history"));
        }
    }
    std::env::var_os("HOME")
        .filter(|h| !h.is_empty())
        .map(|home| PathBuf::from(home).join(".mpwasm_history"))
}
