//! A secret put on the clipboard comes off again after [`SECRET_LIFETIME`], unless the admin
//! has copied something else since (their own text is never wiped).

use std::time::Duration;

use switchboard_core::secrets::Sensitive;
use tauri::AppHandle;
use tauri_plugin_clipboard_manager::ClipboardExt;

use crate::ipc_error::{IpcError, IpcResult};

/// Long enough to paste into a vendor console, short enough not to linger.
pub const SECRET_LIFETIME: Duration = Duration::from_secs(60);

pub fn copy_secret(app: &AppHandle, value: Sensitive) -> IpcResult<()> {
    app.clipboard()
        .write_text(value.expose())
        .map_err(IpcError::internal)?;
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(SECRET_LIFETIME).await;
        let current = app.clipboard().read_text().ok();
        if still_ours(current.as_deref(), &value) {
            let _ = app.clipboard().clear();
        }
    });
    Ok(())
}

/// Whether the clipboard still holds the secret we put there.
fn still_ours(current: Option<&str>, copied: &Sensitive) -> bool {
    current == Some(copied.expose())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_secret_we_copied_is_cleared() {
        let secret = Sensitive::new("s3cret-value");
        assert!(still_ours(Some("s3cret-value"), &secret));
        assert!(!still_ours(
            Some("something the admin copied since"),
            &secret
        ));
        assert!(!still_ours(None, &secret));
    }
}
