//! The figure and typography rules on small texts: cases that must fire, near-misses that
//! must not, and the fixes they offer.

mod common;

use common::{findings, findings_with, fixed, fixed_with, messages};

// ---- percent-points ---------------------------------------------------------------------

#[test]
fn percent_points_fires_on_a_rate_change_in_percent() {
    let text = "今年以来，开展诉前调解2.79万件，同比增长40%，调解成功率上升10%。";
    assert_eq!(findings("percent-points", text), ["调解成功率上升10%"]);
    assert_eq!(
        findings("percent-points", "行政复议纠错率较去年同期下降2.5%。"),
        ["行政复议纠错率较去年同期下降2.5%"]
    );
    assert_eq!(
        findings("percent-points", "群众满意度提高3%，"),
        ["群众满意度提高3%"]
    );
}

#[test]
fn percent_points_near_misses() {
    for text in [
        // 个百分点 is right.
        "纠错率5.29%，同比下降0.42个百分点；",
        "纠错率同比下降0.42个百分点。",
        // The growth of a count may be in %.
        "今年全市人民调解收案2.35万起，收案数同比增长134.41%，调处成功2.34万起。",
        "全县合法性审查件数共计663件，同比上升41.6%。",
        // A new level, not a change.
        "全市法治建设满意度提升至92.11%。",
        "败诉率下降至2.3%，创历史新低。",
        // 率先, 效率 are no rates.
        "全省率先试点，收案量增长20%。",
        "审批效率提高30%。",
        // The rate is in another clause.
        "调解成功率99%，案件数增长10%。",
        // A figure between the rate and the change: the change is of that figure.
        "成功率高的3个乡镇案件增长10%。",
        // The rate modifies a count noun, and the count changes.
        "群众满意度测评参与人数同比增长25%，有效问卷1.2万份。",
        "纳入出庭率考核的单位增加20%。",
        "群众满意度调查样本量增加20%，满意率保持在98%以上。",
        // A score, and rates per population, change in %.
        "其中政务服务满意度得分提升5.6%。",
        "全县甲乙类传染病发病率同比下降12.3%，婴儿死亡率同比下降8.6%。",
        // A price, a power, a way of matching, a count of calls (h44).
        "受人民币汇率下降2%影响，光伏装机功率增长20%。",
        "县财政按比例配套资金同比增长20%，满意度回访电话增加20%。",
    ] {
        assert!(
            findings("percent-points", text).is_empty(),
            "fired on {text}"
        );
    }
}

#[test]
fn percent_points_skips_rates_per_population_or_money() {
    for text in [
        "深化诉源治理，万人成讼率同比下降12.3%。",
        "全县亿元GDP生产安全事故死亡率同比下降18%。",
        "道路交通万车死亡率同比下降9.5%。",
        "每十万人口刑事案件立案率下降6%。",
        "千人律师比例提高15%。",
        "刑事案件发案率同比下降15.6%。",
        "全市二级以上医院医疗纠纷发生率同比下降8.6%，刑事犯罪率同比下降12.5%。",
    ] {
        assert!(
            findings("percent-points", text).is_empty(),
            "fired on {text}"
        );
    }
    // 万人 as a figure's unit is no per-unit rate.
    assert_eq!(
        findings("percent-points", "培训2万人，满意度提高3%。"),
        ["满意度提高3%"]
    );
    assert_eq!(
        findings("percent-points", "全年培训执法人员2万人次满意度提高3%。"),
        ["全年培训执法人员2万人次满意度提高3%"]
    );
}

// ---- ratio-mismatch ---------------------------------------------------------------------

#[test]
fn ratio_mismatch_fires_on_a_wrong_reduction() {
    let text = "全市检查任务由204项优化至151项，减少25.9%，行政检查户次同比减少37.6%。";
    assert_eq!(findings("ratio-mismatch", text), ["减少25.9%"]);
    let m = messages("ratio-mismatch", text);
    assert!(m[0].contains("26.0%") && m[0].contains("25.9%"), "{m:?}");
    // The right figure passes; so does an increase computed right.
    assert!(findings("ratio-mismatch", "由204项优化至151项，减少26.0%。").is_empty());
    assert!(findings("ratio-mismatch", "由204项优化至151项,减少26%。").is_empty());
    assert!(findings("ratio-mismatch", "服务点从40个增加到50个，增长25%。").is_empty());
    assert_eq!(
        findings("ratio-mismatch", "服务点从40个增加到50个，增长20%。"),
        ["增长20%"]
    );
}

