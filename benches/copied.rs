//! Copied-text benchmark: `cargo bench --bench copied`.
//!
//! Generates 2,000 reports of about 6 KB each (title, the four parts, 60 sentences drawn
//! from a word list, shared boilerplate), every 50th one copying half of its predecessor's
//! sentences with changed figures, then times fingerprinting (single-threaded) and the
//! comparison, at 1,000 and at 2,000 files: linear code takes twice as long for twice the
//! files. Prints the copies found, which must be the planted ones.

use nianbao::config::Config;
use nianbao::copied::{self, Fingerprints, Normaliser};
use nianbao::outline::{Outline, Outliner};
use nianbao::source::Source;
use std::time::Instant;

const WORDS: &[&str] = &[
    "行政执法",
    "复议案件",
    "合法性审查",
    "规范性文件",
    "法治宣传",
    "公平竞争审查",
    "政务公开",
    "信用监管",
    "矛盾纠纷",
    "调解组织",
    "执法人员",
    "培训轮训",
    "案卷评查",
    "备案审查",
    "行政应诉",
    "负责人出庭",
    "数字政府",
    "营商环境",
    "乡镇街道",
    "综合执法",
    "重大决策",
    "专家论证",
    "风险评估",
    "公众参与",
    "法律顾问",
    "公职律师",
    "普法责任",
    "考核评价",
];

/// A small deterministic generator (xorshift), so every run benches the same text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 as usize
    }

    fn sentence(&mut self) -> String {
        let mut s = String::new();
        for _ in 0..4 {
            s.push_str(WORDS[self.next() % WORDS.len()]);
            s.push_str(["推进", "完成", "落实", "开展"][self.next() % 4]);
        }
        format!("{s}{}项。", self.next() % 500)
    }
}

fn report(i: usize, body: &[String]) -> String {
    let part = |n: usize| body[n * 15..(n + 1) * 15].concat();
    format!(
        "第{i}县人民政府关于2024年法治政府建设年度报告\n\n\
         2024年，我县坚持以习近平法治思想为指导，全面推进法治政府建设。\n\n\
         一、2024年推进法治政府建设的主要举措和成效\n\n{}\n\n\
         二、存在的不足和原因\n\n{}\n\n\
         三、党政主要负责人履行推进法治建设第一责任人职责情况\n\n{}\n\n\
         四、2025年推进法治政府建设的主要安排\n\n{}\n\n第{i}县人民政府\n2025年1月20日\n",
        part(0),
        part(1),
        part(2),
        part(3)
    )
}

fn corpus(n: usize) -> (Vec<Source>, usize) {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut bodies: Vec<Vec<String>> = Vec::with_capacity(n);
    let mut planted = 0;
    for i in 0..n {
        let mut body: Vec<String> = (0..60).map(|_| rng.sentence()).collect();
        if i % 50 == 49 {
            for k in 0..30 {
                body[k * 2] = bodies[i - 1][k * 2].replace('1', "7");
            }
            planted += 1;
        }
        bodies.push(body);
    }
    let sources = bodies
        .iter()
        .enumerate()
        .map(|(i, b)| Source::new(format!("{i}.txt"), report(i, b)))
        .collect();
    (sources, planted)
}

fn main() {
    let config = Config::builtin();
    let tuning = config.rules.copied_text.clone();
    let outliner = Outliner::new(&config);
    for n in [1000, 2000] {
        let (sources, planted) = corpus(n);
        let mb = sources.iter().map(|s| s.text.len()).sum::<usize>() as f64 / 1e6;
        let outlines: Vec<Outline> = sources.iter().map(|s| outliner.build(s)).collect();
        let start = Instant::now();
        let normaliser = Normaliser::new(&tuning);
        let docs: Vec<Fingerprints> = sources
            .iter()
            .zip(&outlines)
            .map(|(s, o)| Fingerprints::of(&s.text, o, &normaliser))
            .collect();
        let fingerprinted = start.elapsed();
        let start = Instant::now();
        let copies = copied::compare(&docs, &tuning);
        let compared = start.elapsed();
        println!(
            "{n} files, {mb:.1} MB: fingerprints {fingerprinted:?} ({:.0} MB/s), \
             comparison {compared:?}; {} copies found, {} planted pairs (one copy each way)",
            mb / fingerprinted.as_secs_f64(),
            copies.len(),
            planted
        );
    }
}
