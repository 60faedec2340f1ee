//! The content rules: the shortcomings part names causes, the duties part shows the
//! head's duties.

mod common;

use common::{findings, findings_with, lint};

/// A report whose shortcomings part says `shortcomings` and duties part says `duties`.
fn report(shortcomings: &str, duties: &str) -> String {
    format!(
        "某县2023年法治政府建设年度报告\n一、2023年主要举措和成效\n全年办理行政复议案件86件。\n二、存在的不足和原因\n{shortcomings}\n三、党政主要负责人履行推进法治建设第一责任人职责情况\n{duties}\n四、2024年工作安排\n深化依法行政。\n某县人民政府\n2024年1月20日\n"
    )
}

const DUTIES: &str = "主要负责人组织常务会议学法6次，专题研究法治政府建设3次，严格重大行政决策合法性审查，发挥法律顾问作用，出庭应诉2次，督促班子成员依法行政，推进普法。";

#[test]
fn shortcomings_without_a_cause_are_reported_once_at_the_heading() {
    let text = report("一是基层法治力量薄弱。二是执法规范化水平有待提升。", DUTIES);
    assert_eq!(
        findings("shortcomings-cause", &text),
        ["二、存在的不足和原因"]
    );
    let d = &lint("shortcomings-cause", &text, "")[0];
    assert_eq!(d.section.as_deref(), Some("shortcomings"));
}

/// A report that lost its line breaks: a heading cut from it runs on into its text.
#[test]
fn a_cause_in_a_flattened_heading_segment_counts() {
    let text = report("基层执法规范化水平不高，原因是执法人员流动较大。", DUTIES)
        .replacen('\n', "\n现将有关情况报告如下。", 1)
        .replace('\n', "");
    assert!(
        findings("flattened-text", &text).len() == 1,
        "not flattened"
    );
    assert!(findings("shortcomings-cause", &text).is_empty());
    // Its 落款 runs on after the last sentence.
    assert!(findings("signature-missing", &text).is_empty());
}

#[test]
fn shortcomings_naming_a_cause_are_fine() {
    for body in [
        "一是基层法治力量薄弱。究其原因，主要是人才引进机制不健全。",
        "执法人员不足，由于编制有限，难以满足需要。",
        "部分单位对重大行政决策程序不了解，导致决策存在程序瑕疵。",
        "（一）存在的不足\n基层力量薄弱。\n（二）原因分析\n培训不足。",
        // Causes in other words.
        "个别执法人员程序意识淡薄。受机构改革后人员调整频繁影响，执法经验积累不足。",
        "个别案件程序不规范，这与执法人员培训不足有关。",
        "普法形式较为单一，与普法责任制落实不到位有直接关系。",
        "基层执法规范化水平不高，这是执法人员培训不足所致。",
        "基层执法规范化水平不高，症结在于执法人员培训不足。",
        "基层执法规范化水平不高，根子在于执法人员法治思维不强。",
        "基层执法规范化水平不高，致因在于队伍专业化建设滞后。",
        "一是基层执法规范化水平不高，执法人员培训不足是重要因素；二是普法宣传精准度不够。",
        "一是基层执法力量薄弱。产生上述问题的成因，是培训不够。",
        "一是基层执法力量薄弱。之所以出现这些问题，在于培训不够。",
        "问题的产生，既有编制有限的客观因素，也有学习不够的主观因素。",
        "基层执法水平不高，问题的关键在于培训不够系统。",
        "基层执法水平不高，这是长期重业务轻法治的结果。",
        "一是基层执法力量薄弱。归根结底，是重视不够。",
        "一是基层执法力量薄弱，受编制所限，专业人员配备不足。",
        "一是基层执法力量薄弱。究其根本，是研究不够深入。",
        "一是基层执法力量薄弱。出现上述问题，在于部分领导干部法治思维不强。",
        "既有编制紧张等客观方面的因素，也有重视不够等主观方面的因素。",
        "一是基层执法力量薄弱，这是执法能力不强的直接诱因。",
        "上述问题的存在，反映出部分领导干部运用法治方式的能力还不强。",
        "一是基层执法力量薄弱。从深层次看，对法治建设的认识仍不到位。",
        // What brought the problems about, in two sides (h69).
        "产生这些问题，一方面是复议案件集中到县政府，另一方面是司法所人员少、兼职多。",
        "上述问题的存在，既有人员招录和编制方面的客观条件限制，也有执法理念更新不及时等主观不足。",
        // (h75)
        "一是执法力量薄弱。存在上述问题，主要有以下几方面因素：一是人员未配齐。",
        "一是执法力量薄弱。\n（二）原因分析\n一是人员未配齐。",
        // Connectives of cause and of result (h80).
        "一是部分执法文书制作不够规范，因近年来人员轮岗交流较多，新入职人员实务经验不足。",
        "近年来人员轮岗交流较多，加之系统化培训覆盖不够，新入职人员实务经验不足。",
        "一是执法力量薄弱，全局持证执法人员仅7人，且均为兼职，受编制限制，执法岗位难以专设。",
        "一是执法编制有限，新进人员多，以致部分执法文书制作不够规范。",
        "二是普法经费不足，致使普法针对性不强。",
        "一是执法力量薄弱，囿于编制，专业人员配备不足。",
        // (h87)
        "一是执法程序意识不强，这与长期以来“重管理、轻执法”的观念不无关系。",
        "一是执法不够规范。分析上述问题，从思想认识看，重业务轻法治；从队伍建设看，专业人员偏少。",
        "一是普法针对性不强，一方面普法资源分散，另一方面基层宣传力量不足。",
        "机构改革后新进人员占比高，使得部分执法人员对程序规定把握不准。",
        "这些问题的出现，与部分执法人员重实体轻程序的惯性思维、基层执法保障不足、培训针对性不强等因素都有关系。",
    ] {
        assert!(
            findings("shortcomings-cause", &report(body, DUTIES)).is_empty(),
            "fired on {body}"
        );
    }
    // The words of a pair in different sentences, or the wrong way round, name no cause.
    for body in [
        "执法人员培训不足。新业态与新领域的影响有待评估。",
        "执法不规范影响营商环境，受理案件办理不及时。",
    ] {
        assert_eq!(
            findings("shortcomings-cause", &report(body, DUTIES)),
            ["二、存在的不足和原因"],
            "{body}"
        );
    }
    // No shortcomings part: section-missing's to report.
    let none = "某县2023年法治政府建设年度报告\n一、2023年主要举措和成效\n办理案件。\n";
    assert!(findings("shortcomings-cause", none).is_empty());
}

