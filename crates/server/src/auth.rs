//! Who may do what at the endpoint: bearer tokens with one role each, the token file that holds
//! only their salted hashes, the per-address limit on failed attempts, and the proxies whose
//! user header is believed.
//!
//! Must not: log, store or echo a presented token; compare a token in variable time; accept a
//! token from anywhere but the `Authorization` header.

use std::collections::HashMap;
use std::net::IpAddr;
use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};
use subtle::ConstantTimeEq as _;

/// `format` of a token file.
const TOKENS_FORMAT: &str = "accountability-checklist/tokens";
/// Printed tokens start with this, so that secret scanners and people recognise a leaked one.
const TOKEN_PREFIX: &str = "act_";

/// What a token allows. Each token has exactly one role; no role includes another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Lists and reads records.
    Reviewer,
    /// Reads the audit trail (and nothing else).
    Auditor,
    /// Posts records when the server runs with `--submit-auth`.
    Submitter,
}

impl Role {
    /// The name on the command line, in the token file and in the audit.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Reviewer => "reviewer",
            Role::Auditor => "auditor",
            Role::Submitter => "submitter",
        }
    }

    /// The role of a name.
    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "reviewer" => Some(Role::Reviewer),
            "auditor" => Some(Role::Auditor),
            "submitter" => Some(Role::Submitter),
            _ => None,
        }
    }
}

/// One entry of the token file.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct TokenEntry {
    name: String,
    role: Role,
    /// 16 random bytes, hex.
    salt: String,
    /// SHA-256(salt ‖ token), hex.
    sha256: String,
    created: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct TokenFile {
    format: String,
    tokens: Vec<TokenEntry>,
}

/// The tokens a server accepts, as loaded from a token file.
#[derive(Debug, Default)]
pub struct Tokens {
    entries: Vec<(String, Role, [u8; 16], [u8; 32])>,
}

/// Why a token file could not be read or written.
#[derive(Debug)]
pub struct TokenError(pub String);

impl std::fmt::Display for TokenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

// A salted SHA-256 is enough here, unlike for passwords: a token is 256 random bits, so there is
// nothing to guess from its hash by brute force or dictionary, and a slow KDF would only slow down
// every request. The salt keeps equal tokens in two files (or two deployments) from showing as equal.
fn token_hash(salt: &[u8; 16], token: &str) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(salt);
    h.update(token.as_bytes());
    h.finalize().into()
}

fn from_hex<const N: usize>(s: &str) -> Option<[u8; N]> {
    if s.len() != N * 2 {
        return None;
    }
    let mut out = [0u8; N];
    for (i, b) in out.iter_mut().enumerate() {
        *b = u8::from_str_radix(s.get(i * 2..i * 2 + 2)?, 16).ok()?;
    }
    Some(out)
}

pub(crate) fn random<const N: usize>() -> Result<[u8; N], String> {
    let mut buf = [0u8; N];
    getrandom::fill(&mut buf).map_err(|e| format!("no random numbers from the system: {e}"))?;
    Ok(buf)
}

fn read_file(path: &Path) -> Result<TokenFile, TokenError> {
    let text = std::fs::read_to_string(path).map_err(|e| TokenError(format!("{}: {e}", path.display())))?;
    let file: TokenFile = serde_json::from_str(&text).map_err(|e| TokenError(format!("{}: not a token file: {e}", path.display())))?;
    if file.format != TOKENS_FORMAT {
        return Err(TokenError(format!("{}: not a token file (format `{}`)", path.display(), file.format)));
    }
    Ok(file)
}

impl Tokens {
    /// Reads a token file (`token add` writes it).
    pub fn load(path: &Path) -> Result<Tokens, TokenError> {
        let file = read_file(path)?;
        let mut entries = Vec::new();
        for e in file.tokens {
            let bad = || TokenError(format!("{}: token `{}` has a malformed salt or hash", path.display(), e.name));
            let salt = from_hex::<16>(&e.salt).ok_or_else(bad)?;
            let hash = from_hex::<32>(&e.sha256).ok_or_else(bad)?;
            entries.push((e.name, e.role, salt, hash));
        }
        Ok(Tokens { entries })
    }

    /// The name and role of a presented token, comparing with every entry in constant time (the
    /// loop never stops early, so the time does not tell which entry, if any, matched).
    pub fn verify(&self, token: &str) -> Option<(&str, Role)> {
        let mut found = None;
        for (name, role, salt, hash) in &self.entries {
            let matched: bool = token_hash(salt, token).ct_eq(hash).into();
            if matched {
                found = Some((name.as_str(), *role));
            }
        }
        found
    }

    /// How many tokens are loaded.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no token is loaded.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Writes `text` to `path` readable by its owner only (the file is replaced atomically).
pub(crate) fn write_private(path: &Path, text: &str) -> Result<(), String> {
    use std::io::Write as _;
    let tmp = path.with_extension("tmp");
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        opts.mode(0o600);
    }
    let mut f = opts.open(&tmp).map_err(|e| format!("{}: {e}", tmp.display()))?;
    f.write_all(text.as_bytes()).and_then(|()| f.sync_all()).map_err(|e| format!("{}: {e}", tmp.display()))?;
    std::fs::rename(&tmp, path).map_err(|e| format!("{}: {e}", path.display()))
}

