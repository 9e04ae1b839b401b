"""The writable ``/output`` folder: off by default, the host sees the files,
each quota trips into its own errno in the guest and ``QuotaExceeded`` with
its name in the host, nothing leads out of the folder."""

import os

import pytest

from mpwasm import MicroPythonSession, MicroPythonWasmError, QuotaExceeded, run

# WASI's errno values, which the guest's libc (wasi-libc) uses.
ENOSPC, EDQUOT, EFBIG = 51, 19, 22


def errno_of(op):
    return f"try:\n    {op}\n    print('ESCAPED')\nexcept OSError as e:\n    print(e.errno)\n"


@pytest.fixture
def dirs(tmp_path):
    out = tmp_path / "output"
    out.mkdir()
    (tmp_path / "secret.txt").write_text("top secret")
    os.symlink(tmp_path / "secret.txt", out / "link_out")
    return tmp_path, out


def test_files_written_are_the_hosts(dirs):
    _, out = dirs
    code = "import os\nos.mkdir('/output/d')\nwith open('/output/d/r.csv', 'w') as f:\n    f.write('a,b\\n')\nprint(os.listdir('/output/d'))"
    assert run(code, writable_dir=out).stdout == "['r.csv']\n"
    assert (out / "d" / "r.csv").read_text() == "a,b\n"


def test_off_by_default():
    assert run(errno_of("open('/output/x', 'w')")).stdout != "ESCAPED\n"


def test_each_quota_has_its_errno_and_its_name(dirs):
    _, out = dirs
    code = errno_of("open('/output/a', 'w').write('x' * 20)")
    assert run(code, writable_dir=out, writable_max_bytes=10).stdout == f"{ENOSPC}\n"
    assert run(code, writable_dir=out, writable_max_file_bytes=10).stdout == f"{EFBIG}\n"
    code = "open('/output/one', 'w').close()\n" + errno_of("open('/output/two', 'w')")
    assert run(code, writable_dir=out, writable_max_files=1).stdout == f"{EDQUOT}\n"
    for quota, kwargs in (
        ("bytes_written", {"writable_max_bytes": 10}),
        ("file_bytes", {"writable_max_file_bytes": 10}),
        ("files", {"writable_max_files": 1}),
    ):
        with pytest.raises(QuotaExceeded) as info:
            # fresh names each time: files left by an earlier run count no more
            code = f"open('/output/{quota}1', 'w').write('x' * 20)\nopen('/output/{quota}2', 'w')"
            run(code, writable_dir=out, **kwargs)
        assert info.value.quota == quota and info.value.type_name == "OSError"


def test_quotas_hold_across_a_sessions_runs(dirs):
    _, out = dirs
    session = MicroPythonSession(writable_dir=out, writable_max_files=1)
    session.run("open('/output/a', 'w').write('1')")
    assert session.run(errno_of("open('/output/b', 'w')")).stdout == f"{EDQUOT}\n"
    assert session.run("print(open('/output/a').read())").stdout == "1\n"


def test_nothing_leads_out(dirs):
    root, out = dirs
    for probe in (
        "open('/output/../secret.txt', 'w').write('x')",
        "open('/output/link_out', 'w').write('x')",
        "open('/output/link_out').read()",
        "open('/secret.txt', 'w')",
        "import os; os.mkdir('/output/../escaped')",
    ):
        assert run(errno_of(probe), writable_dir=out).stdout != "ESCAPED\n", probe
    assert (root / "secret.txt").read_text() == "top secret"
    assert not (root / "escaped").exists()


def test_arguments_are_checked(tmp_path):
    with pytest.raises(MicroPythonWasmError):
        run("print(1)", writable_dir=tmp_path / "missing")
    with pytest.raises(ValueError):
        run("print(1)", writable_dir=tmp_path, writable_max_files=0)


def test_a_restored_session_mounts_the_folder_again(dirs):
    _, out = dirs
    session = MicroPythonSession(writable_dir=out)
    session.run("rows = ['a,1', 'b,2']")
    restored = MicroPythonSession.restore(session.snapshot(), writable_dir=out, writable_max_files=1)
    restored.run("open('/output/rows.csv', 'w').write('\\n'.join(rows))")
    assert (out / "rows.csv").read_text() == "a,1\nb,2"
    assert restored.run(errno_of("open('/output/more', 'w')")).stdout == f"{EDQUOT}\n"
