//! End-to-end benchmark of the real binary: `cargo bench --bench cli`.
//!
//! Builds, in a temporary directory, a folder of 2,000 reports (the corpus seeds of
//! `../shared/corpus` repeated, about 28 MB) and one file of about 7 MB, then times
//! `nianbao lint --format json` on them, process start and output included, beside
//! `wc -m` (reading and decoding the same files as UTF-8) in the same run: the folder on
//! one thread and on two, the big file, one report, and 2 MB of one-character lines and
//! of empty lines (the most lines, and for `1` the most tokens, a file can hold per
//! byte: what a line costs in memory). Each figure is the median of
//! five runs; the peak memory is the largest resident size of the command's process
//! (from `getrusage(RUSAGE_CHILDREN)` in a helper process that runs just that command).
//! Skips with a notice when the corpus is absent.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const RUNS: usize = 5;
const FOLDER_FILES: usize = 2000;
const BIG_BYTES: usize = 7 << 20;
/// Set in the helper process that runs one measured command.
const CHILD: &str = "NIANBAO_BENCH_CHILD";

fn main() {
    if std::env::var_os(CHILD).is_some() {
        return child();
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seeds_dir = root.join("../shared/corpus/seeds");
    if !seeds_dir.is_dir() {
        println!("skipped: {} is absent", seeds_dir.display());
        return;
    }
    let mut seeds: Vec<PathBuf> = std::fs::read_dir(&seeds_dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    seeds.sort();
    let texts: Vec<Vec<u8>> = seeds.iter().map(|p| std::fs::read(p).unwrap()).collect();
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("folder");
    std::fs::create_dir(&folder).unwrap();
    let mut folder_files = Vec::new();
    for i in 0..FOLDER_FILES {
        let path = folder.join(format!("{i:04}.txt"));
        std::fs::write(&path, &texts[i % texts.len()]).unwrap();
        folder_files.push(path);
    }
    let joined = texts.join(&b"\n"[..]);
    let big = dir.path().join("big.txt");
    std::fs::write(&big, joined.repeat(BIG_BYTES / joined.len() + 1)).unwrap();
    let one = seeds[0].clone();
    let ones = dir.path().join("ones.txt");
    std::fs::write(&ones, "1\n".repeat(1 << 20)).unwrap();
    let empty = dir.path().join("empty-lines.txt");
    std::fs::write(&empty, "\n".repeat(2 << 20)).unwrap();
    let bin = env!("CARGO_BIN_EXE_nianbao");
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("machine: {cpus} cores; nianbao = {bin}");
    println!("each figure: the median of {RUNS} runs, whole process; peak = its largest RSS");
    let size = |paths: &[PathBuf]| -> u64 {
        paths
            .iter()
            .map(|p| std::fs::metadata(p).unwrap().len())
            .sum()
    };
    let cases: [(&str, Vec<PathBuf>, PathBuf, usize); 6] = [
        ("folder, 1 thread ", folder_files.clone(), folder.clone(), 1),
        ("folder, 2 threads", folder_files.clone(), folder.clone(), 2),
        ("7 MB file, 1 thread", vec![big.clone()], big.clone(), 1),
        ("one report", vec![one.clone()], one.clone(), 1),
        ("lines of `1`", vec![ones.clone()], ones.clone(), 1),
        ("empty lines", vec![empty.clone()], empty.clone(), 1),
    ];
    for (label, files, target, threads) in cases {
        let bytes = size(&files);
        let mut lint = Command::new(bin);
        lint.args(["lint", "--format", "json"]).arg(&target);
        lint.env("RAYON_NUM_THREADS", threads.to_string());
        let mut wc = Command::new("wc");
        wc.arg("-m").args(&files).env("LC_ALL", "C.UTF-8");
        let (lint_time, lint_peak) = measure(&lint);
        let (wc_time, wc_peak) = measure(&wc);
        let mb = bytes as f64 / 1e6;
        println!(
            "{label}: {mb:.2} MB: nianbao {:>8.1} ms = {:>6.1} MB/s, peak {lint_peak:>5.1} MiB | \
             wc -m {:>8.1} ms = {:>6.1} MB/s, peak {wc_peak:>5.1} MiB | nianbao/wc {:.2}×",
            ms(lint_time),
            mb / lint_time.as_secs_f64(),
            ms(wc_time),
            mb / wc_time.as_secs_f64(),
            lint_time.as_secs_f64() / wc_time.as_secs_f64(),
        );
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// The median wall time of `RUNS` runs of `cmd` (after one warm-up) and its largest
/// peak memory in MiB, each run in its own helper process.
fn measure(cmd: &Command) -> (Duration, f64) {
    let mut times = Vec::new();
    let mut peak: f64 = 0.0;
    for run in 0..=RUNS {
        let mut helper = Command::new(std::env::current_exe().unwrap());
        helper
            .env(CHILD, "1")
            .arg(cmd.get_program())
            .args(cmd.get_args());
        for (k, v) in cmd.get_envs() {
            if let Some(v) = v {
                helper.env(k, v);
            }
        }
        let out = helper.stderr(Stdio::inherit()).output().unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        let mut fields = text.split_whitespace();
        let nanos: u64 = fields.next().unwrap().parse().unwrap();
        let kib: f64 = fields.next().unwrap().parse().unwrap();
        if run > 0 {
            times.push(Duration::from_nanos(nanos));
            peak = peak.max(kib / 1024.0);
        }
    }
    times.sort();
    (times[times.len() / 2], peak)
}

/// In the helper: runs the command given as arguments, its output thrown away, and
/// prints its wall time in nanoseconds and its peak resident size in KiB.
fn child() {
    let mut args = std::env::args_os().skip(1);
    let program = args.next().expect("a command");
    let start = Instant::now();
    let status = Command::new(program)
        .args(args)
        .env_remove(CHILD)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("the command starts");
    let elapsed = start.elapsed();
    assert!(status.code().is_some(), "the command was killed");
    // SAFETY: getrusage only writes the struct it is given.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage);
        usage
    };
    println!("{} {}", elapsed.as_nanos(), usage.ru_maxrss);
}
