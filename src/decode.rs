//! Turning a file's bytes into text, and text back into the file's encoding.
//!
//! Detection order: a byte-order mark wins (UTF-8, UTF-16LE, UTF-16BE, and the
//! GB18030 mark `84 31 95 33`); without one, valid UTF-8 is UTF-8, otherwise the
//! bytes are tried as GB18030 (a superset of GBK and GB2312). Files with NUL
//! bytes or a well-known binary signature are refused as binary, except when
//! they are decoded as UTF-16, where NUL bytes are ordinary.
//!
//! Line endings are left untouched: `\r\n` and lone `\r` stay in the text, so
//! positions in the text can be mapped back to bytes of the file.

use std::fmt;
use std::ops::Range;
use std::str::FromStr;

use encoding_rs::DecoderResult;

/// A text encoding nianbao can read and write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    /// GB18030, also used for GBK and GB2312 input.
    Gb18030,
}

impl Encoding {
    /// The byte-order mark of this encoding.
    fn bom(self) -> &'static [u8] {
        match self {
            Encoding::Utf8 => b"\xEF\xBB\xBF",
            Encoding::Utf16Le => b"\xFF\xFE",
            Encoding::Utf16Be => b"\xFE\xFF",
            Encoding::Gb18030 => b"\x84\x31\x95\x33",
        }
    }

    fn is_utf16(self) -> bool {
        matches!(self, Encoding::Utf16Le | Encoding::Utf16Be)
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Gb18030 => "GB18030",
        })
    }
}

/// The name given to `--encoding` was not one nianbao knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownEncoding(pub String);

impl fmt::Display for UnknownEncoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "不支持的编码“{}”，可选：utf-8、utf-16le、utf-16be、gb18030、gbk",
            self.0
        )
    }
}

impl std::error::Error for UnknownEncoding {}

impl FromStr for Encoding {
    type Err = UnknownEncoding;

    /// Parses `utf-8`, `utf-16le`, `utf-16be`, `gb18030` or `gbk` (any case;
    /// `utf8`, `utf16le`, `utf16be` and `gb2312` are accepted too).
    fn from_str(name: &str) -> Result<Self, Self::Err> {
        match name.trim().to_ascii_lowercase().as_str() {
            "utf-8" | "utf8" => Ok(Encoding::Utf8),
            "utf-16le" | "utf16le" => Ok(Encoding::Utf16Le),
            "utf-16be" | "utf16be" => Ok(Encoding::Utf16Be),
            "gb18030" | "gbk" | "gb2312" => Ok(Encoding::Gb18030),
            _ => Err(UnknownEncoding(name.to_owned())),
        }
    }
}

/// Text decoded from a file, with what is needed to write it back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without the byte-order mark, line endings unchanged.
    pub text: String,
    pub encoding: Encoding,
    /// Whether the file started with a byte-order mark.
    pub bom: bool,
    /// Detected UTF-8 whose bytes read far more like GBK Chinese: probably mojibake,
    /// worth suggesting `--encoding gbk`.
    pub maybe_gbk: bool,
}

/// Why a file's bytes could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// NUL bytes or a binary file signature (image, zip, Office compound file).
    Binary,
    /// The bytes are not valid in `encoding`; `offset` is the byte offset in
    /// the file (byte-order mark included) of the first undecodable byte.
    Invalid { encoding: Encoding, offset: usize },
    /// A UTF-32 byte-order mark: an encoding nianbao does not read.
    Utf32,
    /// Not valid UTF-8; valid GB18030 but unlike Chinese text, and much more like Big5
    /// (traditional Chinese), which nianbao does not read.
    Big5,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Binary => f.write_str(
                "看起来是二进制文件，不是文本（若是不带 BOM 的 UTF-16 文本，请用 --encoding 指定编码）",
            ),
            DecodeError::Invalid { encoding, offset } => write!(
                f,
                "不是有效的 {encoding} 文本（第 {offset} 字节处无法解码，从 0 起算）"
            ),
            DecodeError::Utf32 => f.write_str(
                "是 UTF-32 编码的文本，nianbao 不支持；请另存为 UTF-8 再检查",
            ),
            DecodeError::Big5 => f.write_str(
                "看起来是 Big5（繁体中文）编码，nianbao 不支持；请另存为 UTF-8 再检查\
                 （若确是 GBK/GB18030 文本，用 --encoding gbk 强制按 GBK 读取）",
            ),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Signatures of binary formats people may pass by mistake. PDF is left out:
