//! A configured word list compiled once into a leftmost-longest matcher.
//!
//! The rules that look for listed words in a line (partial-year, relative-year, wording)
//! and the outline's chrome words share this. aho-corasick's own choice of prefilter
//! looks for "rare" first bytes, but the lead bytes of UTF-8 Chinese are anything but
//! rare, so on report text its automaton crawls byte by byte (~0.5 GB/s). Its packed SIMD
//! searcher finds the same matches about ten times faster. That searcher is used whenever
//! it can be built (up to 64 words, its heuristic limit, on a CPU with SIMD). A longer
//! list (the wording table) is looked for by [`Pairs`]: a table of the words' first two
//! characters, and the words that open with a pair tried only where it occurs. Packed searchers
//! over chunks of the list, tried first, found so many candidates in Chinese text that
//! they were slower than a full automaton; a full DFA takes 5 ms and 1.8 MB to build,
//! more than a whole report's lint. A long list with a one-character word gets a
//! contiguous NFA without a prefilter (about 1 ms and 80 KB to build). A short list with
//! words of one or two bytes is split in two ([`Split`]): a packed searcher fingerprints
//! by the shortest word's bytes, and one byte of Chinese text matches nearly anywhere.

use aho_corasick::{AhoCorasick, AhoCorasickKind, Match, MatchKind, Span, packed};
use rustc_hash::FxHashMap;

pub struct WordMatcher {
    searcher: Searcher,
    /// The length in bytes of the shortest word: a shorter text holds none.
    shortest: usize,
}

enum Searcher {
    Packed(packed::Searcher),
    Automaton(AhoCorasick),
    Pairs(Box<Pairs>),
    Split(Box<Split>),
}

/// A long list whose words all have two characters or more. A word can start only where
/// the text's next two characters are a word's first two: those pairs are kept in a bit
/// table (hashed, so a few more pairs pass), and only where a pair passes are the words
/// that open with it tried there, longest first. Taking the longest word at the first
/// such place, then going on from its end, finds exactly the leftmost-longest matches of
/// an automaton over the list, at a fraction of its cost: in report text about one place
/// in twenty passes, where the automaton steps through every byte. Building it is a
/// table insert per word, where an automaton takes a millisecond or more.
pub struct Pairs {
    bits: Vec<u64>,
    /// The words by their first two characters: indexes into `words`, longest first
    /// (the first listed first among equals, as the automaton reports).
    by_pair: FxHashMap<(char, char), Vec<u32>>,
    words: Vec<Box<[u8]>>,
}

/// Bits of a pair's hash: a table of 2^16 bits (8 KB).
const PAIR_BITS: u32 = 16;

fn pair_key(a: char, b: char) -> usize {
    let h = (a as u32).wrapping_mul(0x9E37_79B1) ^ (b as u32);
    (h.wrapping_mul(0x85EB_CA6B) >> (32 - PAIR_BITS)) as usize
}

impl Pairs {
    /// `None` when a word is not UTF-8 or has fewer than two characters.
    fn new<P: AsRef<[u8]>>(words: &[P]) -> Option<Pairs> {
        let mut bits = vec![0u64; 1 << (PAIR_BITS - 6)];
        let mut by_pair: FxHashMap<(char, char), Vec<u32>> = FxHashMap::default();
        for (index, w) in words.iter().enumerate() {
            let mut chars = std::str::from_utf8(w.as_ref()).ok()?.chars();
            let pair = (chars.next()?, chars.next()?);
            let k = pair_key(pair.0, pair.1);
            bits[k / 64] |= 1 << (k % 64);
            by_pair
                .entry(pair)
                .or_default()
                .push(u32::try_from(index).ok()?);
        }
        let words: Vec<Box<[u8]>> = words.iter().map(|w| w.as_ref().into()).collect();
        for list in by_pair.values_mut() {
            list.sort_by_key(|&i| (std::cmp::Reverse(words[i as usize].len()), i));
        }
        Some(Pairs {
            bits,
            by_pair,
            words,
        })
    }

