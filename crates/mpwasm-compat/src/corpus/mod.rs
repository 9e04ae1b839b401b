//! The CPython-compatibility corpus (`tests/cpython/`): programs written the
//! way LLM agents write Python for data, text and maths tasks, each with the
//! stdout CPython 3 prints for it.
//!
//! * `programs/<area>_<task>.py`: the programs; `area` is `core` (mainly the
//!   language) or `std` (mainly the standard library).
//! * `expected/<name>.out`: CPython's stdout, written by [`bless`] only.
//! * `blessed.tsv`: per program the sha256 of the program and of its
//!   expected output when it was blessed, and the CPython version; a program
//!   edited since ([`Problem::Stale`]) or an expected file edited by hand
//!   ([`Problem::Edited`]) is caught by [`Corpus::check`].
//! * `passing.txt`: the programs that pass in the sandbox (sorted); the judge
//!   fails when one of them stops passing, and the list only grows.
//!
//! [`run::run_corpus`] runs programs in the sandbox (and optionally natively),
//! [`report`] renders the results, [`cli`] is `mpwasm-compat corpus`.

pub mod bless;
pub mod cli;
pub mod report;
pub mod run;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use sha2::{Digest, Sha256};

/// Which issue a program mainly belongs to, from its name's prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Area {
    /// `core_*`: mainly language-core features.
    Core,
    /// `std_*`: mainly standard-library modules.
    Std,
}

impl Area {
    /// Every area, in report order.
    pub const ALL: [Area; 2] = [Area::Core, Area::Std];

    /// The name prefix without the underscore.
    pub fn as_str(self) -> &'static str {
        match self {
            Area::Core => "core",
            Area::Std => "std",
        }
    }

    /// The area of a program name, if it has a known prefix.
    pub fn of(name: &str) -> Option<Area> {
        Area::ALL.into_iter().find(|a| {
            name.strip_prefix(a.as_str())
                .is_some_and(|r| r.starts_with('_'))
        })
    }
}

/// Whether `name` is a valid program name: `<area>_<task>` with lowercase
/// ASCII letters, digits and underscores.
pub fn valid_name(name: &str) -> bool {
    Area::of(name).is_some()
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        && !name.ends_with('_')
}

/// One corpus program.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Program {
    /// The file name without `.py`.
    pub name: String,
    pub area: Area,
    /// Absolute path of the `.py` file.
    pub path: PathBuf,
}

impl Program {
    /// The program's bytes.
    pub fn source(&self) -> Result<Vec<u8>> {
        std::fs::read(&self.path).with_context(|| format!("cannot read {}", self.path.display()))
    }
}

/// Hex sha256 of `data`.
pub fn sha256_hex(data: &[u8]) -> String {
    let digest = Sha256::digest(data);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// What `blessed.tsv` records for one program.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlessedEntry {
    /// sha256 of the program when it was blessed.
    pub program_sha256: String,
    /// sha256 of the expected output written then.
    pub output_sha256: String,
    /// The CPython that produced it, e.g. `Python 3.11.7`.
    pub python: String,
}

/// The contents of `blessed.tsv`, by program name.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Blessed {
    pub entries: BTreeMap<String, BlessedEntry>,
}

const BLESSED_HEADER: &str = "\
# Written by `cargo xtask corpus bless`; never edit by hand.
# name\tprogram sha256\texpected output sha256\tCPython
";

impl Blessed {
    /// Parse the file's text (comment lines start with `#`).
    pub fn parse(text: &str) -> Result<Blessed> {
        let mut entries = BTreeMap::new();
        for (i, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            let [name, program, output, python] = fields[..] else {
                bail!(
                    "blessed.tsv line {}: expected 4 tab-separated fields, got {}",
                    i + 1,
                    fields.len()
                );
            };
            let is_sha = |s: &str| s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit());
            if !valid_name(name) || !is_sha(program) || !is_sha(output) || python.is_empty() {
                bail!("blessed.tsv line {}: malformed entry `{line}`", i + 1);
            }
            let entry = BlessedEntry {
                program_sha256: program.to_string(),
                output_sha256: output.to_string(),
                python: python.to_string(),
            };
            if entries.insert(name.to_string(), entry).is_some() {
                bail!("blessed.tsv line {}: `{name}` is listed twice", i + 1);
            }
        }
        Ok(Blessed { entries })
    }

    /// The file's text: the header, then one line per program, sorted.
    pub fn render(&self) -> String {
        let mut text = BLESSED_HEADER.to_string();
        for (name, e) in &self.entries {
            text.push_str(&format!(
                "{name}\t{}\t{}\t{}\n",
                e.program_sha256, e.output_sha256, e.python
            ));
        }
        text
    }
}