/// it starts with text and is caught by its NUL or undecodable bytes instead.
const BINARY_MAGIC: &[&[u8]] = &[
    b"\x89PNG\r\n\x1A\n",
    b"\xFF\xD8\xFF",
    b"GIF87a",
    b"GIF89a",
    b"PK\x03\x04",
    b"PK\x05\x06",
    b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
];

/// Decode a file's bytes. `forced` overrides detection; a byte-order mark is
/// still stripped when it belongs to the forced encoding.
pub fn decode(bytes: &[u8], forced: Option<Encoding>) -> Result<Decoded, DecodeError> {
    if forced.is_none()
        && [UTF32_LE_BOM, UTF32_BE_BOM]
            .iter()
            .any(|b| bytes.starts_with(b))
    {
        return Err(DecodeError::Utf32);
    }
    let sniffed = sniff_bom(bytes);
    let (encoding, bom) = match (forced, sniffed) {
        (Some(forced), sniffed) => (Some(forced), sniffed == Some(forced)),
        (None, Some(sniffed)) => (Some(sniffed), true),
        (None, None) => (None, false),
    };
    let bom_len = match (bom, encoding) {
        (true, Some(encoding)) => encoding.bom().len(),
        _ => 0,
    };
    let body = &bytes[bom_len..];
    if !encoding.is_some_and(Encoding::is_utf16) && looks_binary(body) {
        return Err(DecodeError::Binary);
    }
    let text = match encoding {
        Some(encoding) => decode_as(body, encoding),
        None => detect(body),
    };
    let (text, encoding) = text.map_err(|error| shift_offset(error, bom_len))?;
    let detected = forced.is_none() && !bom;
    if detected && encoding == Encoding::Gb18030 && looks_like_big5(body) {
        return Err(DecodeError::Big5);
    }
    Ok(Decoded {
        maybe_gbk: detected && encoding == Encoding::Utf8 && looks_like_gbk(body, &text),
        text,
        encoding,
        bom,
    })
}

/// [`decode`] for bytes the caller gives up: UTF-8 without a byte-order mark, the
/// common case, becomes the text without a copy.
pub fn decode_owned(bytes: Vec<u8>, forced: Option<Encoding>) -> Result<Decoded, DecodeError> {
    let plain = forced.is_none_or(|e| e == Encoding::Utf8)
        && sniff_bom(&bytes).is_none()
        && ![UTF32_LE_BOM, UTF32_BE_BOM]
            .iter()
            .any(|b| bytes.starts_with(b))
        && !looks_binary(&bytes);
    let maybe_gbk = match simdutf8::basic::from_utf8(&bytes) {
        Ok(text) if plain => forced.is_none() && looks_like_gbk(&bytes, text),
        _ => return decode(&bytes, forced),
    };
    // SAFETY: the bytes were just validated as UTF-8 (by simdutf8, many times faster
    // than the validation `String::from_utf8` would repeat).
    let text = unsafe { String::from_utf8_unchecked(bytes) };
    Ok(Decoded {
        text,
        encoding: Encoding::Utf8,
        bom: false,
        maybe_gbk,
    })
}

const UTF32_LE_BOM: &[u8] = b"\xFF\xFE\x00\x00";
const UTF32_BE_BOM: &[u8] = b"\x00\x00\xFE\xFF";

/// How much of a file plausibility is judged on.
const SAMPLE: usize = 64 * 1024;

