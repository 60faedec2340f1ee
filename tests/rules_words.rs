//! The wording table: every built-in entry fires, the guards keep known false readings
//! silent, the report year decides year-bound entries, and users extend, change and
//! remove entries.

mod common;

use common::{findings, findings_with, fixed, fixed_with, lint, messages};
use nianbao::config::Config;
use nianbao::diagnostic::Severity;

/// A short report on `year` whose measures section says `body`.
fn report(year: i32, body: &str) -> String {
    format!("某市{year}年法治政府建设年度报告\n一、{year}年主要工作情况\n{body}\n")
}

/// Asserts `wording` finds nothing in `body` of a `year` report.
fn assert_silent(year: i32, body: &str) {
    let found = findings("wording", &report(year, body));
    assert!(found.is_empty(), "fired on {year} {body}: {found:?}");
}

#[test]
fn every_built_in_entry_fires_with_its_category_severity_and_fix() {
    let config = Config::builtin();
    let settings = &config.rules.wording;
    assert!(settings.substitutions.len() > 200);
    for (word, e) in &settings.substitutions {
        let year = e.years.map_or(2023, |y| y.from.or(y.to).unwrap_or(2023));
        let after = if e.before_date {
            "2023年12月31日"
        } else {
            e.only_before.first().map_or("", String::as_str)
        };
        let text = report(year, &format!("我们{word}{after}开展工作。"));
        let found = lint("wording", &text, "");
        assert_eq!(found.len(), 1, "{word}: {found:?}");
        let d = &found[0];
        assert_eq!(&text[d.span.clone()], word);
        let category = e
            .category
            .as_deref()
            .expect("built-in entries have a category");
        assert!(d.message.starts_with(category), "{word}: {}", d.message);
        let expected = e
            .severity
            .and_then(|l| l.severity())
            .unwrap_or(Severity::Warning);
        assert_eq!(d.severity, expected, "{word}");
        match (e.to.as_slice(), e.fix) {
            ([one], true) => assert_eq!(
                d.fix.as_ref().map(|f| f.replacement.as_ref()),
                Some(one.as_str())
            ),
            _ => assert!(d.fix.is_none(), "{word}"),
        }
    }
}

/// The candidate table's `unverified` entries ship at info unless a note says what law,
/// reform or document confirms them (`../shared/data/wording-candidates.tsv`).
#[test]
fn unverified_candidates_ship_at_info_or_with_their_confirmation() {
    let table = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/wording-candidates.tsv");
    let Ok(text) = std::fs::read_to_string(&table) else {
        eprintln!("note: ../shared/data is absent; candidate check skipped");
        return;
    };
    let config = Config::builtin();
    let entries = &config.rules.wording.substitutions;
    let mut checked = 0;
    for row in text.lines().skip(1) {
        let columns: Vec<&str> = row.split('\t').collect();
        let (Some(wrong), Some(source)) = (columns.get(2), columns.get(7)) else {
            continue;
        };
        let Some(entry) = entries.get(*wrong).filter(|_| *source == "unverified") else {
            continue;
        };
        let severity = entry.severity.and_then(|l| l.severity());
        let confirmed = entry.note.as_deref().is_some_and(|n| !n.is_empty());
        assert!(
            severity == Some(Severity::Info) || confirmed,
            "{wrong}: unverified, shipped above info without a note confirming it"
        );
        checked += 1;
    }
    assert!(checked > 100, "only {checked} unverified entries found");
}

#[test]
fn a_fix_replaces_the_word_and_notes_say_why() {
    let text = report(2023, "依据《合同法》处理合同纠纷，查处“作弊称”案件。");
    assert_eq!(
        fixed("wording", &text).0,
        report(2023, "依据《民法典》处理合同纠纷，查处“作弊秤”案件。")
    );
    let d = &lint("wording", &text, "")[0];
    assert_eq!(
        d.message,
        "已废止或更名的法律法规：“《合同法》”应为“《民法典》”"
    );
    assert!(
        d.notes.iter().any(|n| n.contains("2021年1月1日")),
        "{:?}",
        d.notes
    );
    assert!(
        d.notes.iter().any(|n| n.contains("2021年度及以后")),
        "{:?}",
        d.notes
    );
}

