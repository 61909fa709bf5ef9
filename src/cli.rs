//! The command-line tool: a thin shell over the library (ripgrep-style). It parses arguments,
//! reads files, and prints; every decision is the library's.

use std::io::Write;
use std::path::PathBuf;

use checklist_server::clock::{now_in_shanghai, now_utc, today_in_shanghai};
use serde_json::Value;

use checklist_core::config::Config;
use checklist_core::date::Date;
use checklist_core::engine::Validator;
use checklist_core::envelope;
use checklist_core::finding::{Finding, Severity};
use checklist_core::intake::{self, Outcome, Policy};
use checklist_core::locale::Locale;
use checklist_core::template::{self, ChecklistKind, Template};

/// Usage text.
pub const USAGE: &str = "\
accountability-checklist: check 述职 / 谈话 / 个人有关事项 records with the rules of SPEC

USAGE:
  accountability-checklist validate [OPTIONS] FILE...
      Validate exported records (export envelopes, or bare data with --template).
      Given a 述职 record together with a 谈话 or 个人有关事项 record, also cross-checks them
      (X-R01, X-R02). Exit status: 0 no errors, 1 errors found, 2 usage or file problems.
      --locale zh-CN|en     message language (default zh-CN)
      --json                print findings as JSON
      --today YYYY-MM-DD    the date rules treat as today (default: today in Asia/Shanghai)
      --template NAME|FILE  template for bare data files (built-in name or JSON file)
      --config FILE         configuration JSON (SPEC §10 keys; omitted keys keep defaults)
  accountability-checklist schema [envelope|template|config]
      Print a JSON Schema (all three, as one JSON object, when no name is given).
  accountability-checklist template NAME
      Print a built-in template: shuzhi, tanhua or geren.
  accountability-checklist rules
      List the SPEC rules implemented in Rust.
  accountability-checklist iso
      List the accepted ISO 3166-1 country codes (`country XX`) and ISO 4217 currency codes
      (`currency XXX`).
  accountability-checklist holidays
      List the shipped State Council holiday arrangements: each day whose status differs from
      Monday to Friday (`YYYY-MM-DD off` or `YYYY-MM-DD on`), then each year's notice.
  accountability-checklist serve [OPTIONS]
      Run the reference endpoint: POST /api/checklists re-validates and stores export
      envelopes; static files are served from --www. Prints `listening on http://ADDR/`.
      --addr HOST:PORT      where to listen (default 127.0.0.1:8080; port 0: any free port)
      --db FILE|URL         SQLite database, created when missing (default checklists.sqlite3), or
                            postgres://USER@HOST:PORT/DB to share one PostgreSQL between replicas
                            (tables created or migrated at start; see docs/postgresql.md)
      --db-password-file FILE
                            the PostgreSQL password (default: the PGPASSWORD environment variable)
      --www DIR             directory of static files (default www)
      --today YYYY-MM-DD    the date rules treat as today (default: today in Asia/Shanghai)
      --tokens FILE         bearer tokens (made by `token add`); reading records needs a reviewer
                            token, GET /api/audit an auditor token; without FILE nobody can read
      --submit-auth         POST /api/checklists needs a submitter token (default: open)
      --trust-user-header NAME
                            header in which a trusted proxy names the portal's user (stored with
                            the record and in the audit); refused from other addresses
      --trusted-proxy ADDR  address or network (10.0.0.0/8) of such a proxy; repeatable
      --data-key-file FILE  encrypt stored records with the current key of FILE (made by `key new`);
                            without it records are stored in plain text
      --cipher aes|sm4      AES-256-GCM (default) or SM4-GCM for newly stored records
      --max-auth-failures N failed authentications per address per minute before 429 (default 10)
      --allow-origin ORIGIN allow browser calls from ORIGIN (CORS); repeatable; none by default
  accountability-checklist token add --tokens FILE --role reviewer|auditor|submitter [--name LABEL]
      Create a random token, print it once; FILE keeps only its salted hash.
  accountability-checklist token revoke --tokens FILE --name LABEL
      Remove a token (takes effect when the server restarts).
  accountability-checklist key new --out FILE
      Create a data key file with one random 256-bit key (never overwrites FILE).
  accountability-checklist key rotate --key-file FILE
      Add a new key to FILE and make it current; records sealed with older keys stay readable.
  accountability-checklist export --template NAME|FILE [--digest sha256-jcs|sm3-jcs] [--today YYYY-MM-DD] FILE
      Wrap bare record data in an export envelope (with the findings of that day) and print it.
