//! The report laid out once, as headings, paragraphs and tables of plain text in the chosen
//! language, so the HTML and the Markdown say exactly the same thing; each only escapes and
//! marks it up.

use crate::locale::Locale;
use crate::storage::progress::StepStatus;

use super::dates::{format_date, format_moment};
use super::texts::{Texts, fill};
use super::{ObjectReview, Reminder, ReminderKind, Review, Why, vendor_name};

pub struct Document {
    pub lang: &'static str,
    pub title: String,
    /// Label and value pairs under the title.
    pub facts: Vec<(String, String)>,
    pub notes: Vec<String>,
    pub sections: Vec<Section>,
    pub footer: String,
}

pub struct Section {
    pub heading: String,
    pub blocks: Vec<Block>,
}

pub enum Block {
    Subheading(String),
    Paragraph(String),
    Table(Table),
}

pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
    /// Columns of short values (a status, a date) kept on one line.
    pub nowrap: &'static [usize],
}

pub struct Row {
    pub cells: Vec<String>,
    /// Shown highlighted (a reminder due soon, a failed Test).
    pub flagged: bool,
}

pub fn lay_out(review: &Review, locale: Locale) -> Document {
    let t = Texts::of(locale);
    let mut notes = Vec::new();
    if review.practice {
        notes.push(t.practice_note.to_owned());
    }
    notes.push(t.no_secret_note.to_owned());
    Document {
        lang: t.lang,
        title: format!("{} — {}", t.title, review.profile_name),
        facts: vec![
            (t.profile.to_owned(), review.profile_name.clone()),
            (
                t.generated.to_owned(),
                format_moment(&review.generated_at, locale),
            ),
        ],
        notes,
        sections: vec![
            connections(review, t, locale),
            flows(review, t, locale),
            objects(review, t, locale),
            reminders(review, t, locale),
            handover(review, t, locale),
        ],
        footer: t.footer.to_owned(),
    }
}

fn headers(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| (*n).to_owned()).collect()
}

fn connections(review: &Review, t: &Texts, locale: Locale) -> Section {
    let rows: Vec<Row> = review
        .connections
        .iter()
        .map(|c| {
            let result = match c.ok {
                Some(true) => t.passed,
                Some(false) => t.failed,
                None => t.never_tested,
            };
            let diagnosis: Vec<String> = c
                .failures
                .iter()
                .map(|f| format!("{}: {}", f.check, f.code.as_str()))
                .collect();
            let diagnosis = diagnosis.join(t.separator);
            Row {
                cells: vec![
                    vendor_name(c.vendor).to_owned(),
                    c.tested_at
                        .as_deref()
                        .map(|at| format_moment(at, locale))
                        .unwrap_or_default(),
                    result.to_owned(),
                    diagnosis,
                ],
                flagged: c.ok != Some(true),
            }
        })
        .collect();
    let block = if rows.is_empty() {
        Block::Paragraph(t.no_connections.to_owned())
    } else {
        Block::Table(Table {
            headers: headers(&[t.vendor, t.last_test, t.result, t.diagnosis]),
            rows,
            nowrap: &[2],
        })
    };
    Section {
        heading: t.connections.to_owned(),
        blocks: vec![block],
    }
}

fn why_text(why: &Why, t: &Texts, locale: Locale) -> String {
    match why {
        Why::PendingOn { title, .. } => fill(t.why_pending, &[("step", title)]),
        Why::CheckFailed { code, checked_at } => fill(
            t.why_check,
            &[
                ("date", &format_moment(checked_at, locale)),
                ("code", code.as_str()),
            ],
        ),
        Why::Field { label, error } if error == "required" => {
            fill(t.why_required, &[("label", label)])
        }
        Why::Field { label, error } => fill(t.why_invalid, &[("label", label), ("error", error)]),
        Why::ApplyFailed { code } => fill(t.why_apply, &[("code", code)]),
    }
}

