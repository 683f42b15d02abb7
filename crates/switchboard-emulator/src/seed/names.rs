//! Name lists for the demo directory. Japanese names carry their romanisation, which Japanese
//! companies use for email addresses; French and English emails fold accents and apostrophes.

pub(crate) const FRENCH_FIRST: &[&str] = &[
    "Élodie",
    "Camille",
    "Léa",
    "Chloé",
    "Manon",
    "Inès",
    "Jeanne",
    "Margaux",
    "Céline",
    "Amélie",
    "Hélène",
    "Juliette",
    "Noémie",
    "Maëlle",
    "Louis",
    "Hugo",
    "Théo",
    "Étienne",
    "François",
    "Jérôme",
    "Mathieu",
    "Nicolas",
    "Sébastien",
    "Benoît",
    "Loïc",
    "Gaël",
    "Antoine",
    "Rémi",
    "Clément",
    "Aurélien",
];

pub(crate) const FRENCH_LAST: &[&str] = &[
    "Martin",
    "Bernard",
    "Dubois",
    "Thomas",
    "Robert",
    "Richard",
    "Petit",
    "Durand",
    "Leroy",
    "Moreau",
    "Simon",
    "Laurent",
    "Lefèvre",
    "Michel",
    "Garcia",
    "David",
    "Bertrand",
    "Roux",
    "Vincent",
    "Fournier",
    "Morel",
    "Girard",
    "André",
    "Mercier",
    "Dupont",
    "Lambert",
    "Bonnet",
    "Legrand",
    "Garnier",
    "Faure",
    "Rousseau",
    "Blanc",
    "Guérin",
    "Perrin",
    "Chevalier",
    "Gauthier",
];

/// (kanji, romaji)
pub(crate) const JAPANESE_FIRST: &[(&str, &str)] = &[
    ("翔太", "shota"),
    ("健", "ken"),
    ("大輔", "daisuke"),
    ("拓也", "takuya"),
    ("直樹", "naoki"),
    ("浩二", "koji"),
    ("誠", "makoto"),
    ("亮", "ryo"),
    ("悠斗", "yuto"),
    ("蓮", "ren"),
    ("陽菜", "hina"),
    ("結衣", "yui"),
    ("美咲", "misaki"),
    ("さくら", "sakura"),
    ("葵", "aoi"),
    ("真由美", "mayumi"),
    ("恵子", "keiko"),
    ("由美子", "yumiko"),
    ("彩", "aya"),
    ("奈々", "nana"),
    ("千尋", "chihiro"),
    ("優子", "yuko"),
    ("明美", "akemi"),
    ("智也", "tomoya"),
];

/// (kanji, romaji)
pub(crate) const JAPANESE_LAST: &[(&str, &str)] = &[
    ("佐藤", "sato"),
    ("鈴木", "suzuki"),
    ("高橋", "takahashi"),
    ("田中", "tanaka"),
    ("伊藤", "ito"),
    ("渡辺", "watanabe"),
    ("山本", "yamamoto"),
    ("中村", "nakamura"),
    ("小林", "kobayashi"),
    ("加藤", "kato"),
    ("吉田", "yoshida"),
    ("山田", "yamada"),
    ("佐々木", "sasaki"),
    ("山口", "yamaguchi"),
    ("松本", "matsumoto"),
    ("井上", "inoue"),
    ("木村", "kimura"),
    ("林", "hayashi"),
    ("斎藤", "saito"),
    ("清水", "shimizu"),
    ("山崎", "yamazaki"),
    ("森", "mori"),
    ("池田", "ikeda"),
    ("橋本", "hashimoto"),
    ("阿部", "abe"),
    ("石川", "ishikawa"),
    ("前田", "maeda"),
    ("藤田", "fujita"),
];

pub(crate) const ENGLISH_FIRST: &[&str] = &[
    "James",
    "Olivia",
    "Emma",
    "Liam",
    "Noah",
    "Ava",
    "Sophia",
    "Mason",
    "Isabella",
    "Ethan",
    "Mia",
    "Lucas",
    "Charlotte",
    "Amelia",
    "Harper",
    "Evelyn",
    "Benjamin",
    "Henry",
    "Alexander",
    "Grace",
    "Chloe",
    "Daniel",
    "Matthew",
    "Samuel",
    "Emily",
    "Jack",
    "Oliver",
    "Ruby",
    "George",
    "Megan",
];

pub(crate) const ENGLISH_LAST: &[&str] = &[
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson",
    "Taylor", "Moore", "Jackson", "White", "Harris", "Clark", "Lewis", "Walker", "Hall", "Young",
    "King", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson", "Hill", "Campbell", "O'Brien",
    "Murphy",
];

pub(crate) const DEPARTMENTS: &[&str] = &[
    "Customer Support",
    "Sales",
    "Billing",
    "Onboarding",
    "IT",
    "Quality",
];

pub(crate) const JOB_TITLES: &[&str] = &[
    "Support Agent",
    "Senior Support Agent",
    "Team Lead",
    "Sales Representative",
    "Contact Center Supervisor",
];

/// Lower-case ASCII for an email local part: accents folded, apostrophes and spaces dropped.
pub(crate) fn email_part(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        let folded = match c {
            'à' | 'â' | 'ä' | 'À' | 'Â' => "a",
            'ç' | 'Ç' => "c",
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' => "e",
            'î' | 'ï' | 'Î' => "i",
            'ô' | 'ö' | 'Ô' => "o",
            'ù' | 'û' | 'ü' | 'Û' => "u",
            'œ' => "oe",
            '\'' | ' ' | '-' => "",
            other if other.is_ascii_alphanumeric() => {
                out.push(other.to_ascii_lowercase());
                continue;
            }
            _ => "",
        };
        out.push_str(folded);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::email_part;

    #[test]
    fn email_part_folds_accents_and_apostrophes() {
        assert_eq!(email_part("Élodie"), "elodie");
        assert_eq!(email_part("Lefèvre"), "lefevre");
        assert_eq!(email_part("Maëlle"), "maelle");
        assert_eq!(email_part("O'Brien"), "obrien");
    }
}