#[test]
fn ratio_mismatch_fires_on_a_wrong_part_whole_rate() {
    let text = "受理各类矛盾纠纷案件26847件，成功调解26000件，调解成功率99.95%。";
    assert_eq!(findings("ratio-mismatch", text), ["调解成功率99.95%"]);
    let m = messages("ratio-mismatch", text);
    assert!(m[0].contains("96.85%"), "{m:?}");
}

/// A paragraph hard-wrapped (text out of a PDF): a rate whose sentence began on the line
/// before is not judged on the figures of its own line alone (h88); one whose sentence
/// begins on its line is.
#[test]
fn ratio_mismatch_waits_for_a_sentence_begun_on_the_line_before() {
    let report = |body: &str| format!("一、主要举措和成效\n{body}\n二、存在的不足和原因\n正文。\n");
    let wrapped = report(
        "全市仲裁机构全年受理案件3865件，审\n结3712件，其中调解结案2261件，仲裁结案率96.0%，调\n解率60.9%。",
    );
    assert!(findings("ratio-mismatch", &wrapped).is_empty());
    let begun = report(
        "全市调解组织全年开展调解。\n受理各类矛盾纠纷案件26847件，成功调解26000件，调解成功率99.95%。",
    );
    assert_eq!(findings("ratio-mismatch", &begun), ["调解成功率99.95%"]);
}

#[test]
fn ratio_mismatch_accepts_rates_within_rounding() {
    for text in [
        // Exact.
        "2023年全市受理各类矛盾纠纷案件26847件,成功调解26834件,调解成功率99.95%,其中疑难复杂案件843件、调解成功率100%,调诉比稳居台州第一。",
        // Consistent within the rounding of 万: 23350–23450 of 23450–23550.
        "今年全市人民调解收案2.35万起,收案数同比增长134.41%,调处成功2.34万起,成功率99.84%。",
        "今年全市人民调解收案2.35万起，调处成功2.34万起，成功率99.6%。",
        // Cut short of 100%, not rounded up to it (h44).
        "受理投诉2031件，办结2030件，办结率99.9%。",
    ] {
        assert!(
            findings("ratio-mismatch", text).is_empty(),
            "fired on {text}"
        );
    }
    // The same sentences with a rate the figures cannot give.
    assert_eq!(
        findings(
            "ratio-mismatch",
            "2023年全市受理各类矛盾纠纷案件26847件,成功调解26834件,调解成功率99.90%,其中疑难复杂案件843件、调解成功率100%。"
        ),
        ["调解成功率99.90%"]
    );
    // Out of reach even with the rounding of 万.
    assert_eq!(
        findings(
            "ratio-mismatch",
            "收案2.35万起，调处成功2.34万起，成功率95%。"
        ),
        ["成功率95%"]
    );
}

#[test]
fn ratio_mismatch_skips_qualified_rates() {
    for text in [
        "全年审结行政复议案件120件，直接纠错15件，综合纠错率20.8%。",
        "全年受理政府信息公开申请186件，依法办结180件，按期办结率100%。",
        "全年提请县政府常务会议审议的规范性文件32件，审议通过30件，一次性审议通过率87.5%。",
        "全年排查矛盾纠纷1260件，成功化解1198件，就地化解率88.6%。",
        // The other part counted, or the other rate given.
        "抽检食品样品3265批次，检出不合格样品42批次，抽检合格率98.71%。",
        "全年受理信访事项1245件，未按期办结7件，办结率99.4%。",
        "抽检食品样品3265批次，合格3223批次，不合格率1.29%。",
        // A qualified part (即时办结, 当场办结) is a share of the whole, not the rate's
        // part (h65).
        "县12345热线全年受理群众诉求8.62万件，其中即时办结3.14万件，办结率99.6%。",
        "全年受理消费者投诉举报2.36万件，其中当场办结8620件，办结率99.15%。",
        "报名参加考试1047人，首次参考通过986人，通过率99.2%。",
        // 通过 as "by way of", far from its count.
        "全年受理消防设计审查申请628件，通过“多审合一”平台受理612件，审查通过率96.3%。",
    ] {
        assert!(
            findings("ratio-mismatch", text).is_empty(),
            "fired on {text}"
        );
    }
    // The plain rate is still checked.
    assert_eq!(
        findings(
            "ratio-mismatch",
            "全年审结行政复议案件120件，直接纠错15件，纠错率20.8%。"
        ),
        ["纠错率20.8%"]
    );
}

