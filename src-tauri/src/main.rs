//! Switchboard's desktop entry point.

// No console window behind the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    #[cfg(target_os = "linux")]
    avoid_blank_webkit_windows();
    switchboard_app::run();
}

/// WebKitGTK's DMA-BUF renderer leaves the window blank on many Linux GPUs and VMs (tauri#9304);
/// turning it off costs nothing visible. A value the user set wins.
#[cfg(target_os = "linux")]
#[allow(unsafe_code)]
fn avoid_blank_webkit_windows() {
    if std::env::var_os("WEBKIT_DISABLE_DMABUF_RENDERER").is_none() {
        // SAFETY: called first thing in main, before any other thread exists.
        unsafe { std::env::set_var("WEBKIT_DISABLE_DMABUF_RENDERER", "1") };
    }
}
