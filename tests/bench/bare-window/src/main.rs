//! A bare Tauri window showing one static page: the baseline for scripts/bench.
fn main() {
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .expect("bare window failed to start");
}
