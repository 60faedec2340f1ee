//! A seeded random loop (cargo-fuzz needs a nightly toolchain) over decoding, the
//! inline tokenizer, the outline, every rule and `--fix`, checking on each input:
//!
//! - nothing panics;
//! - every token, finding and fix lies on character boundaries of the text;
//! - fixing is idempotent: the fixed text has nothing left to fix;
//! - the fix's edits of the original, replayed, give the fixed text, and none touches a
//!   protected span (URL, e-mail address, file path, inline code, link target);
//! - written back in the file's encoding, only the fixed spans' bytes change: the bytes
//!   before the first and after the last edit are the original's, and the whole decodes
//!   to the fixed text (GB18030 inputs carry bytes that re-encode differently).
//!
//! The suite runs a short seeded version. A long run:
//! `NIANBAO_FUZZ_ITERS=200000 NIANBAO_FUZZ_SEED=7 cargo test --release --test fuzz -- --nocapture`

mod common;

use common::{BREAKS, PIECES};
use nianbao::config::Config;
use nianbao::decode::{self, Encoding};
use nianbao::inline::tokenize;
use nianbao::lint::{Linter, Selection};
use nianbao::source::Source;
use nianbao::writeback::{Change, Refusal};
use nianbao::{fix, protect};
use std::ops::Range;

/// xorshift64*: small, seedable, good enough to pick pieces.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

fn env(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Pieces only this loop adds: what fixes must not touch, and characters that are
/// unusual in reports.
#[rustfmt::skip]
const EXTRA: &[&str] = &[
    "http://www.gov.cn/法治,政府/2021-2025年规划.pdf", "https://a.gov.cn/x(1).html",
    "[报告](http://x.cn/法治,政府.html)", "`a,b(1-11月)`", "```\n代码,内容(\n```",
    "C:\\文件\\2021-2025年,报告.docx", "/home/用户/报告(1).txt", "邮箱:fa,zhi@gov.cn",
    "www.example.gov.cn/政务,公开", "<https://x.cn/a-b>", "）((", "((", "),", ",,", ":(",
    "\u{200b}", "\u{3000}", "\u{c}", "\u{85}", "\u{2028}", "\u{1b}[31m", "\u{202e}",
    "\u{e5e5}", "€", "\u{10000}", "\u{fffd}", "一是", "　　一是", "74  名", "》、《",
    "第一部分", "第十二部分：", "报告单位：", "报告日期：", "（星期五）", " 星期日", "2024年1月",
    "2024年1月20号", "二〇二四年元月", "【字体:",
    "黨委會研究部署法治建設，報告國家機關職責", "負責人履行職責，學習貫徹會議精神",
    // Shapes the later rules read: old bodies' names with years, the head's duties in a
    // clause, grouped digits, anonymised places, a page's wrapped title, a year line.
    "县环保局", "原县工商局", "较上年", "2016年", "合并", "前身为", "主要负责人认真履行",
    "第一责任人职责", "压实责任。", "现将", "报告如下：", "1,243", "1\u{2009}243", "××镇××村",
    "青环〔2024〕5号《", "（2023年度）", "常务会议审议通过）", "截至2023年6月底", "得分95.5分",
    // Seals, page numbers inside paragraphs, split items, table rows, fields in the text,
    // fields then a title, Markdown-list metadata, ordinal runs.
    "（盖章）", "\n— 5 —\n", "。二\n是", "（一）\t", "\t已完成", "时间：2026年6月30日前",
    "发布时间：2024-03-15 某县2023年度法治政府建设情况报告", "- 发布机构：", "一、二审",
    "二、三级", "张小明 李大伟 王建国", "55\"和65\"", "ＡＢ－１２３",
    // A 落款 in table rows, bars of both widths; rules drawn in characters; WeChat and PDF
    // furniture; a seal's note on the 落款's line; an item after its subject.
    "\n| | 某镇人民政府 |\n", "｜ | 某局 ｜ 2024年1月26日 ｜", "\n---\n", "\n* * *\n",
    "— END —", "视频加载中...", "某局　（印章）　2024年2月9日", "我乡一是", "日　　期：",
    "特此报告。 某局\n", "“—（四）", "•\t",
];

fn random_text(rng: &mut Rng) -> String {
    let long = rng.chance(5);
    let len = rng.below(if long { 2000 } else { 120 });
    let mut text = String::new();
    for _ in 0..len {
        let piece = if rng.chance(15) {
            EXTRA[rng.below(EXTRA.len())]
        } else {
            PIECES[rng.below(PIECES.len())]
        };
        text.push_str(piece);
        if rng.chance(20) {
            text.push_str(BREAKS[rng.below(BREAKS.len())]);
        }
    }
    text
}

/// Bytes of `text` in a random encoding, sometimes damaged or with GB18030 bytes that
/// decode to characters which encode back differently.
fn random_bytes(rng: &mut Rng, text: &str) -> (Vec<u8>, Option<Encoding>) {
    let encodings = [
        Encoding::Utf8,
        Encoding::Utf16Le,
        Encoding::Utf16Be,
        Encoding::Gb18030,
    ];
    let encoding = encodings[rng.below(encodings.len())];
    // A NUL makes most inputs binary: keep some, so that path is fuzzed too.
    let text = if rng.chance(80) {
        text.replace('\0', "")
    } else {
        text.to_string()
    };
    let mut bytes = decode::encode(&text, encoding, rng.chance(50));
    if encoding == Encoding::Gb18030 && rng.chance(50) {
        // 0x80 is €, written back as A2E3; A3A0 and some four-byte codes likewise.
        for _ in 0..rng.below(4) {
            let at = rng.below(bytes.len() + 1);
            let pick = rng.below(3);
            let odd: &[u8] = [&b"\x80"[..], b"\xA3\xA0", b"\x84\x31\xA4\x37"][pick];
            if at == bytes.len() || bytes[at] < 0x80 {
                bytes.splice(at..at, odd.iter().copied());
            }
        }
    }
    if rng.chance(10) && !bytes.is_empty() {
        let at = rng.below(bytes.len());
        bytes[at] = rng.next() as u8;
    }
    let forced = rng.chance(30).then_some(encoding);
    (bytes, forced)
}

fn on_boundaries(text: &str, span: &Range<usize>) -> bool {
    span.start <= span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end)
}

