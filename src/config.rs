//! Configuration: the embedded `rules/default.toml`, a user's `nianbao.toml` layered over
//! it, and errors that point at the offending line of the user's file.

use crate::rules::RulesConfig;
use aho_corasick::{AhoCorasick, AhoCorasickKind};
use serde::Deserialize;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The built-in rule set, embedded so `nianbao lint draft.txt` needs no config file.
pub const DEFAULT_TOML: &str = include_str!("../rules/default.toml");

/// The same rule set as JSON, converted by `build.rs`: read at every start instead of
/// the TOML, which takes several times longer to parse.
const DEFAULT_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/default.json"));

/// The built-in rule set read from [`DEFAULT_JSON`] as `T`.
fn from_default_json<T: serde::de::DeserializeOwned>() -> T {
    serde_json::from_str(DEFAULT_JSON).expect("the embedded rules/default.toml is valid")
}

/// The name of the file looked up from a linted file's directory upwards.
pub const FILE_NAME: &str = "nianbao.toml";

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// Publication deadline in the year after the report year.
    pub deadline: Option<MonthDay>,
    /// The deadline for reports of government departments; unset: `deadline`.
    pub department_deadline: Option<MonthDay>,
    pub outline: OutlineConfig,
    pub sections: SectionsConfig,
    pub rules: RulesConfig,
    /// Globs of files a directory walk skips (relative to the walked directory).
    pub exclude: Vec<String>,
    /// Findings the drafter has judged correct: `[[ignore]]` entries.
    pub ignore: Vec<Suppression>,
}

/// One `[[ignore]]` entry: findings of `rule` overlapping `text`, in files matching
/// `paths` (all files when empty).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Suppression {
    pub rule: String,
    pub text: Option<String>,
    pub paths: Vec<String>,
}

/// Word lists the outline builder uses to recognise a report's parts.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct OutlineConfig {
    /// Every one of these must appear in a title line.
    pub title_words: Vec<String>,
    /// Without a title line, a short line with a year and one of these names the work
    /// without `报告` (`…2023年法治政府建设工作情况`, `…推进依法行政工作情况`): a title
    /// with a naming defect.
    pub loose_title_words: Vec<String>,
    /// Keys of web-page metadata (成文日期, 发布机构, …).
    pub metadata_keys: Vec<String>,
    /// A copy site's slogan before its URL marks the URL as a watermark.
    pub watermark_words: Vec<String>,
    /// Keys of a web page's own fields that share a line with metadata (浏览次数, 字号).
    pub field_keys: Vec<String>,
    /// Metadata keys naming the issuing organ, in order of preference.
    pub issuer_keys: Vec<String>,
    /// Web-page chrome (打印, 关闭, 字体大小, …): a short line containing one is not text.
    pub chrome_words: Vec<String>,
    pub extend_chrome_words: Vec<String>,
    /// The longest line, in characters, that can be chrome, a title or a signature line.
    pub short_line: usize,
    /// Lines that may follow the 落款 start with one of these, after an optional opening
    /// parenthesis: the 附注, a contact line, the 版记.
    pub closing_words: Vec<String>,
    /// Lines starting with one of these open the attachments.
    pub attachment_words: Vec<String>,
}

/// The mandated sections: how each role is recognised, which are required, their order.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct SectionsConfig {
    pub order: Vec<Role>,
    pub roles: RolesConfig,
    /// Top-level headings with no role's words, before the shortcomings and plans parts,
    /// report the year's work by theme: together they are `measures`, unless they hold
    /// one of these words (`其他需要报告的情况`).
    pub not_thematic_words: Vec<String>,
    /// Such a run is not the year's work when its text holds one of `work-planned-words`
    /// and none of `work-done-words` (a plan, not a report).
    pub work_done_words: Vec<String>,
    pub work_planned_words: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct RolesConfig {
    pub measures: RoleConfig,
    pub shortcomings: RoleConfig,
    pub duties: RoleConfig,
    pub plans: RoleConfig,
    /// Every role's words and set words in one automaton, built on first use (the
    /// words are final by then); a clone made after that shares it.
    #[serde(skip)]
    finder: Built,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct RoleConfig {
    /// What the regulation calls this part, for messages.
    pub name: String,
    pub words: Vec<String>,
    pub extend_words: Vec<String>,
    /// Sets of words that identify the role when all of a set's words are in a heading
    /// (`主要负责` and `履行`), wherever they stand.
    pub word_sets: Vec<Vec<String>>,
    pub required: bool,
    /// Reports on years before this one are not required to have the part (the duties
    /// part became mandatory with 厅字〔2019〕28号, from the 2019 reports on).
    pub required_from_year: Option<i32>,
}

/// The [`RoleFinder`] once built; shown as nothing, so that a configuration reads the
/// same before and after its first use.
#[derive(Clone, Default)]
struct Built(OnceLock<Option<RoleFinder>>);

impl fmt::Debug for Built {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("_")
    }
}

