//! `placeholder`: template residue left in the report — `××市`, `20XX年`, `X月X日`,
//! `共办理*件`, `满意率为%`, `〔2024〕号`, `某某` in the title or signature, `____`.

use super::{Basic, Document, Rule};
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::outline::LineKind;
use crate::words::WordMatcher;
use std::ops::Range;

pub type Settings = Basic;

pub const SUMMARY: &str =
    "模板残留：××、XX、X月X日、*件、空缺的数字（满意率为%）、标题或落款中的“某某”";

pub const DOC: &str = "\
检查内容
  起草时套用模板未填的占位符：两个以上的“×”“X”（××市、20XX年、共XX件），日期和
  数量中的单个“X”（X月X日、共办理X件），数量前的“*”（开展*次、*区），百分号或
  “个百分点”前缺数字（满意率为%、提高个百分点），没有序号的发文字号（〔2024〕号），
  下划线空格（____），以及标题、落款中的“某某”（某某县人民政府）。
  不报告：正文中的“某某”；案例中匿名的“××”：姓氏或当事人、申请人、被告、行为人、
  牧民、村民等称谓之后（“王××”“当事人×××”“牧民艾××”，可隔名字的头几个字），
  音译名字的间隔号旁（“买买提·××”“×××·×××”），“诉”之前（“买××诉某县自然资源局”），
  或其后几字内是单位、村社名称（公司、超市、店、诊所、医院、厂、村、嘎查、社区、
  居委会、牧场、银行、支行、中心、合作社、学校、养老院、广场等：“××物流有限公司”
  “××银行××支行”“××村”），或隔一个镇、街道等地名后又是匿名的村社（“××镇××村”
  “××街道××社区”），但前面是“全县”“全旗”“共”“覆盖”等计数词的（全县××村），紧接量词、
  地名或数字的仍报告（××件、××万元、
  ××市、20××年）；拉丁字母或型号中的X（XXL、X-200、CXX），乘号（3×4），五角星
  “★”，Markdown 的“**加粗**”。

依据
  《党政机关公文处理工作条例》第十九条：公文文稿应当做到内容完整、数字准确；年度
  报告应当向社会公开，模板残留使报告失实，网站内容检查将其列为错误。

示例
  全年共办理行政复议案件XX件，群众满意率为%。
  → “XX”“为%”是未填写的占位符

设置
  [rules.placeholder]
  severity = \"error\"";

/// Characters that stand for an unknown digit or name in templates.
const X: [char; 5] = ['X', 'x', '×', 'Ｘ', 'ｘ'];

/// A single X or star directly before one of these is a missing figure or date part.
const UNITS: &str = "年月日号次件人个项起家元名场期篇条份户所批轮余";

/// A star before one of these stands for a place name (`*区`).
const PLACES: &str = "省市县区镇乡村";

/// Common surnames: `××` after one, where no unit or place follows, is a name made
/// anonymous in a case (`张××诉某区政府案`), as `某某` is.
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵钱严覃武戴莫孔向汤";