/// What one input went through.
enum Reached {
    Undecodable,
    Linted,
    Fixed,
}

/// Checks one input; the message says which invariant failed.
fn check(linter: &Linter, bytes: &[u8], forced: Option<Encoding>) -> Result<Reached, String> {
    let Ok(decoded) = decode::decode(bytes, forced) else {
        return Ok(Reached::Undecodable);
    };
    let text = decoded.text.as_str();
    for line in text.split(['\n', '\r']) {
        for t in tokenize(line) {
            if !on_boundaries(line, &t.span()) {
                return Err(format!("token {t:?} off boundaries in {line:?}"));
            }
        }
    }
    let source = Source::new("t.txt", decoded.text.clone());
    let diagnostics = linter.lint(&source);
    for d in &diagnostics {
        if !on_boundaries(text, &d.span) {
            return Err(format!("{} span {:?} off boundaries", d.rule, d.span));
        }
        if let Some(f) = &d.fix
            && !on_boundaries(text, &f.span)
        {
            return Err(format!("{} fix {:?} off boundaries", d.rule, f.span));
        }
    }
    let Some(fixed) = linter.fix(&source, &diagnostics) else {
        return Ok(Reached::Linted);
    };
    let again = linter.lint(&fixed.source);
    if let Some((_, left)) = fix::apply(&fixed.source.text, &again) {
        return Err(format!("not idempotent: a second fix applies {left:?}"));
    }
    let mut replayed = String::new();
    let mut at = 0;
    for (r, s) in &fixed.edits {
        replayed.push_str(&text[at..r.start]);
        replayed.push_str(s);
        at = r.end;
    }
    replayed.push_str(&text[at..]);
    if replayed != fixed.source.text {
        return Err("edits do not replay to the fixed text".into());
    }
    let protected = protect::spans(text);
    for (r, _) in &fixed.edits {
        if let Some(p) = protected
            .iter()
            .find(|p| p.start < r.end && r.start < p.end)
        {
            return Err(format!(
                "edit {r:?} touches protected {:?}",
                &text[p.clone()]
            ));
        }
    }
    let change = Change {
        text,
        encoding: decoded.encoding,
        bom: decoded.bom,
        edits: &fixed.edits,
        fixed: &fixed.source.text,
    };
    let out = match change.patch(bytes) {
        Ok(out) => out,
        // Only a replacement the encoding cannot hold may be refused.
        Err(Refusal::Unencodable(..)) => return Ok(Reached::Fixed),
        Err(e) => return Err(format!("write-back refused: {e}")),
    };
    let first = fixed.edits.first().map_or(text.len(), |(r, _)| r.start);
    let last = fixed.edits.last().map_or(text.len(), |(r, _)| r.end);
    let prefix = byte_len(&decoded, bytes, first);
    let suffix = bytes.len() - byte_len(&decoded, bytes, last);
    if out[..prefix] != bytes[..prefix]
        || out[out.len() - suffix..] != bytes[bytes.len() - suffix..]
    {
        return Err("bytes outside the fixes changed".into());
    }
    Ok(Reached::Fixed)
}

