//! The date and year rules on small drafts: cases that must fire and near-misses that
//! must not.

mod common;

use common::{findings, findings_with, lint};
use nianbao::config::Config;
use nianbao::lint::{Linter, Selection};
use nianbao::source::Source;

/// A complete 2023 report, signed 2024年1月26日, with 成文日期 and 发布时间 metadata.
const DRAFT: &str = "成文日期：2024-01-26\n发布时间：2024-01-30 09:12\n某市2023年法治政府建设年度报告\n2023年，我市扎实推进法治政府建设。\n一、2023年主要举措和成效\n全年办理行政复议案件120件，依法决策水平持续提升。\n二、存在的不足和原因\n基层法治力量薄弱，合法性审查能力有待提升。\n三、党政主要负责人履行推进法治建设第一责任人职责情况\n主要负责人专题研究法治政府建设工作4次。\n四、2024年工作安排\n深化依法行政制度建设，推进严格规范公正文明执法。\n某市人民政府\n2024年1月26日\n";

const RULES: [&str; 8] = [
    "date-invalid",
    "date-format",
    "date-mismatch",
    "date-before-period-end",
    "date-deadline",
    "year-mismatch",
    "partial-year",
    "relative-year",
];

/// `DRAFT` with `body` as the text of the measures section.
fn with_measures(body: &str) -> String {
    DRAFT.replace("全年办理行政复议案件120件，依法决策水平持续提升。", body)
}

/// `DRAFT` with `body` as the text of the plans section.
fn with_plans(body: &str) -> String {
    DRAFT.replace("深化依法行政制度建设，推进严格规范公正文明执法。", body)
}

/// `DRAFT` signed on `date` instead.
fn signed(date: &str) -> String {
    DRAFT.replace(
        "某市人民政府\n2024年1月26日\n",
        &format!("某市人民政府\n{date}\n"),
    )
}

/// The flagged text and the fix of every finding of `rule`.
fn fixes(rule: &str, text: &str) -> Vec<(String, Option<String>)> {
    let selection = Selection {
        select: Some(vec![rule.to_string()]),
        ignore: vec![],
    };
    let source = Source::new("t.txt", text.to_string());
    Linter::new(Config::builtin(), &selection)
        .lint(&source)
        .into_iter()
        .map(|d| {
            let fix = d.fix.map(|f| {
                assert_eq!(f.span, d.span);
                f.replacement.into_owned()
            });
            (source.text[d.span].to_string(), fix)
        })
        .collect()
}

#[test]
fn a_clean_draft_has_no_date_findings() {
    for rule in RULES {
        assert_eq!(findings(rule, DRAFT), Vec::<String>::new(), "{rule}");
    }
}

// ---- date-invalid -------------------------------------------------------------------------

#[test]
fn date_invalid_fires_on_dates_that_cannot_exist() {
    let text = with_measures("2023年2月30日召开常务会议，13月完成清理，2024-04-31发布。");
    assert_eq!(
        findings("date-invalid", &text),
        ["2023年2月30日", "13月", "2024-04-31"]
    );
    assert_eq!(
        findings("date-invalid", &with_measures("2023年2月29日召开会议。")),
        ["2023年2月29日"]
    );
    assert_eq!(
        findings("date-invalid", &with_measures("2024年4月0日召开会议。")),
        ["2024年4月0日"]
    );
    assert_eq!(
        findings("date-invalid", &with_measures("1-13月受理案件5件。")),
        ["1-13月"]
    );
}

#[test]
fn date_invalid_checks_dates_in_quoted_titles() {
    let text = with_measures("印发《关于2023年2月30日常务会议议定事项的通知》。");
    assert_eq!(findings("date-invalid", &text), ["2023年2月30日"]);
}

