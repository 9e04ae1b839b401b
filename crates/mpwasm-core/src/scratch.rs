//! The writable scratch folder at `/output`, with quotas.
//!
//! wasmtime-wasi mounts the folder like `/input` (its cap-std path
//! resolution already refuses `..` leading out, absolute paths and
//! symlinks that point out), but it has no hook for quotas. So the few WASI
//! calls that create or grow something under `/output` are shadowed in the
//! linker by wrappers that check the quota and then call wasmtime-wasi's own
//! function (looked up once per store in a WASI-only linker). Everything
//! else, and every call on a descriptor outside `/output`, goes straight to
//! wasmtime-wasi. Hard links and symlinks are refused under `/output`
//! outright: a link is the one way to make a path there name a file that is
//! not the guest's own (a hard link to an `/input` file, written through
//! `/output`, would change the host's file), and nothing a scratch folder is
//! for needs them.
//!
//! The wrappers keep a host handle on every file the guest opens there
//! (opened through a path checked to lie inside the folder) to read its size
//! without trusting the guest, and to undo a write that made it too large.

use std::collections::HashMap;
use std::fs::File;
use std::path::{Component, Path, PathBuf};

use wasmtime::{AsContextMut, Caller, Extern, Linker};
use wasmtime_wasi::p1::types as p1_types;
use wasmtime_wasi::p1::wasi_snapshot_preview1::{self as p1_abi, WasiSnapshotPreview1 as _};

use crate::vm::StoreState;

/// Quotas of the writable folder ([`crate::RunOptions::writable_dir`]),
/// for the life of the VM (a session's runs share them): bytes the guest
/// writes (rewritten bytes count again), files and directories it creates
/// (a deleted file still counts), and the size of any one file.
///
/// ```
/// let mut quota = mpwasm_core::WritableQuota::new();
/// quota.max_bytes_written(1 << 20).max_files(10).max_file_bytes(64 << 10);
/// assert_eq!(quota.get_max_files(), 10);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WritableQuota {
    max_bytes_written: u64,
    max_files: u64,
    max_file_bytes: u64,
}

impl Default for WritableQuota {
    fn default() -> Self {
        WritableQuota {
            max_bytes_written: Self::DEFAULT_MAX_BYTES_WRITTEN,
            max_files: Self::DEFAULT_MAX_FILES,
            max_file_bytes: Self::DEFAULT_MAX_FILE_BYTES,
        }
    }
}

impl WritableQuota {
    /// Default of [`WritableQuota::max_bytes_written`]: 64 MiB.
    pub const DEFAULT_MAX_BYTES_WRITTEN: u64 = 64 << 20;
    /// Default of [`WritableQuota::max_files`]: 1000.
    pub const DEFAULT_MAX_FILES: u64 = 1000;
    /// Default of [`WritableQuota::max_file_bytes`]: 16 MiB.
    pub const DEFAULT_MAX_FILE_BYTES: u64 = 16 << 20;

    /// The default quotas.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Bytes the guest may write in all (beyond: `OSError` `ENOSPC`).
    pub fn max_bytes_written(&mut self, bytes: u64) -> &mut Self {
        self.max_bytes_written = bytes;
        self
    }

    /// Files and directories the guest may create (beyond: `EDQUOT`).
    pub fn max_files(&mut self, files: u64) -> &mut Self {
        self.max_files = files;
        self
    }

    /// The largest size of one file (beyond: `EFBIG`).
    pub fn max_file_bytes(&mut self, bytes: u64) -> &mut Self {
        self.max_file_bytes = bytes;
        self
    }

    /// Bytes the guest may write in all.
    #[must_use]
    pub fn get_max_bytes_written(&self) -> u64 {
        self.max_bytes_written
    }

    /// Files and directories the guest may create.
    #[must_use]
    pub fn get_max_files(&self) -> u64 {
        self.max_files
    }

    /// The largest size of one file.
    #[must_use]
    pub fn get_max_file_bytes(&self) -> u64 {
        self.max_file_bytes
    }
}

/// Which quota of the writable folder a run went over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Quota {
    /// [`WritableQuota::max_bytes_written`]; the guest got `ENOSPC`.
    BytesWritten,
    /// [`WritableQuota::max_files`]; the guest got `EDQUOT`.
    Files,
    /// [`WritableQuota::max_file_bytes`]; the guest got `EFBIG`.
    FileBytes,
}

