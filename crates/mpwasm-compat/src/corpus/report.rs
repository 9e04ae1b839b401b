//! The corpus report: pass counts per area, the first difference of every
//! failing program, failure causes, a full diff on request, JSON.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_json::{Value, json};

use super::Area;
use super::run::{Failure, Mismatch, ProgramResult, Verdict};
use crate::Target;

/// Longest excerpt of a line shown in the failure list.
const EXCERPT_CHARS: usize = 72;

fn excerpt(line: Option<&str>) -> String {
    match line {
        None => "<end of output>".into(),
        Some(l) => {
            let l = l.strip_suffix('\n').unwrap_or(l);
            let mut s: String = l.chars().take(EXCERPT_CHARS).collect();
            if l.chars().count() > EXCERPT_CHARS {
                s.push('…');
            }
            format!("{s:?}")
        }
    }
}

/// One line saying why a program failed.
pub fn describe(mismatch: &Mismatch) -> String {
    match mismatch {
        Mismatch::Raised(last) => format!("raised {last}"),
        Mismatch::Differs {
            line,
            expected,
            got,
        } => format!(
            "line {line}: expected {}, got {}",
            excerpt(expected.as_deref()),
            excerpt(got.as_deref())
        ),
        Mismatch::Stderr(first) => format!("right output, but wrote to stderr: {first}"),
        Mismatch::Timeout => "timed out".into(),
        Mismatch::Other(what) => what.clone(),
    }
}

/// A coarse cause for grouping failures: the missing module, the exception
/// line, or how the output differs.
pub fn cause(mismatch: &Mismatch) -> String {
    match mismatch {
        Mismatch::Raised(last) => {
            if let Some(module) = last
                .strip_prefix("ImportError: no module named '")
                .and_then(|m| m.strip_suffix('\''))
            {
                return format!("missing module {module}");
            }
            if last.starts_with("SyntaxError") {
                return "SyntaxError (unsupported syntax)".into();
            }
            last.clone()
        }
        Mismatch::Differs {
            expected: Some(e),
            got: Some(g),
            ..
        } => {
            let sorted = |s: &str| {
                let mut c: Vec<char> = s.chars().collect();
                c.sort_unstable();
                c
            };
            if sorted(e) == sorted(g) {
                "output: same text in another order (dict/set order?)".into()
            } else {
                "output differs".into()
            }
        }
        Mismatch::Differs { .. } => "output: missing or extra lines".into(),
        Mismatch::Stderr(_) => "wrote to stderr".into(),
        Mismatch::Timeout => "timeout".into(),
        Mismatch::Other(what) => what.split(':').next().unwrap_or(what).to_string(),
    }
}

/// Targets present in `results`, in order.
fn targets(results: &[ProgramResult]) -> Vec<Target> {
    let mut t: Vec<Target> = results
        .iter()
        .flat_map(|r| r.by_target.keys().copied())
        .collect();
    t.sort();
    t.dedup();
    // The sandbox first: it is what the corpus judges.
    t.sort_by_key(|t| *t != Target::Mpwasm);
    t
}

/// (programs, passes per target) per area, then the total.
pub fn counts(results: &[ProgramResult]) -> Vec<(String, usize, BTreeMap<Target, usize>)> {
    let mut rows = Vec::new();
    let mut total = (0, BTreeMap::new());
    for area in Area::ALL {
        let mut n = 0;
        let mut pass: BTreeMap<Target, usize> = BTreeMap::new();
        for r in results.iter().filter(|r| r.program.area == area) {
            n += 1;
            for (target, (verdict, _)) in &r.by_target {
                let count = pass.entry(*target).or_default();
                *count += usize::from(verdict.is_pass());
            }
        }
        if n == 0 {
            continue;
        }
        total.0 += n;
        for (t, c) in &pass {
            *total.1.entry(*t).or_default() += c;
        }
        rows.push((area.as_str().to_string(), n, pass));
    }
    rows.push(("total".into(), total.0, total.1));
    rows
}

/// The pass counts as a Markdown table, a column per target.
pub fn table(results: &[ProgramResult]) -> String {
    let targets = targets(results);
    let mut out = String::from("| area | programs |");
    for t in &targets {
        let _ = write!(out, " {} pass |", t.as_str());
    }
    out.push_str("\n|---|---:|");
    out.push_str(&"---:|".repeat(targets.len()));
    out.push('\n');
    for (area, n, pass) in counts(results) {
        let _ = write!(out, "| {area} | {n} |");
        for t in &targets {
            let p = pass.get(t).copied().unwrap_or(0);
            let pct = if n == 0 {
                0.0
            } else {
                100.0 * p as f64 / n as f64
            };
            let _ = write!(out, " {p} ({pct:.0} %) |");
        }
        out.push('\n');
    }
    out
}

