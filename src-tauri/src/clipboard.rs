//! A secret put on the clipboard is marked as sensitive where the OS has a way to say so (kept
//! out of clipboard history, cloud clipboard and clipboard monitors), and comes off again after
//! [`SECRET_LIFETIME`], unless the admin has copied something else since (their own text is
//! never wiped).

use std::sync::{Mutex, OnceLock, PoisonError};
use std::time::Duration;

use switchboard_core::secrets::Sensitive;
use tauri::AppHandle;
use tauri_plugin_clipboard_manager::ClipboardExt;

use crate::ipc_error::{IpcError, IpcResult};

/// Long enough to paste into a vendor console, short enough not to linger.
pub const SECRET_LIFETIME: Duration = Duration::from_secs(60);

pub fn copy_secret(app: &AppHandle, value: Sensitive) -> IpcResult<()> {
    write_concealed(&value)?;
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

/// The app's own handle on the clipboard, kept for the app's lifetime: on X11 the app serves
/// what it copied, so the handle must outlive the copy.
fn clipboard() -> IpcResult<&'static Mutex<arboard::Clipboard>> {
    static CLIPBOARD: OnceLock<Mutex<arboard::Clipboard>> = OnceLock::new();
    if let Some(clipboard) = CLIPBOARD.get() {
        return Ok(clipboard);
    }
    let opened = arboard::Clipboard::new().map_err(IpcError::internal)?;
    Ok(CLIPBOARD.get_or_init(|| Mutex::new(opened)))
}

/// Writes `value` with each platform's "this is a password" marker: `ExcludeClipboardContent…`
/// formats on Windows, `org.nspasteboard.ConcealedType` on macOS, `x-kde-passwordManagerHint`
/// on Linux.
fn write_concealed(value: &Sensitive) -> IpcResult<()> {
    let mut clipboard = clipboard()?.lock().unwrap_or_else(PoisonError::into_inner);
    let set = clipboard.set();
    #[cfg(target_os = "linux")]
    let set = {
        use arboard::SetExtLinux;
        set.exclude_from_history()
    };
    #[cfg(target_os = "macos")]
    let set = {
        use arboard::SetExtApple;
        set.exclude_from_history()
    };
    #[cfg(windows)]
    let set = {
        use arboard::SetExtWindows;
        set.exclude_from_history()
            .exclude_from_cloud()
            .exclude_from_monitoring()
    };
    set.text(value.expose()).map_err(IpcError::internal)
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