impl Quota {
    /// `"bytes_written"`, `"files"` or `"file_bytes"`.
    ///
    /// ```
    /// assert_eq!(mpwasm_core::Quota::Files.name(), "files");
    /// ```
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Quota::BytesWritten => "bytes_written",
            Quota::Files => "files",
            Quota::FileBytes => "file_bytes",
        }
    }

    /// The WASI errno the guest gets.
    fn errno(self) -> i32 {
        match self {
            Quota::BytesWritten => errno::NOSPC,
            Quota::Files => errno::DQUOT,
            Quota::FileBytes => errno::FBIG,
        }
    }
}

impl std::fmt::Display for Quota {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Quota::BytesWritten => "the writable folder's quota of bytes written",
            Quota::Files => "the writable folder's quota of files",
            Quota::FileBytes => "the writable folder's largest-file quota",
        })
    }
}

/// WASI preview 1 errno values (`wasi_snapshot_preview1.witx`).
mod errno {
    pub const SUCCESS: i32 = 0;
    pub const DQUOT: i32 = 19;
    pub const FBIG: i32 = 22;
    pub const NOSPC: i32 = 51;
    pub const PERM: i32 = 63;
    pub const NOTCAPABLE: i32 = 76;
}

/// `path_open`'s `oflags`.
const OFLAGS_CREAT: i32 = 1;

const WASI: &str = "wasi_snapshot_preview1";

/// The scratch folder's state in one store.
#[derive(Debug)]
pub(crate) struct Scratch {
    /// The canonical host folder.
    root: PathBuf,
    quota: WritableQuota,
    bytes_written: u64,
    files_created: u64,
    /// Directory descriptors under `/output` (the preopen included): their
    /// path relative to the root.
    dirs: HashMap<u32, PathBuf>,
    /// File descriptors under `/output`, with the host's own handle.
    files: HashMap<u32, File>,
    /// The first quota this run went over.
    tripped: Option<Quota>,
}

impl Scratch {
    /// `root` is mounted at descriptor `preopen_fd`.
    pub(crate) fn new(root: &Path, preopen_fd: u32, quota: WritableQuota) -> std::io::Result<Self> {
        let root = std::fs::canonicalize(root)?;
        Ok(Scratch {
            root,
            quota,
            bytes_written: 0,
            files_created: 0,
            dirs: HashMap::from([(preopen_fd, PathBuf::new())]),
            files: HashMap::new(),
            tripped: None,
        })
    }

    /// The quota the last run went over, if any (cleared for the next).
    pub(crate) fn take_tripped(&mut self) -> Option<Quota> {
        self.tripped.take()
    }

    fn trip(&mut self, quota: Quota) -> i32 {
        self.tripped.get_or_insert(quota);
        quota.errno()
    }

    /// The host path of `path` relative to the directory descriptor with
    /// relative path `dir`, when it stays inside the root lexically;
    /// `None` for anything else (wasmtime-wasi refuses it, or resolves it
    /// through a symlink: the wrappers then leave it alone).
    fn host_path(&self, dir: &Path, path: &str) -> Option<PathBuf> {
        let mut rel = dir.to_path_buf();
        for component in Path::new(path).components() {
            match component {
                Component::Normal(part) => rel.push(part),
                Component::CurDir => {}
                Component::ParentDir => {
                    if !rel.pop() {
                        return None;
                    }
                }
                Component::RootDir | Component::Prefix(_) => return None,
            }
        }
        Some(self.root.join(rel))
    }

    /// Whether `path` (canonicalised) lies inside the root: the wrappers
    /// only ever open or change host files that do.
    fn inside(&self, path: &Path) -> Option<PathBuf> {
        let real = std::fs::canonicalize(path).ok()?;
        real.starts_with(&self.root).then_some(real)
    }
}

/// The guest's memory.
fn memory(caller: &mut Caller<'_, StoreState>) -> Option<wasmtime::Memory> {
    caller
        .get_export(mpwasm_abi::export::MEMORY)
        .and_then(Extern::into_memory)
}

fn read_bytes(caller: &mut Caller<'_, StoreState>, ptr: i32, len: i32) -> Option<Vec<u8>> {
    let mem = memory(caller)?;
    let start = usize::try_from(ptr as u32).ok()?;
    let len = usize::try_from(len as u32).ok()?;
    mem.data(&*caller)
        .get(start..start.checked_add(len)?)
        .map(<[u8]>::to_vec)
}

