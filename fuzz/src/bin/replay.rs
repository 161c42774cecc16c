//! Replays any fuzz target over files and directories on the stable toolchain, with
//! deterministic mutations: `cargo run --release --bin replay -- TARGET PATH... [--mutate N]`
//! (`TARGET` is a name from `statusdoc_fuzz::TARGETS`, or `all` to run each target on
//! its own corpus under `corpus/`). Prints the inputs run and the slowest one.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn collect(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        if let Ok(entries) = std::fs::read_dir(path) {
            let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
            paths.sort();
            for path in paths {
                collect(&path, out);
            }
        }
    } else {
        out.push(path.to_owned());
    }
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn mutate(rng: &mut Rng, bytes: &[u8]) -> Vec<u8> {
    const PIECES: &[&[u8]] = &[
        b"+",
        b"|",
        b"-",
        b"=",
        b" ",
        b"\n",
        b"\t",
        b"\r",
        b"<td>",
        b"</table>",
        b"* ",
        b"  - ",
        b"404 Not Found",
        b"|===",
        b"'404':",
        b"{",
        b"[",
        b"`",
        b"**",
        b"::",
        b"\xc3\xa9",
    ];
    let mut data = bytes.to_vec();
    for _ in 0..1 + rng.next() % 6 {
        let at = if data.is_empty() {
            0
        } else {
            (rng.next() as usize) % data.len()
        };
        match rng.next() % 4 {
            0 if !data.is_empty() => {
                data.remove(at);
            }
            1 => {
                let piece = PIECES[(rng.next() as usize) % PIECES.len()];
                data.splice(at..at, piece.iter().copied());
            }
            2 if !data.is_empty() => data[at] = rng.next() as u8,
            _ => {
                let end = (at + (rng.next() % 300) as usize).min(data.len());
                let slice = data[at..end].to_vec();
                data.splice(at..at, slice);
            }
        }
    }
    data
}

fn replay(target: &str, files: &[PathBuf], mutations: usize) -> (usize, usize, Duration, String) {
    let mut crashes = 0;
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let (mut runs, mut slowest, mut slowest_name) = (0, Duration::ZERO, String::new());
    for file in files {
        let Ok(bytes) = std::fs::read(file) else {
            continue;
        };
        for m in 0..=mutations {
            let data = if m == 0 {
                bytes.clone()
            } else {
                mutate(&mut rng, &bytes)
            };
            let started = Instant::now();
            let outcome = std::panic::catch_unwind(|| statusdoc_fuzz::run(target, &data));
            let took = started.elapsed();
            match outcome {
                Ok(true) => {}
                Ok(false) => panic!("no target {target}"),
                Err(_) => {
                    // Kept for a regression test, as libFuzzer keeps `crash-*` files.
                    let dir = Path::new("artifacts").join(target);
                    let _ = std::fs::create_dir_all(&dir);
                    let name = format!("replay-crash-{runs}");
                    let _ = std::fs::write(dir.join(&name), &data);
                    eprintln!(
                        "{target}: crash on {} (mutation {m}), saved as {name}",
                        file.display()
                    );
                    crashes += 1;
                }
            }
            if took > slowest {
                slowest = took;
                slowest_name = format!("{} (mutation {m})", file.display());
            }
            runs += 1;
        }
    }
    (runs, crashes, slowest, slowest_name)
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut mutations = 0usize;
    if let Some(i) = args.iter().position(|a| a == "--mutate") {
        mutations = args.get(i + 1).and_then(|n| n.parse().ok()).unwrap_or(100);
        args.drain(i..(i + 2).min(args.len()));
    }
    let Some(target) = args.first().cloned() else {
        eprintln!("usage: replay TARGET|all PATH... [--mutate N]");
        std::process::exit(2);
    };
    let targets: Vec<&str> = if target == "all" {
        statusdoc_fuzz::TARGETS.to_vec()
    } else {
        vec![target.as_str()]
    };
    let mut failed = false;
    for target in targets {
        let mut files = Vec::new();
        let paths: Vec<String> = if args.len() > 1 {
            args[1..].to_vec()
        } else {
            vec![format!("corpus/{target}")]
        };
        for path in &paths {
            collect(Path::new(path), &mut files);
        }
        let (runs, crashes, slowest, name) = replay(target, &files, mutations);
        println!("{target}: {runs} inputs, {crashes} crashes; slowest {slowest:.2?}: {name}");
        failed |= crashes > 0;
    }
    if failed {
        std::process::exit(1);
    }
}