/// Every program that fails on some target, with the sandbox's first
/// difference (and the native reference's when it differs).
pub fn failures(results: &[ProgramResult]) -> String {
    let mut out = String::new();
    let width = results
        .iter()
        .map(|r| r.program.name.len())
        .max()
        .unwrap_or(0);
    for r in results {
        let verdicts: Vec<(Target, &Verdict)> =
            r.by_target.iter().map(|(t, (v, _))| (*t, v)).collect();
        if verdicts.iter().all(|(_, v)| v.is_pass()) {
            continue;
        }
        let show = |v: &Verdict| match v {
            Verdict::Pass => "pass".to_string(),
            Verdict::Fail(m) => describe(m),
        };
        let mpwasm = r.verdict(Target::Mpwasm);
        let _ = write!(out, "{:width$}  ", r.program.name);
        match mpwasm {
            Some(v) => out.push_str(&show(v)),
            None => out.push('-'),
        }
        out.push('\n');
        for (t, v) in &verdicts {
            if *t != Target::Mpwasm && Some(*v) != mpwasm {
                let _ = writeln!(out, "{:width$}    {}: {}", "", t.as_str(), show(v));
            }
        }
    }
    out
}

/// Failures in the sandbox grouped by [`cause`], most frequent first.
pub fn causes(results: &[ProgramResult]) -> String {
    let mut groups: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for r in results {
        if let Some(Verdict::Fail(m)) = r.verdict(Target::Mpwasm) {
            groups.entry(cause(m)).or_default().push(&r.program.name);
        }
    }
    let mut groups: Vec<(String, Vec<&str>)> = groups.into_iter().collect();
    groups.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.0.cmp(&b.0)));
    let mut out = String::new();
    for (cause, names) in groups {
        let _ = writeln!(out, "{:4}  {cause}", names.len());
    }
    out
}

/// The full picture of one program: a unified diff of the expected output
/// and each target's, then what it wrote to stderr and its traceback.
pub fn show(result: &ProgramResult) -> String {
    let mut out = format!("== {}\n", result.program.path.display());
    let expected = String::from_utf8_lossy(&result.expected);
    for (target, (verdict, run)) in &result.by_target {
        let name = target.as_str();
        let _ = writeln!(
            out,
            "-- {name}: {} ({:.2} s)",
            match verdict {
                Verdict::Pass => "pass".to_string(),
                Verdict::Fail(m) => describe(m),
            },
            run.seconds
        );
        let got = String::from_utf8_lossy(&run.stdout);
        if got != expected {
            let diff = similar::TextDiff::from_lines(expected.as_ref(), got.as_ref());
            let _ = write!(
                out,
                "{}",
                diff.unified_diff()
                    .context_radius(3)
                    .header("expected (CPython)", &format!("{name} stdout"))
            );
        }
        if !run.stderr.is_empty() {
            let _ = write!(
                out,
                "-- {name} stderr:\n{}",
                String::from_utf8_lossy(&run.stderr)
            );
            if !run.stderr.ends_with(b"\n") {
                out.push('\n');
            }
        }
        if let Some(Failure::Exception { traceback, .. }) = &run.failure {
            let _ = write!(out, "-- {name} traceback:\n{traceback}");
            if !traceback.ends_with('\n') {
                out.push('\n');
            }
        }
    }
    out
}

/// The machine-readable result; `meta` is stored as is.
pub fn to_json(results: &[ProgramResult], meta: Value) -> Value {
    let programs: Vec<Value> = results
        .iter()
        .map(|r| {
            let targets: serde_json::Map<String, Value> = r
                .by_target
                .iter()
                .map(|(t, (v, run))| {
                    let (status, reason, cause) = match v {
                        Verdict::Pass => ("pass", Value::Null, Value::Null),
                        Verdict::Fail(m) => (
                            "fail",
                            Value::String(describe(m)),
                            Value::String(self::cause(m)),
                        ),
                    };
                    (
                        t.as_str().to_string(),
                        json!({
                            "status": status,
                            "reason": reason,
                            "cause": cause,
                            "seconds": (run.seconds * 1000.0).round() / 1000.0,
                        }),
                    )
                })
                .collect();
            json!({
                "name": r.program.name,
                "area": r.program.area.as_str(),
                "targets": targets,
            })
        })
        .collect();
    let counts: Vec<Value> = counts(results)
        .into_iter()
        .map(|(area, n, pass)| {
            let pass: serde_json::Map<String, Value> = pass
                .into_iter()
                .map(|(t, c)| (t.as_str().to_string(), json!(c)))
                .collect();
            json!({"area": area, "programs": n, "pass": pass})
        })
        .collect();
    json!({"meta": meta, "counts": counts, "programs": programs})
}

