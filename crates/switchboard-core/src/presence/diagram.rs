//! The rule as a picture for the editor and for export: ACD states on the left, Salesforce
//! statuses on the right, a Previous state node, States rows as solid arrows left → right,
//! Subscriber rows as dashed arrows right → left. Loop edges are red *and* dotted and thicker,
//! missing states dashed with a ⚠, so nothing is told by colour alone.
//!
//! The SVG is self-contained (no fonts, scripts or links), readable in light and dark mode (an
//! embedded `prefers-color-scheme` style and a background rect), and deterministic.

use std::collections::BTreeSet;
use std::fmt::Write;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::finding::Finding;
use super::mapping::{publish, subscribe};
use super::rule::{PresenceRule, SubscriberTarget};
use super::svg::{Node, STYLE, escape};

/// The diagram's words, translated by the UI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DiagramLabels {
    pub title: String,
    pub acd_column: String,
    pub salesforce_column: String,
    pub previous_state: String,
    pub legend_states: String,
    pub legend_subscriber: String,
    pub legend_loop: String,
    pub legend_missing: String,
}

impl DiagramLabels {
    pub fn english() -> DiagramLabels {
        DiagramLabels {
            title: "Presence rule".into(),
            acd_column: "CXone ACD states".into(),
            salesforce_column: "Salesforce statuses".into(),
            previous_state: "Previous state".into(),
            legend_states: "States: CXone → Salesforce".into(),
            legend_subscriber: "Subscriber states: Salesforce → CXone".into(),
            legend_loop: "Part of a flip-flop loop".into(),
            legend_missing: "No longer exists".into(),
        }
    }
}

const WIDTH: u32 = 760;
const LEFT_X: u32 = 40;
const RIGHT_X: u32 = 480;
const NODE_W: u32 = 240;
const NODE_H: u32 = 30;
const PITCH: u32 = 44;
const TOP: u32 = 84;
const LEGEND_LINE: u32 = 22;

/// The diagram of `rule`; `findings` (from [`super::lint()`]) mark loop edges and missing states.
pub fn diagram_svg(rule: &PresenceRule, findings: &[Finding], labels: &DiagramLabels) -> String {
    let marks = Marks::from(findings);
    let (acd, salesforce) = node_names(rule);
    let left_rows = acd.len() as u32 + 1; // + Previous state
    let body = left_rows.max(salesforce.len() as u32) * PITCH;
    let legend_top = TOP + body + 12;
    let height = legend_top + 4 * LEGEND_LINE + 16;

    let y_of = |index: usize| TOP + index as u32 * PITCH;
    let previous_y = y_of(acd.len());
    let mut svg = String::new();
    let title = escape(&labels.title);
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"presence-diagram\" \
         width=\"{WIDTH}\" height=\"{height}\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" \
         aria-label=\"{title}\">\n<title>{title}</title>\n{STYLE}"
    );
    svg.push_str(&markers());
    let _ = writeln!(
        svg,
        "<rect class=\"background\" x=\"0\" y=\"0\" width=\"{WIDTH}\" height=\"{height}\"/>\n\
         <text class=\"title\" x=\"{LEFT_X}\" y=\"32\">{title}</text>\n\
         <text class=\"heading\" x=\"{LEFT_X}\" y=\"66\">{}</text>\n\
         <text class=\"heading\" x=\"{RIGHT_X}\" y=\"66\">{}</text>",
        escape(&labels.acd_column),
        escape(&labels.salesforce_column),
    );

    for (row, state_row) in rule.states.iter().enumerate() {
        let (from, to) = (state_row.acd.trim(), state_row.salesforce.trim());
        let (Some(a), Some(s)) = (index(&acd, from), index(&salesforce, to)) else {
            continue;
        };
        let effective = publish(rule, from).is_some_and(|(first, _)| first == row);
        let looped = effective && marks.publishes.contains(from);
        let (y1, y2) = (y_of(a) + NODE_H / 2 - 5, y_of(s) + NODE_H / 2 - 5);
        edge(
            &mut svg,
            "states",
            looped,
            row,
            LEFT_X + NODE_W,
            y1,
            RIGHT_X,
            y2,
        );
    }
    for (row, subscriber) in rule.subscriber_states.iter().enumerate() {
        let from = subscriber.salesforce.trim();
        let target_y = match &subscriber.acd {
            SubscriberTarget::State(state) => index(&acd, state.trim()).map(y_of),
            SubscriberTarget::PreviousState => Some(previous_y),
        };
        let (Some(s), Some(target_y)) = (index(&salesforce, from), target_y) else {
            continue;
        };
        let effective = subscribe(rule, from).is_some_and(|(first, _)| first == row);
        let looped = effective && marks.subscribes.contains(from);
        let (y1, y2) = (y_of(s) + NODE_H / 2 + 5, target_y + NODE_H / 2 + 5);
        let x2 = LEFT_X + NODE_W;
        edge(&mut svg, "subscriber", looped, row, RIGHT_X, y1, x2, y2);
    }

    for (i, name) in acd.iter().enumerate() {
        let missing = marks.missing_acd.contains(*name);
        Node::state("acd", name, missing).write(&mut svg, LEFT_X, y_of(i));
    }
    Node::previous(&labels.previous_state).write(&mut svg, LEFT_X, previous_y);
    for (i, name) in salesforce.iter().enumerate() {
        let missing = marks.missing_salesforce.contains(*name);
        Node::state("salesforce", name, missing).write(&mut svg, RIGHT_X, y_of(i));
    }
    legend(&mut svg, labels, legend_top);
    svg.push_str("</svg>\n");
    svg
}