#[test]
fn date_invalid_near_misses() {
    for body in [
        "2024年2月29日召开会议。",
        "2000年2月29日起施行。",
        "2月29日召开会议。",
        "2023年12月31日前完成。",
        "印发《关于2023年12月25日常务会议议定事项的通知》。",
        "开展为期12个月的专项行动，落实第13条规定。",
        "社区矫正对象期满18月的5人，发放第13月绩效。",
        "《纲要(2021-2025年)》",
        "1-12月受理案件5件。",
        // Ages in months.
        "为0—36月龄婴幼儿家庭发放手册，覆盖36月龄以下幼儿，为6-36月龄儿童体检。",
        // Numbers of months: after a count word, or bounded.
        "逾期13月以上未结的案件已全部清理，执行期限为18月的项目2个。",
        "社区矫正对象矫正期为6—36月不等，24月以内的12人。",
        // A period's length (h44), months running on.
        "查获标注保质期18月的奶粉，服务期36月的合同12份，缓刑考验期13月，连续14月无事故。",
    ] {
        assert_eq!(
            findings("date-invalid", &with_measures(body)),
            Vec::<String>::new(),
            "{body}"
        );
    }
}

// ---- date-format --------------------------------------------------------------------------

#[test]
fn date_format_fixes_the_signature_date() {
    for (written, right) in [
        ("2024 年1月26日", "2024年1月26日"),
        ("2024年01月26日", "2024年1月26日"),
        ("2024-01-26", "2024年1月26日"),
        ("2024/1/26", "2024年1月26日"),
        ("2024.1.26", "2024年1月26日"),
        ("2024年1月 6日", "2024年1月6日"),
        ("2024年元月26日", "2024年1月26日"),
    ] {
        assert_eq!(
            fixes("date-format", &signed(written)),
            [(written.to_string(), Some(right.to_string()))],
            "{written}"
        );
    }
}

#[test]
fn date_format_near_misses() {
    // The standard form; and dashed dates elsewhere (body, metadata) are not the signature.
    let body = with_measures("2024-01-26印发实施方案，2024年01月启动。");
    assert!(findings("date-format", &body).is_empty());
    assert!(findings("date-format", &signed("2024年12月6日")).is_empty());
    // A zero-width space a web editor left in the date shows nothing wrong.
    assert!(findings("date-format", &signed("2024年1月\u{200B}26日")).is_empty());
    let unsigned = DRAFT.replace("某市人民政府\n2024年1月26日\n", "");
    assert!(findings("date-format", &unsigned).is_empty());
}

// ---- date-mismatch ------------------------------------------------------------------------

#[test]
fn date_mismatch_points_at_the_signature() {
    let text = DRAFT.replace("成文日期：2024-01-26", "成文日期：2024-02-19");
    assert_eq!(findings("date-mismatch", &text), ["2024年1月26日"]);
    let spaced = signed("2024 年1月26日").replace("成文日期：2024-01-26", "成文日期：2024-01-31");
    assert_eq!(findings("date-mismatch", &spaced), ["2024 年1月26日"]);
}

#[test]
fn date_mismatch_near_misses() {
    // Same day written differently.
    assert!(findings("date-mismatch", &signed("2024 年1月26日")).is_empty());
    // Only 成文日期 is compared; a later publication is normal.
    let published = DRAFT.replace("发布时间：2024-01-30 09:12", "发布时间：2024-02-19 08:41");
    assert!(findings("date-mismatch", &published).is_empty());
    // Nothing to compare with.
    let unsigned = DRAFT
        .replace("某市人民政府\n2024年1月26日\n", "")
        .replace("成文日期：2024-01-26", "成文日期：2024-02-19");
    assert!(findings("date-mismatch", &unsigned).is_empty());
}

#[test]
fn date_mismatch_keys_are_configurable() {
    let text = DRAFT.replace(
        "成文日期：2024-01-26",
        "成文日期：2024-01-26\n生成日期：2024-02-01",
    );
    assert!(findings("date-mismatch", &text).is_empty());
    let config = "[rules.date-mismatch]\nwritten-keys = [\"生成日期\"]\n";
    assert_eq!(
        findings_with("date-mismatch", &text, config),
        ["2024年1月26日"]
    );
}

