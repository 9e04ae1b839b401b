//! Finding (and if needed extracting or cloning) the MicroPython source tree.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use xshell::{Shell, cmd};

use crate::cli::{BuildArgs, DEFAULT_REF, DEFAULT_REPO_URL};
use crate::util::{self, absolutize, display_rel, remove_dir_if_exists, sha256_file};

/// Debian's source package that `scripts/fetch-micropython-source.sh` fetches.
pub const DEBIAN_TARBALL_NAME: &str = "micropython_1.25.0+ds.orig.tar.xz";
pub const DEBIAN_TARBALL_SHA256: &str =
    "7b25be99a502f070b2de81dafc08da7051d992325d6e67daa9045a918fffdbea";
pub const DEBIAN_TARBALL_REF: &str = "1.25.0+ds";
/// Where the fetch script puts it, relative to the repository root.
pub const FETCHED_TARBALL_REL: &str = "third_party/debian/micropython_1.25.0+ds.orig.tar.xz";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TarballOrigin {
    /// Given with --source-tarball.
    Explicit,
    /// Found in third_party/debian/ (fetched by the script).
    Fetched,
}

/// Which source the build will use, decided from the arguments alone (plus
/// whether the fetched tarball exists) so that the order is testable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourcePlan {
    Dir(PathBuf),
    Tarball {
        path: PathBuf,
        origin: TarballOrigin,
    },
    Git {
        url: String,
        git_ref: String,
    },
}

