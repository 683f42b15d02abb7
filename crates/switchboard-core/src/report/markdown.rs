//! The report as Markdown: the same layout as the HTML page, every value escaped so that a
//! vendor's name can neither format the text nor break a table.

use std::fmt::Write;

use crate::locale::Locale;

use super::Review;
use super::document::{Block, Table, lay_out};

/// `text` as literal Markdown inline text: the marks that format inline text (CommonMark, GitHub
/// tables: `` \ ` * _ [ ] | ~ ``) are backslash-escaped everywhere, `&<>` become entities (no raw
/// HTML, no autolink, no entity), a mark that would start a block (`#`, `-`, `+`, `=`, `1.`) is
/// escaped at the start, and line breaks become spaces (a value never ends a table row). The rest
/// stays readable (`2026-12-03`, `it@acme.example`).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    for (i, c) in text.chars().enumerate() {
        let opens_block = (i == 0 && matches!(c, '#' | '-' | '+' | '='))
            || (i == digits && i > 0 && matches!(c, '.' | ')'));
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            c if opens_block => {
                out.push('\\');
                out.push(c);
            }
            '\r' | '\n' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

pub fn render(review: &Review, locale: Locale) -> String {
    let doc = lay_out(review, locale);
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape(&doc.title));
    for (label, value) in &doc.facts {
        let _ = writeln!(out, "- **{}**: {}", escape(label), escape(value));
    }
    out.push('\n');
    for note in &doc.notes {
        let _ = writeln!(out, "> {}\n", escape(note));
    }
    for section in &doc.sections {
        let _ = writeln!(out, "## {}\n", escape(&section.heading));
        for block in &section.blocks {
            match block {
                Block::Subheading(text) => {
                    let _ = writeln!(out, "### {}\n", escape(text));
                }
                Block::Paragraph(text) => {
                    let _ = writeln!(out, "{}\n", escape(text));
                }
                Block::Table(table) => write_table(table, &mut out),
            }
        }
    }
    let _ = writeln!(out, "---\n\n{}", escape(&doc.footer));
    out
}

fn write_table(table: &Table, out: &mut String) {
    let row = |cells: &[String]| {
        let cells: Vec<String> = cells.iter().map(|c| escape(c)).collect();
        format!("| {} |\n", cells.join(" | "))
    };
    out.push_str(&row(&table.headers));
    out.push_str(&format!("|{}\n", " --- |".repeat(table.headers.len())));
    for r in &table.rows {
        let mut cells = r.cells.clone();
        // Highlighting has no Markdown of its own: a flagged row's first cell starts with a warning sign.
        if r.flagged
            && let Some(first) = cells.first_mut()
        {
            *first = format!("⚠ {first}");
        }
        out.push_str(&row(&cells));
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::super::sample;
    use super::*;

    #[test]
    fn metacharacters_and_pipes_are_escaped() {
        assert_eq!(
            escape("*Acme* | [x](http://e) <b>`a`</b>\nB_c #1 ~~s~~"),
            "\\*Acme\\* \\| \\[x\\](http://e) &lt;b&gt;\\`a\\`&lt;/b&gt; B\\_c #1 \\~\\~s\\~\\~"
        );
        assert_eq!(escape("# Title"), "\\# Title", "no heading");
        assert_eq!(escape("- item"), "\\- item", "no list");
        assert_eq!(escape("2026. Year"), "2026\\. Year", "no ordered list");
        assert_eq!(
            escape("2026-12-03 it@acme.example"),
            "2026-12-03 it@acme.example"
        );
    }

    #[test]
    fn a_vendor_value_cannot_break_a_table_row() {
        let mut review = sample::review();
        review.objects[0].name = "Sales | EU\n| injected | row |".into();
        let md = render(&review, Locale::En);
        let line = md
            .lines()
            .find(|l| l.contains("Sales"))
            .expect("the object's row");
        assert_eq!(
            line.matches(" | ").count(),
            5,
            "six cells, whatever the name holds: {line}"
        );
        assert!(!md.contains("\n| injected"));
    }

    #[test]
    fn the_markdown_is_in_the_chosen_language() {
        let md = render(&sample::review(), Locale::Fr);
        assert!(md.starts_with("# Rapport de transfert — "));
        assert!(md.contains("\n## Connexions\n"));
        assert!(md.contains("\n## Rappels\u{a0}: expirations et renouvellements\n"));
        assert!(md.contains("4711"));
    }
}
