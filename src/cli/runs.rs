//! One lint run over many inputs: configs found per file, directories walked, files
//! linted in parallel, `[[ignore]]` applied and unused suppressions reported.

use super::{Common, EXIT_TROUBLE, err, error};
use nianbao::config::{self, Config};
use nianbao::diagnostic::{Diagnostic, Severity};
use nianbao::input::InputError;
use nianbao::lint::{Fixed, Linter, Selection};
use nianbao::outline::Outline;
use nianbao::render::{FileReport, Unreadable, human};
use nianbao::source::{Origin, Source};
use nianbao::{copied, display, files, input, suppress};
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The config file that applies (None: the built-in rule set).
pub type ConfigKey = Option<PathBuf>;

/// One linter per configuration file, found by walking up from each input.
pub struct Linters {
    explicit: Option<PathBuf>,
    color: bool,
    selection: Selection,
    loaded: HashMap<ConfigKey, (Linter, String)>,
    /// The config found for each directory asked about, as the directory was written.
    found: HashMap<PathBuf, ConfigKey>,
}

impl Linters {
    pub fn new(common: &Common, selection: Selection) -> Self {
        Linters {
            explicit: common.config.clone(),
            color: common.color.enabled(),
            selection,
            loaded: HashMap::new(),
            found: HashMap::new(),
        }
    }

    /// The linter for `path`; a config error comes back rendered.
    pub fn for_path(&mut self, path: &Path) -> Result<&Linter, String> {
        let key = self.key_for(path)?;
        Ok(self.linter(&key))
    }

    /// The linter of a configuration already loaded.
    pub fn linter(&self, key: &ConfigKey) -> &Linter {
        &self.loaded[key].0
    }

    /// Loads the config that applies to `path` (a file, a directory or `-`): the
    /// nearest `nianbao.toml` from its directory up, however the path is written
    /// (`r.txt`, `./r.txt`, absolute).
    fn key_for(&mut self, path: &Path) -> Result<ConfigKey, String> {
        if path.as_os_str() == "-" || path.is_dir() {
            self.key_for_dir(path)
        } else {
            self.key_for_dir(path.parent().unwrap_or(Path::new("")))
        }
    }

    /// Loads the config that applies to the files of `dir`; each directory is looked up
    /// once a run.
    fn key_for_dir(&mut self, dir: &Path) -> Result<ConfigKey, String> {
        let key = match &self.explicit {
            Some(p) => Some(p.clone()),
            None => match self.found.get(dir) {
                Some(key) => key.clone(),
                None => {
                    let from = match dir.as_os_str().to_str() {
                        Some("" | "-") => PathBuf::from("."),
                        _ => dir.to_path_buf(),
                    };
                    let key = config::discover(&std::path::absolute(&from).unwrap_or(from));
                    self.found.insert(dir.to_path_buf(), key.clone());
                    key
                }
            },
        };
        if !self.loaded.contains_key(&key) {
            let (config, text) = match &key {
                Some(p) => {
                    let config =
                        Config::load(p).map_err(|e| human::render_config_error(&e, self.color))?;
                    let text = config::read_text(p).unwrap_or_default();
                    (config, text)
                }
                None => (Config::builtin(), String::new()),
            };
            self.loaded
                .insert(key.clone(), (Linter::new(config, &self.selection), text));
        }
        Ok(key)
    }
}

/// One linted input.
pub struct Linted {
    pub report: FileReport,
    pub outline: Outline,
    /// The text with its fixes applied, when fixes were asked for and there are some.
    pub fixed: Option<Fixed>,
    key: ConfigKey,
    /// Per `[[ignore]]` entry of its config, whether it suppressed something here.
    used: Vec<bool>,
}

/// What a run produced.
pub struct Run {
    /// Linted files, sorted by path.
    pub files: Vec<Linted>,
    /// Files sharing much of their text with another file (indexes into `files`).
    pub copies: Vec<copied::Copy>,
    /// Unused `[[ignore]]` entries, as findings in their config files.
    pub unused: Vec<FileReport>,
    /// Inputs that could not be read or were skipped in a walk: the name and the reason,
    /// in Chinese (rows of the report).
    pub failed: Vec<(String, String)>,
    /// Some input could not be read.
    pub trouble: bool,
    /// The inputs that could not be read.
    pub unreadable: Vec<Unreadable>,
    linters: Linters,
}

