//! The diagram's SVG pieces: the embedded style (light and dark), escaping, and state nodes.

use std::fmt::Write;

/// Scoped to `.presence-diagram` so the SVG can sit inline in the app without restyling it.
/// Text and States edges follow `currentColor`; the background rect keeps an exported file
/// readable in any viewer.
pub(crate) const STYLE: &str = "<style>
.presence-diagram { color: #1f2328; font-family: system-ui, -apple-system, 'Segoe UI', \
sans-serif; font-size: 13px; }
.presence-diagram .background { fill: #ffffff; }
.presence-diagram text { fill: currentColor; }
.presence-diagram .title { font-size: 16px; font-weight: 600; }
.presence-diagram .heading { font-weight: 600; }
.presence-diagram .node rect { fill: #f6f8fa; stroke: currentColor; stroke-width: 1; }
.presence-diagram .node.previous rect { stroke-dasharray: 4 2; }
.presence-diagram .node.previous text { font-style: italic; }
.presence-diagram .node.missing rect { stroke: #bc4c00; stroke-width: 2; stroke-dasharray: 5 2; }
.presence-diagram .edge { fill: none; stroke-width: 1.5; }
.presence-diagram .edge.states { stroke: currentColor; }
.presence-diagram .arrow.states { fill: currentColor; }
.presence-diagram .edge.subscriber { stroke: #0969da; stroke-dasharray: 8 4; }
.presence-diagram .arrow.subscriber { fill: #0969da; }
.presence-diagram .edge.loop { stroke: #cf222e; stroke-width: 3; stroke-dasharray: 2 3; }
.presence-diagram .arrow.loop { fill: #cf222e; }
@media (prefers-color-scheme: dark) {
  .presence-diagram { color: #e6edf3; }
  .presence-diagram .background { fill: #0d1117; }
  .presence-diagram .node rect { fill: #161b22; }
  .presence-diagram .node.missing rect { stroke: #f0883e; }
  .presence-diagram .edge.subscriber { stroke: #58a6ff; }
  .presence-diagram .arrow.subscriber { fill: #58a6ff; }
  .presence-diagram .edge.loop { stroke: #ff7b72; }
  .presence-diagram .arrow.loop { fill: #ff7b72; }
}
</style>
";

const NODE_W: u32 = 240;
const NODE_H: u32 = 30;
/// What fits in a node, in half-width units (a CJK character counts two).
const NODE_TEXT_UNITS: usize = 28;

/// Text for XML content and attribute values alike: the one XML escape.
pub(crate) use crate::xml::escape;

/// `text` shortened with … to fit a node; the full name stays in the node's tooltip.
fn fit(text: &str) -> String {
    let units = |c: char| if (c as u32) >= 0x1100 { 2 } else { 1 };
    if text.chars().map(units).sum::<usize>() <= NODE_TEXT_UNITS {
        return text.to_owned();
    }
    let mut used = 0;
    let mut short: String = text
        .chars()
        .take_while(|&c| {
            used += units(c);
            used < NODE_TEXT_UNITS
        })
        .collect();
    short.push('…');
    short
}

/// One box with its name.
pub(crate) struct Node<'a> {
    class: String,
    name: &'a str,
    shown: String,
}

impl<'a> Node<'a> {
    /// An ACD state or Salesforce status (`side` is `acd` or `salesforce`).
    pub(crate) fn state(side: &str, name: &'a str, missing: bool) -> Node<'a> {
        let class = if missing {
            format!("node {side} missing")
        } else {
            format!("node {side}")
        };
        let shown = if missing {
            format!("⚠ {}", fit(name))
        } else {
            fit(name)
        };
        Node { class, name, shown }
    }

    pub(crate) fn previous(label: &'a str) -> Node<'a> {
        Node {
            class: "node previous".into(),
            name: label,
            shown: fit(label),
        }
    }

    pub(crate) fn write(&self, svg: &mut String, x: u32, y: u32) {
        let name = escape(self.name);
        let _ = writeln!(
            svg,
            "<g class=\"{}\" data-state=\"{name}\"><title>{name}</title>\
             <rect x=\"{x}\" y=\"{y}\" width=\"{NODE_W}\" height=\"{NODE_H}\" rx=\"4\"/>\
             <text x=\"{}\" y=\"{}\">{}</text></g>",
            self.class,
            x + 10,
            y + NODE_H / 2 + 5,
            escape(&self.shown),
        );
    }
}