#[test]
fn ratio_mismatch_stays_silent_when_figures_cannot_be_tied() {
    for text in [
        // No whole in the sentence.
        "1-10月，诉前引调率超100%，调处成功2302件，成功率达51.86%。",
        // Different units.
        "排查矛盾纠纷10044次，化解各类矛盾纠纷1272件，成功率达99.7%。",
        // Approximate figures.
        "召开联调会议30余次、协调案件40余件，成功率达70%。",
        "受理案件100余件，成功调解80件，成功率60%。",
        // Two possible wholes.
        "受理案件100件，审结90件，成功调解60件，成功率60%。",
        // The whole in another sentence.
        "受理案件100件。成功调解60件，成功率80%。",
        // No part word before the part.
        "受理案件100件，办理60件，成功率80%。",
        // A change of the rate, not the rate.
        "受理案件100件，成功调解60件，成功率提高5%。",
        // from/to with other words between the second figure and the change.
        "由204项优化至151项，同比减少25.9%。",
        "由204项优化至151项以上，减少25.9%。",
        // The second figure lacks its unit, so the change word's first character is read
        // as one (`151减`): no change can be computed.
        "由204项优化至151减少25.9%。",
        // A rate's from/to is a percentage, not a count.
        "行政败诉率从2019年27%降至2023年3.92%。",
    ] {
        assert!(
            findings("ratio-mismatch", text).is_empty(),
            "fired on {text}"
        );
    }
}

// ---- parts-exceed-total -----------------------------------------------------------------

#[test]
fn parts_exceed_total_fires_when_the_parts_add_up_to_more() {
    assert_eq!(
        findings(
            "parts-exceed-total",
            "受理案件100件，其中行政案件60件，民事案件50件。"
        ),
        ["100件，其中行政案件60件，民事案件50件"]
    );
    assert_eq!(
        findings("parts-exceed-total", "受理案件100件,其中行政案件120件。"),
        ["100件,其中行政案件120件"]
    );
    assert_eq!(
        findings(
            "parts-exceed-total",
            "共办理2.3万件，其中线上1.6万件、线下0.9万件。"
        ),
        ["2.3万件，其中线上1.6万件、线下0.9万件"]
    );
    assert_eq!(
        findings(
            "parts-exceed-total",
            "办理案件1,243件，其中行政案件1,000件、民事案件300件。"
        ),
        ["1,243件，其中行政案件1,000件、民事案件300件"]
    );
    // A second 顿号 chain that is not a whole breakdown of its own adds to the first (h48).
    assert_eq!(
        findings(
            "parts-exceed-total",
            "办理案件100件，其中行政处罚60件、行政强制30件，行政许可20件、行政检查10件。"
        ),
        ["100件，其中行政处罚60件、行政强制30件，行政许可20件"]
    );
}

