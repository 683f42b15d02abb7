//! One vocabulary per language: the glossary of vendor terms (`catalogue/glossary.json`, the
//! term each vendor's console shows in English, French and Japanese, and the wrong or mixed
//! variants to avoid) and the writing rules of each language, checked on any user-visible text.
//!
//! The catalogues and the window's i18n files are both checked with [`offences`] by the tests
//! (`tests/core/glossary.rs`), so a text that drifts from the glossary fails the build's tests
//! with the file, the key and the offending term.

use std::sync::LazyLock;

use serde::Deserialize;

use crate::locale::Locale;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Glossary {
    pub about: String,
    pub concepts: Vec<Concept>,
    /// Text a language keeps exactly as a vendor writes it (its own English error messages,
    /// a label spelled against the usual term), never checked.
    #[serde(default)]
    pub verbatim: PerLanguage,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Concept {
    pub id: String,
    /// `zoom`, `cxone`, `salesforce`, `genesys`, `google` or `switchboard` (the app's own words).
    pub vendor: String,
    pub en: String,
    pub fr: String,
    pub ja: String,
    /// The term is the console's own label, kept as the console shows it even where it is
    /// English inside a French or Japanese sentence (CXone « Adapters », « Directory Sync »).
    #[serde(default)]
    pub console_label: bool,
    /// Variants found in the texts that must not be used for this concept, per language.
    #[serde(default)]
    pub forbidden: PerLanguage,
    #[serde(default)]
    pub note: Option<String>,
}

impl Concept {
    pub fn term(&self, locale: Locale) -> &str {
        match locale {
            Locale::En => &self.en,
            Locale::Fr => &self.fr,
            Locale::Ja => &self.ja,
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PerLanguage {
    #[serde(default)]
    pub en: Vec<String>,
    #[serde(default)]
    pub fr: Vec<String>,
    #[serde(default)]
    pub ja: Vec<String>,
}

impl PerLanguage {
    pub fn get(&self, locale: Locale) -> &[String] {
        match locale {
            Locale::En => &self.en,
            Locale::Fr => &self.fr,
            Locale::Ja => &self.ja,
        }
    }
}

static GLOSSARY: LazyLock<Glossary> = LazyLock::new(|| {
    // Shipped inside the binary and parsed by the tests, so a parse failure is a build defect.
    serde_json::from_str(include_str!("../catalogue/glossary.json"))
        .unwrap_or_else(|e| panic!("catalogue/glossary.json is invalid: {e}"))
});

pub fn glossary() -> &'static Glossary {
    &GLOSSARY
}

/// One thing wrong in a text: the offending term as written and what to write instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offence {
    pub term: String,
    pub rule: String,
}

impl std::fmt::Display for Offence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "«{}»: {}", self.term, self.rule)
    }
}

/// Everything wrong with `text` written in `locale`: glossary variants, then the language's
/// typography and style rules. URLs, code, ids, `{placeholders}` and verbatim vendor text are
/// left out of every check.
pub fn offences(locale: Locale, text: &str) -> Vec<Offence> {
    let chars: Vec<char> = text.chars().collect();
    let code = code_mask(&chars, locale);
    let mut found = forbidden_variants(locale, &chars, &code);
    match locale {
        Locale::Ja => found.extend(japanese_rules(&chars, &code)),
        Locale::Fr => found.extend(french_rules(&chars, &code)),
        Locale::En => {}
    }
    found
}