#[test]
fn duties_coverage_lists_the_topics_never_mentioned() {
    let text = report(
        "由于人员不足，执法不够规范。",
        "主要负责人专题研究法治政府建设3次，督促班子成员依法行政。",
    );
    let found = lint("duties-coverage", &text, "");
    assert_eq!(found.len(), 1);
    assert_eq!(
        &text[found[0].span.clone()],
        "三、党政主要负责人履行推进法治建设第一责任人职责情况"
    );
    for topic in [
        "学法述法",
        "重大决策合法性审查",
        "法律顾问",
        "出庭应诉",
        "普法",
    ] {
        assert!(found[0].message.contains(topic), "{}", found[0].message);
    }
    for topic in ["研究部署", "督促班子成员和下级"] {
        assert!(!found[0].message.contains(topic), "{}", found[0].message);
    }
    // Studying a law together is 学法 (h51).
    let text = report(
        "由于人员不足，执法不够规范。",
        "区长带领班子成员集体学习《中华人民共和国行政复议法》。",
    );
    let found = lint("duties-coverage", &text, "");
    assert!(
        !found[0].message.contains("学法述法"),
        "{}",
        found[0].message
    );
}

#[test]
fn duties_coverage_is_silent_when_all_topics_appear_and_follows_the_config() {
    let text = report("由于人员不足，执法不够规范。", DUTIES);
    assert!(findings("duties-coverage", &text).is_empty());
    // The same duties in other words: 党组会议 for the meetings, 应诉 for 出庭应诉.
    let other_words = DUTIES
        .replace("组织常务会议学法6次", "组织学法6次")
        .replace(
            "专题研究法治政府建设3次",
            "主持召开局党组会议研究法治建设工作6次",
        )
        .replace("出庭应诉2次", "带头应诉2次");
    assert!(findings("duties-coverage", &report("由于人员不足。", &other_words)).is_empty());
    // No lawsuits to appear in; the law taught to the villages.
    let none = DUTIES
        .replace("出庭应诉2次", "全年本局无行政复议、行政诉讼案件")
        .replace("推进普法", "带头到村（社区）宣讲法律知识3次");
    assert!(findings("duties-coverage", &report("由于人员不足。", &none)).is_empty());
    // The constitution's day taken part in (h69).
    let constitution_day = DUTIES.replace("推进普法", "带头参加“12·4”国家宪法日宣传活动");
    assert!(
        findings(
            "duties-coverage",
            &report("由于人员不足。", &constitution_day)
        )
        .is_empty()
    );
    let config = "[rules.duties-coverage.topics]\n\"法治督察\" = [\"督察\"]\n\"普法\" = []\n";
    let found = lint("duties-coverage", &text, config);
    assert_eq!(found.len(), 1);
    assert!(
        found[0].message.ends_with("未提及：法治督察"),
        "{}",
        found[0].message
    );
    let without_普法 = report("由于人员不足。", &DUTIES.replace("，推进普法", ""));
    assert!(
        findings_with(
            "duties-coverage",
            &without_普法,
            "[rules.duties-coverage.topics]\n\"普法\" = []\n"
        )
        .is_empty()
    );
}
