//! Writing fixes back to a file so that nothing else is lost.
//!
//! The file is re-read just before writing and must still decode to the text that was
//! linted; only the fixed spans are re-encoded, every other byte is copied; the result
//! is checked to decode to the fixed text. Then a temporary file in the target's
//! directory gets the original's permissions, owner and group and is renamed over it,
//! unless the file changed meanwhile. A symlink's target is fixed, not the link. Left
//! alone, with the reason: anything that is not a regular file (devices, pipes,
//! `/dev/stdin`, `/proc/…`), a file with other hard links or without write permission,
//! one whose owner cannot be kept. `in_place` writes through the file itself instead
//! (keeping links, owner and inode; not atomic).

use crate::decode::{self, Encoding};
use crate::display;
use std::fmt;
use std::io::{Read, Seek, Write};
use std::ops::Range;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// Why fixes were not written to a file.
#[derive(Debug)]
pub enum Refusal {
    /// A device, pipe, socket, or a path under `/dev` or `/proc`.
    NotRegular,
    /// The file has this many names.
    HardLinked(u64),
    ReadOnly,
    /// The file changed after it was read.
    Changed,
    /// The replacement file could not be given the original's owner and group.
    Owner(std::io::Error),
    /// A replacement has a character the file's encoding cannot represent.
    Unencodable(char, Encoding),
    /// The bytes to write did not decode to the fixed text (a bug; nothing written).
    Mismatch,
    Io(std::io::Error),
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::NotRegular => f.write_str(
                "不是普通文件（设备、管道、/dev 或 /proc 下的路径），修正未写入",
            ),
            Refusal::HardLinked(n) => write!(
                f,
                "文件另有 {} 个硬链接，替换它会使这些链接与之分离；未修改（用 --in-place 直接写入原文件）",
                n - 1
            ),
            Refusal::ReadOnly => f.write_str(
                "文件是只读的，未修改（确需修改请先更改权限，或用 --in-place 直接写入原文件）",
            ),
            Refusal::Changed => f.write_str(
                "文件在检查之后被改动过（例如编辑器刚保存），为免覆盖他人的修改，修正未写入；请重新运行",
            ),
            Refusal::Owner(e) => write!(
                f,
                "无法让新文件保持原来的所有者和组（{}），未修改（用 --in-place 直接写入原文件）",
                display::os_error(e)
            ),
            Refusal::Unencodable(c, encoding) => write!(
                f,
                "修正中的字符“{}”无法用 {encoding} 编码写入，未修改",
                display::escape(&c.to_string())
            ),
            Refusal::Mismatch => f.write_str(
                "修正后的内容未通过校验，未写入（这是 nianbao 的缺陷，请报告）",
            ),
            Refusal::Io(e) => write!(f, "无法写入修正（{}）", display::os_error(e)),
        }
    }
}

impl From<std::io::Error> for Refusal {
    fn from(e: std::io::Error) -> Self {
        Refusal::Io(e)
    }
}

/// A text read from a file and what fixing changed in it.
pub struct Change<'a> {
    /// The text that was linted.
    pub text: &'a str,
    pub encoding: Encoding,
    pub bom: bool,
    /// Edits of `text` (sorted, disjoint byte ranges, replacements).
    pub edits: &'a [(Range<usize>, String)],
    /// `text` with the edits applied.
    pub fixed: &'a str,
}

impl Change<'_> {
    /// `original` (the bytes `text` was decoded from) with the edits, every other byte
    /// copied, checked to decode to the fixed text.
    pub fn patch(&self, original: &[u8]) -> Result<Vec<u8>, Refusal> {
        let edits: Vec<(Range<usize>, &str)> = self
            .edits
            .iter()
            .map(|(r, s)| (r.clone(), s.as_str()))
            .collect();
        let bytes = decode::patch(original, self.encoding, self.bom, self.text, &edits)
            .map_err(|c| Refusal::Unencodable(c, self.encoding))?;
        match decode::decode(&bytes, Some(self.encoding)) {
            Ok(d) if d.text == self.fixed && d.bom == self.bom => Ok(bytes),
            _ => Err(Refusal::Mismatch),
        }
    }

    /// Whether `bytes`, decoded as before, are still the text that was linted.
    fn unchanged(&self, bytes: &[u8]) -> bool {
        decode::decode(bytes, Some(self.encoding))
            .is_ok_and(|d| d.text == self.text && d.bom == self.bom)
    }
}

/// Identity and state of a file, compared just before it is replaced.
#[derive(PartialEq, Eq)]
struct Stamp {
    dev: u64,
    ino: u64,
    len: u64,
    mtime: (i64, i64),
}

impl Stamp {
    fn of(m: &std::fs::Metadata) -> Stamp {
        Stamp {
            dev: m.dev(),
            ino: m.ino(),
            len: m.len(),
            mtime: (m.mtime(), m.mtime_nsec()),
        }
    }
}