/// The bytes [`looks_like_gbk`] glances at first.
const GLANCE: usize = 4 * 1024;

/// Fewer two-byte characters than this is too little to judge.
const MIN_PAIRS: usize = 4;

/// Of the two-byte characters in the first [`SAMPLE`] bytes read as GB18030, how many
/// are GB2312's 3,755 common (level-1) hanzi, lead bytes B0–D7: in real GBK Chinese most
/// are; in UTF-8 or Big5 bytes read as GBK few are. `None` when there are too few.
fn gb_common_share(body: &[u8]) -> Option<f64> {
    let sample = &body[..body.len().min(SAMPLE)];
    let (mut common, mut pairs, mut i) = (0, 0, 0);
    while i < sample.len() {
        let lead = sample[i];
        i += match lead {
            0..=0x80 | 0xFF => 1,
            _ if sample.get(i + 1).is_some_and(u8::is_ascii_digit) => 4,
            _ => {
                pairs += 1;
                let trail = sample.get(i + 1).copied().unwrap_or(0);
                common += usize::from((0xB0..=0xD7).contains(&lead) && trail >= 0xA1);
                2
            }
        };
    }
    (pairs >= MIN_PAIRS).then(|| common as f64 / pairs as f64)
}

/// Of the two-byte characters of the sample read as Big5, how many are its 5,401 common
/// hanzi (A440–C67E); `None` when the bytes are not Big5 or too few.
fn big5_common_share(body: &[u8]) -> Option<f64> {
    let sample = &body[..body.len().min(SAMPLE)];
    let (_, malformed) = encoding_rs::BIG5.decode_without_bom_handling(sample);
    if malformed && sample.len() == body.len() {
        return None;
    }
    let (mut common, mut pairs, mut i) = (0, 0, 0);
    while i < sample.len() {
        if sample[i] < 0x80 {
            i += 1;
            continue;
        }
        pairs += 1;
        common += usize::from((0xA4..=0xC6).contains(&sample[i]));
        i += 2;
    }
    (pairs >= MIN_PAIRS).then(|| common as f64 / pairs as f64)
}

/// GB18030-valid bytes that are unlike GBK Chinese and like Big5 Chinese.
fn looks_like_big5(body: &[u8]) -> bool {
    gb_common_share(body).is_some_and(|gb| gb < 0.4)
        && big5_common_share(body).is_some_and(|big5| big5 > 0.6)
}

/// Whether bytes read as GB18030 are like GBK Chinese: most of their two-byte
/// characters are common hanzi.
pub fn reads_like_gbk_chinese(body: &[u8]) -> bool {
    gb_common_share(body).is_some_and(|gb| gb > 0.6)
}

/// Valid UTF-8 whose characters are unlike Chinese text (few common hanzi; Latin,
/// Greek, Cyrillic or Hebrew letters, U+0080–U+07FF, among them) while its bytes read as
/// GBK are like it.
fn looks_like_gbk(body: &[u8], text: &str) -> bool {
    let Some(first) = body.iter().position(|b| !b.is_ascii()) else {
        return false;
    };
    // Chinese UTF-8 read as GBK has about one common hanzi in eight pairs: a glance at
    // the first few kilobytes of non-ASCII text settles nearly every file.
    let glance = &body[first..body.len().min(first + GLANCE)];
    if gb_common_share(glance).is_some_and(|gb| gb < 0.4) || !reads_like_gbk_chinese(body) {
        return false;
    }
    let mut encoder = encoding_rs::GB18030.new_encoder();
    let (mut han, mut common, mut odd) = (0usize, 0usize, 0usize);
    let mut buf = [0u8; 8];
    for c in text[..text.floor_char_boundary(SAMPLE)].chars() {
        match c {
            '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' => {
                han += 1;
                let (_, _, written) = encoder.encode_from_utf8_without_replacement(
                    c.encode_utf8(&mut [0; 4]),
                    &mut buf,
                    false,
                );
                common += usize::from(written == 2 && (0xB0..=0xD7).contains(&buf[0]));
            }
            '\u{80}'..='\u{7FF}' => odd += 1,
            _ => {}
        }
    }
    han + odd >= MIN_PAIRS && (common as f64) < 0.5 * (han + odd) as f64
}