fn read_u32(caller: &mut Caller<'_, StoreState>, ptr: i32) -> Option<u32> {
    let b = read_bytes(caller, ptr, 4)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

fn read_str(caller: &mut Caller<'_, StoreState>, ptr: i32, len: i32) -> Option<String> {
    String::from_utf8(read_bytes(caller, ptr, len)?).ok()
}

/// The length wasmtime-wasi writes for an iovec array: it writes the first
/// non-empty buffer only.
fn first_iovec_len(caller: &mut Caller<'_, StoreState>, iovs: i32, count: i32) -> Option<u64> {
    for i in 0..count as u32 {
        let at = (iovs as u32).checked_add(i.checked_mul(8)?)?;
        let len = read_u32(caller, at.checked_add(4)? as i32)?;
        if len > 0 {
            return Some(u64::from(len));
        }
    }
    Some(0)
}

/// Calls wasmtime-wasi's own implementation of a WASI function with the
/// guest's memory, as its generated linker wrapper does (the wrapper itself
/// cannot be reused: called from the host it has no caller memory).
macro_rules! forward {
    ($caller:expr, $name:ident, ($($arg:expr),*)) => {{
        let fuel = $caller.as_context_mut().hostcall_fuel();
        let memory = memory($caller)
            .ok_or_else(|| wasmtime::Error::msg("the guest exports no memory"))?;
        let (bytes, state) = memory.data_and_store_mut(&mut *$caller);
        let ctx = &mut state.wasi;
        ctx.set_hostcall_fuel(fuel);
        let mut guest = wiggle::GuestMemory::Unshared(bytes);
        p1_abi::$name(ctx, &mut guest, $($arg),*).await
    }};
}

fn scratch<'a>(caller: &'a mut Caller<'_, StoreState>) -> Option<&'a mut Scratch> {
    caller.data_mut().scratch.as_mut()
}

fn scratch_dir(caller: &mut Caller<'_, StoreState>, fd: i32) -> Option<PathBuf> {
    scratch(caller)?.dirs.get(&(fd as u32)).cloned()
}

fn is_scratch_file(caller: &mut Caller<'_, StoreState>, fd: i32) -> bool {
    scratch(caller).is_some_and(|s| s.files.contains_key(&(fd as u32)))
}

fn file_size(caller: &mut Caller<'_, StoreState>, fd: i32) -> Option<u64> {
    let file = scratch(caller)?.files.get(&(fd as u32))?;
    file.metadata().ok().map(|m| m.len())
}

/// Calls `$m!($linker, name(args))` for every WASI function the scratch
/// folder shadows: one list for the sync and the async linker.
macro_rules! each_shadowed {
    ($m:ident, $linker:expr) => {
        $m!($linker, path_open(fd: i32, dirflags: i32, path: i32, path_len: i32, oflags: i32,
            rights: i64, inheriting: i64, fdflags: i32, opened: i32));
        $m!($linker, fd_write(fd: i32, iovs: i32, count: i32, nwritten: i32));
        $m!($linker, fd_pwrite(fd: i32, iovs: i32, count: i32, offset: i64, nwritten: i32));
        $m!($linker, fd_filestat_set_size(fd: i32, size: i64));
        $m!($linker, path_create_directory(fd: i32, path: i32, len: i32));
        $m!($linker, path_link(src_fd: i32, flags: i32, src: i32, src_len: i32, dst_fd: i32,
            dst: i32, dst_len: i32));
        $m!($linker, path_symlink(target: i32, target_len: i32, fd: i32, path: i32,
            path_len: i32));
        $m!($linker, fd_close(fd: i32));
        $m!($linker, fd_renumber(from: i32, to: i32));
    };
}

/// Shadow the WASI calls that create or grow files with the quota checks,
/// in a linker of sync WASI (`p1::add_to_linker_sync`): each call runs the
/// shared async wrapper to completion, as wasmtime-wasi's sync linker does.
pub(crate) fn add_to_linker(linker: &mut Linker<StoreState>) -> wasmtime::Result<()> {
    macro_rules! shadow_sync {
        ($linker:expr, $name:ident($($arg:ident: $ty:ty),*)) => {
            $linker.func_wrap(
                WASI,
                stringify!($name),
                move |mut caller: Caller<'_, StoreState>, $($arg: $ty),*| -> wasmtime::Result<i32> {
                    wasmtime_wasi::runtime::in_tokio(wrap::$name(&mut caller, $($arg),*))
                },
            )?;
        };
    }
    linker.allow_shadowing(true);
    each_shadowed!(shadow_sync, linker);
    linker.allow_shadowing(false);
    Ok(())
}