/// The states the rule names, each once in order of appearance: (ACD, Salesforce).
fn node_names(rule: &PresenceRule) -> (Vec<&str>, Vec<&str>) {
    let mut acd = Vec::new();
    let mut salesforce = Vec::new();
    for row in &rule.states {
        add(&mut acd, &row.acd);
        add(&mut salesforce, &row.salesforce);
    }
    for row in &rule.subscriber_states {
        add(&mut salesforce, &row.salesforce);
        if let SubscriberTarget::State(state) = &row.acd {
            add(&mut acd, state);
        }
    }
    (acd, salesforce)
}

fn add<'r>(list: &mut Vec<&'r str>, name: &'r str) {
    let name = name.trim();
    if !name.is_empty() && !list.contains(&name) {
        list.push(name);
    }
}

fn index(names: &[&str], name: &str) -> Option<usize> {
    names.iter().position(|n| *n == name)
}

/// What the findings say about the picture.
#[derive(Default)]
struct Marks {
    /// ACD states whose States row a loop goes through.
    publishes: BTreeSet<String>,
    /// Salesforce statuses whose Subscriber row a loop goes through.
    subscribes: BTreeSet<String>,
    missing_acd: BTreeSet<String>,
    missing_salesforce: BTreeSet<String>,
}

impl From<&[Finding]> for Marks {
    fn from(findings: &[Finding]) -> Marks {
        let mut marks = Marks::default();
        let text = |f: &Finding, key: &str| {
            f.params
                .get(key)
                .and_then(|v| v.as_str())
                .map(str::to_owned)
        };
        for finding in findings {
            match finding.code {
                "presence.acd_state_missing" => marks.missing_acd.extend(text(finding, "state")),
                "presence.salesforce_status_missing" => {
                    marks.missing_salesforce.extend(text(finding, "status"))
                }
                "presence.loop" | "presence.never_kept" | "presence.override" => {
                    marks.add_chain(finding)
                }
                _ => {}
            }
        }
        marks
    }
}

impl Marks {
    fn add_chain(&mut self, finding: &Finding) {
        let Some(chain) = finding.params.get("chain").and_then(|c| c.as_array()) else {
            return;
        };
        let step = |v: &serde_json::Value| {
            (
                v["system"].as_str().map(str::to_owned),
                v["state"].as_str().map(str::to_owned),
            )
        };
        for pair in chain.windows(2) {
            let ((Some(system), Some(state)), (Some(next), _)) = (step(&pair[0]), step(&pair[1]))
            else {
                continue;
            };
            match (system.as_str(), next.as_str()) {
                ("acd", "salesforce") => self.publishes.insert(state),
                ("salesforce", "acd") => self.subscribes.insert(state),
                _ => false,
            };
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn edge(
    svg: &mut String,
    kind: &str,
    looped: bool,
    row: usize,
    x1: u32,
    y1: u32,
    x2: u32,
    y2: u32,
) {
    let (class, marker) = if looped {
        (format!("edge {kind} loop"), "loop")
    } else {
        (format!("edge {kind}"), kind)
    };
    let _ = writeln!(
        svg,
        "<line class=\"{class}\" data-row=\"{row}\" x1=\"{x1}\" y1=\"{y1}\" x2=\"{x2}\" \
         y2=\"{y2}\" marker-end=\"url(#presence-arrow-{marker})\"/>"
    );
}

fn markers() -> String {
    let mut defs = String::from("<defs>\n");
    for kind in ["states", "subscriber", "loop"] {
        let _ = writeln!(
            defs,
            "<marker id=\"presence-arrow-{kind}\" class=\"arrow {kind}\" viewBox=\"0 0 10 10\" \
             refX=\"10\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"10\" \
             markerHeight=\"10\" orient=\"auto\">\
             <path d=\"M0 0 L10 5 L0 10 z\"/></marker>"
        );
    }
    defs.push_str("</defs>\n");
    defs
}

fn legend(svg: &mut String, labels: &DiagramLabels, top: u32) {
    let entries = [
        ("edge states", &labels.legend_states),
        ("edge subscriber", &labels.legend_subscriber),
        ("edge loop", &labels.legend_loop),
        ("missing", &labels.legend_missing),
    ];
    svg.push_str("<g class=\"legend\">\n");
    for (i, (class, label)) in entries.into_iter().enumerate() {
        let y = top + i as u32 * LEGEND_LINE + LEGEND_LINE / 2;
        let (x1, x2, tx) = (LEFT_X, LEFT_X + 40, LEFT_X + 52);
        if class == "missing" {
            let _ = writeln!(
                svg,
                "<g class=\"sample node missing\"><rect x=\"{x1}\" y=\"{}\" width=\"40\" \
                 height=\"14\" rx=\"3\"/></g>",
                y - 7
            );
        } else {
            let _ = writeln!(
                svg,
                "<line class=\"sample {class}\" x1=\"{x1}\" y1=\"{y}\" x2=\"{x2}\" y2=\"{y}\"/>"
            );
        }
        let _ = writeln!(
            svg,
            "<text x=\"{tx}\" y=\"{}\">{}</text>",
            y + 4,
            escape(label)
        );
    }
    svg.push_str("</g>\n");
}
