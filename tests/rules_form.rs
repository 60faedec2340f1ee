//! The form rules from GB/T 9704, 15834 and 15835 on small texts: cases that must fire,
//! near-misses that must not, and their fixes.

mod common;

use common::{findings, fixed};

// ---- doc-number ---------------------------------------------------------------------------

#[test]
fn doc_number_fires_on_brackets_di_and_padding() {
    let text = "根据杭司[2024]14号、浙政办发【2023】5号、国发(2021)7号、厅字〔2019〕第28号和杭司〔2024〕014号文件。";
    assert_eq!(
        findings("doc-number", text),
        [
            "[2024]14号",
            "【2023】5号",
            "(2021)7号",
            "〔2019〕第28号",
            "〔2024〕014号"
        ]
    );
    assert_eq!(
        fixed("doc-number", text).0,
        "根据杭司〔2024〕14号、浙政办发〔2023〕5号、国发〔2021〕7号、厅字〔2019〕28号和杭司〔2024〕14号文件。"
    );
}

#[test]
fn doc_number_near_misses() {
    for text in [
        "根据厅字〔2019〕28号文件，国务院令第713号。",
        // Court case numbers put the year first, then the court's code.
        "法院作出(2023)浙0782行初12号判决。",
        "（2023）最高法行再1号",
        // Decisions in cases number themselves with 第 by convention (h40).
        "依法作出岚劳人仲案字〔2023〕第128号仲裁裁决书，岚政复决字〔2023〕第015号决定。",
        // No 机关代字 before the bracket; a building, not a document.
        "完成三期(2023)5号楼改造，[2024]12号线通车。",
        "[2024]14号",
    ] {
        assert!(findings("doc-number", text).is_empty(), "fired on {text}");
    }
}

// ---- chinese-zero -------------------------------------------------------------------------

#[test]
fn chinese_zero_fires_on_wrong_zeros_in_a_year() {
    let text = "二0二三年工作总结，二O二四年一月二十六日，二零二二年，二○二一年度。";
    assert_eq!(
        findings("chinese-zero", text),
        ["二0二三", "二O二四", "二零二二", "二○二一"]
    );
    assert_eq!(
        fixed("chinese-zero", text).0,
        "二〇二三年工作总结，二〇二四年一月二十六日，二〇二二年，二〇二一年度。"
    );
}

#[test]
fn chinese_zero_near_misses() {
    for text in [
        "二〇二三年一月二十六日",
        "《国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》",
        "建校一百零五年，历时二十年。",
        "2023年，实现零的突破。",
        "型号LOGO0年",
    ] {
        assert!(findings("chinese-zero", text).is_empty(), "fired on {text}");
    }
}

// ---- range-unit ---------------------------------------------------------------------------

#[test]
fn range_unit_fires_on_a_sign_or_magnitude_only_at_the_end() {
    let text = "满意度提升15～30%，奖励3～5万元，投入1—2亿元。";
    assert_eq!(
        findings("range-unit", text),
        ["15～30%", "3～5万元", "1—2亿元"]
    );
    assert_eq!(
        fixed("range-unit", text).0,
        "满意度提升15%～30%，奖励3万～5万元，投入1亿—2亿元。"
    );
}

#[test]
fn range_unit_near_misses() {
    for text in [
        "满意度提升15%～30%，奖励3万～5万元。",
        "培训100～150人，罚款500～2000元。",
        "依据GB/T 9704-2012，2021-2025年。",
        "下降3个百分点，同比增长15%。",
        // With 万 the first number would exceed the second: 5000 元 to 3 万元.
        "对违法行为处以5000-3万元罚款。",
    ] {
        assert!(findings("range-unit", text).is_empty(), "fired on {text}");
    }
}

// ---- secrecy-mark -------------------------------------------------------------------------

#[test]
fn secrecy_mark_fires_on_a_mark_standing_as_a_mark() {
    let text = "秘密★1年\n某县人民政府关于2023年法治政府建设情况的报告\n内部资料 注意保存\n机密★长期 某县\n不得公开\n";
    assert_eq!(
        findings("secrecy-mark", text),
        ["秘密★1年", "内部资料 注意保存", "机密★长期", "不得公开"]
    );
}

#[test]
fn secrecy_mark_near_misses() {
    for text in [
        "依法确定不得公开的政府信息范围，涉密事项不予公开。\n",
        "加强保密管理，内部资料严格登记，绝密文件专人保管。\n",
        "开展“秘密”主题展览\n",
        // A table cell in the body, after the first heading.
        "某县2023年法治政府建设年度报告\n一、主要工作\n公开方式\n不得公开\n",
    ] {
        assert!(findings("secrecy-mark", text).is_empty(), "fired on {text}");
    }
}

