//! The structural rules on small drafts: cases that must fire and near-misses that must not.

mod common;

use common::{findings, findings_with, fixed, messages};
use nianbao::config::Config;
use nianbao::lint::{Linter, Selection};
use nianbao::source::{Origin, Source};

const COMPLETE: &str = "某市2023年法治政府建设年度报告\n一、2023年主要举措和成效\n全年办理行政复议案件120件，依法决策水平持续提升。\n二、存在的不足和原因\n基层法治力量薄弱，合法性审查能力有待提升。\n三、党政主要负责人履行推进法治建设第一责任人职责情况\n主要负责人专题研究法治政府建设工作4次。\n四、2024年工作安排\n深化依法行政制度建设，推进严格规范公正文明执法。\n某市人民政府\n2024年1月26日\n";

#[test]
fn a_complete_draft_has_no_structural_findings() {
    for rule in [
        "section-missing",
        "section-order",
        "section-empty",
        "title-missing",
        "title-year",
        "numbering",
        "signature-missing",
        "duplicate-text",
        "web-residue",
    ] {
        assert!(
            findings(rule, COMPLETE).is_empty(),
            "{rule} fired on the complete draft"
        );
    }
}

#[test]
fn section_order_points_at_the_first_section_out_of_place() {
    let text = COMPLETE
        .replace(
            "一、2023年主要举措和成效",
            "一、党政主要负责人履行第一责任人职责情况X",
        )
        .replace(
            "三、党政主要负责人履行推进法治建设第一责任人职责情况",
            "三、2023年主要举措和成效",
        );
    let f = findings("section-order", &text);
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(f[0].contains("存在的不足和原因"), "{f:?}");
}

#[test]
fn section_empty_fires_on_a_bare_heading() {
    let text = COMPLETE.replace("基层法治力量薄弱，合法性审查能力有待提升。\n", "");
    assert_eq!(findings("section-empty", &text), ["二、存在的不足和原因"]);
}

#[test]
fn title_year_needs_a_year_that_agrees() {
    let no_year = COMPLETE.replace("某市2023年法治政府建设年度报告", "某市法治政府建设年度报告");
    assert_eq!(messages("title-year", &no_year), ["标题未写明报告年度"]);
    // A year without its 年 is written, if short of it.
    let bare = COMPLETE.replace(
        "某市2023年法治政府建设年度报告",
        "某市2023法治政府建设年度报告",
    );
    assert_eq!(
        messages("title-year", &bare),
        ["标题中的年份“2023”后缺少“年”字"]
    );
    let other_year = COMPLETE.replace("一、2023年主要举措和成效", "一、2022年主要举措和成效");
    assert_eq!(findings("title-year", &other_year).len(), 1);
    // A cover's title names the report it sends, with its year, in book-title marks (h45).
    for cover in [
        "关于报送《某市2023年度法治政府建设情况报告》的函",
        "关于公开《某市2023年法治政府建设年度报告》的公告",
    ] {
        let text = COMPLETE.replace("某市2023年法治政府建设年度报告", cover);
        assert!(findings("title-year", &text).is_empty(), "{cover}");
        let wrong = text
            .replace("2023年度法治", "2022年度法治")
            .replace("2023年法治", "2022年法治");
        assert_eq!(findings("title-year", &wrong).len(), 1, "{cover}");
    }
    // A heading naming the title's year after another; a year in full-width digits.
    let both = COMPLETE.replace(
        "一、2023年主要举措和成效",
        "一、巩固2022年示范创建成果，2023年推进法治政府建设的主要举措和成效",
    );
    assert!(findings("title-year", &both).is_empty());
    // A span from an earlier year to the present takes in the title's year.
    let since = COMPLETE.replace("一、2023年主要举措和成效", "一、2021年以来主要举措和成效");
    assert!(findings("title-year", &since).is_empty());
    // A goal's year in a thematic heading is no period's (h61).
    let goal = COMPLETE.replace(
        "一、2023年主要举措和成效",
        "一、紧扣2025年基本建成法治政府目标，主要举措和成效",
    );
    assert!(findings("title-year", &goal).is_empty());
    let wide = COMPLETE.replace(
        "某市2023年法治政府建设年度报告",
        "某市２０２３年法治政府建设年度报告",
    );
    assert!(findings("title-year", &wide).is_empty());
}

#[test]
fn numbering_skips_repeats_and_mixed_styles() {
    let skip = COMPLETE
        .replace("三、党政", "四、党政")
        .replace("四、2024", "五、2024");
    assert_eq!(findings("numbering", &skip), ["四、"]);
    let repeat = COMPLETE.replace("三、党政", "二、党政");
    assert!(findings("numbering", &repeat).contains(&"二、".to_string()));
    let mixed = COMPLETE.replace("二、存在", "二.存在");
    assert!(findings("numbering", &mixed).is_empty());
    assert_eq!(findings("numbering-punct", &mixed), ["二."]);
    let enumeration = COMPLETE.replace("全年办理", "一是强化领导。三是全年办理");
    assert_eq!(findings("numbering", &enumeration), ["三是"]);
    // Items `（1）`, `（2）` under `一是` do not end the run of 一是, 二是.
    let sub_items = COMPLETE.replace(
        "全年办理",
        "一是强化领导，健全机制。\n（1）建立评估机制。\n（2）开展交叉互查。\n二是全年办理",
    );
    assert!(findings("numbering", &sub_items).is_empty());
    let bold = COMPLETE.replace("全年办理", "**强化领导。**一是健全机制；二是全年办理");
    assert!(findings("numbering", &bold).is_empty());
    let skipped = sub_items.replace("二是全年办理", "三是全年办理");
    assert_eq!(findings("numbering", &skipped), ["三是"]);
}

/// Each top-level part numbers its third level by its own scheme; thematic parts, the
/// measures together, may number through all of them (h56).
#[test]
fn numbering_schemes_per_part_and_through_thematic_parts() {
    let body = "全年审查规范性文件12件，提出修改意见36条。";
    let per_part = format!(
        "青川区2023年度法治政府建设情况报告\n一、2023年主要举措和成效\n（一）完善制度体系\n1.健全机制。{body}\n\
         （二）规范执法行为\n2.推行三项制度。{body}\n二、存在的不足和原因\n基层力量不足，原因是编制偏紧。\n\
         三、2024年工作安排\n（一）加强制度建设\n1.推进动态清理。{body}\n（二）规范执法\n1.加强队伍培训。{body}\n"
    );
    assert!(
        findings("numbering", &per_part).is_empty(),
        "{:?}",
        findings("numbering", &per_part)
    );
    let thematic = format!(
        "某省2024年法治政府建设年度报告\n一、深入学习贯彻习近平法治思想\n1.强化理论武装。{body}\n2.健全学法制度。{body}\n\
         二、依法全面履行政府职能\n3.深化放管服改革。{body}\n4.优化营商环境。{body}\n\
         三、健全依法行政制度体系\n5.加强立法工作。{body}\n6.严格备案审查。{body}\n\
         四、存在的不足和原因\n基层力量不足，原因是编制偏紧。\n五、2025年工作安排\n持续深化依法行政。\n"
    );
    assert!(
        findings("numbering", &thematic).is_empty(),
        "{:?}",
        findings("numbering", &thematic)
    );
    // A gap in such a run is still one.
    let gap = thematic.replace("6.严格备案", "7.严格备案");
    assert_eq!(findings("numbering", &gap), ["7."]);
}

#[test]
fn a_restart_at_one_is_not_a_numbering_error() {
    let twice = format!("{COMPLETE}{COMPLETE}");
    assert!(findings("numbering", &twice).is_empty());
    assert_eq!(findings("duplicate-text", &twice).len(), 1);
}