/// How many bytes of the file (BOM included) decode to the first `chars` bytes of its
/// text, found by feeding a decoder byte by byte: independent of the write-back's
/// own mapping.
fn byte_len(decoded: &decode::Decoded, bytes: &[u8], text_len: usize) -> usize {
    let (encoding, bom) = match decoded.encoding {
        Encoding::Utf8 => (encoding_rs::UTF_8, 3),
        Encoding::Utf16Le => (encoding_rs::UTF_16LE, 2),
        Encoding::Utf16Be => (encoding_rs::UTF_16BE, 2),
        Encoding::Gb18030 => (encoding_rs::GB18030, 4),
    };
    let start = if decoded.bom { bom } else { 0 };
    if text_len == 0 {
        return start;
    }
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut out = String::new();
    for n in start..bytes.len() {
        out.reserve(16);
        let _ = decoder.decode_to_string(&bytes[n..=n], &mut out, false);
        if out.len() >= text_len {
            return n + 1;
        }
    }
    bytes.len()
}

#[test]
fn seeded_random_inputs_keep_every_invariant() {
    let iterations = env("NIANBAO_FUZZ_ITERS", 300);
    let seed = env("NIANBAO_FUZZ_SEED", 0x006e_6961_6e62_616f);
    let linter = Linter::new(Config::builtin(), &Selection::default());
    let mut rng = Rng(seed | 1);
    let mut counts = [0usize; 3];
    for i in 0..iterations {
        let text = random_text(&mut rng);
        let (bytes, forced) = random_bytes(&mut rng, &text);
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            check(&linter, &bytes, forced)
        }));
        match result {
            Ok(Ok(reached)) => counts[reached as usize] += 1,
            Ok(Err(why)) => panic!("seed {seed} iteration {i}: {why}\ninput: {bytes:?}"),
            Err(_) => panic!("seed {seed} iteration {i}: panic\ninput: {bytes:?}"),
        }
        if i % 10_000 == 0 && i > 0 {
            eprintln!("fuzz: {i} inputs, seed {seed}, {counts:?} undecodable/linted/fixed");
        }
    }
    eprintln!("fuzz: {iterations} inputs, seed {seed}, {counts:?} undecodable/linted/fixed");
    // The loop must reach the fixes, or it checks little.
    assert!(counts[2] * 10 >= iterations as usize, "{counts:?}");
}