";

/// A CLI failure: message and exit status.
#[derive(Debug)]
pub struct CliError {
    /// What went wrong, for stderr.
    pub message: String,
    /// Exit status.
    pub status: i32,
}

fn usage_error(message: impl Into<String>) -> CliError {
    CliError { message: format!("{}\n\n{USAGE}", message.into()), status: 2 }
}

fn file_error(message: impl Into<String>) -> CliError {
    CliError { message: message.into(), status: 2 }
}

/// Runs the CLI with `args` (without the program name), writing to `out`. Returns the exit status.
pub fn run(args: Vec<String>, out: &mut dyn Write) -> Result<i32, CliError> {
    let mut parser = lexopt::Parser::from_args(args);
    let command = match parser.next() {
        Ok(Some(lexopt::Arg::Value(v))) => v.to_string_lossy().into_owned(),
        Ok(Some(lexopt::Arg::Long("help") | lexopt::Arg::Short('h'))) | Ok(None) => {
            write_out(out, USAGE)?;
            return Ok(0);
        }
        Ok(Some(other)) => return Err(usage_error(format!("unexpected {}", describe(&other)))),
        Err(e) => return Err(usage_error(e.to_string())),
    };
    match command.as_str() {
        "validate" => validate(parser, out),
        "schema" => {
            let name = positional(parser)?;
            let text = match name.as_deref() {
                None => {
                    let mut all = serde_json::Map::new();
                    for (n, _, f) in checklist_core::schema::SCHEMAS {
                        all.insert((*n).to_owned(), serde_json::from_str(&f()).unwrap_or(Value::Null));
                    }
                    let mut s = serde_json::to_string_pretty(&all).unwrap_or_default();
                    s.push('\n');
                    s
                }
                Some(n) => checklist_core::schema::by_name(n).ok_or_else(|| usage_error(format!("unknown schema `{n}`")))?,
            };
            write_out(out, &text)?;
            Ok(0)
        }
        "template" => {
            let name = positional(parser)?.ok_or_else(|| usage_error("template needs a NAME"))?;
            let json = template::builtin_source(&name)
                .ok_or_else(|| file_error(format!("no built-in template `{name}` (try: {})", template::builtin_names().join(", "))))?;
            write_out(out, json)?;
            Ok(0)
        }
        "serve" => serve(parser, out),
        "token" => token(parser, out),
        "key" => key(parser, out),
        "export" => export(parser, out),
        "rules" => {
            let mut text = String::new();
            for r in checklist_core::rules::all() {
                text.push_str(&format!("{}\t{}\t{}\t{}\n", r.id, r.severity.letter(), r.kind.as_str(), r.summary));
            }
            write_out(out, &text)?;
            Ok(0)
        }
        "iso" => {
            let (countries, currencies) = checklist_core::ident::iso_tables();
            let mut text = String::new();
            for c in countries {
                text.push_str(&format!("country {c}\n"));
            }
            for c in currencies {
                text.push_str(&format!("currency {c}\n"));
            }
            for (code, zh, en) in checklist_core::ident::iso_country_names() {
                text.push_str(&format!("name {code} {zh} {en}\n"));
            }
            write_out(out, &text)?;
            Ok(0)
        }
        "holidays" => {
            let mut text = String::new();
            for year in checklist_core::holidays::COVERED {
                let mut d = Date::new(year, 1, 1);
                while let Some(day) = d.filter(|x| x.year() == year) {
                    let working = checklist_core::holidays::official_working_day(day).unwrap_or(day.weekday() <= 5);
                    if working != (day.weekday() <= 5) {
                        text.push_str(&format!("{day} {}\n", if working { "on" } else { "off" }));
                    }
                    d = day.add_days(1);
                }
            }
            for year in checklist_core::holidays::COVERED {
                text.push_str(&format!("# {year}: {}\n", checklist_core::holidays::notice(year).unwrap_or("")));
            }
            write_out(out, &text)?;
            Ok(0)
        }
        other => Err(usage_error(format!("unknown command `{other}`"))),
    }
}

