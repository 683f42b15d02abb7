//! The report's own words in English, French and Japanese. Step and flow titles come from the
//! catalogue; vendor names are proper names. `{name}` marks where a value goes ([`fill`]).

use crate::locale::Locale;
use crate::storage::progress::StepStatus;

use super::{ObjectAction, ObjectKind, ReminderKind};

/// Every text of the report in one language; the three are checked complete by the compiler.
pub struct Texts {
    pub lang: &'static str,
    pub title: &'static str,
    /// The start of the report's default file name, before the customer and the date.
    pub file_stem: &'static str,
    pub profile: &'static str,
    pub generated: &'static str,
    pub practice_note: &'static str,
    pub no_secret_note: &'static str,
    pub connections: &'static str,
    pub vendor: &'static str,
    pub last_test: &'static str,
    pub result: &'static str,
    pub diagnosis: &'static str,
    pub passed: &'static str,
    pub failed: &'static str,
    pub never_tested: &'static str,
    pub no_connections: &'static str,
    pub flows: &'static str,
    pub steps_done: &'static str,
    pub step: &'static str,
    pub status: &'static str,
    pub why: &'static str,
    pub all_done: &'static str,
    pub not_needed: &'static str,
    pub not_started: &'static str,
    pub in_progress: &'static str,
    pub needs_attention: &'static str,
    pub done: &'static str,
    pub why_pending: &'static str,
    pub why_check: &'static str,
    pub why_required: &'static str,
    pub why_invalid: &'static str,
    pub why_apply: &'static str,
    pub objects: &'static str,
    pub what: &'static str,
    pub name: &'static str,
    pub vendor_id: &'static str,
    pub action: &'static str,
    pub date: &'static str,
    pub address_book: &'static str,
    pub presence_status: &'static str,
    pub integration: &'static str,
    pub check: &'static str,
    pub apply_run: &'static str,
    pub created: &'static str,
    pub verified: &'static str,
    pub entries: &'static str,
    pub no_objects: &'static str,
    pub reminders: &'static str,
    pub certificate: &'static str,
    pub security_token: &'static str,
    pub secret: &'static str,
    pub expires: &'static str,
    pub token_note: &'static str,
    pub rotation_note: &'static str,
    pub soon: &'static str,
    pub to_do: &'static str,
    /// Between reasons in one cell.
    pub separator: &'static str,
    pub no_reminders: &'static str,
    pub handover: &'static str,
    pub handed_to: &'static str,
    pub not_noted: &'static str,
    pub footer: &'static str,
    pub client_secret: &'static str,
    pub access_key_secret: &'static str,
    pub consumer_secret: &'static str,
    pub password: &'static str,
}

const EN: Texts = Texts {
    lang: "en",
    title: "Hand-over report",
    file_stem: "Switchboard report",
    profile: "Customer profile",
    generated: "Generated",
    practice_note: "Practice profile: every result below comes from the built-in practice tenant, not from the customer's accounts.",
    no_secret_note: "This report holds no secret value. Secrets stay in the system keychain of the computer that set them up.",
    connections: "Connections",
    vendor: "Vendor",
    last_test: "Last test",
    result: "Result",
    diagnosis: "Diagnosis",
    passed: "Passed",
    failed: "Failed",
    never_tested: "Never tested",
    no_connections: "No connection saved.",
    flows: "Progress of the flows",
    steps_done: "{done} of {total} steps done",
    step: "Step",
    status: "Status",
    why: "Why it is open",
    all_done: "Every step is done.",
    not_needed: "Not needed for this customer (marked by the admin): left out of the progress.",
    not_started: "Not started",
    in_progress: "In progress",
    needs_attention: "Needs attention",
    done: "Done",
    why_pending: "Waiting for: {step}",
    why_check: "Last check failed on {date}: {code}",
    why_required: "Value missing: {label}",
    why_invalid: "Value to correct: {label} ({error})",
    why_apply: "Last apply stopped: {code}",
    objects: "Created or verified through the APIs",
    what: "What",
    name: "Name",
    vendor_id: "ID",
    action: "Action",
    date: "Date",
    address_book: "Address book",
    presence_status: "Presence status",
    integration: "Integration",
    check: "Live check passed",
    apply_run: "Apply",
    created: "Created",
    verified: "Verified",
    entries: "{entries} entries, assigned to {assigned} teams or agents",
    no_objects: "Nothing created or verified through the APIs yet.",
    reminders: "Reminders: expiries and rotations",
    certificate: "Certificate",
    security_token: "Security token",
    secret: "Secret",
    expires: "Expires on {date}",
    token_note: "Saved on {date}. Changing this user's password resets the token: save the new one in Switchboard and wherever it is used.",
    rotation_note: "Saved on {date}. Rotate it under the customer's policy, in the vendor console first, then in Switchboard.",
    soon: "Soon",
    to_do: "When, and what to do",
    separator: "; ",
    no_reminders: "No secret or certificate recorded.",
    handover: "Hand-over",
    handed_to: "Handed over to",
    not_noted: "Not noted yet",
    footer: "Written by Switchboard from what it recorded. Times are in UTC.",
    client_secret: "Client secret",
    access_key_secret: "Access key secret",
    consumer_secret: "Consumer secret",
    password: "Password",
};

