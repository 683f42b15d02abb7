//! English for the codes the core's address book, directory and presence checks return. The
//! core only gives codes (the app translates them); the CLI is English-only, so its wording
//! lives here.

pub fn explain(code: &str) -> &'static str {
    match code {
        "phone.empty" => "no number",
        "phone.unparseable" => "not a phone number (letters or stray characters)",
        "phone.invalid" => "not a valid phone number for its country",
        "region.unknown" => "unknown region; use an ISO country code such as FR, JP or US",
        "entry.first_name_missing" => "first name missing",
        "entry.last_name_missing" => "last name missing",
        "entry.too_long" => "too long (50 characters at most; 100 for company and email)",
        "entry.email_invalid" => "not an email address",
        "entry.formula" => "starts like a spreadsheet formula (=, +, - or @)",
        "row.cell_count" => "the row does not have as many cells as the header",
        "row.duplicate" => "the same person as an earlier row",
        "import.not_utf8" => "the bytes do not match the file's encoding; save it as \"CSV UTF-8\"",
        "import.empty" => "the file has no header row",
        "import.missing_columns" => "the header has no column for a required field",
        "import.duplicate_column" => "two columns are for the same field",
        "import.malformed" => "the CSV reader could not go on",
        "rules.empty_match" => "the match is empty",
        "rules.bad_match_character" => {
            "the match may only hold digits, X, a leading + and a trailing *"
        }
        "rules.star_not_last" => "* may only end the match",
        "rules.strip_too_long" => "strips more characters than the match is long",
        "rules.bad_prefix" => "the prefix may only hold digits and a leading +",
        "rules.duplicate_set_name" => "another set has the same name",
        "rules.empty_set_name" => "the set has no name",
        "rules.unreachable" => "an earlier pattern always matches first; this one never applies",
        "presence.acd_unmapped" => "this ACD state has no row: Salesforce keeps its last status",
        "presence.salesforce_unmapped" => {
            "this Salesforce status has no row: CXone keeps the agent's state"
        }
        "presence.duplicate_source" => "mapped twice; CXone applies the first row",
        "presence.acd_state_missing" => "this ACD state no longer exists in CXone",
        "presence.salesforce_status_missing" => "this Salesforce status no longer exists",
        "presence.row_incomplete" => "the row is not filled in",
        "presence.loop" => "flip-flop loop: the agent's change never settles",
        "presence.never_kept" => {
            "the agent can never keep this state: the rule always moves them on"
        }
        "presence.override" => {
            "the agent's change settles on another state: Previous state sends them back"
        }
        "presence.rule_name_missing" => "the rule has no name",
        "presence.no_targets" => "the rule applies to no team and no user",
        "rule_file.not_json" => "the file is not JSON",
        "rule_file.wrong_format" => "not a Switchboard presence rule file",
        "rule_file.unsupported_version" => "a rule file version this Switchboard cannot read",
        "rule_file.invalid" => "the rule file is incomplete or has a wrong value",
        _ => "",
    }
}

/// `code: English` for display, or just the code when it has no wording yet.
pub fn with_code(code: &str) -> String {
    match explain(code) {
        "" => code.to_owned(),
        text => format!("{text} ({code})"),
    }
}
