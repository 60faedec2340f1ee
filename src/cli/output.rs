//! `--output FILE`: a command's output written to a file atomically (a temporary file in
//! the same directory, given an existing target's permissions, or a new file's, and
//! renamed over it), never over one of the run's inputs.

use nianbao::display;
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

/// Writes `bytes` to `target` unless it is one of `inputs`; the error is the message to
/// print (after `错误：`).
pub fn write<'a>(
    target: &Path,
    bytes: &[u8],
    inputs: impl IntoIterator<Item = &'a Path>,
) -> Result<(), String> {
    let shown = display::escape_line(&target.to_string_lossy()).into_owned();
    if let Ok(real) = std::fs::canonicalize(target) {
        if real.is_dir() {
            return Err(format!("{shown}：这是一个目录，请指定输出文件"));
        }
        let is_input = inputs
            .into_iter()
            .filter(|p| p.as_os_str() != "-")
            .any(|p| std::fs::canonicalize(p).is_ok_and(|q| q == real));
        if is_input {
            return Err(format!(
                "{shown}：输出文件是所检查的文件之一，拒绝覆盖（请换一个文件名）"
            ));
        }
    }
    replace(target, bytes).map_err(|e| format!("{shown}：无法写入（{}）", display::os_error(&e)))
}

/// A temporary file in `dir`, to be renamed into place as a new file: it has the
/// permissions any new file gets (0666 less the umask), not a temporary file's 0600.
pub fn temporary_in(dir: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    tempfile::Builder::new()
        .prefix(".nianbao-")
        .permissions(std::fs::Permissions::from_mode(0o666))
        .tempfile_in(dir)
}

fn replace(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    // (tempfile's error names the temporary file, which the user never named.)
    let mut tmp = temporary_in(dir).map_err(|e| std::io::Error::from(e.kind()))?;
    tmp.write_all(bytes)?;
    if let Ok(meta) = std::fs::metadata(target) {
        tmp.as_file().set_permissions(meta.permissions())?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(target).map_err(|e| e.error)?;
    Ok(())
}
