//! A bounded, truncating capture for the guest's stdout and stderr, with an
//! optional callback that sees the captured bytes as the guest writes them.
//!
//! wasmtime-wasi's `MemoryOutputPipe` traps when full; a sandbox wants to keep
//! running (or fail for its own reasons) and report that output was cut.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::{Context, Poll};

use wasmtime_wasi::cli::{IsTerminal, StdoutStream};
use wasmtime_wasi::p2::{OutputStream, Pollable, StreamError};

/// Which of the guest's output streams a chunk was written to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Stream {
    /// `sys.stdout` (`print`).
    Stdout,
    /// `sys.stderr`.
    Stderr,
}

impl Stream {
    /// `"stdout"` or `"stderr"`.
    ///
    /// ```
    /// assert_eq!(mpwasm_core::Stream::Stderr.name(), "stderr");
    /// ```
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Stream::Stdout => "stdout",
            Stream::Stderr => "stderr",
        }
    }

    fn index(self) -> usize {
        match self {
            Stream::Stdout => 0,
            Stream::Stderr => 1,
        }
    }
}

impl std::fmt::Display for Stream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// When the output callback ([`crate::RunOptions::on_output`]) is called.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum OutputBuffering {
    /// Once per complete line (the newline included), and with the rest
    /// when the run ends: what a UI printing lines wants.
    #[default]
    Line,
    /// Once per write of the guest, as written (a line may come in pieces,
    /// a UTF-8 character may be split between two chunks).
    Unbuffered,
}

/// What an output callback returns when it cannot take more output; the run
/// then stops ([`crate::Error::OutputCallback`]).
pub type OutputCallbackResult = Result<(), Box<dyn std::error::Error + Send + Sync>>;

/// The closure an [`OutputCallback`] shares between the runs it is set for.
type OutputFn = dyn Fn(Stream, &[u8]) -> OutputCallbackResult + Send + Sync;

/// The output callback of a run (see [`crate::RunOptions::on_output`]).
#[derive(Clone)]
pub struct OutputCallback(Arc<OutputFn>);

impl OutputCallback {
    /// Wrap a closure.
    pub fn new(f: impl Fn(Stream, &[u8]) -> OutputCallbackResult + Send + Sync + 'static) -> Self {
        OutputCallback(Arc::new(f))
    }
}

impl std::fmt::Debug for OutputCallback {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("OutputCallback")
    }
}

/// Why an output callback stopped a run.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum OutputCallbackError {
    /// The callback returned an error.
    #[error("the output callback failed on {stream}")]
    Failed {
        /// The stream of the chunk it refused.
        stream: Stream,
        /// What it returned.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// The callback panicked (caught: the host is not taken down).
    #[error("the output callback panicked on {stream}: {message}")]
    Panicked {
        /// The stream of the chunk it was given.
        stream: Stream,
        /// The panic's message, when it was a string.
        message: String,
    },
}

#[derive(Default)]
struct Captured {
    bytes: Vec<u8>,
    limit: usize,
    truncated: bool,
    callback: Option<OutputCallback>,
    buffering: OutputBuffering,
    /// Captured bytes not yet given to a line-buffered callback, per stream.
    pending: [Vec<u8>; 2],
    /// The first failure of the callback in this run; it is not called again.
    failure: Option<OutputCallbackError>,
}

/// Output stream that keeps the first `limit` bytes and drops the rest,
/// remembering that it did. Clones share the capture; merged streams
/// (`stderr_to_stdout`) are two clones with their own [`Stream`] tag, so
/// the callback still learns which stream each chunk came from.
#[derive(Clone)]
pub(crate) struct BoundedOutput {
    inner: Arc<Mutex<Captured>>,
    stream: Stream,
    /// Raised when the callback fails, for the run's control to stop the
    /// guest at its next safe point.
    failed: Arc<AtomicBool>,
}

impl std::fmt::Debug for BoundedOutput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BoundedOutput")
            .field("stream", &self.stream)
            .finish_non_exhaustive()
    }
}

impl BoundedOutput {
    pub(crate) fn new(limit: usize, stream: Stream, failed: Arc<AtomicBool>) -> Self {
        let out = BoundedOutput {
            inner: Arc::default(),
            stream,
            failed,
        };
        out.lock().limit = limit;
        out
    }