/// A word's pattern in the automaton, its characters and its bytes.
type Word = (usize, usize, usize);

/// The mandated roles' words found in one pass over a heading: the automaton over the
/// distinct words of every role, and for each role (in [`Role::MANDATED`] order) its
/// words' and its sets' patterns.
#[derive(Clone)]
struct RoleFinder {
    automaton: AhoCorasick,
    roles: [(Vec<Word>, Vec<Vec<Word>>); 4],
}

impl RoleFinder {
    fn new<'a>(roles: &'a RolesConfig) -> Option<Self> {
        let mut distinct: Vec<&str> = Vec::new();
        let mut pattern = |w: &'a String| -> Word {
            let id = distinct.iter().position(|d| *d == w).unwrap_or_else(|| {
                distinct.push(w);
                distinct.len() - 1
            });
            (id, w.chars().count(), w.len())
        };
        let mut words_of = |role: &'a RoleConfig| {
            let words = role.all_words().map(&mut pattern).collect();
            let sets = (role.word_sets.iter())
                .map(|set| set.iter().map(&mut pattern).collect())
                .collect();
            (words, sets)
        };
        let roles = [
            words_of(&roles.measures),
            words_of(&roles.shortcomings),
            words_of(&roles.duties),
            words_of(&roles.plans),
        ];
        // A contiguous NFA: built in a small fraction of a DFA's time (which a run of
        // one report would mostly spend building), and searched about as fast on a
        // heading's few characters.
        let automaton = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&distinct)
            .ok()?;
        Some(RoleFinder { automaton, roles })
    }
}

impl RoleConfig {
    pub fn all_words(&self) -> impl Iterator<Item = &String> {
        self.words.iter().chain(&self.extend_words)
    }
}

/// A role's best match in a heading: the characters of its longest matching word or
/// fully matched word set, and the bytes it covers (a set: from its first word to its
/// last).
pub type RoleMatch = Option<(usize, Range<usize>)>;

impl RolesConfig {
    pub fn get(&self, role: Role) -> Option<&RoleConfig> {
        match role {
            Role::Measures => Some(&self.measures),
            Role::Shortcomings => Some(&self.shortcomings),
            Role::Duties => Some(&self.duties),
            Role::Plans => Some(&self.plans),
            Role::Other => None,
        }
    }

    /// Builds the automaton now, so that clones made after this share it.
    pub fn prepare(&self) {
        self.finder();
    }

    fn finder(&self) -> Option<&RoleFinder> {
        self.finder.0.get_or_init(|| RoleFinder::new(self)).as_ref()
    }

    /// Each mandated role's best match in `heading` ([`Role::MANDATED`] order).
    pub fn matches(&self, heading: &str) -> [RoleMatch; 4] {
        let Some(finder) = self.finder() else {
            return Default::default();
        };
        // Where each word is first found, all in one pass over the heading (what
        // `str::find` gives: overlapping matches come by their end, so a word's first is
        // its leftmost).
        let mut first: Vec<Option<usize>> = vec![None; finder.automaton.patterns_len()];
        for m in finder.automaton.find_overlapping_iter(heading) {
            first[m.pattern().as_usize()].get_or_insert(m.start());
        }
        let found = |&(id, _, len): &Word| first[id].map(|at| at..at + len);
        finder.roles.each_ref().map(|(words, sets)| {
            let words = words.iter().filter_map(|w| Some((w.1, found(w)?)));
            let sets = sets.iter().filter_map(|set| {
                let spans: Vec<Range<usize>> = set.iter().map(found).collect::<Option<_>>()?;
                let start = spans.iter().map(|s| s.start).min()?;
                let end = spans.iter().map(|s| s.end).max()?;
                Some((set.iter().map(|w| w.1).sum(), start..end))
            });
            words
                .chain(sets)
                .max_by_key(|(strength, span)| (*strength, std::cmp::Reverse(span.start)))
        })
    }