fn flows(review: &Review, t: &Texts, locale: Locale) -> Section {
    let mut blocks = Vec::new();
    for flow in &review.flows {
        let done = fill(
            t.steps_done,
            &[
                ("done", &flow.done.to_string()),
                ("total", &flow.total.to_string()),
            ],
        );
        blocks.push(Block::Subheading(flow.title.clone()));
        if flow.not_needed {
            blocks.push(Block::Paragraph(t.not_needed.to_owned()));
            continue;
        }
        blocks.push(Block::Paragraph(format!(
            "{} — {done}",
            t.status(flow.status)
        )));
        if flow.open.is_empty() {
            blocks.push(Block::Paragraph(t.all_done.to_owned()));
            continue;
        }
        // A flow nobody began is one line: its every step is open, for no reason but that.
        if flow.status == StepStatus::NotStarted {
            continue;
        }
        blocks.push(Block::Table(Table {
            nowrap: &[1],
            headers: headers(&[t.step, t.status, t.why]),
            rows: flow
                .open
                .iter()
                .map(|step| Row {
                    cells: vec![
                        step.title.clone(),
                        t.status(step.status).to_owned(),
                        step.why
                            .iter()
                            .map(|w| why_text(w, t, locale))
                            .collect::<Vec<_>>()
                            .join(t.separator),
                    ],
                    flagged: step.status == StepStatus::NeedsAttention,
                })
                .collect(),
        }));
    }
    Section {
        heading: t.flows.to_owned(),
        blocks,
    }
}

fn object_name(object: &ObjectReview, t: &Texts) -> String {
    match (object.entries, object.assigned) {
        (Some(entries), assigned) => format!(
            "{} — {}",
            object.name,
            fill(
                t.entries,
                &[
                    ("entries", &entries.to_string()),
                    ("assigned", &assigned.unwrap_or(0).to_string())
                ]
            )
        ),
        _ => object.name.clone(),
    }
}

fn objects(review: &Review, t: &Texts, locale: Locale) -> Section {
    let block = if review.objects.is_empty() {
        Block::Paragraph(t.no_objects.to_owned())
    } else {
        Block::Table(Table {
            nowrap: &[4, 5],
            headers: headers(&[t.vendor, t.what, t.name, t.vendor_id, t.action, t.date]),
            rows: review
                .objects
                .iter()
                .map(|o| Row {
                    cells: vec![
                        vendor_name(o.vendor).to_owned(),
                        t.object_kind(o.kind).to_owned(),
                        object_name(o, t),
                        o.vendor_id.clone().unwrap_or_default(),
                        t.object_action(o.action).to_owned(),
                        format_date(&o.at, locale),
                    ],
                    flagged: false,
                })
                .collect(),
        })
    };
    Section {
        heading: t.objects.to_owned(),
        blocks: vec![block],
    }
}

fn reminder_text(reminder: &Reminder, t: &Texts, locale: Locale) -> String {
    let date = reminder
        .date
        .as_deref()
        .map(|d| format_date(d, locale))
        .unwrap_or_default();
    let text = match reminder.kind {
        ReminderKind::CertificateExpiry => t.expires,
        ReminderKind::SecurityToken => t.token_note,
        ReminderKind::SecretRotation => t.rotation_note,
    };
    let text = fill(text, &[("date", &date)]);
    if reminder.soon {
        format!("{} — {text}", t.soon)
    } else {
        text
    }
}

fn reminders(review: &Review, t: &Texts, locale: Locale) -> Section {
    let block = if review.reminders.is_empty() {
        Block::Paragraph(t.no_reminders.to_owned())
    } else {
        Block::Table(Table {
            nowrap: &[],
            headers: headers(&[t.vendor, t.what, t.name, t.to_do]),
            rows: review
                .reminders
                .iter()
                .map(|r| Row {
                    cells: vec![
                        r.vendor.map(vendor_name).unwrap_or_default().to_owned(),
                        t.reminder_kind(r.kind).to_owned(),
                        r.subject.clone(),
                        reminder_text(r, t, locale),
                    ],
                    flagged: r.soon,
                })
                .collect(),
        })
    };
    Section {
        heading: t.reminders.to_owned(),
        blocks: vec![block],
    }
}

fn handover(review: &Review, t: &Texts, locale: Locale) -> Section {
    let or_not_noted = |v: Option<String>| v.unwrap_or_else(|| t.not_noted.to_owned());
    Section {
        heading: t.handover.to_owned(),
        blocks: vec![Block::Table(Table {
            nowrap: &[],
            headers: headers(&[t.handed_to, t.date]),
            rows: vec![Row {
                cells: vec![
                    or_not_noted(review.handover.recipient.clone()),
                    or_not_noted(
                        review
                            .handover
                            .date
                            .as_deref()
                            .map(|d| format_date(d, locale)),
                    ),
                ],
                flagged: false,
            }],
        })],
    }
}