/// A replacement bringing its own quotation marks takes the place of the marks
/// around the words, and makes no fix inside a longer quotation.
#[test]
fn a_quoted_replacement_replaces_the_quotation_marks_around_the_words() {
    let text = report(
        2023,
        "编制“十四五规划”，推进“一带一路战略”，落实“推进十四五规划实施”的要求。",
    );
    assert_eq!(
        fixed("wording", &text).0,
        report(
            2023,
            "编制“十四五”规划，推进“一带一路”倡议，落实“推进十四五规划实施”的要求。"
        )
    );
    assert_eq!(findings("wording", &text).len(), 3);
    // An ellipsis with 等: the ellipsis goes.
    let text = report(2023, "食品、特种设备……等重点领域。");
    assert_eq!(
        fixed("wording", &text).0,
        report(2023, "食品、特种设备等重点领域。")
    );
}

#[test]
fn several_replacements_are_listed_without_a_fix() {
    let text = report(2023, "县国土资源局开展执法检查。");
    assert_eq!(findings("wording", &text), ["国土资源局"]);
    assert_eq!(
        messages("wording", &text)[0],
        "已更名的机构：“国土资源局”应改为“自然资源局”或“自然资源和规划局”"
    );
    assert_eq!(fixed("wording", &text), (text.clone(), 1));
}

#[test]
fn severe_errors_are_errors_and_typos_of_variants_are_info() {
    let text = report(2023, "维护中华人民共合国宪法权威，其它工作有序推进。");
    let found = lint("wording", &text, "");
    let severities: Vec<(String, Severity)> = found
        .iter()
        .map(|d| (text[d.span.clone()].to_string(), d.severity))
        .collect();
    assert_eq!(
        severities,
        [
            ("中华人民共合国".to_string(), Severity::Error),
            ("其它".to_string(), Severity::Info)
        ]
    );
}

// ---- years ------------------------------------------------------------------------------

#[test]
fn year_bound_entries_follow_the_report_year() {
    // 工商局 was merged into 市场监管 in the 2018–19 reform.
    assert_eq!(
        findings("wording", &report(2023, "县工商局开展检查。")),
        ["工商局"]
    );
    assert!(findings("wording", &report(2017, "县工商局开展检查。")).is_empty());
    // 《合同法》 was in force until the end of 2020.
    assert!(findings("wording", &report(2019, "宣传《合同法》。")).is_empty());
    // The 七五 plan ran to 2020; its wrap-up in 2021 is no error.
    assert!(findings("wording", &report(2020, "深入开展“七五”普法。")).is_empty());
    assert!(findings("wording", &report(2021, "完成“七五”普法总结验收。")).is_empty());
    assert_eq!(
        findings("wording", &report(2023, "深入开展“七五”普法。")),
        ["“七五”普法"]
    );
    // The 2015—2020 纲要's goal in a report on 2020.
    assert!(
        findings(
            "wording",
            &report(2020, "建设廉洁高效、守法诚信的法治政府。")
        )
        .is_empty()
    );
}

#[test]
fn year_bound_entries_are_silent_without_a_report_year() {
    assert!(findings("wording", "县工商局开展检查。\n").is_empty());
    // Entries without years still fire.
    assert_eq!(findings("wording", "及时布署专项行动。\n"), ["布署"]);
}

// ---- 截止 / 截至 -------------------------------------------------------------------------

#[test]
fn jiezhi_before_a_date_or_now_is_jiezhi_to() {
    let text = report(
        2023,
        "截止2023年12月31日，共受理案件120件；截止到11月底办结95件；截止目前无超期，截止年底全部办结。",
    );
    assert_eq!(findings("wording", &text), ["截止", "截止目前", "截止年底"]);
    // 截止到 is what 截至 means (《现代汉语词典》: 截至，截止到某个时候), wordy but right (h59).
    assert_eq!(
        fixed("wording", &text).0,
        report(
            2023,
            "截至2023年12月31日，共受理案件120件；截止到11月底办结95件；截至目前无超期，截至年底全部办结。",
        )
    );
}

