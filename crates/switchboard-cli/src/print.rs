//! How `switchboard-cli` prints results: aligned text for people, JSON with `--json`.

use serde::Serialize;
use switchboard_core::connection::Diagnosis;
use switchboard_core::flow::{FlowSummary, FlowView};
use switchboard_core::storage::progress::StepStatus;
use switchboard_core::switchboard::profiles::ProfileSummary;

pub struct Out {
    pub json: bool,
}

fn status_word(status: StepStatus) -> &'static str {
    match status {
        StepStatus::NotStarted => "not started",
        StepStatus::InProgress => "in progress",
        StepStatus::NeedsAttention => "needs attention",
        StepStatus::Done => "done",
    }
}

impl Out {
    fn json<T: Serialize>(&self, value: &T) {
        println!(
            "{}",
            serde_json::to_string_pretty(value).expect("results serialise")
        );
    }

    pub fn profiles(&self, profiles: &[ProfileSummary]) {
        if self.json {
            return self.json(&profiles);
        }
        if profiles.is_empty() {
            println!("No profiles yet. Create one with: switchboard-cli profile create NAME");
        }
        for p in profiles {
            let done: usize = p.progress.iter().map(|f| f.done).sum();
            let total: usize = p.progress.iter().map(|f| f.total).sum();
            println!(
                "{:<32} {done:>3}/{total:<3} steps done   updated {}",
                p.name, p.updated_at
            );
        }
    }

    pub fn profile(&self, p: &ProfileSummary) {
        if self.json {
            return self.json(p);
        }
        println!("{} (id {})", p.name, p.id);
        println!("  created {}   updated {}", p.created_at, p.updated_at);
        for f in &p.progress {
            println!("  {:<34} {}/{}", f.flow_id, f.done, f.total);
        }
    }

    pub fn practice_attached(&self, attached: bool) {
        if self.json {
            return self.json(&serde_json::json!({ "practiceAttached": attached }));
        }
        if attached {
            println!("The practice profile now uses that running emulator.");
        } else {
            println!("The practice profile starts its own emulator again on each run.");
        }
    }

    pub fn deleted(&self, p: &ProfileSummary, left_in_keychain: &[String]) {
        if self.json {
            return self.json(&serde_json::json!({
                "deleted": p.name, "id": p.id, "leftInKeychain": left_in_keychain
            }));
        }
        if left_in_keychain.is_empty() {
            println!("Deleted {} and its keychain entries.", p.name);
            return;
        }
        println!(
            "Deleted {}. The keychain would not remove these entries now; Switchboard removes them at its next start:",
            p.name
        );
        for account in left_in_keychain {
            println!("  {account}");
        }
    }

    pub fn flows(&self, p: &ProfileSummary, flows: &[FlowSummary]) {
        if self.json {
            return self.json(&serde_json::json!({ "profile": p.name, "flows": flows }));
        }
        println!("{}", p.name);
        for f in flows {
            println!(
                "  {:<34} {:>2}/{:<2} {:<16} {}",
                f.id,
                f.done,
                f.total,
                status_word(f.status),
                f.title
            );
        }
    }

    pub fn steps(&self, view: &FlowView) {
        if self.json {
            return self.json(view);
        }
        println!("{}", view.title);
        for (n, s) in view.steps.iter().enumerate() {
            let mark = if s.id == view.current_step_id {
                ">"
            } else {
                " "
            };
            let waiting = if s.pending.is_empty() {
                String::new()
            } else {
                format!(
                    "  (waiting for: {})",
                    s.pending
                        .iter()
                        .map(|p| p.title.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            println!(
                "{mark} {:>2}. {:<16} {}{waiting}",
                n + 1,
                status_word(s.status),
                s.title
            );
        }
    }

    pub fn diagnosis(&self, diagnosis: &Diagnosis) {
        if self.json {
            return self.json(diagnosis);
        }
        let verdict = if diagnosis.ok { "passed" } else { "FAILED" };
        println!(
            "{} connection test {verdict} at {}",
            diagnosis.vendor.as_str(),
            diagnosis.checked_at
        );
        for check in &diagnosis.checks {
            let mark = if check.ok { "ok  " } else { "FAIL" };
            let code = check
                .code
                .map(|c| serde_json::to_value(c).expect("codes serialise"))
                .and_then(|c| c.as_str().map(str::to_owned))
                .unwrap_or_default();
            let params = if check.params.is_empty() {
                String::new()
            } else {
                serde_json::to_string(&check.params).expect("params serialise")
            };
            println!("  {mark} {:<12} {code} {params}", check.id);
        }
    }
}
