//! The program's modes: a one-shot run (`-c`, FILE, `-`), a session fed
//! line by line from a non-terminal stdin, and (in `repl`) the interactive
//! REPL. Each returns the process exit code.

use std::io::{BufRead, IsTerminal, Read};

use mpwasm_core::{CancelHandle, Error, ExecMode, RunOptions, RunResult, Runtime, Vm};
use mpwasm_session::Session;

use crate::cli::{Args, Program, exit};
use crate::report::{self, JsonReport};
use crate::statement::Grouper;

/// Run the command line; returns the exit code.
pub fn main(args: &Args) -> i32 {
    if args.version {
        print!(
            "{}",
            crate::version::version_text(args.artifact_path().as_deref())
        );
        return exit::OK;
    }
    let limits = args.limits();
    if let Err(e) = limits.validate() {
        report::message(&format!("{} (see --help)", report::describe(&e)));
        return exit::USAGE;
    }
    let program = args.program();
    if program == Program::Interactive && args.json && std::io::stdin().is_terminal() {
        report::message("--json needs a program (-c, FILE or -) or a non-terminal stdin");
        return exit::USAGE;
    }
    // Read the program before building the runtime: a bad path is cheaper
    // to report, and reading stdin comes first either way.
    let source = match &program {
        Program::Code(code) => Some(("<string>".to_owned(), code.clone())),
        Program::File(path) => match std::fs::read(path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(code) => Some((path.display().to_string(), code)),
                Err(_) => {
                    return setup_failure(
                        args,
                        "invalid_source",
                        format!("cannot run {}: not valid UTF-8", path.display()),
                    );
                }
            },
            Err(e) => {
                return setup_failure(
                    args,
                    "unreadable_file",
                    format!("cannot read {}: {e}", path.display()),
                );
            }
        },
        Program::Stdin => {
            let mut bytes = Vec::new();
            if let Err(e) = std::io::stdin().lock().read_to_end(&mut bytes) {
                return setup_failure(args, "unreadable_file", format!("cannot read stdin: {e}"));
            }
            match String::from_utf8(bytes) {
                Ok(code) => Some(("<stdin>".to_owned(), code)),
                Err(_) => {
                    return setup_failure(
                        args,
                        "invalid_source",
                        "cannot run <stdin>: not valid UTF-8".to_owned(),
                    );
                }
            }
        }
        Program::Interactive => None,
    };

    // The process exits right after the run: skip tearing the runtime down
    // (unmapping the instance pool's reservations, up to ~1 ms of a ~8 ms
    // `mpwasm -c`); the OS reclaims everything at exit.
    let runtime = match build_runtime(args) {
        Ok(r) => std::mem::ManuallyDrop::new(r),
        Err(e) => {
            let code = report::exit_code(&e);
            if args.json {
                JsonReport::new(&Err(e)).print();
            } else {
                report::message(&report::describe(&e));
            }
            return code;
        }
    };
    let mut options = RunOptions::new();
    options.limits(limits);
    if let Some(dir) = &args.dir {
        options.readonly_dir(dir);
    }
    let cancel = CancelHandle::new();
    options.cancel_handle(cancel.clone());
    let repl = source.is_none() && std::io::stdin().is_terminal();
    on_ctrl_c(cancel, repl);

    match source {
        Some((name, code)) => {
            let outcome = Vm::new(&runtime, &options)
                .and_then(|mut vm| vm.run_named(&name, &code, ExecMode::File));
            finish_one(args, &outcome)
        }
        None if std::io::stdin().is_terminal() => crate::repl::run(&runtime, options, args),
        None => run_lines(&runtime, options, args, std::io::stdin().lock()),
    }
}

/// Ctrl-C (SIGINT) cancels the run in progress the soft way: the guest gets
/// `KeyboardInterrupt` at its next safe point, its `finally` blocks run,
/// and the REPL goes on with the session's state (a one-shot run or a
/// piped session then exits with 130). With no run in progress it exits at
/// once with 130; the REPL's line editor reads Ctrl-C as a key itself, so
/// the signal only comes while an entry runs.
fn on_ctrl_c(cancel: CancelHandle, repl: bool) {
    // Without a handler (another one is installed) Ctrl-C keeps its default:
    // the process ends.
    let _ = ctrlc::set_handler(move || {
        if !cancel.cancel() && !repl {
            std::process::exit(exit::INTERRUPTED);
        }
    });
}