impl Run {
    /// The configuration that applied to `file`.
    pub fn config_of(&self, file: &Linted) -> &Config {
        self.linters.linter(&file.key).config()
    }
}

/// What a run is to lint: each input file with the configuration that applies to it,
/// and what could not be walked.
pub struct Plan {
    pub linters: Linters,
    pub inputs: Vec<(PathBuf, ConfigKey)>,
    /// As in [`Run`], so far.
    pub failed: Vec<(String, String)>,
    pub trouble: bool,
    pub unreadable: Vec<Unreadable>,
}

/// The inputs of `paths` (files, directories, `-`), walking directories with
/// `extra_exclude` globs; usage and config errors are printed and come back as the
/// exit code.
pub fn plan(
    paths: &[PathBuf],
    common: &Common,
    selection: Selection,
    extra_exclude: &[String],
) -> Result<Plan, ExitCode> {
    let unknown = selection.unknown_ids();
    if !unknown.is_empty() {
        error(super::unknown_rules(&unknown));
        return Err(ExitCode::from(EXIT_TROUBLE));
    }
    // (A bad `--exclude` pattern is an error whether a folder is walked or not.)
    if let Err(m) = files::globs(extra_exclude) {
        error(m);
        return Err(ExitCode::from(EXIT_TROUBLE));
    }
    let mut linters = Linters::new(common, selection);
    let mut trouble = false;
    let mut failed = Vec::new();
    let mut unreadable = Vec::new();
    let mut inputs: Vec<(PathBuf, ConfigKey)> = Vec::new();
    let config_error = |m: String| {
        err(&m);
        ExitCode::from(EXIT_TROUBLE)
    };
    for path in paths {
        let key = linters.key_for(path).map_err(config_error)?;
        if path.as_os_str() != "-" && path.is_dir() {
            let mut patterns = extra_exclude.to_vec();
            patterns.extend(linters.linter(&key).config().exclude.iter().cloned());
            let globs = files::globs(&patterns).map_err(|m| {
                error(m);
                ExitCode::from(EXIT_TROUBLE)
            })?;
            let walk = files::walk(path, &globs);
            for (p, e) in walk.errors {
                error(&e);
                unreadable.push(Unreadable {
                    name: p.clone(),
                    message: e.clone(),
                });
                trouble = true;
                failed.push((p, e));
            }
            for (skipped, reason) in walk.skipped {
                err(&format!(
                    "跳过：{}：{reason}\n",
                    display::escape_line(&skipped)
                ));
                failed.push((skipped, reason.to_string()));
            }
            for f in walk.files {
                let dir = f.parent().unwrap_or(Path::new(""));
                let key = linters.key_for_dir(dir).map_err(config_error)?;
                inputs.push((f, key));
            }
        } else {
            inputs.push((path.clone(), key));
        }
    }
    // A file named twice (a folder and a folder inside it, `a.txt ./a.txt`, a link to
    // it) is read, reported, counted and fixed once.
    let mut seen = rustc_hash::FxHashSet::default();
    inputs.retain(|(p, _)| {
        p.as_os_str() == "-" || seen.insert(std::fs::canonicalize(p).unwrap_or_else(|_| p.clone()))
    });
    Ok(Plan {
        linters,
        inputs,
        failed,
        trouble,
        unreadable,
    })
}