    /// A clone writing into the same capture, tagged as `stream`.
    pub(crate) fn as_stream(&self, stream: Stream) -> Self {
        BoundedOutput {
            stream,
            ..self.clone()
        }
    }

    fn lock(&self) -> MutexGuard<'_, Captured> {
        // A poisoned lock only means another writer panicked mid-append; the
        // bytes are still a valid prefix.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Set (or remove) the callback for later runs.
    pub(crate) fn set_callback(
        &self,
        callback: Option<OutputCallback>,
        buffering: OutputBuffering,
    ) {
        let mut c = self.lock();
        c.callback = callback;
        c.buffering = buffering;
    }

    fn append(&self, data: &[u8]) {
        let mut c = self.lock();
        let room = c.limit.saturating_sub(c.bytes.len());
        if data.len() > room {
            c.truncated = true;
        }
        let keep = &data[..data.len().min(room)];
        c.bytes.extend_from_slice(keep);
        // The callback sees what is captured, no more: the cap holds for it.
        if keep.is_empty() || c.failure.is_some() {
            return;
        }
        let Some(callback) = c.callback.clone() else {
            return;
        };
        let chunk = match c.buffering {
            OutputBuffering::Unbuffered => keep.to_vec(),
            OutputBuffering::Line => {
                let pending = &mut c.pending[self.stream.index()];
                pending.extend_from_slice(keep);
                match pending.iter().rposition(|&b| b == b'\n') {
                    Some(end) => pending.drain(..=end).collect(),
                    None => return,
                }
            }
        };
        // Not under the lock: the callback may take its time (or write to a
        // terminal that blocks), and it must not see a half-updated capture.
        drop(c);
        self.deliver(&callback, &chunk);
    }

    fn deliver(&self, callback: &OutputCallback, chunk: &[u8]) {
        let stream = self.stream;
        let failure = match catch_unwind(AssertUnwindSafe(|| (callback.0)(stream, chunk))) {
            Ok(Ok(())) => return,
            Ok(Err(source)) => OutputCallbackError::Failed { stream, source },
            Err(panic) => OutputCallbackError::Panicked {
                stream,
                message: panic_message(panic.as_ref()),
            },
        };
        let mut c = self.lock();
        if c.failure.is_none() {
            c.failure = Some(failure);
        }
        self.failed.store(true, Ordering::Release);
    }

    /// Give a line-buffered callback what is left of both streams (the end
    /// of a run).
    pub(crate) fn flush_pending(&self) {
        for stream in [Stream::Stdout, Stream::Stderr] {
            let (callback, chunk) = {
                let mut c = self.lock();
                let chunk = std::mem::take(&mut c.pending[stream.index()]);
                if c.failure.is_some() || chunk.is_empty() {
                    continue;
                }
                match c.callback.clone() {
                    Some(callback) => (callback, chunk),
                    None => continue,
                }
            };
            self.as_stream(stream).deliver(&callback, &chunk);
        }
    }

    /// The callback's failure in this run, if any (taken: the next run
    /// starts clean).
    pub(crate) fn take_failure(&self) -> Option<OutputCallbackError> {
        self.failed.store(false, Ordering::Release);
        self.lock().failure.take()
    }

    /// Take what was captured so far and start again with a new limit.
    pub(crate) fn take(&self, next_limit: usize) -> (Vec<u8>, bool) {
        let mut c = self.lock();
        let bytes = std::mem::take(&mut c.bytes);
        let truncated = std::mem::replace(&mut c.truncated, false);
        c.limit = next_limit;
        c.pending = Default::default();
        (bytes, truncated)
    }
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = panic.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = panic.downcast_ref::<String>() {
        s.clone()
    } else {
        "a panic without a message".to_owned()
    }
}
impl IsTerminal for BoundedOutput {
    fn is_terminal(&self) -> bool {
        false
    }
}

impl StdoutStream for BoundedOutput {
    fn p2_stream(&self) -> Box<dyn OutputStream> {
        Box::new(self.clone())
    }

    fn async_stream(&self) -> Box<dyn tokio::io::AsyncWrite + Send + Sync> {
        Box::new(self.clone())
    }
}