/// An organisation or place a name made anonymous belongs to (`××公司`, `××物流有限公司`,
/// `××超市`, `××村`): one of these directly after `××`, or a few characters on
/// (`ORG_REACH`), is a case party, not a template's blank.
const ORGS: &[&str] = &[
    "公司",
    "企业",
    "集团",
    "有限",
    "商行",
    "超市",
    "商店",
    "商场",
    "店",
    "诊所",
    "卫生室",
    "门诊",
    "医院",
    "药房",
    "厂",
    "作坊",
    "村",
    "社区",
    "小区",
    "物业",
    "银行",
    "支行",
    "分行",
    "信用社",
    "中心",
    "合作社",
    "学校",
    "幼儿园",
    "培训机构",
    "事务所",
    "酒店",
    "宾馆",
    "饭店",
    "餐厅",
    "农场",
    "养殖场",
    "网吧",
    "工作室",
    "车行",
    "驾校",
    "加油站",
    "中学",
    "小学",
    "大学",
    "学院",
    "经营部",
    "门市部",
    "大厦",
    // Sites and bodies a case names (h35: 查处××煤矿超层越界开采案).
    "市场",
    "煤矿",
    "矿山",
    "采石场",
    "水库",
    "项目",
    "园区",
    "农家乐",
    "景区",
    "协会",
    "卫生院",
    "工程",
    "码头",
    "林场",
    "楼盘",
    "餐馆",
    "工地",
    "项目部",
    "美容院",
    "棋牌室",
    "歌舞厅",
    "旅馆",
    "民宿",
    "客栈",
    "营业厅",
    "供销社",
    "会所",
    "茶楼",
    "酒吧",
    "健身房",
    "停车场",
    "回收站",
    // Villages, farms and communities of pastoral areas, the 兵团 and towns (h41).
    "嘎查",
    "牧场",
    "团场",
    "连队",
    "居委会",
    // Sites a complaint or an inspection names (h59).
    "养老院",
    "砂石场",
    "屠宰场",
    "广场",
    "路段",
    "花园",
    "家园",
];

/// How many Han characters may stand between `××` and its organisation (`××房地产开发有限公司`).
const ORG_REACH: usize = 6;

/// A party or person named just before `××` (`当事人×××`, `被申请人××`, `牧民艾××`,
/// the visible syllable of a name between) is made anonymous.
const PARTY_WORDS: [&str; 30] = [
    "当事人",
    "申请人",
    "原告",
    "被告",
    "第三人",
    "行为人",
    "上诉人",
    "申诉人",
    "举报人",
    "投诉人",
    "起诉人",
    "嫌疑人",
    "被执行人",
    "相对人",
    "委托人",
    "代表人",
    "经营者",
    "代理人",
    "负责人",
    "驾驶人",
    "驾驶员",
    "牧民",
    "农民",
    "村民",
    "居民",
    "职工",
    "学生",
    "患者",
    "业主",
    "商户",
];

/// Words before `××` that make it a count (`全县××村实现法律顾问全覆盖`), whatever follows.
const COUNTING: [&str; 14] = [
    "全省", "全市", "全县", "全区", "全旗", "全州", "全盟", "全镇", "全乡", "全师", "全团", "共",
    "计", "覆盖",
];

/// The dots between the parts of a transliterated name (`买买提·××`, `×××·×××`).
const NAME_DOTS: [char; 4] = ['·', '・', '•', '‧'];

/// How many visible characters of a name may stand between a party word and `××`
/// (`申请人买××`, `阿不都××`).
const NAME_REACH: usize = 3;

/// Characters directly after `××` that make it a figure or a place (`××件`, `××万元`,
/// `××多家`, `××公里`, `××门`, `××市`) besides `UNITS` and `PLACES`.
const MAGNITUDES: &str = "十百千万亿多公米吨亩门";

/// Verbs directly before `个百分点`: the figure is missing.
const CHANGE: [&str; 8] = [
    "提高", "下降", "上升", "增长", "降低", "减少", "提升", "增加",
];

pub struct Check {
    triggers: Option<WordMatcher>,
}

/// What a placeholder or a figure left out can start with.
pub const TRIGGERS: [&str; 14] = [
    "X",
    "x",
    "×",
    "Ｘ",
    "ｘ",
    "某某",
    "*",
    "＊",
    "%",
    "％",
    "_",
    "＿",
    "〕号",
    "个百分点",
];

impl Check {
    pub fn new(_: &Settings, _: &Config) -> Self {
        Check {
            triggers: WordMatcher::new(TRIGGERS),
        }
    }
}

fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || c == '〇'
}

/// The run of chars from `set` around byte `at` of `s`.
fn run(s: &str, at: usize, set: impl Fn(char) -> bool) -> Range<usize> {
    let start = s[..at]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| set(c))
        .last()
        .map_or(at, |(i, _)| i);
    let end = at + s[at..].find(|c: char| !set(c)).unwrap_or(s.len() - at);
    start..end
}

