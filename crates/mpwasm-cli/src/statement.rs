//! Grouping input lines into complete Python statements, the way CPython's
//! `code.InteractiveConsole` does: a line ending in `:` (or a decorator)
//! opens a block that a blank line ends; open brackets, unterminated
//! triple-quoted strings and trailing backslashes continue a line.
//!
//! Unlike CPython, a block also ends when a line comes back to column 0 (and
//! is not `else:`, `elif`, `except`, `finally`...): the block is run and the
//! line starts the next statement. This lets piped scripts omit blank lines
//! after blocks.
//!
//! ```
//! use mpwasm_cli::statement::Grouper;
//!
//! let mut g = Grouper::new();
//! assert_eq!(g.push("x = 1"), vec!["x = 1\n".to_string()]);
//! assert!(g.push("def f():").is_empty());
//! assert!(g.push("    return x").is_empty());
//! assert_eq!(g.push(""), vec!["def f():\n    return x\n".to_string()]);
//! ```

/// Accumulates lines until they form a complete statement.
#[derive(Debug, Default, Clone)]
pub struct Grouper {
    lines: Vec<String>,
    /// The first logical line opened a block (ends with `:` or is a decorator).
    block: bool,
}

/// What the lexer saw at the end of some source text.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Scan {
    /// Unclosed `(`, `[` and `{`.
    depth: usize,
    /// Inside a string that continues on the next line (triple-quoted, or
    /// single-quoted after a backslash-newline).
    in_string: bool,
    /// The last line ends with a backslash continuation.
    backslash: bool,
    /// The last character that is not whitespace, a comment or in a string.
    last_significant: Option<char>,
}

impl Scan {
    /// The logical line is not finished yet.
    fn open(&self) -> bool {
        self.depth > 0 || self.in_string || self.backslash
    }
}

impl Grouper {
    /// An empty grouper.
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether lines are waiting for the statement to be completed (the
    /// REPL shows `... ` then).
    pub fn is_pending(&self) -> bool {
        !self.lines.is_empty()
    }

    /// Drop the pending lines (Ctrl-C).
    pub fn clear(&mut self) {
        self.lines.clear();
        self.block = false;
    }

    /// The pending lines as a statement, if any (end of input).
    pub fn finish(&mut self) -> Option<String> {
        if self.lines.is_empty() {
            return None;
        }
        let statement = self.joined();
        self.clear();
        Some(statement)
    }

    /// Add a line (without its newline); returns the statements it
    /// completed, in order (none, one, or two when a dedent ended a block
    /// and the new line is complete by itself).
    pub fn push(&mut self, line: &str) -> Vec<String> {
        let line = line.strip_suffix('\n').unwrap_or(line);
        let line = line.strip_suffix('\r').unwrap_or(line);
        let mut done = Vec::new();
        if self.lines.is_empty() {
            self.start(line, &mut done);
            return done;
        }
        let scan = scan(&self.joined());
        if scan.open() {
            // Inside brackets or a string: everything belongs to the line.
            self.lines.push(line.to_owned());
            self.settle(&mut done);
            return done;
        }
        // In a block.
        if line.trim().is_empty() {
            if let Some(s) = self.finish() {
                done.push(s);
            }
        } else if ends_block(line) && !self.only_decorators() {
            if let Some(s) = self.finish() {
                done.push(s);
            }
            self.start(line, &mut done);
        } else {
            self.lines.push(line.to_owned());
        }
        done
    }

    fn start(&mut self, line: &str, done: &mut Vec<String>) {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            return;
        }
        self.lines.push(line.to_owned());
        self.settle(done);
    }

    /// After a line was added outside a block: decide whether the first
    /// logical line is finished, and whether it opened a block.
    fn settle(&mut self, done: &mut Vec<String>) {
        if self.block {
            return;
        }
        let text = self.joined();
        let scan = scan(&text);
        if scan.open() {
            return;
        }
        let decorator = self
            .lines
            .first()
            .is_some_and(|l| l.trim_start().starts_with('@'));
        if scan.last_significant == Some(':') || decorator {
            self.block = true;
        } else if let Some(s) = self.finish() {
            done.push(s);
        }
    }

    fn only_decorators(&self) -> bool {
        self.lines.iter().all(|l| {
            let t = l.trim_start();
            t.starts_with('@') || t.is_empty() || t.starts_with('#')
        })
    }

    fn joined(&self) -> String {
        let mut s = self.lines.join("\n");
        s.push('\n');
        s
    }
}

/// A line at column 0 that does not continue the compound statement above.
fn ends_block(line: &str) -> bool {
    if line.starts_with([' ', '\t']) {
        return false;
    }
    let trimmed = line.trim();
    if trimmed.starts_with('#') {
        return false;
    }
    let word: String = trimmed
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    !matches!(word.as_str(), "else" | "elif" | "except" | "finally")
}

/// Lex `text` just enough to know whether it stops mid-construct.
fn scan(text: &str) -> Scan {
    #[derive(Clone, Copy)]
    enum State {
        Code,
        Comment,
        Str { quote: char, triple: bool },
    }
    let chars: Vec<char> = text.chars().collect();
    let mut state = State::Code;
    let mut scan = Scan::default();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match state {
            State::Comment => {
                if c == '\n' {
                    state = State::Code;
                }
            }
            State::Code => {
                scan.backslash = false;
                match c {
                    '#' => state = State::Comment,
                    '\\' => {
                        if chars.get(i + 1) == Some(&'\n') {
                            scan.backslash = true;
                            i += 1;
                        }
                    }
                    '\'' | '"' => {
                        let triple = chars.get(i + 1) == Some(&c) && chars.get(i + 2) == Some(&c);
                        state = State::Str { quote: c, triple };
                        if triple {
                            i += 2;
                        }
                        scan.last_significant = Some(c);
                    }
                    '(' | '[' | '{' => {
                        scan.depth += 1;
                        scan.last_significant = Some(c);
                    }
                    ')' | ']' | '}' => {
                        scan.depth = scan.depth.saturating_sub(1);
                        scan.last_significant = Some(c);
                    }
                    c if c.is_whitespace() => {}
                    c => scan.last_significant = Some(c),
                }
            }
            State::Str { quote, triple } => match c {
                '\\' => i += 1,
                '\n' if !triple => {
                    // An unterminated single-quoted string: the guest reports
                    // the SyntaxError.
                    state = State::Code;
                }
                c if c == quote => {
                    if !triple {
                        state = State::Code;
                    } else if chars.get(i + 1) == Some(&quote) && chars.get(i + 2) == Some(&quote) {
                        i += 2;
                        state = State::Code;
                    }
                }
                _ => {}
            },
        }
        i += 1;
    }
    // A backslash-newline inside a single-quoted string skips the newline,
    // so ending in a string means the string goes on.
    scan.in_string = matches!(state, State::Str { .. });
    // The trailing newline of `text` ended the backslash check above unless
    // it was consumed as a continuation.
    scan
}