/// Inside a cited title the word is reported but not fixed: the title is quoted as
/// issued (h66). A law's name is still fixed there.
#[test]
fn a_cited_title_is_not_rewritten() {
    let text = report(
        2023,
        "依据《关于截止2023年底全县行政执法情况的通报》开展整改，依据《中华人民共和国合同法》审查合同。",
    );
    assert_eq!(findings("wording", &text), ["截止", "中华人民共和国合同法"]);
    assert_eq!(
        fixed("wording", &text).0,
        text.replace("共和国合同法", "共和国民法典")
    );
}

#[test]
fn jiezhi_as_a_deadline_is_right() {
    for body in [
        "报名截止日期为2023年3月1日。",
        "征集活动于2023年12月31日截止。",
        "申报截止时间：2023年5月1日。",
        "截至2023年底，共办结案件。",
    ] {
        assert!(
            findings("wording", &report(2023, body)).is_empty(),
            "fired on {body}"
        );
    }
}

// ---- guards: near-misses of entries with a known false reading ---------------------------

#[test]
fn guarded_entries_stay_silent_on_their_false_readings() {
    for body in [
        // 环境保护部 / 国土资源部 / 农业部 / 监察部 as part of 部门, 部署, 部分.
        "督促环境保护部门依法履职，加强生态环境保护部署。",
        "国土资源部门和农业部门联合执法，推进现代农业部署。",
        "纪检监察部门开展监督，公司纪检监察部列席会议。",
        // 检查院 as 检查 + 院内 / 院校.
        "检查院内环境卫生，检查院校食堂。",
        // 的的 in 的的确确 and after 目的 / 标的.
        "的的确确取得成效，保障立法目的的实现，明确合同标的的价值。",
        // 反应 in 药品不良反应.
        "做好药品不良反应情况监测，处置过敏反应问题。",
        // 省省委 / 市市委 after 各, 全.
        "各省省委和各市市委统一部署。",
        // A one-character county or city (渠县, 歙县, 津市) before its 县委 / 市委, and
        // an autonomous county's 县委.
        "中共渠县县委、渠县人民政府，中共歙县县委，津市市委，某自治县县委，景县县委。",
        // Other bodies' short names: 国家矿山安监局, a 交通质监局.
        "配合国家矿山安监局开展检查，省交通质监局抽检工程12项。",
        // 权利清单 not paired with 责任清单; 文化与旅游 not a body's name.
        "公布公民权利清单，推动文化与旅游融合发展。",
        // Cited titles keep their historical words.
        "修订《浙江省法制宣传教育条例》和《某市行政首长出庭应诉办法》，落实《关于推进法制化建设的意见》。",
        // One 原 before titles side by side.
        "组织宣讲民法典与原《合同法》《物权法》相比的新规定。",
        // The time before the reform, in a clause of its own.
        "2018年机构改革前，县国土局作出的34件行政处罚决定已全部执行到位。",
        // A rule still in force, cited by its 令号 or title with its issuer's old name.
        "严格执行《环境保护主管部门实施按日连续处罚办法》（环境保护部令第28号）。",
        "落实《农业部关于加强农业行政执法的通知》和国家工商行政管理总局令第44号。",
        // Local regulations of the same name are in force.
        "实施《浙江省无障碍环境建设条例》《某省城市房屋拆迁管理条例》。",
        // A deliberate historical name, also with the level between.
        "原工商行政管理局、原扶贫办的职责已划转，整合原县工商局、原市质监局的职责。",
        "对照原市国税局、市地税局制定的文件开展清理。",
        // The clause tells of the repeal or the renaming.
        "清理引用已废止的《中华人民共和国合同法》的文件，民法典施行后，原《合同法》同时废止。",
        "按照机构改革方案，组建县应急管理局，不再保留县安全生产监督管理局。",
        "2023年3月，县政府法制办公室的职责整合划入县司法局，完成人员转隶。",
        "机构改革前的县环保局、县安监局执法人员全部完成转隶。",
        // 党的二十大报告 without 精神; the right forms.
        "学习党的二十大报告，带头尊法学法守法用法，学习贯彻习近平新时代中国特色社会主义思想主题教育。",
        // An ellipsis before 等待; digits around a year range.
        "群众反映的问题……等待答复。编号120212025年度。",
        // 做 as the verb before 为民 (do for the people).
        "多做为民办实事、多做为群众排忧解难的事，持续做为人民群众办实事。",
        // 原 before the old body with its place or government between, or opening a
        // parenthesis (h40).
        "承接原岚山区环保局的执法职能，执行原岚山区工商局作出的决定3件。",
        "承接原区人民政府法制办公室划转的职能，岚山监管分局（原岚山银保监分局）配合。",
        // The clause tells of the transfer; the repealed law is what is cleaned up.
        "承接由区政府法制办划转的行政复议职能。",
        "清理涉及《中华人民共和国合同法》《中华人民共和国物权法》的规范性文件5件。",
        "将3件规范性文件中引用的《合同法》条款修改为《民法典》相应条款。",
        "修改依据《合同法》制定的格式合同文本16份。",
    ] {
        assert_silent(2023, body);
    }
}

