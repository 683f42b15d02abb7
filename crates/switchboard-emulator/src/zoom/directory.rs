//! The demo Zoom account: users built from the shared directory of people, with Zoom Phone lines
//! (extension, number, site) for those who have the licence, and lookups by id or email.

use std::collections::HashMap;

use serde_json::{Value, json};

use crate::clock::iso8601;
use crate::seed::{Locale, Person, PersonStatus, Rng};

#[derive(Debug, Clone)]
pub(crate) struct Site {
    pub id: String,
    pub name: &'static str,
}

#[derive(Debug, Clone)]
pub(crate) struct PhoneLine {
    pub phone_user_id: String,
    pub extension_id: String,
    /// Most lines have one; a few (common-area style) do not.
    pub extension_number: Option<u32>,
    pub number_id: String,
    /// The direct number as an admin typed it: E.164 for most, national format for some
    /// (`01 99 00 12 34`, `03-5550-1234`, `(212) 555-0101`), none for a few.
    pub number: Option<String>,
    pub site: usize,
}

#[derive(Debug, Clone)]
pub(crate) struct ZoomUser {
    pub id: String,
    pub person: Person,
    pub user_type: u8,
    pub role_id: &'static str,
    pub pmi: u64,
    pub phone: Option<PhoneLine>,
}

impl ZoomUser {
    pub(crate) fn status(&self) -> &'static str {
        match self.person.status {
            PersonStatus::Active => "active",
            PersonStatus::Inactive => "inactive",
            PersonStatus::Pending => "pending",
        }
    }

    /// An item of `GET /users`. Zoom leaves `id` out for pending users.
    pub(crate) fn list_item(&self) -> Value {
        let p = &self.person;
        let mut item = json!({
            "email": p.email,
            "first_name": p.first_name,
            "last_name": p.last_name,
            "display_name": p.display_name,
            "type": self.user_type,
            "pmi": self.pmi,
            "timezone": p.locale.timezone(),
            "verified": i32::from(p.status != PersonStatus::Pending),
            "dept": p.department,
            "created_at": iso8601(p.created_unix),
            "user_created_at": iso8601(p.created_unix),
            "status": self.status(),
            "role_id": self.role_id,
            "group_ids": [],
            "im_group_ids": [],
        });
        if p.status != PersonStatus::Pending {
            item["id"] = json!(self.id);
            item["last_login_time"] = json!(iso8601(p.last_login_unix));
            item["last_client_version"] = json!("6.2.11.56410(win)");
        }
        item
    }

    /// `GET /users/{userId}`: the list item plus profile fields and phone numbers.
    pub(crate) fn profile(&self, account_id: &str, account_number: u64) -> Value {
        let p = &self.person;
        let mut user = self.list_item();
        user["id"] = json!(self.id);
        let extra = json!({
            "account_id": account_id,
            "account_number": account_number,
            "company": "Switchboard Demo",
            "job_title": p.job_title,
            "language": p.locale.language(),
            "location": p.locale.site(),
            "login_types": [100],
            "personal_meeting_url": format!("https://switchboard-demo.zoom.us/j/{}", self.pmi),
            "phone_numbers": [{
                "code": p.locale.dialling_code(),
                "country": p.locale.country(),
                "label": "Office",
                "number": p.phone_national,
                "verified": true,
            }],
            "role_name": role_name(self.role_id),
            "use_pmi": false,
            "cluster": "us06",
        });
        if let (Value::Object(user), Value::Object(extra)) = (&mut user, extra) {
            user.extend(extra);
        }
        user
    }
}

/// The number as people write it at home: `01 99 00 12 34` (FR), `03-5550-1234` (JP),
/// `(212) 555-0101` (US), `020 7946 0123` (UK).
pub(crate) fn national_format(person: &Person) -> String {
    let n = &person.phone_national;
    let cut = |at: &[usize]| {
        let mut parts = Vec::new();
        let mut start = 0;
        for &end in at.iter().chain(std::iter::once(&n.len())) {
            parts.push(&n[start.min(n.len())..end.min(n.len())]);
            start = end;
        }
        parts
    };
    match person.locale {
        Locale::French => format!("0{}", cut(&[1, 3, 5, 7]).join(" ")),
        Locale::Japanese => format!("0{}", cut(&[1, 5]).join("-")),
        Locale::EnglishUs => {
            let p = cut(&[3, 6]);
            format!("({}) {}-{}", p[0], p[1], p[2])
        }
        Locale::EnglishUk => format!("0{}", cut(&[2, 6]).join(" ")),
    }
}

