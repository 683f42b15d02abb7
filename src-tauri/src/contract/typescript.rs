//! Writes `contract.ts`: the TypeScript of every type the commands reach (through ts-rs), the
//! lists the UI iterates, and `Commands`: each command's arguments and reply, which types the
//! UI's one `call`. Built only by the tests.

use std::collections::BTreeMap;

use ts_rs::{Config, TS, TypeVisitor};

/// How the contract names Rust types in TypeScript: ids and counts are plain numbers.
fn config() -> Config {
    Config::new().with_large_int("number")
}

/// One command as the window calls it.
pub struct Signature {
    name: &'static str,
    doc: Vec<&'static str>,
    args: Vec<(&'static str, String, bool)>,
    reply: String,
    types: Vec<fn(&mut Declarations)>,
}

impl Signature {
    pub fn new(name: &'static str, doc: &[&'static str]) -> Self {
        Signature {
            name,
            doc: doc.iter().map(|line| line.trim()).collect(),
            args: Vec::new(),
            reply: String::new(),
            types: Vec::new(),
        }
    }

    pub fn arg<T: TS + 'static>(mut self, name: &'static str) -> Self {
        self.args.push((name, T::name(&config()), T::IS_OPTION));
        self.types.push(Declarations::visit_type::<T>);
        self
    }

    pub fn returns<T: TS + 'static>(mut self) -> Self {
        self.reply = T::name(&config());
        self.types.push(Declarations::visit_type::<T>);
        self
    }
}

/// Every type the commands reach, declared once, sorted by name so the file is stable.
#[derive(Default)]
pub struct Declarations {
    cfg: Config,
    found: BTreeMap<String, String>,
    /// Every Rust type already walked (`Vec<T>` and `Option<T>` too): recursive types such as
    /// JSON values would otherwise be walked forever.
    walked: std::collections::HashSet<&'static str>,
}

impl Declarations {
    fn visit_type<T: TS + 'static + ?Sized>(&mut self) {
        TypeVisitor::visit::<T>(self);
    }
}

impl TypeVisitor for Declarations {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        if !self.walked.insert(std::any::type_name::<T>()) {
            return;
        }
        // Types with a declaration of their own (ours, and ts-rs's JsonValue); built-ins such
        // as `Vec` or `Option` only lead on to what they hold.
        if T::output_path().is_some() {
            let ident = T::ident(&self.cfg);
            let docs = compact_docs(&T::docs().unwrap_or_default());
            let decl = compact_docs(&T::decl(&self.cfg));
            self.found.insert(ident, format!("{docs}export {decl}"));
        }
        T::visit_dependencies(self);
        T::visit_generics(self);
    }
}

/// ts-rs writes every doc comment over three lines; a one-line doc is kept on one.
fn compact_docs(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let one_line = lines[i].trim() == "/**"
            && lines
                .get(i + 1)
                .is_some_and(|l| l.trim_start().starts_with("* "))
            && lines.get(i + 2).is_some_and(|l| l.trim() == "*/");
        if one_line {
            let text = lines[i + 1].trim_start().trim_start_matches("* ");
            out.push(format!("/** {text} */"));
            i += 3;
        } else {
            out.push(lines[i].to_owned());
            i += 1;
        }
    }
    out.join("\n")
}

/// The whole `contract.ts`: the types, the lists the UI iterates, then `Commands`, each
/// command's arguments (as Tauri names them) and reply, which types the UI's one `call`.
pub fn typescript(
    signatures: &[Signature],
    lists: &[(&str, &str, Vec<String>)],
    data: &[(&str, serde_json::Value)],
) -> (String, Vec<String>) {
    let mut declarations = Declarations {
        cfg: config(),
        ..Default::default()
    };
    for signature in signatures {
        for visit in &signature.types {
            visit(&mut declarations);
        }
    }
    let mut out = String::from(
        "// Purpose: the core↔window contract, GENERATED from the Rust types and commands by\n\
         // `SWITCHBOARD_WRITE_CONTRACT=1 cargo test -p switchboard contract`; do not edit by hand.\n\n",
    );
    for declaration in declarations.found.values() {
        out.push_str(declaration.trim_end_matches(';'));
        out.push_str(";\n\n");
    }
    for (name, ty, values) in lists {
        let quoted: Vec<String> = values.iter().map(|v| format!("'{v}'")).collect();
        // `=Alias`: a list the Rust side keeps as text; its type is declared from the list.
        if let Some(alias) = ty.strip_prefix('=') {
            out.push_str(&format!(
                "/** Every `{alias}`, in the core's order. */\nexport const {name} = [{}] as const;\nexport type {alias} = (typeof {name})[number];\n\n",
                quoted.join(", ")
            ));
            continue;
        }
        out.push_str(&format!(
            "/** Every `{ty}`, in the core's order. */\nexport const {name} = [{}] as const satisfies readonly {ty}[];\n\n",
            quoted.join(", ")
        ));
    }
    for (name, value) in data {
        out.push_str(&format!("export const {name} = {value} as const;\n\n"));
    }
    out.push_str("/** Every command the window may invoke: its arguments and its reply. */\nexport type Commands = {\n");
    for signature in signatures {
        out.push_str(&entry(signature));
    }
    out.push_str("};\n");
    (out, declarations.found.into_keys().collect())
}

