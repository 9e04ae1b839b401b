//! Session images: a VM's state as compact bytes.
//!
//! Layout (all integers little-endian):
//! ```text
//! "MPWSESS1"            magic
//! u32                   format version (1)
//! [u8; 64]              artifact sha256, hex
//! u64                   linear memory size in bytes
//! [u8; ceil(pages / 8)] bitmap: page differs from a freshly booted VM
//! ...                   LZ4 block (size-prepended) of those pages, in order
//! ```
//! Pages equal to the fresh VM's are left out, so an image holds only what
//! the session touched.

use mpwasm_core::Vm;

use crate::Error;

const MAGIC: &[u8; 8] = b"MPWSESS1";
const VERSION: u32 = 1;
const PAGE: usize = 65536;
/// wasm32 linear memory cannot exceed 4 GiB.
const MAX_MEMORY: u64 = 4 << 30;

/// A saved session: write [`SessionImage::to_bytes`] anywhere and load it
/// with [`SessionImage::from_bytes`] in any process that has the same artifact.
#[derive(Clone, PartialEq, Eq)]
pub struct SessionImage {
    artifact_sha256: String,
    memory_len: u64,
    changed: Vec<u8>,
    compressed: Vec<u8>,
}

impl std::fmt::Debug for SessionImage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SessionImage")
            .field("artifact_sha256", &self.artifact_sha256)
            .field("memory_len", &self.memory_len)
            .field("changed_pages", &self.changed_pages())
            .field("compressed_len", &self.compressed.len())
            .finish()
    }
}

fn bit(bitmap: &[u8], i: usize) -> bool {
    bitmap.get(i / 8).is_some_and(|b| b & (1 << (i % 8)) != 0)
}

impl SessionImage {
    /// Capture `memory`, storing only the pages that differ from `fresh`.
    pub(crate) fn capture(artifact_sha256: &str, memory: &[u8], fresh: &[u8]) -> Self {
        let pages = memory.len().div_ceil(PAGE);
        let mut changed = vec![0u8; pages.div_ceil(8)];
        let mut raw = Vec::new();
        for (i, page) in memory.chunks(PAGE).enumerate() {
            let base = fresh.get(i * PAGE..(i * PAGE + page.len()));
            let same = match base {
                Some(b) => b == page,
                None => page.iter().all(|&x| x == 0),
            };
            if !same {
                changed[i / 8] |= 1 << (i % 8);
                raw.extend_from_slice(page);
            }
        }
        SessionImage {
            artifact_sha256: artifact_sha256.to_owned(),
            memory_len: memory.len() as u64,
            changed,
            compressed: lz4_flex::compress_prepend_size(&raw),
        }
    }

    /// Replace the memory of a freshly created `vm` with this image.
    pub(crate) fn write_into(&self, vm: &mut Vm) -> Result<(), Error> {
        let len = usize::try_from(self.memory_len)
            .map_err(|_| Error::InvalidImage("memory too large".into()))?;
        let pages = len / PAGE;
        let expected = (0..pages).filter(|&i| bit(&self.changed, i)).count() * PAGE;
        // Check the size LZ4 will allocate before decompressing untrusted bytes.
        let claimed = self
            .compressed
            .get(..4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize);
        if claimed != Some(expected) {
            return Err(Error::InvalidImage(
                "page data size does not match the bitmap".into(),
            ));
        }
        let raw = lz4_flex::decompress_size_prepended(&self.compressed)
            .map_err(|e| Error::InvalidImage(format!("corrupt page data: {e}")))?;
        if raw.len() != expected {
            return Err(Error::InvalidImage(format!(
                "page data holds {} bytes, the bitmap says {expected}",
                raw.len()
            )));
        }
        let fresh_len = vm.linear_memory().len();
        if len < fresh_len {
            return Err(Error::InvalidImage(format!(
                "image memory ({len} bytes) is smaller than a fresh VM's ({fresh_len} bytes)"
            )));
        }
        let changed = &self.changed;
        vm.restore_linear_memory(len, |mem| {
            let mut src = raw.chunks(PAGE);
            for (i, page) in mem.chunks_mut(PAGE).enumerate() {
                if bit(changed, i) {
                    if let Some(data) = src.next() {
                        page.copy_from_slice(data);
                    }
                } else if i * PAGE >= fresh_len {
                    // Grown pages start zeroed; unchanged means zero here.
                    page.fill(0);
                }
            }
        })?;
        Ok(())
    }

    /// SHA-256 (hex) of the artifact the image was taken with.
    pub fn artifact_sha256(&self) -> &str {
        &self.artifact_sha256
    }

    /// Linear memory size of the saved VM.
    pub fn memory_len(&self) -> u64 {
        self.memory_len
    }

    /// How many 64 KiB pages the image stores.
    pub fn changed_pages(&self) -> usize {
        self.changed.iter().map(|b| b.count_ones() as usize).sum()
    }

    /// The image as bytes (see the module docs for the layout).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out =
            Vec::with_capacity(8 + 4 + 64 + 8 + self.changed.len() + self.compressed.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(self.artifact_sha256.as_bytes());
        out.extend_from_slice(&self.memory_len.to_le_bytes());
        out.extend_from_slice(&self.changed);
        out.extend_from_slice(&self.compressed);
        out
    }

    /// Parse bytes written by [`SessionImage::to_bytes`].
    ///
    /// ```
    /// use mpwasm_session::{Error, SessionImage};
    ///
    /// assert!(matches!(SessionImage::from_bytes(b"not an image"), Err(Error::InvalidImage(_))));
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, Error> {
        let bad = |what: &str| Error::InvalidImage(what.to_owned());
        let rest = bytes
            .strip_prefix(MAGIC.as_slice())
            .ok_or_else(|| bad("not a session image (bad magic)"))?;
        let (version, rest) = rest
            .split_at_checked(4)
            .ok_or_else(|| bad("truncated header"))?;
        let version = u32::from_le_bytes([version[0], version[1], version[2], version[3]]);
        if version != VERSION {
            return Err(Error::InvalidImage(format!(
                "unsupported image version {version}"
            )));
        }
        let (sha, rest) = rest
            .split_at_checked(64)
            .ok_or_else(|| bad("truncated header"))?;
        let sha = std::str::from_utf8(sha)
            .ok()
            .filter(|s| s.bytes().all(|b| b.is_ascii_hexdigit()))
            .ok_or_else(|| bad("artifact hash is not hex"))?;
        let (len, rest) = rest
            .split_at_checked(8)
            .ok_or_else(|| bad("truncated header"))?;
        let mut len_bytes = [0u8; 8];
        len_bytes.copy_from_slice(len);
        let memory_len = u64::from_le_bytes(len_bytes);
        if memory_len > MAX_MEMORY || memory_len % PAGE as u64 != 0 {
            return Err(Error::InvalidImage(format!(
                "impossible memory size {memory_len}"
            )));
        }
        let pages = (memory_len / PAGE as u64) as usize;
        let (changed, compressed) = rest
            .split_at_checked(pages.div_ceil(8))
            .ok_or_else(|| bad("truncated bitmap"))?;
        Ok(SessionImage {
            artifact_sha256: sha.to_owned(),
            memory_len,
            changed: changed.to_vec(),
            compressed: compressed.to_vec(),
        })
    }
}