/// The encoding announced by a byte-order mark at the start of `bytes`.
fn sniff_bom(bytes: &[u8]) -> Option<Encoding> {
    [
        Encoding::Utf8,
        Encoding::Utf16Le,
        Encoding::Utf16Be,
        Encoding::Gb18030,
    ]
    .into_iter()
    .find(|encoding| bytes.starts_with(encoding.bom()))
}

fn looks_binary(bytes: &[u8]) -> bool {
    BINARY_MAGIC.iter().any(|magic| bytes.starts_with(magic)) || memchr::memchr(0, bytes).is_some()
}

/// Without a byte-order mark: UTF-8 if valid, else GB18030. When both fail,
/// the error of the encoding that got further is reported.
fn detect(body: &[u8]) -> Result<(String, Encoding), DecodeError> {
    let utf8_error = match decode_as(body, Encoding::Utf8) {
        Ok(decoded) => return Ok(decoded),
        Err(error) => error,
    };
    decode_as(body, Encoding::Gb18030).map_err(|gb_error| {
        if error_offset(&gb_error) > error_offset(&utf8_error) {
            gb_error
        } else {
            utf8_error
        }
    })
}

fn error_offset(error: &DecodeError) -> usize {
    match error {
        DecodeError::Invalid { offset, .. } => *offset,
        _ => 0,
    }
}

fn shift_offset(error: DecodeError, by: usize) -> DecodeError {
    match error {
        DecodeError::Invalid { encoding, offset } => DecodeError::Invalid {
            encoding,
            offset: offset + by,
        },
        other => other,
    }
}

/// Decode `body` (no byte-order mark) strictly as `encoding`.
fn decode_as(body: &[u8], encoding: Encoding) -> Result<(String, Encoding), DecodeError> {
    let text = match encoding {
        Encoding::Utf8 => simdutf8::compat::from_utf8(body)
            .map(str::to_owned)
            .map_err(|error| error.valid_up_to()),
        Encoding::Utf16Le => decode_strict(body, encoding_rs::UTF_16LE),
        Encoding::Utf16Be => decode_strict(body, encoding_rs::UTF_16BE),
        Encoding::Gb18030 => decode_strict(body, encoding_rs::GB18030),
    };
    text.map(|text| (text, encoding))
        .map_err(|offset| DecodeError::Invalid { encoding, offset })
}

/// Decode without replacement; on failure, the offset of the first bad byte.
fn decode_strict(body: &[u8], encoding: &'static encoding_rs::Encoding) -> Result<String, usize> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(body.len());
    let mut read = 0;
    loop {
        let rest = &body[read..];
        let (result, consumed) =
            decoder.decode_to_string_without_replacement(rest, &mut text, true);
        read += consumed;
        match result {
            DecoderResult::InputEmpty => return Ok(text),
            DecoderResult::OutputFull => text.reserve(rest.len() - consumed + 16),
            DecoderResult::Malformed(bad, after) => {
                return Err(read.saturating_sub(usize::from(bad) + usize::from(after)));
            }
        }
    }
}

/// Encode text back into `encoding`, preceded by its byte-order mark if `bom`.
///
/// GB18030 output follows the WHATWG encoder: the one character it cannot
/// represent, U+E5E5 (private use), is written as `&#58853;`.
pub fn encode(text: &str, encoding: Encoding, bom: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() * 2 + 4);
    if bom {
        out.extend_from_slice(encoding.bom());
    }
    match encoding {
        Encoding::Utf8 => out.extend_from_slice(text.as_bytes()),
        Encoding::Utf16Le => out.extend(text.encode_utf16().flat_map(u16::to_le_bytes)),
        Encoding::Utf16Be => out.extend(text.encode_utf16().flat_map(u16::to_be_bytes)),
        Encoding::Gb18030 => out.extend_from_slice(&encoding_rs::GB18030.encode(text).0),
    }
    out
}