#[test]
fn parts_exceed_total_near_misses() {
    for text in [
        // Parts equal to the total, then another figure of the same unit.
        "审查合法审查事项115件,其中涉法事务54件,县级行政规范性文件35件、行政合同26件,出具合法性审查意见书104件。",
        "收集专项整治问题线索7个,其中自查整改问题2个,投诉举报问题5个。",
        // Different units.
        "2023年县政府公布年度重大行政决策事项4个,其中县政府3项,县部门1项;",
        // Approximate figures never prove an excess.
        "共审查各类事项2.3万余件,其中县级中心协审500余件,乡镇审查2.3万件。",
        "共审查100件,其中县级120余件。",
        // Within the rounding of 万.
        "共办理2.3万件，其中线上1.5万件、线下0.84万件。",
        // Parts in 万 adding up to the total within their rounding, then a subset.
        "办理12.68万件，其中线上办理8.36万件，线下办理4.32万件，掌上办理6.15万件。",
        // The figure before 其中 is a rate, not a total.
        "调解成功率99.95%,其中疑难复杂案件843件、调解成功率100%。",
        // Text between the figure and 其中: the total is not tied.
        "发布22个重点产业合规指引,其中2个指引入选全省目录,30个项目纳入项目库。",
        // A stop word ends the list.
        "检查企业10家，其中发现问题8家，累计整改6家。",
        "受理案件100件，其中行政案件60件，同比增加50件。",
        // Another sentence.
        "受理案件100件，其中行政案件60件。民事案件50件。",
        // Two breakdowns, each a 顿号 chain: by field, then by level.
        "全年查处各类违法案件860件，其中食品安全案件320件、药品安全案件110件，县级查办案件510件、乡镇查办案件350件。",
        // Attributes, not kinds: the groups overlap.
        "全县共有执法人员500人，其中持证400人，取得法律职业资格150人。",
        // A subgroup's average, rate or extreme may be above the whole's.
        "共评查案卷210卷，平均得分92.6分，其中县直部门平均得分94.1分、乡镇平均得分90.8分。",
        "参加考试1200人，平均成绩86.3分，其中最高分99分，最低分61分。",
        "人均办理案件45件，其中县级执法人员人均办理案件52件、乡镇执法人员人均办理案件38件。",
        "全县每万人拥有律师2.6名，其中城区每万人拥有律师4.1名、农村每万人拥有律师1.2名。",
        "全县万人成诉率为2.3件，其中城区万人成诉率3.1件、乡镇万人成诉率1.6件。",
        // Digits grouped by thousands: with commas, thin spaces or spaces (h57).
        "全年完成政府采购项目1,243个，其中公开招标612个、竞争性磋商385个、其他方式246个。",
        "罚没款合计1,268.5万元，其中罚款932.6万元、没收违法所得335.9万元。",
        "全年完成政府采购项目1\u{2009}243个，其中公开招标612个、竞争性磋商385个。",
        "全年完成政府采购项目1 243个，其中公开招标612个、竞争性磋商385个。",
        // Procedures, attendance, roles and two cuts of one total overlap (h89).
        "全年县政府作出重大行政决策15项，其中经专家论证的9项，经风险评估的7项，公开征求意见的12项。",
        "全年召开政策新闻发布会26场，其中主要负责人出席18场，分管负责人出席15场。",
        "干部职工312名，其中执法人员286名，法制人员41名，法制审核人员全部由持证执法人员兼任。",
        "全年培训执法人员3200人次，其中区级培训1800人次，线上培训2100人次。",
        "全区办理政务服务事项126.5万件，其中网上办理98.7万件，掌上办理41.3万件。",
    ] {
        assert!(
            findings("parts-exceed-total", text).is_empty(),
            "fired on {text}"
        );
    }
}