// ---- placeholder --------------------------------------------------------------------------

#[test]
fn placeholder_fires_on_template_residue() {
    let text = "某某县人民政府关于20XX年法治政府建设情况的报告\n××市于2023年X月X日召开会议，共办理案件XX件，开展培训*次，满意率为%，纠错率提高个百分点，印发杭司〔2024〕号文件，联系人：____。\n";
    assert_eq!(
        findings("placeholder", text),
        [
            "某某",
            "XX",
            "××",
            "X",
            "X",
            "XX",
            "*",
            "%",
            "个百分点",
            "〕号",
            "____"
        ]
    );
}

/// A table's unit cell holds `%` with its figure after it (a PDF's text may close the
/// gap before the cell: `出庭应诉率% 100`); a blank figure has none.
#[test]
fn placeholder_is_not_a_tables_unit_cell() {
    for row in [
        "行政机关负责人出庭应诉率 | % | 100\n",
        "行政机关负责人出庭应诉率% 100\n",
        "群众满意率\t％\t98.6\n",
    ] {
        assert!(findings("placeholder", row).is_empty(), "{row}");
    }
    assert_eq!(
        findings("placeholder", "出庭应诉率为%，较上年提高。\n"),
        ["%"]
    );
}

/// Names made anonymous are told by what stands around `××`; a blank figure, place or
/// a blank word in running text is still a blank.
#[test]
fn placeholder_still_fires_on_blanks_near_party_words() {
    let text = "牧民××户增收，村民××人参加，连续开展××专项行动，××连续三年获评先进，\
                当事人××万元罚款，买买提·××市，新建道路里程XX公里，开设课程××门。\n";
    assert_eq!(
        findings("placeholder", text),
        ["××", "××", "××", "××", "××", "××", "XX", "××"]
    );
    // A count over a whole area, whatever place follows (h48).
    let text = "全旗××嘎查、全县××居委会、全县××村实现法律顾问全覆盖，覆盖××社区。\n";
    assert_eq!(findings("placeholder", text), ["××", "××", "××", "××"]);
}

#[test]
fn placeholder_after_a_surname_character_still_fires_before_a_unit_or_place() {
    // 于 and 高 are surnames too, but `××市` and `××%` are blanks.
    let text = "关于××市法治建设情况，满意度提高××%，共办理案件王××件。\n";
    assert_eq!(findings("placeholder", text), ["××", "××", "××"]);
}

#[test]
fn placeholder_before_an_organisation_a_few_characters_on_still_fires_after_a_figure_or_place() {
    // A blank figure or place name before an organisation is still a blank.
    let text =
        "投入××万元，惠及企业3家；××市政务服务中心、××镇卫生院、20××年度学校、涉及当事人××人。\n";
    // A blank town before a named village is still a blank.
    assert_eq!(findings("placeholder", "××镇青山村开展普法。\n"), ["××"]);
    assert_eq!(
        findings("placeholder", text),
        ["××", "××", "××", "××", "××"]
    );
}

#[test]
fn placeholder_skips_anonymous_organisations_villages_and_parties() {
    for text in [
        "县市场监管局查处××物流有限公司超限运输案，罚款3万元。\n",
        "县市场监管局查处××超市销售过期食品案。\n",
        "县交通局查处××运输公司车辆超载案。\n",
        "某镇综合执法队对××餐饮店占道经营行为依法作出处罚。\n",
        "典型案例：当事人×××不服县人社局工伤认定，经复议调解后撤回申请。\n",
        "县自然资源局对××村村民违法占地建房行为依法拆除。\n",
        "县住建局查处××房地产开发有限公司未取得施工许可证擅自施工案。\n",
        "县卫健委查处××诊所非法行医案，罚款2万元。\n",
        "依法查处××煤矿超层越界开采案、××餐馆使用过期食品原料案。\n",
        "督促××水库、××景区、××农家乐整改安全隐患。\n",
        // The X of a formula the line gives is a variable.
        "推行“1+X”综合执法模式，即1个综合行政执法队加X个专业执法力量。\n",
        "办理“××银行××支行”诉县市场监管局案，一审胜诉。\n",
        "被申请人××未按期履行，申请人XX申请强制执行。\n",
        "依法查处××加油站违规储存油品案，罚款5万元。\n",
        "对××中学周边流动摊贩开展专项整治。\n",
        "查处××经营部销售不合格产品案。\n",
        "（二）严格规范执法。办理的“王××诉某区生态环境局行政处罚案”入选典型案例。\n",
        // Minority names: a first syllable, a name dot, a list of names (h41).
        "在申请人买××诉某县自然资源局行政处罚一案中，牧民艾××、吐××自愿撤回起诉。\n",
        "为当事人×××·×××等12名农牧民工讨薪，为买买提·××、××·巴特尔提供法律援助。\n",
        // Villages, farms and communities of pastoral areas, the 兵团 and towns.
        "调解××嘎查牧民巴某与××村村民王某草场边界纠纷。\n",
        "调解××牧场职工马某与××连职工李某、××居委会居民张某某的纠纷。\n",
        // Sites a complaint names; a town or street and its village or community (h59).
        "群众反映××养老院违规使用燃气，××砂石场超范围开采，××屠宰场私屠滥宰。\n",
        "××镇××村村民赵××与同村村民因土地流转费用发生纠纷。\n",
        "××街道××社区居民钱××投诉噪声扰民。\n",
    ] {
        assert!(findings("placeholder", text).is_empty(), "fired on {text}");
    }
}