/// Where a character is not prose: true for URLs, `{placeholders}`, `` `code` ``, identifiers
/// (`refresh_token`, `user:read:admin`, `User.CallCenterId`, `mypurecloud.com`) and the
/// glossary's verbatim text.
fn code_mask(chars: &[char], locale: Locale) -> Vec<bool> {
    let mut mask = vec![false; chars.len()];
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' || c == '`' {
            let close = if c == '{' { '}' } else { '`' };
            if let Some(end) = (i + 1..chars.len()).find(|&j| chars[j] == close) {
                // `{{field}}`: the second brace closes too.
                let end = if chars.get(end + 1) == Some(&'}') && close == '}' {
                    end + 1
                } else {
                    end
                };
                mask[i..=end].fill(true);
                i = end + 1;
                continue;
            }
        }
        if is_token_char(c) && (i == 0 || !is_token_char(chars[i - 1])) {
            // A token ends before trailing sentence punctuation (« … mypurecloud.com. »).
            let mut end = (i..chars.len())
                .find(|&j| !is_token_char(chars[j]))
                .unwrap_or(chars.len());
            while end > i && matches!(chars[end - 1], '.' | ':' | ',' | ';' | '/' | '-') {
                end -= 1;
            }
            let token: String = chars[i..end].iter().collect();
            if is_code_token(&token) {
                mask[i..end].fill(true);
            }
            i = end.max(i + 1);
            continue;
        }
        i += 1;
    }
    for phrase in glossary().verbatim.get(locale) {
        for (start, end) in occurrences(chars, phrase, false) {
            mask[start..end].fill(true);
        }
    }
    mask
}

fn is_token_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            '_' | '.' | ':' | '/' | '@' | '-' | '?' | '=' | '&' | '%' | '#' | '+' | '*' | '<' | '>'
        )
}

fn is_code_token(token: &str) -> bool {
    let inner = |sep: char| {
        token.split(sep).filter(|part| !part.is_empty()).count() > 1 && !token.starts_with(sep)
    };
    token.contains("://")
        || token.contains('_')
        || token.contains('@')
        || token.contains('/')
        || token.contains('=')
        || token.contains('*')
        || token.contains('<')
        || (inner('.') && token.chars().any(|c| c.is_ascii_alphabetic()))
        || inner(':')
        || token.contains("::")
}

/// Start and end (char indices) of each occurrence of `term` in `chars`. Latin terms match
/// case-insensitively and on whole words; `'` and `’` are the same apostrophe.
fn occurrences(chars: &[char], term: &str, whole_words: bool) -> Vec<(usize, usize)> {
    let term: Vec<char> = term.chars().collect();
    if term.is_empty() || term.len() > chars.len() {
        return Vec::new();
    }
    let same = |a: char, b: char| {
        let a = if a == '’' { '\'' } else { a };
        let b = if b == '’' { '\'' } else { b };
        a == b || (a.is_alphabetic() && a.to_lowercase().eq(b.to_lowercase()))
    };
    let word = |c: char| c.is_alphanumeric() || c == '_';
    let mut out = Vec::new();
    for start in 0..=chars.len() - term.len() {
        let end = start + term.len();
        if !(0..term.len()).all(|k| same(chars[start + k], term[k])) {
            continue;
        }
        if whole_words {
            let latin_start = term[0].is_ascii_alphanumeric();
            let latin_end = term[term.len() - 1].is_ascii_alphanumeric();
            if latin_start && start > 0 && word(chars[start - 1]) {
                continue;
            }
            if latin_end && end < chars.len() && word(chars[end]) {
                continue;
            }
        }
        out.push((start, end));
    }
    out
}

fn forbidden_variants(locale: Locale, chars: &[char], code: &[bool]) -> Vec<Offence> {
    let concepts = &glossary().concepts;
    // A variant inside a longer approved term is that term (« centre d'appels » holds
    // « centre d'appel », 「接続アプリケーション」 holds 「接続アプリ」).
    let approved: Vec<(usize, usize)> = concepts
        .iter()
        .flat_map(|c| occurrences(chars, c.term(locale), true))
        .collect();
    let mut found = Vec::new();
    for concept in concepts {
        for variant in concept.forbidden.get(locale) {
            for (start, end) in occurrences(chars, variant, true) {
                let covered = approved
                    .iter()
                    .any(|&(s, e)| s <= start && end <= e && e - s > end - start);
                if covered || code[start..end].iter().any(|&m| m) {
                    continue;
                }
                found.push(Offence {
                    term: chars[start..end].iter().collect(),
                    rule: format!("glossary {}: write «{}»", concept.id, concept.term(locale)),
                });
            }
        }
    }
    found
}

