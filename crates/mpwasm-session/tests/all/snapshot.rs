//! Snapshot and restore, in process and in a child process.

use mpwasm_core::Runtime;
use mpwasm_session::{Error, ImageError, Session, SessionImage};

use crate::runtime;

const STATEFUL: &str = r#"
import json, math
counter = 0
def bump(n=1):
    global counter
    counter += n
    return counter
class Account:
    def __init__(self, owner): self.owner, self.items = owner, {}
acct = Account("ada")
for i in range(200):
    acct.items["k%d" % i] = [i, str(i) * 3, {"sq": i * i}]
bump(41)
"#;

const PROBE: &str = "print(bump(), acct.owner, len(acct.items), acct.items['k7'], math.floor(2.5), json.dumps([1]))";

#[test]
fn restore_gives_identical_results() {
    let mut s = Session::new(runtime());
    s.run(STATEFUL).unwrap();
    let image = s.snapshot().unwrap();
    let bytes = image.to_bytes();
    let expected = s.run(PROBE).unwrap().stdout_str().into_owned();
    assert_eq!(expected, "42 ada 200 [7, '777', {'sq': 49}] 2 [1]\n");

    let again = SessionImage::from_bytes(&bytes).unwrap();
    assert_eq!(again, image);
    let mut restored = Session::restore(runtime(), &again).unwrap();
    assert_eq!(restored.run(PROBE).unwrap().stdout_str(), expected);
    // Independent afterwards.
    assert_eq!(restored.run("print(bump())").unwrap().stdout_str(), "43\n");
    assert_eq!(s.run("print(bump())").unwrap().stdout_str(), "43\n");
}

#[test]
fn restore_in_a_fresh_runtime() {
    let mut s = Session::new(runtime());
    s.run(STATEFUL).unwrap();
    let bytes = s.snapshot().unwrap().to_bytes();
    let fresh = Runtime::new().unwrap();
    let mut restored =
        Session::restore(&fresh, &SessionImage::from_bytes(&bytes).unwrap()).unwrap();
    assert_eq!(
        restored.run(PROBE).unwrap().stdout_str(),
        "42 ada 200 [7, '777', {'sq': 49}] 2 [1]\n"
    );
}

#[test]
fn image_is_compact() {
    let mut s = Session::new(runtime());
    s.run("x = 1").unwrap();
    let small = s.snapshot().unwrap();
    assert!(
        small.to_bytes().len() < 64 * 1024,
        "{} bytes",
        small.to_bytes().len()
    );
    s.run("blob = bytearray(b'abc' * 350000)").unwrap();
    let big = s.snapshot().unwrap();
    assert!(big.changed_pages() >= 16);
    assert!(
        big.to_bytes().len() < 200 * 1024,
        "{} bytes",
        big.to_bytes().len()
    );
}

#[test]
fn host_functions_are_registered_again_after_restore() {
    let mut s = Session::new(runtime());
    s.register_function("double", |n: i64| n * 2).unwrap();
    s.run("y = double(4)").unwrap();
    let image = s.snapshot().unwrap();
    let mut restored = Session::restore(runtime(), &image).unwrap();
    assert_eq!(restored.run("print(y)").unwrap().stdout_str(), "8\n");
    restored
        .register_function("double", |n: i64| n * 2)
        .unwrap();
    assert_eq!(
        restored.run("print(double(y))").unwrap().stdout_str(),
        "16\n"
    );
}

/// The image's trailing SHA-256 over everything before it, recomputed: a
/// deliberately edited image (not a damaged one).
fn reseal(bytes: &mut Vec<u8>) {
    use sha2::{Digest, Sha256};
    bytes.truncate(bytes.len() - 32);
    let checksum = Sha256::digest(&*bytes);
    bytes.extend_from_slice(&checksum);
}

#[test]
fn a_different_artifact_is_refused() {
    let mut s = Session::new(runtime());
    s.run("x = 1").unwrap();
    let bytes = s.snapshot().unwrap().to_bytes();
    // Same layout, another artifact hash, a valid checksum.
    let mut forged = bytes.clone();
    forged[12..76].copy_from_slice(&[b'0'; 64]);
    reseal(&mut forged);
    let image = SessionImage::from_bytes(&forged).unwrap();
    assert!(matches!(
        Session::restore(runtime(), &image),
        Err(Error::ArtifactMismatch { .. })
    ));
}

