//! Running a host process with stdout and stderr merged into one stream (as
//! run-tests.py does with `stderr=subprocess.STDOUT`) and a timeout.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};

/// How a process ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Exit status 0.
    Success,
    /// A non-zero status or a signal.
    Failure,
    /// Killed after the timeout.
    Timeout,
}

/// Run `cmd` (stdin closed), collecting stdout and stderr interleaved as the
/// process wrote them.
pub fn run_merged(mut cmd: Command, timeout: Duration) -> Result<(Vec<u8>, Exit)> {
    let (mut reader, writer) = std::io::pipe().context("cannot create a pipe")?;
    cmd.stdin(Stdio::null())
        .stdout(writer.try_clone().context("cannot clone a pipe")?)
        .stderr(writer);
    let started = Instant::now();
    let mut child = cmd
        .spawn()
        .with_context(|| format!("cannot start {:?}", cmd.get_program()))?;
    // The Command holds the pipe's write ends: drop it so that the reader
    // sees end-of-file when the child exits.
    drop(cmd);
    let collector = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = reader.read_to_end(&mut buf);
        buf
    });
    let mut pause = Duration::from_millis(1);
    let exit = loop {
        if let Some(status) = child.try_wait().context("cannot wait for a child")? {
            break if status.success() {
                Exit::Success
            } else {
                Exit::Failure
            };
        }
        if started.elapsed() >= timeout {
            let _ = child.kill();
            let _ = child.wait();
            break Exit::Timeout;
        }
        std::thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(20));
    };
    let output = collector
        .join()
        .map_err(|_| anyhow::anyhow!("output collector panicked"))?;
    Ok((output, exit))
}

/// What [`run_separate`] collected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Separate {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub exit: Exit,
    /// The exit code, if the process exited (not killed by a signal).
    pub code: Option<i32>,
}

/// Run `cmd` (stdin closed) with stdout and stderr collected apart.
pub fn run_separate(mut cmd: Command, timeout: Duration) -> Result<Separate> {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let started = Instant::now();
    let mut child = cmd
        .spawn()
        .with_context(|| format!("cannot start {:?}", cmd.get_program()))?;
    let collect = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut buf);
            }
            buf
        })
    };
    let stdout = collect(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let stderr = collect(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let mut pause = Duration::from_millis(1);
    let (exit, code) = loop {
        if let Some(status) = child.try_wait().context("cannot wait for a child")? {
            let exit = if status.success() {
                Exit::Success
            } else {
                Exit::Failure
            };
            break (exit, status.code());
        }
        if started.elapsed() >= timeout {
            let _ = child.kill();
            let _ = child.wait();
            break (Exit::Timeout, None);
        }
        std::thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(20));
    };
    let join = |h: std::thread::JoinHandle<Vec<u8>>| {
        h.join()
            .map_err(|_| anyhow::anyhow!("output collector panicked"))
    };
    Ok(Separate {
        stdout: join(stdout)?,
        stderr: join(stderr)?,
        exit,
        code,
    })
}