/// The file's bytes with only the `edits` (byte ranges of `text`, sorted and disjoint,
/// each with its replacement) re-encoded; every other byte is copied from `original`,
/// the bytes `text` was decoded from as `encoding` (with its byte-order mark if `bom`).
/// So a GB18030 byte that decodes to a character encoding back differently (`0x80` is
/// `€`, written back as `A2E3`) stays as it was. Fails with the first character of a
/// replacement that `encoding` cannot represent.
pub fn patch(
    original: &[u8],
    encoding: Encoding,
    bom: bool,
    text: &str,
    edits: &[(Range<usize>, &str)],
) -> Result<Vec<u8>, char> {
    let mut byte = if bom { encoding.bom().len() } else { 0 };
    let mut out = Vec::with_capacity(original.len() + 64);
    out.extend_from_slice(&original[..byte]);
    let mut at = 0;
    for (range, replacement) in edits {
        let kept = byte_len(&original[byte..], encoding, &text[at..range.start]);
        out.extend_from_slice(&original[byte..byte + kept]);
        byte += kept;
        byte += byte_len(&original[byte..], encoding, &text[range.clone()]);
        out.extend(encode_fragment(replacement, encoding)?);
        at = range.end;
    }
    out.extend_from_slice(&original[byte..]);
    Ok(out)
}

/// How many bytes at the start of `bytes` were decoded into `text`.
fn byte_len(bytes: &[u8], encoding: Encoding, text: &str) -> usize {
    match encoding {
        Encoding::Utf8 => text.len(),
        Encoding::Utf16Le | Encoding::Utf16Be => text.chars().map(|c| 2 * c.len_utf16()).sum(),
        // Every GB18030 sequence decodes to exactly one character: one byte below 0x81,
        // four when the second byte is a digit, else two.
        Encoding::Gb18030 => text.chars().fold(0, |i, _| {
            i + match bytes.get(i) {
                Some(0x81..=0xFE) if bytes.get(i + 1).is_some_and(u8::is_ascii_digit) => 4,
                Some(0x81..=0xFE) => 2,
                _ => 1,
            }
        }),
    }
}

