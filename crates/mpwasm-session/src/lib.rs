//! MicroPython sessions on the mpwasm sandbox: state that lives across snippets.
//!
//! - [`Session`]: one live VM; every [`Session::run`] executes in the same
//!   globals, so variables, imports, functions and objects persist and side
//!   effects happen once. No thread, no polling: each run is a direct call
//!   into the guest. Limits apply per run. [`Session::snapshot`] saves the
//!   whole VM as a compact [`SessionImage`] that [`Session::restore`] brings
//!   back, in this process or another one.
//! - [`ReplaySession`]: a fresh VM per run that first replays the earlier
//!   successful snippets (for code whose state cannot be kept live).
//!
//! ```
//! use mpwasm_core::Runtime;
//! use mpwasm_session::Session;
//!
//! let runtime = Runtime::new()?;
//! let mut session = Session::new(&runtime);
//! session.run("x = 10")?;
//! session.run("x += 5")?;
//! assert_eq!(session.run("print(x * 2)")?.stdout_str(), "30\n");
//!
//! // Save it, and bring it back later (here: in the same process).
//! let image = session.snapshot()?;
//! let mut restored = Session::restore(&runtime, &image)?;
//! assert_eq!(restored.run("print(x)")?.stdout_str(), "15\n");
//! # Ok::<(), mpwasm_session::Error>(())
//! ```

mod image;
mod replay;
mod resident;

pub use image::{ImageError, SessionImage};
pub use replay::ReplaySession;
pub use resident::Session;

/// Session errors: a run's own error, or a session state that forbids running.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The snippet failed (exception, limit, exit...); see [`mpwasm_core::Error`].
    #[error(transparent)]
    Run(#[from] mpwasm_core::Error),
    /// The session was closed.
    #[error("the session is closed")]
    SessionClosed,
    /// An earlier run trapped (fuel, timeout, stack, ...), which can leave
    /// the VM inconsistent; call [`Session::reset`] to start a fresh VM.
    #[error(
        "the session is poisoned: an earlier run ended with {cause}; call reset() to start a fresh VM"
    )]
    Poisoned {
        /// The kind of trap.
        cause: mpwasm_core::TrapKind,
    },
    /// A host function could not be registered.
    #[error(transparent)]
    Register(#[from] mpwasm_host::RegisterError),
    /// The bytes are not a usable session image.
    #[error("invalid session image: {0}")]
    InvalidImage(#[from] ImageError),
    /// The image was taken with a different guest artifact.
    #[error("session image is for artifact {image_sha256}, but this runtime runs {runtime_sha256}")]
    ArtifactMismatch {
        /// Artifact hash recorded in the image.
        image_sha256: String,
        /// Artifact hash of the runtime.
        runtime_sha256: String,
    },
}

/// The repository README's code blocks, compiled and run as doctests so the
/// quick start cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
struct ReadmeDoctests;

/// This crate's README examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct CrateReadmeDoctests;