fn describe(arg: &lexopt::Arg<'_>) -> String {
    match arg {
        lexopt::Arg::Short(c) => format!("option -{c}"),
        lexopt::Arg::Long(l) => format!("option --{l}"),
        lexopt::Arg::Value(v) => format!("argument {}", v.to_string_lossy()),
    }
}

fn write_out(out: &mut dyn Write, text: &str) -> Result<(), CliError> {
    out.write_all(text.as_bytes()).map_err(|e| file_error(format!("cannot write output: {e}")))
}

fn positional(mut parser: lexopt::Parser) -> Result<Option<String>, CliError> {
    let mut found = None;
    while let Some(arg) = parser.next().map_err(|e| usage_error(e.to_string()))? {
        match arg {
            lexopt::Arg::Value(v) if found.is_none() => found = Some(v.to_string_lossy().into_owned()),
            other => return Err(usage_error(format!("unexpected {}", describe(&other)))),
        }
    }
    Ok(found)
}

fn serve(mut parser: lexopt::Parser, out: &mut dyn Write) -> Result<i32, CliError> {
    let mut opts = checklist_server::Options::default();
    while let Some(arg) = parser.next().map_err(|e| usage_error(e.to_string()))? {
        let value = |p: &mut lexopt::Parser| -> Result<String, CliError> {
            p.value().map(|v| v.to_string_lossy().into_owned()).map_err(|e| usage_error(e.to_string()))
        };
        match arg {
            lexopt::Arg::Long("addr") => {
                let v = value(&mut parser)?;
                opts.addr = v.parse().map_err(|_| usage_error(format!("--addr `{v}` is not HOST:PORT (for example 127.0.0.1:8080)")))?;
            }
            lexopt::Arg::Long("db") => opts.db = PathBuf::from(value(&mut parser)?),
            lexopt::Arg::Long("db-password-file") => opts.db_password_file = Some(PathBuf::from(value(&mut parser)?)),
            lexopt::Arg::Long("www") => opts.www = PathBuf::from(value(&mut parser)?),
            lexopt::Arg::Long("today") => {
                let v = value(&mut parser)?;
                opts.today = Some(Date::parse(&v).map_err(|_| usage_error(format!("--today `{v}` is not a date YYYY-MM-DD")))?);
            }
            lexopt::Arg::Long("tokens") => opts.tokens = Some(PathBuf::from(value(&mut parser)?)),
            lexopt::Arg::Long("submit-auth") => opts.submit_auth = true,
            lexopt::Arg::Long("trust-user-header") => opts.trust_user_header = Some(value(&mut parser)?),
            lexopt::Arg::Long("trusted-proxy") => {
                let v = value(&mut parser)?;
                let net = checklist_server::auth::IpNet::parse(&v).ok_or_else(|| {
                    usage_error(format!("--trusted-proxy `{v}` is not an address or network (10.0.0.5, 10.0.0.0/8, fd00::/8)"))
                })?;
                opts.trusted_proxies.push(net);
            }
            lexopt::Arg::Long("data-key-file") => opts.data_key_file = Some(PathBuf::from(value(&mut parser)?)),
            lexopt::Arg::Long("cipher") => {
                let v = value(&mut parser)?;
                opts.cipher =
                    checklist_server::keys::Cipher::parse(&v).ok_or_else(|| usage_error(format!("--cipher `{v}` is not aes or sm4")))?;
            }
            lexopt::Arg::Long("max-auth-failures") => {
                let v = value(&mut parser)?;
                opts.max_auth_failures = v
                    .parse()
                    .ok()
                    .filter(|n| *n > 0)
                    .ok_or_else(|| usage_error(format!("--max-auth-failures `{v}` is not a positive number")))?;
            }
            lexopt::Arg::Long("allow-origin") => opts.allow_origins.push(value(&mut parser)?),
            other => return Err(usage_error(format!("unexpected {}", describe(&other)))),
        }
    }
    checklist_server::serve_blocking(opts, out).map_err(|e| file_error(e.to_string()))?;
    Ok(0)
}

