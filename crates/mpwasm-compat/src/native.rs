//! The reference: MicroPython's unix port, run as run-tests.py runs it.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Result, bail};

use crate::process::{Exit, run_merged};
use crate::{RawRun, Runner, Target, TestCase, Tree};

/// Runs tests with a native `micropython` binary.
#[derive(Debug, Clone)]
pub struct NativeRunner {
    binary: PathBuf,
    micropypath: String,
    timeout: Duration,
}

impl NativeRunner {
    /// Use `binary` for tests of `tree`, killing runs after `timeout`
    /// (run-tests.py: 30 s).
    pub fn new(binary: &Path, tree: &Tree, timeout: Duration) -> Result<NativeRunner> {
        if !binary.is_file() {
            bail!(
                "native micropython binary {} does not exist (cargo xtask compat builds it)",
                binary.display()
            );
        }
        let binary = std::fs::canonicalize(binary)?;
        // run-tests.py clears the search path to the frozen modules,
        // extmod/ (asyncio as .py files) and unittest.
        let micropypath = [
            ".frozen".to_string(),
            tree.root.join("extmod").display().to_string(),
            tree.root
                .join("lib/micropython-lib/python-stdlib/unittest")
                .display()
                .to_string(),
        ]
        .join(":");
        Ok(NativeRunner {
            binary,
            micropypath,
            timeout,
        })
    }
}

impl Runner for NativeRunner {
    fn target(&self) -> Target {
        Target::Native
    }

    fn run(&self, tree: &Tree, test: &TestCase, special: bool) -> RawRun {
        let started = Instant::now();
        let mut cmd = Command::new(&self.binary);
        cmd.env("MICROPYPATH", &self.micropypath);
        if special {
            // Special tests run from tests/ with their `# cmdline:` options.
            cmd.current_dir(tree.tests_dir());
            if let Ok(text) = std::fs::read(&test.path) {
                let first = text.split(|&b| b == b'\n').next().unwrap_or(b"");
                if let Some(opts) = first.strip_prefix(b"# cmdline:") {
                    for opt in String::from_utf8_lossy(opts).split_whitespace() {
                        cmd.arg(opt);
                    }
                }
            }
            cmd.arg(&test.rel);
        } else {
            cmd.args(["-X", "emit=bytecode"])
                .arg(&test.path)
                .current_dir(test.path.parent().unwrap_or(Path::new(".")));
        }
        let (mut output, exit) = match run_merged(cmd, self.timeout) {
            Ok(r) => r,
            Err(e) => {
                return RawRun {
                    output: format!("cannot run the native binary: {e:#}\nCRASH").into_bytes(),
                    crashed: true,
                    error_kind: Some("spawn".into()),
                    seconds: started.elapsed().as_secs_f64(),
                };
            }
        };
        let error_kind = match exit {
            Exit::Success => None,
            Exit::Failure => Some("exit_status".to_string()),
            Exit::Timeout => Some("timeout".to_string()),
        };
        match exit {
            Exit::Success => {}
            Exit::Failure if special => output = b"CRASH".to_vec(),
            Exit::Failure => output.extend_from_slice(b"CRASH"),
            Exit::Timeout => output.extend_from_slice(b"TIMEOUT"),
        }
        RawRun {
            output,
            crashed: exit != Exit::Success,
            error_kind,
            seconds: started.elapsed().as_secs_f64(),
        }
    }
}
