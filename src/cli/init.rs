//! `nianbao init`: a commented nianbao.toml showing every setting at its default.

use super::EXIT_TROUBLE;
use nianbao::config::{DEFAULT_TOML, FILE_NAME};
use std::path::Path;
use std::process::ExitCode;

pub fn init(force: bool) -> ExitCode {
    let path = Path::new(FILE_NAME);
    if path.exists() && !force {
        eprintln!("错误：{FILE_NAME} 已存在，未改动；用 --force 覆盖");
        return ExitCode::from(EXIT_TROUBLE);
    }
    match std::fs::write(path, template()) {
        Ok(()) => {
            super::out(&format!(
                "已写入 {FILE_NAME}：去掉行首的 # 即可修改该项设置\n"
            ));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("错误：无法写入 {FILE_NAME}：{e}");
            ExitCode::from(EXIT_TROUBLE)
        }
    }
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
