//! One lint run over many inputs: configs found per file, directories walked, files
//! linted in parallel, `[[ignore]]` applied and unused suppressions reported.

use super::{Common, EXIT_TROUBLE};
use nianbao::config::{self, Config};
use nianbao::diagnostic::{Diagnostic, Severity};
use nianbao::lint::{Linter, Selection};
use nianbao::outline::Outline;
use nianbao::render::{FileReport, human};
use nianbao::source::Source;
use nianbao::{copied, files, input, suppress};
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The config file that applies (None: the built-in rule set).
type ConfigKey = Option<PathBuf>;

/// One linter per configuration file, found by walking up from each input.
pub struct Linters {
    explicit: Option<PathBuf>,
    color: bool,
    selection: Selection,
    loaded: HashMap<ConfigKey, (Linter, String)>,
}

impl Linters {
    pub fn new(common: &Common, selection: Selection) -> Self {
        Linters {
            explicit: common.config.clone(),
            color: common.color.enabled(),
            selection,
            loaded: HashMap::new(),
        }
    }

    /// The linter for `path`; a config error comes back rendered.
    pub fn for_path(&mut self, path: &str) -> Result<&Linter, String> {
        let key = self.key_for(path)?;
        Ok(&self.loaded[&key].0)
    }

    /// Loads the config that applies to `path` (a file, a directory or `-`).
    fn key_for(&mut self, path: &str) -> Result<ConfigKey, String> {
        let key = match &self.explicit {
            Some(p) => Some(p.clone()),
            None => {
                let p = Path::new(path);
                let dir = if path == "-" {
                    std::env::current_dir().unwrap_or_default()
                } else if p.is_dir() {
                    p.to_path_buf()
                } else {
                    p.parent().unwrap_or(Path::new(".")).to_path_buf()
                };
                config::discover(&std::path::absolute(&dir).unwrap_or(dir))
            }
        };
        if !self.loaded.contains_key(&key) {
            let (config, text) = match &key {
                Some(p) => {
                    let config =
                        Config::load(p).map_err(|e| human::render_config_error(&e, self.color))?;
                    (config, std::fs::read_to_string(p).unwrap_or_default())
                }
                None => (Config::builtin(), String::new()),
            };
            self.loaded
                .insert(key.clone(), (Linter::new(config, &self.selection), text));
        }
        Ok(key)
    }
}

/// What a run produced.
pub struct Run {
    /// Linted files, sorted by path, with their outlines.
    pub files: Vec<(FileReport, Outline)>,
    /// Files sharing much of their text with another file (indexes into `files`).
    pub copies: Vec<copied::Copy>,
    /// Unused `[[ignore]]` entries, as findings in their config files.
    pub unused: Vec<FileReport>,
    /// Inputs that could not be read: path and the reason, in Chinese.
    pub failed: Vec<(String, String)>,
    /// Some input could not be read.
    pub trouble: bool,
    linters: Linters,
    keys: HashMap<String, ConfigKey>,
}

impl Run {
    /// The linter that applied to the file named `path`, if the run read it.
    pub fn linter_of(&self, path: &str) -> Option<&Linter> {
        self.keys.get(path).map(|key| &self.linters.loaded[key].0)
    }
}

