//! NICE CXone: an authenticated admin session for the flows that change a tenant (address
//! books, and the directory reads that go with them). It opens like the connection Test (token,
//! discovery) and then keeps the token, refreshing it once when CXone refuses it as expired.
//!
//! Writes are POSTs, never retried after a 5xx or a lost answer (the vendor may have done the
//! work); a 429 is retried because a throttled request was not processed. Callers that must not
//! duplicate (the address-book apply) re-read what exists before writing again.

use std::sync::{Mutex, PoisonError};

use serde_json::{Value, json};
use url::Url;

use super::types;
pub use super::types::{
    AddressBook, Agent, AssignKind, AssignResult, Entry, EntryResult, StoredEntry, Team,
    UnavailableCode,
};
use super::{self as cxone, ADMIN_API, Credentials, GOV_TOKEN_BASE, TOKEN_BASE};
use crate::connection::{Code, ConnectionSecrets, CxoneCloud, CxoneSettings, Failure, join};
use crate::secrets::Sensitive;
use crate::vendor::Vendor;
use crate::vendors::http::{Http, Reply, Request};
use crate::vendors::{oauth, settings_failure, untrusted};

/// Items asked for per page of a `skip`/`top` listing.
const PAGE: usize = 100;

pub struct CxoneSession {
    http: Http,
    /// `{api_endpoint}/inContactAPI/services/v34.0`.
    api: Url,
    token: Mutex<Sensitive>,
    settings: CxoneSettings,
    token_url: Url,
    access_key_secret: Sensitive,
    client_secret: Sensitive,
}

impl CxoneSession {
    /// Checks the settings, gets a token, discovers the tenant's API host.
    pub async fn open(
        settings: &CxoneSettings,
        secrets: &ConnectionSecrets,
        http: Http,
    ) -> Result<Self, Failure> {
        if let Some((field, error)) = settings.field_error() {
            return Err(settings_failure(field, &error));
        }
        let secret = |field: &str| {
            secrets
                .get(field)
                .cloned()
                .ok_or_else(|| Failure::new(Code::SettingsMissingSecret).with("field", field))
        };
        let access_key_secret = secret("access-key-secret")?;
        let client_secret = secret("client-secret")?;
        let default_base = match settings.cloud {
            CxoneCloud::Commercial => TOKEN_BASE,
            CxoneCloud::UsGov => GOV_TOKEN_BASE,
        };
        let auth_base = settings
            .endpoints
            .token(Vendor::Cxone, default_base)
            .map_err(|(f, e)| settings_failure(f, &e))?;
        let mut session = CxoneSession {
            http,
            api: auth_base.clone(),
            token: Mutex::new(Sensitive::new("")),
            settings: settings.clone(),
            token_url: join(&auth_base, "/auth/token"),
            access_key_secret,
            client_secret,
        };
        let granted = session.mint().await?;
        let tenant = settings
            .tenant_id
            .clone()
            .or_else(|| cxone::tenant_from_id_token(&granted.body))
            .ok_or(Code::CxoneTenantUnknown)?;
        let discovered = cxone::discover(&session.http, &auth_base, &tenant).await?;
        let api_base = settings
            .endpoints
            .api(Vendor::Cxone, Some(&discovered.api_endpoint))
            .map_err(|_| untrusted(&discovered.api_endpoint))?;
        session.api = join(&api_base, ADMIN_API);
        session.token = Mutex::new(granted.token);
        Ok(session)
    }

    /// Every address book; CXone's 204 (none yet) is an empty list.
    pub async fn address_books(&self) -> Result<Vec<AddressBook>, Failure> {
        let reply = self.call(Request::get(self.url("/address-books"))).await?;
        let body = read(&reply, None)?;
        let books = body.get("addressBooks").and_then(Value::as_array);
        Ok(books
            .into_iter()
            .flatten()
            .filter_map(AddressBook::from_wire)
            .collect())
    }

    /// A new Standard book (parameters in the query string, no body).
    pub async fn create_address_book(&self, name: &str) -> Result<AddressBook, Failure> {
        let mut url = self.url("/address-books");
        url.query_pairs_mut()
            .append_pair("addressBookName", name)
            .append_pair("addressBookType", "Standard");
        let reply = self.call(Request::post(url).retry_when_refused()).await?;
        let body = read(&reply, None)?;
        body.get("resultSet")
            .and_then(AddressBook::from_wire)
            .ok_or_else(|| oauth::unexpected(&reply))
    }

    /// Every entry of a book, page by page.
    pub async fn entries(&self, book_id: i64) -> Result<Vec<StoredEntry>, Failure> {
        let path = format!("/address-books/{book_id}/entries");
        let mut stored = Vec::new();
        self.each_item(
            &path,
            &[],
            "/addressBook/addressBookEntries",
            Some(book_id),
            |item| {
                stored.extend(StoredEntry::from_wire(item));
            },
        )
        .await?;
        Ok(stored)
    }