    /// The next match from where `chars` has got to (`prev` the char before it), at
    /// or after `from` (where the last match ended).
    fn next_match(
        &self,
        bytes: &[u8],
        chars: &mut std::str::CharIndices,
        prev: &mut Option<(usize, char)>,
        from: usize,
    ) -> Option<Match> {
        loop {
            let (j, b) = chars.next()?;
            let Some((i, a)) = prev.replace((j, b)) else {
                continue;
            };
            let k = pair_key(a, b);
            if i < from || self.bits[k / 64] >> (k % 64) & 1 == 0 {
                continue;
            }
            let Some(list) = self.by_pair.get(&(a, b)) else {
                continue;
            };
            let rest = &bytes[i..];
            if let Some(&w) = list
                .iter()
                .find(|&&w| rest.starts_with(&self.words[w as usize]))
            {
                return Some(Match::must(w as usize, i..i + self.words[w as usize].len()));
            }
        }
    }
}

/// A short list with words of one or two bytes (`X`, `.`, a no-break space) beside
/// longer ones. A packed searcher fingerprints a word by as many leading bytes as its
/// shortest word has, and one byte of Chinese text is anything but rare (every lead byte
/// E4–E9 of a hanzi), so with a one-byte word it checks nearly every character. Here the
/// short words are found by their first bytes (memchr, or a byte table for more than
/// three), and the longer ones by a packed searcher of their own; the earlier of the two
/// next matches wins, the longer at one place, which is what an automaton over the whole
/// list finds (leftmost-longest).
pub struct Split {
    /// The words of one or two bytes, as indexes into `words`, longest first.
    short: Vec<u32>,
    /// The short words' first bytes.
    firsts: Vec<u8>,
    /// Which bytes are in `firsts`.
    is_first: [bool; 256],
    /// The words of three bytes or more, and their indexes into `words`.
    long: Option<(packed::Searcher, Vec<u32>)>,
    words: Vec<Box<[u8]>>,
}

/// Words shorter than this many bytes are a [`Split`]'s short words.
const SHORT_BELOW: usize = 3;

impl Split {
    /// `None` when no word is short, or the longer words get no packed searcher.
    fn new<P: AsRef<[u8]>>(words: &[P]) -> Option<Split> {
        let words: Vec<Box<[u8]>> = words.iter().map(|w| w.as_ref().into()).collect();
        let index = |i: usize| u32::try_from(i).ok();
        let (mut short, mut long) = (Vec::new(), Vec::new());
        for (i, w) in words.iter().enumerate() {
            match w.len() {
                0 => {}
                n if n < SHORT_BELOW => short.push(index(i)?),
                _ => long.push(index(i)?),
            }
        }
        if short.is_empty() {
            return None;
        }
        short.sort_by_key(|&i| (std::cmp::Reverse(words[i as usize].len()), i));
        let mut is_first = [false; 256];
        let mut firsts = Vec::new();
        for &i in &short {
            let b = words[i as usize][0];
            if !is_first[usize::from(b)] {
                is_first[usize::from(b)] = true;
                firsts.push(b);
            }
        }
        let long = match long.is_empty() {
            true => None,
            false => {
                let searcher = packed::Config::new()
                    .match_kind(packed::MatchKind::LeftmostLongest)
                    .builder()
                    .extend(long.iter().map(|&i| &words[i as usize]))
                    .build()?;
                Some((searcher, long))
            }
        };
        Some(Split {
            short,
            firsts,
            is_first,
            long,
            words,
        })
    }

    /// The first byte at or after `from` that a short word starts with.
    fn next_first(&self, bytes: &[u8], from: usize) -> Option<usize> {
        let rest = bytes.get(from..)?;
        let at = match self.firsts[..] {
            [a] => memchr::memchr(a, rest),
            [a, b] => memchr::memchr2(a, b, rest),
            [a, b, c] => memchr::memchr3(a, b, c, rest),
            _ => rest.iter().position(|&b| self.is_first[usize::from(b)]),
        };
        at.map(|at| from + at)
    }

