//! A bounded, truncating capture for the guest's stdout and stderr.
//!
//! wasmtime-wasi's `MemoryOutputPipe` traps when full; a sandbox wants to keep
//! running (or fail for its own reasons) and report that output was cut.

use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::{Context, Poll};

use wasmtime_wasi::cli::{IsTerminal, StdoutStream};
use wasmtime_wasi::p2::{OutputStream, Pollable, StreamError};

#[derive(Debug, Default)]
struct Captured {
    bytes: Vec<u8>,
    limit: usize,
    truncated: bool,
}

/// Output stream that keeps the first `limit` bytes and drops the rest,
/// remembering that it did.
#[derive(Debug, Clone, Default)]
pub(crate) struct BoundedOutput {
    inner: Arc<Mutex<Captured>>,
}

impl BoundedOutput {
    pub(crate) fn new(limit: usize) -> Self {
        let out = BoundedOutput::default();
        out.lock().limit = limit;
        out
    }

    fn lock(&self) -> MutexGuard<'_, Captured> {
        // A poisoned lock only means another writer panicked mid-append; the
        // bytes are still a valid prefix.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn append(&self, data: &[u8]) {
        let mut c = self.lock();
        let room = c.limit.saturating_sub(c.bytes.len());
        if data.len() > room {
            c.truncated = true;
        }
        let keep = data.len().min(room);
        c.bytes.extend_from_slice(&data[..keep]);
    }

    /// Take what was captured so far and start again with a new limit.
    pub(crate) fn take(&self, next_limit: usize) -> (Vec<u8>, bool) {
        let mut c = self.lock();
        let bytes = std::mem::take(&mut c.bytes);
        let truncated = std::mem::replace(&mut c.truncated, false);
        c.limit = next_limit;
        (bytes, truncated)
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

    #[test]
    fn keeps_prefix_and_flags_truncation() {
        let out = BoundedOutput::new(5);
        out.append(b"abc");
        out.append(b"defg");
        let (bytes, truncated) = out.take(10);
        assert_eq!(bytes, b"abcde");
        assert!(truncated);
        out.append(b"0123456789");
        assert_eq!(out.take(0), (b"0123456789".to_vec(), false));
    }
}