/// Resolution order: --source-dir > --source-tarball > the fetched Debian
/// tarball > git. The fetched tarball is skipped when --repo-url or --ref ask
/// for something other than the default v1.25.0 release, since the tarball
/// could not honour them.
pub fn plan_source(
    args: &BuildArgs,
    cwd: &Path,
    repo_root: &Path,
    fetched_tarball_exists: bool,
) -> SourcePlan {
    if let Some(dir) = &args.source_dir {
        return SourcePlan::Dir(absolutize(cwd, dir));
    }
    if let Some(tarball) = &args.source_tarball {
        return SourcePlan::Tarball {
            path: absolutize(cwd, tarball),
            origin: TarballOrigin::Explicit,
        };
    }
    let git_is_default = args.repo_url == DEFAULT_REPO_URL && args.git_ref == DEFAULT_REF;
    if fetched_tarball_exists && git_is_default {
        return SourcePlan::Tarball {
            path: repo_root.join(FETCHED_TARBALL_REL),
            origin: TarballOrigin::Fetched,
        };
    }
    SourcePlan::Git {
        url: args.repo_url.clone(),
        git_ref: args.git_ref.clone(),
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MpVersion {
    pub major: u32,
    pub minor: u32,
    pub micro: u32,
    pub prerelease: bool,
}

impl MpVersion {
    pub fn number(&self) -> String {
        format!("{}.{}.{}", self.major, self.minor, self.micro)
    }

    /// The tag py/makeversionhdr.py derives from mpconfig.h.
    pub fn tag(&self) -> String {
        format!(
            "v{}{}",
            self.number(),
            if self.prerelease { "-preview" } else { "" }
        )
    }
}

/// Read MICROPY_VERSION_{MAJOR,MINOR,MICRO,PRERELEASE} from py/mpconfig.h text.
pub fn parse_mpconfig_version(text: &str) -> Result<MpVersion> {
    let field = |name: &str| -> Result<u32> {
        let prefix = format!("#define MICROPY_VERSION_{name} ");
        let line = text
            .lines()
            .find(|l| l.starts_with(&prefix))
            .with_context(|| format!("py/mpconfig.h has no MICROPY_VERSION_{name}"))?;
        let value = line[prefix.len()..].trim();
        value
            .parse()
            .with_context(|| format!("MICROPY_VERSION_{name} is not a number: `{value}`"))
    };
    Ok(MpVersion {
        major: field("MAJOR")?,
        minor: field("MINOR")?,
        micro: field("MICRO")?,
        prerelease: field("PRERELEASE")? != 0,
    })
}

/// The semver-style tag of a git checkout, as py/makeversionhdr.py makes it
/// from `git describe` ("v1.25.0", "v1.26.0-preview.12.gabcdef0").
pub fn tag_from_describe(describe: &str) -> Option<String> {
    let describe = describe.trim();
    if !describe.starts_with('v') {
        return None;
    }
    Some(match describe.split_once('-') {
        None => describe.to_string(),
        Some((base, rest)) => format!("{base}-{}", rest.replace('-', ".")),
    })
}

/// MICROPY_GIT_TAG for a shallow clone (no tags to describe): the mpconfig.h
/// tag, plus the commit when the ref is not that release tag.
pub fn tag_for_clone(version: &MpVersion, git_ref: &str, short_hash: &str) -> String {
    let base = version.tag();
    if git_ref == base || git_ref == format!("refs/tags/{base}") {
        base
    } else if version.prerelease {
        format!("{base}.g{short_hash}")
    } else {
        format!("{base}-g{short_hash}")
    }
}

#[derive(Debug, Clone)]
pub struct ResolvedSource {
    /// "dir", "debian-tarball", "tarball" or "git".
    pub kind: &'static str,
    pub dir: PathBuf,
    pub git_ref: Option<String>,
    pub url: Option<String>,
    pub tarball: Option<PathBuf>,
    pub tarball_sha256: Option<String>,
    pub commit: Option<String>,
    pub version: MpVersion,
    /// Passed as MICROPY_GIT_TAG / MICROPY_GIT_HASH so that
    /// py/makeversionhdr.py never runs `git describe` (an extracted tarball
    /// under .work/ would otherwise describe *this* repository).
    pub git_tag: String,
    pub git_hash: Option<String>,
    /// SOURCE_DATE_EPOCH for the build (the banner's build date).
    pub source_date_epoch: u64,
}

pub fn resolve(
    sh: &Shell,
    plan: &SourcePlan,
    work_dir: &Path,
    repo_root: &Path,
) -> Result<ResolvedSource> {
    match plan {
        SourcePlan::Dir(dir) => resolve_dir(sh, dir),
        SourcePlan::Tarball { path, origin } => {
            resolve_tarball(sh, path, *origin, work_dir, repo_root)
        }
        SourcePlan::Git { url, git_ref } => resolve_git(sh, url, git_ref, work_dir),
    }
}

fn read_version(dir: &Path) -> Result<MpVersion> {
    let mpconfig = dir.join("py/mpconfig.h");
    let text = fs::read_to_string(&mpconfig).with_context(|| {
        format!(
            "{} is not a MicroPython source tree (cannot read py/mpconfig.h)",
            dir.display()
        )
    })?;
    parse_mpconfig_version(&text).with_context(|| format!("in {}", mpconfig.display()))
}

/// SOURCE_DATE_EPOCH from the environment, if set to a number.
fn env_source_date_epoch() -> Option<u64> {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|v| v.trim().parse().ok())
}

/// The modification time of py/mpconfig.h: every file of a release tarball
/// carries the release time, and the file changes with every version bump.
fn mpconfig_mtime(dir: &Path) -> Result<u64> {
    let path = dir.join("py/mpconfig.h");
    let modified = fs::metadata(&path)
        .and_then(|m| m.modified())
        .with_context(|| format!("cannot read the mtime of {}", path.display()))?;
    Ok(modified
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0))
}

fn git_commit_time(sh: &Shell, dir: &Path) -> Result<u64> {
    let out = cmd!(sh, "git -C {dir} log -1 --format=%ct HEAD")
        .quiet()
        .read()
        .with_context(|| format!("git log failed in {}", dir.display()))?;
    out.trim()
        .parse()
        .with_context(|| format!("unexpected `git log` output `{out}`"))
}