/// Build the runtime for the artifact the arguments name. The pool is
/// sized for this process: one live VM at a time, no larger than the
/// memory limit.
///
/// # Errors
///
/// As [`mpwasm_core::RuntimeBuilder::build`].
pub fn build_runtime(args: &Args) -> Result<Runtime, Error> {
    let mut builder = Runtime::builder();
    builder.max_instances(2).max_memory_bytes(args.memory);
    if let Some(path) = args.artifact_path() {
        builder.artifact_path(path);
    }
    builder.build()
}

fn finish_one(args: &Args, outcome: &Result<RunResult, Error>) -> i32 {
    if args.json {
        JsonReport::new(outcome).print();
        match outcome {
            Ok(_) => exit::OK,
            Err(e) => report::exit_code(e),
        }
    } else {
        report::print_outcome(outcome, args.max_output)
    }
}

fn setup_failure(args: &Args, kind: &str, message: String) -> i32 {
    if args.json {
        JsonReport::setup_failure(kind, message).print();
    } else {
        report::message(&message);
    }
    exit::SETUP
}

/// What the caller should do after an entry of a session ran.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    /// Read more input; the entry's exit code (0 on success).
    Continue(i32),
    /// Stop with this exit code (`sys.exit(n)`, or a setup failure that
    /// would repeat for every entry).
    Stop(i32),
}

/// Run one complete statement in the session (ExecMode::Single: expression
/// values are echoed), print its outcome, and reset the session after a
/// trap poisoned it.
pub fn run_entry(session: &mut Session, code: &str, args: &Args) -> Next {
    let outcome = match session.run_named("<stdin>", code, ExecMode::Single) {
        Ok(result) => Ok(result),
        Err(mpwasm_session::Error::Run(e)) => Err(e),
        Err(other) => {
            // Poisoned or closed sessions are reset below; anything else is
            // a setup problem.
            let text = report::describe(&other);
            if args.json {
                JsonReport::setup_failure("session", text).print();
            } else {
                report::message(&text);
            }
            session.reset();
            return Next::Stop(exit::SETUP);
        }
    };
    let code = if args.json {
        JsonReport::new(&outcome).print();
        match &outcome {
            Ok(_) => exit::OK,
            Err(e) => report::exit_code(e),
        }
    } else {
        report::print_outcome(&outcome, args.max_output)
    };
    if let Err(e) = &outcome {
        if session.poisoned_by().is_some() {
            report::message("session reset: the VM was discarded, all state is lost");
            session.reset();
        }
        match e {
            Error::Exit { code, .. } => return Next::Stop(*code),
            Error::GuestException(_)
            | Error::Interrupted { .. }
            | Error::OutOfFuel(_)
            | Error::Timeout(_)
            | Error::Cancelled(_)
            | Error::MemoryLimit { .. }
            | Error::StackOverflow(_)
            | Error::Trap { .. } => {}
            // Setup errors (e.g. a bad --dir) would repeat for every entry.
            _ => return Next::Stop(code),
        }
    }
    Next::Continue(code)
}

/// Feed `input` line by line into one resident session. Returns the exit
/// code of the last failing statement (0 if none), or the guest's
/// `sys.exit` code.
pub fn run_lines(runtime: &Runtime, options: RunOptions, args: &Args, input: impl BufRead) -> i32 {
    let mut session = Session::with_options(runtime, options);
    let mut grouper = Grouper::new();
    let mut status = exit::OK;
    let mut input = input;
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let read = match input.read_until(b'\n', &mut buf) {
            Ok(n) => n,
            Err(e) => {
                report::message(&format!("cannot read stdin: {e}"));
                return exit::SETUP;
            }
        };
        let statements = if read == 0 {
            grouper.finish().into_iter().collect()
        } else {
            grouper.push(&String::from_utf8_lossy(&buf))
        };
        for statement in statements {
            match run_entry(&mut session, &statement, args) {
                Next::Continue(exit::OK) => {}
                // Ctrl-C ends a piped session, as it ends a one-shot run.
                Next::Continue(exit::INTERRUPTED) => return exit::INTERRUPTED,
                Next::Continue(code) => status = code,
                Next::Stop(code) => return code,
            }
        }
        if read == 0 {
            return status;
        }
    }
}