/// `text` in `encoding`, without a byte-order mark; the first character it cannot
/// represent as the error.
fn encode_fragment(text: &str, encoding: Encoding) -> Result<Vec<u8>, char> {
    match encoding {
        Encoding::Gb18030 => {
            let mut encoder = encoding_rs::GB18030.new_encoder();
            let mut out = vec![0; text.len() * 4 + 8];
            match encoder.encode_from_utf8_without_replacement(text, &mut out, true) {
                (encoding_rs::EncoderResult::InputEmpty, _, written) => {
                    out.truncate(written);
                    Ok(out)
                }
                (encoding_rs::EncoderResult::Unmappable(c), _, _) => Err(c),
                // Cannot happen (four bytes a character at most), but never truncate.
                (encoding_rs::EncoderResult::OutputFull, _, _) => Err(char::REPLACEMENT_CHARACTER),
            }
        }
        _ => Ok(encode(text, encoding, false)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../examples/clean.txt");

    const ALL: [Encoding; 4] = [
        Encoding::Utf8,
        Encoding::Utf16Le,
        Encoding::Utf16Be,
        Encoding::Gb18030,
    ];

    #[test]
    fn seed_round_trips_with_bom_detected() {
        for encoding in ALL {
            let bytes = encode(SEED, encoding, true);
            let decoded = decode(&bytes, None).unwrap();
            assert_eq!(decoded.encoding, encoding);
            assert!(decoded.bom);
            assert_eq!(decoded.text, SEED, "{encoding}");
            assert_eq!(encode(&decoded.text, encoding, true), bytes);
        }
    }

    #[test]
    fn seed_round_trips_without_bom() {
        for encoding in ALL {
            let bytes = encode(SEED, encoding, false);
            let decoded = decode(&bytes, Some(encoding)).unwrap();
            assert_eq!(decoded.encoding, encoding);
            assert!(!decoded.bom);
            assert_eq!(decoded.text, SEED, "{encoding}");
            assert_eq!(encode(&decoded.text, encoding, false), bytes);
        }
    }

    #[test]
    fn bomless_utf8_and_gbk_are_detected() {
        let utf8 = decode(SEED.as_bytes(), None).unwrap();
        assert_eq!((utf8.encoding, utf8.bom), (Encoding::Utf8, false));
        let gbk = decode(&encode(SEED, Encoding::Gb18030, false), None).unwrap();
        assert_eq!((gbk.encoding, gbk.bom), (Encoding::Gb18030, false));
        assert_eq!(gbk.text, SEED);
    }

    #[test]
    fn gbk_bytes_are_read_as_gb18030() {
        // "法治政府" in GBK.
        let gbk = b"\xB7\xA8\xD6\xCE\xD5\xFE\xB8\xAE";
        let decoded = decode(gbk, None).unwrap();
        assert_eq!(decoded.text, "法治政府");
        assert_eq!(decoded.encoding, Encoding::Gb18030);
    }

    #[test]
    fn bytes_valid_in_neither_encoding_are_invalid() {
        // 0xFF is never valid in UTF-8 nor in GB18030.
        let error = decode(b"ok \xFF tail", None).unwrap_err();
        assert_eq!(
            error,
            DecodeError::Invalid {
                encoding: Encoding::Utf8,
                offset: 3
            }
        );
        assert!(error.to_string().contains("不是有效的 UTF-8 文本"));
    }

    #[test]
    fn invalid_offset_counts_the_bom() {
        let error = decode(b"\xEF\xBB\xBFab\xC3", None).unwrap_err();
        assert_eq!(
            error,
            DecodeError::Invalid {
                encoding: Encoding::Utf8,
                offset: 5
            }
        );
    }

    #[test]
    fn gb18030_error_reported_when_it_got_further() {
        // Valid GBK for two characters, then a lone lead byte at the end.
        let error = decode(b"\xB7\xA8\xD6\xCE\x81", None).unwrap_err();
        assert_eq!(
            error,
            DecodeError::Invalid {
                encoding: Encoding::Gb18030,
                offset: 4
            }
        );
    }

    #[test]
    fn odd_utf16_is_invalid() {
        let error = decode(b"\xFF\xFEa\x00b", None).unwrap_err();
        assert_eq!(
            error,
            DecodeError::Invalid {
                encoding: Encoding::Utf16Le,
                offset: 4
            }
        );
    }

    #[test]
    fn binary_files_are_refused() {
        assert_eq!(
            decode(b"\x89PNG\r\n\x1A\n\x00\x00\x00\rIHDR", None),
            Err(DecodeError::Binary)
        );
        assert_eq!(
            decode(b"PK\x03\x04\x14\x00", None),
            Err(DecodeError::Binary)
        );
        assert_eq!(decode(b"GIF89a", None), Err(DecodeError::Binary));
        assert_eq!(decode(b"text\x00more", None), Err(DecodeError::Binary));
        assert_eq!(
            decode(b"text\x00more", Some(Encoding::Utf8)),
            Err(DecodeError::Binary)
        );
    }

    #[test]
    fn bomless_utf16_is_binary_unless_forced() {
        let bytes = encode("报告 2023", Encoding::Utf16Le, false);
        assert_eq!(decode(&bytes, None), Err(DecodeError::Binary));
        let decoded = decode(&bytes, Some(Encoding::Utf16Le)).unwrap();
        assert_eq!(decoded.text, "报告 2023");
    }

    #[test]
    fn empty_file_is_empty_text() {
        let decoded = decode(b"", None).unwrap();
        assert_eq!(decoded.text, "");
        assert_eq!((decoded.encoding, decoded.bom), (Encoding::Utf8, false));
        let bom_only = decode(b"\xEF\xBB\xBF", None).unwrap();
        assert_eq!((bom_only.text.as_str(), bom_only.bom), ("", true));
    }

    #[test]
    fn forced_encoding_wins() {
        // Valid UTF-8 ("中文"), but read as GB18030 when forced.
        let bytes = "中文".as_bytes();
        let decoded = decode(bytes, Some(Encoding::Gb18030)).unwrap();
        assert_eq!(decoded.encoding, Encoding::Gb18030);
        assert_eq!(decoded.text.chars().count(), 3);
        // A UTF-8 BOM is kept as text when another encoding is forced...
        let decoded = decode(b"\xEF\xBB\xBFab", Some(Encoding::Gb18030)).unwrap();
        assert_eq!((decoded.text.as_str(), decoded.bom), ("锘縜b", false));
        // ...and stripped when it matches the forced encoding.
        let decoded = decode(b"\xEF\xBB\xBFab", Some(Encoding::Utf8)).unwrap();
        assert_eq!((decoded.text.as_str(), decoded.bom), ("ab", true));
    }

    #[test]
    fn line_endings_are_preserved() {
        let text = "第一行\r\n第二行\r第三行\n";
        for encoding in ALL {
            let decoded = decode(&encode(text, encoding, true), None).unwrap();
            assert_eq!(decoded.text, text);
        }
    }

    #[test]
    fn encoding_names_parse() {
        assert_eq!("UTF-8".parse(), Ok(Encoding::Utf8));
        assert_eq!("utf-16le".parse(), Ok(Encoding::Utf16Le));
        assert_eq!("Utf-16BE".parse(), Ok(Encoding::Utf16Be));
        assert_eq!("gb18030".parse(), Ok(Encoding::Gb18030));
        assert_eq!("GBK".parse(), Ok(Encoding::Gb18030));
        let error = "latin1".parse::<Encoding>().unwrap_err();
        assert!(error.to_string().contains("latin1"));
    }

    #[test]
    fn display_names() {
        let names: Vec<String> = ALL.iter().map(ToString::to_string).collect();
        assert_eq!(names, ["UTF-8", "UTF-16LE", "UTF-16BE", "GB18030"]);
    }

    #[test]
    fn owned_bytes_decode_as_borrowed_ones() {
        let gbk_like = encode("Ð¡Ñ§Éú£¬ÄãºÃ¡£ÕâÊÇ²âÊÔ", Encoding::Utf8, false);
        let inputs: Vec<Vec<u8>> = vec![
            SEED.as_bytes().to_vec(),
            encode(SEED, Encoding::Utf8, true),
            encode(SEED, Encoding::Gb18030, false),
            encode(SEED, Encoding::Utf16Le, true),
            gbk_like,
            b"text\x00more".to_vec(),
            b"ok \xFF tail".to_vec(),
            b"\xFF\xFE\x00\x00ab".to_vec(),
            Vec::new(),
        ];
        let forced = [None, Some(Encoding::Utf8), Some(Encoding::Gb18030)];
        for bytes in &inputs {
            for f in forced {
                assert_eq!(
                    decode_owned(bytes.clone(), f),
                    decode(bytes, f),
                    "{bytes:?} {f:?}"
                );
            }
        }
    }

    #[test]
    fn large_gb18030_input_decodes() {
        // About 3 MB of GB18030, 5 MB once decoded.
        let bytes = encode(SEED, Encoding::Gb18030, false).repeat(400);
        let decoded = decode(&bytes, None).unwrap();
        assert_eq!(decoded.encoding, Encoding::Gb18030);
        assert_eq!(decoded.text.len(), SEED.len() * 400);
    }
}