#[test]
fn parts_exceed_total_compares_only_parallel_parts() {
    for text in [
        // Outcomes of a sub-total: the 维持/撤销… break down the 115 审结.
        "全年受理行政复议案件120件，其中审结115件，维持89件，撤销12件，确认违法8件，驳回6件。",
        // Stages of a funnel.
        "全年收到行政复议申请120件，其中受理108件，审结101件。",
        // A sub-total, then its sub-part.
        "全年受理案件120件，其中行政复议80件，审结75件。",
        "全年发生行政诉讼案件45件，其中行政机关负责人出庭应诉43件，主要负责人出庭12件。",
        "全年受理各类诉讼案件45件，其中作为被告的行政诉讼案件38件，胜诉35件。",
        // Traits that overlap.
        "全县现有行政执法人员500人，其中党员320人，本科及以上学历410人，女性150人。",
        "全县共有行政执法人员860名，其中持证执法人员812名，法律专业人员305名。",
        "培训人员650人，其中新进执法人员120人，综合行政执法人员580人。",
        "开展专项执法行动15次，其中市场监管部门牵头8次，综合执法部门牵头6次，多部门联合开展9次。",
        // A type, then an outcome.
        "调处各类矛盾纠纷1500件，其中重大疑难纠纷30件，成功化解1480件。",
        // A trait in the only part: no partition to compare.
        "全县共有行政执法人员500人，其中持证执法人员520人。",
        // Labels sharing a character but cut another way, or a subset (not as long).
        "开展行政检查1250次，其中涉企检查980次，跨部门联合检查420次。",
        "办理政务服务事项36000件，其中即办件18200件，网办件21400件。",
        "办理案件1200件，其中一般程序案件860件，重大案件45件，简易程序案件390件。",
        "全县执法人员1500人，其中县直部门执法人员860人，县综合执法局执法人员320人，乡镇执法人员420人。",
        // A part's own sub-part.
        "审查文件400件，其中县级文件334件，含县级部门文件210件。",
        // One of several totals: which one 其中 refers to is unclear.
        "全年共审查规范性文件62件、重大行政决策事项28件，其中政府规范性文件35件，部门规范性文件27件。",
    ] {
        assert!(
            findings("parts-exceed-total", text).is_empty(),
            "fired on {text}"
        );
    }
    // Parallel labels (same first or last character) are still summed, with fillers.
    for (text, found) in [
        (
            "受理案件100件，其中行政案件为60件，民事案件有50件。",
            "100件，其中行政案件为60件，民事案件有50件",
        ),
        (
            "共有执法人员500人，其中市级280人、县级250人。",
            "500人，其中市级280人、县级250人",
        ),
        // A trait after the parallel parts ends the list; the parts before it still count.
        (
            "受理案件100件，其中行政案件60件，民事案件50件，审结90件。",
            "100件，其中行政案件60件，民事案件50件",
        ),
    ] {
        assert_eq!(findings("parts-exceed-total", text), [found]);
    }
    // The words are a setting.
    assert_eq!(
        findings_with(
            "parts-exceed-total",
            "全县共有行政执法人员500人，其中持证执法人员520人。",
            "[rules.parts-exceed-total]\noverlap-words = []\nstop-words = []\n"
        ),
        ["500人，其中持证执法人员520人"]
    );
}

// ---- number-format ----------------------------------------------------------------------

#[test]
fn number_format_fires_on_a_space_before_the_unit_and_fixes_it() {
    let text = "统筹协调。74 名部门、镇(街道)党政主要负责人书面述法，共15\u{3000}家。";
    assert_eq!(findings("number-format", text), ["74 名", "15\u{3000}家"]);
    assert_eq!(
        findings("number-format", "全年共有 74 名干部参加，投入 3 万元。"),
        ["74 名", "3 万"]
    );
    assert_eq!(
        fixed("number-format", text),
        (
            "统筹协调。74名部门、镇(街道)党政主要负责人书面述法，共15家。".to_string(),
            0
        )
    );
}

/// Text out of a PDF sets every figure apart (`2023 年`, `12 件`, `2024 年 3 月 15 日`):
/// reported once for the whole text with every space fixed, and its 落款's date is not
/// reported for the same spaces (h88).
#[test]
fn figures_spaced_throughout_are_reported_once() {
    let text = "青禾县人民政府关于 2023 年度法治政府建设情况的报告\n一、2023 年推进法治政府建设的主要举措和成效\n\
        全年审查县政府规范性文件 12 件、合同协议 76 件，提出修改意见 213 条。\n二、存在的不足和原因\n\
        基层执法力量薄弱，原因在于人员编制调整滞后。\n三、党政主要负责人履行推进法治建设第一责任人职责情况\n\
        县政府主要负责人全年主持常务会议研究法治政府建设 4 次，组织会前学法 12 次。\n\
        四、2024 年推进法治政府建设的主要安排\n一是深化改革。\n青禾县人民政府\n2024 年 3 月 15 日\n";
    let m = messages("number-format", text);
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(m[0].starts_with("全文数字与单位之间普遍有空格"), "{m:?}");
    let (fixed_text, _) = fixed("number-format", text);
    assert!(
        fixed_text.contains("文件 12件、合同协议 76件"),
        "{fixed_text}"
    );
    assert!(findings("date-format", text).is_empty());
    // A date spaced in text whose figures are not is the date's own flaw.
    let tight = text
        .replace(" 12 件", "12件")
        .replace(" 76 件", "76件")
        .replace(" 213 条", "213条");
    let tight = tight.replace(" 4 次", "4次").replace(" 12 次", "12次");
    assert_eq!(findings("date-format", &tight).len(), 1);
}