/// Something wrong with the corpus's expectations.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Problem {
    /// The program has no expected output (or no `blessed.tsv` entry).
    Missing(String),
    /// The program changed since its output was blessed.
    Stale(String),
    /// The expected output is not what bless wrote.
    Edited(String),
    /// An expected file or `blessed.tsv` entry without a program.
    Orphan(String),
    /// `passing.txt` names a program that does not exist.
    UnknownPassing(String),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Missing(n) => write!(
                f,
                "{n}: no expected output (run `cargo xtask corpus bless {n}`)"
            ),
            Problem::Stale(n) => write!(
                f,
                "{n}: the program changed since its output was blessed (run `cargo xtask corpus bless {n}`)"
            ),
            Problem::Edited(n) => write!(
                f,
                "{n}: expected/{n}.out is not what bless wrote; never edit it by hand (run `cargo xtask corpus bless {n}`)"
            ),
            Problem::Orphan(n) => write!(
                f,
                "{n}: an expected output without a program (run `cargo xtask corpus bless` to drop it)"
            ),
            Problem::UnknownPassing(n) => {
                write!(f, "{n}: listed in passing.txt but there is no such program")
            }
        }
    }
}

/// A corpus directory.
#[derive(Debug, Clone)]
pub struct Corpus {
    root: PathBuf,
}