/// Lints `paths` (files, directories, `-`) with `extra_exclude` globs for walks.
pub fn run(
    paths: &[String],
    common: &Common,
    selection: Selection,
    extra_exclude: &[String],
) -> Result<Run, ExitCode> {
    let unknown = selection.unknown_ids();
    if !unknown.is_empty() {
        eprintln!(
            "错误：未知的规则：{}（用 `nianbao rules` 查看全部规则）",
            unknown.join(", ")
        );
        return Err(ExitCode::from(EXIT_TROUBLE));
    }
    let mut linters = Linters::new(common, selection);
    let mut trouble = false;
    let mut failed = Vec::new();
    let mut inputs: Vec<(String, ConfigKey)> = Vec::new();
    for path in paths {
        let key = linters.key_for(path).map_err(|m| {
            eprint!("{m}");
            ExitCode::from(EXIT_TROUBLE)
        })?;
        if path != "-" && Path::new(path).is_dir() {
            let mut patterns = extra_exclude.to_vec();
            patterns.extend(linters.loaded[&key].0.config().exclude.iter().cloned());
            let globs = files::globs(&patterns).map_err(|m| {
                eprintln!("错误：{m}");
                ExitCode::from(EXIT_TROUBLE)
            })?;
            let walk = files::walk(Path::new(path), &globs);
            for e in walk.errors {
                eprintln!("错误：{e}");
                trouble = true;
                failed.push((path.clone(), e));
            }
            for (skipped, reason) in walk.skipped {
                eprintln!("跳过：{skipped}：{reason}");
                failed.push((skipped, reason.to_string()));
            }
            for f in walk.files {
                let key = linters.key_for(&f).map_err(|m| {
                    eprint!("{m}");
                    ExitCode::from(EXIT_TROUBLE)
                })?;
                inputs.push((f, key));
            }
        } else {
            inputs.push((path.clone(), key));
        }
    }
    let results: Vec<Result<(FileReport, Outline), String>> = inputs
        .par_iter()
        .map(|(path, key)| {
            let linter = &linters.loaded[key].0;
            let source = input::read(path, common.encoding).map_err(|e| e.to_string())?;
            let (outline, diagnostics) = linter.check(&source);
            Ok((
                FileReport {
                    source,
                    diagnostics,
                },
                outline,
            ))
        })
        .collect();
    let mut files = Vec::new();
    for (r, (path, _)) in results.into_iter().zip(&inputs) {
        match r {
            Ok(f) => files.push(f),
            Err(e) => {
                eprintln!("错误：{e}");
                trouble = true;
                failed.push((path.clone(), e));
            }
        }
    }
    files.sort_by(|a, b| a.0.source.name.cmp(&b.0.source.name));
    let key_of: HashMap<&str, &ConfigKey> = inputs.iter().map(|(p, k)| (p.as_str(), k)).collect();
    let linter_of = |name: &str| key_of.get(name).map(|k| &linters.loaded[*k].0);
    let tuning = files
        .first()
        .and_then(|(r, _)| linter_of(&r.source.name))
        .map(|l| l.config().rules.copied_text.clone())
        .unwrap_or_default();
    let copies = copied::check(&mut files, &tuning, |name| {
        linter_of(name).and_then(|l| l.severity(copied::RULE))
    });
    let unused = apply_suppressions(&linters, &inputs, &mut files);
    Ok(Run {
        files,
        copies,
        unused,
        failed,
        trouble,
        keys: inputs.into_iter().collect(),
        linters,
    })
}

/// Drops suppressed findings; reports each `[[ignore]]` entry that matched nothing.
fn apply_suppressions(
    linters: &Linters,
    inputs: &[(String, ConfigKey)],
    files: &mut [(FileReport, Outline)],
) -> Vec<FileReport> {
    let key_of: HashMap<&str, &ConfigKey> = inputs.iter().map(|(p, k)| (p.as_str(), k)).collect();
    let mut used: HashMap<&ConfigKey, Vec<bool>> = HashMap::new();
    for (report, _) in files.iter_mut() {
        let Some(key) = key_of.get(report.source.name.as_str()) else {
            continue;
        };
        let entries = &linters.loaded[*key].0.config().ignore;
        let hits = suppress::apply(
            entries,
            &report.source.name,
            &report.source.text,
            &mut report.diagnostics,
        );
        let total = used
            .entry(*key)
            .or_insert_with(|| vec![false; entries.len()]);
        for (t, h) in total.iter_mut().zip(hits) {
            *t |= h;
        }
    }
    let mut out = Vec::new();
    for (key, flags) in used {
        let Some(path) = key else { continue };
        let (linter, text) = &linters.loaded[key];
        let diagnostics: Vec<Diagnostic> = linter
            .config()
            .ignore
            .iter()
            .zip(flags)
            .filter(|(_, used)| !used)
            .map(|(entry, _)| unused_entry(text, entry))
            .collect();
        if !diagnostics.is_empty() {
            out.push(FileReport {
                source: Source::new(path.display().to_string(), text.clone()),
                diagnostics,
            });
        }
    }
    out
}

fn unused_entry(config_text: &str, entry: &config::Suppression) -> Diagnostic {
    let quoted = format!("\"{}\"", entry.text.as_deref().unwrap_or(&entry.rule));
    let span = config_text
        .find(&quoted)
        .map_or(0..0, |at| at..at + quoted.len());
    let mut d = Diagnostic::new(
        span,
        format!(
            "未使用的忽略项：规则“{}”在所检查的文件中没有匹配的问题",
            entry.rule
        ),
    )
    .label("没有匹配任何问题")
    .help("问题已改正或文字已变动，可删除这条 [[ignore]]");
    d.rule = "unused-ignore";
    d.severity = Severity::Info;
    d
}