fn resolve_dir(sh: &Shell, dir: &Path) -> Result<ResolvedSource> {
    if !dir.is_dir() {
        bail!("--source-dir {} is not a directory", dir.display());
    }
    let dir = fs::canonicalize(dir).with_context(|| format!("cannot resolve {}", dir.display()))?;
    let version = read_version(&dir)?;
    let mut git_tag = version.tag();
    let mut git_hash = None;
    let mut commit = None;
    let mut epoch = None;
    // Only the tree's own .git counts: a parent repository says nothing about it.
    if dir.join(".git").exists() {
        let describe = cmd!(
            sh,
            "git -C {dir} describe --tags --dirty --always --match v[1-9].*"
        )
        .quiet()
        .ignore_stderr()
        .read();
        let hash = cmd!(sh, "git -C {dir} rev-parse --short HEAD")
            .quiet()
            .ignore_stderr()
            .read();
        if let Ok(hash) = hash {
            git_tag = describe
                .ok()
                .and_then(|d| tag_from_describe(&d))
                .unwrap_or_else(|| tag_for_clone(&version, "", &hash));
            git_hash = Some(hash);
        }
        commit = cmd!(sh, "git -C {dir} rev-parse HEAD")
            .quiet()
            .ignore_stderr()
            .read()
            .ok();
        epoch = git_commit_time(sh, &dir).ok();
    }
    let source_date_epoch = match env_source_date_epoch().or(epoch) {
        Some(e) => e,
        None => mpconfig_mtime(&dir)?,
    };
    Ok(ResolvedSource {
        kind: "dir",
        dir,
        git_ref: None,
        url: None,
        tarball: None,
        tarball_sha256: None,
        commit,
        version,
        git_tag,
        git_hash,
        source_date_epoch,
    })
}