fn valid_name(name: &str) -> bool {
    !name.is_empty() && name.chars().count() <= 64 && !name.chars().any(char::is_control)
}

/// Creates a token with `role`, appends its salted hash to the token file at `path` (created when
/// missing) and returns the token, which is stored nowhere else. `name` labels it in the audit
/// (default `<role>-<n>`); names are unique within a file.
pub fn add_token(path: &Path, role: Role, name: Option<&str>, created: &str) -> Result<(String, String), TokenError> {
    let mut file = if path.exists() { read_file(path)? } else { TokenFile { format: TOKENS_FORMAT.to_owned(), tokens: Vec::new() } };
    let name = match name {
        Some(n) => n.to_owned(),
        None => (1..).map(|i| format!("{}-{i}", role.as_str())).find(|n| !file.tokens.iter().any(|t| &t.name == n)).unwrap_or_default(),
    };
    if !valid_name(&name) {
        return Err(TokenError(format!("token name `{}` must be 1 to 64 characters without control characters", name.escape_default())));
    }
    if file.tokens.iter().any(|t| t.name == name) {
        return Err(TokenError(format!("{}: a token named `{name}` exists already", path.display())));
    }
    let secret = random::<32>().map_err(TokenError)?;
    let salt = random::<16>().map_err(TokenError)?;
    let token = format!("{TOKEN_PREFIX}{}", checklist_core::envelope::to_hex(&secret));
    file.tokens.push(TokenEntry {
        name: name.clone(),
        role,
        salt: checklist_core::envelope::to_hex(&salt),
        sha256: checklist_core::envelope::to_hex(&token_hash(&salt, &token)),
        created: created.to_owned(),
    });
    let text = serde_json::to_string_pretty(&file).map_err(|e| TokenError(e.to_string()))?;
    write_private(path, &text).map_err(TokenError)?;
    Ok((name, token))
}

/// Removes the token named `name` from the file; `false` when there is none of that name.
pub fn revoke_token(path: &Path, name: &str) -> Result<bool, TokenError> {
    let mut file = read_file(path)?;
    let before = file.tokens.len();
    file.tokens.retain(|t| t.name != name);
    if file.tokens.len() == before {
        return Ok(false);
    }
    let text = serde_json::to_string_pretty(&file).map_err(|e| TokenError(e.to_string()))?;
    write_private(path, &text).map_err(TokenError)?;
    Ok(true)
}

/// The bearer token of a request's `Authorization` header: `Ok(None)` without the header,
/// `Err(())` for any other scheme, several headers, or a token that is not visible ASCII.
pub(crate) fn bearer(headers: &axum::http::HeaderMap) -> Result<Option<&str>, ()> {
    let mut values = headers.get_all(axum::http::header::AUTHORIZATION).iter();
    let Some(value) = values.next() else { return Ok(None) };
    if values.next().is_some() {
        return Err(());
    }
    let value = value.to_str().map_err(|_| ())?;
    let (scheme, token) = value.split_once(' ').ok_or(())?;
    let token = token.trim();
    if !scheme.eq_ignore_ascii_case("bearer") || token.is_empty() || token.len() > 512 || !token.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(());
    }
    Ok(Some(token))
}

/// Failed authentications per address: after `max` failures within `window`, every request
/// from that address that needs a role is answered 429 until the window has passed.
pub(crate) struct FailureLimiter {
    max: u32,
    window: Duration,
    seen: Mutex<HashMap<IpAddr, (Instant, u32)>>,
}

impl FailureLimiter {
    pub(crate) fn new(max: u32, window: Duration) -> FailureLimiter {
        FailureLimiter { max, window, seen: Mutex::new(HashMap::new()) }
    }

    /// Seconds to wait when `addr` is blocked now.
    pub(crate) fn blocked(&self, addr: IpAddr) -> Option<u64> {
        let seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        let (start, count) = seen.get(&addr)?;
        let elapsed = start.elapsed();
        if *count >= self.max && elapsed < self.window {
            Some((self.window - elapsed).as_secs().max(1))
        } else {
            None
        }
    }

    /// Counts a failure from `addr`.
    pub(crate) fn failed(&self, addr: IpAddr) {
        let mut seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        // Bounded memory under a spray of addresses: forget windows that have passed.
        if seen.len() >= 10_000 {
            let window = self.window;
            seen.retain(|_, (start, _)| start.elapsed() < window);
        }
        let entry = seen.entry(addr).or_insert((Instant::now(), 0));
        if entry.0.elapsed() >= self.window {
            *entry = (Instant::now(), 0);
        }
        entry.1 = entry.1.saturating_add(1);
    }
}

