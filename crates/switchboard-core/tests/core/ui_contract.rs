//! The UI translates the diagnosis codes of the generated contract (each with a message in
//! EN/FR/JA, checked by vitest). This keeps that list equal to the core's, so a new code never
//! reaches the UI untranslated and a removed one never lingers.

use std::collections::BTreeSet;

use switchboard_core::connection::codes;

const UI_CODES: &str = include_str!("../../../../ui/src/lib/contract.ts");

fn ui_codes() -> BTreeSet<String> {
    let start = UI_CODES
        .find("DIAGNOSIS_CODES = [")
        .expect("connections.ts lists DIAGNOSIS_CODES");
    let list = &UI_CODES[start..];
    let list = &list[..list.find(']').expect("the list ends")];
    list.split('\'')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_ui_translates_exactly_the_cores_diagnosis_codes() {
    let core: BTreeSet<String> = codes().iter().map(|c| c.as_str().to_owned()).collect();
    let ui = ui_codes();
    let missing: Vec<_> = core.difference(&ui).collect();
    let stale: Vec<_> = ui.difference(&core).collect();
    assert!(
        missing.is_empty(),
        "codes the UI does not translate: {missing:?}"
    );
    assert!(stale.is_empty(), "codes the core no longer has: {stale:?}");
}
