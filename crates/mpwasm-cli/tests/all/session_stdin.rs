//! No program and a non-terminal stdin: lines go into one resident session,
//! grouped into statements, expression values echoed.

use predicates::prelude::*;

use crate::mpwasm;

#[test]
fn state_persists_and_expressions_echo() {
    mpwasm()
        .write_stdin("x = 41\nx + 1\n'text'\nNone\nprint('p')\n")
        .assert()
        .code(0)
        .stdout("42\n'text'\np\n")
        .stderr("");
}

#[test]
fn multi_line_definitions_with_and_without_blank_lines() {
    let input = "\
def add(a, b):
    total = a + b
    return total

add(2, 3)
class C:
    def m(self):
        return 'm'
C().m()
for i in range(2):
    print(i)
";
    mpwasm()
        .write_stdin(input)
        .assert()
        .code(0)
        .stdout("5\n'm'\n0\n1\n");
}

#[test]
fn brackets_span_lines() {
    mpwasm()
        .write_stdin("xs = [\n  1,\n\n  2,\n]\nlen(xs)\n")
        .assert()
        .code(0)
        .stdout("2\n");
}

#[test]
fn exceptions_do_not_end_the_session() {
    mpwasm()
        .write_stdin("x = 1\n1/0\nx\n")
        .assert()
        .code(1)
        .stdout("1\n")
        .stderr(predicate::str::contains("ZeroDivisionError"));
}

#[test]
fn a_limit_keeps_the_session_and_a_trap_resets_it() {
    mpwasm()
        .args(["--fuel", "5000000"])
        .write_stdin(
            "x = 1\nwhile True: pass\nprint('alive', x)\nsum(range(10**9))\nprint('alive')\nx\n",
        )
        .assert()
        .code(1) // the last failing statement: NameError after the reset
        .stdout("alive 1\nalive\n")
        .stderr(
            predicate::str::contains("mpwasm: fuel limit reached")
                .and(predicate::str::contains("mpwasm: out of fuel"))
                .and(predicate::str::contains("session reset"))
                .and(predicate::str::contains("NameError")),
        );
}

#[test]
fn sys_exit_ends_the_session_with_its_code() {
    mpwasm()
        .write_stdin("print('a')\nimport sys\nsys.exit(4)\nprint('b')\n")
        .assert()
        .code(4)
        .stdout("a\n");
}

#[test]
fn pending_block_runs_at_end_of_input() {
    mpwasm()
        .write_stdin("if True:\n    print('last')")
        .assert()
        .code(0)
        .stdout("last\n");
}

#[test]
fn json_prints_one_object_per_statement() {
    let out = mpwasm()
        .arg("--json")
        .write_stdin("y = 2\ny * 3\n")
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let lines: Vec<serde_json::Value> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["stdout"], "");
    assert_eq!(lines[1]["stdout"], "6\n");
    assert_eq!(lines[1]["ok"], true);
}
