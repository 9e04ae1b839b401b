//! A built guest's imports and exports (read with `wasmparser`), and the
//! check that they are the ABI of `crates/mpwasm-abi`: every required
//! export with its signature, imports only from the ABI's modules, and each
//! `micropython_wasm` import with the signature the hosts define.

use std::fmt;

use anyhow::{Context, Result, bail};
use mpwasm_abi::{FuncSig, IMPORT_MODULE, IMPORTS, WASI_MODULE};
use wasmparser::{CompositeInnerType, ExternalKind, FuncType, Parser, Payload, TypeRef, ValType};

/// What an import or export is, with a function's type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    Func(FuncType),
    Table,
    Memory,
    Global,
    Tag,
}

impl fmt::Display for Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Item::Func(ty) => write!(f, "a function {ty}"),
            Item::Table => f.write_str("a table"),
            Item::Memory => f.write_str("a memory"),
            Item::Global => f.write_str("a global"),
            Item::Tag => f.write_str("a tag"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Import {
    pub module: String,
    pub name: String,
    pub item: Item,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Export {
    pub name: String,
    pub item: Item,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ModuleInfo {
    /// In the module's order.
    pub imports: Vec<Import>,
    /// In the module's order.
    pub exports: Vec<Export>,
}

/// The imports and exports of a module, function types resolved. The
/// module is parsed, not validated: wasmtime validates it when it loads.
pub fn parse(data: &[u8]) -> Result<ModuleInfo> {
    // Type index -> the function type (None: a GC struct or array type).
    let mut types: Vec<Option<FuncType>> = Vec::new();
    // Function index -> type index: imported functions first, then defined.
    let mut funcs: Vec<u32> = Vec::new();
    let mut imports = Vec::new();
    // (name, kind, index): resolved once every section has been read.
    let mut raw_exports = Vec::new();
    for payload in Parser::new(0).parse_all(data) {
        match payload.context("not a valid WebAssembly module")? {
            Payload::TypeSection(reader) => {
                for group in reader {
                    for sub in group.context("bad type section")?.into_types() {
                        types.push(match sub.composite_type.inner {
                            CompositeInnerType::Func(f) => Some(f),
                            _ => None,
                        });
                    }
                }
            }
            Payload::ImportSection(reader) => {
                for import in reader.into_imports() {
                    let import = import.context("bad import section")?;
                    let item = match import.ty {
                        TypeRef::Func(ty) | TypeRef::FuncExact(ty) => {
                            funcs.push(ty);
                            Item::Func(func_type(&types, ty)?)
                        }
                        TypeRef::Table(_) => Item::Table,
                        TypeRef::Memory(_) => Item::Memory,
                        TypeRef::Global(_) => Item::Global,
                        TypeRef::Tag(_) => Item::Tag,
                    };
                    imports.push(Import {
                        module: import.module.to_string(),
                        name: import.name.to_string(),
                        item,
                    });
                }
            }
            Payload::FunctionSection(reader) => {
                for ty in reader {
                    funcs.push(ty.context("bad function section")?);
                }
            }
            Payload::ExportSection(reader) => {
                for export in reader {
                    let export = export.context("bad export section")?;
                    raw_exports.push((export.name.to_string(), export.kind, export.index));
                }
            }
            _ => {}
        }
    }
    let exports = raw_exports
        .into_iter()
        .map(|(name, kind, index)| {
            let item = match kind {
                ExternalKind::Func | ExternalKind::FuncExact => {
                    let ty = *funcs.get(index as usize).with_context(|| {
                        format!("export `{name}` names function {index}, which does not exist")
                    })?;
                    Item::Func(func_type(&types, ty)?)
                }
                ExternalKind::Table => Item::Table,
                ExternalKind::Memory => Item::Memory,
                ExternalKind::Global => Item::Global,
                ExternalKind::Tag => Item::Tag,
            };
            Ok(Export { name, item })
        })
        .collect::<Result<_>>()?;
    Ok(ModuleInfo { imports, exports })
}

fn func_type(types: &[Option<FuncType>], index: u32) -> Result<FuncType> {
    match types.get(index as usize) {
        Some(Some(f)) => Ok(f.clone()),
        Some(None) => bail!("type {index} is not a function type"),
        None => bail!("type {index} does not exist"),
    }
}

/// The Wasm type of an ABI function.
pub fn abi_func_type(sig: &FuncSig) -> FuncType {
    let wasm = |t: mpwasm_abi::ValType| match t {
        mpwasm_abi::ValType::I32 => ValType::I32,
        mpwasm_abi::ValType::I64 => ValType::I64,
    };
    FuncType::new(sig.param_types().map(wasm), sig.result_type().map(wasm))
}

/// Check a built guest against the ABI; the error lists every violation.
pub fn check_guest_abi(info: &ModuleInfo) -> Result<()> {
    let mut problems = Vec::new();
    for name in mpwasm_abi::REQUIRED_EXPORTS {
        let Some(export) = info.exports.iter().find(|e| e.name == *name) else {
            problems.push(format!("export `{name}` is missing"));
            continue;
        };
        let expected = if *name == mpwasm_abi::export::MEMORY {
            Item::Memory
        } else {
            match mpwasm_abi::EXPORT_FUNCS.iter().find(|f| f.name == *name) {
                Some(sig) => Item::Func(abi_func_type(sig)),
                None => {
                    problems.push(format!(
                        "mpwasm-abi requires export `{name}` but gives no signature for it"
                    ));
                    continue;
                }
            }
        };
        if export.item != expected {
            problems.push(format!(
                "export `{name}` is {}, the ABI says {expected}",
                export.item
            ));
        }
    }
    for import in &info.imports {
        let what = format!("import {}.{}", import.module, import.name);
        if import.module == WASI_MODULE {
            continue;
        }
        if import.module != IMPORT_MODULE {
            problems.push(format!(
                "unexpected {what} (hosts provide only {WASI_MODULE} and {IMPORT_MODULE})"
            ));
            continue;
        }
        match IMPORTS.iter().find(|f| f.name == import.name) {
            None => problems.push(format!("{what} is not part of the ABI")),
            Some(sig) => {
                let expected = Item::Func(abi_func_type(sig));
                if import.item != expected {
                    problems.push(format!(
                        "{what} is {}, the ABI says {expected}",
                        import.item
                    ));
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        bail!(
            "the module does not match crates/mpwasm-abi: {}",
            problems.join("; ")
        )
    }
}

#[cfg(test)]
#[allow(clippy::expect_used, clippy::unwrap_used)]
mod tests {
    use mpwasm_abi::{AbiType, EXPORT_FUNCS, REQUIRED_EXPORTS, export, import};

    use super::*;

    fn wat_type(t: AbiType) -> &'static str {
        match t.val_type() {
            mpwasm_abi::ValType::I32 => "i32",
            mpwasm_abi::ValType::I64 => "i64",
        }
    }

    fn wat_sig(sig: &FuncSig) -> String {
        let mut s = String::new();
        if !sig.params.is_empty() {
            s.push_str(" (param");
            for (_, t) in sig.params {
                s.push(' ');
                s.push_str(wat_type(*t));
            }
            s.push(')');
        }
        if let Some(r) = sig.result {
            s.push_str(&format!(" (result {})", wat_type(r)));
        }
        s
    }

    /// A dummy body for a signature: the zero of the result type.
    fn wat_body(sig: &FuncSig) -> &'static str {
        match sig.result.map(AbiType::val_type) {
            None => "",
            Some(mpwasm_abi::ValType::I32) => " i32.const 0",
            Some(mpwasm_abi::ValType::I64) => " i64.const 0",
        }
    }

    /// A guest that has the whole ABI, as WAT, with `edit` applied to its
    /// lines (one import or export per line) before assembling.
    fn guest(edit: impl FnOnce(&mut Vec<String>)) -> ModuleInfo {
        let mut lines = vec![format!(
            "(import \"{WASI_MODULE}\" \"fd_write\" (func (param i32 i32 i32 i32) (result i32)))"
        )];
        for sig in IMPORTS {
            lines.push(format!(
                "(import \"{IMPORT_MODULE}\" \"{}\" (func{}))",
                sig.name,
                wat_sig(sig)
            ));
        }
        lines.push(format!("(memory (export \"{}\") 1)", export::MEMORY));
        for sig in EXPORT_FUNCS {
            lines.push(format!(
                "(func (export \"{}\"){}{})",
                sig.name,
                wat_sig(sig),
                wat_body(sig)
            ));
        }
        edit(&mut lines);
        let text = format!("(module\n{}\n)", lines.join("\n"));
        let bytes = wat::parse_str(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        parse(&bytes).expect("parses")
    }

    fn replace(lines: &mut [String], containing: &str, with: &str) {
        let line = lines
            .iter_mut()
            .find(|l| l.contains(containing))
            .unwrap_or_else(|| panic!("no line with {containing}"));
        *line = with.to_string();
    }

    fn rejected(info: &ModuleInfo, why: &str) {
        let err = check_guest_abi(info).expect_err("must be rejected");
        assert!(format!("{err}").contains(why), "`{why}` not in: {err}");
    }

    #[test]
    fn reads_imports_and_exports_with_types() {
        let info = guest(|_| {});
        assert_eq!(info.imports.len(), IMPORTS.len() + 1);
        assert_eq!(info.imports[0].module, WASI_MODULE);
        assert_eq!(info.imports[0].name, "fd_write");
        let sleep = info
            .imports
            .iter()
            .find(|i| i.name == import::SLEEP_NS)
            .expect("sleep_ns");
        assert_eq!(sleep.item, Item::Func(FuncType::new([ValType::I64], [])));
        let names: Vec<_> = info.exports.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names.len(), REQUIRED_EXPORTS.len());
        assert_eq!(names[0], export::MEMORY);
        assert_eq!(info.exports[0].item, Item::Memory);
        let exec = info
            .exports
            .iter()
            .find(|e| e.name == export::EXEC)
            .expect("mpw_exec");
        assert_eq!(
            exec.item,
            Item::Func(FuncType::new(
                [ValType::I32, ValType::I32, ValType::I32],
                [ValType::I32]
            ))
        );
    }

    #[test]
    fn the_whole_abi_passes() {
        check_guest_abi(&guest(|_| {})).expect("complete ABI");
        // Not every import need be used.
        check_guest_abi(&guest(|l| {
            l.retain(|l| !l.contains(import::HOST_RESULT_CAP))
        }))
        .expect("an unused import is fine");
    }

    #[test]
    fn every_required_export_is_required() {
        for name in REQUIRED_EXPORTS {
            let info = guest(|l| l.retain(|l| !l.contains(&format!("(export \"{name}\")"))));
            rejected(&info, &format!("export `{name}` is missing"));
        }
    }

    #[test]
    fn export_signatures_are_checked() {
        let info = guest(|l| {
            replace(
                l,
                "(export \"mpw_set_memory_limit\")",
                "(func (export \"mpw_set_memory_limit\") (param i64))",
            )
        });
        rejected(
            &info,
            "export `mpw_set_memory_limit` is a function (func (param i64)), the ABI says a function (func (param i32))",
        );
        let info = guest(|l| replace(l, "(export \"mpw_init\")", "(func (export \"mpw_init\"))"));
        rejected(&info, "export `mpw_init` is a function (func)");
        let info = guest(|l| {
            replace(l, "(export \"memory\")", "(memory 1)");
            l.push("(global (export \"memory\") i32 (i32.const 0))".into());
        });
        rejected(&info, "export `memory` is a global, the ABI says a memory");
        let info = guest(|l| {
            replace(
                l,
                "(export \"wizer.initialize\")",
                "(memory (export \"wizer.initialize\") 1)",
            )
        });
        rejected(&info, "export `wizer.initialize` is a memory");
    }

    #[test]
    fn import_modules_are_checked() {
        let info = guest(|l| l.insert(0, "(import \"env\" \"f\" (func))".into()));
        rejected(&info, "unexpected import env.f");
    }

    #[test]
    fn abi_imports_are_checked() {
        let info = guest(|l| {
            replace(
                l,
                "\"sleep_ns\"",
                "(import \"micropython_wasm\" \"sleep_ns\" (func (param i32)))",
            )
        });
        rejected(
            &info,
            "import micropython_wasm.sleep_ns is a function (func (param i32)), the ABI says a function (func (param i64))",
        );
        let info = guest(|l| {
            l.insert(
                0,
                "(import \"micropython_wasm\" \"sleep_ms\" (func (param i64)))".into(),
            )
        });
        rejected(
            &info,
            "import micropython_wasm.sleep_ms is not part of the ABI",
        );
        let info = guest(|l| {
            replace(
                l,
                "\"stack_exhausted\"",
                "(import \"micropython_wasm\" \"stack_exhausted\" (global i32))",
            )
        });
        rejected(&info, "import micropython_wasm.stack_exhausted is a global");
    }

    #[test]
    fn every_problem_is_listed() {
        let info = guest(|l| {
            l.retain(|l| {
                !l.contains("(export \"mpw_exec\")") && !l.contains("(export \"mpw_info\")")
            });
            l.insert(0, "(import \"env\" \"f\" (func))".into());
        });
        let err = format!("{}", check_guest_abi(&info).expect_err("rejected"));
        for why in [
            "export `mpw_exec` is missing",
            "export `mpw_info` is missing",
            "unexpected import env.f",
        ] {
            assert!(err.contains(why), "`{why}` not in {err}");
        }
    }

    #[test]
    fn rejects_garbage() {
        assert!(parse(b"not wasm").is_err());
        let mut truncated = wat::parse_str("(module (func (export \"x\")))").expect("wat");
        truncated.truncate(truncated.len() - 3);
        assert!(parse(&truncated).is_err());
    }
}