#[test]
fn placeholder_near_misses() {
    for text in [
        // Anonymized parties in a case description.
        "办理张某某诉某区政府行政复议案件，某某公司申请调解。\n",
        "办理张××诉某区政府案，王××等3人到场，对××公司作出处罚。\n",
        // Latin words, sizes and model numbers; a multiplication; stars and bold.
        "采购XXL号服装、X-200型设备和CXX系统，面积3×4米，X光机1台，获评★★★级。\n",
        "**加强组织领导**，完成率100%，三十%，PM2.5浓度下降。\n",
        "**县政府主要负责人履行推进法治建设第一责任人职责情况**\n",
        "**坚持学用结合。**市场监管系统全年开展专题学习4次。\n",
        "访问file_name.txt。\n",
        "___\n",
        "带*号的为必填项。\n",
    ] {
        assert!(findings("placeholder", text).is_empty(), "fired on {text}");
    }
}

// ---- quote-marks --------------------------------------------------------------------------

#[test]
fn quote_marks_fire_on_ascii_quotes_and_angle_titles() {
    let text =
        "推行\"最多跑一次\"改革，开展'法律进社区'活动，学习<民法典>和《关于<行政处罚法>的说明》。";
    assert_eq!(
        findings("quote-marks", text),
        ["\"最多跑一次\"", "'法律进社区'", "<民法典>", "<行政处罚法>"]
    );
    assert_eq!(
        fixed("quote-marks", text).0,
        "推行“最多跑一次”改革，开展“法律进社区”活动，学习《民法典》和《关于〈行政处罚法〉的说明》。"
    );
    // Single quotes stay single inside a quotation; a Chinese quotation inside one
    // made Chinese becomes single (GB/T 15834: outer double, inner single).
    for (text, want) in [
        ("他说：“开展'八五'普法”。\n", "他说：“开展‘八五’普法”。\n"),
        (
            "强调:\"要把“放管服”改革作为关键一招。\"\n",
            "强调:“要把‘放管服’改革作为关键一招。”\n",
        ),
        // A term, then a quotation after a colon: two pairs in order.
        (
            "开展\"法律进机关\"活动，县长指出：\"依法行政是生命线\"。\n",
            "开展“法律进机关”活动，县长指出：“依法行政是生命线”。\n",
        ),
    ] {
        assert_eq!(fixed("quote-marks", text).0, want, "{text}");
    }
}

/// Quotes that cannot be paired in order (an odd number on a line, a quotation that
/// may hold others) are reported once, without a fix.
#[test]
fn quote_marks_that_cannot_be_paired_get_no_fix() {
    for text in [
        "全面推行“最多跑一次\"改革，开展\"法治体检\"活动。\n",
        "领导强调:\"要把\"放管服\"改革作为关键一招。\"各部门抓好落实。\n",
        "一次\"改革,开展\"法治体检\"活动。\n",
        // A slip on each side of Chinese quotes: each belongs with a Chinese mark.
        "深化“放管服\"改革，推进\"一网通办”。\n",
        "推行\"放管服”改革，“一网通办”，实现\"最多跑一次”。\n",
    ] {
        assert_eq!(findings("quote-marks", text), ["\""], "{text}");
        assert_eq!(fixed("quote-marks", text).0, text);
    }
    // Two quotations one after the other are fixed.
    assert_eq!(
        fixed(
            "quote-marks",
            "开展\"法治体检\"活动，推行\"最多跑一次\"改革。\n"
        )
        .0,
        "开展“法治体检”活动，推行“最多跑一次”改革。\n"
    );
}