// ---- date-before-period-end ---------------------------------------------------------------

#[test]
fn date_before_period_end_fires_on_early_dates() {
    let early = signed("2023年12月25日").replace("成文日期：2024-01-26", "成文日期：2023-12-25");
    // The same date as signature and 成文日期 is reported once, at the signature.
    assert_eq!(
        findings("date-before-period-end", &early),
        ["2023年12月25日"]
    );
    assert_eq!(
        findings("date-before-period-end", &signed("2023年12月31日")),
        ["2023年12月31日"]
    );
    let published = DRAFT.replace("发布时间：2024-01-30 09:12", "发布时间：2023-12-10 13:38");
    assert_eq!(
        findings("date-before-period-end", &published),
        ["2023-12-10 13:38"]
    );
}

/// A 落款 with only its year and month is early when that whole month is in the year.
#[test]
fn date_before_period_end_reads_a_month_without_its_day() {
    assert_eq!(
        findings("date-before-period-end", &signed("2023年12月")),
        ["2023年12月"]
    );
    assert!(findings("date-before-period-end", &signed("2024年1月")).is_empty());
    assert!(findings("date-before-period-end", &signed("二〇二四年一月")).is_empty());
}

#[test]
fn date_before_period_end_near_misses() {
    assert!(findings("date-before-period-end", &signed("2024年1月1日")).is_empty());
    // Dates in the text are not the report's own dates.
    let body = with_measures("2023年12月25日召开常务会议，受理案件5件。");
    assert!(findings("date-before-period-end", &body).is_empty());
    // 索引号 holds a year but no date.
    let index = DRAFT.replace("成文日期：2024-01-26", "索引号：330782000000/2023-549121");
    assert!(findings("date-before-period-end", &index).is_empty());
}

// ---- date-deadline ------------------------------------------------------------------------

#[test]
fn date_deadline_default_is_before_april() {
    assert_eq!(
        findings("date-deadline", &signed("2024年4月1日")),
        ["2024年4月1日"]
    );
    assert!(findings("date-deadline", &signed("2024年3月31日")).is_empty());
    let published = DRAFT.replace("发布时间：2024-01-30 09:12", "发布时间：2024-04-15 10:00");
    assert_eq!(findings("date-deadline", &published), ["2024-04-15 10:00"]);
}

/// A 落款 with only its year and month is late when the month's first day is: all of
/// it or none of it may be past the deadline.
#[test]
fn date_deadline_reads_a_month_without_its_day() {
    assert_eq!(
        findings("date-deadline", &signed("2024年4月")),
        ["2024年4月"]
    );
    assert_eq!(
        findings("date-deadline", &signed("二〇二五年三月")),
        ["二〇二五年三月"]
    );
    assert!(findings("date-deadline", &signed("2024年3月")).is_empty());
    let config = "deadline = \"03-15\"\n";
    assert!(findings_with("date-deadline", &signed("2024年3月"), config).is_empty());
    assert_eq!(
        findings_with("date-deadline", &signed("2024年4月"), config),
        ["2024年4月"]
    );
}

#[test]
fn a_news_item_carrying_the_report_is_not_late_by_its_page_date() {
    let late = DRAFT.replace("发布时间：2024-01-30 09:12", "发布时间：2024-12-21 12:04");
    let news = late.replace(
        "2023年，我市扎实推进法治政府建设。",
        "新华网 3月29日电 据某市政府网站消息，某市发布2023年法治政府建设年度报告。\n2023年，我市扎实推进法治政府建设。",
    );
    assert!(findings("date-deadline", &news).is_empty());
    // The page's date is not the report's; the report's own dates still are.
    let news_signed_late = news.replace("2024年1月26日\n", "2024年4月8日\n");
    assert_eq!(
        findings("date-deadline", &news_signed_late),
        ["2024年4月8日"]
    );
    // `日电` without a dateline before it, or a dateline deep in the text, is no news item.
    assert_eq!(findings("date-deadline", &late), ["2024-12-21 12:04"]);
    let quoted = late.replace(
        "全年办理行政复议案件120件",
        "据新华社3月29日电报道，全年办理行政复议案件120件",
    );
    assert_eq!(findings("date-deadline", &quoted), ["2024-12-21 12:04"]);
}

