//! One runtime shared by many threads.

use crate::runtime;

#[test]
fn eight_threads_share_one_runtime() {
    let handles: Vec<_> = (0..8)
        .map(|t| {
            std::thread::spawn(move || {
                for i in 0..25 {
                    let r = runtime()
                        .run(&format!("x = {t} * 1000 + {i}\nprint(x)"))
                        .unwrap();
                    assert_eq!(r.stdout_str(), format!("{}\n", t * 1000 + i));
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
}