/// Writes `change` to the file at `path` (see the module doc for what is refused).
pub fn write(path: &Path, change: &Change, in_place: bool) -> Result<(), Refusal> {
    let target = resolve(path)?;
    let meta = std::fs::metadata(&target)?;
    if !in_place {
        if meta.nlink() > 1 {
            return Err(Refusal::HardLinked(meta.nlink()));
        }
        let writable = meta.permissions().mode() & 0o222 != 0
            && std::fs::OpenOptions::new()
                .write(true)
                .open(&target)
                .is_ok();
        if !writable {
            return Err(Refusal::ReadOnly);
        }
    }
    let mut file = std::fs::File::open(&target)?;
    let stamp = Stamp::of(&file.metadata()?);
    // The original's bytes: at most 2 bytes a char of text (UTF-16) and a BOM.
    let mut original = Vec::new();
    (&mut file)
        .take(2 * change.text.len() as u64 + 5)
        .read_to_end(&mut original)?;
    if !change.unchanged(&original) {
        return Err(Refusal::Changed);
    }
    let bytes = change.patch(&original)?;
    if in_place {
        write_in_place(&target, &stamp, &bytes)
    } else {
        replace(&target, &meta, &stamp, &bytes)
    }
}

/// The regular file `path` names, through any symlinks.
fn resolve(path: &Path) -> Result<PathBuf, Refusal> {
    let special = |p: &Path| p.starts_with("/dev") || p.starts_with("/proc");
    // The link itself, named through its real directory (`../../dev/stdin`).
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    let named = std::fs::canonicalize(dir.unwrap_or(Path::new(".")))?
        .join(path.file_name().unwrap_or_default());
    if special(&std::path::absolute(path)?) || special(&named) {
        return Err(Refusal::NotRegular);
    }
    let target = std::fs::canonicalize(path)?;
    if special(&target) || !std::fs::metadata(&target)?.is_file() {
        return Err(Refusal::NotRegular);
    }
    Ok(target)
}

/// A temporary file beside `target` with the new bytes, its mode, owner and group, then
/// renamed over it if it has not changed since `stamp`.
fn replace(
    target: &Path,
    meta: &std::fs::Metadata,
    stamp: &Stamp,
    bytes: &[u8],
) -> Result<(), Refusal> {
    let dir = target.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(".nianbao-")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    let created = tmp.as_file().metadata()?;
    if (created.uid(), created.gid()) != (meta.uid(), meta.gid()) {
        std::os::unix::fs::fchown(tmp.as_file(), Some(meta.uid()), Some(meta.gid()))
            .map_err(Refusal::Owner)?;
    }
    // After chown, which may clear set-id bits.
    tmp.as_file().set_permissions(meta.permissions())?;
    tmp.as_file().sync_all()?;
    if Stamp::of(&std::fs::metadata(target)?) != *stamp {
        return Err(Refusal::Changed);
    }
    tmp.persist(target).map_err(|e| Refusal::Io(e.error))?;
    Ok(())
}

/// Overwrites `target` itself, if it has not changed since `stamp`.
fn write_in_place(target: &Path, stamp: &Stamp, bytes: &[u8]) -> Result<(), Refusal> {
    let mut file = std::fs::OpenOptions::new().write(true).open(target)?;
    if Stamp::of(&file.metadata()?) != *stamp {
        return Err(Refusal::Changed);
    }
    file.seek(std::io::SeekFrom::Start(0))?;
    file.write_all(bytes)?;
    file.set_len(bytes.len() as u64)?;
    file.sync_all()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change<'a>(
        text: &'a str,
        edits: &'a [(Range<usize>, String)],
        fixed: &'a str,
    ) -> Change<'a> {
        Change {
            text,
            encoding: Encoding::Utf8,
            bom: false,
            edits,
            fixed,
        }
    }

    #[test]
    fn replaces_keeping_permissions_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "74 名").unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o640)).unwrap();
        let edits = [(2..3, String::new())];
        write(&p, &change("74 名", &edits, "74名"), false).unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "74名");
        let mode = std::fs::metadata(&p).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_changed_file_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "74 名，另有新内容").unwrap();
        let edits = [(2..3, String::new())];
        let e = write(&p, &change("74 名", &edits, "74名"), false).unwrap_err();
        assert!(matches!(e, Refusal::Changed), "{e}");
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "74 名，另有新内容");
    }

    #[test]
    fn a_bad_patch_is_never_written() {
        let edits = [(2..3, String::new())];
        let wrong = change("74 名", &edits, "74 名!");
        assert!(matches!(
            wrong.patch("74 名".as_bytes()),
            Err(Refusal::Mismatch)
        ));
    }
}
