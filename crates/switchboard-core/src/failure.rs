//! Why a vendor call or a check failed: a stable [`Code`] with its [`Params`], as a [`Failure`].
//! Connection Tests, verified steps, applies and IPC errors all carry these.
//!
//! Every diagnosis code is in one list below.
//! The UI translates `diagnosis.<code>` into what to fix and where; a code is therefore a
//! stable contract: never rename one, add a new one instead. Each variant's doc says what it
//! means and the fix its translation should give; the params it carries are named there too.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

/// Named values a check reports (a missing scope list, a user count, a host …). Never secrets.
pub type Params = BTreeMap<String, Value>;

/// Why a step failed: the code and what its message needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    pub code: Code,
    pub params: Params,
}

impl Failure {
    pub fn new(code: Code) -> Self {
        Failure {
            code,
            params: Params::new(),
        }
    }

    pub fn with(mut self, name: &str, value: impl Into<Value>) -> Self {
        self.params.insert(name.to_owned(), value.into());
        self
    }
}

impl From<Code> for Failure {
    fn from(code: Code) -> Self {
        Failure::new(code)
    }
}

macro_rules! codes {
    ($( $(#[doc = $doc:literal])+ $name:ident => $text:literal, )+) => {
        /// A failed check's stable code, serialized as its dotted text
        /// (e.g. `zoom.missing_scopes`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Code {
            $( $(#[doc = $doc])+ $name, )+
        }

        impl Code {
            /// Every code, in declaration order.
            pub const ALL: &'static [Code] = &[$(Code::$name),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$name => $text,)+
                }
            }

            pub fn parse(text: &str) -> Option<Code> {
                match text {
                    $($text => Some(Code::$name),)+
                    _ => None,
                }
            }
        }

        /// In TypeScript, the union of every code's text (`DiagnosisCode`), so the UI's
        /// translations can be checked against it.
        impl ts_rs::TS for Code {
            type WithoutGenerics = Self;
            type OptionInnerType = Self;

            fn name(_: &ts_rs::Config) -> String {
                "DiagnosisCode".to_owned()
            }

            fn inline(_: &ts_rs::Config) -> String {
                [$(concat!("\"", $text, "\"")),+].join(" | ")
            }

            fn decl(cfg: &ts_rs::Config) -> String {
                format!("type DiagnosisCode = {};", Self::inline(cfg))
            }

            fn decl_concrete(cfg: &ts_rs::Config) -> String {
                Self::decl(cfg)
            }

            fn output_path() -> Option<std::path::PathBuf> {
                Some("DiagnosisCode.ts".into())
            }
        }
    };
}

codes! {
    // --- the connection's own settings ---
    /// A non-secret setting breaks its rule. Params: `field` (e.g. `accountId`, `tokenBase`),
    /// `rule` (the `validation.<rule>` code). Fix: correct that field in the connection form.
    SettingsInvalid => "settings.invalid",
    /// A secret the vendor needs is not in the keychain. Params: `field` (e.g. `client-secret`).
    /// Fix: enter it in the connection form.
    SettingsMissingSecret => "settings.missing_secret",

    // --- reaching the vendor (any vendor) ---
    /// The host could not be reached (DNS, refused, TLS handshake). Params: `host`.
    /// Fix: check the network, proxy or firewall; for a practice connection, start the practice
    /// tenant.
    NetworkUnreachable => "network.unreachable",
    /// The vendor did not answer in time, even after retries where allowed. Params: `host`.
    /// Fix: try again later; check the network.
    NetworkTimeout => "network.timeout",
    /// The vendor answered with a redirect, which the app never follows (a wrong host or an
    /// intercepting proxy). Params: `status`, `location`. Fix: check the host / environment.
    NetworkUnexpectedRedirect => "network.unexpected_redirect",
    /// The vendor kept throttling (HTTP 429) or asked to wait longer than a Test waits.
    /// Params: `retryAfterSeconds` and/or `retryAt` when the vendor said. Fix: try again after
    /// that time; the limit is usually shared by every app on the account.
    RateLimited => "rate_limited",
    /// The vendor kept failing with 5xx after the allowed retries. Params: `status`,
    /// `attempts`. Fix: the vendor has an outage; try again later.
    VendorServerError => "vendor.server_error",
    /// The vendor answered something the app does not understand. Params: `status`, and
    /// `vendorMessage` when there was one. Fix: send the diagnostic report to support.
    VendorUnexpectedResponse => "vendor.unexpected_response",
    /// The vendor's reply was larger than the app reads (16 MB): a wrong host, a proxy's page
    /// or a broken server. Params: `host`, `maxMb`. Fix: check the host / environment; if it is
    /// right, send the diagnostic report to support.
    VendorReplyTooLarge => "vendor.reply_too_large",
    /// A fresh token was refused again right after one refresh. Fix: check the app is still
    /// active / the client is enabled, then test again.
    VendorTokenRejected => "vendor.token_rejected",
    /// The vendor sent an API address the app will not use (not https, or not loopback for a
    /// practice connection). Params: `url`. Fix: send the diagnostic report to support.
    VendorUntrustedEndpoint => "vendor.untrusted_endpoint",
    /// The app could not set up its HTTP client (TLS roots). Fix: report the bug.
    Internal => "internal",

    // --- Zoom (Server-to-Server OAuth) ---
    /// Zoom: "Invalid client" (4702/4704, `invalid_client`). Fix: copy the Client ID and Client
    /// Secret again from the app's App Credentials page; the app type must be Server-to-Server.
    ZoomInvalidClient => "zoom.invalid_client",
    /// Zoom: "Invalid client secret". Fix: copy the Client Secret again (App Credentials).
    ZoomInvalidClientSecret => "zoom.invalid_client_secret",
    /// Zoom: "Client ID does not match authenticated client". Fix: the Client ID and Client
    /// Secret come from two different apps; copy both from the same app.
    ZoomClientIdMismatch => "zoom.client_id_mismatch",
    /// Zoom: "Client ID or client secret is missing" (4706). Fix: enter both.
    ZoomCredentialsMissing => "zoom.credentials_missing",
    /// Zoom: "unsupported grant type" / "Grant type is not supported" (4705): the credentials
    /// are not from a Server-to-Server OAuth app. Fix: create / use a Server-to-Server OAuth app.
    ZoomNotServerToServerApp => "zoom.not_server_to_server_app",
    /// Zoom rejected the Account ID (likely; Zoom's exact text is unconfirmed). Fix: copy the
    /// Account ID again from the app's App Credentials page.
    ZoomInvalidAccountId => "zoom.invalid_account_id",
    /// Zoom answered without an access token ("No access token returned"): the app is likely
    /// not activated yet. Fix: activate the app (Activation page); a new app can take up to an
    /// hour; use an app dedicated to this integration.
    ZoomNoTokenIssued => "zoom.no_token_issued",
    /// The app lacks scopes: from the token's `scope` string, or Zoom's "Invalid access token,
    /// does not contain scopes:[…]". Params: `missing` (list of scope names). Fix: Marketplace
    /// → the app → Scopes, add them, save; Zoom can take a while to apply it.
    ZoomMissingScopes => "zoom.missing_scopes",
    /// Zoom: "Access to the Zoom REST API has been denied for this account". Fix: the account
    /// owner or Zoom support must enable API access for the account.
    ZoomApiAccessDenied => "zoom.api_access_denied",
    /// Zoom: "Reached the maximum daily rate limit for this API". Params: `retryAt` when given.
    /// Fix: the daily limit is shared by every app on the account; resume after that time.
    ZoomDailyRateLimit => "zoom.daily_rate_limit",
    /// Any other refusal of the Zoom token request. Params: `error`, `vendorMessage`.
    ZoomTokenRequestRejected => "zoom.token_request_rejected",
    /// `GET /contact_center/users` lists nobody: the account has no Zoom Contact Center users
    /// (or no licence). Fix: add the agents in Contact Center Management › Users.
    ZoomContactCenterUsersMissing => "zoom.contact_center_users_missing",

    // --- NICE CXone ---
    /// CXone `invalid_client`: the registered client ID / secret are not recognised. Fix: they
    /// are issued by NICE for your application registration; check them with whoever registered.
    CxoneInvalidClient => "cxone.invalid_client",
    /// CXone `invalid_grant`: wrong, revoked or deactivated access key. Fix: create a new access
    /// key for an active user (My Profile → Access Key); its secret is shown only once.
    CxoneInvalidAccessKey => "cxone.invalid_access_key",
    /// CXone `unauthorized_client`: this client may not use access keys (password grant). Fix:
    /// ask NICE to allow the grant for the registration.
    CxoneUnauthorizedClient => "cxone.unauthorized_client",
    /// Any other refusal of the CXone token request. Params: `error`, `vendorMessage`.
    CxoneTokenRequestRejected => "cxone.token_request_rejected",
    /// No tenant ID: none entered and none in CXone's token. Fix: enter the tenant ID.
    CxoneTenantUnknown => "cxone.tenant_unknown",
    /// Tenant discovery answered 404. Params: `tenantId`. Fix: copy the tenant ID again from
    /// CXone (form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).
    CxoneTenantNotFound => "cxone.tenant_not_found",
    /// The area entered differs from the tenant's real one. Params: `configured`, `actual`.
    /// Fix: set the area to `actual`.
    CxoneAreaMismatch => "cxone.area_mismatch",
    /// The access key's user may not read the admin API (HTTP 403). Fix: give the user's role
    /// the ACD / Admin API permissions.
    CxoneMissingPermissions => "cxone.missing_permissions",
    /// The address book being filled was deleted in CXone (HTTP 404). Params: `addressBookId`.
    /// Fix: apply again: the book is found by name or created anew.
    CxoneAddressBookMissing => "cxone.address_book_missing",

    // --- applying a plan to a vendor ---
    /// A step reached the vendor but its progress could not be saved in the local database, so
    /// the run stopped. Fix: check the disk (space, permissions), then apply again: the run
    /// resumes without duplicates.
    ApplyNotRecorded => "apply.not_recorded",

    // --- Salesforce ---
    /// Salesforce `invalid_grant` / "authentication failure": the org blocks the
    /// username-password flow **or** the password / security token is wrong; the answer is the
    /// same for all. Params: `likelyCauses` (`username_password_flow_disabled`,
    /// `password_or_security_token`), `securityTokenSet`. Fix: read the user's Login History; if it
    /// says "Username-Password Flow Disabled", turn on "Allow OAuth Username-Password Flows";
    /// otherwise check the password and the current security token.
    SalesforceAuthenticationFailure => "salesforce.authentication_failure",
    /// Salesforce `LOGIN_MUST_USE_SECURITY_TOKEN`. Fix: reset the security token (user settings →
    /// Reset My Security Token) and paste the e-mailed token into the Security token field.
    SalesforceSecurityTokenRequired => "salesforce.security_token_required",
    /// Salesforce `INVALID_LOGIN`: wrong username, password or token, or the user is locked
    /// out. Fix: check the username and password; unlock the user; a password change
    /// invalidates the old token.
    SalesforceInvalidLogin => "salesforce.invalid_login",
    /// Salesforce `INVALID_OPERATION_WITH_EXPIRED_PASSWORD`: the user's password has expired, so
    /// no sign-in works until it is changed. Fix: sign in to Salesforce as this user and set a
    /// new password, then reset the security token (a password change invalidates it) and enter
    /// both again.
    SalesforcePasswordExpired => "salesforce.password_expired",
    /// Salesforce `invalid_client_id` / "client identifier invalid". Fix: copy the Consumer Key
    /// again from the connected app.
    SalesforceInvalidConsumerKey => "salesforce.invalid_consumer_key",
    /// Salesforce `invalid_client` / "invalid client credentials". Fix: copy the Consumer Secret
    /// again.
    SalesforceInvalidConsumerSecret => "salesforce.invalid_consumer_secret",
    /// Salesforce `unsupported_grant_type`: rejected before the credentials were checked,
    /// usually a login host that does not match the org. Params: `loginHost`. Fix: confirm
    /// production (login.salesforce.com) vs sandbox (test.salesforce.com or the sandbox My
    /// Domain).
    SalesforceUnsupportedGrantType => "salesforce.unsupported_grant_type",
    /// Salesforce "request not supported on this domain". Params: `loginHost`. Fix: use the My
    /// Domain address (https://<name>.my.salesforce.com).
    SalesforceLoginHostNotSupported => "salesforce.login_host_not_supported",
    /// Salesforce "user hasn't approved this consumer": the connected app only admits
    /// pre-authorised users. Fix: add the user's profile or permission set to the app.
    SalesforceUserNotApproved => "salesforce.user_not_approved",
    /// Any other refusal of the Salesforce token request. Params: `error`, `vendorMessage`.
    SalesforceTokenRequestRejected => "salesforce.token_request_rejected",
    /// `REQUEST_LIMIT_EXCEEDED`: the org's daily API allowance is used up (never retried).
    /// Params: `usage` (from `Sforce-Limit-Info`) when sent. Fix: wait for the allowance to reset.
    SalesforceRequestLimitExceeded => "salesforce.request_limit_exceeded",
    /// `API_DISABLED_FOR_ORG` / `API_CURRENTLY_DISABLED`: no API access for the org or user.
    /// Fix: give the user "API Enabled" (and an edition with API access).
    SalesforceApiDisabled => "salesforce.api_disabled",
    /// `ServicePresenceStatus` is not queryable (`INVALID_TYPE`, likely Omni-Channel off). Fix:
    /// turn on Omni-Channel in Setup.
    SalesforceOmniChannelUnavailable => "salesforce.omni_channel_unavailable",
    /// `DeveloperName` is hidden from the user (`INVALID_FIELD`). Fix: give the user "View
    /// Setup and Configuration" (or "View DeveloperName").
    SalesforceDeveloperNameHidden => "salesforce.developer_name_hidden",
    /// Presence statuses the admin planned are not in the org yet (a live step's check, not the
    /// connection Test). Params: `missing` (list of the planned Developer Names not found). Fix:
    /// create them in Setup › Presence Statuses with exactly these Developer Names.
    SalesforceStatusesMissing => "salesforce.statuses_missing",
    /// The connection's user is not a Salesforce administrator: its profile lacks "Customize
    /// Application" or "Manage Users" (Zoom Contact Center prerequisites). Params: `profile`.
    /// Fix: connect with a System Administrator, or give the profile both permissions.
    SalesforceNotAdmin => "salesforce.not_admin",
    /// The Tooling API's `InstalledSubscriberPackage` does not list the Zoom Contact Center
    /// package. Fix: install it with the URL the Zoom representative sent ("Install for Admins
    /// Only"), then check again.
    SalesforceZccPackageMissing => "salesforce.zcc_package_missing",
    /// A Metadata API deploy failed. Params: `component` (the call center's internal name),
    /// `problem` (Salesforce's text for the component, or for the whole deploy). Fix: as the
    /// problem says; or download the import XML and import it in Setup › Call Centers.
    SalesforceDeployFailed => "salesforce.deploy_failed",
    /// A Metadata API deploy was still not finished after the wait. Params: `deployId`. Fix: see
    /// Setup › Deployment Status, then check again.
    SalesforceDeployPending => "salesforce.deploy_pending",
    /// The call center the agents are to join is not in the org (`CallCenter` query). Params:
    /// `internalName`. Fix: deploy or import the call center first.
    SalesforceCallCenterMissing => "salesforce.call_center_missing",
    /// Neither "Zoom Contact Center Admin" nor "Zoom Contact Center Agent" is in `PermissionSet`.
    /// Fix: install the Zoom Contact Center package (it brings both).
    SalesforceZccPermissionSetsMissing => "salesforce.zcc_permission_sets_missing",

    // --- Genesys Cloud ---
    /// Genesys `unauthorized_client` / "client is not authorized to use the client_credential
    /// grant type". Fix: the OAuth client must use the grant type Client Credentials (Admin →
    /// Integrations → OAuth).
    GenesysWrongGrantType => "genesys.wrong_grant_type",
    /// Genesys `invalid_client` / "client not found": unknown client ID in the selected region
    /// (each region has its own login host). Params: `region`. Fix: check the client ID and the
    /// region of your org.
    GenesysClientNotFoundInRegion => "genesys.client_not_found_in_region",
    /// Genesys `invalid_client` / "authentication failed": wrong client secret. Fix: copy it again.
    GenesysInvalidClientSecret => "genesys.invalid_client_secret",
    /// Any other refusal of the Genesys token request. Params: `error`, `vendorMessage`.
    GenesysTokenRequestRejected => "genesys.token_request_rejected",
    /// Genesys `missing.permissions` / 403. Params: `permissions` (list, may be empty). Fix: add
    /// them to the role assigned to the OAuth client.
    GenesysMissingPermissions => "genesys.missing_permissions",
    /// The org already has as many integrations of this type as Genesys allows. Params: `type`,
    /// `max` (when known), `existing`. Fix: delete an unused one, or reuse it.
    GenesysInstanceLimit => "genesys.instance_limit",
    /// The org has no integration type for this kind of data action (not licensed, or retired).
    /// Params: `kind`.
    GenesysTypeUnavailable => "genesys.type_unavailable",
    /// Another integration of another type already has this name. Params: `name`, `type`.
    GenesysNameTaken => "genesys.name_taken",
    /// The integration is enabled but Genesys reports an error. Params: `name`, `vendorMessage`.
    GenesysIntegrationError => "genesys.integration_error",
    /// Genesys did not report the integration active in time. Params: `name`, `state`.
    GenesysNotActive => "genesys.not_active",
    /// `config/current` kept changing under the apply (someone else is editing it). Params: `name`.
    GenesysConfigConflict => "genesys.config_conflict",
    /// The plan's preflight: the OAuth client's roles lack permissions the plan needs, found
    /// before anything is created. Params: `permissions` (comma-separated), `client` (the
    /// client's name), `roles` (its roles' names). Fix: Admin › Roles / Permissions › the
    /// client's role › add them (or give the client a role that has them in Admin › OAuth).
    GenesysPreflightMissingPermissions => "genesys.preflight_missing_permissions",
    /// The preflight could not read the OAuth client's grants (refused or unreadable), so its
    /// permissions are not checked: a warning, not a pass. Params: `reason` (the failure code).
    GenesysPermissionsUnchecked => "genesys.permissions_unchecked",
    // --- Services a data action calls (tested before Genesys gets the credential) ---
    /// Zendesk refuses the agent e-mail and API token (or token access is off). Params: `email`.
    ZendeskUnauthorized => "zendesk.unauthorized",
    /// No Zendesk account answers at this address. Params: `baseUrl`.
    ZendeskAccountNotFound => "zendesk.account_not_found",
    /// Entra AADSTS50126 / 50034: wrong username or password for the Dynamics user.
    EntraInvalidCredentials => "dynamics.invalid_credentials",
    /// Entra AADSTS50076 / 50079 / 50158: the user must pass MFA, which a data action cannot.
    EntraMfaRequired => "dynamics.mfa_required",
    /// Entra AADSTS7000218: the app registration does not allow public client flows.
    EntraPublicClientDisabled => "dynamics.public_client_disabled",
    /// Entra AADSTS700016: no app registration with this application id in the directory.
    EntraAppNotFound => "dynamics.app_not_found",
    /// Entra AADSTS65001: nobody consented to the app using Dynamics 365.
    EntraConsentRequired => "dynamics.consent_required",
    /// Entra AADSTS50055: the user's password has expired.
    EntraPasswordExpired => "dynamics.password_expired",
    /// Any other Entra refusal. Params: `aadsts`, `vendorMessage`.
    EntraTokenRejected => "dynamics.token_rejected",
    /// Google `invalid_grant` "Invalid JWT Signature.": the service-account key was deleted or
    /// revoked. Params: `keyId`. Fix: create a new key for the service account and import it.
    GoogleKeyRevoked => "google.key_revoked",
    /// Google `invalid_grant` "Token must be a short-lived token (60 minutes) and in a reasonable
    /// timeframe": this computer's clock is wrong. Fix: set the clock automatically, test again.
    GoogleClockSkew => "google.clock_skew",
    /// Google `unauthorized_client`: no domain-wide delegation for this client id and scopes
    /// (needed to act as `subject`). Params: `clientId`, `scopes`, `subject`. Fix: Google Admin
    /// console › Security › API controls › Domain-wide delegation › add the client id and scopes.
    GoogleDelegationMissing => "google.delegation_missing",
    /// Google `invalid_scope`: a scope is not a valid Google scope. Params: `scopes`,
    /// `vendorMessage`.
    GoogleInvalidScope => "google.invalid_scope",
    /// Google `invalid_client`: the service account (client e-mail) is unknown, deleted or
    /// disabled. Params: `email`, `vendorMessage`.
    GoogleInvalidClient => "google.invalid_client",
    /// The imported private key is not a PKCS#8 RSA key (`-----BEGIN PRIVATE KEY-----`). Fix:
    /// import the JSON key file Google Cloud downloads, unchanged.
    GoogleKeyUnreadable => "google.key_unreadable",
    /// Any other refusal of Google's token endpoint. Params: `error`, `vendorMessage`.
    GoogleTokenRejected => "google.token_rejected",
}

/// Every code a Test can emit; the UI's catalogues must translate each `diagnosis.<code>`.
pub fn codes() -> &'static [Code] {
    Code::ALL
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Code::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown diagnosis code {text}")))
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_round_trips_through_its_text_and_is_unique() {
        let mut seen = std::collections::HashSet::new();
        for code in codes() {
            assert!(seen.insert(code.as_str()), "duplicate {code}");
            assert_eq!(Code::parse(code.as_str()), Some(*code));
        }
    }
}
