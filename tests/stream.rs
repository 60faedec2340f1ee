//! `nianbao lint` writes each file's output as soon as it is done; these check that the
//! streamed output is byte for byte what the whole run rendered at once gives (with
//! `--output`, which writes the file whole), whatever the number of threads, and that a
//! reader closing the pipe early ends the run quietly.

mod common;

use common::nianbao;
use common::word::complete_report;
use std::path::Path;
use std::process::{Command, Stdio};

const FORMATS: [&str; 5] = ["human", "json", "short", "github", "sarif"];

/// A folder of mixed inputs: the examples and shapes, a GBK file, a Word document, a copy
/// of a draft (copied text), a binary file that cannot be read, an old Word file that is
/// skipped, and a config with one `[[ignore]]` that is used and one that is not.
fn mixed_folder(dir: &Path) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let sub = dir.join("sub");
    std::fs::create_dir(&sub).unwrap();
    for entry in std::fs::read_dir(root.join("examples/shapes")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            std::fs::copy(&path, sub.join(path.file_name().unwrap())).unwrap();
        }
    }
    let defects = std::fs::read_to_string(root.join("examples/defects.txt")).unwrap();
    let clean = std::fs::read_to_string(root.join("examples/clean.txt")).unwrap();
    std::fs::write(dir.join("defects.txt"), &defects).unwrap();
    std::fs::write(dir.join("defects-copy.txt"), &defects).unwrap();
    std::fs::write(dir.join("clean.txt"), &clean).unwrap();
    let gbk = encoding_rs::GBK.encode(&clean).0;
    std::fs::write(dir.join("gbk.txt"), gbk).unwrap();
    std::fs::write(dir.join("report.docx"), complete_report().build()).unwrap();
    std::fs::write(dir.join("binary.txt"), b"ab\0cd").unwrap();
    std::fs::write(dir.join("old.doc"), b"x").unwrap();
    std::fs::write(
        dir.join("nianbao.toml"),
        "[[ignore]]\nrule = \"copied-text\"\npaths = [\"defects-copy.txt\"]\n\n\
         [[ignore]]\nrule = \"percent-range\"\ntext = \"这段文字不存在\"\n",
    )
    .unwrap();
}

fn run(dir: &Path, format: &str, threads: &str, output: Option<&Path>) -> (Vec<u8>, i32) {
    let mut cmd = nianbao();
    cmd.current_dir(dir)
        .env("RAYON_NUM_THREADS", threads)
        .args([
            "lint",
            "--statistics",
            "--color",
            "never",
            "--format",
            format,
            ".",
        ]);
    if let Some(output) = output {
        cmd.arg("--output").arg(output);
    }
    let out = cmd.output().unwrap();
    (out.stdout, out.status.code().unwrap())
}

#[test]
fn streamed_output_is_the_collected_output_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    mixed_folder(dir.path());
    let whole = tempfile::tempdir().unwrap();
    for format in FORMATS {
        let target = whole.path().join(format!("out.{format}"));
        let (printed, code) = run(dir.path(), format, "1", Some(&target));
        assert!(printed.is_empty());
        let collected = std::fs::read(&target).unwrap();
        let text = String::from_utf8_lossy(&collected);
        assert!(text.contains("copied-text"), "{format}: {text}");
        assert!(text.contains("unused-ignore"), "{format}: {text}");
        assert!(text.contains("report.docx"), "{format}: {text}");
        for threads in ["1", "2", "4"] {
            let (streamed, streamed_code) = run(dir.path(), format, threads, None);
            assert_eq!((streamed_code, code), (2, 2), "{format}: the binary file");
            assert!(
                streamed == collected,
                "{format}, {threads} threads:\n--- streamed\n{}\n--- collected\n{text}",
                String::from_utf8_lossy(&streamed)
            );
        }
    }
}

#[test]
fn a_big_file_rendered_as_it_is_written_gives_the_same_bytes() {
    // Past 1 MiB of text a file is rendered straight into the output, not by the worker.
    let dir = tempfile::tempdir().unwrap();
    let defects = std::fs::read_to_string(common::example("defects.txt")).unwrap();
    let big = defects.repeat((1 << 20) / defects.len() + 1);
    std::fs::write(dir.path().join("big.txt"), &big).unwrap();
    std::fs::write(dir.path().join("defects.txt"), &defects).unwrap();
    std::fs::write(
        dir.path().join("unsafe.txt"),
        defects.replace("。", "\u{1b}[31m\u{202e}。"),
    )
    .unwrap();
    let whole = tempfile::tempdir().unwrap();
    for format in ["human", "json", "sarif"] {
        let target = whole.path().join(format!("out.{format}"));
        let (printed, code) = run(dir.path(), format, "1", Some(&target));
        assert!(printed.is_empty());
        let collected = std::fs::read(&target).unwrap();
        assert!(
            !String::from_utf8_lossy(&collected).contains('\u{1b}'),
            "{format}"
        );
        let (streamed, streamed_code) = run(dir.path(), format, "2", None);
        assert_eq!(streamed_code, code, "{format}");
        assert!(streamed == collected, "{format}");
    }
}

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read(common::example("defects.txt")).unwrap();
    for i in 0..300 {
        std::fs::write(dir.path().join(format!("{i:03}.txt")), &text).unwrap();
    }
    for format in ["human", "json"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_nianbao"))
            .args(["lint", "--format", format])
            .arg(dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Read nothing: the pipe is closed at once, as `| head -0` does.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{format}: {stderr}");
        assert!(stderr.is_empty(), "{format}: {stderr}");
    }
}
