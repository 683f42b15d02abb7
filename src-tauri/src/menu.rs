//! The macOS menu bar. Without an Edit menu, ⌘C and ⌘V do nothing in a Tauri window on macOS
//! (tauri#2397), and this app is mostly copy and paste. Other platforms keep no menu bar: there,
//! the window's Help dialog offers the same "Restore a backup…".
//!
//! Help › Restore a backup… tells the window ([`RESTORE_BACKUP_EVENT`]), which opens its
//! restore dialog (the list and the restart are commands, like every other action).

use tauri::menu::{Menu, MenuBuilder, MenuItemBuilder, SubmenuBuilder};
use tauri::{AppHandle, Emitter, Runtime};

/// The menu item's id, and the event the window listens to.
pub const RESTORE_BACKUP_EVENT: &str = "menu-restore-backup";

pub fn install<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<()> {
    if cfg!(target_os = "macos") {
        app.set_menu(menu_bar(app)?)?;
        app.on_menu_event(|app, event| {
            if event.id().as_ref() == RESTORE_BACKUP_EVENT {
                let _ = app.emit(RESTORE_BACKUP_EVENT, ());
            }
        });
    }
    Ok(())
}

/// Built on every platform so it is compiled (and checked) everywhere, installed on macOS only.
fn menu_bar<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    let app_menu = SubmenuBuilder::new(app, "Switchboard")
        .about(None)
        .separator()
        .hide()
        .hide_others()
        .show_all()
        .separator()
        .quit()
        .build()?;
    let edit = SubmenuBuilder::new(app, "Edit")
        .undo()
        .redo()
        .separator()
        .cut()
        .copy()
        .paste()
        .select_all()
        .build()?;
    let window = SubmenuBuilder::new(app, "Window")
        .minimize()
        .close_window()
        .build()?;
    let restore = MenuItemBuilder::with_id(RESTORE_BACKUP_EVENT, "Restore a Backup…").build(app)?;
    let help = SubmenuBuilder::new(app, "Help").item(&restore).build()?;
    MenuBuilder::new(app)
        .items(&[&app_menu, &edit, &window, &help])
        .build()
}