#[test]
fn date_deadline_follows_the_configured_deadline() {
    let config = "deadline = \"03-01\"\n";
    let published = DRAFT.replace("发布时间：2024-01-30 09:12", "发布时间：2024-03-04");
    assert!(findings("date-deadline", &published).is_empty());
    assert_eq!(
        findings_with("date-deadline", &published, config),
        ["2024-03-04"]
    );
    // Two metadata keys with the same late date: reported once.
    let twice = published.replace(
        "发布时间：2024-03-04",
        "发布时间：2024-03-04\n发布日期：2024-03-04 14:54:56",
    );
    assert_eq!(
        findings_with("date-deadline", &twice, config),
        ["2024-03-04"]
    );
    assert!(findings_with("date-deadline", &signed("2024年2月29日"), config).is_empty());
}

#[test]
fn department_deadline_applies_to_a_department_and_the_finding_says_so() {
    let config = "department-deadline = \"03-01\"\n";
    let late = DRAFT.replace("发布时间：2024-01-30 09:12", "发布时间：2024-03-04");
    // A government: the national 04-01 applies.
    assert!(findings_with("date-deadline", &late, config).is_empty());
    for organ in [
        "某市司法局",
        "某县司法局（行政复议局）",
        "某市发展和改革委员会",
        "某区人民政府办公室",
        "中共某市司法局党组",
        "某市城市管理委员会",
    ] {
        let department = late.replace("某市人民政府\n2024", &format!("{organ}\n2024"));
        let found = lint("date-deadline", &department, config);
        assert_eq!(found.len(), 1, "{organ}");
        assert_eq!(&department[found[0].span.clone()], "2024-03-04");
        assert!(
            found[0].notes[0].contains("department-deadline（03-01）")
                && found[0].notes[0].contains(organ),
            "{organ}: {:?}",
            found[0].notes
        );
        // Without department-deadline a department has the general deadline.
        let found = lint(
            "date-deadline",
            &department.replace("2024-03-04", "2024-04-02"),
            "",
        );
        assert!(
            found[0].notes[0].contains("deadline（04-01）"),
            "{:?}",
            found[0].notes
        );
    }
    // A street office and a development zone's committee govern an area: 04-01.
    // So do zones named otherwise and a prefecture's administrative office (h58).
    for organ in [
        "某区滨湖街道办事处",
        "某市经济技术开发区管理委员会",
        "某某风景名胜区管理委员会",
        "某市旅游度假区管理委员会",
        "某某产业园管理委员会",
        "塔木地区行政公署",
    ] {
        let area = late.replace("某市人民政府\n2024", &format!("{organ}\n2024"));
        assert!(
            findings_with("date-deadline", &area, config).is_empty(),
            "{organ}"
        );
    }
}

// ---- year-mismatch ------------------------------------------------------------------------

#[test]
fn year_mismatch_checks_each_heading_against_the_report_year() {
    let plans = DRAFT.replace("四、2024年工作安排", "四、2023年工作安排");
    assert_eq!(findings("year-mismatch", &plans), ["2023年"]);
    let measures = DRAFT.replace("一、2023年主要举措和成效", "一、2022年主要举措和成效");
    assert_eq!(findings("year-mismatch", &measures), ["2022年"]);
    let shortcomings = DRAFT.replace("二、存在的不足和原因", "二、2024年存在的不足和原因");
    assert_eq!(findings("year-mismatch", &shortcomings), ["2024年"]);
}

