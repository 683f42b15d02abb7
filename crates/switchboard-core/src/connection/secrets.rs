//! A connection's secrets: which ones each vendor has, and the values read from the keychain
//! just before a Test. Nothing here is ever serialized.

use std::collections::BTreeMap;
use std::fmt;

use crate::secrets::Sensitive;

/// The secrets of one connection, read from the keychain just before a Test. Keyed by
/// [`SecretField::id`]; `Debug` shows only which are present.
#[derive(Clone, Default)]
pub struct ConnectionSecrets {
    values: BTreeMap<String, Sensitive>,
}

impl ConnectionSecrets {
    pub fn with(mut self, field: &str, value: Sensitive) -> Self {
        self.values.insert(field.to_owned(), value);
        self
    }

    pub fn insert(&mut self, field: &str, value: Sensitive) {
        self.values.insert(field.to_owned(), value);
    }

    pub fn get(&self, field: &str) -> Option<&Sensitive> {
        self.values.get(field).filter(|v| !v.expose().is_empty())
    }

    pub(crate) fn values(&self) -> impl Iterator<Item = &Sensitive> {
        self.values.values()
    }
}

impl fmt::Debug for ConnectionSecrets {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.values.keys()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_debug_names_fields_never_values() {
        let secrets = ConnectionSecrets::default().with("password", Sensitive::new("hunter2-pw"));
        let printed = format!("{secrets:?}");
        assert!(printed.contains("password") && !printed.contains("hunter2"));
    }
}