/// The same in a linker of async WASI (`p1::add_to_linker_async`), for
/// stores driven with `call_async`: there the wrappers are awaited (a
/// blocking `in_tokio` inside the caller's executor would panic).
pub(crate) fn add_to_linker_async(linker: &mut Linker<StoreState>) -> wasmtime::Result<()> {
    macro_rules! shadow_async {
        ($linker:expr, $name:ident($($arg:ident: $ty:ty),*)) => {
            $linker.func_wrap_async(
                WASI,
                stringify!($name),
                move |mut caller: Caller<'_, StoreState>, ($($arg,)*): ($($ty,)*)| {
                    Box::new(async move { wrap::$name(&mut caller, $($arg),*).await })
                },
            )?;
        };
    }
    linker.allow_shadowing(true);
    each_shadowed!(shadow_async, linker);
    linker.allow_shadowing(false);
    Ok(())
}

/// The wrappers, one per shadowed WASI function, with its arguments.
mod wrap {
    use super::*;

    type Status = wasmtime::Result<i32>;

    #[allow(clippy::too_many_arguments)] // WASI's own signature
    pub(super) async fn path_open(
        c: &mut Caller<'_, StoreState>,
        fd: i32,
        dirflags: i32,
        path: i32,
        path_len: i32,
        oflags: i32,
        rights: i64,
        inheriting: i64,
        fdflags: i32,
        opened: i32,
    ) -> Status {
        let args = (
            fd, dirflags, path, path_len, oflags, rights, inheriting, fdflags, opened,
        );
        let Some(dir) = scratch_dir(c, fd) else {
            return forward!(
                c,
                path_open,
                (
                    args.0, args.1, args.2, args.3, args.4, args.5, args.6, args.7, args.8
                )
            );
        };
        let host = read_str(c, path, path_len).and_then(|p| scratch(c)?.host_path(&dir, &p));
        let creates = oflags & OFLAGS_CREAT != 0
            && host
                .as_ref()
                .is_some_and(|h| std::fs::symlink_metadata(h).is_err());
        if creates
            && let Some(s) = scratch(c)
            && s.files_created >= s.quota.max_files
        {
            return Ok(s.trip(Quota::Files));
        }
        let status = forward!(
            c,
            path_open,
            (
                args.0, args.1, args.2, args.3, args.4, args.5, args.6, args.7, args.8
            )
        )?;
        if status != errno::SUCCESS {
            return Ok(status);
        }
        let new_fd = read_u32(c, opened);
        let Some(s) = scratch(c) else {
            return Ok(status);
        };
        if creates {
            s.files_created += 1;
        }
        // Track the new descriptor through a path checked to be inside;
        // one that cannot be tracked is closed again: untracked, its
        // writes would escape the quota.
        let tracked = match (new_fd, host.and_then(|h| s.inside(&h))) {
            (Some(new_fd), Some(real)) => {
                if real.is_dir() {
                    let rel = real.strip_prefix(&s.root).map(Path::to_path_buf).ok();
                    rel.map(|rel| s.dirs.insert(new_fd, rel)).is_some()
                } else {
                    let file = File::options()
                        .write(true)
                        .open(&real)
                        .or_else(|_| File::open(&real));
                    file.map(|f| s.files.insert(new_fd, f)).is_ok()
                }
            }
            _ => false,
        };
        if tracked {
            return Ok(status);
        }
        if let Some(new_fd) = new_fd {
            forward!(c, fd_close, (new_fd as i32))?;
        }
        Ok(errno::NOTCAPABLE)
    }

    pub(super) async fn fd_write(
        c: &mut Caller<'_, StoreState>,
        fd: i32,
        iovs: i32,
        count: i32,
        nwritten: i32,
    ) -> Status {
        if !is_scratch_file(c, fd) {
            return forward!(c, fd_write, (fd, iovs, count, nwritten));
        }
        let before = match write_allowed(c, fd, iovs, count, None).await? {
            None => return Ok(errno::NOTCAPABLE),
            Some(Err(refused)) => return Ok(refused),
            Some(Ok(before)) => before,
        };
        let status = forward!(c, fd_write, (fd, iovs, count, nwritten))?;
        Ok(after_write(c, fd, iovs, count, nwritten, before, status))
    }