/// A field naming a period in the text (`时间：3月22日至4月21日`, an event's) dates no
/// page (h62).
#[test]
fn a_period_is_no_publication_date() {
    let text = DRAFT.replace(
        "一、2023年主要举措和成效\n",
        "一、2023年主要举措和成效\n时间：2023年3月22日至4月21日\n",
    );
    assert!(findings("date-before-period-end", &text).is_empty());
}

#[test]
fn year_mismatch_near_misses() {
    for (from, to) in [
        ("四、2024年工作安排", "四、下一步工作安排"),
        ("四、2024年工作安排", "四、2024年及今后一个时期工作安排"),
        ("四、2024年工作安排", "四、2023年工作回顾和2024年工作安排"),
        ("一、2023年主要举措和成效", "一、主要举措和成效"),
        ("一、2023年主要举措和成效", "一、2023年度主要举措和成效"),
        // A long-range goal's year in the plans' heading.
        (
            "四、2024年工作安排",
            "四、锚定2035年基本建成法治政府目标，扎实推进下一步工作",
        ),
        // A nearer goal's year; a law's revision year (h61).
        (
            "四、2024年工作安排",
            "四、对标2025年法治政府建设目标，扎实做好下一步工作",
        ),
        (
            "一、2023年主要举措和成效",
            "一、全面实施2021年修订的《行政处罚法》，规范执法行为",
        ),
        // A span running to the report's year; a part of the next year added on.
        ("一、2023年主要举措和成效", "一、2021年以来主要举措和成效"),
        ("二、存在的不足和原因", "二、2020年以来存在的不足和原因"),
        (
            "二、存在的不足和原因",
            "二、2024年第一季度法治政府建设工作情况",
        ),
        (
            "二、存在的不足和原因",
            "二、2024年1—3月法治政府建设工作开展情况",
        ),
    ] {
        let text = DRAFT.replace(from, to);
        assert!(findings("year-mismatch", &text).is_empty(), "{to}");
    }
    // A heading naming two parts may name either's year.
    let merged = DRAFT.replace(
        "二、存在的不足和原因",
        "二、存在的不足和原因及2024年工作安排",
    );
    assert!(findings("year-mismatch", &merged).is_empty());
    // Years below the top level and in the text are not headings' years.
    let text = with_plans("(一)2025年完成示范创建。");
    assert!(findings("year-mismatch", &text).is_empty());
}

// ---- partial-year -------------------------------------------------------------------------

#[test]
fn partial_year_fires_on_part_of_the_year() {
    for (body, flagged) in [
        ("1-10月，全县诉前引调率达95%。", "1-10月"),
        ("2023年1-11月，共交办败诉风险案件5件。", "2023年1-11月"),
        ("今年1月-11月共受理案件658件。", "1月-11月"),
        ("1—11月受理案件658件。", "1—11月"),
        ("截至11月底，共受理案件100件。", "截至11月"),
        ("截至2023年10月，共受理案件100件。", "截至2023年10月"),
        ("前三季度受理案件100件。", "前三季度"),
        ("上半年办结案件30件。", "上半年"),
    ] {
        assert_eq!(
            findings("partial-year", &with_measures(body)),
            [flagged],
            "{body}"
        );
    }
    // The preamble is about the reported year too.
    let preamble = DRAFT.replace(
        "2023年，我市扎实推进法治政府建设。",
        "1-11月，全市受理案件120件。",
    );
    assert_eq!(findings("partial-year", &preamble), ["1-11月"]);
}

