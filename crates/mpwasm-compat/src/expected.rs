//! Expected output: a test's `.exp` file (with the lines `updated.rs`
//! replaces), else what CPython prints; the
//! regex matching run-tests.py applies to its "special" tests; and a short
//! description of the first difference.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use regex::bytes::Regex;

use crate::TestCase;
use crate::process::{Exit, run_merged};

/// Where the expected output came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// `<test>.py.exp`.
    ExpFile,
    /// Running the test with CPython.
    CPython,
    /// `<test>.py.exp` with the lines `updated.rs` replaces with CPython's.
    Updated,
}

impl Source {
    /// `"exp"` or `"cpython"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Source::ExpFile => "exp",
            Source::CPython => "cpython",
            Source::Updated => "exp-updated",
        }
    }
}

/// The CPython interpreter used for tests without a `.exp` file.
#[derive(Debug, Clone)]
pub struct CPython {
    program: PathBuf,
    version: String,
}

impl CPython {
    /// Environment variable naming the interpreter (run-tests.py's own).
    pub const ENV: &str = "MICROPY_CPYTHON3";

    /// `$MICROPY_CPYTHON3`, else `python3` on the PATH.
    pub fn detect() -> Result<CPython> {
        let program = std::env::var_os(Self::ENV)
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("python3"));
        let out = Command::new(&program)
            .arg("--version")
            .output()
            .with_context(|| {
                format!(
                    "cannot run {} (CPython 3 gives the expected output of tests without a .exp file; set {} to use another)",
                    program.display(),
                    Self::ENV
                )
            })?;
        let version = String::from_utf8_lossy(if out.stdout.is_empty() {
            &out.stderr
        } else {
            &out.stdout
        })
        .trim()
        .to_string();
        if !out.status.success() || !version.starts_with("Python 3") {
            bail!(
                "{} --version said `{version}`, expected CPython 3",
                program.display()
            );
        }
        Ok(CPython { program, version })
    }

    /// E.g. `Python 3.11.7`.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// The interpreter's path or command name.
    pub fn program(&self) -> &Path {
        &self.program
    }

    /// Run a script like run-tests.py does (`python3 -BS <abs path>` in the
    /// script's directory, stderr merged); a failure gives
    /// `CPYTHON3 CRASH:\n` and the output.
    pub fn run(&self, script: &Path) -> Result<Vec<u8>> {
        let mut cmd = Command::new(&self.program);
        cmd.arg("-BS")
            .arg(script)
            .env("PYTHONIOENCODING", "utf-8")
            .env_remove("PYTHONPATH")
            .env_remove("PYTHONSTARTUP");
        if let Some(dir) = script.parent() {
            cmd.current_dir(dir);
        }
        let (out, exit) = run_merged(cmd, Duration::from_secs(120))?;
        Ok(match exit {
            Exit::Success => out,
            Exit::Failure | Exit::Timeout => {
                let mut crash = b"CPYTHON3 CRASH:\n".to_vec();
                crash.extend_from_slice(&out);
                crash
            }
        })
    }
}

/// The expected output of a test: its `.exp` file, else CPython's output.
pub fn expected_output(test: &TestCase, cpython: Option<&CPython>) -> Result<(Vec<u8>, Source)> {
    let exp = exp_path(&test.path);
    if exp.is_file() {
        let data = std::fs::read(&exp).with_context(|| format!("cannot read {}", exp.display()))?;
        let data = normalise_newlines(&data);
        if let Some(u) = crate::updated::lookup(&test.rel) {
            let Some(updated) = crate::updated::apply(u, &data) else {
                bail!(
                    "{}: updated.rs replaces lines its .exp file does not have (stale entry)",
                    test.rel
                );
            };
            return Ok((updated, Source::Updated));
        }
        return Ok((data, Source::ExpFile));
    }
    let Some(cpython) = cpython else {
        bail!("{} has no .exp file and CPython is not available", test.rel);
    };
    Ok((
        normalise_newlines(&cpython.run(&test.path)?),
        Source::CPython,
    ))
}

/// `<test>.py.exp`.
pub fn exp_path(test: &Path) -> PathBuf {
    let mut p = test.as_os_str().to_owned();
    p.push(".exp");
    PathBuf::from(p)
}

/// `\r\n` -> `\n`, the canonical form run-tests.py compares.
pub fn normalise_newlines(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        if data[i] == b'\r' && data.get(i + 1) == Some(&b'\n') {
            i += 1;
            continue;
        }
        out.push(data[i]);
        i += 1;
    }
    out
}

/// run-tests.py's `convert_regex_escapes`: in a special test's `.exp` line,
/// `\X` is the regex metacharacter X and a bare metacharacter is literal.
fn convert_regex_escapes(line: &[u8]) -> String {
    let text = String::from_utf8_lossy(line);
    let mut cs: Vec<String> = Vec::new();
    let mut escape = false;
    for c in text.chars() {
        if escape {
            escape = false;
            cs.push(c.to_string());
        } else if c == '\\' {
            escape = true;
        } else if "()[]{}.*+^$".contains(c) {
            cs.push(format!("\\{c}"));
        } else {
            cs.push(c.to_string());
        }
    }
    if let Some(last) = cs.last_mut().filter(|l| l.as_str() == "\n") {
        *last = "\r*\n".to_string();
    }
    // Python's re.match anchors at the start only.
    format!("^(?:{})", cs.concat())
}