#[test]
fn one_yuan_covers_the_list_after_it() {
    for body in [
        "整合原工商局、质监局、食药监局执法职能，组建市场监管综合行政执法队伍。",
        "将原县环保局、国土局承担的执法职责划入综合行政执法局。",
        "整合原工商局、质监局和食药监局的职责。",
        // Wherever the clause starts in the line.
        "开展法治宣传活动十二场，整合原工商局、质监局执法职能。",
        "甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲整合原工商局、质监局执法职能。",
        "甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲原工商局、质监局。",
        // An old name annotated with the current one is deliberate.
        "县卫计局（现县卫健局）历史遗留复议案件2件已办结。",
    ] {
        assert_silent(2023, body);
    }
    // Outside such a list the old names still fire.
    let text = report(
        2023,
        "坚持原则、环保局牵头。整合原工商局职能，质监局配合。原因是国土局、环保局未落实。",
    );
    assert_eq!(
        findings("wording", &text),
        ["环保局", "质监局", "国土局", "环保局"]
    );
    // A list item too long to be a body's name ends the list; no note, no skip.
    let text = report(
        2023,
        "参照原工商局、甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲、质监局配合。县卫计局（县卫健局）。",
    );
    assert_eq!(findings("wording", &text), ["质监局", "卫计局"]);
}

#[test]
fn guarded_entries_still_fire_where_they_are_wrong() {
    let text = report(
        2023,
        "省环境保护部督导，市农业部门配合。检查院已受理。建立权利清单、责任清单。县文化与旅游局开展执法。中共青田县县委。",
    );
    assert_eq!(
        findings("wording", &text),
        ["环境保护部", "检查院", "权利清单", "文化与旅游", "县县委"]
    );
}

/// The 原 of a place's name is no 原 of a former body; nor is a place between 原 and a
/// body's name when the place's own name starts with 原 (h41).
#[test]
fn a_place_named_with_yuan_is_no_former_body() {
    let text = report(
        2023,
        "与太原市环保局、五原县工商局、原平市环保局、原州区环保局建立协作机制。原则上由县环保局牵头，依据《合同法》办理。",
    );
    assert_eq!(
        findings("wording", &text),
        [
            "环保局",
            "工商局",
            "环保局",
            "环保局",
            "环保局",
            "《合同法》"
        ]
    );
}