fn entry(signature: &Signature) -> String {
    let args = params(signature);
    format!(
        "{}  {}: {{ args: {{ {} }}; reply: {} }};\n",
        doc(signature, "  "),
        signature.name,
        args.join("; "),
        signature.reply,
    )
}

/// The whole `commands.ts`: one wrapper per command, its arguments in the Rust order, through
/// the one `call` of `ipc.ts` (which turns every rejection into an `IpcError`).
pub fn commands(signatures: &[Signature], declared: &[String]) -> String {
    let mut used: Vec<&String> = declared
        .iter()
        // Replies are typed by `Commands` through `call`: only argument types are named here.
        .filter(|name| {
            signatures
                .iter()
                .any(|s| s.args.iter().any(|(_, ty, _)| mentions(ty, name)))
        })
        .collect();
    used.sort();
    let names: Vec<&str> = used.iter().map(|n| n.as_str()).collect();
    let mut out = String::from(
        "// Purpose: one wrapper per command of the core↔window contract, GENERATED with contract.ts by\n\
         // `SWITCHBOARD_WRITE_CONTRACT=1 cargo test -p switchboard contract`; do not edit by hand.\n",
    );
    out.push_str("import { call } from './ipc';\n");
    out.push_str(&format!(
        "import type {{ {} }} from './contract';\n\n",
        names.join(", ")
    ));
    for signature in signatures {
        let names: Vec<String> = signature.args.iter().map(|(n, ..)| camel(n)).collect();
        let args = if names.is_empty() {
            String::new()
        } else {
            format!(", {{ {} }}", names.join(", "))
        };
        out.push_str(&format!(
            "{}export const {} = ({}) => call('{}'{args});\n",
            doc(signature, ""),
            camel(signature.name),
            params(signature).join(", "),
            signature.name,
        ));
    }
    out
}

/// `name: Type` per argument (`name?: Type` for an `Option`), camelCase as Tauri expects.
fn params(signature: &Signature) -> Vec<String> {
    signature
        .args
        .iter()
        .map(|(name, ty, optional)| {
            let mark = if *optional { "?" } else { "" };
            format!("{}{mark}: {ty}", camel(name))
        })
        .collect()
}

fn doc(signature: &Signature, indent: &str) -> String {
    let lines: Vec<&str> = signature
        .doc
        .iter()
        .copied()
        .filter(|l| !l.is_empty())
        .collect();
    if lines.is_empty() {
        String::new()
    } else {
        format!("{indent}/** {} */\n", lines.join(" "))
    }
}

/// Whether the TypeScript type text `ty` names the declared type `name` (as a whole word).
fn mentions(ty: &str, name: &str) -> bool {
    ty.split(|c: char| !c.is_alphanumeric() && c != '_')
        .any(|word| word == name)
}

/// Tauri's argument names and the UI's function names are camelCase.
fn camel(snake: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::camel;

    #[test]
    fn command_and_argument_names_become_camel_case() {
        assert_eq!(
            camel("practice_create_planned_statuses"),
            "practiceCreatePlannedStatuses"
        );
        assert_eq!(camel("profile_id"), "profileId");
        assert_eq!(camel("locale"), "locale");
    }
}

#[cfg(test)]
mod contract_file {
    use std::path::Path;

    use super::typescript;
    use crate::{commands, lists};

    /// The generated files and what each holds.
    const FILES: [&str; 2] = ["../ui/src/lib/contract.ts", "../ui/src/lib/commands.ts"];

    #[test]
    fn contract_is_current() {
        let signatures = commands::signatures();
        let (types, declared) = typescript(&signatures, &lists::all(), &lists::data());
        let wrappers = super::commands(&signatures, &declared);
        let mut stale = Vec::new();
        for (file, generated) in FILES.iter().zip([types, wrappers]) {
            let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
            if std::env::var_os("SWITCHBOARD_WRITE_CONTRACT").is_some() {
                std::fs::write(&path, &generated).expect("the contract files are writable");
            }
            if std::fs::read_to_string(&path).unwrap_or_default() != generated {
                stale.push(*file);
            }
        }
        assert!(
            stale.is_empty(),
            "{stale:?} stale: run `SWITCHBOARD_WRITE_CONTRACT=1 cargo test -p switchboard contract` and commit them"
        );
    }
}
