//! The SOQL subset the wizard sends: `SELECT fields FROM Object [WHERE cond [AND cond]...]
//! [ORDER BY field [ASC|DESC]] [LIMIT n]`, conditions `=`, `!=`, `<>`, `LIKE`, `IN (...)` on
//! strings, booleans, numbers and `null`; fields may name the `Profile.` relationship on `User`.

use serde_json::Value;

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Literal {
    Text(String),
    Bool(bool),
    Number(f64),
    Null,
}

impl Literal {
    fn matches(&self, value: &Value) -> bool {
        match (self, value) {
            (Self::Null, Value::Null) => true,
            (Self::Text(t), Value::String(s)) => t.eq_ignore_ascii_case(s),
            (Self::Bool(b), Value::Bool(v)) => b == v,
            (Self::Number(n), Value::Number(v)) => v.as_f64() == Some(*n),
            _ => false,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Condition {
    Equals(String, Literal),
    NotEquals(String, Literal),
    Like(String, String),
    In(String, Vec<Literal>),
}

impl Condition {
    pub(crate) fn field(&self) -> &str {
        match self {
            Self::Equals(f, _) | Self::NotEquals(f, _) | Self::Like(f, _) | Self::In(f, _) => f,
        }
    }

    pub(crate) fn holds(&self, value: &Value) -> bool {
        match self {
            Self::Equals(_, l) => l.matches(value),
            Self::NotEquals(_, l) => !l.matches(value),
            Self::In(_, list) => list.iter().any(|l| l.matches(value)),
            Self::Like(_, pattern) => value.as_str().is_some_and(|s| like(s, pattern)),
        }
    }
}

/// SOQL `LIKE`: `%` any run, `_` one character, case-insensitive.
fn like(text: &str, pattern: &str) -> bool {
    let text: Vec<char> = text.to_lowercase().chars().collect();
    let pattern: Vec<char> = pattern.to_lowercase().chars().collect();
    fn go(t: &[char], p: &[char]) -> bool {
        match p.split_first() {
            None => t.is_empty(),
            Some(('%', rest)) => (0..=t.len()).any(|i| go(&t[i..], rest)),
            Some(('_', rest)) => !t.is_empty() && go(&t[1..], rest),
            Some((c, rest)) => t.first() == Some(c) && go(&t[1..], rest),
        }
    }
    go(&text, &pattern)
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Query {
    pub fields: Vec<String>,
    pub object: String,
    pub conditions: Vec<Condition>,
    pub order_by: Option<(String, bool)>,
    pub limit: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Word(String),
    Text(String),
    Symbol(String),
}

fn tokenize(soql: &str) -> Result<Vec<Token>, String> {
    let chars: Vec<char> = soql.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c == '\'' {
            let mut text = String::new();
            i += 1;
            loop {
                match chars.get(i) {
                    None => return Err("unterminated string literal".to_owned()),
                    Some('\\') => {
                        text.extend(chars.get(i + 1));
                        i += 2;
                    }
                    Some('\'') => {
                        i += 1;
                        break;
                    }
                    Some(other) => {
                        text.push(*other);
                        i += 1;
                    }
                }
            }
            tokens.push(Token::Text(text));
        } else if c.is_alphanumeric() || c == '_' || c == '.' || c == '-' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || "_.-".contains(chars[i])) {
                i += 1;
            }
            tokens.push(Token::Word(chars[start..i].iter().collect()));
        } else {
            let two: String = chars[i..(i + 2).min(chars.len())].iter().collect();
            let symbol = if ["!=", "<>", "<=", ">="].contains(&two.as_str()) {
                two
            } else {
                c.to_string()
            };
            i += symbol.chars().count();
            tokens.push(Token::Symbol(symbol));
        }
    }
    Ok(tokens)
}

struct Parser {
    tokens: Vec<Token>,
    at: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at)
    }

    fn next(&mut self) -> Option<Token> {
        let token = self.tokens.get(self.at).cloned();
        self.at += 1;
        token
    }

    fn keyword(&mut self, word: &str) -> bool {
        if matches!(self.peek(), Some(Token::Word(w)) if w.eq_ignore_ascii_case(word)) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn expect_keyword(&mut self, word: &str) -> Result<(), String> {
        if self.keyword(word) {
            Ok(())
        } else {
            Err(self.unexpected())
        }
    }

    fn unexpected(&self) -> String {
        match self.peek() {
            Some(Token::Word(w) | Token::Symbol(w)) => format!("unexpected token: '{w}'"),
            Some(Token::Text(t)) => format!("unexpected token: ''{t}''"),
            None => "unexpected token: '<EOF>'".to_owned(),
        }
    }

    fn word(&mut self) -> Result<String, String> {
        match self.peek() {
            Some(Token::Word(w)) => {
                let w = w.clone();
                self.at += 1;
                Ok(w)
            }
            _ => Err(self.unexpected()),
        }
    }

    fn symbol(&mut self, symbol: &str) -> bool {
        if matches!(self.peek(), Some(Token::Symbol(s)) if s == symbol) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn literal(&mut self) -> Result<Literal, String> {
        match self.next() {
            Some(Token::Text(t)) => Ok(Literal::Text(t)),
            Some(Token::Word(w)) if w.eq_ignore_ascii_case("true") => Ok(Literal::Bool(true)),
            Some(Token::Word(w)) if w.eq_ignore_ascii_case("false") => Ok(Literal::Bool(false)),
            Some(Token::Word(w)) if w.eq_ignore_ascii_case("null") => Ok(Literal::Null),
            Some(Token::Word(w)) => w
                .parse::<f64>()
                .map(Literal::Number)
                .map_err(|_| format!("unexpected token: '{w}'")),
            _ => {
                self.at -= 1;
                Err(self.unexpected())
            }
        }
    }

    fn condition(&mut self) -> Result<Condition, String> {
        let field = self.word()?;
        if self.symbol("=") {
            return Ok(Condition::Equals(field, self.literal()?));
        }
        if self.symbol("!=") || self.symbol("<>") {
            return Ok(Condition::NotEquals(field, self.literal()?));
        }
        if self.keyword("LIKE") {
            return match self.literal()? {
                Literal::Text(pattern) => Ok(Condition::Like(field, pattern)),
                _ => Err("LIKE needs a string literal".to_owned()),
            };
        }
        if self.keyword("IN") {
            if !self.symbol("(") {
                return Err(self.unexpected());
            }
            let mut list = vec![self.literal()?];
            while self.symbol(",") {
                list.push(self.literal()?);
            }
            return if self.symbol(")") {
                Ok(Condition::In(field, list))
            } else {
                Err(self.unexpected())
            };
        }
        Err(self.unexpected())
    }
}

/// Parses the supported subset; the error text is what goes into `MALFORMED_QUERY`.
pub(crate) fn parse(soql: &str) -> Result<Query, String> {
    let mut p = Parser {
        tokens: tokenize(soql)?,
        at: 0,
    };
    p.expect_keyword("SELECT")?;
    let mut fields = vec![p.word()?];
    while p.symbol(",") {
        fields.push(p.word()?);
    }
    p.expect_keyword("FROM")?;
    let object = p.word()?;
    let mut conditions = Vec::new();
    if p.keyword("WHERE") {
        conditions.push(p.condition()?);
        while p.keyword("AND") {
            conditions.push(p.condition()?);
        }
    }
    let mut order_by = None;
    if p.keyword("ORDER") {
        p.expect_keyword("BY")?;
        let field = p.word()?;
        let descending = p.keyword("DESC");
        if !descending {
            p.keyword("ASC");
        }
        order_by = Some((field, descending));
    }
    let mut limit = None;
    if p.keyword("LIMIT") {
        let raw = p.word()?;
        limit = Some(
            raw.parse::<usize>()
                .map_err(|_| format!("unexpected token: '{raw}'"))?,
        );
    }
    if p.peek().is_some() {
        return Err(p.unexpected());
    }
    Ok(Query {
        fields,
        object,
        conditions,
        order_by,
        limit,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_presence_status_query() {
        let q = parse("SELECT Id, DeveloperName, MasterLabel FROM ServicePresenceStatus")
            .expect("parses");
        assert_eq!(q.fields, ["Id", "DeveloperName", "MasterLabel"]);
        assert_eq!(q.object, "ServicePresenceStatus");
    }

    #[test]
    fn parses_conditions_order_and_limit() {
        let q = parse(
            "select Id, Profile.Name from User where IsActive = true and Email like '%@x.example' \
             and LanguageLocaleKey in ('fr', 'ja') order by Name desc limit 10",
        )
        .expect("parses");
        assert_eq!(q.conditions.len(), 3);
        assert_eq!(q.order_by, Some(("Name".to_owned(), true)));
        assert_eq!(q.limit, Some(10));
    }

    #[test]
    fn reports_the_unexpected_token() {
        assert_eq!(
            parse("SELECT FROM User").unwrap_err(),
            "unexpected token: 'User'"
        );
        assert_eq!(
            parse("SELECT Id User").unwrap_err(),
            "unexpected token: 'User'"
        );
    }

    #[test]
    fn like_matches_wildcards_case_insensitively() {
        assert!(like("Jeanne.Dupont@demo", "jeanne%"));
        assert!(like("abc", "a_c"));
        assert!(!like("abc", "a_"));
    }
}