/// A 原 before a place named with 原 is still the 原 of a former body; a body acting in
/// a transfer, or a repealed law cited as the basis of a revision, is still wrong (h48).
#[test]
fn old_names_around_transfers_and_revisions() {
    for body in [
        "会同原太原市工商行政管理局开展联合检查，接收原五原县工商行政管理局移交的档案。",
        "承接由区政府法制办划转的行政复议职能，承接原区人民政府法制办公室划转的职能。",
        "修改依据《合同法》制定的格式合同文本16份。",
        "将3件规范性文件中引用的《合同法》条款修改为《民法典》相应条款。",
        // The reform told in the sentence, the unit's history, a time before it (h59).
        "省政府法制办公室与省司法厅合并后，新的省司法厅于2019年1月挂牌运行。",
        "2019年3月，县国土资源局与县规划局合并，组建县自然资源和规划局。",
        "我局的前身为县国土资源局。",
        "时任县国土资源局分管负责人已被依法问责。",
        "原告不服县国土资源局2016年作出的处罚决定提起诉讼。",
        "该企业曾于2017年被县环保局处罚。",
        "2018年以前，县工商局负责此项登记工作。",
        "全县各中小学原“法制副校长”统一改称“法治副校长”。",
        // The reform's own year, before it took effect; the former 普法 plan (h61).
        "2019年2月，县工商局、县质监局继续按原职责开展执法。",
        "2018年2月，按照国务院法制办的统一部署开展清理。",
        "我局“六五”法制宣传教育工作通过市级总结验收。",
        // The former plan's goal, reached (h59).
        "经过五年努力，我县如期基本建成职能科学、权责法定、执法严明、公开公正、廉洁高效、守法诚信的法治政府。",
        // 院感, 院前急救: 检查 then a word starting with 院.
        "重点检查院感防控工作，逐一检查院前急救网络运行。",
    ] {
        assert_silent(2023, body);
    }
    let text = report(
        2023,
        "县环境保护局负责划转人员的业务培训。依据《中华人民共和国合同法》修改政府合同范本。2018年以来，县环保局持续开展执法。",
    );
    assert_eq!(
        findings("wording", &text),
        ["环境保护局", "中华人民共和国合同法", "环保局"]
    );
    // A 年 after other characters than a year's digits (较上年, 全年) dates nothing.
    let text = report(
        2023,
        "全年新登记市场主体2408户，较上年增长5%，县环保局开展执法。",
    );
    assert_eq!(findings("wording", &text), ["环保局"]);
}

// ---- configuration -----------------------------------------------------------------------

#[test]
fn the_table_is_extended_and_trimmed_by_the_user() {
    let config =
        "[rules.wording.substitutions]\n\"依法治县办公室\" = \"县委依法治县办\"\n\"布署\" = \"\"\n";
    let text = "依法治县办公室督促布署,查处作弊称。";
    assert_eq!(
        findings_with("wording", text, config),
        ["依法治县办公室", "作弊称"],
        "the user's entry is added, the removed one is gone, the others stay"
    );
    let config = "[rules.wording.substitutions]\n\"作弊称\" = [\"作弊秤\", \"作弊手段\"]\n";
    assert_eq!(findings_with("wording", "查处作弊称。", config), ["作弊称"]);
    assert_eq!(
        fixed_with("wording", "查处作弊称。", config),
        ("查处作弊称。".to_string(), 1),
        "two replacements: no fix"
    );
    let config = "[rules.wording.substitutions]\n\"作弊称\" = []\n";
    assert!(findings_with("wording", "查处作弊称。", config).is_empty());
}

#[test]
fn a_user_table_changes_a_built_in_entry_field_by_field() {
    let text = report(2023, "县工商局开展检查，运用法制思维。");
    let config = "[rules.wording.substitutions]\n\"法制思维\" = { severity = \"off\" }\n\"工商局\" = { severity = \"error\", years = \">=2024\" }\n";
    assert!(findings_with("wording", &text, config).is_empty());
    let config = "[rules.wording.substitutions]\n\"工商局\" = { severity = \"error\" }\n";
    let found = lint("wording", &text, config);
    let d = found
        .iter()
        .find(|d| &text[d.span.clone()] == "工商局")
        .unwrap();
    assert_eq!(d.severity, Severity::Error);
    assert!(d.message.starts_with("已更名的机构"), "the category stays");
}