    /// The leftmost-longest short word at or after `from`.
    fn next_short(&self, bytes: &[u8], mut from: usize) -> Option<Match> {
        loop {
            let at = self.next_first(bytes, from)?;
            let rest = &bytes[at..];
            if let Some(&i) = self
                .short
                .iter()
                .find(|&&i| rest.starts_with(&self.words[i as usize]))
            {
                return Some(Match::must(
                    i as usize,
                    at..at + self.words[i as usize].len(),
                ));
            }
            from = at + 1;
        }
    }

    /// The leftmost-longest long word at or after `from`.
    fn next_long(&self, bytes: &[u8], from: usize) -> Option<Match> {
        let (searcher, index) = self.long.as_ref()?;
        let span = Span::from(from..bytes.len());
        let m = searcher.find_in(bytes, span)?;
        Some(Match::must(
            index[m.pattern().as_usize()] as usize,
            m.range(),
        ))
    }

    /// The next match at or after `from` (where the last match ended), given each
    /// list's next match found so far (found again only once `from` has passed it).
    fn next_match(
        &self,
        bytes: &[u8],
        short: &mut Option<Match>,
        long: &mut Option<Match>,
        from: usize,
    ) -> Option<Match> {
        if short.is_some_and(|m| m.start() < from) {
            *short = self.next_short(bytes, from);
        }
        if long.is_some_and(|m| m.start() < from) {
            *long = self.next_long(bytes, from);
        }
        match (*short, *long) {
            (Some(s), Some(l)) if s.start() < l.start() => Some(s),
            (_, Some(l)) => Some(l),
            (s, None) => s,
        }
    }
}

/// The most words one packed searcher takes (more and it declines to be built).
const PACKED_MAX: usize = 64;

impl WordMatcher {
    /// The matcher for `words` (empty words are the caller's to drop); `None` only if
    /// the list is too large to compile.
    pub fn new<I, P>(words: I) -> Option<Self>
    where
        I: IntoIterator<Item = P>,
        P: AsRef<[u8]>,
    {
        let words: Vec<P> = words.into_iter().collect();
        let searcher = if words.len() > PACKED_MAX {
            match Pairs::new(&words) {
                Some(pairs) => Searcher::Pairs(Box::new(pairs)),
                None => Self::long_list(&words).or_else(|| Self::automaton(&words))?,
            }
        } else if let Some(split) = Split::new(&words) {
            Searcher::Split(Box::new(split))
        } else {
            match Self::packed(&words) {
                Some(searcher) => Searcher::Packed(searcher),
                None => Self::automaton(&words)?,
            }
        };
        let shortest = words.iter().map(|w| w.as_ref().len()).min();
        Some(WordMatcher {
            searcher,
            shortest: shortest.unwrap_or(usize::MAX),
        })
    }

    /// A contiguous NFA for a long list, without aho-corasick's prefilter (its rare-byte
    /// guess does not help on Chinese text).
    fn long_list<P: AsRef<[u8]>>(words: &[P]) -> Option<Searcher> {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .prefilter(false)
            .build(words)
            .ok()
            .map(Searcher::Automaton)
    }

    /// aho-corasick's packed SIMD searcher for `words`, where the CPU has one.
    fn packed<P: AsRef<[u8]>>(words: &[P]) -> Option<packed::Searcher> {
        packed::Config::new()
            .match_kind(packed::MatchKind::LeftmostLongest)
            .builder()
            .extend(words)
            .build()
    }

    /// The full Aho-Corasick automaton for `words`, whatever their number.
    fn automaton<P: AsRef<[u8]>>(words: &[P]) -> Option<Searcher> {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(words)
            .ok()
            .map(Searcher::Automaton)
    }

    /// Whether `haystack` holds any of the words.
    pub fn is_match(&self, haystack: &str) -> bool {
        self.find_iter(haystack).next().is_some()
    }

