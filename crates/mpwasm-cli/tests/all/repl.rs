//! The interactive REPL, driven through a pseudo-terminal with expectrl.

use std::process::Command;
use std::time::Duration;

use expectrl::process::unix::WaitStatus;
use expectrl::{ControlCode, Expect, Regex, Session};

use crate::{bin, mpwasm};

type Repl = expectrl::session::OsSession;

/// Start the REPL in a pty, with its history in `state`.
fn spawn(state: &std::path::Path, extra: &[&str]) -> Repl {
    // Make sure the compiled guest is cached (a cold compile takes seconds).
    mpwasm().args(["-c", "pass"]).assert().success();
    let mut cmd = Command::new(bin());
    cmd.args(extra)
        .env("TERM", "xterm")
        // History goes here; HOME stays, so the compiled-code cache is shared.
        .env("XDG_STATE_HOME", state);
    let mut repl = Session::spawn(cmd).unwrap();
    repl.set_expect_timeout(Some(Duration::from_secs(20)));
    repl.expect("exit() or Ctrl-D quits.").unwrap();
    repl.expect(">>> ").unwrap();
    repl
}

/// After a paste, which prints several prompts: wait for the prompt that
/// follows the last evaluation. A Ctrl-D sent while a line still runs
/// reaches the terminal in cooked mode, where the tty eats it and the REPL
/// never sees it.
fn wait_until_idle(repl: &mut Repl) {
    repl.send_line("print('idle' + '!')").unwrap();
    repl.expect("idle!").unwrap();
    repl.expect(">>> ").unwrap();
}

fn exit_status(repl: &Repl) -> WaitStatus {
    repl.get_process().wait().unwrap()
}

#[test]
fn multi_line_definition_then_call() {
    let state = tempfile::tempdir().unwrap();
    let mut repl = spawn(state.path(), &[]);
    repl.send_line("def greet(name):").unwrap();
    repl.expect("... ").unwrap();
    repl.send_line("    return 'hello ' + name").unwrap();
    repl.expect("... ").unwrap();
    repl.send_line("").unwrap();
    repl.expect(">>> ").unwrap();
    repl.send_line("greet('pty')").unwrap();
    repl.expect("'hello pty'").unwrap();
    repl.expect(">>> ").unwrap();
    repl.send(ControlCode::EndOfTransmission).unwrap();
    assert!(matches!(exit_status(&repl), WaitStatus::Exited(_, 0)));
    // The history was saved where XDG_STATE_HOME says.
    let history = std::fs::read_to_string(state.path().join("mpwasm/history")).unwrap();
    assert!(history.contains("greet('pty')"), "{history}");
}

#[test]
fn exception_shows_traceback_and_the_repl_continues() {
    let state = tempfile::tempdir().unwrap();
    let mut repl = spawn(state.path(), &[]);
    repl.send_line("x = 7").unwrap();
    repl.expect(">>> ").unwrap();
    repl.send_line("1/0").unwrap();
    repl.expect("Traceback (most recent call last):").unwrap();
    repl.expect("ZeroDivisionError: division by zero").unwrap();
    repl.expect(">>> ").unwrap();
    repl.send_line("x * 6").unwrap();
    repl.expect("42").unwrap();
    repl.expect(">>> ").unwrap();
    repl.send_line("exit()").unwrap();
    assert!(matches!(exit_status(&repl), WaitStatus::Exited(_, 0)));
}

#[test]
fn ctrl_c_cancels_input_and_ctrl_d_exits_zero() {
    let state = tempfile::tempdir().unwrap();
    let mut repl = spawn(state.path(), &[]);
    repl.send_line("for i in range(3):").unwrap();
    repl.expect("... ").unwrap();
    repl.send(ControlCode::EndOfText).unwrap();
    repl.expect("KeyboardInterrupt").unwrap();
    repl.expect(">>> ").unwrap();
    repl.send(ControlCode::EndOfTransmission).unwrap();
    assert!(matches!(exit_status(&repl), WaitStatus::Exited(_, 0)));
}

