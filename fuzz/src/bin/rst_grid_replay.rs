//! Replays the rst_grid fuzz target over files and directories, on the stable
//! toolchain: `cargo run --release --bin rst_grid_replay -- corpus/rst_grid ../sources`.
//! With `--mutate N`, also runs N deterministic byte mutations of each file.

use std::path::{Path, PathBuf};

fn collect(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        if let Ok(entries) = std::fs::read_dir(path) {
            for entry in entries.flatten() {
                collect(&entry.path(), out);
            }
        }
    } else {
        out.push(path.to_owned());
    }
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut mutations = 0usize;
    if let Some(i) = args.iter().position(|a| a == "--mutate") {
        mutations = args.get(i + 1).and_then(|n| n.parse().ok()).unwrap_or(100);
        args.drain(i..(i + 2).min(args.len()));
    }
    let mut files = Vec::new();
    for arg in &args {
        collect(Path::new(arg), &mut files);
    }
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut runs = 0;
    for file in &files {
        let Ok(bytes) = std::fs::read(file) else {
            continue;
        };
        statusdoc_fuzz::rst_grid(&bytes);
        runs += 1;
        for _ in 0..mutations {
            let mut data = bytes.clone();
            for _ in 0..4 {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                if data.is_empty() {
                    break;
                }
                let at = (state as usize) % data.len();
                data[at] = b"+|-= \nx"[(state >> 40) as usize % 7];
            }
            statusdoc_fuzz::rst_grid(&data);
            runs += 1;
        }
    }
    println!("{runs} inputs, no panic");
}