    pub(super) async fn fd_pwrite(
        c: &mut Caller<'_, StoreState>,
        fd: i32,
        iovs: i32,
        count: i32,
        offset: i64,
        nwritten: i32,
    ) -> Status {
        if !is_scratch_file(c, fd) {
            return forward!(c, fd_pwrite, (fd, iovs, count, offset, nwritten));
        }
        let before = match write_allowed(c, fd, iovs, count, Some(offset as u64)).await? {
            None => return Ok(errno::NOTCAPABLE),
            Some(Err(refused)) => return Ok(refused),
            Some(Ok(before)) => before,
        };
        let status = forward!(c, fd_pwrite, (fd, iovs, count, offset, nwritten))?;
        Ok(after_write(c, fd, iovs, count, nwritten, before, status))
    }

    pub(super) async fn fd_filestat_set_size(
        c: &mut Caller<'_, StoreState>,
        fd: i32,
        size: i64,
    ) -> Status {
        let size_now = is_scratch_file(c, fd).then(|| file_size(c, fd)).flatten();
        let Some(before) = size_now else {
            if is_scratch_file(c, fd) {
                return Ok(errno::NOTCAPABLE);
            }
            return forward!(c, fd_filestat_set_size, (fd, size));
        };
        let size = size as u64;
        let growth = size.saturating_sub(before);
        if let Some(s) = scratch(c) {
            if size > s.quota.max_file_bytes {
                return Ok(s.trip(Quota::FileBytes));
            }
            if s.bytes_written.saturating_add(growth) > s.quota.max_bytes_written {
                return Ok(s.trip(Quota::BytesWritten));
            }
        }
        let status = forward!(c, fd_filestat_set_size, (fd, size as i64))?;
        if status == errno::SUCCESS
            && let Some(s) = scratch(c)
        {
            s.bytes_written = s.bytes_written.saturating_add(growth);
        }
        Ok(status)
    }

    pub(super) async fn path_create_directory(
        c: &mut Caller<'_, StoreState>,
        fd: i32,
        path: i32,
        len: i32,
    ) -> Status {
        if scratch_dir(c, fd).is_none() {
            return forward!(c, path_create_directory, (fd, path, len));
        }
        if let Some(s) = scratch(c)
            && s.files_created >= s.quota.max_files
        {
            return Ok(s.trip(Quota::Files));
        }
        let status = forward!(c, path_create_directory, (fd, path, len))?;
        if status == errno::SUCCESS
            && let Some(s) = scratch(c)
        {
            s.files_created += 1;
        }
        Ok(status)
    }

    #[allow(clippy::too_many_arguments)] // WASI's own signature
    pub(super) async fn path_link(
        c: &mut Caller<'_, StoreState>,
        src_fd: i32,
        flags: i32,
        src: i32,
        src_len: i32,
        dst_fd: i32,
        dst: i32,
        dst_len: i32,
    ) -> Status {
        if scratch_dir(c, src_fd).is_some() || scratch_dir(c, dst_fd).is_some() {
            return Ok(errno::PERM);
        }
        forward!(
            c,
            path_link,
            (src_fd, flags, src, src_len, dst_fd, dst, dst_len)
        )
    }

    pub(super) async fn path_symlink(
        c: &mut Caller<'_, StoreState>,
        target: i32,
        target_len: i32,
        fd: i32,
        path: i32,
        path_len: i32,
    ) -> Status {
        if scratch_dir(c, fd).is_some() {
            return Ok(errno::PERM);
        }
        forward!(c, path_symlink, (target, target_len, fd, path, path_len))
    }

    pub(super) async fn fd_close(c: &mut Caller<'_, StoreState>, fd: i32) -> Status {
        let status = forward!(c, fd_close, (fd))?;
        if status == errno::SUCCESS
            && let Some(s) = scratch(c)
        {
            s.dirs.remove(&(fd as u32));
            s.files.remove(&(fd as u32));
        }
        Ok(status)
    }