/// An address or network (`10.0.0.5`, `10.0.0.0/8`, `::1`, `fd00::/8`) of a trusted proxy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IpNet {
    addr: IpAddr,
    prefix: u8,
}

impl IpNet {
    /// Parses `ADDR` or `ADDR/PREFIX`.
    pub fn parse(s: &str) -> Option<IpNet> {
        let (addr, prefix) = match s.split_once('/') {
            Some((a, p)) => (a.parse::<IpAddr>().ok()?, Some(p.parse::<u8>().ok()?)),
            None => (s.parse::<IpAddr>().ok()?, None),
        };
        let max = if addr.is_ipv4() { 32 } else { 128 };
        let prefix = prefix.unwrap_or(max);
        (prefix <= max).then_some(IpNet { addr, prefix })
    }

    /// Whether `ip` is inside (IPv4-mapped IPv6 addresses count as IPv4).
    pub fn contains(&self, ip: IpAddr) -> bool {
        match (self.addr, ip.to_canonical()) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                let mask = u32::MAX.checked_shl(32 - u32::from(self.prefix)).unwrap_or(0);
                u32::from(net) & mask == u32::from(ip) & mask
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                let mask = u128::MAX.checked_shl(128 - u32::from(self.prefix)).unwrap_or(0);
                u128::from(net) & mask == u128::from(ip) & mask
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_stored_as_salted_hashes_and_verified() {
        let dir = std::env::temp_dir().join(format!("ac-auth-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let path = dir.join("tokens.json");
        let _ = std::fs::remove_file(&path);
        let (name, reviewer) = add_token(&path, Role::Reviewer, None, "2026-01-15T00:00:00Z").unwrap();
        assert_eq!(name, "reviewer-1");
        let (_, auditor) = add_token(&path, Role::Auditor, Some("审计员 王"), "2026-01-15T00:00:00Z").unwrap();
        assert!(reviewer.starts_with("act_") && reviewer.len() == 4 + 64);
        assert!(add_token(&path, Role::Auditor, Some("审计员 王"), "").is_err(), "names are unique");
        assert!(add_token(&path, Role::Auditor, Some("a\nb"), "").is_err());
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(!text.contains(&reviewer) && !text.contains(&reviewer[4..]), "the file holds no token");
        let tokens = Tokens::load(&path).unwrap();
        assert_eq!(tokens.verify(&reviewer), Some(("reviewer-1", Role::Reviewer)));
        assert_eq!(tokens.verify(&auditor), Some(("审计员 王", Role::Auditor)));
        assert_eq!(tokens.verify(&reviewer[..reviewer.len() - 1]), None);
        assert_eq!(tokens.verify(""), None);
        assert!(revoke_token(&path, "reviewer-1").unwrap());
        assert!(!revoke_token(&path, "reviewer-1").unwrap());
        assert_eq!(Tokens::load(&path).unwrap().verify(&reviewer), None);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        }
        std::fs::write(&path, "{\"format\": \"other\", \"tokens\": []}").unwrap();
        assert!(Tokens::load(&path).is_err());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn bearer_headers() {
        use axum::http::{HeaderMap, HeaderValue};
        let mut h = HeaderMap::new();
        assert_eq!(bearer(&h), Ok(None));
        for (v, ok) in
            [("Bearer abc", Some("abc")), ("bearer  abc ", Some("abc")), ("Basic abc", None), ("Bearer", None), ("Bearer a b", None)]
        {
            h.insert("authorization", HeaderValue::from_static(v));
            assert_eq!(bearer(&h).ok().flatten(), ok, "{v}");
        }
    }

    #[test]
    fn networks() {
        let net = IpNet::parse("10.1.0.0/16").unwrap();
        assert!(net.contains("10.1.200.3".parse().unwrap()));
        assert!(net.contains("::ffff:10.1.0.1".parse().unwrap()));
        assert!(!net.contains("10.2.0.1".parse().unwrap()));
        assert!(IpNet::parse("127.0.0.1").unwrap().contains("127.0.0.1".parse().unwrap()));
        assert!(!IpNet::parse("127.0.0.1").unwrap().contains("127.0.0.2".parse().unwrap()));
        assert!(IpNet::parse("0.0.0.0/0").unwrap().contains("8.8.8.8".parse().unwrap()));
        assert!(IpNet::parse("fd00::/8").unwrap().contains("fd12::1".parse().unwrap()));
        for bad in ["10.0.0.0/33", "x", "10.0.0.0/", "::/129"] {
            assert_eq!(IpNet::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn failures_block_after_the_limit() {
        let l = FailureLimiter::new(3, Duration::from_secs(60));
        let ip: IpAddr = "192.0.2.1".parse().unwrap();
        for _ in 0..3 {
            assert_eq!(l.blocked(ip), None);
            l.failed(ip);
        }
        assert!(l.blocked(ip).is_some_and(|s| (1..=60).contains(&s)));
        assert_eq!(l.blocked("192.0.2.2".parse().unwrap()), None, "per address");
    }
}
