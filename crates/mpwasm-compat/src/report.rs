//! Tables, the list of differences and the JSON document.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_json::{Value, json};

use crate::known;
use crate::{Outcome, SuiteResult, Target, TestReport};

/// pass/fail/skip counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub pass: usize,
    pub fail: usize,
    pub skip: usize,
}

impl Counts {
    fn add(&mut self, outcome: &Outcome) {
        match outcome {
            Outcome::Pass => self.pass += 1,
            Outcome::Fail { .. } => self.fail += 1,
            Outcome::Skip { .. } => self.skip += 1,
        }
    }

    /// Tests counted.
    pub fn total(&self) -> usize {
        self.pass + self.fail + self.skip
    }

    fn cell(&self) -> String {
        format!("{} / {} / {}", self.pass, self.fail, self.skip)
    }
}

/// Counts per directory and target (directories in first-seen order, then a
/// total row keyed `"total"`).
pub fn counts(reports: &[TestReport]) -> Vec<(String, BTreeMap<Target, Counts>)> {
    let mut rows: Vec<(String, BTreeMap<Target, Counts>)> = Vec::new();
    let mut total: BTreeMap<Target, Counts> = BTreeMap::new();
    for r in reports {
        let idx = match rows.iter().position(|(d, _)| *d == r.test.dir) {
            Some(i) => i,
            None => {
                rows.push((r.test.dir.clone(), BTreeMap::new()));
                rows.len() - 1
            }
        };
        for (target, res) in &r.results {
            rows[idx].1.entry(*target).or_default().add(&res.outcome);
            total.entry(*target).or_default().add(&res.outcome);
        }
    }
    rows.push(("total".into(), total));
    rows
}

/// The per-directory table as Markdown (pass / fail / skip per target).
pub fn table(result: &SuiteResult) -> String {
    let rows = counts(&result.reports);
    let targets: Vec<Target> = result.features.iter().map(|f| f.target).collect();
    let mut s = String::new();
    let _ = write!(s, "| directory | tests |");
    for t in &targets {
        let _ = write!(s, " {} pass / fail / skip |", t.as_str());
    }
    s.push('\n');
    let _ = write!(s, "|---|---:|");
    for _ in &targets {
        s.push_str("---:|");
    }
    s.push('\n');
    for (dir, per_target) in rows {
        let n = per_target.values().map(Counts::total).max().unwrap_or(0);
        let _ = write!(s, "| {dir} | {n} |");
        for t in &targets {
            let _ = write!(
                s,
                " {} |",
                per_target.get(t).copied().unwrap_or_default().cell()
            );
        }
        s.push('\n');
    }
    s
}

/// Tests that pass natively but not in the sandbox.
pub fn regressions(reports: &[TestReport]) -> Vec<&TestReport> {
    reports
        .iter()
        .filter(|r| {
            r.outcome(Target::Native).is_some_and(Outcome::is_pass)
                && r.outcome(Target::Mpwasm).is_some_and(|o| !o.is_pass())
        })
        .collect()
}

fn outcome_detail(outcome: &Outcome) -> String {
    match outcome {
        Outcome::Pass => "pass".into(),
        Outcome::Skip { reason } => format!("skip: {reason}"),
        Outcome::Fail {
            first_diff,
            error_kind,
        } => match error_kind {
            Some(k) => format!("fail [{k}]: {first_diff}"),
            None => format!("fail: {first_diff}"),
        },
    }
}

/// The list of tests that pass natively but not in mpwasm, each with its
/// first differing line (or skip reason) and its classification.
pub fn regression_list(reports: &[TestReport]) -> String {
    let mut s = String::new();
    for r in regressions(reports) {
        let detail = r
            .outcome(Target::Mpwasm)
            .map(outcome_detail)
            .unwrap_or_default();
        let class = match known::classify(&r.test.rel) {
            Some(k) => format!(" ({}: {})", k.category.as_str(), k.reason),
            None => " (unclassified)".into(),
        };
        let _ = writeln!(s, "- {}: {detail}{class}", r.test.rel);
    }
    s
}

/// Tests that fail or are skipped in both, or pass only in mpwasm: one line
/// each.
pub fn other_differences(reports: &[TestReport]) -> String {
    let mut s = String::new();
    for r in reports {
        let (Some(n), Some(m)) = (r.outcome(Target::Native), r.outcome(Target::Mpwasm)) else {
            continue;
        };
        if !n.is_pass() && m.is_pass() {
            let _ = writeln!(
                s,
                "- {}: passes in mpwasm, native {}",
                r.test.rel,
                outcome_detail(n)
            );
        }
    }
    s
}

/// The machine-readable result.
pub fn to_json(result: &SuiteResult, meta: Value) -> Value {
    let rows = counts(&result.reports);
    let mut dirs = serde_json::Map::new();
    for (dir, per_target) in rows {
        let mut o = serde_json::Map::new();
        for (t, c) in per_target {
            o.insert(
                t.as_str().into(),
                json!({"pass": c.pass, "fail": c.fail, "skip": c.skip}),
            );
        }
        dirs.insert(dir, Value::Object(o));
    }
    let tests: Vec<Value> = result
        .reports
        .iter()
        .map(|r| {
            let mut o = serde_json::Map::new();
            o.insert("test".into(), json!(r.test.rel));
            if let Some(src) = r.expected_source {
                o.insert("expected".into(), json!(src.as_str()));
            }
            for (t, res) in &r.results {
                let mut v = json!({
                    "status": res.outcome.as_str(),
                    "seconds": (res.seconds * 1000.0).round() / 1000.0,
                });
                match &res.outcome {
                    Outcome::Pass => {}
                    Outcome::Skip { reason } => v["reason"] = json!(reason),
                    Outcome::Fail {
                        first_diff,
                        error_kind,
                    } => {
                        v["first_diff"] = json!(first_diff);
                        if let Some(k) = error_kind {
                            v["error_kind"] = json!(k);
                        }
                    }
                }
                o.insert(t.as_str().into(), v);
            }
            if let Some(k) = known::classify(&r.test.rel) {
                o.insert(
                    "classification".into(),
                    json!({"category": k.category.as_str(), "reason": k.reason}),
                );
            }
            Value::Object(o)
        })
        .collect();
    let regressions: Vec<Value> = regressions(&result.reports)
        .iter()
        .map(|r| json!(r.test.rel))
        .collect();
    let features: serde_json::Map<String, Value> = result
        .features
        .iter()
        .map(|f| {
            (
                f.target.as_str().to_string(),
                json!({
                    "missing": f.features.missing(),
                    "float_precision": f.features.float_precision,
                    "byteorder": f.features.byteorder.trim(),
                }),
            )
        })
        .collect();
    json!({
        "meta": meta,
        "cpython": result.cpython_version,
        "features": features,
        "directories": dirs,
        "native_pass_mpwasm_not": regressions,
        "tests": tests,
    })
}

/// The output of every run that did not pass, for investigation.
pub fn show_outputs(reports: &[TestReport]) -> String {
    let mut s = String::new();
    for r in reports {
        for (t, res) in &r.results {
            if let (Outcome::Fail { .. }, Some(out)) = (&res.outcome, &res.output) {
                let _ = writeln!(
                    s,
                    "===== {} on {}: {}\n{}\n=====",
                    r.test.rel,
                    t.as_str(),
                    outcome_detail(&res.outcome),
                    String::from_utf8_lossy(out)
                );
            }
        }
    }
    s
}