#[test]
fn user_entries_take_every_field() {
    let config = "[rules.wording.substitutions]\n\"某某办\" = { to = \"某某局\", category = \"本地规范\", severity = \"info\", years = \"2020-2025\", not-before = [\"公室\"], fix = false, note = \"2020年更名\" }\n\"试点\" = { category = \"本地规范\" }\n";
    let text = report(2023, "某某办开展试点，某某办公室配合。");
    let found = lint("wording", &text, config);
    let got: Vec<(&str, &str, Severity, bool)> = found
        .iter()
        .map(|d| {
            (
                &text[d.span.clone()],
                d.message.as_str(),
                d.severity,
                d.fix.is_some(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "某某办",
                "本地规范：“某某办”应为“某某局”",
                Severity::Info,
                false
            ),
            ("试点", "本地规范：“试点”不规范", Severity::Warning, false),
        ]
    );
    assert!(found[0].notes.iter().any(|n| n == "2020年更名"));
    assert!(lint("wording", &report(2019, "某某办开展工作。"), config).is_empty());
}

/// Whether the config error for `text` says in English what serde or TOML said.
fn e_is_english(text: &str) -> bool {
    let e = Config::layered(&[("nianbao.toml", text)]).unwrap_err();
    ["invalid", "expected", "did not match", "unknown", "variant"]
        .iter()
        .any(|w| e.message.contains(w))
}

#[test]
fn a_bad_entry_is_a_config_error_at_its_line() {
    for (text, needle) in [
        (
            "[rules.wording.substitutions]\n\"甲\" = { to = \"乙\", colour = \"red\" }\n",
            "colour",
        ),
        (
            "[rules.wording.substitutions]\n\"甲\" = { to = \"乙\", years = \"2025-2020\" }\n",
            "2025-2020",
        ),
        ("[rules.wording.substitutions]\n\"甲\" = 3\n", "替换表条目"),
        (
            "[rules.wording.substitutions]\n\"甲\" = 2024-01-01\n",
            "替换表条目",
        ),
        (
            "[rules.wording.substitutions]\n\"甲\" = [\"乙\", 2]\n",
            "替换表条目",
        ),
        (
            "[rules.wording.substitutions]\n\"甲\" = { to = 5 }\n",
            "to 应为替换词",
        ),
        (
            "[rules.wording.substitutions]\n\"甲\" = { to = [true] }\n",
            "to 应为替换词",
        ),
    ] {
        assert!(
            !e_is_english(text),
            "every message is Chinese, with no English around it: {text}"
        );
        let e = Config::layered(&[("nianbao.toml", text)]).unwrap_err();
        assert!(e.message.contains(needle), "{}", e.message);
        let span = e.span.expect("the error points into the file");
        assert!(text[..span.start].contains("\"甲\""), "{span:?}");
    }
}

#[test]
fn more_near_misses_of_entries_with_a_known_false_reading() {
    for (year, body) in [
        // Formulations and bodies of their time.
        (2019, "学习习近平总书记全面依法治国新理念新思想新战略。"),
        (
            2017,
            "学习习近平总书记系列重要讲话精神，县政府法制办审查文件。",
        ),
        (
            2018,
            "县依法治县领导小组和依法治市领导小组召开会议，物价局开展检查。",
        ),
        (2024, "依据《进出口关税条例》办理，落实《增值税暂行条例》。"),
        // Historical names and cited titles.
        (2023, "原政府法制办、原物价局的职责已划转。"),
        (
            2023,
            "印发《关于加强法制宣传的意见》《法制讲座制度》《增强法制意识实施方案》《优化法制环境十条》。",
        ),
        // A local regulation of its own name.
        (2023, "实施《浙江省法律援助条例》。"),
    ] {
        assert_silent(year, body);
    }
}
