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