fn is_japanese(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{30ff}'   // full-width punctuation, hiragana, katakana
        | '\u{3400}'..='\u{9fff}' // kanji
        | '\u{ff00}'..='\u{ffef}') // full-width forms
}

/// Where a character sits between one of `pairs`' opening and closing marks (nested pairs
/// included; an unmatched mark quotes nothing).
fn inside_pairs(chars: &[char], pairs: &[(char, char)]) -> Vec<bool> {
    let mut inside = vec![false; chars.len()];
    let mut open: Vec<(usize, char)> = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        if pairs.iter().any(|&(o, _)| o == c) {
            open.push((i, c));
        } else if let Some(&(opener, _)) = pairs.iter().find(|&&(_, close)| close == c)
            && let Some(at) = open.iter().rposition(|&(_, o)| o == opener)
        {
            inside[open[at].0 + 1..i].fill(true);
            open.truncate(at);
        }
    }
    inside
}

/// Console labels quoted in 「」 or [ ] are the vendor's own text, kept as the console writes it.
fn quoted_labels(chars: &[char]) -> Vec<bool> {
    inside_pairs(
        chars,
        &[('「', '」'), ('[', ']'), ('［', '］'), ('『', '』')],
    )
}

/// Polite sentence endings (です/ます style); a sentence may also end on a quoted label or a
/// parenthesis after its verb, stripped before this is checked. A sentence ending on a noun
/// (a field's help: 「…のホスト名。」) is not a verb form and is left alone.
const POLITE_ENDINGS: &[&str] = &[
    "ます",
    "です",
    "ません",
    "ください",
    "ました",
    "でした",
    "ましょう",
    "ませんでした",
];

/// Hiragana endings that close a noun phrase, not a plain-form verb.
const NOMINAL_ENDINGS: &[&str] = &["のみ", "もの", "こと"];

fn japanese_rules(chars: &[char], code: &[bool]) -> Vec<Offence> {
    if !chars.iter().any(|&c| is_japanese(c)) {
        return Vec::new();
    }
    let quoted = quoted_labels(chars);
    let skip = |i: usize| code[i] || quoted[i];
    let prev = |i: usize| (0..i).rev().map(|j| chars[j]).find(|c| *c != ' ');
    let next = |i: usize| chars[i + 1..].iter().copied().find(|c| *c != ' ');
    let near_japanese =
        |i: usize| prev(i).is_some_and(is_japanese) || next(i).is_some_and(is_japanese);
    let mut found = Vec::new();
    let mut push = |i: usize, rule: &str| {
        let from = i.saturating_sub(4);
        let to = (i + 5).min(chars.len());
        found.push(Offence {
            term: chars[from..to].iter().collect(),
            rule: rule.to_owned(),
        })
    };
    for (i, &c) in chars.iter().enumerate() {
        if skip(i) {
            continue;
        }
        match c {
            '(' | ')' => push(i, "Japanese text uses full-width brackets （ ）"),
            ',' if near_japanese(i) => push(i, "Japanese text uses 、 not ,"),
            ':' if near_japanese(i) => push(i, "Japanese text uses ： not :"),
            '.' if i > 0 && is_japanese(chars[i - 1]) => push(i, "Japanese text uses 。 not ."),
            '!' | '?' if prev(i).is_some_and(is_japanese) => {
                push(i, "Japanese text uses full-width ！ ？")
            }
            _ => {}
        }
    }
    found.extend(plain_endings(chars, &quoted));
    found
}