    /// `role`'s best match in `heading`; None for [`Role::Other`].
    pub fn best_match(&self, role: Role, heading: &str) -> RoleMatch {
        let i = Role::MANDATED.iter().position(|&r| r == role)?;
        self.matches(heading)[i].clone()
    }
}

/// The role of a top-level section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Measures,
    Shortcomings,
    Duties,
    Plans,
    Other,
}

impl Role {
    pub const MANDATED: [Role; 4] = [
        Role::Measures,
        Role::Shortcomings,
        Role::Duties,
        Role::Plans,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Measures => "measures",
            Role::Shortcomings => "shortcomings",
            Role::Duties => "duties",
            Role::Plans => "plans",
            Role::Other => "other",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A rule's configured level; `off` disables it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    #[default]
    Off,
    Info,
    Warning,
    Error,
}

impl Level {
    pub fn severity(self) -> Option<crate::diagnostic::Severity> {
        use crate::diagnostic::Severity;
        match self {
            Level::Off => None,
            Level::Info => Some(Severity::Info),
            Level::Warning => Some(Severity::Warning),
            Level::Error => Some(Severity::Error),
        }
    }
}

/// A month and day (`04-01`), such as a publication deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(try_from = "String")]
pub struct MonthDay {
    pub month: u32,
    pub day: u32,
}

impl TryFrom<String> for MonthDay {
    type Error = String;

    fn try_from(s: String) -> Result<Self, String> {
        let bad = || format!("“{s}”不是有效的月-日，应写作 MM-DD，例如 \"04-01\"");
        let (m, d) = s.split_once('-').ok_or_else(bad)?;
        let (month, day): (u32, u32) =
            (m.parse().map_err(|_| bad())?, d.parse().map_err(|_| bad())?);
        let days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        if !(1..=12).contains(&month) || day == 0 || day > days[month as usize - 1] {
            return Err(bad());
        }
        Ok(MonthDay { month, day })
    }
}

/// The report years an entry applies to: `">=2019"`, `"<=2020"`, `"2021-2025"` or one
/// year (`"2023"`), both ends inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct Years {
    pub from: Option<i32>,
    pub to: Option<i32>,
}

impl Years {
    pub fn contains(self, year: i32) -> bool {
        self.from.is_none_or(|f| f <= year) && self.to.is_none_or(|t| year <= t)
    }
}

impl fmt::Display for Years {
    /// `2019年度及以后`, `2020年度及以前`, `2021—2025年度`, `2023年度`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.from, self.to) {
            (Some(a), Some(b)) if a == b => write!(f, "{a}年度"),
            (Some(a), Some(b)) => write!(f, "{a}—{b}年度"),
            (Some(a), None) => write!(f, "{a}年度及以后"),
            (None, Some(b)) => write!(f, "{b}年度及以前"),
            (None, None) => f.write_str("各年度"),
        }
    }
}

impl TryFrom<String> for Years {
    type Error = String;

    fn try_from(s: String) -> Result<Self, String> {
        let bad = || {
            format!(
                "“{s}”不是有效的年份范围，应写作 \">=2019\"、\"<=2020\"、\"2021-2025\" 或 \"2023\""
            )
        };
        let year = |t: &str| {
            t.trim()
                .parse::<i32>()
                .ok()
                .filter(|y| (1949..=2100).contains(y))
                .ok_or_else(bad)
        };
        let t = s.trim();
        let years = if let Some(rest) = t.strip_prefix(">=") {
            Years {
                from: Some(year(rest)?),
                to: None,
            }
        } else if let Some(rest) = t.strip_prefix("<=") {
            Years {
                from: None,
                to: Some(year(rest)?),
            }
        } else if let Some((a, b)) = t.split_once('-') {
            Years {
                from: Some(year(a)?),
                to: Some(year(b)?),
            }
        } else {
            let y = year(t)?;
            Years {
                from: Some(y),
                to: Some(y),
            }
        };
        match (years.from, years.to) {
            (Some(a), Some(b)) if a > b => Err(bad()),
            _ => Ok(years),
        }
    }
}

/// A configuration error, located in the file it came from where possible.
#[derive(Debug)]
pub struct ConfigError {
    /// The file's name as shown to the user.
    pub name: String,
    /// The file's text, for quoting; empty when it could not be read.
    pub text: String,
    pub message: String,
    pub span: Option<Range<usize>>,
}

