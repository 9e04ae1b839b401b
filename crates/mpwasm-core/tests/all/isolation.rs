//! No network, no threads, no host environment.

use crate::ok;

#[test]
fn network_and_threads_are_unavailable() {
    for module in ["socket", "ssl", "_thread", "ffi", "select.epoll"] {
        let code = format!(
            "try:\n    import {module}\n    print('available')\nexcept ImportError:\n    print('missing')"
        );
        assert_eq!(ok(&code).stdout_str(), "missing\n", "{module}");
    }
}

#[test]
fn no_host_environment_or_arguments_leak() {
    let r = ok("import sys, os\nprint(sys.argv, hasattr(os, 'getenv'), hasattr(os, 'system'))");
    assert_eq!(r.stdout_str(), "[] False False\n");
}

#[test]
fn stdin_is_empty() {
    let r = ok("try:\n    input()\nexcept EOFError:\n    print('eof')");
    assert_eq!(r.stdout_str(), "eof\n");
}

#[test]
fn no_process_or_host_identity_reaches_the_guest() {
    let r = ok(
        "import sys, os\nprint(sys.argv, sys.path, hasattr(sys, 'executable'))\nprint([m for m in ('environ', 'getenv', 'putenv', 'system', 'popen', 'fork', 'execv', 'kill', 'getpid') if hasattr(os, m)])\nprint(os.uname().sysname, os.uname().nodename)",
    );
    assert_eq!(
        r.stdout_str(),
        "[] ['', '.frozen', '/input'] False\n[]\nwasi wasi\n"
    );
    for module in [
        "threading",
        "subprocess",
        "signal",
        "termios",
        "mmap",
        "ctypes",
        "machine",
        "network",
    ] {
        let code = format!(
            "try:\n    import {module}\n    print('available')\nexcept ImportError:\n    print('missing')"
        );
        assert_eq!(ok(&code).stdout_str(), "missing\n", "{module}");
    }
}
