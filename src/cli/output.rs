//! `--output FILE`: a command's output written to a file atomically (a temporary file in
//! the same directory, renamed over the target), never over one of the run's inputs.

use nianbao::fix;
use std::path::Path;

/// Writes `bytes` to `target` unless it is one of `inputs`; the error is the message to
/// print.
pub fn write<'a>(
    target: &Path,
    bytes: &[u8],
    inputs: impl IntoIterator<Item = &'a str>,
) -> Result<(), String> {
    let shown = target.display();
    if let Ok(real) = std::fs::canonicalize(target) {
        if real.is_dir() {
            return Err(format!("错误：{shown}：这是一个目录，请指定输出文件"));
        }
        let is_input = inputs
            .into_iter()
            .filter(|p| *p != "-")
            .any(|p| std::fs::canonicalize(p).is_ok_and(|q| q == real));
        if is_input {
            return Err(format!(
                "错误：{shown}：输出文件是所检查的文件之一，拒绝覆盖（请换一个文件名）"
            ));
        }
    }
    let written = if target.exists() {
        fix::write_atomic(target, bytes)
    } else {
        write_new(target, bytes)
    };
    written.map_err(|e| format!("错误：{shown}：无法写入（{e}）"))
}

fn write_new(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let dir = target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(target).map_err(|e| e.error)?;
    Ok(())
}