impl ConfigError {
    fn from_toml(name: &str, text: &str, err: toml::de::Error) -> Self {
        ConfigError {
            name: name.to_string(),
            text: text.to_string(),
            message: chinese_toml_message(err.message()),
            span: err.span(),
        }
    }
}

/// A TOML or serde message in Chinese, the original after it in parentheses where it
/// says more. Messages that are already Chinese (a setting's own check) are kept.
fn chinese_toml_message(message: &str) -> String {
    let message = message.trim();
    const SERDE: [&str; 6] = [
        "unknown field",
        "unknown variant",
        "missing field",
        "duplicate",
        "invalid type",
        "invalid value",
    ];
    // (A serde message may quote Chinese from the file: `invalid type: string "主要负责人"`.)
    let english = SERDE.iter().any(|p| message.starts_with(p));
    if !english
        && message
            .chars()
            .any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
    {
        return message.to_string();
    }
    // The words between backticks: `foo`, then the expected ones.
    let quoted: Vec<&str> = message.split('`').skip(1).step_by(2).collect();
    let first = quoted.first().copied().unwrap_or("");
    let expected = || {
        let rest: Vec<&str> = quoted.iter().skip(1).copied().collect();
        if rest.is_empty() {
            String::new()
        } else {
            format!("（可用：{}）", rest.join("、"))
        }
    };
    if message.starts_with("unknown field") {
        format!("未知的设置项“{first}”{}", expected())
    } else if message.starts_with("unknown variant") {
        format!("无效的取值“{first}”{}", expected().replace("可用", "可选"))
    } else if message.starts_with("missing field") {
        format!("缺少设置项“{first}”")
    } else if message.starts_with("duplicate key") || message.starts_with("duplicate field") {
        format!("设置项“{first}”重复出现")
    } else if message.starts_with("invalid type") {
        format!("取值的类型不对{}（{message}）", expected_kind(message))
    } else if message.starts_with("invalid value") {
        format!("取值无效{}（{message}）", expected_kind(message))
    } else {
        format!("TOML 语法错误（{}）", message.replace('\n', "；"))
    }
}

/// What a serde message says was expected, in Chinese: `，应为列表` for `expected a
/// sequence`; nothing for what it does not name plainly.
fn expected_kind(message: &str) -> String {
    let Some((_, expected)) = message.rsplit_once("expected ") else {
        return String::new();
    };
    let kind = match expected.trim() {
        "a sequence" => "列表（[…]）",
        "a string" => "字符串（\"…\"）",
        "a boolean" => "true 或 false",
        "a map" => "表",
        e if e.starts_with("struct ") => "表",
        e if e.starts_with('u') || e.starts_with('i') || e.contains("integer") => "整数",
        e if e.starts_with('f') => "数字",
        _ => return String::new(),
    };
    format!("，应为{kind}")
}

/// The text of a config file, in whatever encoding nianbao reads documents in (TOML
/// wants UTF-8, but editors on Windows save GBK or UTF-16 too).
pub fn read_text(path: &Path) -> Result<String, ConfigError> {
    let name = path.display().to_string();
    let error = |message| ConfigError {
        name: name.clone(),
        text: String::new(),
        message,
        span: None,
    };
    let bytes = std::fs::read(path).map_err(|e| {
        error(format!(
            "无法读取配置文件（{}）",
            crate::display::os_error(&e)
        ))
    })?;
    crate::decode::decode(&bytes, None)
        .map(|d| d.text)
        .map_err(|e| error(format!("配置文件无法解码：{e}")))
}

impl Config {
    /// The built-in configuration alone.
    pub fn builtin() -> Config {
        // Read straight into the configuration: with no layer there is no table to merge
        // into, and a process starts sooner (a test checks both ways agree).
        from_default_json()
    }

    /// The built-in configuration with each `(name, text)` layered over it in turn.
    pub fn layered(layers: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let mut merged: toml::Table = from_default_json();
        for (name, text) in layers {
            // Deserialising the layer alone reports unknown keys and bad values with
            // their span in that file; the merged table has no spans left.
            let layer = toml::from_str::<Config>(text)
                .map_err(|e| ConfigError::from_toml(name, text, e))?;
            check_ignore_rules(name, text, &layer)?;
            check_globs(name, text, &layer)?;
            merge(&mut merged, parse_table(name, text)?);
        }
        toml::Value::Table(merged)
            .try_into()
            .map_err(|e: toml::de::Error| ConfigError {
                name: "nianbao.toml".to_string(),
                text: String::new(),
                message: chinese_toml_message(e.message()),
                span: None,
            })
    }