#[test]
fn a_limit_keeps_the_session_a_trap_resets_it_and_sys_exit_ends_it() {
    let state = tempfile::tempdir().unwrap();
    let mut repl = spawn(state.path(), &["--fuel", "5000000"]);
    repl.send_line("y = 1").unwrap();
    repl.expect(">>> ").unwrap();
    repl.send_line("while True: pass").unwrap();
    repl.expect("LimitExceeded: fuel limit reached").unwrap();
    repl.expect("mpwasm: fuel limit reached").unwrap();
    repl.expect(">>> ").unwrap();
    repl.send_line("y + 1").unwrap();
    repl.expect("2").unwrap();
    repl.expect(">>> ").unwrap();
    // Stuck in C: no safe point, so the grace fuel runs out and the VM goes.
    repl.send_line("sum(range(10**9))").unwrap();
    repl.expect("mpwasm: out of fuel").unwrap();
    repl.expect("session reset").unwrap();
    repl.expect(">>> ").unwrap();
    repl.send_line("y").unwrap();
    repl.expect(Regex("NameError: name 'y' (isn't|is not) defined"))
        .unwrap();
    repl.expect(">>> ").unwrap();
    repl.send_line("import sys; sys.exit(9)").unwrap();
    assert!(matches!(exit_status(&repl), WaitStatus::Exited(_, 9)));
}

#[test]
fn ctrl_c_during_a_run_raises_keyboard_interrupt_and_keeps_the_session() {
    let state = tempfile::tempdir().unwrap();
    let mut repl = spawn(state.path(), &["--fuel", "none", "--timeout", "none"]);
    repl.send_line("z = 41").unwrap();
    repl.expect(">>> ").unwrap();
    repl.send_line("try:").unwrap();
    repl.expect("... ").unwrap();
    repl.send_line("    while True: pass").unwrap();
    repl.expect("... ").unwrap();
    repl.send_line("finally:").unwrap();
    repl.expect("... ").unwrap();
    repl.send_line("    z += 1").unwrap();
    repl.expect("... ").unwrap();
    repl.send_line("").unwrap();
    // The entry runs; give it a moment, then interrupt it.
    std::thread::sleep(Duration::from_millis(300));
    repl.send(ControlCode::EndOfText).unwrap();
    repl.expect("KeyboardInterrupt").unwrap();
    repl.expect(">>> ").unwrap();
    repl.send_line("z").unwrap();
    repl.expect("42").unwrap();
    repl.expect(">>> ").unwrap();
    repl.send(ControlCode::EndOfTransmission).unwrap();
    assert!(matches!(exit_status(&repl), WaitStatus::Exited(_, 0)));
}

#[test]
fn a_block_pasted_as_keystrokes_runs_every_line() {
    // What `tmux paste-buffer` sends: the lines in one burst, each ended by
    // Enter, all of them there before the first one has run.
    let state = tempfile::tempdir().unwrap();
    let mut repl = spawn(state.path(), &[]);
    repl.send(
        "def f(n):\r    total = n\r    return total + 1\r\rprint('got', f(41))\rq = 'after'\r",
    )
    .unwrap();
    repl.expect("got 42").unwrap();
    repl.expect(">>> ").unwrap();
    repl.send_line("print(q)").unwrap();
    repl.expect("after").unwrap();
    repl.expect(">>> ").unwrap();
    wait_until_idle(&mut repl);
    repl.send(ControlCode::EndOfTransmission).unwrap();
    assert!(matches!(exit_status(&repl), WaitStatus::Exited(_, 0)));
}

#[test]
fn a_bracketed_paste_runs_every_line() {
    let state = tempfile::tempdir().unwrap();
    let mut repl = spawn(state.path(), &[]);
    repl.send("\x1b[200~class C:\n    v = 20\n\nw = C.v + 22\n\x1b[201~\r")
        .unwrap();
    repl.expect(">>> ").unwrap();
    repl.send_line("print('w is', w)").unwrap();
    repl.expect("w is 42").unwrap();
    repl.expect(">>> ").unwrap();
    wait_until_idle(&mut repl);
    repl.send(ControlCode::EndOfTransmission).unwrap();
    assert!(matches!(exit_status(&repl), WaitStatus::Exited(_, 0)));
}