    pub(super) async fn fd_renumber(c: &mut Caller<'_, StoreState>, from: i32, to: i32) -> Status {
        let status = forward!(c, fd_renumber, (from, to))?;
        if status == errno::SUCCESS
            && from != to
            && let Some(s) = scratch(c)
        {
            let (from, to) = (from as u32, to as u32);
            s.dirs.remove(&to);
            s.files.remove(&to);
            if let Some(dir) = s.dirs.remove(&from) {
                s.dirs.insert(to, dir);
            }
            if let Some(file) = s.files.remove(&from) {
                s.files.insert(to, file);
            }
        }
        Ok(status)
    }
}

/// A write to a file under `/output`, before it happens: the bytes-written
/// quota is checked exactly (wasmtime-wasi writes the first non-empty
/// buffer), and the size the file would reach when the position is known.
/// `None`: the file's size cannot be read (the write is refused);
/// `Some(Err(errno))`: a quota refuses it; `Some(Ok(size))`: go ahead, the
/// file had `size` bytes.
async fn write_allowed(
    c: &mut Caller<'_, StoreState>,
    fd: i32,
    iovs: i32,
    count: i32,
    offset: Option<u64>,
) -> wasmtime::Result<Option<Result<u64, i32>>> {
    let Some(before) = file_size(c, fd) else {
        return Ok(None);
    };
    // Unreadable arguments: wasmtime-wasi reports them (EFAULT).
    let Some(len) = first_iovec_len(c, iovs, count) else {
        return Ok(Some(Ok(before)));
    };
    // fd_write writes at the descriptor's position (the end in append
    // mode): asked of wasmtime-wasi, so a write that would make the file
    // too large is refused before it happens and leaves the position alone.
    let offset = match offset {
        Some(at) => Some(at),
        None => write_position(c, fd, before).await?,
    };
    if let Some(s) = scratch(c) {
        if s.bytes_written.saturating_add(len) > s.quota.max_bytes_written {
            return Ok(Some(Err(s.trip(Quota::BytesWritten))));
        }
        if let Some(at) = offset
            && at.saturating_add(len).max(before) > s.quota.max_file_bytes
        {
            return Ok(Some(Err(s.trip(Quota::FileBytes))));
        }
    }
    Ok(Some(Ok(before)))
}

/// A write to a file under `/output`, after it happened with `status`:
/// counts the bytes written; one that made the file too large (its position
/// was unknown before) is undone, the file cut back to its size `before`,
/// and reported as `EFBIG`.
fn after_write(
    c: &mut Caller<'_, StoreState>,
    fd: i32,
    iovs: i32,
    count: i32,
    nwritten: i32,
    before: u64,
    status: i32,
) -> i32 {
    if status != errno::SUCCESS {
        return status;
    }
    let len = first_iovec_len(c, iovs, count).unwrap_or(0);
    let written = read_u32(c, nwritten).map_or(len, u64::from);
    let after = file_size(c, fd);
    let Some(s) = scratch(c) else {
        return status;
    };
    s.bytes_written = s.bytes_written.saturating_add(written);
    match after {
        Some(after) if after <= s.quota.max_file_bytes => status,
        _ => {
            if let Some(file) = s.files.get(&(fd as u32)) {
                // Best effort: a file opened read-only by the host cannot
                // have been grown by the guest either.
                let _ = file.set_len(before);
            }
            s.trip(Quota::FileBytes)
        }
    }
}

/// Where `fd_write` on `fd` writes: the end of the file (`size`) in append
/// mode, else the descriptor's position; `None` when wasmtime-wasi cannot
/// tell (the write's own error then says why).
async fn write_position(
    c: &mut Caller<'_, StoreState>,
    fd: i32,
    size: u64,
) -> wasmtime::Result<Option<u64>> {
    let memory = memory(c).ok_or_else(|| wasmtime::Error::msg("the guest exports no memory"))?;
    let (bytes, state) = memory.data_and_store_mut(&mut *c);
    let ctx = &mut state.wasi;
    let mut guest = wiggle::GuestMemory::Unshared(bytes);
    let fd = p1_types::Fd::from(fd as u32);
    let Ok(stat) = ctx.fd_fdstat_get(&mut guest, fd).await else {
        return Ok(None);
    };
    if stat.fs_flags.contains(p1_types::Fdflags::APPEND) {
        return Ok(Some(size));
    }
    Ok(ctx.fd_tell(&mut guest, fd).ok())
}