/// What is at `at` in line `s` (of kind `kind`), if it is template residue: its span.
fn residue(s: &str, at: usize, trigger: &str, kind: LineKind) -> Option<Range<usize>> {
    let first = trigger.chars().next()?;
    if trigger == "某某" {
        return matches!(kind, LineKind::Title | LineKind::Signature)
            .then(|| at..at + trigger.len());
    }
    if trigger == "〕号" {
        return Some(at..at + trigger.len());
    }
    if trigger == "个百分点" {
        let before = &s[..at];
        return CHANGE
            .iter()
            .any(|v| before.ends_with(v))
            .then(|| at..at + trigger.len());
    }
    let set: &dyn Fn(char) -> bool = match first {
        c if X.contains(&c) => &|c| X.contains(&c),
        '*' | '＊' => &|c| c == '*' || c == '＊',
        '_' | '＿' => &|c| c == '_' || c == '＿',
        _ => &|c| c == '%' || c == '％',
    };
    let r = run(s, at, set);
    let prev = s[..r.start].chars().next_back();
    let next = s[r.end..].chars().next();
    let len = s[r.clone()].chars().count();
    let ascii_letter = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
    let ascii_alnum = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let han = |c: Option<char>| c.is_some_and(is_han);
    let hit = match first {
        c if X.contains(&c) => {
            let latin = ascii_letter(prev) || ascii_letter(next);
            let a_name = len >= 2
                && matches!(kind, LineKind::Paragraph | LineKind::Heading)
                && anonymous(&s[..r.start], &s[r.end..]);
            if latin || next.is_some_and(|c| c.is_ascii_digit()) || a_name {
                false
            } else if len >= 2 {
                han(prev)
                    || han(next)
                    || prev.is_some_and(|c| c.is_ascii_digit())
                    || next.is_some_and(|c| "%％".contains(c))
            } else {
                // One X: only where a digit belongs (X月X日, 共X件), not a variable or X光,
                // nor the X of a formula the line gives (`“1+X”模式，即1个队加X个力量`).
                next.is_some_and(|c| UNITS.contains(c))
                    && !prev.is_some_and(|c| c.is_ascii_digit() || c == '.')
                    && !s.contains("+X")
                    && !s.contains("＋X")
            }
        }
        '*' | '＊' => {
            // Not `带*号的为必填项`: a star before 号 marks a field; not a Markdown bold
            // mark opening `**县政府…**` or closing `**坚持学用结合。**市场监管…`.
            let bold = len == 2
                && (s[r.end..].contains("**") || s[..r.start].matches("**").count() % 2 == 1);
            len <= 3
                && !bold
                && !ascii_alnum(prev)
                && next.is_some_and(|c| (UNITS.contains(c) && c != '号') || PLACES.contains(c))
        }
        '_' | '＿' => {
            len >= 2
                && !ascii_alnum(prev)
                && !ascii_alnum(next)
                // A blank in a sentence or after a label (`联系人：____`); not a Markdown
                // rule (`___` alone on a line).
                && (han(prev) || han(next) || prev.is_some_and(|c| "：:".contains(c)))
        }
        _ => {
            // A percent sign with no figure before it; not a table's unit cell, its
            // figure after it (`出庭应诉率 | % | 100`, a PDF's `出庭应诉率% 100`).
            let after = s[r.end..].trim_start_matches(|c: char| c.is_whitespace() || c == '|');
            let unit_cell =
                after.starts_with(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c));
            han(prev)
                && !prev.is_some_and(|c| "〇一二三四五六七八九十百千万".contains(c))
                && !unit_cell
        }
    };
    hit.then_some(r)
}

