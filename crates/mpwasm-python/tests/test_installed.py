"""The suite runs against the installed wheel, which ships the guest."""

import hashlib
import pathlib
import sysconfig

import mpwasm


def test_imported_from_site_packages_not_the_source_tree():
    package = pathlib.Path(mpwasm.__file__).resolve().parent
    site = pathlib.Path(sysconfig.get_paths()["purelib"]).resolve()
    assert package.parent == site
    assert (package / "py.typed").is_file()
    assert (package / "__init__.pyi").is_file()


def test_default_wasm_path_is_the_shipped_guest_and_matches_the_bundled_bytes():
    path = mpwasm.default_wasm_path()
    assert path.parts[-3:] == ("mpwasm", "artifacts", "micropython-wasi.wasm")
    data = path.read_bytes()
    assert data.startswith(b"\0asm")
    assert hashlib.sha256(data).hexdigest() == mpwasm.bundled_guest_sha256()


def test_micropython_version():
    assert mpwasm.MICROPYTHON_VERSION == "1.25.0"
    assert mpwasm.run("import sys\nprint(sys.implementation.name)").stdout == "micropython\n"