/// The whole report of an evaluation: problems, the table, failures,
/// causes, regressions and what `passing.txt` lacks.
pub fn full(eval: &super::run::Evaluation) -> String {
    let mut out = String::new();
    if !eval.problems.is_empty() {
        let _ = writeln!(out, "Expectation problems ({}):", eval.problems.len());
        for p in &eval.problems {
            let _ = writeln!(out, "  {p}");
        }
        out.push('\n');
    }
    out.push_str(&table(&eval.results));
    let failing = failures(&eval.results);
    if !failing.is_empty() {
        out.push_str("\nFailing programs (the sandbox's first difference; other targets when theirs differs):\n");
        out.push_str(&failing);
        out.push_str("\nFailure causes in the sandbox:\n");
        out.push_str(&causes(&eval.results));
    }
    if !eval.newly_passing.is_empty() {
        let _ = writeln!(
            out,
            "\n{} programs pass but are not in passing.txt (run `cargo xtask corpus update`): {}",
            eval.newly_passing.len(),
            eval.newly_passing.join(", ")
        );
    }
    if !eval.regressions.is_empty() {
        let _ = writeln!(
            out,
            "\nREGRESSIONS: {} programs of passing.txt do not pass: {}",
            eval.regressions.len(),
            eval.regressions.join(", ")
        );
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::corpus::Program;
    use crate::corpus::run::Run;
    use std::path::PathBuf;

    fn result(name: &str, mpwasm: Verdict, native: Option<Verdict>) -> ProgramResult {
        let run = Run {
            stdout: b"{'a': 2, 'b': 1}\n".to_vec(),
            stderr: Vec::new(),
            failure: None,
            seconds: 0.01,
        };
        let mut by_target = BTreeMap::new();
        by_target.insert(Target::Mpwasm, (mpwasm, run.clone()));
        if let Some(v) = native {
            by_target.insert(Target::Native, (v, run));
        }
        ProgramResult {
            program: Program {
                name: name.into(),
                area: Area::of(name).unwrap(),
                path: PathBuf::from(format!("/corpus/programs/{name}.py")),
            },
            expected: b"{'b': 1, 'a': 2}\n".to_vec(),
            by_target,
        }
    }

    fn sample(native: bool) -> Vec<ProgramResult> {
        let order = Mismatch::Differs {
            line: 1,
            expected: Some("{'b': 1, 'a': 2}\n".into()),
            got: Some("{'a': 2, 'b': 1}\n".into()),
        };
        let import = Mismatch::Raised("ImportError: no module named 'dataclasses'".into());
        let n = |v: Verdict| native.then_some(v);
        vec![
            result(
                "core_dict_report",
                Verdict::Fail(order.clone()),
                n(Verdict::Fail(order)),
            ),
            result("core_fizzbuzz", Verdict::Pass, n(Verdict::Pass)),
            result(
                "std_inventory",
                Verdict::Fail(import.clone()),
                n(Verdict::Fail(Mismatch::Timeout)),
            ),
            result("std_json_dump", Verdict::Pass, n(Verdict::Fail(import))),
        ]
    }

    #[test]
    fn report_with_the_sandbox_only() {
        let results = sample(false);
        insta::assert_snapshot!("sandbox_only_table", table(&results));
        insta::assert_snapshot!("sandbox_only_failures", failures(&results));
        insta::assert_snapshot!("sandbox_only_causes", causes(&results));
    }

    #[test]
    fn report_with_the_native_column() {
        let results = sample(true);
        insta::assert_snapshot!("native_column_table", table(&results));
        insta::assert_snapshot!("native_column_failures", failures(&results));
    }

    #[test]
    fn show_has_the_diff() {
        insta::assert_snapshot!("show_diff", show(&sample(false)[0]));
    }
}