    /// The built-in configuration layered with the file at `path`.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let name = path.display().to_string();
        let text = read_text(path)?;
        Config::layered(&[(&name, &text)])
    }
}

/// Every `[[ignore]]` entry names a rule that exists.
fn check_ignore_rules(name: &str, text: &str, layer: &Config) -> Result<(), ConfigError> {
    match layer
        .ignore
        .iter()
        .find(|s| crate::rules::info(&s.rule).is_none())
    {
        None => Ok(()),
        Some(s) => {
            let quoted = format!("\"{}\"", s.rule);
            Err(ConfigError {
                name: name.to_string(),
                text: text.to_string(),
                message: format!("[[ignore]] 中的规则“{}”不存在", s.rule),
                span: text.find(&quoted).map(|at| at..at + quoted.len()),
            })
        }
    }
}

/// Every glob (`exclude`, `[[ignore]] paths`) is valid, or the error quotes it.
fn check_globs(name: &str, text: &str, layer: &Config) -> Result<(), ConfigError> {
    let patterns = layer
        .exclude
        .iter()
        .chain(layer.ignore.iter().flat_map(|s| &s.paths));
    for p in patterns {
        if let Err(e) = globset::Glob::new(p) {
            let span = [format!("\"{p}\""), format!("'{p}'")]
                .iter()
                .find_map(|q| text.find(q.as_str()).map(|at| at..at + q.len()));
            return Err(ConfigError {
                name: name.to_string(),
                text: text.to_string(),
                message: format!("无效的文件匹配模式“{p}”（{}）", e.kind()),
                span,
            });
        }
    }
    Ok(())
}

fn parse_table(name: &str, text: &str) -> Result<toml::Table, ConfigError> {
    text.parse::<toml::Table>()
        .map_err(|e| ConfigError::from_toml(name, text, e))
}

/// Layers `over` onto `base`: tables merge key by key, anything else is replaced
/// (so a project's `[[ignore]]` and `exclude` replace the built-in empty lists).
fn merge(base: &mut toml::Table, over: toml::Table) {
    for (key, value) in over {
        match (base.get_mut(&key), value) {
            (Some(toml::Value::Table(b)), toml::Value::Table(o)) => merge(b, o),
            (_, value) => {
                base.insert(key, value);
            }
        }
    }
}

/// The nearest `nianbao.toml` in `dir` or one of its ancestors.
pub fn discover(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|candidate| candidate.is_file())
}

#[cfg(test)]
mod tests {
    /// The built-in configuration (read from the JSON made by `build.rs`) is what the
    /// TOML file says, read directly or as a table with nothing layered over it.
    #[test]
    fn builtin_is_the_default_file_with_no_layer() {
        let from_toml: super::Config = toml::from_str(super::DEFAULT_TOML).unwrap();
        let layered = super::Config::layered(&[]).unwrap();
        let builtin = format!("{:?}", super::Config::builtin());
        assert_eq!(builtin, format!("{from_toml:?}"));
        assert_eq!(builtin, format!("{layered:?}"));
    }

    use super::*;

    /// The longest word, or the fullest set, at its first place; a word repeated in the
    /// lists or in a set is found all the same.
    #[test]
    fn a_role_matches_its_longest_word_or_set() {
        let roles = RolesConfig {
            shortcomings: RoleConfig {
                words: vec!["不足".into(), "存在的不足".into(), "问题".into()],
                extend_words: vec!["问题".into()],
                word_sets: vec![vec!["主要负责".into(), "问题".into()]],
                ..RoleConfig::default()
            },
            // Another role's words, some the same, do not count for this one.
            plans: RoleConfig {
                words: vec!["问题".into(), "主要举措".into()],
                ..RoleConfig::default()
            },
            ..RolesConfig::default()
        };
        let best = |heading| roles.best_match(Role::Shortcomings, heading);
        let heading = "二、问题与存在的不足";
        let (strength, span) = best(heading).unwrap();
        assert_eq!((strength, &heading[span]), (5, "存在的不足"));
        let heading = "问题：主要负责同志的问题";
        let (strength, span) = best(heading).unwrap();
        assert_eq!((strength, &heading[span]), (6, "问题：主要负责"));
        assert_eq!(best("主要举措和成效"), None);
        assert_eq!(
            roles.best_match(Role::Plans, "主要举措和成效"),
            Some((4, 0..12))
        );
        assert_eq!(roles.best_match(Role::Other, "主要举措和成效"), None);
    }

