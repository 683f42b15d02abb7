//! Zoom Contact Center users through the app's token: the list (`GET /contact_center/users`,
//! 300 a page), one user's connection name (`client_integration_name`, only in
//! `GET /contact_center/users/{userId}`), and the client integration set per user
//! (`PATCH /contact_center/users/{userId}`).

use serde_json::{Value, json};

use super::session::{ZoomDirectory, read_page};
use super::{message, scopes_in_message};
use crate::connection::{Code, Failure, join};
use crate::vendors::http::{Method, Request};
use crate::zcc::agents::{ContactCenterUser, Outcome};

/// Zoom's maximum `page_size` for `GET /contact_center/users`.
const PAGE_SIZE: usize = 300;
/// Pages followed at most (90,000 users).
const MAX_PAGES: usize = 300;

fn text(item: &Value, key: &str) -> String {
    item.get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

impl ZoomDirectory {
    /// Every Contact Center user; `client_integration_name` is left unknown (`None`).
    pub async fn contact_center_users(&self) -> Result<Vec<ContactCenterUser>, Failure> {
        let mut users = Vec::new();
        let mut cursor = String::new();
        for _ in 0..MAX_PAGES {
            let mut url = join(&self.api, "/v2/contact_center/users");
            url.query_pairs_mut()
                .append_pair("page_size", &PAGE_SIZE.to_string());
            if !cursor.is_empty() {
                url.query_pairs_mut()
                    .append_pair("next_page_token", &cursor);
            }
            let body = read_page(&self.send(&Request::get(url)).await?)?;
            let page = body.get("users").and_then(Value::as_array);
            users.extend(page.into_iter().flatten().map(|item| ContactCenterUser {
                id: text(item, "user_id"),
                name: text(item, "display_name"),
                email: text(item, "user_email"),
                client_integration: text(item, "client_integration"),
                client_integration_name: None,
            }));
            cursor = text(&body, "next_page_token");
            if cursor.is_empty() {
                break;
            }
        }
        Ok(users)
    }

    /// One user's `client_integration_name` (empty when none).
    pub async fn client_integration_name(&self, user_id: &str) -> Result<String, Failure> {
        let url = join(&self.api, &format!("/v2/contact_center/users/{user_id}"));
        let body = read_page(&self.send(&Request::get(url)).await?)?;
        Ok(text(&body, "client_integration_name"))
    }

    /// Sets a user's client integration (and connection name); a refusal for this user (an
    /// unknown connection, a user gone) is the row's outcome, missing scopes stop the run.
    pub async fn set_client_integration(
        &self,
        user_id: &str,
        integration: &str,
        connection_name: Option<&str>,
    ) -> Result<Outcome, Failure> {
        let url = join(&self.api, &format!("/v2/contact_center/users/{user_id}"));
        let mut body = json!({ "client_integration": integration });
        if let Some(name) = connection_name {
            body["client_integration_name"] = json!(name);
        }
        let reply = self
            .send(&Request::with_json(Method::Patch, url, body))
            .await?;
        if reply.is_success() {
            return Ok(Outcome::Done);
        }
        let text = message(&reply);
        if let Some(missing) = scopes_in_message(&text) {
            return Err(Failure::new(Code::ZoomMissingScopes).with("missing", missing));
        }
        if reply.status >= 500 || reply.status == 401 || reply.status == 429 {
            return Err(crate::vendors::oauth::unexpected(&reply));
        }
        let code = reply
            .json()
            .and_then(|b| b.get("code").and_then(Value::as_i64))
            .map_or_else(|| reply.status.to_string(), |c| c.to_string());
        Ok(Outcome::Refused {
            error_code: code,
            message: text,
        })
    }
}