fn resolve_tarball(
    sh: &Shell,
    path: &Path,
    origin: TarballOrigin,
    work_dir: &Path,
    repo_root: &Path,
) -> Result<ResolvedSource> {
    if !path.is_file() {
        bail!("source tarball {} does not exist", path.display());
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if !(name.ends_with(".tar.gz")
        || name.ends_with(".tgz")
        || name.ends_with(".tar.xz")
        || name.ends_with(".txz"))
    {
        bail!(
            "{} is not a .tar.gz or .tar.xz tarball",
            display_rel(repo_root, path)
        );
    }
    eprintln!("==> hashing {}", display_rel(repo_root, path));
    let sha256 = sha256_file(path)?;
    let debian = name == DEBIAN_TARBALL_NAME;
    if debian && sha256 != DEBIAN_TARBALL_SHA256 {
        bail!(
            "{} has sha256 {sha256}, but Debian's micropython 1.25.0+ds-1 orig tarball has {DEBIAN_TARBALL_SHA256}; \
             delete it and run scripts/fetch-micropython-source.sh again",
            path.display()
        );
    }
    if origin == TarballOrigin::Fetched {
        eprintln!(
            "==> using the fetched Debian tarball {}",
            display_rel(repo_root, path)
        );
    }

    let dest = work_dir
        .join("src")
        .join(format!("tarball-{}", &sha256[..16]));
    let stamp = dest.join(".mpwasm-extracted");
    if !stamp.is_file() {
        let tmp = work_dir
            .join("src")
            .join(format!("tarball-{}.partial", &sha256[..16]));
        remove_dir_if_exists(&tmp)?;
        remove_dir_if_exists(&dest)?;
        fs::create_dir_all(&tmp).with_context(|| format!("cannot create {}", tmp.display()))?;
        eprintln!("==> extracting into {}", display_rel(repo_root, &dest));
        cmd!(sh, "tar -C {tmp} -xf {path}")
            .run()
            .with_context(|| format!("cannot extract {}", path.display()))?;
        fs::write(tmp.join(".mpwasm-extracted"), format!("{sha256}\n"))
            .context("cannot write the extraction stamp")?;
        fs::rename(&tmp, &dest)
            .with_context(|| format!("cannot move {} to {}", tmp.display(), dest.display()))?;
    }
    let dir = single_top_dir(&dest)?;
    let version = read_version(&dir)?;
    let source_date_epoch = match env_source_date_epoch() {
        Some(e) => e,
        None => mpconfig_mtime(&dir)?,
    };
    Ok(ResolvedSource {
        kind: if debian { "debian-tarball" } else { "tarball" },
        dir,
        git_ref: Some(if debian {
            DEBIAN_TARBALL_REF.to_string()
        } else {
            name
        }),
        url: None,
        tarball: Some(path.to_path_buf()),
        tarball_sha256: Some(sha256),
        commit: None,
        git_tag: version.tag(),
        version,
        git_hash: None,
        source_date_epoch,
    })
}

/// The tarball's top directory (`micropython-1.25.0/`), or the extraction
/// directory itself when the tarball has no single top directory.
fn single_top_dir(dest: &Path) -> Result<PathBuf> {
    let mut dirs = Vec::new();
    let mut others = 0;
    for entry in fs::read_dir(dest).with_context(|| format!("cannot list {}", dest.display()))? {
        let entry = entry.with_context(|| format!("cannot list {}", dest.display()))?;
        if entry.file_name() == ".mpwasm-extracted" {
            continue;
        }
        if entry.path().is_dir() {
            dirs.push(entry.path());
        } else {
            others += 1;
        }
    }
    match (dirs.pop(), dirs.is_empty(), others) {
        (Some(dir), true, 0) => Ok(dir),
        _ => Ok(dest.to_path_buf()),
    }
}

fn git_fetch_failed_help(url: &str, git_ref: &str) -> String {
    format!(
        "could not fetch `{git_ref}` from {url} (no network access to that host?).\n\
         To build without it, do one of:\n\
         \x20 1. run `bash scripts/fetch-micropython-source.sh` (downloads Debian's micropython \
         1.25.0 source package through apt into third_party/debian/), then retry \
         `cargo xtask build-artifact`, which picks that tarball up;\n\
         \x20 2. pass `--source-tarball PATH` with a MicroPython .tar.gz/.tar.xz source tarball;\n\
         \x20 3. pass `--source-dir PATH` with an unpacked MicroPython source tree."
    )
}

fn resolve_git(sh: &Shell, url: &str, git_ref: &str, work_dir: &Path) -> Result<ResolvedSource> {
    let key = util::sha256_bytes(format!("{url}\n{git_ref}\n").as_bytes());
    let dest = work_dir.join("src").join(format!("git-{}", &key[..16]));
    let stamp = dest.join(".git").join("mpwasm-source");
    let wanted = format!("{url}\n{git_ref}\n");
    if fs::read_to_string(&stamp).ok().as_deref() == Some(wanted.as_str()) {
        eprintln!("==> reusing the clone of {git_ref} in {}", dest.display());
    } else {
        remove_dir_if_exists(&dest)?;
        fs::create_dir_all(&dest).with_context(|| format!("cannot create {}", dest.display()))?;
        eprintln!("==> fetching {git_ref} from {url}");
        cmd!(sh, "git -c init.defaultBranch=main init -q {dest}")
            .run()
            .context("git init failed")?;
        // `git fetch URL REF` accepts tags, branches and refs such as
        // pull/N/head; the lib/ directories the build needs (re1.5, uzlib,
        // crypto-algorithms, libm_dbl) are ordinary directories upstream, so
        // no submodule is fetched.
        if let Err(e) = cmd!(sh, "git -C {dest} fetch --depth 1 {url} {git_ref}").run() {
            let _ = remove_dir_if_exists(&dest);
            return Err(anyhow::Error::new(e).context(git_fetch_failed_help(url, git_ref)));
        }
        cmd!(sh, "git -C {dest} checkout -q --detach FETCH_HEAD")
            .run()
            .context("git checkout of FETCH_HEAD failed")?;
        fs::write(&stamp, &wanted).context("cannot write the clone stamp")?;
    }
    let version = read_version(&dest)?;
    let commit = cmd!(sh, "git -C {dest} rev-parse HEAD")
        .quiet()
        .read()
        .context("git rev-parse HEAD failed")?;
    let short = cmd!(sh, "git -C {dest} rev-parse --short HEAD")
        .quiet()
        .read()
        .context("git rev-parse --short HEAD failed")?;
    let source_date_epoch = match env_source_date_epoch() {
        Some(e) => e,
        None => git_commit_time(sh, &dest)?,
    };
    Ok(ResolvedSource {
        kind: "git",
        dir: dest,
        git_ref: Some(git_ref.to_string()),
        url: Some(url.to_string()),
        tarball: None,
        tarball_sha256: None,
        commit: Some(commit),
        git_tag: tag_for_clone(&version, git_ref, &short),
        version,
        git_hash: Some(short),
        source_date_epoch,
    })
}

#[cfg(test)]
#[allow(clippy::expect_used, clippy::unwrap_used)]
mod tests {
    use super::*;

    fn plan(args: &BuildArgs, fetched: bool) -> SourcePlan {
        plan_source(args, Path::new("/cwd"), Path::new("/repo"), fetched)
    }

    #[test]
    fn source_dir_wins_over_everything() {
        let args = BuildArgs {
            source_dir: Some("src".into()),
            ..BuildArgs::default()
        };
        assert_eq!(plan(&args, true), SourcePlan::Dir("/cwd/src".into()));
    }

    #[test]
    fn tarball_wins_over_fetched_and_git() {
        let args = BuildArgs {
            source_tarball: Some("/t/mp.tar.xz".into()),
            ..BuildArgs::default()
        };
        assert_eq!(
            plan(&args, true),
            SourcePlan::Tarball {
                path: "/t/mp.tar.xz".into(),
                origin: TarballOrigin::Explicit
            }
        );
    }

    #[test]
    fn fetched_tarball_before_git() {
        assert_eq!(
            plan(&BuildArgs::default(), true),
            SourcePlan::Tarball {
                path: Path::new("/repo").join(FETCHED_TARBALL_REL),
                origin: TarballOrigin::Fetched
            }
        );
    }

    #[test]
    fn git_when_nothing_local() {
        assert_eq!(
            plan(&BuildArgs::default(), false),
            SourcePlan::Git {
                url: DEFAULT_REPO_URL.into(),
                git_ref: DEFAULT_REF.into()
            }
        );
    }

    #[test]
    fn explicit_ref_skips_fetched_tarball() {
        let args = BuildArgs {
            git_ref: "pull/1234/head".into(),
            ..BuildArgs::default()
        };
        assert_eq!(
            plan(&args, true),
            SourcePlan::Git {
                url: DEFAULT_REPO_URL.into(),
                git_ref: "pull/1234/head".into()
            }
        );
    }

    const MPCONFIG: &str = "#define MICROPY_VERSION_MAJOR 1\n#define MICROPY_VERSION_MINOR 25\n\
                            #define MICROPY_VERSION_MICRO 0\n#define MICROPY_VERSION_PRERELEASE 0\n";

    /// A minimal "source tree": just py/mpconfig.h.
    fn fake_tree(dir: &Path) {
        fs::create_dir_all(dir.join("py")).expect("mkdir");
        fs::write(dir.join("py/mpconfig.h"), MPCONFIG).expect("write");
    }

    #[test]
    fn tarball_is_extracted_once_and_described() {
        let tmp = tempfile::tempdir().expect("temp dir");
        fake_tree(&tmp.path().join("pkg/micropython-9.9"));
        let tarball = tmp.path().join("micropython-test.tar.gz");
        let sh = Shell::new().expect("shell");
        let (pkg, tb) = (tmp.path().join("pkg"), &tarball);
        cmd!(sh, "tar -C {pkg} -czf {tb} micropython-9.9")
            .quiet()
            .run()
            .expect("tar");
        let work = tmp.path().join("work");
        let plan = SourcePlan::Tarball {
            path: tarball.clone(),
            origin: TarballOrigin::Explicit,
        };
        let src = resolve(&sh, &plan, &work, tmp.path()).expect("resolves");
        assert_eq!(src.kind, "tarball");
        assert!(src.dir.ends_with("micropython-9.9"));
        assert!(src.dir.starts_with(work.join("src")));
        assert_eq!(src.version.number(), "1.25.0");
        assert_eq!(src.git_tag, "v1.25.0");
        assert_eq!(src.git_hash, None);
        assert_eq!(src.git_ref.as_deref(), Some("micropython-test.tar.gz"));
        assert_eq!(
            src.tarball_sha256.as_deref(),
            Some(sha256_file(&tarball).expect("hash").as_str())
        );
        // A second resolution reuses the extraction (the stamp is there).
        fs::write(src.dir.join("marker"), "kept").expect("write");
        let again = resolve(&sh, &plan, &work, tmp.path()).expect("resolves");
        assert_eq!(again.dir, src.dir);
        assert!(again.dir.join("marker").is_file());
    }

    #[test]
    fn debian_tarball_name_requires_the_pinned_hash() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let fake = tmp.path().join(DEBIAN_TARBALL_NAME);
        fs::write(&fake, "not the real tarball").expect("write");
        let sh = Shell::new().expect("shell");
        let plan = SourcePlan::Tarball {
            path: fake,
            origin: TarballOrigin::Fetched,
        };
        let err = resolve(&sh, &plan, &tmp.path().join("work"), tmp.path()).expect_err("must fail");
        assert!(format!("{err:#}").contains(DEBIAN_TARBALL_SHA256));
    }

    #[test]
    fn plain_dir_source() {
        let tmp = tempfile::tempdir().expect("temp dir");
        fake_tree(tmp.path());
        let sh = Shell::new().expect("shell");
        let src = resolve(
            &sh,
            &SourcePlan::Dir(tmp.path().to_path_buf()),
            tmp.path(),
            tmp.path(),
        )
        .expect("resolves");
        assert_eq!(src.kind, "dir");
        assert_eq!(src.git_tag, "v1.25.0");
        assert!(src.source_date_epoch > 0);
        let missing = SourcePlan::Dir(tmp.path().join("nope"));
        assert!(resolve(&sh, &missing, tmp.path(), tmp.path()).is_err());
    }

    #[test]
    fn mpconfig_version() {
        let text = "#define MICROPY_VERSION_MAJOR 1\n#define MICROPY_VERSION_MINOR 25\n\
                    #define MICROPY_VERSION_MICRO 0\n#define MICROPY_VERSION_PRERELEASE 0\n";
        let v = parse_mpconfig_version(text).expect("parses");
        assert_eq!(v.number(), "1.25.0");
        assert_eq!(v.tag(), "v1.25.0");
        let pre =
            parse_mpconfig_version(&text.replace("PRERELEASE 0", "PRERELEASE 1")).expect("parses");
        assert_eq!(pre.tag(), "v1.25.0-preview");
        assert!(parse_mpconfig_version("nothing here").is_err());
    }

    #[test]
    fn version_tags() {
        assert_eq!(tag_from_describe("v1.25.0\n").as_deref(), Some("v1.25.0"));
        assert_eq!(
            tag_from_describe("v1.26.0-preview-12-gabcdef0-dirty").as_deref(),
            Some("v1.26.0-preview.12.gabcdef0.dirty")
        );
        assert_eq!(tag_from_describe("abcdef0"), None);
        let release = MpVersion {
            major: 1,
            minor: 25,
            micro: 0,
            prerelease: false,
        };
        assert_eq!(tag_for_clone(&release, "v1.25.0", "abc"), "v1.25.0");
        assert_eq!(tag_for_clone(&release, "main", "abc"), "v1.25.0-gabc");
        let preview = MpVersion {
            prerelease: true,
            ..release
        };
        assert_eq!(
            tag_for_clone(&preview, "pull/1/head", "abc"),
            "v1.25.0-preview.gabc"
        );
    }
}
