//! Text put into XML the admin copies or saves (a copy value in XML format, the presence
//! diagram's SVG): escaped, and without the characters XML 1.0 forbids even escaped, which would
//! make the whole document unreadable to the console or browser it is pasted into.

/// `text` as XML content or attribute value: `&<>"'` escaped; C0 controls other than tab, line
/// feed and carriage return, and U+FFFE / U+FFFF, dropped (no XML 1.0 document may hold them;
/// lone surrogates cannot occur in a Rust string).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(
            escape(r#"<a href="x">Tom & Jerry's</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;"
        );
    }

    #[test]
    fn characters_xml_forbids_are_dropped_and_the_whitespace_it_allows_kept() {
        assert_eq!(escape("a\u{0}b\u{1}c\u{8}d\u{b}e\u{c}f\u{1f}g"), "abcdefg");
        assert_eq!(escape("x\u{fffe}y\u{ffff}z"), "xyz");
        assert_eq!(escape("tab\tline\nreturn\r"), "tab\tline\nreturn\r");
        assert_eq!(
            escape("Café 山田 \u{85} \u{fffd} 😀"),
            "Café 山田 \u{85} \u{fffd} 😀",
            "every other character XML allows is kept"
        );
    }
}
