//! Names made from what the admin typed: the Developer Name Salesforce would suggest for a
//! presence status label, and the file-name slug of an exported rule. Both fold accents to
//! ASCII (Salesforce and file systems differ on the rest), so "Pause café" gives `Pause_cafe`.

/// The Developer Name Salesforce fills in from a status label: spaces become underscores,
/// accented letters lose their accents, any other character is dropped; underscores never
/// double, lead or trail, and a leading digit gets an `X` before it. Empty when nothing is
/// left (a label in Japanese): the admin types one.
pub fn suggest_developer_name(label: &str) -> String {
    let mut name = String::new();
    for c in fold_accents(label).chars() {
        let c = if c.is_whitespace() { '_' } else { c };
        let keep = c.is_ascii_alphanumeric() || c == '_';
        if keep && !(c == '_' && (name.is_empty() || name.ends_with('_'))) {
            name.push(c);
        }
    }
    let name = name.trim_end_matches('_');
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("X{name}")
    } else {
        name.to_owned()
    }
}

/// A lower-case ASCII slug of `text` for a file name (`support-agents`), at most `max` bytes;
/// empty when nothing is left.
pub(crate) fn file_slug(text: &str, max: usize) -> String {
    let mut slug = String::new();
    for c in fold_accents(text).chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.len() >= max {
            break;
        }
    }
    slug.trim_end_matches('-').to_owned()
}

/// `text` with the accented Latin letters of French (and their neighbours) replaced by plain
/// ones; every other character is kept as it is.
pub(crate) fn fold_accents(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match fold(c) {
            Some(plain) => out.push_str(plain),
            None => out.push(c),
        }
    }
    out
}

fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => "a",
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' => "A",
        'æ' => "ae",
        'Æ' => "AE",
        'ç' | 'ć' | 'č' => "c",
        'Ç' | 'Ć' | 'Č' => "C",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => "e",
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ę' | 'Ě' => "E",
        'ì' | 'í' | 'î' | 'ï' | 'ī' => "i",
        'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' => "I",
        'ñ' | 'ń' | 'ň' => "n",
        'Ñ' | 'Ń' | 'Ň' => "N",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => "o",
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' => "O",
        'œ' => "oe",
        'Œ' => "OE",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' => "u",
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' => "U",
        'ý' | 'ÿ' => "y",
        'Ý' | 'Ÿ' => "Y",
        'ß' => "ss",
        'š' | 'ś' => "s",
        'Š' | 'Ś' => "S",
        'ž' | 'ź' | 'ż' => "z",
        'Ž' | 'Ź' | 'Ż' => "Z",
        'ł' => "l",
        'Ł' => "L",
        'ř' => "r",
        'Ř' => "R",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn developer_names_follow_salesforces_suggestion() {
        assert_eq!(suggest_developer_name("On Break"), "On_Break");
        assert_eq!(suggest_developer_name("Pause café"), "Pause_cafe");
        assert_eq!(
            suggest_developer_name("Available - Voice"),
            "Available_Voice"
        );
        assert_eq!(suggest_developer_name("  Œuvre d'art! "), "OEuvre_dart");
        assert_eq!(suggest_developer_name("2nd line"), "X2nd_line");
        assert_eq!(suggest_developer_name("昼休み"), "");
        assert_eq!(suggest_developer_name("_Lunch_"), "Lunch");
    }

    #[test]
    fn file_slugs_are_lower_case_ascii_words() {
        assert_eq!(file_slug("Support agents (FR)", 40), "support-agents-fr");
        assert_eq!(file_slug("Équipe Tōkyō", 40), "equipe-tokyo");
        assert_eq!(file_slug("サポート", 40), "");
        assert!(file_slug(&"a b ".repeat(40), 12).len() <= 12);
    }
}
