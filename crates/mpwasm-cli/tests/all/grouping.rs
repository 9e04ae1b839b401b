//! The statement grouper: when lines form a complete statement.

use mpwasm_cli::statement::Grouper;

fn feed(lines: &[&str]) -> (Vec<String>, Grouper) {
    let mut g = Grouper::new();
    let mut out = Vec::new();
    for l in lines {
        out.extend(g.push(l));
    }
    (out, g)
}

#[test]
fn simple_statements_complete_at_once() {
    let (out, g) = feed(&["x = 1", "print(x)"]);
    assert_eq!(out, ["x = 1\n", "print(x)\n"]);
    assert!(!g.is_pending());
}

#[test]
fn blank_and_comment_lines_alone_are_skipped() {
    let (out, g) = feed(&["", "   ", "# hi", "1"]);
    assert_eq!(out, ["1\n"]);
    assert!(!g.is_pending());
}

#[test]
fn block_ends_at_blank_line() {
    let (out, g) = feed(&["for i in range(3):", "    print(i)", ""]);
    assert_eq!(out, ["for i in range(3):\n    print(i)\n"]);
    assert!(!g.is_pending());
}

#[test]
fn block_ends_at_dedent_and_new_line_runs() {
    let (out, _) = feed(&["def f():", "    return 2", "f()"]);
    assert_eq!(out, ["def f():\n    return 2\n", "f()\n"]);
}

#[test]
fn else_and_except_continue_the_block() {
    let (out, g) = feed(&["if x:", "    a", "else:", "    b"]);
    assert!(out.is_empty());
    assert!(g.is_pending());
    let (out, _) = feed(&["try:", "    a", "except E:", "    b", "finally:", "  c", ""]);
    assert_eq!(out.len(), 1);
}

#[test]
fn brackets_and_strings_continue() {
    let (out, g) = feed(&["x = [1,", "", "  2]"]);
    assert_eq!(out, ["x = [1,\n\n  2]\n"]);
    assert!(!g.is_pending());
    let (out, _) = feed(&["s = '''a", "", "b'''"]);
    assert_eq!(out, ["s = '''a\n\nb'''\n"]);
    let (out, _) = feed(&["x = 1 + \\", "2"]);
    assert_eq!(out, ["x = 1 + \\\n2\n"]);
    let (out, _) = feed(&["d = {'a:': '(' }"]);
    assert_eq!(out, ["d = {'a:': '(' }\n"]);
    let (out, _) = feed(&["x = 1  # comment with ( and :"]);
    assert_eq!(out.len(), 1);
}

#[test]
fn multi_line_header_opens_block() {
    let (out, g) = feed(&["def f(a,", "      b):", "    return a + b"]);
    assert!(out.is_empty());
    assert!(g.is_pending());
}

#[test]
fn decorators_wait_for_the_definition() {
    let (out, _) = feed(&["@dec", "def f():", "    pass", ""]);
    assert_eq!(out, ["@dec\ndef f():\n    pass\n"]);
}

#[test]
fn unterminated_single_quote_is_complete() {
    let (out, _) = feed(&["s = 'abc"]);
    assert_eq!(out, ["s = 'abc\n"]);
}

#[test]
fn finish_returns_pending() {
    let (_, mut g) = feed(&["while x:", "    x -= 1"]);
    assert_eq!(g.finish().as_deref(), Some("while x:\n    x -= 1\n"));
    assert_eq!(g.finish(), None);
}