#[test]
fn quote_marks_near_misses() {
    for text in [
        "系统提示\"OK\"后点击\"Submit\"，变量'name'为空。",
        "网页残留<br>和<p class=\"x\">标签，a<b>c。",
        "满意度<90%的单位，数量<5个或>10个。",
        "Don't 和 it's 不是引号，“最多跑一次”是全角引号。",
        // Inch marks after a figure (h66).
        "配备执法记录仪显示屏55\"和65\"两种规格。",
        "采购55\"显示屏两台。",
    ] {
        assert!(findings("quote-marks", text).is_empty(), "fired on {text}");
    }
    // A quotation ending in a figure is one; an inch mark beside one is passed over.
    assert_eq!(
        fixed(
            "quote-marks",
            "开展\"护航2023\"行动，配备55\"显示屏和\"放管服\"专栏。"
        )
        .0,
        "开展“护航2023”行动，配备55\"显示屏和“放管服”专栏。"
    );
}

// ---- sentence-end -------------------------------------------------------------------------

#[test]
fn sentence_end_fires_on_half_width_stops_doubles_and_ellipses() {
    let text =
        "全年办理案件120件，群众满意.开展宣传。。培训，，讲座、、等活动...以及调解。。。和复议…\n";
    assert_eq!(
        findings("sentence-end", text),
        [".", "。。", "，，", "、、", "...", "。。。", "…"]
    );
    assert_eq!(
        fixed("sentence-end", text).0,
        "全年办理案件120件，群众满意。开展宣传。培训，讲座、等活动……以及调解……和复议……\n"
    );
}

/// A `.` inside a transliterated name is a mistyped 间隔号, not a sentence end (h41).
#[test]
fn sentence_end_makes_a_dot_inside_a_name_a_name_dot() {
    let text = "州人民政府副州长艾尔肯.吐尼亚孜带领宣讲团，阿不都热依木.买买提参加。工作完成.吐鲁番市召开会议。\n";
    assert_eq!(findings("sentence-end", text), [".", ".", "."]);
    assert_eq!(
        fixed("sentence-end", text).0,
        "州人民政府副州长艾尔肯·吐尼亚孜带领宣讲团，阿不都热依木·买买提参加。工作完成。吐鲁番市召开会议。\n"
    );
    // (h79)
    let text = "邀请阿不都.热合曼律师为干部授课。\n";
    assert_eq!(
        fixed("sentence-end", text).0,
        "邀请阿不都·热合曼律师为干部授课。\n"
    );
}

#[test]
fn sentence_end_near_misses() {
    for text in [
        "满意率99.5%，1.加强领导，见附件.docx，访问www.gov.cn。\n",
        "一.加强组织领导。二.完善制度。\n",
        "Loading... 1...5，开展宣传……\n",
        "etc… 英文省略。\n",
    ] {
        assert!(findings("sentence-end", text).is_empty(), "fired on {text}");
    }
}

// ---- stray-space --------------------------------------------------------------------------

#[test]
fn stray_space_fires_between_two_chinese_characters() {
    let text = "全面推进依法 行政，加强法治\u{3000}政府建设。\n";
    assert_eq!(findings("stray-space", text), [" ", "\u{3000}"]);
    assert_eq!(
        fixed("stray-space", text).0,
        "全面推进依法行政，加强法治政府建设。\n"
    );
}

#[test]
fn stray_space_near_misses() {
    for text in [
        // Quoted project names, a title; joint issuers; names; ordinals; tables; layout.
        "“深化市场化解纷机制 推动实现涉企纠纷高效快处”获奖，学习《法治政府 建设》。\n",
        "中共中央 国务院印发纲要，中共某县委 某县人民政府联合发文。\n",
        "联系人：王 伟，电话12345。\n",
        // A list of short words set apart by spaces: removing them would run the names
        // together (h66).
        "参会人员：张小明 李大伟 王建国等同志参加会议。\n",
        "会议议定：明确分工 压实责任 限期整改，逐项推进。\n",
        "依照第一章 总则的规定开展工作。\n",
        "序号\t单位\t得分 名次\n",
        "执法  检查两项工作对齐排版。\n",
        "工作情况 二、存在问题。\n",
        // A run-in heading set off from its text by a full-width space.
        "一、主要举措和成效\u{3000}全年审查规范性文件32件，全部按时报备。\n",
        // A short line without a sentence end: web chrome.
        "今天是:2019年10月31日 星期三 农历十月初七\n",
        // Latin text and numbers.
        "PM2.5 浓度下降，74 名执法人员。\n",
    ] {
        assert!(findings("stray-space", text).is_empty(), "fired on {text}");
    }
}