/// Whether `××` after `before` and before `rest` stands for a name made anonymous:
/// after a surname, a party word (with a name's first syllables between) or a name
/// dot, before 诉 or a name dot, with no unit, place or figure after it (`张××诉`,
/// `王××等`, `当事人×××不服`, `牧民艾××`, `买买提·××`), or before an organisation or a
/// village (`××公司`, `××物流有限公司`, `××银行××支行`, `××村`, `××嘎查`).
fn anonymous(before: &str, rest: &str) -> bool {
    // A count over a whole area (`全县××村`, `全旗××嘎查`, `覆盖××社区`) is a figure.
    if COUNTING.iter().any(|w| before.ends_with(w)) {
        return false;
    }
    if ORGS.iter().any(|o| rest.starts_with(o)) {
        return true;
    }
    // A town or street, then its village or community, both made anonymous
    // (`××镇××村村民赵××`, `××街道××社区居民`).
    let in_place = ["镇", "乡", "街道", "区", "县"]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
        .is_some_and(|after| {
            let named = after.trim_start_matches(X);
            named.len() < after.len() && ORGS.iter().any(|o| named.starts_with(o))
        });
    if in_place {
        return true;
    }
    let prev = before.chars().next_back();
    let next = rest.chars().next();
    let figure = prev.is_some_and(|c| c.is_ascii_digit())
        || next.is_some_and(|c| {
            UNITS.contains(c)
                || PLACES.contains(c)
                || MAGNITUDES.contains(c)
                || "%％".contains(c)
                || c.is_ascii_digit()
        });
    if figure {
        return false;
    }
    let surname = prev.is_some_and(|c| SURNAMES.contains(c));
    let dotted = prev.is_some_and(|c| NAME_DOTS.contains(&c))
        || next.is_some_and(|c| NAME_DOTS.contains(&c));
    // A case is named by its parties (`买××诉某县自然资源局`); a 兵团 company by
    // its number (`××连`).
    let case = rest.starts_with('诉') || rest.starts_with('连') && !rest.starts_with("连续");
    if surname || dotted || case {
        return true;
    }
    // A party word, or another name made anonymous before a 顿号 (`艾××、吐××`),
    // then at most a name's visible syllables.
    let syllables = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_han(c))
        .take(NAME_REACH)
        .map(|(i, _)| i);
    if std::iter::once(before.len())
        .chain(syllables)
        .map(|end| &before[..end])
        .any(|b| {
            PARTY_WORDS.iter().any(|w| b.ends_with(w))
                || b.strip_suffix('、').is_some_and(|b| b.ends_with(X))
        })
    {
        return true;
    }
    // An organisation a few characters on: `××物流有限公司`, `××运输公司`.
    rest.char_indices()
        .take_while(|&(_, c)| is_han(c))
        .take(ORG_REACH + 1)
        .any(|(i, _)| ORGS.iter().any(|o| rest[i..].starts_with(o)))
}

impl Rule for Check {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let Some(triggers) = &self.triggers else {
            return;
        };
        let text = doc.text();
        for (line, _) in doc.text_lines() {
            let kind = doc.line_kind(line.start).unwrap_or(LineKind::Paragraph);
            let s = &text[line.clone()];
            let mut done = 0;
            for m in triggers.find_iter(s) {
                if m.start() < done {
                    continue;
                }
                let Some(r) = residue(s, m.start(), &s[m.range()], kind) else {
                    continue;
                };
                done = r.end;
                let span = line.start + r.start..line.start + r.end;
                let shown = &text[span.clone()];
                let message = if shown.contains(['%', '％']) && !shown.contains(X) {
                    format!("“{}”前缺少数字，是未填写的模板内容", shown)
                } else if shown.contains("个百分点") {
                    "“个百分点”前缺少数字，是未填写的模板内容".to_string()
                } else if shown == "〕号" {
                    "发文字号缺少序号，是未填写的模板内容".to_string()
                } else {
                    format!("“{shown}”是未填写的模板占位符")
                };
                out.push(
                    Diagnostic::new(span, message)
                        .label("模板残留")
                        .help("填入实际内容，或删去该句"),
                );
            }
        }
    }
}