/// Options `--NAME VALUE` of a subcommand, by name; anything else is a usage error.
fn named_options(mut parser: lexopt::Parser, names: &[&str]) -> Result<Vec<(String, String)>, CliError> {
    let mut found = Vec::new();
    while let Some(arg) = parser.next().map_err(|e| usage_error(e.to_string()))? {
        match arg {
            lexopt::Arg::Long(name) if names.contains(&name) => {
                let name = name.to_owned();
                let v = parser.value().map(|v| v.to_string_lossy().into_owned()).map_err(|e| usage_error(e.to_string()))?;
                found.push((name, v));
            }
            other => return Err(usage_error(format!("unexpected {}", describe(&other)))),
        }
    }
    Ok(found)
}

fn option<'a>(opts: &'a [(String, String)], name: &str) -> Option<&'a str> {
    opts.iter().rev().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
}

fn token(mut parser: lexopt::Parser, out: &mut dyn Write) -> Result<i32, CliError> {
    use checklist_server::auth::{self, Role};
    let sub = match parser.next().map_err(|e| usage_error(e.to_string()))? {
        Some(lexopt::Arg::Value(v)) => v.to_string_lossy().into_owned(),
        _ => return Err(usage_error("token needs `add` or `revoke`")),
    };
    let opts = named_options(parser, &["tokens", "role", "name"])?;
    let path = PathBuf::from(option(&opts, "tokens").ok_or_else(|| usage_error(format!("token {sub} needs --tokens FILE")))?);
    match sub.as_str() {
        "add" => {
            let role = option(&opts, "role").ok_or_else(|| usage_error("token add needs --role reviewer|auditor|submitter"))?;
            let role = Role::parse(role).ok_or_else(|| usage_error(format!("--role `{role}` is not reviewer, auditor or submitter")))?;
            let (name, token) = auth::add_token(&path, role, option(&opts, "name"), &now_utc()).map_err(|e| file_error(e.to_string()))?;
            // The only place a token is ever shown.
            write_out(
                out,
                &format!("{} token `{name}` (shown once; {} keeps only its salted hash):\n{token}\n", role.as_str(), path.display()),
            )?;
            Ok(0)
        }
        "revoke" => {
            let name = option(&opts, "name").ok_or_else(|| usage_error("token revoke needs --name LABEL"))?;
            if auth::revoke_token(&path, name).map_err(|e| file_error(e.to_string()))? {
                write_out(out, &format!("token `{name}` revoked (restart the server to apply)\n"))?;
                Ok(0)
            } else {
                Err(file_error(format!("{}: no token named `{name}`", path.display())))
            }
        }
        other => Err(usage_error(format!("unknown token command `{other}` (add or revoke)"))),
    }
}