/// Tables' rules and rows repeat by layout: no duplicate text.
#[test]
fn duplicate_text_passes_over_tables() {
    let rule = "+----------+----------+--------------------+";
    let header = "| 项目 | 数量 | 备注（单位：件、次、人次、万元） |";
    let table =
        format!("{rule}\n{header}\n{rule}\n| 行政处罚 | 4268 | 其中一般程序1876件 |\n{rule}\n");
    let text = COMPLETE.replace(
        "全年办理行政复议案件120件",
        &format!("全年办理行政复议案件120件。\n{table}\n{table}"),
    );
    assert!(findings("duplicate-text", &text).is_empty());
    // A plain-text table's header row repeated after a page break, its cells apart by
    // tabs or aligned by spaces (h72).
    for header in [
        "单位\t考评得分\t其中：日常考核\t其中：年终评估\t负责人出庭应诉率（%）",
        "    监督专业          监督检查      立案      其中：简易程序      罚没款",
    ] {
        let text = COMPLETE.replace(
            "全年办理行政复议案件120件",
            &format!("全年办理行政复议案件120件。\n{header}\n甲\t1\n— 3 —\n{header}\n乙\t2\n"),
        );
        assert!(findings("duplicate-text", &text).is_empty(), "{header}");
    }
    // A republished article's divider image before each heading.
    let divider = "![图片](https://mmbiz.qpic.cn/mmbiz_gif/Abc123/640?wx_fmt=gif&from=appmsg)";
    let text = COMPLETE
        .replace("\n二、", &format!("\n{divider}\n二、"))
        .replace("\n三、", &format!("\n{divider}\n三、"));
    assert!(findings("duplicate-text", &text).is_empty());
    // A paragraph repeated is still reported.
    let twice = "全面推行行政执法公示制度、执法全过程记录制度和重大执法决定法制审核制度。";
    let text = COMPLETE
        .replace("\n二、", &format!("\n{twice}\n二、"))
        .replace("\n三、", &format!("\n{twice}\n三、"));
    assert_eq!(findings("duplicate-text", &text).len(), 1);
}

#[test]
fn organ_and_date_on_one_line_sign_the_report() {
    for organ in [
        "某市人民政府",
        "凤凰北街街道办事处",
        "锡林郭勒盟行政公署",
        "某苏木",
        "某市综合行政执法大队",
        "某市消防救援支队",
        "国家统计局某市调查队",
        "某海关",
        // A seal's note between them (h94).
        "某县水利局　（印章）",
        "某县水利局(盖章)",
    ] {
        let text = COMPLETE.replace(
            "某市人民政府\n2024年1月26日\n",
            &format!("{organ}　2024年1月26日\n"),
        );
        let f = findings("signature-missing", &text);
        assert!(f.is_empty(), "{organ}: {f:?}");
    }
}

/// A 落款 set in a borderless table, as an online editor exports it in pipe rows (h92).
#[test]
fn a_signature_in_a_table_signs_the_report() {
    for table in [
        "|  |  |\n| --- | --- |\n|  | 某市人民政府 |\n|  | 2024年1月26日 |\n",
        "| 某市人民政府 | 2024年1月26日 |\n",
        "|  | 某市人民政府 |\n|  | 2024年1月26日 |\n",
        // (Full-width bars beside ASCII ones: cells apart at either.)
        "｜ | 某市人民政府 ｜\n｜ | 2024年1月26日 ｜\n",
    ] {
        let text = COMPLETE.replace("某市人民政府\n2024年1月26日\n", table);
        let f = findings("signature-missing", &text);
        assert!(f.is_empty(), "{table}: {f:?}");
    }
}

#[test]
fn signature_needs_organ_and_date() {
    let no_date = COMPLETE.replace("2024年1月26日\n", "");
    assert_eq!(findings("signature-missing", &no_date), ["某市人民政府"]);
    // Only the date: the organ is missing, unless the title names it (a page copy
    // loses the seal that names it).
    let no_organ = COMPLETE.replace("某市人民政府\n2024年1月26日\n", "2024年1月26日\n");
    assert_eq!(findings("signature-missing", &no_organ), ["2024年1月26日"]);
    let titled = no_organ.replace(
        "某市2023年法治政府建设年度报告",
        "某市人民政府2023年法治政府建设年度报告",
    );
    assert!(findings("signature-missing", &titled).is_empty());
    let nothing = COMPLETE.replace("某市人民政府\n2024年1月26日\n", "");
    assert_eq!(findings("signature-missing", &nothing).len(), 1);
    // A report delivered to a meeting: dated under its title, no 落款.
    let title = COMPLETE.lines().next().unwrap();
    let dated = nothing.replacen(title, &format!("{title}\n（2024年1月26日）"), 1);
    assert!(findings("signature-missing", &dated).is_empty());
    let meeting = nothing.replacen(
        title,
        &format!("{title}\n（2024年1月26日在市人大常委会第十次会议上）"),
        1,
    );
    assert!(findings("signature-missing", &meeting).is_empty());
    for under in [
        "2024年1月26日",
        // (A date without its day too.)
        "（2024年1月）",
        "2024年1月",
        "——2024年1月26日在市人大常委会第十次会议上",
        "某市人民政府（2024年1月26日）",
        "（2024年1月26日在市人大常委会第十次会议上）\n市人民政府副市长　王明",
        // Passed at a meeting (h58).
        "（2024年1月26日某市人民政府第26次常务会议审议通过）",
    ] {
        let dated = nothing.replacen(title, &format!("{title}\n{under}"), 1);
        assert!(findings("signature-missing", &dated).is_empty(), "{under}");
    }
    for not_dated in ["截至2024年1月26日", "（2024年13月）", "2024年1月工作"] {
        let text = nothing.replacen(title, &format!("{title}\n{not_dated}"), 1);
        assert_eq!(findings("signature-missing", &text).len(), 1, "{not_dated}");
    }
    let not_dated = nothing.replacen(title, &format!("{title}\n截至2024年1月26日"), 1);
    assert_eq!(findings("signature-missing", &not_dated).len(), 1);
    let not_a_date = nothing.replacen(title, &format!("{title}\n（征求意见稿）"), 1);
    assert_eq!(findings("signature-missing", &not_a_date).len(), 1);
}

/// A 落款 date a scan or a slip marked: a stray mark or a seal's character beside it, a
/// character OCR misread in it. A date-format warning tells of the misreading.
#[test]
fn a_marked_signature_date_is_the_date() {
    for date in [
        "2024年1月26日。",
        "2024年1月26日 ·",
        "· 2024年1月26日",
        "2024年1月26日 府",
        "2024年1月26曰",
        "2O24年1月26日",
        "2024年1月2l日",
    ] {
        let text = COMPLETE.replace("2024年1月26日\n", &format!("{date}\n"));
        let f = findings("signature-missing", &text);
        assert!(f.is_empty(), "{date}: {f:?}");
        let misread = date.contains(['曰', 'O', 'l']);
        assert_eq!(
            !findings("date-format", &text).is_empty(),
            misread,
            "{date}"
        );
    }
    // A letter run on to the date is no stray mark; nor is a date in a sentence.
    for not_a_date in ["2024年1月26日前", "于2024年1月26日印发"] {
        let text = COMPLETE.replace("2024年1月26日\n", &format!("{not_a_date}\n"));
        assert_eq!(
            findings("signature-missing", &text).len(),
            1,
            "{not_a_date}"
        );
    }
}

/// Marks of text direction (a date copied from Windows' file properties, a right-to-left
/// page) show nothing: the date and the title's year read through them.
#[test]
fn marks_of_text_direction_are_invisible() {
    for mark in ["\u{200E}", "\u{200F}", "\u{202A}", "\u{2066}", "\u{061C}"] {
        let date = format!("{mark}2024{mark}年{mark}1{mark}月{mark}26{mark}日{mark}");
        let text = COMPLETE.replace("2024年1月26日\n", &format!("{date}\n"));
        let f = findings("signature-missing", &text);
        assert!(f.is_empty(), "{mark:?}: {f:?}");
        let title = COMPLETE.lines().next().unwrap();
        let marked = title.replacen("年", &format!("{mark}年"), 1);
        let text = COMPLETE.replacen(title, &marked, 1);
        let f = findings("title-year", &text);
        assert!(f.is_empty(), "{mark:?}: {f:?}");
    }
}