const FR: Texts = Texts {
    lang: "fr",
    title: "Rapport de transfert",
    file_stem: "Rapport Switchboard",
    profile: "Profil client",
    generated: "Établi le",
    practice_note: "Profil d'entraînement : tous les résultats ci-dessous viennent du locataire d'entraînement intégré, pas des comptes du client.",
    no_secret_note: "Ce rapport ne contient aucune valeur secrète. Les secrets restent dans le trousseau du système de l'ordinateur qui les a configurés.",
    connections: "Connexions",
    vendor: "Éditeur",
    last_test: "Dernier test",
    result: "Résultat",
    diagnosis: "Diagnostic",
    passed: "Réussi",
    failed: "Échoué",
    never_tested: "Jamais testée",
    no_connections: "Aucune connexion enregistrée.",
    flows: "Avancement des parcours",
    steps_done: "{done} étape(s) terminée(s) sur {total}",
    step: "Étape",
    status: "État",
    why: "Pourquoi elle reste ouverte",
    all_done: "Toutes les étapes sont terminées.",
    not_needed: "Pas nécessaire pour ce client (marquée par l'administrateur) : non comptée dans l'avancement.",
    not_started: "Non commencé",
    in_progress: "En cours",
    needs_attention: "À vérifier",
    done: "Terminé",
    why_pending: "En attente de : {step}",
    why_check: "Dernière vérification échouée le {date} : {code}",
    why_required: "Valeur manquante : {label}",
    why_invalid: "Valeur à corriger : {label} ({error})",
    why_apply: "Dernière application interrompue : {code}",
    objects: "Créé ou vérifié par les API",
    what: "Type",
    name: "Nom",
    vendor_id: "Identifiant",
    action: "Action",
    date: "Date",
    address_book: "Carnet d'adresses",
    presence_status: "Statut de présence",
    integration: "Intégration",
    check: "Vérification en direct réussie",
    apply_run: "Application",
    created: "Créé",
    verified: "Vérifié",
    entries: "{entries} entrée(s), attribué à {assigned} équipe(s) ou agent(s)",
    no_objects: "Rien n'a encore été créé ni vérifié par les API.",
    reminders: "Rappels : expirations et renouvellements",
    certificate: "Certificat",
    security_token: "Jeton de sécurité",
    secret: "Secret",
    expires: "Expire le {date}",
    token_note: "Enregistré le {date}. Changer le mot de passe de cet utilisateur réinitialise le jeton : enregistrez le nouveau dans Switchboard et partout où il sert.",
    rotation_note: "Enregistré le {date}. Renouvelez-le selon la politique du client, d'abord dans la console de l'éditeur, puis dans Switchboard.",
    soon: "Bientôt",
    to_do: "Quand, et que faire",
    separator: " ; ",
    no_reminders: "Aucun secret ni certificat enregistré.",
    handover: "Transfert",
    handed_to: "Remis à",
    not_noted: "Pas encore noté",
    footer: "Rédigé par Switchboard à partir de ce qu'il a enregistré. Heures en UTC.",
    client_secret: "Secret client",
    access_key_secret: "Secret de la clé d'accès",
    consumer_secret: "Secret du consommateur",
    password: "Mot de passe",
};