    /// The non-overlapping, leftmost-longest matches in `haystack`; a match's pattern is
    /// the word's index in the list given to [`Self::new`].
    pub fn find_iter<'a>(&'a self, haystack: &'a str) -> Matches<'a> {
        let bytes = haystack.as_bytes();
        let state = match &self.searcher {
            _ if haystack.len() < self.shortest => State::Done,
            Searcher::Packed(s) => State::Packed(s),
            Searcher::Automaton(a) => State::Automaton(a),
            Searcher::Pairs(p) => State::Pairs {
                pairs: p,
                chars: haystack.char_indices(),
                prev: None,
            },
            Searcher::Split(s) => State::Split {
                split: s,
                short: s.next_short(bytes, 0),
                long: s.next_long(bytes, 0),
            },
        };
        Matches {
            bytes,
            from: 0,
            state,
        }
    }
}

/// The matches of a [`WordMatcher`] in one text. Kept small (a rule asks for them on
/// every line): each searcher is asked for its next match from where the last ended.
pub struct Matches<'a> {
    bytes: &'a [u8],
    /// Where the last match ended.
    from: usize,
    state: State<'a>,
}

enum State<'a> {
    Done,
    Packed(&'a packed::Searcher),
    Automaton(&'a AhoCorasick),
    Pairs {
        pairs: &'a Pairs,
        chars: std::str::CharIndices<'a>,
        prev: Option<(usize, char)>,
    },
    Split {
        split: &'a Split,
        short: Option<Match>,
        long: Option<Match>,
    },
}

impl Iterator for Matches<'_> {
    type Item = Match;

    fn next(&mut self) -> Option<Match> {
        let (bytes, from) = (self.bytes, self.from);
        let found = match &mut self.state {
            State::Done => None,
            State::Packed(s) => s.find_in(bytes, Span::from(from..bytes.len())),
            State::Automaton(a) => a.find(aho_corasick::Input::new(bytes).span(from..bytes.len())),
            State::Pairs { pairs, chars, prev } => pairs.next_match(bytes, chars, prev, from),
            State::Split { split, short, long } => split.next_match(bytes, short, long, from),
        };
        match found {
            Some(m) => self.from = m.end(),
            None => self.state = State::Done,
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain automaton for `words`, the reference the other searchers match.
    fn automaton<P: AsRef<[u8]>>(words: &[P]) -> WordMatcher {
        WordMatcher {
            searcher: WordMatcher::automaton(words).unwrap(),
            shortest: 0,
        }
    }

    /// `count` of `pieces` picked by a xorshift generator from `state`, joined.
    fn random_text(pieces: &[String], count: usize, state: &mut u64) -> String {
        let mut text = String::new();
        for _ in 0..count {
            *state ^= *state << 13;
            *state ^= *state >> 7;
            *state ^= *state << 17;
            text.push_str(&pieces[(*state % pieces.len() as u64) as usize]);
        }
        text
    }

    fn spans(m: &WordMatcher, text: &str) -> Vec<(usize, usize, usize)> {
        m.find_iter(text)
            .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
            .collect()
    }

    #[test]
    fn packed_and_automaton_agree_on_leftmost_longest() {
        let words = ["今年", "今年以来", "去年", "较去年同期", "年以"];
        let packed = WordMatcher::new(words).unwrap();
        assert!(matches!(packed.searcher, Searcher::Packed(_)));
        let full = automaton(&words);
        let text = "今年以来，收案数较去年同期增长；去年今年";
        assert_eq!(spans(&packed, text), spans(&full, text));
        let found: Vec<&str> = packed.find_iter(text).map(|m| &text[m.range()]).collect();
        assert_eq!(found, ["今年以来", "较去年同期", "去年", "今年"]);
    }

    #[test]
    fn long_lists_get_pairs_that_match_like_the_automaton() {
        let mut words: Vec<String> = (0..300).map(|i| format!("词{i}号")).collect();
        // The same word twice, and a word that is another's start.
        words.extend(["词17号".to_string(), "词1".to_string()]);
        let m = WordMatcher::new(&words).unwrap();
        assert!(matches!(&m.searcher, Searcher::Pairs(_)));
        let full = automaton(&words);
        for text in [
            "有词17号和词199号",
            "词299号",
            "没有词",
            "词1号词2号词3号",
            "词1词1",
            "词17号",
        ] {
            assert_eq!(spans(&m, text), spans(&full, text), "{text}");
        }
        assert_eq!(spans(&m, "有词17号和词199号"), [(17, 3, 11), (199, 14, 23)]);
        assert!(!m.is_match("没有词"));
    }

    /// The pair table with anchored searches finds exactly what the automaton finds, on
    /// the wording table over the corpus and over text made of pieces of its words.
    #[test]
    fn pairs_match_like_the_automaton() {
        let config = crate::config::Config::builtin();
        let words: Vec<&String> = config.rules.wording.substitutions.keys().collect();
        let pairs = WordMatcher::new(&words).unwrap();
        assert!(matches!(pairs.searcher, Searcher::Pairs(_)));
        let full = automaton(&words);
        let mut texts: Vec<String> = Vec::new();
        let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/seeds");
        match std::fs::read_dir(&seeds) {
            Ok(entries) => {
                for e in entries.flatten() {
                    texts.extend(std::fs::read_to_string(e.path()).ok());
                }
            }
            Err(_) => println!("{} absent: corpus part skipped", seeds.display()),
        }
        let pieces: Vec<String> = words
            .iter()
            .flat_map(|w| {
                let chars: Vec<char> = w.chars().collect();
                let half = chars.len() / 2;
                [
                    w.to_string(),
                    chars[..half].iter().collect(),
                    chars[half..].iter().collect(),
                ]
            })
            .chain(["，", "年", "法", "政府", " "].map(String::from))
            .collect();
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        for _ in 0..3000 {
            texts.push(random_text(&pieces, 12, &mut state));
        }
        let mut found = 0;
        for text in &texts {
            let expected = spans(&full, text);
            found += expected.len();
            assert_eq!(spans(&pairs, text), expected, "{text}");
        }
        assert!(found > 1000, "only {found} matches");
    }

    #[test]
    fn long_lists_with_one_character_words_get_the_automaton() {
        let mut words: Vec<String> = (0..100).map(|i| format!("词{i}号")).collect();
        words.push("词".into());
        let m = WordMatcher::new(&words).unwrap();
        assert!(
            matches!(&m.searcher, Searcher::Automaton(a) if a.kind() == AhoCorasickKind::ContiguousNFA)
        );
        assert_eq!(spans(&m, "词5号词"), [(5, 0, 7), (100, 7, 10)]);
    }

    /// Lists with one- and two-byte words beside longer ones (the placeholder and
    /// sentence-end triggers, the spaces) get the split searcher, which finds exactly
    /// what the automaton finds on random text made of their words and pieces of them.
    #[test]
    fn split_lists_match_like_the_automaton() {
        let lists: [&[&str]; 5] = [
            &crate::rules::placeholder::TRIGGERS,
            &crate::rules::sentence_end::TRIGGERS,
            &[" ", "\u{3000}", "\u{a0}"],
            &["a", "ab", "abc", "bcd", "b", "cd"],
            &["×", "×", "××"],
        ];
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let mut found = 0;
        for words in lists {
            let m = WordMatcher::new(words).unwrap();
            assert!(matches!(&m.searcher, Searcher::Split(_)), "{words:?}");
            let full = automaton(words);
            let pieces: Vec<String> = words
                .iter()
                .flat_map(|w| [w.to_string(), w.chars().take(1).collect()])
                .chain(["年", "法治", "。", "a", " "].map(String::from))
                .collect();
            for _ in 0..3000 {
                let text = random_text(&pieces, 10, &mut state);
                let expected = spans(&full, &text);
                found += expected.len();
                assert_eq!(spans(&m, &text), expected, "{words:?} in {text:?}");
            }
        }
        assert!(found > 10_000, "only {found} matches");
    }

    #[test]
    fn an_empty_list_matches_nothing() {
        let m = WordMatcher::new(Vec::<&str>::new()).unwrap();
        assert_eq!(m.find_iter("今年").count(), 0);
    }
}
