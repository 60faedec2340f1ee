//! `nianbao init`: a commented nianbao.toml showing every setting at its default.

use super::{EXIT_TROUBLE, error};
use nianbao::config::{DEFAULT_TOML, FILE_NAME};
use nianbao::display;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// Writes `nianbao.toml` in the current directory: never through a symlink (dangling
/// or not), never over an existing file without `force`, and with `force` by replacing
/// it atomically rather than writing into it.
pub fn init(force: bool) -> ExitCode {
    let path = Path::new(FILE_NAME);
    let existing = std::fs::symlink_metadata(path).ok();
    if existing
        .as_ref()
        .is_some_and(|m| m.file_type().is_symlink())
    {
        error(format!(
            "{FILE_NAME} 是一个符号链接，为免写到别处，未改动；请先删除它或换成普通文件"
        ));
        return ExitCode::from(EXIT_TROUBLE);
    }
    if existing.is_some() && !force {
        error(format!("{FILE_NAME} 已存在，未改动；用 --force 覆盖"));
        return ExitCode::from(EXIT_TROUBLE);
    }
    let written = if existing.is_some() {
        replace(path)
    } else {
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
            .and_then(|mut f| f.write_all(template().as_bytes()))
    };
    match written {
        Ok(()) => {
            super::out(&format!(
                "已写入 {FILE_NAME}：去掉行首的 # 即可修改该项设置\n"
            ));
            ExitCode::SUCCESS
        }
        Err(e) => {
            error(format!("无法写入 {FILE_NAME}（{}）", display::os_error(&e)));
            ExitCode::from(EXIT_TROUBLE)
        }
    }
}

/// Replaces the file at `path` with the template: a temporary file renamed over it.
fn replace(path: &Path) -> std::io::Result<()> {
    let mut tmp = super::output::temporary_in(Path::new("."))?;
    tmp.write_all(template().as_bytes())?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// The built-in rule set with every setting commented out, so the file changes nothing
/// until a line is uncommented.
pub fn template() -> String {
    let mut out = String::from(
        "# nianbao.toml — project settings, layered over nianbao's built-in rule set.\n\
         # Every setting below is shown at its default and commented out; uncomment a line\n\
         # to change it. Lists named extend-… add to the built-in list instead of replacing it.\n\n",
    );
    for line in DEFAULT_TOML.lines() {
        if line.is_empty() || line.starts_with('#') {
            out.push_str(line);
        } else {
            out.push_str("# ");
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_is_valid_and_changes_nothing() {
        let text = template();
        let c = nianbao::config::Config::layered(&[("nianbao.toml", &text)]).unwrap();
        assert_eq!(c.deadline, nianbao::config::Config::builtin().deadline);
        let uncommented = text.replace("# deadline = \"04-01\"", "deadline = \"03-01\"");
        let c = nianbao::config::Config::layered(&[("nianbao.toml", &uncommented)]).unwrap();
        assert_eq!(c.deadline.unwrap().month, 3);
    }
}