#[test]
fn partial_year_near_misses() {
    for body in [
        "全年受理案件120件。",
        "1-12月受理案件120件。",
        "截至12月底，共受理案件100件。",
        "截至2023年12月31日，共受理案件100件。",
        "截至2024年1月，共受理案件100件。",
        "1-3月开展“春风行动”，查处案件15起。",
        "2022年1-11月受理案件100件。",
        "2022年上半年受理案件30件。",
        "上半年召开专题会议，部署专项行动。",
        "印发《2023年1-11月行政复议情况通报》。",
        "3-11月开展专项整治，查处案件15起。",
        // A rank or a score in an assessment of the period; a procedure's closing day;
        // a figure beside the year-end's (h57, h59).
        "对2023年上半年案卷评查中得分后3位的单位进行约谈。",
        "在上半年法治建设专项督察中，我局得分95.5分，位列前列。",
        "征求意见期限截至2023年8月15日，共收到意见建议86条。",
        "征集工作截至2023年9月30日结束，共征集立法项目建议26件。",
        "截至2023年6月底，一网通办率为92.6%；截至2023年12月底，提高到96.1%。",
    ] {
        assert_eq!(
            findings("partial-year", &with_measures(body)),
            Vec::<String>::new(),
            "{body}"
        );
    }
    // Plans speak of the next year.
    let plans = with_plans("上半年完成示范创建，1-10月完成验收20项。");
    assert!(findings("partial-year", &plans).is_empty());
}

#[test]
fn partial_year_accepts_halves_campaign_windows_and_milestones() {
    for body in [
        // Halves together cover the year.
        "上半年召开常务会议学法2次，下半年召开3次，全年共5次。",
        "组织上半年、下半年两次执法案卷评查，评查案卷300卷。",
        "前三季度受理案件80件，第四季度受理案件20件。",
        "1-6月受理案件50件，7-12月受理案件60件。",
        // The window of a campaign.
        "开展“法治体检”活动，1-10月为集中服务期，服务企业320家，全年共服务企业400家。",
        "上半年为集中整治期，查处案件15起。",
        // A milestone reached.
        "截至2023年10月，已完成全部12项改革任务，比计划提前2个月。",
        // A thing done dated by the period.
        "全县于上半年完成规范性文件清理，共清理文件156件，废止23件。",
        // An event dated with its year between 于 and the period.
        "配合省委依法治省办于2023年上半年开展的法治督察，反馈问题12个，已全部整改。",
        "2023年上半年完成规范性文件清理，共清理文件156件。",
        "2023年上半年出台《某县行政规范性文件管理办法》，明确文件制定程序8个环节。",
        // The rest of the year from the next month on, or December alone.
        "因机构改革，2023年1-9月由原县司法局承担复议职能，办理复议案件56件，10月起由县政府行政复议局统一办理，办理复议案件32件。",
        "依托省政务服务网，2023年1-11月新上线事项86项，12月新上线14项，全年共新上线100项。",
        // The next month on, after an event in its clause (h65).
        "执法平台2023年1—8月在8个乡镇试用，录入检查记录1360条；9月份以后在全县推开，又录入1760条，全年合计3120条。",
        "审批平台于2023年1—8月在5个街道试运行，受理申请1.12万件；9月在全区正式上线后，又受理申请0.93万件。",
        "2023年1—10月由各复议机关分散受理复议申请512件，11月市政府集中行使复议职责后受理186件，全年合计698件。",
        // A share of the year's total.
        "全年受理行政复议申请312件，其中上半年186件，占59.6%。",
        "2023年，县政府常务会议共学法8次，其中上半年3次。",
        // An assessment's period, a rank; a campaign's period; a coverage reached.
        "在全市2023年上半年法治政府建设考核中，我县位列全市第2名。",
        "在2023年1—9月全省政务服务“好差评”综合排名中，我县位列全省第6位。",
        "2023年1—6月，开展“护航营商环境”专项执法行动，检查企业1263家。",
        "截至2023年9月，全县256个村（社区）实现法律顾问全覆盖。",
        "截至2023年10月底，全县行政执法主体全部纳入监管平台，全年服务群众3.2万人次。",
        // One event's own figures: an exam, an inspection, a course.
        "2023年上半年，组织全县执法人员参加执法资格考试，参考218人，通过212人。",
        "2023年上半年，对全县28家养老机构开展消防安全检查，发现隐患86处。",
        "2023年上半年，举办村（社区）法律顾问培训班2期，培训学员126人。",
        // December after a comma or in the next sentence; the quarter that completes it.
        "2023年1—11月，全县共查处违法用地案件42宗；12月，又查处违法用地案件6宗。",
        "2023年1—9月受理案件80件，第四季度受理案件20件。",
    ] {
        assert_eq!(
            findings("partial-year", &with_measures(body)),
            Vec::<String>::new(),
            "{body}"
        );
    }
    // Near misses of those exceptions still fire.
    for (body, flagged) in [
        ("上半年办结案件30件，下降5%。", "上半年"),
        ("1-6月受理案件50件，8-12月受理案件60件。", "1-6月"),
        ("1-10月期间，共受理案件100件。", "1-10月"),
        ("截至2023年10月，已完成审查120件。", "截至2023年10月"),
        ("上半年完成规范性文件清理156件。", "上半年"),
        ("1-11月完成复议案件办理120件。", "1-11月"),
        ("1-9月办理复议案件56件，11月起由复议局办理。", "1-9月"),
        ("1-11月新上线事项86项，2023年12月5日召开会议1次。", "1-11月"),
        ("1-11月新上线事项86项，12月印发通知。", "1-11月"),
    ] {
        assert_eq!(
            findings("partial-year", &with_measures(body)),
            [flagged],
            "{body}"
        );
    }
}