/// Full-width digits in the text are written half-width, one finding a line; a point
/// between them goes with them. Those of the 落款 are date-format's.
#[test]
fn number_format_writes_full_width_digits_half_width() {
    let text = "某县２０２４年法治政府建设情况报告\n全年调解成功率１０９．２％，办结案件１２０件。\n某县人民政府\n２０２５年１月２６日\n";
    // One finding a line.
    assert_eq!(
        findings("number-format", text),
        ["２０２４", "１０９．２％，办结案件１２０"]
    );
    assert_eq!(
        fixed("number-format", text).0,
        "某县2024年法治政府建设情况报告\n全年调解成功率109.2％，办结案件120件。\n某县人民政府\n２０２５年１月２６日\n"
    );
    // A code's full-width letters and hyphen go half-width with its digits, not left
    // mixed (h66).
    assert_eq!(
        fixed(
            "number-format",
            "型号ＡＢ－１２３的设备，电话０５７１－８８８８８８８８。"
        )
        .0,
        "型号AB-123的设备，电话0571-88888888。"
    );
}

#[test]
fn number_format_near_misses() {
    for text in [
        "74名部门",
        "共15家。",
        "2024 年1月26日",
        "版本 v1.2 发布",
        "共74人 参加",
        // Web-page metadata: cells apart, not a figure and its unit.
        "索引号: l379250--2023-0009 主题分类: 综合政务\n正文。",
        // No unit after the space: a label's next word, a table cell, a product name.
        "附件1 某县2023年度法治政府建设重点任务完成情况表",
        "县司法局 98.5 优秀",
        "执法终端统一升级至Windows 10 系统，安装执法App 2.0 版本。",
        // A model's number before a word opening with a unit's character (h66).
        "采购iPhone 15 台式机配件。",
        // A label's number before a word that could be a unit.
        "附件2 年度考核结果表",
        // Table cells apart by tabs; a line's own number.
        "序号\t单位\t得分\n2\t人力资源和社会保障局\t98\n行政复议案件受理数\t213\t件\n",
        "1 个人信息保护专项执法行动\n2 人员密集场所消防检查\n",
    ] {
        assert!(
            findings("number-format", text).is_empty(),
            "fired on {text}"
        );
    }
}

// ---- punctuation-width ------------------------------------------------------------------

#[test]
fn punctuation_width_reports_a_habit_once() {
    let text = "深化改革,推进法治,强化监督。\n加强基层(街道)建设,完善机制。\n";
    let f = findings("punctuation-width", text);
    assert_eq!(f, [",", "("], "one finding per kind, at its first mark");
    let m = messages("punctuation-width", text);
    assert!(m[0].contains("3处"), "{m:?}");
    assert!(m[1].contains("2处"), "{m:?}");
    assert_eq!(
        fixed("punctuation-width", text),
        (
            "深化改革，推进法治，强化监督。\n加强基层（街道）建设，完善机制。\n".to_string(),
            0
        ),
        "the habit's one finding fixes every mark"
    );
}

#[test]
fn punctuation_width_reports_stray_marks_in_a_full_width_text_with_fixes() {
    let text =
        "深化改革，推进法治，强化监督,完善机制；加强基层（街道）建设;落实责任：一是(二)项。\n";
    let f = findings("punctuation-width", text);
    assert_eq!(f, [",", ";", "(", ")"]);
    assert_eq!(
        fixed("punctuation-width", text),
        (
            "深化改革，推进法治，强化监督，完善机制；加强基层（街道）建设；落实责任：一是（二）项。\n"
                .to_string(),
            0
        )
    );
}

#[test]
fn punctuation_width_fixes_parentheses_in_pairs() {
    // A list marker, a pair half full-width, one next to an e-mail address (left alone).
    let text = "深化改革，推进法治，强化监督，完善机制。\n(1)健全决策程序。\n\
                开通热线（联系电话:0571-12345678)，\n开设渠道(邮箱:fy@xx.gov.cn)。\n";
    assert_eq!(
        fixed("punctuation-width", text).0,
        "深化改革，推进法治，强化监督，完善机制。\n（1）健全决策程序。\n\
         开通热线（联系电话：0571-12345678），\n开设渠道(邮箱:fy@xx.gov.cn)。\n"
    );
}

