//! Zoom Contact Center agent statuses through the profile's Zoom connection: the ones an admin
//! maps to Salesforce presence statuses (`GET /contact_center/system_statuses`, vendor-apis §1.10).

use serde_json::Value;

use super::session::ZoomDirectory;
use crate::connection::Failure;
use crate::zcc::status_map::ZoomStatus;

/// Zoom's maximum `page_size` for the statuses list.
const STATUS_PAGE_SIZE: &str = "300";

impl ZoomDirectory {
    /// Every agent status (Zoom's four and the account's custom ones), in Zoom's order; the
    /// Not Ready and opt-out reasons are another category and are not listed.
    pub async fn agent_statuses(&self) -> Result<Vec<ZoomStatus>, Failure> {
        let query = [
            ("page_size", STATUS_PAGE_SIZE),
            ("status_category", "agent_status"),
        ];
        let mut statuses = Vec::new();
        self.each_page(
            "/v2/contact_center/system_statuses",
            &query,
            "statuses",
            |item| statuses.extend(status(item)),
        )
        .await?;
        Ok(statuses)
    }
}

/// One status; one with no name is no status an admin can pick, and is skipped. A reply without
/// a category is kept: the query already asked for agent statuses.
fn status(item: &Value) -> Option<ZoomStatus> {
    let text = |key: &str| item.get(key).and_then(Value::as_str).map(str::trim);
    let category = text("status_category").unwrap_or("agent_status");
    let name = text("status_name").filter(|n| !n.is_empty())?;
    (category == "agent_status").then(|| ZoomStatus {
        id: text("status_id").unwrap_or(name).to_owned(),
        name: name.to_owned(),
        custom: text("status_type") == Some("custom"),
    })
}