/// The post-processing run-tests.py applies to the output of special tests:
/// lines matching the `.exp` regexes are replaced by the `.exp` lines and
/// `########` stands for any number of lines.
pub fn apply_special_regexes(exp: &[u8], output: &[u8]) -> Vec<u8> {
    const HASHES: &[u8] = b"########\n";
    let lines_exp: Vec<(Vec<u8>, Option<Regex>)> = split_lines_keep(exp)
        .into_iter()
        .map(|line| {
            if line == HASHES {
                (line, None)
            } else {
                let re = Regex::new(&convert_regex_escapes(&line)).ok();
                (line, re)
            }
        })
        .collect();
    let matches = |i: usize, line: &[u8]| -> bool {
        lines_exp[i]
            .1
            .as_ref()
            .is_some_and(|re: &Regex| re.is_match(line))
    };
    let mut lines_mupy: Vec<Vec<u8>> = output
        .split(|&b| b == b'\n')
        .map(|l| {
            let mut v = l.to_vec();
            v.push(b'\n');
            v
        })
        .collect();
    if output.ends_with(b"\n") {
        lines_mupy.pop();
    }
    let mut i_mupy = 0;
    let mut i = 0;
    while i < lines_exp.len() {
        if lines_exp[i].0 == HASHES {
            // Python indexes lines_exp[i + 1] here and would raise at the end;
            // a trailing ######## matches nothing more.
            if i + 1 >= lines_exp.len() {
                break;
            }
            let mut skip = 0;
            while i_mupy + skip < lines_mupy.len() && !matches(i + 1, &lines_mupy[i_mupy + skip]) {
                skip += 1;
            }
            if i_mupy + skip >= lines_mupy.len() {
                if i_mupy < lines_mupy.len() {
                    lines_mupy[i_mupy] = b"######## FAIL\n".to_vec();
                }
                break;
            }
            lines_mupy.drain(i_mupy..i_mupy + skip);
            lines_mupy.insert(i_mupy, HASHES.to_vec());
            i_mupy += 1;
        } else {
            if i_mupy < lines_mupy.len() && matches(i, &lines_mupy[i_mupy]) {
                lines_mupy[i_mupy] = lines_exp[i].0.clone();
            }
            i_mupy += 1;
        }
        if i_mupy >= lines_mupy.len() {
            break;
        }
        i += 1;
    }
    lines_mupy.concat()
}

/// Lines with their `\n` kept (the last may lack one).
fn split_lines_keep(data: &[u8]) -> Vec<Vec<u8>> {
    let mut lines = Vec::new();
    let mut start = 0;
    for (i, &b) in data.iter().enumerate() {
        if b == b'\n' {
            lines.push(data[start..=i].to_vec());
            start = i + 1;
        }
    }
    if start < data.len() {
        lines.push(data[start..].to_vec());
    }
    lines
}

/// A one-line description of the first line where `got` differs from
/// `expected`.
pub fn first_difference(expected: &[u8], got: &[u8]) -> String {
    let exp: Vec<&[u8]> = expected.split(|&b| b == b'\n').collect();
    let out: Vec<&[u8]> = got.split(|&b| b == b'\n').collect();
    let n = exp.len().max(out.len());
    for i in 0..n {
        let (e, g) = (exp.get(i), out.get(i));
        if e != g {
            let show = |l: Option<&&[u8]>| match l {
                Some(l) => format!("{:?}", truncate(&String::from_utf8_lossy(l), 100)),
                None => "<end of output>".to_string(),
            };
            return format!("line {}: expected {}, got {}", i + 1, show(e), show(g));
        }
    }
    "outputs are equal".to_string()
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut t: String = s.chars().take(max).collect();
    t.push('…');
    t
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn regex_escapes_follow_run_tests() {
        assert_eq!(
            convert_regex_escapes(b"mem: total=\\\\d\\+, x.y\n"),
            "^(?:mem: total=\\d+, x\\.y\r*\n)"
        );
        assert_eq!(
            convert_regex_escapes(b"from \\[0-9a-f\\]\\+:\n"),
            "^(?:from [0-9a-f]+:\r*\n)"
        );
    }

    #[test]
    fn special_regexes_and_hashes() {
        let exp = b"########\nFalse\n########\nFalse\n";
        let out = b"warning 1\nFalse\nwarning 2\nwarning 3\nFalse\n";
        assert_eq!(
            apply_special_regexes(exp, out),
            b"########\nFalse\n########\nFalse\n".to_vec()
        );
        let exp = b"stack: \\\\d\\+ out of \\\\d\\+\nend\n";
        assert_eq!(
            apply_special_regexes(exp, b"stack: 12 out of 345\nend\n"),
            exp.to_vec()
        );
        assert_ne!(
            apply_special_regexes(exp, b"stack: x out of 345\nend\n"),
            exp.to_vec()
        );
    }

    #[test]
    fn first_difference_names_the_line() {
        assert_eq!(
            first_difference(b"a\nb\n", b"a\nc\n"),
            "line 2: expected \"b\", got \"c\""
        );
        assert_eq!(
            first_difference(b"a\n", b"a\nb\n"),
            "line 2: expected \"\", got \"b\""
        );
        assert_eq!(
            first_difference(b"a\nb", b"a"),
            "line 2: expected \"b\", got <end of output>"
        );
        assert_eq!(normalise_newlines(b"a\r\nb\r"), b"a\nb\r".to_vec());
    }
}