    /// Adds `entries` in one POST; CXone answers per entry (`success: false` is not an error).
    pub async fn add_entries(
        &self,
        book_id: i64,
        entries: &[Entry],
    ) -> Result<Vec<EntryResult>, Failure> {
        let url = self.url(&format!("/address-books/{book_id}/entries"));
        let wire: Vec<Value> = entries.iter().map(types::entry_to_wire).collect();
        let request = Request::post_json(url, json!({ "addressBookEntries": wire }));
        let reply = self.call(request.retry_when_refused()).await?;
        let body = read(&reply, Some(book_id))?;
        let results = body.get("entryResults").and_then(Value::as_array);
        Ok(results
            .into_iter()
            .flatten()
            .map(EntryResult::from_wire)
            .collect())
    }

    /// Assigns the book to teams or agents; CXone answers per entity.
    pub async fn assign(
        &self,
        book_id: i64,
        kind: AssignKind,
        ids: &[i64],
    ) -> Result<Vec<AssignResult>, Failure> {
        let mut url = self.url(&format!("/address-books/{book_id}/assignment"));
        url.query_pairs_mut()
            .append_pair("entityType", kind.as_str());
        let list: Vec<Value> = ids.iter().map(|id| json!({ "entityId": id })).collect();
        let request = Request::post_json(url, json!({ "addressBookAssignments": list }));
        let reply = self.call(request.retry_when_refused()).await?;
        let body = read(&reply, Some(book_id))?;
        let results = body.get("assignResults").and_then(Value::as_array);
        Ok(results
            .into_iter()
            .flatten()
            .map(AssignResult::from_wire)
            .collect())
    }

    /// The session's clock's "now" (a manual one in tests).
    pub(crate) fn now(&self) -> std::time::SystemTime {
        self.http.clock().now()
    }

    fn url(&self, path: &str) -> Url {
        join(&self.api, path)
    }

    async fn mint(&self) -> Result<oauth::Granted, Failure> {
        let credentials = Credentials {
            access_key_secret: &self.access_key_secret,
            client_secret: &self.client_secret,
        };
        cxone::mint_token(&self.http, &self.token_url, &self.settings, &credentials).await
    }

    /// Sends `request` with the session's token; a 401 gets one fresh token and one more try.
    async fn call(&self, request: Request) -> Result<Reply, Failure> {
        // Cloned out: the lock is never held across a request.
        let token = self
            .token
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        let refresh = || async {
            let granted = self.mint().await?;
            *self.token.lock().unwrap_or_else(PoisonError::into_inner) = granted.token.clone();
            Ok(granted.token)
        };
        self.http
            .send_with_token(&request, &token, |r| r.status == 401, refresh)
            .await
    }

    /// Walks a `skip`/`top` listing, handing each item at `pointer` of every page to `visit`,
    /// until a page is empty or CXone names no next page.
    pub(super) async fn each_item(
        &self,
        path: &str,
        query: &[(&str, &str)],
        pointer: &str,
        book_id: Option<i64>,
        mut visit: impl FnMut(&Value),
    ) -> Result<(), Failure> {
        let mut skip = 0;
        loop {
            let mut url = self.url(path);
            url.query_pairs_mut()
                .extend_pairs(query)
                .append_pair("skip", &skip.to_string())
                .append_pair("top", &PAGE.to_string());
            let reply = self.call(Request::get(url)).await?;
            let body = read(&reply, book_id)?;
            let items = body.pointer(pointer).and_then(Value::as_array);
            let count = items.map_or(0, Vec::len);
            items.into_iter().flatten().for_each(&mut visit);
            skip += count;
            let next = body
                .pointer("/_links/next")
                .and_then(Value::as_str)
                .is_some_and(|n| !n.is_empty());
            let total = body.get("totalRecords").and_then(Value::as_u64);
            let more = next || total.is_some_and(|t| (skip as u64) < t);
            if count == 0 || !more {
                return Ok(());
            }
        }
    }
}

/// An answer's JSON body: `Null` for CXone's 204 (nothing there), a failure for refusals.
fn read(reply: &Reply, book_id: Option<i64>) -> Result<Value, Failure> {
    match reply.status {
        204 => Ok(Value::Null),
        200..300 => reply.json().ok_or_else(|| oauth::unexpected(reply)),
        401 => Err(Failure::new(Code::VendorTokenRejected)),
        403 => Err(Failure::new(Code::CxoneMissingPermissions)),
        404 if book_id.is_some() => Err(Failure::new(Code::CxoneAddressBookMissing)
            .with("addressBookId", book_id.unwrap_or_default())),
        _ => Err(oauth::unexpected(reply)),
    }
}