#[test]
fn punctuation_width_near_misses() {
    for text in [
        "深化改革，推进法治。",
        "人案比值为2.57:1。",
        "发布时间：2024-02-19 08:41",
        "见 www.gov.cn:8080, a, b; c",
        "f(x) 的值",
    ] {
        assert!(
            findings("punctuation-width", text).is_empty(),
            "fired on {text}"
        );
    }
    // Web metadata lines are not the report's text.
    let meta = "索引号: LH331082-001/2024-131251 公开方式: 主动公开\n成文日期: 2024-01-31\n";
    assert!(findings("punctuation-width", meta).is_empty());
}

#[test]
fn punctuation_width_share_is_a_setting() {
    let text = "深化改革,推进法治，强化监督，完善机制。\n";
    assert_eq!(findings("punctuation-width", text), [","]);
    let (fixed_text, _) = fixed("punctuation-width", text);
    assert_eq!(fixed_text, "深化改革，推进法治，强化监督，完善机制。\n");
    let config = "[rules.punctuation-width]\nsystematic-share = 0.2\n";
    assert_eq!(findings_with("punctuation-width", text, config), [","]);
    assert_eq!(
        fixed_with("punctuation-width", text, config),
        ("深化改革，推进法治，强化监督，完善机制。\n".to_string(), 0),
        "reported as a habit, fixed all the same"
    );
    let m = messages("punctuation-width", "甲,乙,丙,丁，戊。");
    assert!(m[0].contains("3处"), "{m:?}");
}

// ---- range-dash -------------------------------------------------------------------------

#[test]
fn range_dash_fires_on_hyphenated_ranges_and_fixes_them() {
    let text =
        "2023年1-11月,共交办5件。《法治政府建设实施纲要(2021-2025年)》。今年1月-11月共受理。";
    assert_eq!(
        findings("range-dash", text),
        ["2023年1-11月", "2021-2025年", "1月-11月"]
    );
    assert_eq!(
        fixed("range-dash", text).0,
        "2023年1—11月,共交办5件。《法治政府建设实施纲要(2021—2025年)》。今年1月—11月共受理。"
    );
}

#[test]
fn range_dash_near_misses() {
    for text in [
        "《法治政府建设实施纲要(2021—2025年)》",
        "1～11月",
        "1至11月",
        "1-3个",
        "发布时间:2024-02-19",
        "索引号LH331082-001/2024-131251",
    ] {
        assert!(findings("range-dash", text).is_empty(), "fired on {text}");
    }
}

// ---- title-mark-comma -------------------------------------------------------------------

#[test]
fn title_mark_comma_fires_between_adjacent_titles_and_quotations() {
    let text = "制定《甲规则》、《乙方案》,落实包容免罚、“三书同达”、“简案快办”等工作。";
    assert_eq!(findings("title-mark-comma", text), ["、", "、"]);
    assert_eq!(
        fixed("title-mark-comma", text).0,
        "制定《甲规则》《乙方案》,落实包容免罚、“三书同达”“简案快办”等工作。"
    );
}

#[test]
fn title_mark_comma_near_misses() {
    for text in [
        "《甲规则》《乙方案》",
        "《甲规则》(修订)、《乙方案》",
        "《甲规则》、“乙方案”",
        "公务员、企事业单位",
        // Quotations inside a cited title: its own comma (h51).
        "制定《关于转发“一号司法建议”、“二号司法建议”的报告》",
    ] {
        assert!(
            findings("title-mark-comma", text).is_empty(),
            "fired on {text}"
        );
    }
}

// ---- unbalanced-pair --------------------------------------------------------------------

#[test]
fn unbalanced_pair_points_at_the_unmatched_mark() {
    assert_eq!(
        findings(
            "unbalanced-pair",
            "组织部门单位学习重大行政决策程序暂行条例》,推进目录编制。"
        ),
        ["》"]
    );
    assert_eq!(findings("unbalanced-pair", "开展“八进活动。"), ["“"]);
    assert_eq!(findings("unbalanced-pair", "镇(街道法治办公室"), ["("]);
    assert_eq!(
        findings("unbalanced-pair", "学习《条例(修订》"),
        ["("],
        "a paren left open inside a title"
    );
    let m = messages("unbalanced-pair", "暂行条例》");
    assert_eq!(m, ["后书名号》没有对应的前书名号《"]);
}