#[async_trait::async_trait]
impl OutputStream for BoundedOutput {
    fn write(&mut self, bytes: bytes::Bytes) -> Result<(), StreamError> {
        self.append(&bytes);
        Ok(())
    }

    fn flush(&mut self) -> Result<(), StreamError> {
        Ok(())
    }

    fn check_write(&mut self) -> Result<usize, StreamError> {
        // Always accept: excess is dropped, not refused, so the guest never
        // blocks or errors on a full capture.
        Ok(usize::MAX / 2)
    }
}

#[async_trait::async_trait]
impl Pollable for BoundedOutput {
    async fn ready(&mut self) {}
}

impl tokio::io::AsyncWrite for BoundedOutput {
    fn poll_write(
        self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        self.append(buf);
        Poll::Ready(Ok(buf.len()))
    }

    fn poll_flush(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Poll::Ready(Ok(()))
    }

    fn poll_shutdown(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Poll::Ready(Ok(()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn output(limit: usize) -> BoundedOutput {
        BoundedOutput::new(limit, Stream::Stdout, Arc::default())
    }

    #[test]
    fn keeps_prefix_and_flags_truncation() {
        let out = output(5);
        out.append(b"abc");
        out.append(b"defg");
        let (bytes, truncated) = out.take(10);
        assert_eq!(bytes, b"abcde");
        assert!(truncated);
        out.append(b"0123456789");
        assert_eq!(out.take(0), (b"0123456789".to_vec(), false));
    }

    type Seen = Arc<Mutex<Vec<(Stream, Vec<u8>)>>>;

    fn recording(out: &BoundedOutput, buffering: OutputBuffering) -> Seen {
        let seen: Seen = Arc::default();
        let sink = seen.clone();
        out.set_callback(
            Some(OutputCallback::new(move |stream, chunk| {
                sink.lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .push((stream, chunk.to_vec()));
                Ok(())
            })),
            buffering,
        );
        seen
    }

    fn chunks(seen: &Seen) -> Vec<(Stream, Vec<u8>)> {
        seen.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    #[test]
    fn line_buffering_per_stream_within_the_cap() {
        let out = output(12);
        let err = out.as_stream(Stream::Stderr);
        let seen = recording(&out, OutputBuffering::Line);
        out.append(b"ab");
        err.append(b"x\ny");
        out.append(b"c\nd");
        assert_eq!(
            chunks(&seen),
            [
                (Stream::Stderr, b"x\n".to_vec()),
                (Stream::Stdout, b"abc\n".to_vec())
            ]
        );
        // Beyond the cap nothing reaches the callback either.
        out.append(b"efghijk\n");
        out.flush_pending();
        let all = chunks(&seen);
        assert_eq!(
            all[2..],
            [
                (Stream::Stdout, b"defgh".to_vec()),
                (Stream::Stderr, b"y".to_vec())
            ]
        );
        assert_eq!(out.take(12), (b"abx\nyc\ndefgh".to_vec(), true));
    }

    #[test]
    fn unbuffered_gives_each_write() {
        let out = output(100);
        let seen = recording(&out, OutputBuffering::Unbuffered);
        out.append(b"a");
        out.append(b"b\nc");
        assert_eq!(
            chunks(&seen),
            [
                (Stream::Stdout, b"a".to_vec()),
                (Stream::Stdout, b"b\nc".to_vec())
            ]
        );
    }

    #[test]
    fn a_panicking_callback_is_caught_and_not_called_again() {
        let failed = Arc::new(AtomicBool::new(false));
        let out = BoundedOutput::new(100, Stream::Stdout, failed.clone());
        let calls = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counter = calls.clone();
        out.set_callback(
            Some(OutputCallback::new(move |_, _| {
                counter.fetch_add(1, Ordering::SeqCst);
                panic!("boom")
            })),
            OutputBuffering::Unbuffered,
        );
        out.append(b"one");
        out.append(b"two");
        assert!(failed.load(Ordering::Acquire));
        assert_eq!(calls.load(Ordering::SeqCst), 1);
        assert!(matches!(
            out.take_failure(),
            Some(OutputCallbackError::Panicked { stream: Stream::Stdout, message }) if message == "boom"
        ));
        // Capture is unaffected.
        assert_eq!(out.take(0).0, b"onetwo");
    }
}
