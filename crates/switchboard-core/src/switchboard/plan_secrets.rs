//! A data-actions plan's keychain secrets follow its integrations: they are saved under the
//! integration's name (`<name>/<field>`), so renaming a planned integration moves them to the
//! new name and removing one removes them, instead of leaving entries no plan reads.

use super::Switchboard;
use super::data_actions::{SECRET_SCOPE, secret_key};
use crate::data_actions::plan::DataActionsPlan;
use crate::error::Result;
use crate::storage::{journal, secret_refs};

/// `(old, new)` names of the integrations renamed from `old` to `new`: the plan kept its
/// length and an item kept its kind but changed its name (the editor saves one edit at a time,
/// so a save that adds or removes an item renames nothing). Names are compared trimmed.
fn renames(old: &DataActionsPlan, new: &DataActionsPlan) -> Vec<(String, String)> {
    if old.integrations.len() != new.integrations.len() {
        return Vec::new();
    }
    old.integrations
        .iter()
        .zip(&new.integrations)
        .filter(|(o, n)| o.kind == n.kind)
        .map(|(o, n)| (o.name.trim().to_owned(), n.name.trim().to_owned()))
        .filter(|(o, n)| !o.is_empty() && !n.is_empty() && o != n)
        // Another item still named as before keeps its secrets where they are.
        .filter(|(o, _)| !new.integrations.iter().any(|i| i.name.trim() == o))
        .collect()
}

/// Names planned in `old` that no item of `new` has any more.
fn removed(old: &DataActionsPlan, new: &DataActionsPlan) -> Vec<String> {
    if old.integrations.len() <= new.integrations.len() {
        return Vec::new();
    }
    old.integrations
        .iter()
        .map(|i| i.name.trim().to_owned())
        .filter(|name| !name.is_empty())
        .filter(|name| !new.integrations.iter().any(|i| i.name.trim() == name))
        .collect()
}

impl Switchboard {
    /// Moves or removes the secrets of the integrations `new` renamed or removed. A keychain
    /// refusal stops here, before the plan is saved, so plan and keychain never disagree.
    pub(super) fn carry_plan_secrets(
        &self,
        profile_id: i64,
        old: &DataActionsPlan,
        new: &DataActionsPlan,
    ) -> Result<()> {
        let saved = secret_refs::fields_set(&self.db(), profile_id, SECRET_SCOPE)?;
        let fields_of = |name: &str| -> Vec<String> {
            let prefix = format!("{name}/");
            let mut fields: Vec<String> = saved
                .iter()
                .filter_map(|f| f.strip_prefix(&prefix).map(str::to_owned))
                .collect();
            fields.sort();
            fields
        };
        for (from, to) in renames(old, new) {
            for field in fields_of(&from) {
                let old_key = secret_key(profile_id, &from, &field);
                if let Some(value) = self.saved_secret(&old_key)? {
                    self.write_secret(&secret_key(profile_id, &to, &field), Some(&value))?;
                }
                self.write_secret(&old_key, None)?;
                journal::record(
                    &self.db(),
                    Some(profile_id),
                    Some("genesys"),
                    "secret.move",
                    "ok",
                    Some(&format!("{SECRET_SCOPE}/{from}/{field} → {to}/{field}")),
                )?;
            }
        }
        for name in removed(old, new) {
            for field in fields_of(&name) {
                let key = secret_key(profile_id, &name, &field);
                self.write_secret(&key, None)?;
                journal::record(
                    &self.db(),
                    Some(profile_id),
                    Some("genesys"),
                    "secret.clear",
                    "ok",
                    Some(&key.label()),
                )?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data_actions::kinds::Kind;
    use crate::data_actions::plan::PlannedIntegration;

    fn plan(items: &[(&str, Kind)]) -> DataActionsPlan {
        DataActionsPlan {
            integrations: items
                .iter()
                .map(|(name, kind)| PlannedIntegration {
                    name: (*name).to_owned(),
                    kind: *kind,
                    credential_type: String::new(),
                    fields: Default::default(),
                    secrets: Default::default(),
                    notes: String::new(),
                })
                .collect(),
        }
    }

    #[test]
    fn a_name_edited_in_place_is_a_rename_and_an_add_or_remove_is_not() {
        let before = plan(&[("Orders", Kind::WebServices), ("CRM", Kind::Salesforce)]);
        let renamed = plan(&[
            ("Order lookup", Kind::WebServices),
            ("CRM", Kind::Salesforce),
        ]);
        assert_eq!(
            renames(&before, &renamed),
            vec![("Orders".to_owned(), "Order lookup".to_owned())]
        );
        let added = plan(&[
            ("Orders", Kind::WebServices),
            ("CRM", Kind::Salesforce),
            ("", Kind::Zendesk),
        ]);
        assert!(renames(&before, &added).is_empty());
        let kind_changed = plan(&[("Other", Kind::Zendesk), ("CRM", Kind::Salesforce)]);
        assert!(renames(&before, &kind_changed).is_empty());
    }

    #[test]
    fn a_removed_items_name_is_freed_unless_another_item_has_it() {
        let before = plan(&[("Orders", Kind::WebServices), ("CRM", Kind::Salesforce)]);
        assert_eq!(
            removed(&before, &plan(&[("CRM", Kind::Salesforce)])),
            vec!["Orders".to_owned()]
        );
        assert!(removed(&before, &plan(&[("Orders", Kind::Zendesk)])).len() == 1);
        assert!(removed(&before, &before).is_empty());
    }
}