/// Sentences (ending in 。) that end in plain form instead of です/ます.
fn plain_endings(chars: &[char], quoted: &[bool]) -> Vec<Offence> {
    let mut found = Vec::new();
    let mut start = 0;
    for (i, &c) in chars.iter().enumerate() {
        if c != '。' || quoted[i] {
            continue;
        }
        let mut sentence: String = chars[start..i].iter().collect();
        start = i + 1;
        // A closing parenthesis or quote after the verb: 「…します（下のリンク）。」
        loop {
            let trimmed = sentence.trim_end();
            if let Some(rest) = trimmed.strip_suffix('）') {
                sentence = rest
                    .rsplit_once('（')
                    .map_or(rest, |(head, _)| head)
                    .to_owned();
            } else if let Some(rest) = trimmed.strip_suffix('」') {
                sentence = rest.to_owned();
            } else {
                sentence = trimmed.to_owned();
                break;
            }
        }
        let verb_like = sentence
            .chars()
            .last()
            .is_some_and(|c| ('\u{3041}'..='\u{309f}').contains(&c));
        if !verb_like
            || POLITE_ENDINGS.iter().any(|e| sentence.ends_with(e))
            || NOMINAL_ENDINGS.iter().any(|e| sentence.ends_with(e))
        {
            continue;
        }
        let tail: String = {
            let all: Vec<char> = sentence.chars().collect();
            all[all.len().saturating_sub(8)..].iter().collect()
        };
        found.push(Offence {
            term: format!("{tail}。"),
            rule: "instructions end in です/ます form".to_owned(),
        });
    }
    found
}

/// English words that have no French homograph: one of them in French prose means a sentence
/// (or half of one) was left untranslated. A console's English label stays allowed where the
/// text quotes it, in « », “ ” or after the French in ( ) — « Carte et inscription » (Map and
/// Register) — and product names go in the glossary's verbatim list.
const ENGLISH_WORDS: &[&str] = &[
    "the", "and", "with", "your", "you", "this", "that", "for", "of", "to", "is", "are", "from",
    "when", "then", "click", "enter", "please", "select", "save", "saved", "open", "step", "steps",
    "settings", "not", "will", "must", "should",
];

/// Where a character sits inside « », “ ” or ( ): a quoted or echoed label, not the sentence.
fn quoted_in_french(chars: &[char]) -> Vec<bool> {
    inside_pairs(chars, &[('«', '»'), ('“', '”'), ('(', ')')])
}

fn english_in_french(chars: &[char], code: &[bool]) -> Vec<Offence> {
    let quoted = quoted_in_french(chars);
    let mut found = Vec::new();
    for word in ENGLISH_WORDS {
        for (start, end) in occurrences(chars, word, true) {
            if (start..end).any(|i| code[i] || quoted[i]) {
                continue;
            }
            let from = start.saturating_sub(12);
            let to = (end + 12).min(chars.len());
            found.push(Offence {
                term: chars[from..to].iter().collect(),
                rule: format!(
                    "English «{word}» inside a French sentence: translate it, or quote the console's label in « »"
                ),
            });
        }
    }
    found
}