    #[test]
    fn builtin_config_has_the_four_roles_in_order() {
        let c = Config::builtin();
        assert_eq!(c.sections.order, Role::MANDATED.to_vec());
        assert!(c.sections.roles.duties.required);
        assert_eq!(c.deadline, Some(MonthDay { month: 4, day: 1 }));
    }

    #[test]
    fn a_layer_overrides_scalars_and_keeps_the_rest() {
        let c = Config::layered(&[(
            "t.toml",
            "deadline = \"03-01\"\n[sections.roles.duties]\nextend-words = [\"主要负责人\"]\n",
        )])
        .unwrap();
        assert_eq!(c.deadline, Some(MonthDay { month: 3, day: 1 }));
        assert!(
            c.sections
                .roles
                .duties
                .all_words()
                .any(|w| w == "第一责任人")
        );
        assert!(
            c.sections
                .roles
                .duties
                .all_words()
                .any(|w| w == "主要负责人")
        );
    }

    #[test]
    fn unknown_key_points_at_its_line() {
        let text = "deadline = \"04-01\"\nfoo = 1\n";
        let e = Config::layered(&[("t.toml", text)]).unwrap_err();
        assert!(
            e.message.starts_with("未知的设置项“foo”（可用："),
            "{}",
            e.message
        );
        assert_eq!(&text[e.span.unwrap()], "foo");
    }

    /// A value of the wrong type or out of range says what was expected, in Chinese, even
    /// where serde quotes Chinese from the file.
    #[test]
    fn wrong_types_and_values_say_what_was_expected() {
        for (text, expected) in [
            (
                "[sections.roles.duties]\nextend-words = \"主要负责人\"\n",
                "取值的类型不对，应为列表",
            ),
            (
                "[rules.copied-text]\nthreshold = -5\n",
                "取值无效，应为整数",
            ),
            ("rules = 1\n", "取值的类型不对，应为表"),
        ] {
            let e = Config::layered(&[("t.toml", text)]).unwrap_err();
            assert!(e.message.starts_with(expected), "{text}: {}", e.message);
        }
    }

    #[test]
    fn bad_deadline_is_an_error_with_span() {
        let text = "deadline = \"13-45\"\n";
        let e = Config::layered(&[("t.toml", text)]).unwrap_err();
        assert!(e.message.contains("MM-DD"), "{}", e.message);
        assert!(text[e.span.unwrap()].contains("13-45"));
    }

    #[test]
    fn syntax_errors_and_bad_globs_are_chinese_and_located() {
        let text = "deadline = \"04-01\"\n[rules\n";
        let e = Config::layered(&[("t.toml", text)]).unwrap_err();
        assert!(e.message.starts_with("TOML 语法错误（"), "{}", e.message);
        let text = "[[ignore]]\nrule = \"wording\"\npaths = [\"drafts/[a.txt\"]\n";
        let e = Config::layered(&[("t.toml", text)]).unwrap_err();
        assert!(e.message.contains("无效的文件匹配模式"), "{}", e.message);
        assert_eq!(&text[e.span.unwrap()], "\"drafts/[a.txt\"");
        let e = Config::layered(&[("t.toml", "exclude = [\"a{b\"]\n")]).unwrap_err();
        assert!(e.span.is_some(), "{}", e.message);
    }

    #[test]
    fn years_read_every_form_and_reject_the_rest() {
        let y = |s: &str| Years::try_from(s.to_string());
        assert!(y(">=2019").unwrap().contains(2019));
        assert!(!y(">=2019").unwrap().contains(2018));
        assert!(y("<=2020").unwrap().contains(1990));
        assert!(!y("<=2020").unwrap().contains(2021));
        let range = y("2021-2025").unwrap();
        assert!(range.contains(2021) && range.contains(2025) && !range.contains(2026));
        assert_eq!(
            y("2023").unwrap(),
            Years {
                from: Some(2023),
                to: Some(2023)
            }
        );
        for bad in ["", "2025-2021", ">=20", "abc", "2021—2025"] {
            assert!(y(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn unknown_rule_id_is_rejected() {
        let text = "[rules.no-such-rule]\nseverity = \"off\"\n";
        let e = Config::layered(&[("t.toml", text)]).unwrap_err();
        assert!(e.message.contains("no-such-rule"), "{}", e.message);
    }
}