fn key(mut parser: lexopt::Parser, out: &mut dyn Write) -> Result<i32, CliError> {
    use checklist_server::keys;
    let sub = match parser.next().map_err(|e| usage_error(e.to_string()))? {
        Some(lexopt::Arg::Value(v)) => v.to_string_lossy().into_owned(),
        _ => return Err(usage_error("key needs `new` or `rotate`")),
    };
    let opts = named_options(parser, &["out", "key-file"])?;
    match sub.as_str() {
        "new" => {
            let path = PathBuf::from(option(&opts, "out").ok_or_else(|| usage_error("key new needs --out FILE"))?);
            let id = keys::new_key_file(&path, &now_utc()).map_err(|e| file_error(e.to_string()))?;
            write_out(
                out,
                &format!("wrote data key `{id}` to {} (keep a backup: records sealed with it cannot be read without it)\n", path.display()),
            )?;
            Ok(0)
        }
        "rotate" => {
            let path = PathBuf::from(option(&opts, "key-file").ok_or_else(|| usage_error("key rotate needs --key-file FILE"))?);
            let id = keys::rotate_key_file(&path, &now_utc()).map_err(|e| file_error(e.to_string()))?;
            write_out(out, &format!("added data key `{id}` to {} and made it current; older keys stay for the records they sealed (restart the server to apply)\n", path.display()))?;
            Ok(0)
        }
        other => Err(usage_error(format!("unknown key command `{other}` (new or rotate)"))),
    }
}

fn export(mut parser: lexopt::Parser, out: &mut dyn Write) -> Result<i32, CliError> {
    let mut template_arg = None;
    let mut algorithm = envelope::DigestAlgorithm::Sha256Jcs;
    let mut today = None;
    let mut file = None;
    while let Some(arg) = parser.next().map_err(|e| usage_error(e.to_string()))? {
        let value = |p: &mut lexopt::Parser| -> Result<String, CliError> {
            p.value().map(|v| v.to_string_lossy().into_owned()).map_err(|e| usage_error(e.to_string()))
        };
        match arg {
            lexopt::Arg::Long("template") => template_arg = Some(value(&mut parser)?),
            lexopt::Arg::Long("digest") => {
                let v = value(&mut parser)?;
                algorithm = envelope::DigestAlgorithm::parse(&v)
                    .ok_or_else(|| usage_error(format!("--digest `{v}` is not sha256-jcs or sm3-jcs")))?;
            }
            lexopt::Arg::Long("today") => {
                let v = value(&mut parser)?;
                today = Some(Date::parse(&v).map_err(|_| usage_error(format!("--today `{v}` is not a date YYYY-MM-DD")))?);
            }
            lexopt::Arg::Value(v) if file.is_none() => file = Some(PathBuf::from(v)),
            other => return Err(usage_error(format!("unexpected {}", describe(&other)))),
        }
    }
    let template = load_template(&template_arg.ok_or_else(|| usage_error("export needs --template NAME|FILE"))?)?;
    let path = file.ok_or_else(|| usage_error("export needs a FILE of record data"))?;
    let text = std::fs::read_to_string(&path).map_err(|e| file_error(format!("{}: {e}", path.display())))?;
    let data: Value = serde_json::from_str(&text).map_err(|e| file_error(format!("{}: not JSON: {e}", path.display())))?;
    let today = match today {
        Some(d) => d,
        None => today_in_shanghai().ok_or_else(|| file_error("cannot read the system clock; pass --today"))?,
    };
    let exported_at = now_in_shanghai();
    let validator = Validator::new(template, Config::default()).map_err(|e| file_error(e.to_string()))?;
    let findings = validator.validate(&data, today).findings;
    let env = envelope::export_with(algorithm, validator.template(), data, findings, Vec::new(), exported_at, envelope::Status::Draft);
    let mut s = envelope::to_json(&env);
    s.push('\n');
    write_out(out, &s)?;
    Ok(0)
}

/// One checked file.
struct Checked {
    path: PathBuf,
    kind: Option<ChecklistKind>,
    data: Option<Value>,
    submitted_on: Option<Date>,
    findings: Vec<Finding>,
}

