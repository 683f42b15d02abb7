//! A Google service account's key tested the way Genesys Cloud will use it: a JWT signed RS256
//! with the imported private key (header `kid` = the key id; claims `iss` the client e-mail,
//! `scope` the integration's scopes, `aud` the token endpoint, one hour long, `sub` the user
//! impersonated through domain-wide delegation), exchanged at Google's token endpoint with the
//! `jwt-bearer` grant. Google's documented refusals each get their own diagnosis. The private
//! key and the signed assertion never leave this module in any error, log or reply.

use std::time::{Duration, SystemTime};

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use ring::rand::SystemRandom;
use ring::signature::{RSA_PKCS1_SHA256, RsaKeyPair};
use serde_json::json;
use url::Url;

use crate::connection::{Code, Failure};
use crate::secrets::Sensitive;
use crate::vendors::http::{Http, Request};
use crate::vendors::oauth::{self, Refusal};

/// Google's token endpoint: the only place a real key is sent (the practice tenant has its own).
pub const GOOGLE_TOKEN: &str = "https://oauth2.googleapis.com/token";
/// The OAuth grant for a signed JWT (RFC 7523).
const JWT_BEARER: &str = "urn:ietf:params:oauth:grant-type:jwt-bearer";
/// Google accepts assertions of at most one hour.
const LIFETIME: Duration = Duration::from_secs(3600);

/// What the imported key file and the plan say about the service account.
pub struct ServiceAccount<'a> {
    pub client_email: &'a str,
    pub client_id: &'a str,
    pub private_key_id: &'a str,
    pub private_key: &'a Sensitive,
    pub scopes: Vec<&'a str>,
    /// The Workspace user to act as (domain-wide delegation), when the integration sets one.
    pub subject: Option<&'a str>,
}

/// Signs in as `account` at `token_url`: `Ok` once Google issues an access token.
pub async fn sign_in(
    http: &Http,
    token_url: &Url,
    account: &ServiceAccount<'_>,
) -> Result<(), Failure> {
    let assertion = assertion(account, token_url, http.clock().now())?;
    let request = Request::post_form(token_url.clone())
        .field("grant_type", JWT_BEARER)
        .secret_field("assertion", &assertion);
    let reply = http.send(&request).await?;
    match oauth::read(&reply) {
        Ok(_) => Ok(()),
        Err(refusal) if refusal.is_empty_grant() => Err(oauth::unexpected(&reply)),
        Err(refusal) => Err(diagnose(&refusal, account)),
    }
}

/// The signed JWT, `header.claims.signature` in base64url.
fn assertion(
    account: &ServiceAccount<'_>,
    audience: &Url,
    now: SystemTime,
) -> Result<Sensitive, Failure> {
    let key = key_pair(account.private_key)?;
    let iat = now
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_err(|_| Failure::new(Code::GoogleClockSkew))?
        .as_secs();
    let header = json!({ "alg": "RS256", "typ": "JWT", "kid": account.private_key_id });
    let mut claims = json!({
        "iss": account.client_email,
        "scope": account.scopes.join(" "),
        "aud": audience.as_str(),
        "iat": iat,
        "exp": iat + LIFETIME.as_secs(),
    });
    if let Some(subject) = account.subject {
        claims["sub"] = json!(subject);
    }
    let encode = |value: &serde_json::Value| URL_SAFE_NO_PAD.encode(value.to_string());
    let signed = format!("{}.{}", encode(&header), encode(&claims));
    let mut signature = vec![0; key.public().modulus_len()];
    key.sign(
        &RSA_PKCS1_SHA256,
        &SystemRandom::new(),
        signed.as_bytes(),
        &mut signature,
    )
    .map_err(|_| Failure::new(Code::GoogleKeyUnreadable))?;
    Ok(Sensitive::new(format!(
        "{signed}.{}",
        URL_SAFE_NO_PAD.encode(signature)
    )))
}

