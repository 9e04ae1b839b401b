//! Every documented exit code, with the message that goes with it.

use predicates::prelude::*;

use crate::mpwasm;

#[test]
fn success_is_zero() {
    mpwasm()
        .args(["-c", "print(1)"])
        .assert()
        .code(0)
        .stdout("1\n")
        .stderr("");
}

#[test]
fn uncaught_exception_is_one_with_traceback() {
    mpwasm()
        .args(["-c", "print('before')\n1/0"])
        .assert()
        .code(1)
        .stdout("before\n")
        .stderr(
            "Traceback (most recent call last):\n  File \"<string>\", line 2, in <module>\nZeroDivisionError: division by zero\n",
        );
}

#[test]
fn syntax_error_is_one() {
    mpwasm()
        .args(["-c", "def ("])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("SyntaxError"));
}

#[test]
fn deep_recursion_is_an_exception_with_a_collapsed_traceback() {
    mpwasm()
        .args(["-c", "def f():\n    f()\nf()"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("  [Previous line repeated ").and(
            predicate::str::contains("RecursionError: maximum recursion depth exceeded\n"),
        ));
}

#[test]
fn sys_exit_code_is_passed_through() {
    mpwasm()
        .args(["-c", "import sys\nprint('x')\nsys.exit(3)"])
        .assert()
        .code(3)
        .stdout("x\n")
        .stderr("");
    mpwasm()
        .args(["-c", "import sys; sys.exit(0)"])
        .assert()
        .code(0);
    mpwasm()
        .args(["-c", "import sys; sys.exit('bye')"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("bye"));
}

#[test]
fn usage_error_is_two() {
    mpwasm().arg("--no-such-flag").assert().code(2);
    mpwasm().args(["-c", "pass", "file.py"]).assert().code(2);
    mpwasm()
        .args(["--memory", "lots", "-c", "pass"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--memory"));
    // Parsed fine, but out of the runtime's range.
    mpwasm()
        .args(["--memory", "1K", "-c", "pass"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with("mpwasm: invalid limits"));
}

#[test]
fn out_of_fuel_is_three() {
    mpwasm()
        .args([
            "--fuel",
            "1000000",
            "-c",
            "print('start')\nwhile True: pass",
        ])
        .assert()
        .code(3)
        .stdout("start\n")
        .stderr(
            predicate::str::contains("LimitExceeded: fuel limit reached\n")
                .and(predicate::str::ends_with("mpwasm: fuel limit reached\n")),
        );
}

#[test]
fn out_of_fuel_in_c_code_is_three_too() {
    mpwasm()
        .args(["--fuel", "1000000", "-c", "sum(range(10**9))"])
        .assert()
        .code(3)
        .stderr(predicate::str::starts_with("mpwasm: out of fuel"));
}

#[test]
fn timeout_is_four() {
    mpwasm()
        .args([
            "--fuel",
            "none",
            "--timeout",
            "0.2",
            "-c",
            "while True: pass",
        ])
        .assert()
        .code(4)
        .stderr(
            predicate::str::contains("LimitExceeded: wall-clock limit reached\n").and(
                predicate::str::ends_with("mpwasm: wall-clock limit reached\n"),
            ),
        );
}

#[test]
fn memory_limit_is_five() {
    mpwasm()
        .args(["--memory", "4M", "-c", "x = bytearray(50_000_000)"])
        .assert()
        .code(5)
        .stderr(predicate::str::starts_with("mpwasm: memory limit reached"));
}

#[test]
fn missing_artifact_is_eight() {
    mpwasm()
        .args(["--artifact", "/nonexistent", "-c", "print(1)"])
        .assert()
        .code(8)
        .stdout("")
        .stderr(predicate::str::contains(
            "artifact not found at /nonexistent",
        ));
}

#[test]
fn unreadable_program_file_is_eight() {
    mpwasm()
        .arg("/nonexistent/program.py")
        .assert()
        .code(8)
        .stderr(predicate::str::starts_with(
            "mpwasm: cannot read /nonexistent/program.py",
        ));
}

#[test]
fn help_documents_exit_codes() {
    mpwasm().arg("--help").assert().code(0).stdout(
        predicate::str::contains("Exit status:")
            .and(predicate::str::contains("3    out of fuel"))
            .and(predicate::str::contains("8    setup error")),
    );
}

#[test]
fn ctrl_c_in_a_one_shot_run_is_130_after_finally_ran() {
    // Make sure the compiled guest is cached (a cold compile takes seconds).
    mpwasm().args(["-c", "pass"]).assert().success();
    let child = std::process::Command::new(crate::bin())
        .args([
            "--fuel",
            "none",
            "--timeout",
            "none",
            "-c",
            "import sys\ntry:\n    print('running')\n    while True: pass\nfinally:\n    print('finally ran')",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Output comes at the end of the run: give it time to start, then
    // interrupt it as a terminal would.
    std::thread::sleep(std::time::Duration::from_millis(500));
    let pid = child.id().to_string();
    assert!(
        std::process::Command::new("kill")
            .args(["-INT", &pid])
            .status()
            .unwrap()
            .success()
    );
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "running\nfinally ran\n"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("KeyboardInterrupt"), "{stderr}");
    assert!(stderr.ends_with("mpwasm: cancelled\n"), "{stderr}");
}