/// A page naming its title only in a field (`标题：…`) has a title.
#[test]
fn a_title_given_as_a_field_is_a_title() {
    let body = COMPLETE.split_once('\n').unwrap().1;
    let text = format!("标题：某市2023年法治政府建设年度报告\n\n{body}");
    assert!(findings("title-missing", &text).is_empty());
    for key in ["标　　题", "名　　称", "信息名称"] {
        let spaced = format!("{key}：某市2023年法治政府建设年度报告\n\n{body}");
        assert!(findings("title-missing", &spaced).is_empty(), "{key}");
    }
    let other = format!("标题：某市2023年工作要点\n\n{body}");
    assert_eq!(findings("title-missing", &other).len(), 1);
}

#[test]
fn web_residue_is_short_chrome_lines_only() {
    let text = format!("打印 关闭\n{COMPLETE}点击关闭本页后，群众可在线打印材料。\n");
    assert_eq!(findings("web-residue", &text), ["打印 关闭"]);
    let help = |text: &str| {
        common::lint("web-residue", text, "")
            .into_iter()
            .map(|d| d.help.unwrap_or_default().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(help(&text), ["删除这一行"]);
    // A WeChat article's video placeholder is the page's, not a sentence (h82).
    let video = COMPLETE.replacen('\n', "\n视频加载中...\n", 1);
    assert_eq!(findings("web-residue", &video), ["视频加载中..."]);
    assert!(findings("sentence-end", &video).is_empty());
    // Chrome cut out of a report flattened onto one line is no line of its own (h55).
    let flat = format!(
        "当前位置：首页 > 政务公开 > 法治政府{}",
        COMPLETE.replace('\n', "")
    );
    let found = help(&flat);
    assert!(found.iter().all(|h| h.contains("这段文字")), "{found:?}");
}

#[test]
fn percent_range_flags_rates_over_100_but_not_growth() {
    assert_eq!(findings("percent-range", "全年诉前引调率超100%。").len(), 1);
    assert_eq!(findings("percent-range", "群众满意度达120%。").len(), 1);
    assert!(findings("percent-range", "收案数同比增长134.41%，调解成功率99.84%。").is_empty());
    assert!(findings("percent-range", "出庭应诉率100%。").is_empty());
    assert!(findings("percent-range", "增长率达150%。").is_empty());
    // A table's row with a percent in each column: one column may be the growth.
    let table = "指标\t2023年\t2024年\t增幅\n线上公证占比\t12.0%\t38.2%\t218.3%\n";
    assert!(findings("percent-range", table).is_empty());
    let table = "指标 | 2023年 | 2024年 | 增幅\n线上公证占比 | 12.0% | 38.2% | 218.3%\n";
    assert!(findings("percent-range", table).is_empty());
    // A rate over 100% in its own row is still one.
    assert_eq!(
        findings("percent-range", "指标\t数值\n纠错率\t103.2%\n").len(),
        1
    );
}

#[test]
fn percent_range_lets_a_completion_rate_exceed_100() {
    assert!(findings("percent-range", "全年完成年度目标任务的135%，完成率135%。").is_empty());
    assert!(findings("percent-range", "年度计划完成率达112.5%。").is_empty());
    // A budget overspent, prices and interest in a case, efficiency raised.
    for text in [
        "预算执行率108.6%。",
        "涉案药店进销差价率高达300%，年化利率最高达365%。",
        "企业开办审批效率提升200%。",
        // The sectors' measures against a target or a base.
        "高中阶段教育毛入学率102.3%。",
        "保障性住房开工率114.3%，基本建成率109.6%。",
        "其中县人民医院病床使用率102.3%。",
        "全县政府综合债务率为112.3%。",
        "研发费用加计扣除比例为120%。",
        "目标达成率115.2%，粮食播种面积落实率100.3%。",
        // Going over a limit, against the limit; a percent of a named base (h44).
        "货车实际总质量达126.4吨，超限率达158%，面包车超员率达171%。",
        "补偿比例为评估价的110%。",
        // Against a year before (2019's visitors), output against sales; a speed-up (h65).
        "旅游接待人次恢复率112.6%，工业产品产销率100.3%。",
        "推行并联审批后，工程建设项目审批效率提速150%。",
    ] {
        assert!(findings("percent-range", text).is_empty(), "{text}");
    }
    // Other rates still may not, and the list is a setting.
    assert_eq!(findings("percent-range", "覆盖率达135%。").len(), 1);
    assert_eq!(
        findings("percent-range", "罚没款收入占比较上年的105%有所下降。").len(),
        1
    );
    assert_eq!(
        findings_with(
            "percent-range",
            "完成率135%。",
            "[rules.percent-range]\nmay-exceed-words = []\n"
        )
        .len(),
        1
    );
}

#[test]
fn duties_and_shortcomings_are_required_from_the_2019_reports_on() {
    let old = "某县人民政府关于2017年度法治政府建设情况的报告\n一、依法全面履行政府职能\n全年办理行政复议案件120件，依法决策水平持续提升。\n二、存在的问题\n基层法治力量薄弱。\n三、2018年工作打算\n深化依法行政。\n";
    assert!(findings("section-missing", old).is_empty());
    // Before 2019 a report of its work and its plans alone is whole.
    let two_parts = old.replace("二、存在的问题\n基层法治力量薄弱。\n三、", "二、");
    assert!(findings("section-missing", &two_parts).is_empty());
    let new = old.replace("2017", "2019").replace("2018", "2020");
    let f = findings("section-missing", &new);
    assert_eq!(f.len(), 1, "{f:?}");
    let new_two_parts = two_parts.replace("2017", "2019").replace("2018", "2020");
    assert_eq!(findings("section-missing", &new_two_parts).len(), 2);
    let later = findings_with(
        "section-missing",
        old,
        "[sections.roles.duties]\nrequired-from-year = 2015\n",
    );
    assert_eq!(later.len(), 1);
}

/// The duties part inside the measures part: a third-level heading, or a paragraph whose
/// short first sentence names it. A mere mention in a sentence is no part.
#[test]
fn duties_below_the_top_or_as_a_lead_sentence_is_present() {
    let report = |duties: &str| {
        format!(
            "某县2023年法治政府建设情况报告\n一、2023年主要举措和成效\n（一）加强组织领导\n1.健全工作机制。全年召开专题会议4次。\n{duties}\n二、存在的不足和原因\n基层力量薄弱，原因是培训不足。\n三、2024年工作安排\n深化依法行政。\n"
        )
    };
    for duties in [
        "2.推动党政主要负责人履行法治建设第一责任人职责。一是局主要负责人带头学法。",
        "全面落实法治建设第一责任人职责。街道党政主要负责人严格履行职责，带头学法。",
        "二是压实第一责任人职责。主要负责人主持研究法治工作3次。",
        "2.强化组织领导，压实法治建设第一责任。委主要负责人切实履行职责。",
        // A point of a 一是…二是… run inside a paragraph.
        "全年召开会议4次。一是健全制度。二是扛牢法治建设第一责任人职责。主要负责人带头学法。",
        // The “关键少数” (the leaders) setting the example.
        "（二）“关键少数”带头推进法治建设情况",
        "二是发挥“关键少数”引领作用。局长带头学法4次。",
        // The opening clause of a paragraph, also after a heading run into it.
        "局党组书记、局长认真履行推进法治建设第一责任人职责，带头学法4次。",
        "（二）强化领导责任，夯实法治基础。街道党工委书记认真履行推进法治建设第一责任人职责，年初召开专题会议。",
        // The head chairing the work, under a part named for the Party's leadership.
        "（二）加强党对法治政府建设的领导\n区长主持召开区政府常务会议专题研究法治政府建设工作4次，组织会前学法12次。",
        // The head's duties in a later clause of a paragraph's first sentence (h55).
        "厅党组坚持和加强党对法治建设的领导，党组书记、厅长某某同志切实履行法治政府建设第一责任人职责，多次主持召开党组会。",
        "部长某某同志带领班子深入学习，切实履行推进法治政府建设第一责任人职责，扎实做好各项工作。",
        "自治区党委和政府主要负责同志自觉扛起法治建设第一责任人职责，从全区大局出发谋划推进。",
        // After a lead set off as the paragraph's heading (h56).
        "压实法治建设责任。部党组书记、部长认真履行推进法治建设第一责任人职责，主持研究法治工作11次。",
        // A copying site's watermark inside the lead sentence (h55).
        "一是组织学法。二是扛牢法治建设第一秘书之家—全网资源每日更新www.mishuzj.com责任人职责。厅党组书记主持召开党组会。",
    ] {
        let f = findings("section-missing", &report(duties));
        assert!(f.is_empty(), "{duties}: {f:?}");
    }
    for not_duties in [
        "全年组织学法4次，各单位按照要求履行推进法治建设第一责任人职责，取得了积极成效。",
        "2.健全制度。制定工作规则3项。",
        // Chairing other work is not the part.
        "区长主持召开区政府常务会议研究营商环境工作4次，组织会前学法12次。",
        // Others' heads, as the object of what the unit did; the duties as a thing
        // spoken of.
        "全年召开会议4次。推动省、市、县党政主要负责人履行推进法治建设第一责任人职责清单制度实现全覆盖。",
        "全年召开会议4次。督促下级党政主要负责人切实履行推进法治建设第一责任人职责。",
        "全年召开会议4次。将党政主要负责人履行推进法治建设第一责任人职责情况纳入年终述职。",
        "全年召开会议4次，认真贯彻《党政主要负责人履行推进法治建设第一责任人职责规定》。",
        // A later sentence of a paragraph on other work: a detail, not the part; also
        // after a heading run into its paragraph (seed 003, h56).
        "（三）强化组织领导，压实法治建设责任。局党组把法治政府建设纳入年度重点工作。局主要负责人认真履行推进法治建设第一责任人职责，研究法治工作4次。",
        "局党组把法治政府建设纳入年度重点工作。局主要负责人认真履行推进法治建设第一责任人职责，研究法治工作4次。",
        "坚持集体学法，全年举办讲座4期。厅主要负责人切实履行推进法治建设第一责任人职责，主持研究法治议题12件。",
    ] {
        let f = findings("section-missing", &report(not_duties));
        assert_eq!(f.len(), 1, "{not_duties}: {f:?}");
    }
}

/// Shapes of ministry and township reports (h56): closing paragraphs without headings
/// followed by items set off by a lead; an unnumbered duties heading naming two heads;
/// a heading naming the measures beside the duties.
#[test]
fn parts_in_leads_items_and_combined_headings() {
    let closing = "海洋渔业部2022年法治政府建设年度报告\n一、加强党对法治政府建设的领导\n\
        部党组书记、部长认真履行推进法治建设第一责任人职责，主持召开部党组会议研究法治工作11次。\n\
        二、严格规范公正文明执法\n全国共查办渔业违法违规案件3.1万件，移送司法机关案件3262件。\n\
        同时也要看到，我部法治政府建设还存在一些不足，主要是立法进度不够快。究其原因，主要是立法协调难度大。\n\
        2023年，我部将深入学习贯彻党的二十大精神，重点做好以下工作。\n\
        加快推进渔业立法。推进渔业法配套规章制定修订。\n加强执法队伍建设。推进执法装备标准化。\n\
        深化“放管服”改革。提升政务服务便利化水平。\n海洋渔业部\n2023年3月10日\n";
    let f = findings("section-missing", closing);
    assert!(f.is_empty(), "{f:?}");
    let heads = "桃源街道2024年度法治政府建设情况报告\n主要工作开展情况\n\
        全年法律顾问审查合同48份，办理行政处罚案件216件，调解矛盾纠纷462件。\n\
        街道党工委书记、办事处主任履行推进法治建设第一责任人职责情况\n\
        坚持带头学法，主持党工委会议会前学法10次，带头旁听庭审1次。\n存在的不足及原因\n\
        执法人员专业能力不足，主要原因是执法人员多为辅助人员转岗。\n2025年工作思路\n\
        加强执法队伍培训，完善矛盾纠纷多元化解机制。\n";
    let f = findings("section-missing", heads);
    assert!(f.is_empty(), "{f:?}");
    let combined = COMPLETE
        .replace(
            "一、2023年主要举措和成效",
            "一、2023年法治政府建设主要举措和成效及主要负责人履行第一责任人职责情况",
        )
        .replace("三、党政主要负责人履行推进法治建设第一责任人职责情况\n", "");
    let f = findings("section-missing", &combined);
    assert!(f.is_empty(), "{f:?}");
    // (Also by a four-character name joined on: `主要工作及`, `主要做法和`, h75.)
    for heading in [
        "一、2023年法治政府建设主要工作及主要负责人履职情况",
        "一、2023年法治政府建设主要做法和主要负责人履职情况",
    ] {
        let combined = combined.replace(
            "一、2023年法治政府建设主要举措和成效及主要负责人履行第一责任人职责情况",
            heading,
        );
        let f = findings("section-missing", &combined);
        assert!(f.is_empty(), "{heading}: {f:?}");
    }
    // The duties part's own full name does not name the measures too.
    let duties_only = COMPLETE
        .replace(
            "一、2023年主要举措和成效\n全年办理行政复议案件120件，依法决策水平持续提升。\n",
            "",
        )
        .replace(
            "三、党政主要负责人履行推进法治建设第一责任人职责情况",
            "三、党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设情况",
        );
    assert_eq!(findings("section-missing", &duties_only).len(), 1);
}

/// A heading naming two parts (`存在的不足和下一步工作安排`) holds both; a heading whose
/// words for two parts overlap (`2024年主要工作安排`) names only one.
#[test]
fn a_heading_naming_two_parts_holds_both() {
    let text = "某县2023年法治政府建设情况报告\n一、2023年推进法治政府建设的主要举措和成效\n全年办理行政复议案件120件。\n二、党政主要负责人履行推进法治建设第一责任人职责情况\n主持召开专题会议4次。\n三、存在的不足和下一步工作安排\n基层力量薄弱。2024年将深化依法行政。\n";
    assert!(findings("section-missing", text).is_empty());
    let plans_only = text.replace("存在的不足和下一步工作安排", "2024年主要工作安排");
    assert_eq!(findings("section-missing", &plans_only).len(), 1);
    for merged in ["问题与展望", "存在问题及改进措施"] {
        let f = findings(
            "section-missing",
            &text.replace("存在的不足和下一步工作安排", merged),
        );
        assert!(f.is_empty(), "{merged}: {f:?}");
    }
}

/// Shortcomings given without a heading, in a paragraph closing the part before the
/// plans or the last part, with their causes; one paragraph may give them and the plans.
#[test]
fn shortcomings_in_a_closing_paragraph_are_the_shortcomings() {
    let without = COMPLETE.replace(
        "二、存在的不足和原因\n基层法治力量薄弱，合法性审查能力有待提升。\n",
        "",
    );
    assert_eq!(findings("section-missing", &without).len(), 1);
    let closing = "同时，我们也清醒认识到，工作中还存在一些不足，一是基层法治力量薄弱，主要原因是人员编制紧张。";
    let before_plans = without.replace(
        "四、2024年工作安排",
        &format!("{closing}\n四、2024年工作安排"),
    );
    assert!(findings("section-missing", &before_plans).is_empty());
    // Without causes, or in the body of an earlier part, it is no part.
    let no_cause = before_plans.replace("，主要原因是人员编制紧张", "");
    assert_eq!(findings("section-missing", &no_cause).len(), 1);
    let earlier = without.replace(
        "全年办理行政复议案件120件，依法决策水平持续提升。",
        &format!("全年办理行政复议案件120件。\n{closing}\n全年开展培训4次。"),
    );
    assert_eq!(findings("section-missing", &earlier).len(), 1);
    // One closing paragraph: the year's work, the shortcomings and their causes, the plans.
    let both = without.replace(
        "四、2024年工作安排\n深化依法行政制度建设，推进严格规范公正文明执法。\n",
        "2023年，全市法治政府建设取得积极成效，但还存在一些不足，主要原因是培训不够。2024年，我市将深化依法行政制度建设。\n",
    );
    assert!(
        findings("section-missing", &both).is_empty(),
        "{:?}",
        findings("section-missing", &both)
    );
}

/// A short report without headings, as a township publishes it: each part a paragraph
/// of its own, opened by a lead (ending in `。` or `：`), a time or a connective; the
/// plans followed by their items in paragraphs of their own, a closing sentence and
/// `特此报告。` (h47).
#[test]
fn a_short_report_without_headings_has_its_parts() {
    let base = "某县青山镇2024年度法治政府建设工作报告\n\
        2024年，青山镇扎实推进法治政府建设各项工作。现将有关情况报告如下。\n\
        一年来，镇党委、镇政府坚持把法治建设摆在全局工作的重要位置，全年审查镇级合同协议32份，办理行政处罚案件47件。\n\
        但也存在一些问题和不足：一是镇村干部法治意识仍需增强，主要原因是学法培训不够系统。\n\
        2024年，镇党政主要负责人认真履行推进法治建设第一责任人职责，全年主持专题学法2次。\n\
        下一步，我镇将重点做好以下工作：\n\
        一是深入学习贯彻习近平法治思想，加强镇村干部法治培训。\n\
        二是充实综合行政执法力量，规范执法行为。\n\
        我镇将以更加务实的作风推进法治政府建设。\n\
        特此报告。\n\
        某县青山镇人民政府\n\
        2025年1月20日\n";
    let f = findings("section-missing", base);
    assert!(f.is_empty(), "{f:?}");
    // Leads ending in a colon name their parts.
    let leads = base
        .replace("一年来，镇党委", "主要举措和成效：镇党委")
        .replace("但也存在一些问题和不足：一是", "存在的不足和原因：一是")
        .replace(
            "2024年，镇党政主要负责人",
            "主要负责人履行第一责任人职责情况：镇党政主要负责人",
        );
    let f = findings("section-missing", &leads);
    assert!(f.is_empty(), "{f:?}");
    // A part left out is still missing: the duties, the plans, the shortcomings.
    let no_duties = base.replace(
        "2024年，镇党政主要负责人认真履行推进法治建设第一责任人职责，全年主持专题学法2次。\n",
        "",
    );
    assert_eq!(findings("section-missing", &no_duties).len(), 1);
    let no_plans = base
        .replace("下一步，我镇将重点做好以下工作：\n", "")
        .replace("我镇将以更加务实的作风推进法治政府建设。\n", "");
    assert_eq!(findings("section-missing", &no_plans).len(), 1);
    let no_shortcomings = base.replace(
        "但也存在一些问题和不足：一是镇村干部法治意识仍需增强，主要原因是学法培训不够系统。\n",
        "",
    );
    assert_eq!(findings("section-missing", &no_shortcomings).len(), 1);
    // Without the year's work: an opening paragraph without figures of work, then the
    // other parts (h49).
    let opening_only = base
        .replace("2024年，青山镇扎实推进法治政府建设各项工作。现将有关情况报告如下。\n", "")
        .replace(
            "一年来，镇党委、镇政府坚持把法治建设摆在全局工作的重要位置，全年审查镇级合同协议32份，办理行政处罚案件47件。",
            "2024年，青山镇在县委、县政府的坚强领导下，深入学习贯彻习近平法治思想，扎实推进法治政府建设，全镇法治建设水平稳步提升。",
        );
    assert_eq!(findings("section-missing", &opening_only).len(), 1);
    let opening_with_work = opening_only.replace("稳步提升。", "稳步提升，全年审查合同32份。");
    assert!(findings("section-missing", &opening_with_work).is_empty());
    // Without the year's work: the preamble and the other parts only.
    let no_work = base.replace(
        "一年来，镇党委、镇政府坚持把法治建设摆在全局工作的重要位置，全年审查镇级合同协议32份，办理行政处罚案件47件。\n",
        "",
    );
    assert_eq!(findings("section-missing", &no_work).len(), 1);
}

/// Thematic headings, then the shortcomings, the duties and the plans in closing
/// paragraphs of the last part, in the regulation's order (h47).
#[test]
fn three_closing_paragraphs_may_give_three_parts() {
    let text = "某县青山镇2024年度法治政府建设工作报告\n\
        一、强化依法决策，规范权力运行\n\
        全年审查镇级合同协议32份，办理行政处罚案件47件。\n\
        二、深入推进法治宣传教育\n\
        全年开展送法下乡活动24场次。\n\
        但也存在一些不足和问题：一是镇村干部法治意识仍需增强，主要原因是学法培训不够系统。\n\
        镇党委书记、镇长认真履行推进法治建设第一责任人职责，全年主持专题学法2次。\n\
        下一步，我镇将继续深入学习贯彻习近平法治思想。\n\
        某县青山镇人民政府\n\
        2025年1月20日\n";
    let f = findings("section-missing", text);
    assert!(f.is_empty(), "{f:?}");
}

/// Plans given as the closing paragraph, with no heading over them.
#[test]
fn plans_in_a_closing_paragraph_are_the_plans() {
    let without = COMPLETE.replace("四、2024年工作安排\n", "");
    for opening in ["下一步，我们将", "2024年，我市将"] {
        let text = without.replace(
            "深化依法行政制度建设",
            &format!("{opening}深化依法行政制度建设"),
        );
        assert!(findings("section-missing", &text).is_empty(), "{opening}");
    }
    // A closing paragraph on the year's work is no plan.
    assert_eq!(findings("section-missing", &without).len(), 1);
}

#[test]
fn titles_split_wrapped_or_without_the_document_kind() {
    let body = "一、2023年主要举措和成效\n全年办理行政复议案件120件，依法决策水平持续提升。\n";
    let outline_of = |text: &str| {
        let linter = Linter::new(Config::builtin(), &Selection::default());
        let source = Source::new("t.txt", text.to_string());
        let o = linter.outline(&source);
        (o.title_text(&source.text), o.issuer)
    };
    // Split over two lines: one title, and its organ is the issuer.
    let split = format!("某县人民政府\n\n2023年度法治政府建设情况报告\n{body}");
    assert_eq!(
        outline_of(&split),
        (
            Some("某县人民政府2023年度法治政府建设情况报告".into()),
            Some("某县人民政府".into())
        )
    );
    assert!(findings("title-missing", &split).is_empty());
    // A page-title line with a site suffix and a 文号《…》 wrapper are chrome.
    let page = format!(
        "某县人民政府关于2023年度法治政府建设情况的报告-某县人民政府门户网站\n某卫〔2024〕3号《某县卫生健康局关于2023年度法治政府建设情况的报告》\n某县卫生健康局关于2023年度法治政府建设情况的报告\n{body}"
    );
    assert_eq!(
        outline_of(&page).0.as_deref(),
        Some("某县卫生健康局关于2023年度法治政府建设情况的报告")
    );
    assert_eq!(findings("web-residue", &page).len(), 2);
    // A title without 报告 is no missing title, but a naming defect.
    let loose = format!("某县人民政府2023年法治政府建设工作情况\n{body}");
    assert!(findings("title-missing", &loose).is_empty());
    assert_eq!(
        findings("title-format", &loose),
        ["某县人民政府2023年法治政府建设工作情况"]
    );
    let summary = format!("某县司法局2023年法治政府建设工作总结报告\n{body}");
    assert_eq!(findings("title-format", &summary).len(), 1);
    // A report on the year's summary names its kind: 报告.
    let on_summary = format!("某县司法局关于2023年法治政府建设工作总结的报告\n{body}");
    assert!(findings("title-format", &on_summary).is_empty());
    // And on the summary and the plan (h58).
    let with_plan =
        format!("某区人民政府关于2023年度法治政府建设工作总结和2024年工作计划的报告\n{body}");
    assert!(findings("title-format", &with_plan).is_empty());
    let summary_and = format!("某县司法局2023年法治政府建设工作总结和工作打算\n{body}");
    assert_eq!(findings("title-format", &summary_and).len(), 1);
    let spaced = format!("某县司法局2023年法治政府建设情况报　告\n{body}");
    assert!(findings("title-format", &spaced).is_empty());
    assert!(findings("title-format", COMPLETE).is_empty());
}

#[test]
fn title_missing_suggests_the_reports_own_year_and_issuer() {
    let text = COMPLETE.replace("某市2023年法治政府建设年度报告\n", "");
    let selection = Selection {
        select: Some(vec!["title-missing".into()]),
        ignore: vec![],
    };
    let source = Source::new("t.txt", text);
    let found = Linter::new(Config::builtin(), &selection).lint(&source);
    let help = found[0].help.clone().unwrap();
    assert!(help.contains("某市人民政府关于2023年度"), "{help}");
}

#[test]
fn a_flattened_report_is_outlined_at_its_headings() {
    let flat = "某县人民政府关于2023年度法治政府建设情况的报告2023年，我县扎实推进法治政府建设，现将有关情况报告如下：一、主要举措和成效全年办理行政复议案件120件，依法决策水平持续提升。二、存在的问题和不足基层法治力量仍然薄弱，合法性审查能力有待提升。三、党政主要负责人履行推进法治建设第一责任人职责情况主要负责人专题研究法治政府建设4次。四、2024年工作安排深化依法行政制度建设。\n某县人民政府\n2024年1月26日\n";
    let linter = Linter::new(Config::builtin(), &Selection::default());
    let source = Source::new("t.txt", flat.to_string());
    let (o, found) = linter.check(&source);
    assert_eq!(
        o.title_text(flat).as_deref(),
        Some("某县人民政府关于2023年度法治政府建设情况的报告")
    );
    let roles: Vec<String> = o.sections.iter().map(|s| s.role.to_string()).collect();
    assert_eq!(roles, ["measures", "shortcomings", "duties", "plans"]);
    let rules: Vec<&str> = found.iter().map(|d| d.rule).collect();
    assert_eq!(
        rules.iter().filter(|r| **r == "flattened-text").count(),
        1,
        "{rules:?}"
    );
    for quiet in [
        "section-missing",
        "title-missing",
        "signature-missing",
        "numbering",
    ] {
        assert!(!rules.contains(&quiet), "{quiet}: {rules:?}");
    }
    // Every span is a byte range of the original text.
    for s in o.walk() {
        assert!(flat[s.heading.clone()].starts_with(['一', '二', '三', '四']));
    }
    // A long paragraph listing items `：一、…；二、…；三、…` lost no line breaks.
    let listed = COMPLETE.replace(
        "全年办理行政复议案件120件，依法决策水平持续提升。",
        "局党组把法治建设纳入全局工作总体布局，与业务工作同部署、同推进、同考核，切实把法治建设作为全局性、基础性工作来抓，重点做到了“三个纳入”：一、纳入局党组年度工作要点；二、纳入处室和直属单位绩效考核；三、纳入领导班子述职述廉内容。",
    );
    let source = Source::new("t.txt", listed.clone());
    let (o, found) = linter.check(&source);
    assert!(o.flattened.is_empty());
    // Nor does a paragraph of points, each a short sentence run into its text (h94).
    let pointed = COMPLETE.replace(
        "全年办理行政复议案件120件，依法决策水平持续提升。",
        "一、违法用地查处难度较大。部分违法用地涉及农村建房和历史遗留问题，强制执行难，主要原因是协同处置机制还不够健全。二、林业执法力量分散。机构改革后林业执法人员分布在多个股室和基层站所，专业执法装备不足。三、普法宣传覆盖面有限。对农村群众的宣传形式单一。",
    );
    let (o, _) = linter.check(&Source::new("t.txt", pointed));
    assert!(o.flattened.is_empty());
    assert!(
        !found
            .iter()
            .any(|d| ["flattened-text", "section-empty", "numbering"].contains(&d.rule)),
        "{found:?}"
    );
}

#[test]
fn four_levels_continuous_numbering_and_paragraph_runs_are_fine() {
    let body = "依法决策水平持续提升，全年办理行政复议案件120件。";
    let four = format!(
        "一、主要举措和成效\n（一）依法决策\n1.健全机制。{body}\n（1）完善规则。{body}\n（2）严格程序。{body}\n2.规范执法。{body}\n（二）规范执法\n1.落实三项制度。{body}\n二、存在的问题\n{body}\n"
    );
    assert!(
        findings("numbering", &four).is_empty(),
        "{:?}",
        findings("numbering", &four)
    );
    assert!(findings("numbering-punct", &four).is_empty());
    let continuous = format!(
        "一、主要举措和成效\n（一）依法决策\n1.甲。{body}\n2.乙。{body}\n（二）规范执法\n3.丙。{body}\n4.丁。{body}\n（三）化解争议\n5.戊。{body}\n（四）普法\n6.己。{body}\n"
    );
    assert!(
        findings("numbering", &continuous).is_empty(),
        "{:?}",
        findings("numbering", &continuous)
    );
    // A break of the document's own continuous scheme is reported.
    let broken = continuous.replace("6.己", "1.己");
    assert_eq!(findings("numbering", &broken), ["1."]);
    // Per-parent numbering with one group running on is reported as before.
    let restart = continuous
        .replace("3.丙", "1.丙")
        .replace("4.丁", "2.丁")
        .replace("5.戊", "1.戊")
        .replace("6.己", "1.己");
    assert!(findings("numbering", &restart).is_empty());
    let run_on = restart.replace("1.戊", "3.戊");
    assert_eq!(findings("numbering", &run_on), ["3."]);
    let paragraphs = format!(
        "一、主要举措和成效\n（一）依法决策。\n一是健全机制。{body}\n二是严格程序。{body}\n三是强化监督。{body}\n（二）规范执法。\n一是落实制度。{body}\n"
    );
    assert!(
        findings("numbering", &paragraphs).is_empty(),
        "{:?}",
        findings("numbering", &paragraphs)
    );
    let indented =
        format!("一、主要举措和成效\n\u{3000}\u{3000}一是健全机制。{body}二是严格程序。\n");
    assert!(findings("numbering", &indented).is_empty());
    let skipped = paragraphs.replace("三是强化", "四是强化");
    assert_eq!(findings("numbering", &skipped), ["四是"]);
    // A paragraph hard-wrapped (a copy from a PDF): its items run on in the next lines.
    let wrapped = "一、主要举措和成效\n一是健全机制，原因是基层编\n制紧张。二是严格程序。\n三是强化监督，推进\n执法公示。四是加强普法。\n";
    assert!(
        findings("numbering", wrapped).is_empty(),
        "{:?}",
        findings("numbering", wrapped)
    );
    let slipped = wrapped.replace("四是加强", "五是加强");
    assert_eq!(findings("numbering", &slipped), ["五是"]);
}

#[test]
fn numbering_punct_fixes_strays_and_reports_a_habit_once() {
    let body = "依法决策水平持续提升，全年办理行政复议案件120件。";
    let stray = format!(
        "一、主要举措和成效\n（一）、依法决策\n1.甲。{body}\n2、乙。{body}\n3.丙。{body}\n二，存在的问题\n{body}\n"
    );
    assert_eq!(
        findings("numbering-punct", &stray),
        ["（一）、", "2、", "二，"]
    );
    // Each message gives the number as it should be written, not the level's first.
    assert_eq!(
        messages("numbering-punct", &stray),
        [
            "标题序号“（一）、”的标点不对，应写作“（一）”",
            "标题序号“2、”的标点不对，应写作“2.”",
            "标题序号“二，”的标点不对，应写作“二、”"
        ]
    );
    let habit = format!("一、主要举措和成效\n1、甲。{body}\n2、乙。{body}\n3、丙。{body}\n");
    assert_eq!(findings("numbering-punct", &habit), ["1、"]);
    // The habit's one finding fixes every place.
    let expected = format!("一、主要举措和成效\n1.甲。{body}\n2.乙。{body}\n3.丙。{body}\n");
    assert_eq!(fixed("numbering-punct", &habit), (expected, 0));
    // Labels drawn by Word's automatic numbering: reported, with no fix into text the
    // document does not hold, and what to change instead (h54).
    let mut source = Source::new("r.docx", habit.clone()).with_origin(Origin::Docx);
    source.generated = ["1、", "2、", "3、"]
        .iter()
        .map(|l| {
            let at = habit.find(l).unwrap();
            at..at + l.len()
        })
        .collect();
    let selection = Selection {
        select: Some(vec!["numbering-punct".to_string()]),
        ignore: vec![],
    };
    let found = Linter::new(Config::builtin(), &selection).lint(&source);
    assert_eq!(found.len(), 1);
    assert!(found[0].fixes().next().is_none(), "{:?}", found[0]);
    assert!(
        found[0]
            .help
            .as_deref()
            .is_some_and(|h| h.contains("自动编号"))
    );
}

/// The duties part's heading may name the head another way (主要领导, 一把手, 区长, 局长)
/// or say 述法; a theme naming 总书记 is not the head.
#[test]
fn the_duties_heading_may_name_the_head_another_way() {
    let report = |heading: &str| {
        COMPLETE
            .replace(
                "三、党政主要负责人履行推进法治建设第一责任人职责情况",
                heading,
            )
            .replace("主要负责人专题研究", "区长主持召开常务会议研究")
    };
    for heading in [
        "三、主要领导履职情况",
        "三、党政主要领导推进法治建设情况",
        "三、区长履职情况",
        "三、区委书记、区长履职情况",
        "三、局长履职情况",
        "三、“一把手”履职情况",
        "三、主要负责人述法情况",
        "三、主要负责人抓法治建设情况",
        "三、省长推进法治政府建设情况",
    ] {
        let f = findings("section-missing", &report(heading));
        assert!(f.is_empty(), "{heading}: {f:?}");
    }
    // A department's head by title, with the verbs of headings (h70); the body alone
    // would not give the part.
    for heading in [
        "三、局长履职尽责推进法治建设情况",
        "三、局党组书记、局长履职尽责情况",
        "三、局长带头推进法治政府建设情况",
        "三、委党组书记、主任带头推进法治建设情况",
        "三、党组书记、主任抓法治建设情况",
        "三、局党组书记、局长抓法治建设工作情况",
        "三、党组书记、局长落实法治建设责任情况",
        "三、党组书记、局长述法情况",
        // One head's 述法 (h80).
        "三、局长述法情况",
        "三、镇党委书记述法情况",
        "三、党委书记述职述法情况",
        "三、“一把手”述法情况",
        "三、主任述法情况",
        // (h87)
        "三、党组书记带头抓法治建设情况",
        "三、局长扛起法治建设主体责任情况",
        "三、局主要负责人落实法治建设责任情况",
        "三、党政主要负责人压实法治建设责任情况",
        "三、局长述职述法",
        // (h94)
        "三、局党组书记、局长推进依法行政情况",
        // The head as 主要领导 (h85).
        "三、主要领导带头推进法治政府建设情况",
        "三、党政主要领导带头推进法治政府建设情况",
        "三、政府主要领导推进法治政府建设情况",
    ] {
        let text = COMPLETE
            .replace(
                "三、党政主要负责人履行推进法治建设第一责任人职责情况",
                heading,
            )
            .replace("主要负责人专题研究", "全年研究");
        let f = findings("section-missing", &text);
        assert!(f.is_empty(), "{heading}: {f:?}");
    }
    // (Its body does not give the part either: the head chairing the work would.)
    let theme = report("三、深入学习贯彻习近平总书记关于法治政府建设的重要论述").replace(
        "区长主持召开常务会议研究法治政府建设工作",
        "全年组织集中学法",
    );
    let f = messages("section-missing", &theme);
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(f[0].contains("第一责任人"), "{f:?}");
}

/// The plans under other names: the next steps, the coming period, the remedies (h70).
#[test]
fn the_plans_under_other_names() {
    for heading in [
        "四、下步计划",
        "四、今后一个时期的工作",
        "四、对策建议",
        "四、下一阶段工作",
        // (h73)
        "四、今后的工作",
        "四、今后努力的方向",
        "四、今后一段时期的工作",
        "四、改进方向",
    ] {
        let text = COMPLETE.replace("四、2024年工作安排", heading);
        let f = findings("section-missing", &text);
        assert!(f.is_empty(), "{heading}: {f:?}");
    }
}

/// `面临的问题` is the shortcomings part even when it gives no causes.
#[test]
fn the_problems_faced_are_the_shortcomings() {
    // (Also what still needs improving, the difficulties and challenges.)
    for heading in [
        "二、当前面临的问题",
        "二、仍需改进的方面",
        "二、有待改进的地方",
        "二、需要加强的方面",
        "二、存在的主要困难",
        "二、面临的挑战",
        // (h73)
        "二、存在的突出问题",
        "二、存在的弱项",
        "二、有待提升的方面",
        "二、不够到位的地方",
        "二、工作中的欠缺",
    ] {
        let text = COMPLETE.replace(
            "二、存在的不足和原因\n基层法治力量薄弱，合法性审查能力有待提升。",
            &format!("{heading}\n一是基层法治力量薄弱。二是执法人员能力不强。"),
        );
        let f = findings("section-missing", &text);
        assert!(f.is_empty(), "{heading}: {f:?}");
    }
}

/// A part naming two (`存在的问题及下一步工作打算`) before the duties is in order,
/// whichever of its parts its heading names first.
#[test]
fn a_part_naming_two_is_in_order_where_either_would_be() {
    let text = COMPLETE
        .replace(
            "二、存在的不足和原因\n基层法治力量薄弱，合法性审查能力有待提升。\n",
            "",
        )
        .replace("四、2024年工作安排", "二、存在的问题及下一步工作打算");
    let text = text.replace(
        "三、党政主要负责人履行推进法治建设第一责任人职责情况\n主要负责人专题研究法治政府建设工作4次。\n",
        "",
    );
    let text = text.replace(
        "某市人民政府\n",
        "三、党政主要负责人履行推进法治建设第一责任人职责情况\n主要负责人专题研究法治政府建设工作4次。\n某市人民政府\n",
    );
    assert!(findings("section-missing", &text).is_empty(), "{text}");
    assert!(findings("section-order", &text).is_empty(), "{text}");
    // The duties before the work is still out of order.
    let wrong = text
        .replace("一、2023年主要举措和成效", "一、党政主要负责人履职情况")
        .replace(
            "三、党政主要负责人履行推进法治建设第一责任人职责情况",
            "三、2023年主要举措和成效",
        );
    assert_eq!(findings("section-order", &wrong).len(), 1, "{wrong}");
}

/// What does not show inside a heading or a date (a zero-width space, a soft hyphen), a
/// line or paragraph separator between lines, and a symbol an editor sets before a
/// heading leave the report as it reads.
#[test]
fn invisible_characters_separators_and_decorations_change_nothing() {
    let variants = [
        ("二、存在的不足和原因", "二、存在的不\u{200B}足和原因"),
        ("二、存在的不足和原因", "二、存在的不\u{AD}足和原因"),
        ("三、党政主要负责人", "三、党政主\u{2060}要负责人"),
        ("2024年1月26日", "2024年1\u{AD}月26日"),
        (
            "依法决策水平持续提升。\n二、",
            "依法决策水平持续提升。\u{2028}二、",
        ),
        ("三、党政", "◆ 三、党政"),
        ("三、党政", "📌三、党政"),
        ("三、党政", "■三、党政"),
        ("三、党政", "｜三、党政"),
    ];
    for (from, to) in variants {
        let text = COMPLETE.replace(from, to);
        assert_ne!(text, COMPLETE);
        for rule in ["section-missing", "signature-missing", "numbering"] {
            let f = findings(rule, &text);
            assert!(f.is_empty(), "{to:?}: {rule} {f:?}");
        }
    }
    // Paragraphs separated only by U+2029.
    let text = COMPLETE.trim_end().replace('\n', "\u{2029}");
    for rule in ["section-missing", "signature-missing", "title-missing"] {
        assert!(findings(rule, &text).is_empty(), "{rule}");
    }
}

/// A republished article's list of other articles after the 落款 (往期推荐 and titles
/// ending in ！ or ？, END, 阅读原文) leaves the 落款 the last of the report.
#[test]
fn a_list_of_other_articles_after_the_signature_is_closing_matter() {
    for tail in [
        "往期推荐\n收藏！这些新规5月起施行！\n行政复议法修订了什么？\n",
        "END\n推荐阅读\n县司法局召开2025年度工作会议\n新修订的《行政复议法》来了！\n阅读原文\n",
        "免责声明：本文转自县人民政府网，如有侵权请联系删除。\n",
        "版权声明：本文版权归原作者所有。\n",
        "喜欢此内容的人还喜欢\n新修订的行政复议法施行，你想知道的都在这里？\n",
        "— END —\n来源：县司法局\n觉得不错，请点个“在看”吧！\n",
        "END\n欢迎转发分享，让更多人了解法治建设。\n",
        "长按识别二维码关注我们\n扫码关注\n某县卫健\n分享 收藏 点赞 在看\n觉得不错，请点个“在看”吧！\n",
        "以上为本县2023年度法治政府建设情况报告全文。\n",
    ] {
        let text = format!("{COMPLETE}{tail}");
        let f = findings("signature-missing", &text);
        assert!(f.is_empty(), "{tail}: {f:?}");
    }
    // A sentence of the report after the 落款 is still a finding.
    let text = format!("{COMPLETE}全年办理行政复议案件120件，依法决策水平持续提升。\n");
    assert_eq!(findings("signature-missing", &text).len(), 1);
}

/// A table's rows of figures under numbered labels (tab- or bar-separated cells) and the
/// numbered notes under a table (`注：1.…` over `2.…`) are no headings.
#[test]
fn numbered_table_rows_and_notes_are_no_headings() {
    for table in [
        "任务\t项数\t完成\n一、健全政府机构职能体系\t5\t5\n二、健全依法行政制度体系\t6\t—\n",
        "任务 | 项数 | 完成\n一、健全政府机构职能体系 | 5 | 5\n二、健全依法行政制度体系 | 6 | 6\n",
        "指标\t数值\t同比\n一、行政复议\t\t\n1.收案数（件）\t386\t-14.4%\n2.纠错率\t9.7%\t-5.1个百分点\n二、行政应诉\t\t\n1.一审案件数（件）\t138\t22.6%\n",
        "类别\t件数\t纠错率\n注：1.纠错包括撤销、变更和确认违法；\n2.纠错率按四舍五入保留一位小数。\n",
        "说明：（1）数据截至12月31日；\n（2）含撤回申请的案件。\n",
        // A PDF's text of a table: the figures apart by spaces, the first run on to the
        // label where the gap beside Chinese closed.
        "项目 2023年 2024年\n一、行政复议（件）118 136\n二、行政应诉（件） 52 47\n",
    ] {
        let text = COMPLETE.replace(
            "依法决策水平持续提升。\n",
            &format!("依法决策水平持续提升。\n{table}"),
        );
        for rule in ["numbering", "section-empty", "section-missing"] {
            let f = findings(rule, &text);
            assert!(f.is_empty(), "{table}: {rule} {f:?}");
        }
    }
    // A heading ending in one figure, or in words after figures, is still a heading.
    for heading in [
        "二、存在的不足和原因 2",
        "二、存在的不足和原因（2023 2024年对比）",
    ] {
        let text = COMPLETE.replace("二、存在的不足和原因", heading);
        assert!(findings("section-missing", &text).is_empty(), "{heading}");
    }
    // A heading with a tab before or after its number is still a heading.
    let text = COMPLETE.replace("二、存在的不足和原因", "\t二、\t存在的不足和原因");
    assert!(findings("section-missing", &text).is_empty());
    let text = COMPLETE.replace(
        "依法决策水平持续提升。\n",
        "依法决策水平持续提升。\n\t（一）健全制度\n\t1.完善执法制度\n\t2.规范行政执法程序和执法文书格式\n",
    );
    assert!(findings("numbering", &text).is_empty());
}

/// Shapes an AI chat tool gives a report in Markdown: headings wholly in bold (`##
/// **一、…**`, also after a full-width space), a 落款 in bold or italics, the tool's
/// closing offer after the 落款, body lists with `•`, paragraphs opening with a bold 一是.
#[test]
fn markdown_shapes_of_chat_drafts_read_as_the_report() {
    let markdown = COMPLETE
        .replace("一、2023年", "## **一、2023年")
        .replace("主要举措和成效\n", "主要举措和成效**\n")
        .replace("二、存在的不足和原因", "##\u{3000}二、存在的不足和原因")
        .replace(
            "某市人民政府\n2024年1月26日",
            "**某市人民政府**\n\n*2024年1月26日*",
        );
    let drafts = [
        markdown.clone(),
        format!("{markdown}\n如需进一步修改，请告诉我。\n"),
        COMPLETE.replace("2024年1月26日", "**2024年1月26日**"),
        COMPLETE.replace(
            "基层法治力量薄弱，合法性审查能力有待提升。",
            "• 基层法治力量薄弱，原因是编制不足。\n• 执法队伍：专业化水平有待提高，原因是培训偏少。",
        ),
        COMPLETE.replace(
            "基层法治力量薄弱，合法性审查能力有待提升。",
            "**一是基层法治力量薄弱。**原因是编制不足。\n\n**二是执法队伍专业化水平不高。**原因是培训偏少。",
        ),
    ];
    for text in &drafts {
        for rule in [
            "section-missing",
            "signature-missing",
            "numbering",
            "section-empty",
        ] {
            let f = findings(rule, text);
            assert!(f.is_empty(), "{rule}: {f:?} in\n{text}");
        }
    }
    // A `•` list item of the text is text: its half-width comma is reported.
    let text = COMPLETE.replace(
        "基层法治力量薄弱，合法性审查能力有待提升。",
        "• 基层法治力量薄弱,原因是编制不足。",
    );
    assert_eq!(findings("punctuation-width", &text).len(), 1);
}

/// A list nested in a Markdown list's item (`1. …` / `   1. …` / `   2. …` / `2. …`) is
/// one level down; an item set in further but not starting at 1 is still the list's.
#[test]
fn a_nested_markdown_list_is_one_level_down() {
    let plans = |list: &str| {
        COMPLETE.replace(
            "深化依法行政制度建设，推进严格规范公正文明执法。\n",
            &format!("深化依法行政制度建设。\n{list}"),
        )
    };
    for list in [
        "1. **强化法治能力建设。**\n   1. 分层分类开展执法人员培训；\n   2. 组织新法新规专题轮训。\n2. **深化执法规范化建设。**完善裁量基准。\n",
        "1.强化法治能力建设。\n   2.深化执法规范化建设。\n3.推进行政复议规范化建设。\n",
    ] {
        let f = findings("numbering", &plans(list));
        assert!(f.is_empty(), "{list}: {f:?}");
    }
}