fn role_name(role_id: &str) -> &'static str {
    match role_id {
        "0" => "Owner",
        "1" => "Admin",
        _ => "Member",
    }
}

/// The account: users in creation order plus indexes.
#[derive(Debug)]
pub(crate) struct Directory {
    pub users: Vec<ZoomUser>,
    pub sites: Vec<Site>,
    pub account_number: u64,
    /// Indexes of the users on Zoom Phone, in listing order.
    pub phone_lines: Vec<usize>,
    by_id: HashMap<String, usize>,
    by_email: HashMap<String, usize>,
    by_phone_user_id: HashMap<String, usize>,
}

impl Directory {
    pub(crate) fn seeded(rng: &Rng, people: &[Person]) -> Self {
        let mut rng = rng.derive("zoom");
        let sites: Vec<Site> = Locale::ALL
            .iter()
            .map(|locale| Site {
                id: rng.alnum(22),
                name: locale.site(),
            })
            .collect();
        // Its own stream: how numbers are written does not reshuffle the ids drawn below.
        let mut forms = rng.derive("phone-forms");
        let users: Vec<ZoomUser> = people
            .iter()
            .enumerate()
            .map(|(i, person)| ZoomUser {
                id: rng.alnum(22),
                person: person.clone(),
                // Pending invitations and a few basic users have no licence.
                user_type: if person.status == PersonStatus::Pending || rng.chance(10) {
                    1
                } else {
                    2
                },
                role_id: match i {
                    0 => "0",
                    1..=3 => "1",
                    _ => "2",
                },
                pmi: 2_000_000_000 + rng.below(7_999_999_999),
                phone: person.has_phone.then(|| PhoneLine {
                    phone_user_id: rng.alnum(22),
                    extension_id: rng.alnum(22),
                    extension_number: forms.chance(93).then_some(person.extension),
                    number_id: rng.alnum(22),
                    number: match forms.below(100) {
                        0..8 => None,
                        8..28 => Some(national_format(person)),
                        _ => Some(person.phone_e164()),
                    },
                    site: Locale::ALL
                        .iter()
                        .position(|l| *l == person.locale)
                        .unwrap_or(0),
                }),
            })
            .collect();
        let index = |key: fn(&ZoomUser) -> Option<String>| {
            users
                .iter()
                .enumerate()
                .filter_map(|(i, u)| key(u).map(|k| (k, i)))
                .collect::<HashMap<_, _>>()
        };
        Self {
            by_id: index(|u| Some(u.id.clone())),
            by_email: index(|u| Some(u.person.email.to_lowercase())),
            by_phone_user_id: index(|u| u.phone.as_ref().map(|p| p.phone_user_id.clone())),
            account_number: 10_000_000 + rng.below(89_999_999),
            phone_lines: users
                .iter()
                .enumerate()
                .filter(|(_, u)| u.phone.is_some())
                .map(|(i, _)| i)
                .collect(),
            users,
            sites,
        }
    }

    /// A user by id or email, as `GET /users/{userId}` accepts either.
    pub(crate) fn find(&self, id_or_email: &str) -> Option<&ZoomUser> {
        self.by_id
            .get(id_or_email)
            .or_else(|| self.by_email.get(&id_or_email.to_lowercase()))
            .map(|&i| &self.users[i])
    }

    /// The user at `index` and their phone line, if they have one.
    pub(crate) fn line(&self, index: usize) -> Option<(&ZoomUser, &PhoneLine)> {
        let user = self.users.get(index)?;
        Some((user, user.phone.as_ref()?))
    }

    /// A phone user by user id, email or phone user id.
    pub(crate) fn find_phone_user(&self, key: &str) -> Option<&ZoomUser> {
        self.find(key)
            .or_else(|| self.by_phone_user_id.get(key).map(|&i| &self.users[i]))
            .filter(|u| u.phone.is_some())
    }
}