fn validate(mut parser: lexopt::Parser, out: &mut dyn Write) -> Result<i32, CliError> {
    let mut locale = Locale::ZhCn;
    let mut json = false;
    let mut today = None;
    let mut template_arg = None;
    let mut config = Config::default();
    let mut files = Vec::new();
    while let Some(arg) = parser.next().map_err(|e| usage_error(e.to_string()))? {
        let value = |p: &mut lexopt::Parser| -> Result<String, CliError> {
            p.value().map(|v| v.to_string_lossy().into_owned()).map_err(|e| usage_error(e.to_string()))
        };
        match arg {
            lexopt::Arg::Long("locale") => {
                let v = value(&mut parser)?;
                locale = Locale::parse(&v).ok_or_else(|| usage_error(format!("unknown locale `{v}` (zh-CN or en)")))?;
            }
            lexopt::Arg::Long("json") => json = true,
            lexopt::Arg::Long("today") => {
                let v = value(&mut parser)?;
                today = Some(Date::parse(&v).map_err(|_| usage_error(format!("--today `{v}` is not a date YYYY-MM-DD")))?);
            }
            lexopt::Arg::Long("template") => template_arg = Some(value(&mut parser)?),
            lexopt::Arg::Long("config") => {
                let path = value(&mut parser)?;
                let text = std::fs::read_to_string(&path).map_err(|e| file_error(format!("{path}: {e}")))?;
                config = Config::from_json(&text).map_err(|e| file_error(format!("{path}: {e}")))?;
            }
            lexopt::Arg::Value(v) => files.push(PathBuf::from(v)),
            other => return Err(usage_error(format!("unexpected {}", describe(&other)))),
        }
    }
    if files.is_empty() {
        return Err(usage_error("validate needs at least one FILE"));
    }
    let today = match today {
        Some(d) => d,
        None => today_in_shanghai().ok_or_else(|| file_error("cannot read the system clock; pass --today"))?,
    };
    let forced = match &template_arg {
        None => None,
        Some(arg) => Some(load_template(arg)?),
    };
    let mut checked = Vec::new();
    for path in files {
        checked.push(check_file(path, forced.as_ref(), &config, today)?);
    }
    cross_check(&mut checked);

    let errors = checked.iter().flat_map(|c| &c.findings).filter(|f| f.severity == Severity::Error).count();
    if json {
        let report: Vec<Value> = checked
            .iter()
            .map(|c| {
                let findings = checklist_core::finding::with_messages(&c.findings, locale);
                serde_json::json!({ "file": c.path.display().to_string(), "findings": findings })
            })
            .collect();
        let mut s = serde_json::to_string_pretty(&report).unwrap_or_default();
        s.push('\n');
        write_out(out, &s)?;
    } else {
        let mut s = String::new();
        for c in &checked {
            let (e, w, i) = counts(&c.findings);
            let summary = match locale {
                Locale::ZhCn if e == 0 && w == 0 => format!("校验通过（{i}项说明）"),
                Locale::ZhCn => format!("共{e}项错误、{w}项提示"),
                Locale::En if e == 0 && w == 0 => format!("validation passed ({i} notes)"),
                Locale::En => format!("{e} errors, {w} warnings"),
            };
            s.push_str(&format!("{}: {summary}\n", c.path.display()));
            for f in &c.findings {
                let sev = match (f.severity, locale, f.confirmed) {
                    (Severity::Error, Locale::ZhCn, _) => "错误",
                    (Severity::Warning, Locale::ZhCn, true) => "提示（已确认）",
                    (Severity::Warning, Locale::ZhCn, false) => "提示",
                    (Severity::Info, Locale::ZhCn, _) => "说明",
                    (Severity::Error, Locale::En, _) => "error",
                    (Severity::Warning, Locale::En, true) => "warning (confirmed)",
                    (Severity::Warning, Locale::En, false) => "warning",
                    (Severity::Info, Locale::En, _) => "info",
                };
                let rule = f.rule.as_deref().map(|r| format!(" [{r}]")).unwrap_or_default();
                let at = if f.path.is_empty() { "/" } else { &f.path };
                s.push_str(&format!("  {sev}{rule} {at}: {} ({})\n", f.message(locale), f.code));
            }
        }
        write_out(out, &s)?;
    }
    Ok(if errors > 0 { 1 } else { 0 })
}

