//! A configured word list compiled once into a leftmost-longest matcher.
//!
//! The rules that look for listed words in a line (partial-year, relative-year, wording)
//! and the outline's chrome words share this. aho-corasick's own choice of prefilter
//! looks for "rare" first bytes, but the lead bytes of UTF-8 Chinese are anything but
//! rare, so on report text its automaton crawls byte by byte (~0.5 GB/s). Its packed SIMD
//! searcher finds the same matches about ten times faster. That searcher is used whenever
//! it can be built (up to 64 words, its heuristic limit, on a CPU with SIMD). A longer
//! list (the wording table) is compiled into a contiguous NFA without a prefilter: packed
//! searchers over chunks of the list, tried first, found so many candidates in Chinese
//! text that they were slower than the automaton alone. A full DFA searches the built-in
//! table only about 12% faster but takes 5 ms and 1.8 MB to build, more than a whole
//! report's lint; the contiguous NFA takes about 1 ms and 80 KB.

use aho_corasick::{AhoCorasick, AhoCorasickKind, Match, MatchKind, packed};

pub enum WordMatcher {
    Packed(packed::Searcher),
    Automaton(AhoCorasick),
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
        if words.len() > PACKED_MAX {
            return Self::long_list(&words).or_else(|| Self::automaton(&words));
        }
        match Self::packed(&words) {
            Some(searcher) => Some(WordMatcher::Packed(searcher)),
            None => Self::automaton(&words),
        }
    }

    /// A contiguous NFA for a long list, without aho-corasick's prefilter (its rare-byte
    /// guess does not help on Chinese text).
    fn long_list<P: AsRef<[u8]>>(words: &[P]) -> Option<Self> {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .prefilter(false)
            .build(words)
            .ok()
            .map(WordMatcher::Automaton)
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
    fn automaton<P: AsRef<[u8]>>(words: &[P]) -> Option<Self> {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(words)
            .ok()
            .map(WordMatcher::Automaton)
    }

    /// Whether `haystack` holds any of the words.
    pub fn is_match(&self, haystack: &str) -> bool {
        self.find_iter(haystack).next().is_some()
    }

    /// The non-overlapping, leftmost-longest matches in `haystack`; a match's pattern is
    /// the word's index in the list given to [`Self::new`].
    pub fn find_iter<'a>(&'a self, haystack: &'a str) -> impl Iterator<Item = Match> + 'a {
        let (packed, full) = match self {
            WordMatcher::Packed(s) => (Some(s.find_iter(haystack)), None),
            WordMatcher::Automaton(a) => (None, Some(a.find_iter(haystack))),
        };
        packed
            .into_iter()
            .flatten()
            .chain(full.into_iter().flatten())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(m: &WordMatcher, text: &str) -> Vec<(usize, usize, usize)> {
        m.find_iter(text)
            .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
            .collect()
    }

    #[test]
    fn packed_and_automaton_agree_on_leftmost_longest() {
        let words = ["今年", "今年以来", "去年", "较去年同期", "年以"];
        let packed = WordMatcher::new(words).unwrap();
        assert!(matches!(packed, WordMatcher::Packed(_)));
        let full = WordMatcher::automaton(&words).unwrap();
        let text = "今年以来，收案数较去年同期增长；去年今年";
        assert_eq!(spans(&packed, text), spans(&full, text));
        let found: Vec<&str> = packed.find_iter(text).map(|m| &text[m.range()]).collect();
        assert_eq!(found, ["今年以来", "较去年同期", "去年", "今年"]);
    }

    #[test]
    fn long_lists_get_a_contiguous_nfa_that_matches_like_the_automaton() {
        let words: Vec<String> = (0..300).map(|i| format!("词{i}号")).collect();
        let m = WordMatcher::new(&words).unwrap();
        assert!(matches!(&m, WordMatcher::Automaton(a) if a.kind() == AhoCorasickKind::ContiguousNFA));
        let full = WordMatcher::automaton(&words).unwrap();
        for text in ["有词17号和词199号", "词299号", "没有词", "词1号词2号词3号"] {
            assert_eq!(spans(&m, text), spans(&full, text), "{text}");
        }
        assert_eq!(spans(&m, "有词17号和词199号"), [(17, 3, 11), (199, 14, 23)]);
        assert!(!m.is_match("没有词"));
    }

    #[test]
    fn an_empty_list_matches_nothing() {
        let m = WordMatcher::new(Vec::<&str>::new()).unwrap();
        assert_eq!(m.find_iter("今年").count(), 0);
    }
}
