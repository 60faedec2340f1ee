//! `citation-title`: citations nearly equal to a canonical title are reported with the
//! title; equal and far ones are not; the 2015—2020 纲要 as the basis of later work is.

mod common;

use common::{findings, fixed, lint};

fn report(year: i32, body: &str) -> String {
    format!("某市{year}年法治政府建设年度报告\n一、{year}年主要工作情况\n{body}\n")
}

#[test]
fn near_misses_of_a_title_get_the_title_and_a_fix() {
    let body = "贯彻《法治政府建设与责任落实督查工作规定》《党政主要负责人履行推进法治建设第一责任人职责的规定》《重大行政决策程序条例》《中华人民共和国优化营商环境条例》《法治政府建设实施纲要（2021—2025）》《法治政府建设实施纲要(2021-2025年)》《法治中国建设规划》。";
    let text = report(2023, body);
    assert_eq!(
        findings("citation-title", &text),
        [
            "法治政府建设与责任落实督查工作规定",
            "党政主要负责人履行推进法治建设第一责任人职责的规定",
            "重大行政决策程序条例",
            "中华人民共和国优化营商环境条例",
            "法治政府建设实施纲要（2021—2025）",
            "法治政府建设实施纲要(2021-2025年)",
            "法治中国建设规划",
        ]
    );
    assert_eq!(
        fixed("citation-title", &text).0,
        report(
            2023,
            "贯彻《法治政府建设与责任落实督察工作规定》《党政主要负责人履行推进法治建设第一责任人职责规定》《重大行政决策程序暂行条例》《优化营商环境条例》《法治政府建设实施纲要（2021—2025年）》《法治政府建设实施纲要（2021—2025年）》《法治中国建设规划（2020—2025年）》。"
        )
    );
}

#[test]
fn a_title_without_its_years_is_completed_from_the_report_year() {
    let cited = "落实《法治政府建设实施纲要》。";
    assert_eq!(
        fixed("citation-title", &report(2023, cited)).0,
        report(2023, "落实《法治政府建设实施纲要（2021—2025年）》。")
    );
    assert_eq!(
        fixed("citation-title", &report(2018, cited)).0,
        report(2018, "落实《法治政府建设实施纲要（2015—2020年）》。")
    );
    // No report year: both 纲要 are named, no fix.
    let found = lint("citation-title", "落实《法治政府建设实施纲要》。\n", "");
    assert_eq!(found.len(), 1);
    assert!(found[0].fix.is_none());
    assert!(found[0].message.contains("2015—2020") && found[0].message.contains("2021—2025"));
}

#[test]
fn equal_and_far_citations_are_silent() {
    for body in [
        // Equal, with half-width parentheses, or without 中华人民共和国.
        "落实《法治政府建设实施纲要（2021—2025年）》《法治政府建设实施纲要(2021—2025年)》《行政处罚法》《中华人民共和国行政复议法》《民法典》。",
        // Other laws, local regulations, implementing rules, short names.
        "实施《中华人民共和国治安管理处罚法》《行政复议法实施条例》《浙江省优化营商环境条例》《湖南省法治政府建设实施纲要（2021—2025年）》《监察官法》《纲要》。",
        "制定《党政主要负责人履行推进法治建设第一责任人职责清单》《法治赵县建设规划(2021—2025)》《静海区法治政府建设实施纲要(20212025年)》。",
        // Older regulations of their own name.
        "依据《信访条例》《法规规章备案条例》《出版物上数字用法的规定》。",
    ] {
        let text = report(2023, body);
        assert!(
            findings("citation-title", &text).is_empty(),
            "fired on {body}: {:?}",
            findings("citation-title", &text)
        );
    }
}

#[test]
fn the_old_plan_as_the_basis_of_later_work_is_reported() {
    let text = report(
        2022,
        "认真贯彻落实《法治政府建设实施纲要（2015—2020年）》，推进依法行政。",
    );
    let found = lint("citation-title", &text, "");
    assert_eq!(found.len(), 1);
    assert!(
        found[0].message.contains("2022年度报告不应再以其为依据"),
        "{}",
        found[0].message
    );
    assert!(found[0].help.as_deref().unwrap().contains("2021—2025"));
    // (Also after 紧扣; 对照 may measure the old plan's goals, not work by it.)
    let text = report(
        2024,
        "紧扣《法治政府建设实施纲要（2015—2020年）》要求，推进依法行政。",
    );
    assert_eq!(lint("citation-title", &text, "").len(), 1);
    for (year, body) in [
        (
            2020,
            "认真贯彻落实《法治政府建设实施纲要（2015—2020年）》。",
        ),
        (
            2022,
            "在全面完成《法治政府建设实施纲要（2015—2020年）》目标的基础上，开启新征程。",
        ),
        // The old plan is what was evaluated or summed up.
        (
            2023,
            "根据《法治政府建设实施纲要（2015—2020年）》实施情况第三方评估结果，我县得分位列全市第2。",
        ),
        (
            2021,
            "按照《法治政府建设实施纲要（2015—2020年）》的总结要求，梳理五年成效。",
        ),
        // Summed up later in the clause; the documents of that name (h59).
        (
            2021,
            "县政府对标《法治政府建设实施纲要（2015—2020年）》全面总结“十三五”时期法治政府建设成效。",
        ),
        (
            2023,
            "党中央、国务院已先后印发两部《法治政府建设实施纲要》。",
        ),
        (
            2021,
            "根据《法治政府建设实施纲要（2015—2020年）》确定的目标任务，对全县“十三五”时期法治政府建设情况进行全面总结。",
        ),
    ] {
        assert!(
            findings("citation-title", &report(year, body)).is_empty(),
            "fired on {year}: {body}"
        );
    }
}