const JA: Texts = Texts {
    lang: "ja",
    title: "引き継ぎレポート",
    file_stem: "Switchboard レポート",
    profile: "顧客プロファイル",
    generated: "作成日時",
    practice_note: "練習用プロファイル：以下の結果はすべて内蔵の練習用テナントのもので、顧客のアカウントのものではありません。",
    no_secret_note: "このレポートにはシークレットの値は含まれていません。シークレットは設定したコンピューターのシステムキーチェーンにのみ保存されています。",
    connections: "接続",
    vendor: "ベンダー",
    last_test: "最終テスト",
    result: "結果",
    diagnosis: "診断",
    passed: "成功",
    failed: "失敗",
    never_tested: "未テスト",
    no_connections: "保存された接続はありません。",
    flows: "フローの進捗",
    steps_done: "{total} 手順中 {done} 手順完了",
    step: "手順",
    status: "状態",
    why: "未完了の理由",
    all_done: "すべての手順が完了しています。",
    not_needed: "このお客様には不要（管理者が設定）のため、進捗に含めていません。",
    not_started: "未着手",
    in_progress: "進行中",
    needs_attention: "要対応",
    done: "完了",
    why_pending: "待機中：{step}",
    why_check: "{date} の最終チェックが失敗：{code}",
    why_required: "未入力の値：{label}",
    why_invalid: "修正が必要な値：{label}（{error}）",
    why_apply: "前回の適用が停止：{code}",
    objects: "API で作成・確認したもの",
    what: "種類",
    name: "名前",
    vendor_id: "ID",
    action: "操作",
    date: "日付",
    address_book: "アドレス帳",
    presence_status: "プレゼンス状況",
    integration: "統合",
    check: "ライブチェック成功",
    apply_run: "適用",
    created: "作成",
    verified: "確認済み",
    entries: "{entries} 件のエントリ、{assigned} のチーム・エージェントに割り当て",
    no_objects: "API で作成・確認したものはまだありません。",
    reminders: "リマインダー：有効期限とローテーション",
    certificate: "証明書",
    security_token: "セキュリティトークン",
    secret: "シークレット",
    expires: "{date} に期限切れ",
    token_note: "{date} に保存。このユーザーのパスワードを変更するとトークンがリセットされます。新しいトークンを Switchboard と使用先すべてに保存してください。",
    rotation_note: "{date} に保存。顧客のポリシーに従い、まずベンダーのコンソールで、次に Switchboard でローテーションしてください。",
    soon: "間近",
    to_do: "時期と対応",
    separator: "／",
    no_reminders: "記録されたシークレットや証明書はありません。",
    handover: "引き継ぎ",
    handed_to: "引き継ぎ先",
    not_noted: "未記入",
    footer: "Switchboard が記録した内容から作成しました。時刻は UTC です。",
    client_secret: "クライアントシークレット",
    access_key_secret: "アクセスキーのシークレット",
    consumer_secret: "コンシューマーの秘密",
    password: "パスワード",
};

