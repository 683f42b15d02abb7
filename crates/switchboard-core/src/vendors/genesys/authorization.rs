//! The OAuth client's own grants, read from `GET /api/v2/authorization/subjects/me?includeFullRoles=true`
//! (an `AuthzSubject`: `grants[].role.policies[]` of `{domain, entityName, actions}`, per the
//! platform SDKs' `AuthzGrantRole` / `AuthzGrantPolicy`; Genesys asks no permission to read it).
//! Lets a plan name every permission it lacks before anything is created, instead of learning
//! it from a refused write halfway through.

use serde_json::Value;

/// What the client may do: its name, the names of its roles, and every permission policy.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Grants {
    /// The subject's name (the OAuth client's), when Genesys gives it.
    pub subject: String,
    /// Each granted role's name, once, in the order Genesys lists them.
    pub roles: Vec<String>,
    policies: Vec<Policy>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Policy {
    domain: String,
    entity: String,
    actions: Vec<String>,
}

impl Grants {
    /// Reads an `AuthzSubject`; `None` when it has no `grants` list (not what was asked for).
    /// Older answers spell the policies `permissionPolicies` with `actionSet`: both are read.
    pub fn from_wire(value: &Value) -> Option<Self> {
        let grants = value.get("grants")?.as_array()?;
        let text = |v: &Value, key: &str| v.get(key).and_then(Value::as_str).map(str::to_owned);
        let mut read = Grants {
            subject: text(value, "name").unwrap_or_default(),
            ..Grants::default()
        };
        for grant in grants {
            let Some(role) = grant.get("role") else {
                continue;
            };
            if let Some(name) = text(role, "name")
                && !read.roles.contains(&name)
            {
                read.roles.push(name);
            }
            let policies = ["policies", "permissionPolicies"]
                .iter()
                .filter_map(|key| role.get(*key).and_then(Value::as_array))
                .flatten();
            for policy in policies {
                let actions = ["actions", "actionSet"]
                    .iter()
                    .filter_map(|key| policy.get(*key).and_then(Value::as_array))
                    .flatten()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect();
                read.policies.push(Policy {
                    domain: text(policy, "domain").unwrap_or_default(),
                    entity: text(policy, "entityName").unwrap_or_default(),
                    actions,
                });
            }
        }
        Some(read)
    }

    /// Whether `permission` (`domain:entity:action`) is granted; `*` in a policy's domain,
    /// entity or action grants every value there, as Genesys' own checks do.
    pub fn allows(&self, permission: &str) -> bool {
        let mut parts = permission.splitn(3, ':');
        let (Some(domain), Some(entity), Some(action)) = (parts.next(), parts.next(), parts.next())
        else {
            return false;
        };
        let matches = |granted: &str, wanted: &str| granted == "*" || granted == wanted;
        self.policies.iter().any(|p| {
            matches(&p.domain, domain)
                && matches(&p.entity, entity)
                && p.actions.iter().any(|a| matches(a, action))
        })
    }

    /// The permissions of `needed` that no policy grants, in `needed`'s order.
    pub fn missing<'a>(&self, needed: &[&'a str]) -> Vec<&'a str> {
        needed.iter().copied().filter(|p| !self.allows(p)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn subject(policies: Value) -> Grants {
        Grants::from_wire(&json!({
            "id": "c1", "name": "Switchboard client", "version": 3,
            "grants": [{
                "subjectId": "c1",
                "division": {"id": "d1", "name": "Home"},
                "role": {"id": "r1", "name": "Integrations admin", "policies": policies},
            }],
        }))
        .unwrap()
    }

    #[test]
    fn a_policy_grants_only_its_own_actions() {
        let grants = subject(json!([
            {"domain": "integrations", "entityName": "integration", "actions": ["view", "add"]}
        ]));
        assert_eq!(grants.subject, "Switchboard client");
        assert_eq!(grants.roles, vec!["Integrations admin"]);
        assert_eq!(
            grants.missing(&[
                "integrations:integration:view",
                "integrations:integration:add",
                "integrations:integration:edit",
                "integrations:action:view",
            ]),
            vec!["integrations:integration:edit", "integrations:action:view"]
        );
    }

    #[test]
    fn wildcards_grant_every_domain_entity_or_action() {
        for policy in [
            json!({"domain": "integrations", "entityName": "integration", "actions": ["*"]}),
            json!({"domain": "integrations", "entityName": "*", "actions": ["edit"]}),
            json!({"domain": "*", "entityName": "*", "actions": ["*"]}),
            json!({"domain": "integrations", "entityName": "integration", "actionSet": ["edit"]}),
        ] {
            let grants = subject(json!([policy]));
            assert!(grants.allows("integrations:integration:edit"), "{policy}");
        }
        let grants = subject(json!([
            {"domain": "integrations", "entityName": "*", "actions": ["view"]}
        ]));
        assert!(!grants.allows("integrations:integration:edit"));
        assert!(!grants.allows("routing:queue:view"));
    }

    #[test]
    fn an_answer_without_grants_is_not_read_as_no_permissions() {
        assert_eq!(Grants::from_wire(&json!({"id": "c1"})), None);
        assert_eq!(
            subject(json!([])).missing(&["integrations:integration:view"]),
            vec!["integrations:integration:view"]
        );
    }
}