#[test]
fn partial_year_lists_are_configurable() {
    let text = with_measures("一季度受理案件30件。");
    assert!(findings("partial-year", &text).is_empty());
    let config = "[rules.partial-year]\nphrases = [\"一季度\"]\n";
    assert_eq!(findings_with("partial-year", &text, config), ["一季度"]);
    let short = with_measures("1-3月受理案件30件。");
    let config = "[rules.partial-year]\nmin-end-month = 2\n";
    assert_eq!(findings_with("partial-year", &short, config), ["1-3月"]);
}

// ---- relative-year ------------------------------------------------------------------------

#[test]
fn relative_year_fires_where_a_year_belongs() {
    let text =
        with_measures("今年以来，全市受理案件1055件；今年来开展培训4次，去年为3次，明年将继续。");
    assert_eq!(
        findings("relative-year", &text),
        ["今年以来", "今年来", "去年", "明年"]
    );
    let preamble = DRAFT.replace(
        "2023年，我市扎实推进法治政府建设。",
        "今年，我市扎实推进法治政府建设。",
    );
    assert_eq!(findings("relative-year", &preamble), ["今年"]);
}

#[test]
fn relative_year_near_misses() {
    for body in [
        "受理案件658件，较去年同期增长59%。",
        "受理案件658件，比去年增长12%。",
        "与去年相比，案件数有所下降。",
        "办理复议案件86件，与去年持平；诉讼案件较之去年减少14件，纠错率在去年基础上提高。",
        "如今年轻干部法治素养明显提升。",
        "对过去年度的案卷开展评查。",
        "印发《关于做好今年法治宣传工作的通知》。",
        "2023年以来，全市受理案件1055件。",
    ] {
        assert_eq!(
            findings("relative-year", &with_measures(body)),
            Vec::<String>::new(),
            "{body}"
        );
    }
    // 前年 and 明年 whose first character ends another word.
    for body in [
        "对照当前年度目标任务逐项督办，完成率100%。",
        "比计划提前年底完成规范性文件清理任务。",
        "开展春节前年货市场专项执法检查，检查经营主体326家。",
        "建立“节前年后”安全生产执法检查机制。",
        "依法公开透明年度预决算信息，主动接受监督。",
        "依法说明年度执法计划。",
    ] {
        assert_eq!(
            findings("relative-year", &with_measures(body)),
            Vec::<String>::new(),
            "{body}"
        );
    }
    // At a clause start or after a preposition 前年 is the year before last.
    let text = with_measures("前年受理案件80件，较前年增长10%，与前年相比有所上升；力争明年完成。");
    assert_eq!(
        findings("relative-year", &text),
        ["前年", "前年", "前年", "明年"]
    );
    // Metadata lines are not report text.
    let meta = DRAFT.replace("发布时间：2024-01-30 09:12", "来源：今年新闻");
    assert!(findings("relative-year", &meta).is_empty());
}