impl Texts {
    pub fn of(locale: Locale) -> &'static Texts {
        match locale {
            Locale::En => &EN,
            Locale::Fr => &FR,
            Locale::Ja => &JA,
        }
    }

    pub fn status(&self, status: StepStatus) -> &'static str {
        match status {
            StepStatus::NotStarted => self.not_started,
            StepStatus::InProgress => self.in_progress,
            StepStatus::NeedsAttention => self.needs_attention,
            StepStatus::Done => self.done,
        }
    }

    pub fn object_kind(&self, kind: ObjectKind) -> &'static str {
        match kind {
            ObjectKind::AddressBook => self.address_book,
            ObjectKind::PresenceStatus => self.presence_status,
            ObjectKind::Integration => self.integration,
            ObjectKind::Check => self.check,
            ObjectKind::ApplyRun => self.apply_run,
        }
    }

    pub fn object_action(&self, action: ObjectAction) -> &'static str {
        match action {
            ObjectAction::Created => self.created,
            ObjectAction::Verified => self.verified,
        }
    }

    pub fn reminder_kind(&self, kind: ReminderKind) -> &'static str {
        match kind {
            ReminderKind::CertificateExpiry => self.certificate,
            ReminderKind::SecurityToken => self.security_token,
            ReminderKind::SecretRotation => self.secret,
        }
    }

    /// The name of a connection's secret field (`client-secret`, …); `None` for other fields.
    pub fn connection_secret(&self, field: &str) -> Option<&'static str> {
        match field {
            "client-secret" => Some(self.client_secret),
            "access-key-secret" => Some(self.access_key_secret),
            "consumer-secret" => Some(self.consumer_secret),
            "password" => Some(self.password),
            "security-token" => Some(self.security_token),
            _ => None,
        }
    }
}

/// `template` with each `{name}` replaced by its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_and_japanese_are_translations_and_keep_every_placeholder() {
        let pairs = |t: &Texts| {
            [
                t.title,
                t.connections,
                t.flows,
                t.objects,
                t.reminders,
                t.handover,
                t.steps_done,
                t.why_check,
                t.entries,
                t.token_note,
            ]
        };
        for locale in [Locale::Fr, Locale::Ja] {
            for (en, other) in pairs(&EN).into_iter().zip(pairs(Texts::of(locale))) {
                assert_ne!(en, other, "{locale:?} translates {en}");
                for placeholder in ["{done}", "{total}", "{date}", "{code}", "{entries}"] {
                    assert_eq!(
                        en.contains(placeholder),
                        other.contains(placeholder),
                        "{other}"
                    );
                }
            }
        }
        assert_eq!(fill("{a} and {b}", &[("a", "1"), ("b", "2")]), "1 and 2");
    }

    /// Every text of one language, for the glossary check.
    fn every_text(t: &Texts) -> Vec<&'static str> {
        vec![
            t.lang,
            t.title,
            t.file_stem,
            t.profile,
            t.generated,
            t.practice_note,
            t.no_secret_note,
            t.connections,
            t.vendor,
            t.last_test,
            t.result,
            t.diagnosis,
            t.passed,
            t.failed,
            t.never_tested,
            t.no_connections,
            t.flows,
            t.steps_done,
            t.step,
            t.status,
            t.why,
            t.all_done,
            t.not_needed,
            t.not_started,
            t.in_progress,
            t.needs_attention,
            t.done,
            t.why_pending,
            t.why_check,
            t.why_required,
            t.why_invalid,
            t.why_apply,
            t.objects,
            t.what,
            t.name,
            t.vendor_id,
            t.action,
            t.date,
            t.address_book,
            t.presence_status,
            t.integration,
            t.check,
            t.apply_run,
            t.created,
            t.verified,
            t.entries,
            t.no_objects,
            t.reminders,
            t.certificate,
            t.security_token,
            t.secret,
            t.expires,
            t.token_note,
            t.rotation_note,
            t.soon,
            t.to_do,
            t.separator,
            t.no_reminders,
            t.handover,
            t.handed_to,
            t.not_noted,
            t.footer,
            t.client_secret,
            t.access_key_secret,
            t.consumer_secret,
            t.password,
        ]
    }

    #[test]
    fn french_and_japanese_words_follow_the_glossary() {
        for locale in [Locale::Fr, Locale::Ja] {
            for text in every_text(Texts::of(locale)) {
                let found = crate::glossary::offences(locale, text);
                assert!(found.is_empty(), "{locale:?} {text}: {found:?}");
            }
        }
    }
}