/// The RSA key of a PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`, as Google's key files hold it).
/// Any other form (PKCS#1 `RSA PRIVATE KEY`, an EC key, a damaged paste) is named as such,
/// without a word of the key.
fn key_pair(pem: &Sensitive) -> Result<RsaKeyPair, Failure> {
    const BEGIN: &str = "-----BEGIN PRIVATE KEY-----";
    const END: &str = "-----END PRIVATE KEY-----";
    let unreadable = || Failure::new(Code::GoogleKeyUnreadable);
    // A key pasted from the JSON file by hand may keep its `\n` escapes.
    let text = pem.expose().replace("\\n", "\n");
    let start = text.find(BEGIN).ok_or_else(unreadable)? + BEGIN.len();
    let end = text[start..].find(END).ok_or_else(unreadable)? + start;
    let body: String = text[start..end].split_whitespace().collect();
    let der = STANDARD.decode(body).map_err(|_| unreadable())?;
    RsaKeyPair::from_pkcs8(&der).map_err(|_| unreadable())
}

/// Google's documented refusals of a service-account assertion.
fn diagnose(refusal: &Refusal, account: &ServiceAccount<'_>) -> Failure {
    let text = refusal.text();
    let message = refusal.description.clone();
    match refusal.error.as_str() {
        "invalid_grant" if text.contains("invalid jwt signature") => {
            Failure::new(Code::GoogleKeyRevoked).with("keyId", account.private_key_id)
        }
        "invalid_grant"
            if text.contains("reasonable timeframe") || text.contains("iat and exp") =>
        {
            Failure::new(Code::GoogleClockSkew)
        }
        "unauthorized_client" => Failure::new(Code::GoogleDelegationMissing)
            .with("clientId", account.client_id)
            .with("scopes", account.scopes.join(", "))
            .with("subject", account.subject.unwrap_or(account.client_email)),
        "invalid_scope" => Failure::new(Code::GoogleInvalidScope)
            .with("scopes", account.scopes.join(", "))
            .with("vendorMessage", message),
        "invalid_client" => Failure::new(Code::GoogleInvalidClient)
            .with("email", account.client_email)
            .with("vendorMessage", message),
        _ => refusal.rejected(Code::GoogleTokenRejected),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account<'a>(key: &'a Sensitive) -> ServiceAccount<'a> {
        ServiceAccount {
            client_email: "bot@acme.iam.gserviceaccount.com",
            client_id: "117",
            private_key_id: "k1",
            private_key: key,
            scopes: vec!["https://www.googleapis.com/auth/spreadsheets"],
            subject: None,
        }
    }

    #[test]
    fn a_key_that_is_not_pkcs8_rsa_is_named_without_its_content() {
        for pem in [
            "-----BEGIN RSA PRIVATE KEY-----\nMIIEow==\n-----END RSA PRIVATE KEY-----\n",
            "-----BEGIN PRIVATE KEY-----\nnot base64 at all!\n-----END PRIVATE KEY-----\n",
            "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----\n",
            "",
        ] {
            let key = Sensitive::new(pem);
            let audience = Url::parse(GOOGLE_TOKEN).unwrap();
            let failure =
                assertion(&account(&key), &audience, SystemTime::now()).expect_err("refused");
            assert_eq!(failure.code, Code::GoogleKeyUnreadable);
            assert!(failure.params.is_empty(), "nothing of the key is repeated");
        }
    }

    #[test]
    fn googles_documented_refusals_get_their_own_diagnosis() {
        let key = Sensitive::new("unused");
        let account = account(&key);
        let refusal = |error: &str, description: &str| Refusal {
            status: 400,
            error: error.into(),
            description: description.into(),
            code: None,
        };
        let cases = [
            (
                refusal("invalid_grant", "Invalid JWT Signature."),
                Code::GoogleKeyRevoked,
            ),
            (
                refusal(
                    "invalid_grant",
                    "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.",
                ),
                Code::GoogleClockSkew,
            ),
            (
                refusal(
                    "unauthorized_client",
                    "Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.",
                ),
                Code::GoogleDelegationMissing,
            ),
            (
                refusal(
                    "invalid_scope",
                    "Invalid OAuth scope or ID token audience provided.",
                ),
                Code::GoogleInvalidScope,
            ),
            (
                refusal("invalid_client", "The OAuth client was not found."),
                Code::GoogleInvalidClient,
            ),
            (
                refusal("invalid_grant", "Invalid email or User ID"),
                Code::GoogleTokenRejected,
            ),
        ];
        for (refusal, code) in cases {
            assert_eq!(
                diagnose(&refusal, &account).code,
                code,
                "{}",
                refusal.description
            );
        }
    }
}