#[test]
fn unbalanced_pair_checks_each_paragraph_alone() {
    let body = |b: &str| format!("某县2023年法治政府建设情况报告\n一、主要工作\n{b}\n");
    let far = format!(
        "开展“八进。\n{}\n活动”。",
        "全年办结案件十二件。".repeat(16)
    );
    assert_eq!(
        findings("unbalanced-pair", &body(&far)),
        ["“", "”"],
        "a line ending a sentence ends its paragraph"
    );
    // Unless a mark opened just before is still open (a wrap after `。` inside a
    // quotation), or a heading wraps inside a title.
    for wrapped in [
        "强调：“要把\n法治政府建设摆在突出位置。\n要带头尊法学法守法用法，履行职\n责。”会后制定措施。",
        "（一）认真落实《法治政府建设实施纲要（2021—\n2025年）》，依法全面履行职能。",
    ] {
        assert!(
            findings("unbalanced-pair", &body(wrapped)).is_empty(),
            "{wrapped}"
        );
    }
    assert_eq!(
        findings("unbalanced-pair", &body("开展“八进\n一、活动”。")),
        ["“", "”"],
        "a heading is a paragraph of its own"
    );
    // Lines hard-wrapped inside a sentence (a copy from a PDF) are one paragraph.
    let wrapped =
        body("按照《法治政府建设实施纲要（2021—2025\n年）》要求，“放管服\n”改革持续深化。");
    assert!(findings("unbalanced-pair", &wrapped).is_empty());
}

#[test]
fn unbalanced_pair_accepts_a_quotation_of_several_paragraphs() {
    let body = |b: &str| format!("某县2023年法治政府建设情况报告\n一、主要工作\n{b}\n");
    // GB/T 15834: each quoted paragraph opens with “, only the last closes.
    let quoted = body(
        "县长强调：“要把法治政府建设摆在突出位置。\n“要坚持依法决策。\n“要带头尊法学法守法用法。”\n全年召开会议4次。",
    );
    assert!(
        findings("unbalanced-pair", &quoted).is_empty(),
        "{:?}",
        findings("unbalanced-pair", &quoted)
    );
    // The first paragraph opening with a heading run into it; a Markdown block quote.
    for quoted in [
        "（七）加强法治宣传教育。县长强调：“要带头依法办事。\n“要抓住关键少数。”",
        "县长强调：\n\n> “要带头依法办事。\n>\n> “要抓住关键少数。”",
    ] {
        let f = findings("unbalanced-pair", &body(quoted));
        assert!(f.is_empty(), "{quoted}: {f:?}");
    }
    // A chain never closed: its last paragraph's “ is reported.
    assert_eq!(
        findings(
            "unbalanced-pair",
            &body(
                "县长强调：“要把法治政府建设摆在突出位置。\n“要坚持依法决策。\n全年召开会议4次。"
            )
        ),
        ["“"]
    );
    // The next paragraph does not open with “, or is a heading: still an error.
    assert_eq!(
        findings(
            "unbalanced-pair",
            &body("县长强调：“要把法治政府建设摆在突出位置。\n全年召开会议“4次。”")
        ),
        ["“"]
    );
    assert_eq!(
        findings(
            "unbalanced-pair",
            &body("县长强调：“要把法治政府建设摆在突出位置。\n二、存在的不足\n“要坚持依法决策。”")
        ),
        ["“"]
    );
}

#[test]
fn unbalanced_pair_near_misses() {
    for text in [
        "(一)强力抓统筹,全面推进法治建设责任落实。",
        "\u{FF08}一)半角与全角括号配对。",
        "《法治政府建设实施纲要(2021-2025年)》《“枫桥经验”实践》【要闻】‘甲’",
        "1)强化组织领导;2)强化能力建设。",
        "a)第一项",
        "O’Brien 律师",
        // Emoticons.
        "群众留言“办事真方便:)”，也有人留下:(。",
        // A web page's metadata line and its font-size widget.
        "时间:2022-08-16   信息来源: 山西省人民政府   浏览次数:   【字体:\n正文。",
        // A title wrapped inside a cited title.
        "某市生态环境局关于2024年度法治政府建设暨落实《法治政府建设实施纲要\n（2021—2025年）》情况的报告\n\n正文。",
    ] {
        assert!(
            findings("unbalanced-pair", text).is_empty(),
            "fired on {text}"
        );
    }
}