/// Lints `paths` (files, directories, `-`) with `extra_exclude` globs for walks; with
/// `fix`, also fixes each text (nothing is written here). Every file is kept.
pub fn run(
    paths: &[PathBuf],
    common: &Common,
    selection: Selection,
    extra_exclude: &[String],
    fix: bool,
) -> Result<Run, ExitCode> {
    let Plan {
        linters,
        inputs,
        mut failed,
        mut trouble,
        mut unreadable,
    } = plan(paths, common, selection, extra_exclude)?;
    let options = common.read_options();
    let results: Vec<Result<Linted, InputError>> = inputs
        .into_par_iter()
        .map(|(path, key)| {
            let linter = linters.linter(&key);
            let source = input::read(&path, options)?;
            let (outline, diagnostics) = linter.check(&source);
            Ok(Linted {
                report: FileReport {
                    source,
                    diagnostics,
                },
                outline,
                fixed: None,
                key,
                used: Vec::new(),
            })
        })
        .collect();
    let mut files = Vec::new();
    for r in results {
        match r {
            Ok(f) => {
                if f.report.source.maybe_gbk {
                    gbk_notice(&f.report.source.name);
                }
                files.push(f);
            }
            Err(e) => {
                error(&e);
                unreadable.push(Unreadable {
                    name: e.name().to_string(),
                    message: e.to_string(),
                });
                failed.push((e.name().to_string(), e.to_string()));
                trouble = true;
            }
        }
    }
    files.sort_by(|a, b| a.report.source.name.cmp(&b.report.source.name));
    let copies = copied_text(&linters, &mut files);
    // Suppressions after the copied-text check, so `[[ignore]]` reaches its findings
    // too; fixes after both, from the findings that are left.
    let mut usage = Usage::default();
    for f in &mut files {
        let ignore = &linters.linter(&f.key).config().ignore;
        let r = &mut f.report;
        f.used = suppress::apply(ignore, &r.source.name, &r.source.text, &mut r.diagnostics);
        usage.record(&f.key, &f.used);
    }
    if fix {
        files.par_iter_mut().for_each(|f| {
            let linter = linters.linter(&f.key);
            let r = &f.report;
            if matches!(r.source.origin, Origin::Text { .. }) {
                f.fixed = linter.fix(&r.source, &r.diagnostics);
            }
        });
    }
    let unused = usage.unused(&linters);
    Ok(Run {
        files,
        copies,
        unused,
        failed,
        trouble,
        unreadable,
        linters,
    })
}

/// Suggests `--encoding gbk` for a file read as UTF-8 that looks like GBK.
pub fn gbk_notice(name: &str) {
    err(&format!(
        "提示：{}：按 UTF-8 读出的文字不像中文（多为罕见字或夹杂西文字母），\
         字节却像 GBK 编码的中文；若确是 GBK 文件，请加 --encoding gbk 重新检查\n",
        display::escape_line(name)
    ));
}

/// The copied-text check across the run's files, with the first file's settings; its
/// findings go into the files' reports.
fn copied_text(linters: &Linters, files: &mut [Linted]) -> Vec<copied::Copy> {
    let linter_of = |f: &Linted| linters.linter(&f.key);
    let tuning = files
        .first()
        .map(|f| linter_of(f).config().rules.copied_text.clone())
        .unwrap_or_default();
    let severities: Vec<Option<Severity>> = files
        .iter()
        .map(|f| linter_of(f).severity(copied::RULE))
        .collect();
    let mut parts: Vec<(&mut FileReport, &Outline)> = files
        .iter_mut()
        .map(|f| (&mut f.report, &f.outline))
        .collect();
    copied::check(&mut parts, &tuning, |i| severities[i])
}

/// Which `[[ignore]]` entries of each configuration suppressed something, in the
/// order the configurations were first used.
#[derive(Default)]
pub struct Usage(Vec<(ConfigKey, Vec<bool>)>);

impl Usage {
    /// Adds one file's flags ([`suppress::apply`]) under its configuration.
    pub fn record(&mut self, key: &ConfigKey, used: &[bool]) {
        let at = match self.0.iter().position(|(k, _)| k == key) {
            Some(at) => at,
            None => {
                self.0.push((key.clone(), vec![false; used.len()]));
                self.0.len() - 1
            }
        };
        for (t, h) in self.0[at].1.iter_mut().zip(used) {
            *t |= h;
        }
    }

    /// Each entry that matched nothing in any file, as a finding in its config.
    pub fn unused(&self, linters: &Linters) -> Vec<FileReport> {
        let mut out = Vec::new();
        for (key, flags) in &self.0 {
            let Some(path) = key else { continue };
            let (linter, text) = &linters.loaded[key];
            let diagnostics: Vec<Diagnostic> = linter
                .config()
                .ignore
                .iter()
                .zip(flags)
                .filter(|(_, used)| !**used)
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
