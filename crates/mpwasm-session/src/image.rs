//! Session images: a VM's state as compact bytes.
//!
//! Layout (all integers little-endian):
//! ```text
//! "MPWSESS1"            magic
//! u32                   format version (2)
//! [u8; 64]              artifact sha256, hex
//! u64                   linear memory size in bytes
//! [u8; ceil(pages / 8)] bitmap: page differs from a freshly booted VM
//! ...                   LZ4 block (size-prepended) of those pages, in order
//! [u8; 32]              SHA-256 of everything before it
//! ```
//! Pages equal to the fresh VM's are left out, so an image holds only what
//! the session touched. The checksum makes any damage to the bytes an
//! error ([`ImageError::Checksum`]) instead of a silently different VM.

use mpwasm_abi::WASM_PAGE_SIZE as PAGE;
use mpwasm_core::Vm;
use sha2::{Digest, Sha256};

use crate::Error;

const MAGIC: &[u8; 8] = b"MPWSESS1";
const VERSION: u32 = 2;
const CHECKSUM_LEN: usize = 32;
/// wasm32 linear memory cannot exceed 4 GiB.
const MAX_MEMORY: u64 = 4 << 30;

/// Why bytes are not a usable session image.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ImageError {
    /// The bytes do not start with the image magic.
    #[error("not a session image (bad magic)")]
    BadMagic,
    /// The bytes end before the layout does.
    #[error("truncated image: {0}")]
    Truncated(&'static str),
    /// The checksum does not match: the bytes were damaged or altered.
    #[error("checksum mismatch: the image is damaged")]
    Checksum,
    /// Written by another version of the format.
    #[error("unsupported image version {0}")]
    UnsupportedVersion(u32),
    /// The artifact hash is not 64 hex digits.
    #[error("the artifact hash is not hex")]
    BadArtifactHash,
    /// A memory size no wasm32 guest can have.
    #[error("impossible memory size {0}")]
    ImpossibleMemorySize(u64),
    /// The page data does not hold what the bitmap says.
    #[error("page data holds {actual} bytes, the bitmap says {expected}")]
    PageDataSize {
        /// What the bitmap implies.
        expected: usize,
        /// What the data holds (or claims to).
        actual: usize,
    },
    /// The page data does not decompress.
    #[error("corrupt page data")]
    CorruptPageData(#[source] lz4_flex::block::DecompressError),
}

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
            .map_err(|_| ImageError::ImpossibleMemorySize(self.memory_len))?;
        let pages = len / PAGE;
        let expected = (0..pages).filter(|&i| bit(&self.changed, i)).count() * PAGE;
        // Check the size LZ4 will allocate before decompressing untrusted bytes.
        let claimed = self
            .compressed
            .get(..4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
            .ok_or(ImageError::Truncated("page data"))?;
        if claimed != expected {
            return Err(ImageError::PageDataSize {
                expected,
                actual: claimed,
            }
            .into());
        }
        let raw = lz4_flex::decompress_size_prepended(&self.compressed)
            .map_err(ImageError::CorruptPageData)?;
        if raw.len() != expected {
            return Err(ImageError::PageDataSize {
                expected,
                actual: raw.len(),
            }
            .into());
        }
        // The VM checks the size against its own memory and limit.
        let fresh_len = vm.linear_memory().len();
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
    #[must_use]
    pub fn artifact_sha256(&self) -> &str {
        &self.artifact_sha256
    }

    /// Linear memory size of the saved VM.
    #[must_use]
    pub fn memory_len(&self) -> u64 {
        self.memory_len
    }

    /// How many 64 KiB pages the image stores.
    #[must_use]
    pub fn changed_pages(&self) -> usize {
        self.changed.iter().map(|b| b.count_ones() as usize).sum()
    }

    /// The image as bytes (see the module docs for the layout).
    #[must_use]
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(
            8 + 4 + 64 + 8 + self.changed.len() + self.compressed.len() + CHECKSUM_LEN,
        );
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(self.artifact_sha256.as_bytes());
        out.extend_from_slice(&self.memory_len.to_le_bytes());
        out.extend_from_slice(&self.changed);
        out.extend_from_slice(&self.compressed);
        let checksum = Sha256::digest(&out);
        out.extend_from_slice(&checksum);
        out
    }

    /// Parse bytes written by [`SessionImage::to_bytes`].
    ///
    /// ```
    /// use mpwasm_session::{Error, ImageError, SessionImage};
    ///
    /// let not_an_image = SessionImage::from_bytes(b"not an image");
    /// assert!(matches!(not_an_image, Err(Error::InvalidImage(ImageError::BadMagic))));
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::InvalidImage`]: bad magic, truncation, a checksum mismatch
    /// (any damaged bit), another format version, or header values no image
    /// can have.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, Error> {
        Ok(Self::parse(bytes)?)
    }

    fn parse(bytes: &[u8]) -> Result<Self, ImageError> {
        let rest = bytes
            .strip_prefix(MAGIC.as_slice())
            .ok_or(ImageError::BadMagic)?;
        let (body, checksum) = bytes
            .split_at_checked(bytes.len().saturating_sub(CHECKSUM_LEN))
            .filter(|_| rest.len() >= CHECKSUM_LEN)
            .ok_or(ImageError::Truncated("checksum"))?;
        if Sha256::digest(body).as_slice() != checksum {
            return Err(ImageError::Checksum);
        }
        let rest = &rest[..rest.len() - CHECKSUM_LEN];
        let (version, rest) = rest
            .split_at_checked(4)
            .ok_or(ImageError::Truncated("header"))?;
        let version = u32::from_le_bytes([version[0], version[1], version[2], version[3]]);
        if version != VERSION {
            return Err(ImageError::UnsupportedVersion(version));
        }
        let (sha, rest) = rest
            .split_at_checked(64)
            .ok_or(ImageError::Truncated("header"))?;
        let sha = std::str::from_utf8(sha)
            .ok()
            .filter(|s| s.bytes().all(|b| b.is_ascii_hexdigit()))
            .ok_or(ImageError::BadArtifactHash)?;
        let (len, rest) = rest
            .split_at_checked(8)
            .ok_or(ImageError::Truncated("header"))?;
        let mut len_bytes = [0u8; 8];
        len_bytes.copy_from_slice(len);
        let memory_len = u64::from_le_bytes(len_bytes);
        if memory_len > MAX_MEMORY || memory_len % PAGE as u64 != 0 {
            return Err(ImageError::ImpossibleMemorySize(memory_len));
        }
        let pages = (memory_len / PAGE as u64) as usize;
        let (changed, compressed) = rest
            .split_at_checked(pages.div_ceil(8))
            .ok_or(ImageError::Truncated("bitmap"))?;
        Ok(SessionImage {
            artifact_sha256: sha.to_owned(),
            memory_len,
            changed: changed.to_vec(),
            compressed: compressed.to_vec(),
        })
    }
}