/// French high punctuation (: ; ? !) takes a non-breaking space before it, and no English is
/// left inside a sentence.
fn french_rules(chars: &[char], code: &[bool]) -> Vec<Offence> {
    let mut found = english_in_french(chars, code);
    for (i, &c) in chars.iter().enumerate() {
        if !matches!(c, ':' | ';' | '?' | '!') || code[i] {
            continue;
        }
        // Punctuation only: followed by a space, the end, or a closing mark.
        let punctuation = chars
            .get(i + 1)
            .is_none_or(|&n| n.is_whitespace() || matches!(n, '»' | ')' | '"' | '\'' | '’'));
        if !punctuation || i == 0 {
            continue;
        }
        let before = chars[i - 1];
        if before == '\u{a0}' || before == '\u{202f}' {
            continue;
        }
        let from = i.saturating_sub(6);
        found.push(Offence {
            term: chars[from..=i].iter().collect(),
            rule: format!("French puts a non-breaking space (U+00A0) before «{c}»"),
        });
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(locale: Locale, text: &str) -> Vec<String> {
        offences(locale, text).into_iter().map(|o| o.term).collect()
    }

    #[test]
    fn a_french_sentence_with_an_english_console_term_is_refused() {
        let found = offences(Locale::Fr, "Ajoutez les scopes dans Zoom.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].term, "scopes");
        assert!(found[0].rule.contains("portées"), "{}", found[0].rule);
    }

    #[test]
    fn a_variant_inside_a_longer_approved_term_is_that_term() {
        assert!(terms(Locale::Fr, "Le centre d'appels est prêt.").is_empty());
        assert_eq!(
            terms(Locale::Fr, "Le centre d'appel est prêt."),
            ["centre d'appel"]
        );
        assert!(terms(Locale::Ja, "接続アプリケーションを作成します。").is_empty());
        assert_eq!(
            terms(Locale::Ja, "接続アプリを作成します。"),
            ["接続アプリ"]
        );
    }

    #[test]
    fn urls_ids_and_placeholders_are_not_prose() {
        assert!(
            terms(
                Locale::Fr,
                "Collez https://marketplace.zoom.us/app?scope=x et {scopes} (refresh_token)."
            )
            .is_empty()
        );
        assert!(terms(Locale::Ja, "{name}、https://example.com/a,b を開きます。").is_empty());
    }

    #[test]
    fn japanese_sentences_use_full_width_punctuation() {
        let found = offences(Locale::Ja, "名前(例: Zoom)を入力します,次へ進みます。");
        let rules: Vec<&str> = found.iter().map(|o| o.rule.as_str()).collect();
        assert_eq!(rules.len(), 4, "{found:?}");
        assert!(offences(Locale::Ja, "名前（例：Zoom）を入力し、次へ進みます。").is_empty());
    }

    #[test]
    fn japanese_console_labels_in_brackets_keep_their_own_punctuation() {
        assert!(offences(Locale::Ja, "「API (OAuth 設定の有効化)」を開きます。").is_empty());
    }

    #[test]
    fn japanese_instructions_end_in_polite_form() {
        assert_eq!(
            offences(Locale::Ja, "保存をクリックする。").len(),
            1,
            "plain form"
        );
        assert!(offences(Locale::Ja, "[保存] をクリックします（下のリンク）。").is_empty());
        assert!(
            offences(Locale::Ja, "ステップ 2")
                .iter()
                .any(|o| o.term == "ステップ")
        );
    }

    #[test]
    fn english_left_in_a_french_sentence_is_refused_but_a_quoted_console_label_is_not() {
        let found = terms(Locale::Fr, "Ouvrez la page Settings of the application.");
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(
            terms(
                Locale::Fr,
                "Cliquez sur « Carte et inscription » (Map and Register)."
            )
            .is_empty()
        );
        assert!(terms(Locale::Fr, "Ouvrez « Save and Close ».").is_empty());
        // French words that look English on a byte level are French: thé, notée, à.
        assert!(terms(Locale::Fr, "La date de saisie est notée à côté du thé.").is_empty());
    }

    #[test]
    fn french_high_punctuation_takes_a_non_breaking_space() {
        assert_eq!(offences(Locale::Fr, "Attention : ceci").len(), 1);
        assert_eq!(offences(Locale::Fr, "Prêt?").len(), 1);
        assert!(offences(Locale::Fr, "Attention\u{a0}: ceci\u{a0}; prêt\u{a0}?").is_empty());
        assert!(offences(Locale::Fr, "Heure 10:30, https://a.b/c?d=e").is_empty());
    }

    #[test]
    fn every_concept_has_three_terms_and_unique_id() {
        let mut ids = std::collections::BTreeSet::new();
        for c in &glossary().concepts {
            assert!(ids.insert(c.id.as_str()), "{} repeated", c.id);
            for locale in Locale::ALL {
                assert!(!c.term(locale).trim().is_empty(), "{} {locale:?}", c.id);
                for variant in c.forbidden.get(locale) {
                    assert_ne!(variant, c.term(locale), "{} forbids its own term", c.id);
                }
            }
        }
    }
}
