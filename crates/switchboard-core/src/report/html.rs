//! The report as one self-contained HTML page: inline CSS (with print rules for A4 and Letter),
//! no script, nothing fetched (a CSP meta forbids it), every value escaped text.

use std::fmt::Write;

use crate::locale::Locale;

use super::Review;
use super::document::{Block, Document, Table, lay_out};

/// Text as HTML content or attribute value. HTML needs exactly what XML does (`&<>"'`), and
/// the control characters XML drops would only be noise in a page: the one escape in `xml.rs`.
pub fn escape(text: &str) -> String {
    crate::xml::escape(text)
}

const STYLE: &str = r#"
:root { color-scheme: light dark; --ink: #1b1f24; --muted: #57606a; --line: #d0d7de;
  --head: #f3f5f7; --flag: #fff4d6; --flag-ink: #6b4b00; --accent: #0b5cad; }
@media (prefers-color-scheme: dark) { :root { --ink: #e6e8eb; --muted: #a4adb8; --line: #3b434c;
  --head: #22272e; --flag: #3d3217; --flag-ink: #f2cc60; --accent: #6cb0f5; } }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 60rem; padding: 2rem 1.5rem; color: var(--ink);
  font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Yu Gothic UI",
  "Noto Sans CJK JP", "Noto Sans", sans-serif; background: Canvas; }
h1 { font-size: 1.6rem; margin: 0 0 .75rem; color: var(--accent); }
h2 { font-size: 1.2rem; margin: 2rem 0 .6rem; padding-bottom: .25rem;
  border-bottom: 2px solid var(--accent); }
h3 { font-size: 1rem; margin: 1.2rem 0 .3rem; }
p { margin: .3rem 0; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0 0 .8rem; }
dt { color: var(--muted); }
dd { margin: 0; }
.note { color: var(--muted); font-size: .95em; }
table { width: 100%; border-collapse: collapse; margin: .4rem 0 .8rem; table-layout: auto; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: start;
  vertical-align: top; overflow-wrap: break-word; }
td.nowrap { white-space: nowrap; }
th { background: var(--head); font-weight: 600; }
tr.flag td { background: var(--flag); color: var(--flag-ink); }
footer { margin-top: 2rem; color: var(--muted); font-size: .9em; }
@page { size: auto; margin: 16mm 14mm; }
@media print {
  :root { --ink: #000; --muted: #444; --line: #999; --head: #eee; --flag: #fff1c2;
    --flag-ink: #000; --accent: #0b3d75; }
  body { max-width: none; padding: 0; font-size: 10pt; background: #fff; }
  h2, h3, h3 + p { break-after: avoid; page-break-after: avoid; }
  table { break-inside: auto; }
  tr, dl { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  tr.flag td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

pub fn render(review: &Review, locale: Locale) -> String {
    let doc = lay_out(review, locale);
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        doc.lang,
        escape(&doc.title)
    );
    body(&doc, &mut out);
    out.push_str("</body>\n</html>\n");
    out
}

fn body(doc: &Document, out: &mut String) {
    let _ = writeln!(out, "<header>\n<h1>{}</h1>\n<dl>", escape(&doc.title));
    for (label, value) in &doc.facts {
        let _ = writeln!(out, "<dt>{}</dt><dd>{}</dd>", escape(label), escape(value));
    }
    out.push_str("</dl>\n");
    for note in &doc.notes {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(note));
    }
    out.push_str("</header>\n");
    for section in &doc.sections {
        let _ = writeln!(out, "<section>\n<h2>{}</h2>", escape(&section.heading));
        for block in &section.blocks {
            match block {
                Block::Subheading(text) => {
                    let _ = writeln!(out, "<h3>{}</h3>", escape(text));
                }
                Block::Paragraph(text) => {
                    let _ = writeln!(out, "<p>{}</p>", escape(text));
                }
                Block::Table(table) => write_table(table, out),
            }
        }
        out.push_str("</section>\n");
    }
    let _ = writeln!(out, "<footer>{}</footer>", escape(&doc.footer));
}

fn write_table(table: &Table, out: &mut String) {
    out.push_str("<table>\n<thead><tr>");
    for header in &table.headers {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape(header));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &table.rows {
        out.push_str(if row.flagged {
            "<tr class=\"flag\">"
        } else {
            "<tr>"
        });
        for (index, cell) in row.cells.iter().enumerate() {
            let open = if table.nowrap.contains(&index) {
                "<td class=\"nowrap\">"
            } else {
                "<td>"
            };
            let _ = write!(out, "{open}{}</td>", escape(cell));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

#[cfg(test)]
mod tests {
    use super::super::sample;
    use super::*;

    #[test]
    fn vendor_values_are_escaped_text_and_nothing_is_fetched_or_run() {
        let mut review = sample::review();
        review.profile_name = "Acme <script>alert(1)</script> & \"Co\"".into();
        review.objects[0].name = "<img src=x onerror=alert(1)>".into();
        let html = render(&review, Locale::En);
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("Acme &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;"));
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assert!(
            html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'\""),
            "a CSP forbids anything fetched"
        );
        for fetched in ["src=\"", "href=\"", "@import", "url("] {
            assert!(!html.contains(fetched), "{fetched}");
        }
        assert!(html.contains("@media print") && html.contains("@page"));
    }

    #[test]
    fn the_page_is_in_the_chosen_language() {
        let review = sample::review();
        let fr = render(&review, Locale::Fr);
        assert!(fr.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
        assert!(fr.contains("<h2>Connexions</h2>"));
        assert!(fr.contains("<h2>Créé ou vérifié par les API</h2>"));
        assert!(fr.contains("3 décembre 2026"));
        let ja = render(&review, Locale::Ja);
        assert!(ja.contains("<h2>接続</h2>") && ja.contains("2026年12月3日"));
        assert!(
            ja.contains("<tr class=\"flag\">"),
            "a reminder due soon is highlighted"
        );
    }
}
