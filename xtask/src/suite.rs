//! `cargo xtask test`: the lint gates, then the whole test suite.
//!
//! CI (`.ci/run`) runs only this command, so everything that must stay
//! clean is checked here, cheapest first, each failing with the command
//! that shows or fixes the problem.

use anyhow::{Context, Result};
use xshell::{Shell, cmd};

use crate::build::Ctx;

/// One lint gate: what it checks and how to see or fix a failure.
struct Gate {
    what: &'static str,
    fix: &'static str,
}

const FMT: Gate = Gate {
    what: "cargo fmt --all --check",
    fix: "run `cargo fmt --all`",
};
const CODEGEN: Gate = Gate {
    what: "cargo xtask codegen --check",
    fix: "run `cargo xtask codegen`",
};
const CLIPPY: Gate = Gate {
    what: "cargo clippy --workspace --all-targets -- -D warnings",
    fix: "fix what `cargo clippy --workspace --all-targets -- -D warnings` reports",
};
const RUSTDOC: Gate = Gate {
    what: "RUSTDOCFLAGS='-D warnings' cargo doc --workspace --no-deps",
    fix: "fix what `RUSTDOCFLAGS='-D warnings' cargo doc --workspace --no-deps` reports",
};

fn gate(gate: &Gate, check: impl FnOnce() -> Result<()>) -> Result<()> {
    eprintln!("==> {}", gate.what);
    check().with_context(|| format!("`{}` failed: {}", gate.what, gate.fix))
}

/// fmt, the generated header, clippy and rustdoc, in that order; the
/// artifact is made fresh before clippy, since `mpwasm-guest` embeds it.
pub fn lint(sh: &Shell, ctx: &Ctx) -> Result<()> {
    gate(&FMT, || Ok(cmd!(sh, "cargo fmt --all --check").run()?))?;
    gate(&CODEGEN, || crate::codegen::run(&ctx.repo_root, true))?;
    crate::ensure_for_use(sh, ctx)?;
    gate(&CLIPPY, || {
        Ok(cmd!(sh, "cargo clippy --workspace --all-targets -- -D warnings").run()?)
    })?;
    gate(&RUSTDOC, || {
        Ok(cmd!(sh, "cargo doc --workspace --no-deps")
            .env("RUSTDOCFLAGS", "-D warnings")
            .run()?)
    })
}

/// Lint (which makes the artifact fresh), `cargo test --workspace` with
/// `rest` appended, the Python package's pytest suite against its installed
/// wheel, then the crates as a user gets them: packaged and used
/// from a crate outside the repository with `artifacts/` moved away.
pub fn run(sh: &Shell, ctx: &Ctx, rest: &[String]) -> Result<()> {
    lint(sh, ctx)?;
    cmd!(sh, "cargo test --workspace {rest...}")
        .run()
        .context("the test suite failed")?;
    crate::wheel::test(sh, ctx)?;
    crate::package::run(
        sh,
        ctx,
        crate::package::PackageArgs {
            // The outside build compiles every unpacked package once, in
            // the workspace's target directory; cargo's verification
            // would compile wasmtime again per package.
            no_verify: true,
            outside: true,
            install: false,
        },
    )
    .context("the packaged crates do not work outside the repository")
}