impl Corpus {
    /// This repository's corpus, `tests/cpython/`.
    pub fn default_root() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/cpython")
    }

    /// The corpus at `root` (which must hold `programs/`).
    pub fn open(root: impl Into<PathBuf>) -> Result<Corpus> {
        let root = root.into();
        if !root.join("programs").is_dir() {
            bail!("{} is not a corpus (no programs/)", root.display());
        }
        let root = std::fs::canonicalize(&root).unwrap_or(root);
        Ok(Corpus { root })
    }

    /// The corpus directory.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// `programs/`.
    pub fn programs_dir(&self) -> PathBuf {
        self.root.join("programs")
    }

    /// `expected/`.
    pub fn expected_dir(&self) -> PathBuf {
        self.root.join("expected")
    }

    /// `expected/<name>.out`.
    pub fn expected_path(&self, name: &str) -> PathBuf {
        self.expected_dir().join(format!("{name}.out"))
    }

    fn blessed_path(&self) -> PathBuf {
        self.root.join("blessed.tsv")
    }

    fn passing_path(&self) -> PathBuf {
        self.root.join("passing.txt")
    }

    /// The programs whose name contains `filter` (all without one), sorted
    /// by name. A `.py` file with an invalid name is an error, so that a
    /// typo never silently drops a program.
    pub fn programs(&self, filter: Option<&str>) -> Result<Vec<Program>> {
        let dir = self.programs_dir();
        let mut programs = Vec::new();
        for entry in
            std::fs::read_dir(&dir).with_context(|| format!("cannot list {}", dir.display()))?
        {
            let path = entry?.path();
            let Some(file) = path.file_name().and_then(|f| f.to_str()) else {
                continue;
            };
            let Some(name) = file.strip_suffix(".py") else {
                continue;
            };
            let Some(area) = Area::of(name).filter(|_| valid_name(name)) else {
                bail!(
                    "programs/{file}: a program is named <area>_<task>.py with area core or std, in lowercase letters, digits and underscores"
                );
            };
            if filter.is_some_and(|f| !name.contains(f)) {
                continue;
            }
            programs.push(Program {
                name: name.to_string(),
                area,
                path,
            });
        }
        programs.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(programs)
    }

    /// The program called `name`.
    pub fn program(&self, name: &str) -> Result<Program> {
        let name = name.strip_suffix(".py").unwrap_or(name);
        self.programs(None)?
            .into_iter()
            .find(|p| p.name == name)
            .with_context(|| format!("no program {name} in {}", self.programs_dir().display()))
    }

    /// `blessed.tsv` (empty if it does not exist yet).
    pub fn read_blessed(&self) -> Result<Blessed> {
        let path = self.blessed_path();
        match std::fs::read_to_string(&path) {
            Ok(text) => Blessed::parse(&text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Blessed::default()),
            Err(e) => Err(e).with_context(|| format!("cannot read {}", path.display())),
        }
    }

    /// Write `blessed.tsv`.
    pub fn write_blessed(&self, blessed: &Blessed) -> Result<()> {
        let path = self.blessed_path();
        std::fs::write(&path, blessed.render())
            .with_context(|| format!("cannot write {}", path.display()))
    }

    /// The expected output of `name`.
    pub fn expected(&self, name: &str) -> Result<Vec<u8>> {
        let path = self.expected_path(name);
        std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))
    }

    /// `passing.txt` (empty if it does not exist yet); it must be sorted and
    /// free of duplicates.
    pub fn read_passing(&self) -> Result<Vec<String>> {
        let path = self.passing_path();
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
        };
        let names: Vec<String> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(String::from)
            .collect();
        if let Some(w) = names.windows(2).find(|w| w[0] >= w[1]) {
            bail!(
                "passing.txt must be sorted without duplicates: `{}` comes before `{}` (run `cargo xtask corpus update`)",
                w[0],
                w[1]
            );
        }
        Ok(names)
    }

    /// Write `passing.txt`: a header, then the names sorted.
    pub fn write_passing(&self, names: &BTreeSet<String>) -> Result<()> {
        let mut text = String::from(
            "# Corpus programs that pass in the sandbox; the judge fails when one stops passing.\n\
             # Written by `cargo xtask corpus update`; the list only grows.\n",
        );
        for n in names {
            text.push_str(n);
            text.push('\n');
        }
        let path = self.passing_path();
        std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))
    }

    /// The expectation problems of `programs`; with `whole` (all programs
    /// given) also orphaned expectations and unknown names in passing.txt.
    pub fn check(&self, programs: &[Program], whole: bool) -> Result<Vec<Problem>> {
        let blessed = self.read_blessed()?;
        let mut problems = Vec::new();
        for p in programs {
            let Some(entry) = blessed.entries.get(&p.name) else {
                problems.push(Problem::Missing(p.name.clone()));
                continue;
            };
            let Ok(output) = std::fs::read(self.expected_path(&p.name)) else {
                problems.push(Problem::Missing(p.name.clone()));
                continue;
            };
            if sha256_hex(&p.source()?) != entry.program_sha256 {
                problems.push(Problem::Stale(p.name.clone()));
            } else if sha256_hex(&output) != entry.output_sha256 {
                problems.push(Problem::Edited(p.name.clone()));
            }
        }
        if whole {
            let names: BTreeSet<&str> = programs.iter().map(|p| p.name.as_str()).collect();
            let mut orphans = BTreeSet::new();
            for name in blessed.entries.keys() {
                if !names.contains(name.as_str()) {
                    orphans.insert(name.clone());
                }
            }
            if let Ok(entries) = std::fs::read_dir(self.expected_dir()) {
                for entry in entries.flatten() {
                    let file = entry.file_name();
                    let Some(name) = file.to_str().and_then(|f| f.strip_suffix(".out")) else {
                        continue;
                    };
                    if !names.contains(name) {
                        orphans.insert(name.to_string());
                    }
                }
            }
            problems.extend(orphans.into_iter().map(Problem::Orphan));
            for name in self.read_passing()? {
                if !names.contains(name.as_str()) {
                    problems.push(Problem::UnknownPassing(name));
                }
            }
        }
        problems.sort();
        Ok(problems)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn names_and_areas() {
        assert_eq!(Area::of("core_invoice_format"), Some(Area::Core));
        assert_eq!(Area::of("std_dataclass_inventory"), Some(Area::Std));
        assert_eq!(Area::of("stdx_thing"), None);
        assert_eq!(Area::of("core"), None);
        for good in ["core_a", "std_b2_c"] {
            assert!(valid_name(good), "{good}");
        }
        for bad in ["core_", "Core_a", "std-b", "misc_a", "std_é", "core_a b"] {
            assert!(!valid_name(bad), "{bad}");
        }
    }

    #[test]
    fn blessed_rejects_malformed_lines() {
        let sha = "a".repeat(64);
        assert!(Blessed::parse(&format!("core_a\t{sha}\t{sha}\n")).is_err());
        assert!(Blessed::parse(&format!("core_a\t{sha}\tzz\tPython 3.11.7\n")).is_err());
        assert!(Blessed::parse(&format!("bad\t{sha}\t{sha}\tPython 3.11.7\n")).is_err());
        let twice = format!("core_a\t{sha}\t{sha}\tP\ncore_a\t{sha}\t{sha}\tP\n");
        assert!(Blessed::parse(&twice).is_err());
    }

    proptest! {
        #[test]
        fn blessed_round_trips(
            entries in proptest::collection::btree_map(
                "(core|std)_[a-z0-9]{1,12}",
                ("[0-9a-f]{64}", "[0-9a-f]{64}", "Python 3\\.[0-9]{1,2}\\.[0-9]{1,2}"),
                0..8,
            )
        ) {
            let blessed = Blessed {
                entries: entries
                    .into_iter()
                    .map(|(n, (p, o, v))| {
                        (n, BlessedEntry { program_sha256: p, output_sha256: o, python: v })
                    })
                    .collect(),
            };
            prop_assert_eq!(Blessed::parse(&blessed.render()).unwrap(), blessed);
        }
    }
}