#[test]
fn corrupt_images_are_errors_not_panics() {
    let mut s = Session::new(runtime());
    s.run("x = 1").unwrap();
    let bytes = s.snapshot().unwrap().to_bytes();
    for cut in [0, 5, 12, 80, 84, bytes.len() - 1] {
        let r = SessionImage::from_bytes(&bytes[..cut])
            .and_then(|i| Session::restore(runtime(), &i).map(|_| ()));
        assert!(r.is_err(), "cut at {cut}");
    }
}

/// A flipped bit anywhere in an image is a typed error: the magic's bits
/// say "not an image", every other bit (header, bitmap, page data, the
/// checksum itself) is a checksum mismatch. Never a panic, never a VM that
/// restores with different memory.
#[test]
fn a_flipped_bit_anywhere_is_a_typed_error() {
    let mut s = Session::new(runtime());
    s.run(STATEFUL).unwrap();
    let bytes = s.snapshot().unwrap().to_bytes();
    // Every bit of the header and the last 4 KiB, and one bit in every 13th
    // byte in between (an image is ~50 KB; all bits would be ~400k parses).
    let header = 8 + 4 + 64 + 8;
    let tail = bytes.len().saturating_sub(4096);
    let mut flips = 0;
    for byte in 0..bytes.len() {
        let bits: Vec<u8> = if byte < header + 64 || byte >= tail {
            (0..8).collect()
        } else if byte % 13 == 0 {
            vec![(byte % 8) as u8]
        } else {
            continue;
        };
        for bit in bits {
            let mut damaged = bytes.clone();
            damaged[byte] ^= 1 << bit;
            let err = SessionImage::from_bytes(&damaged).unwrap_err();
            match (byte < 8, &err) {
                (true, Error::InvalidImage(ImageError::BadMagic)) => {}
                (false, Error::InvalidImage(ImageError::Checksum)) => {}
                _ => panic!("byte {byte} bit {bit}: {err:?}"),
            }
            flips += 1;
        }
    }
    assert!(flips > 4000, "{flips} flips");
    // Undamaged, it still restores.
    let mut restored =
        Session::restore(runtime(), &SessionImage::from_bytes(&bytes).unwrap()).unwrap();
    assert_eq!(restored.run("print(bump())").unwrap().stdout_str(), "42\n");
}

/// An edited image with a valid checksum but inconsistent page data is
/// still refused by the layout checks (defence in depth).
#[test]
fn a_resealed_inconsistent_image_is_refused() {
    let mut s = Session::new(runtime());
    s.run("x = 1").unwrap();
    let mut bytes = s.snapshot().unwrap().to_bytes();
    // The LZ4 size prefix right after the bitmap now claims one byte more.
    let memory_len = u64::from_le_bytes(bytes[76..84].try_into().unwrap());
    let bitmap = (memory_len as usize / 65536).div_ceil(8);
    let prefix = 84 + bitmap;
    let claimed = u32::from_le_bytes(bytes[prefix..prefix + 4].try_into().unwrap());
    bytes[prefix..prefix + 4].copy_from_slice(&(claimed + 1).to_le_bytes());
    reseal(&mut bytes);
    let image = SessionImage::from_bytes(&bytes).unwrap();
    assert!(matches!(
        Session::restore(runtime(), &image),
        Err(Error::InvalidImage(ImageError::PageDataSize { .. }))
    ));
}

/// Restore in another process: the test binary re-runs itself with an env
/// var pointing at the image file.
#[test]
fn restore_in_a_child_process() {
    if let Ok(path) = std::env::var("MPWASM_SESSION_IMAGE") {
        let bytes = std::fs::read(path).unwrap();
        let mut s =
            Session::restore(runtime(), &SessionImage::from_bytes(&bytes).unwrap()).unwrap();
        print!("CHILD:{}", s.run(PROBE).unwrap().stdout_str());
        return;
    }
    let mut s = Session::new(runtime());
    s.run(STATEFUL).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("session.img");
    std::fs::write(&path, s.snapshot().unwrap().to_bytes()).unwrap();
    let exe = std::env::current_exe().unwrap();
    let output = std::process::Command::new(exe)
        .args([
            "snapshot::restore_in_a_child_process",
            "--exact",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("MPWASM_SESSION_IMAGE", &path)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout.contains("CHILD:42 ada 200 [7, '777', {'sq': 49}] 2 [1]\n"),
        "{stdout}"
    );
}