fn counts(findings: &[Finding]) -> (usize, usize, usize) {
    let n = |s| findings.iter().filter(|f| f.severity == s).count();
    (n(Severity::Error), n(Severity::Warning), n(Severity::Info))
}

fn load_template(arg: &str) -> Result<Template, CliError> {
    if let Some(t) = template::builtin(arg) {
        return t.map_err(|e| file_error(format!("built-in template {arg}: {e}")));
    }
    let text = std::fs::read_to_string(arg).map_err(|e| file_error(format!("{arg}: {e}")))?;
    template::load(&text).map_err(|e| file_error(format!("{arg}: {e}")))
}

fn check_file(path: PathBuf, forced: Option<&Template>, config: &Config, today: Date) -> Result<Checked, CliError> {
    let text = std::fs::read(&path).map_err(|e| file_error(format!("{}: {e}", path.display())))?;
    let text = String::from_utf8_lossy(&text);
    let mut checked = Checked { path, kind: None, data: None, submitted_on: None, findings: Vec::new() };
    let validator = |t: Template| Validator::new(t, config.clone()).map_err(|e| file_error(e.to_string()));
    let intake = match forced {
        Some(t) if !looks_like_envelope(&text) => match serde_json::from_str::<Value>(&text) {
            Ok(data) => {
                let validator = validator(t.clone())?;
                let report = intake::validate(&validator, &data, &[], today, None);
                checked.kind = Some(validator.template().checklist_kind);
                checked.findings = report.findings;
                checked.data = Some(data);
                return Ok(checked);
            }
            Err(e) => {
                checked.findings.push(
                    Finding::new(envelope::ImportCode::NotJson, Severity::Error, "").param("line", e.line()).param("column", e.column()),
                );
                return Ok(checked);
            }
        },
        Some(t) => intake::check_against(&text, validator(t.clone())?, config, today, Policy::FILE),
        None => {
            // The file names its template; only built-in ones are known here.
            let mut unknown = None;
            let intake = intake::check(&text, config, today, Policy::FILE, |env| match template::builtin(&env.template.id) {
                Some(Ok(t)) => validator(t).map_err(|e| unknown = Some(e)).ok(),
                _ => {
                    unknown = Some(file_error(format!(
                        "{}: template `{}` is not built in; pass it with --template FILE",
                        checked.path.display(),
                        env.template.id
                    )));
                    None
                }
            });
            if let Some(e) = unknown {
                return Err(e);
            }
            intake
        }
    };
    checked.findings = intake.findings;
    if let (Outcome::Checked, Some(env), Some(validator)) = (intake.outcome, intake.envelope, intake.validator) {
        checked.kind = Some(validator.template().checklist_kind);
        checked.submitted_on = intake.submitted_on;
        checked.data = Some(env.data);
    }
    Ok(checked)
}

fn looks_like_envelope(text: &str) -> bool {
    serde_json::from_str::<Value>(text).ok().is_some_and(|v| v.get("format").is_some() || v.get("schemaVersion").is_some())
}

fn cross_check(checked: &mut [Checked]) {
    let find = |kind| checked.iter().position(|c| c.kind == Some(kind));
    let Some(a) = find(ChecklistKind::Shuzhi) else { return };
    let mut extra = Vec::new();
    if let (Some(b), Some(shuzhi)) = (find(ChecklistKind::Tanhua), checked[a].data.as_ref()) {
        if let Some(tanhua) = checked[b].data.as_ref() {
            extra.extend(checklist_core::rules::cross::x_r01(shuzhi, tanhua));
        }
    }
    if let (Some(c), Some(shuzhi)) = (find(ChecklistKind::Geren), checked[a].data.as_ref()) {
        if let Some(geren) = checked[c].data.as_ref() {
            extra.extend(checklist_core::rules::cross::x_r02(shuzhi, geren, checked[c].submitted_on));
        }
    }
    checked[a].findings.extend(extra);
}