/// The 落款 followed by what GB/T 9704 allows after it, on one line with its organ, or
/// dated in Chinese numerals or full-width digits, is still the 落款.
#[test]
fn the_closing_block_in_every_shape() {
    let body = "某县2023年法治政府建设年度报告\n一、主要举措和成效\n依法决策水平持续提升，全年办理复议案件12件。\n";
    for tail in [
        "某县人民政府\n2024年1月26日\n（此件公开发布）\n",
        "某县人民政府\n2024年1月26日\n\n附件：1.重大行政决策事项目录\n2.行政执法数据统计表\n",
        "某县人民政府\n2024年1月26日\n（联系人：张三，联系电话：0571-12345678）\n",
        "某县人民政府\n2024年1月26日\n抄送：市委依法治市办。\n某县人民政府办公室 2024年1月26日印发\n",
        "某县人民政府 2024年1月26日\n",
        "某县人民政府\u{2028}2024年1月26日\n",
    ] {
        let text = format!("{body}{tail}");
        assert!(
            findings("signature-missing", &text).is_empty(),
            "{tail:?}: {:?}",
            findings("signature-missing", &text)
        );
        assert!(findings("date-format", &text).is_empty(), "{tail:?}");
    }
    for (date, fixed) in [
        ("二〇二四年一月二十六日", "2024年1月26日"),
        ("二零二四年一月二十六日", "2024年1月26日"),
        ("二O二四年十二月三十一日", "2024年12月31日"),
        ("２０２４年１月２６日", "2024年1月26日"),
    ] {
        let text = format!("{body}某县人民政府\n{date}\n");
        assert!(findings("signature-missing", &text).is_empty(), "{date}");
        let found = fixes("date-format", &text);
        assert_eq!(
            found,
            [(date.to_string(), Some(fixed.to_string()))],
            "{date}"
        );
    }
    // Every date rule checks them.
    let early = format!("{body}某县人民政府\n二〇二三年十二月二十五日\n");
    assert_eq!(findings("date-before-period-end", &early).len(), 1);
    let late = format!("{body}某县人民政府\n二〇二四年四月十日\n");
    assert_eq!(findings("date-deadline", &late).len(), 1);
    let invalid = format!("{body}某县人民政府\n二〇二四年二月三十日\n");
    assert_eq!(findings("date-invalid", &invalid).len(), 1);
}

/// Metadata fields sharing a line with each other and with the page's own fields are
/// each read; the publication date read this way is checked.
#[test]
fn publication_dates_on_shared_metadata_lines_are_checked() {
    let report = "某县人民政府关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n依法决策水平持续提升，全年办理复议案件12件。\n";
    for meta in [
        "来源:县司法局 发布日期:2023-12-20 16:13 浏览次数: 字体:【大 中 小】",
        "文章来源: 发布时间:2023年12月20日 字号:【小】 【大】",
        "时间:2023-12-20",
        "发布时间 : 2023-12-20 来源:县司法局 字体大小:",
        "作者:  时间:2023-12-20  来源:县司法局  大 中 小",
    ] {
        let text = format!("{meta}\n{report}");
        assert_eq!(findings("date-before-period-end", &text).len(), 1, "{meta}");
        assert!(findings("web-residue", &text).is_empty(), "{meta}");
    }
    let late = format!("来源:县司法局 发布日期:2024-04-03 16:13 浏览次数:\n{report}");
    assert_eq!(findings("date-deadline", &late), ["2024-04-03 16:13"]);
    // The 1 April deadline is the 2019 regulation's: not applied to earlier reports.
    let old = late
        .replace("2023年度", "2017年度")
        .replace("2024-04-03", "2018-04-03");
    assert!(findings("date-deadline", &old).is_empty());
}
