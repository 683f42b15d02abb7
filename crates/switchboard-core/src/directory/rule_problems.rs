//! What is wrong with a set of translation rules, found before the admin copies them to CXone:
//! malformed patterns, and patterns that can never apply because an earlier one takes their
//! numbers first.

use std::collections::HashSet;

use serde::Serialize;
use ts_rs::TS;

use super::translation::{MatchPattern, Pattern, TranslationRules, covers};

/// One problem; `set` and `pattern` index the rules' lists (`pattern` is `None` for the set
/// itself). The UI translates `code`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RuleProblem {
    pub set: usize,
    pub pattern: Option<usize>,
    pub code: &'static str,
}

impl TranslationRules {
    /// Every problem, in the order of the rules; none means the rules are ready to enter.
    pub fn problems(&self) -> Vec<RuleProblem> {
        let mut problems = Vec::new();
        let mut names = HashSet::new();
        // Well-formed patterns seen so far, in the order `translate` tries them.
        let mut earlier: Vec<MatchPattern<'_>> = Vec::new();
        for (s, set) in self.sets.iter().enumerate() {
            let name = set.name.trim().to_lowercase();
            if name.is_empty() {
                problems.push(RuleProblem {
                    set: s,
                    pattern: None,
                    code: "rules.empty_set_name",
                });
            } else if !names.insert(name) {
                problems.push(RuleProblem {
                    set: s,
                    pattern: None,
                    code: "rules.duplicate_set_name",
                });
            }
            for (p, pattern) in set.patterns.iter().enumerate() {
                let own = pattern_problems(pattern);
                let found = !own.is_empty();
                problems.extend(own.into_iter().map(|code| RuleProblem {
                    set: s,
                    pattern: Some(p),
                    code,
                }));
                if found {
                    continue;
                }
                let this = MatchPattern::new(&pattern.matches);
                if earlier.iter().any(|e| includes(e, &this)) {
                    problems.push(RuleProblem {
                        set: s,
                        pattern: Some(p),
                        code: "rules.unreachable",
                    });
                }
                earlier.push(this);
            }
        }
        problems
    }
}

fn pattern_problems(pattern: &Pattern) -> Vec<&'static str> {
    let text = pattern.matches.as_str();
    if text.is_empty() {
        return vec!["rules.empty_match"];
    }
    let mut codes = Vec::new();
    let bad_character = text.char_indices().any(|(i, c)| match c {
        '0'..='9' | 'X' | '*' => false,
        '+' => i != 0,
        _ => true,
    });
    if bad_character {
        codes.push("rules.bad_match_character");
    }
    if text.trim_end_matches('*').contains('*') || text.ends_with("**") {
        codes.push("rules.star_not_last");
    }
    let minimum_length = text.chars().filter(|&c| c != '*').count();
    if pattern.strip as usize > minimum_length {
        codes.push("rules.strip_too_long");
    }
    let bad_prefix = pattern.prefix.char_indices().any(|(i, c)| match c {
        '0'..='9' => false,
        '+' => i != 0,
        _ => true,
    });
    if bad_prefix {
        codes.push("rules.bad_prefix");
    }
    codes
}

/// Whether every number `later` matches is matched by `earlier` too.
fn includes(earlier: &MatchPattern<'_>, later: &MatchPattern<'_>) -> bool {
    if later.star && !earlier.star {
        return false;
    }
    let (e, l) = (earlier.body.as_bytes(), later.body.as_bytes());
    let length_fits = if earlier.star {
        l.len() >= e.len()
    } else {
        l.len() == e.len()
    };
    length_fits
        && e.iter().zip(l).all(|(&p, &c)| covers(p, c))
        && l[e.len()..]
            .iter()
            .all(|&c| c.is_ascii_digit() || c == b'X')
}
