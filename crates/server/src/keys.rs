//! Encryption of stored envelopes at rest: the data key file (`key new`, `key rotate`) and the
//! AEAD that seals each record: AES-256-GCM, or SM4-GCM (GB/T 32907 in the same GCM mode, for
//! deployments that must use 商用密码 algorithms).
//!
//! Each record gets a fresh random 96-bit nonce and is bound to its receipt id as associated data,
//! so a sealed envelope copied onto another row does not open. A key file holds every key it ever
//! had, each with an id stored next to the records it sealed: rotation adds a key and makes it
//! current, and records sealed under older keys stay readable.
//!
//! Must not: write a key anywhere but the key file; fall back to plain text when sealing fails.

use std::path::Path;

use aes_gcm::aead::consts::U12;
use aes_gcm::aead::{Aead as _, KeyInit as _, Payload};
use aes_gcm::{Aes256Gcm, AesGcm};
use serde::{Deserialize, Serialize};
use sm3::{Digest as _, Sm3};

use super::auth::{random, write_private};

/// `format` of a key file.
const KEYS_FORMAT: &str = "accountability-checklist/data-keys";

type Sm4Gcm = AesGcm<sm4::Sm4, U12>;

/// The AEAD that seals new records (records name the one that sealed them).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Cipher {
    /// AES-256-GCM.
    #[default]
    Aes256Gcm,
    /// SM4-GCM (128-bit key derived from the 256-bit key file entry, see [`sm4_key`]).
    Sm4Gcm,
}

impl Cipher {
    /// The name stored with each record.
    pub fn as_str(self) -> &'static str {
        match self {
            Cipher::Aes256Gcm => "aes-256-gcm",
            Cipher::Sm4Gcm => "sm4-gcm",
        }
    }

    /// `aes`/`aes-256-gcm` or `sm4`/`sm4-gcm`.
    pub fn parse(s: &str) -> Option<Cipher> {
        match s {
            "aes" | "aes-256-gcm" => Some(Cipher::Aes256Gcm),
            "sm4" | "sm4-gcm" => Some(Cipher::Sm4Gcm),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyEntry {
    id: String,
    created: String,
    /// 32 random bytes, hex.
    key: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyFile {
    format: String,
    current: String,
    keys: Vec<KeyEntry>,
}

/// Why a key file or a sealed record could not be used. Never contains key material.
#[derive(Debug, PartialEq, Eq)]
pub struct KeyError(pub String);

impl std::fmt::Display for KeyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The keys of a key file, ready to seal (with the current one) and open (with any).
pub struct DataKeys {
    cipher: Cipher,
    current: String,
    keys: Vec<(String, [u8; 32])>,
}

impl std::fmt::Debug for DataKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Key ids only: a Debug print must never show key material.
        let ids: Vec<&str> = self.keys.iter().map(|(id, _)| id.as_str()).collect();
        f.debug_struct("DataKeys").field("cipher", &self.cipher).field("current", &self.current).field("ids", &ids).finish()
    }
}

/// A sealed envelope: the cipher and key that sealed it, and nonce ‖ ciphertext ‖ tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sealed {
    /// [`Cipher::as_str`].
    pub cipher: &'static str,
    /// The key file entry.
    pub key_id: String,
    /// 12-byte nonce, then the ciphertext with its 16-byte tag.
    pub blob: Vec<u8>,
}

/// SM4 takes a 128-bit key; key file entries are 256 bits (for AES-256). A separate key is derived
/// with SM3 rather than truncating, so that the AES and SM4 keys of one entry are unrelated.
fn sm4_key(key: &[u8; 32]) -> [u8; 16] {
    let mut h = Sm3::new();
    h.update(b"accountability-checklist/sm4-gcm/v1");
    h.update(key);
    let d = h.finalize();
    let mut out = [0u8; 16];
    out.copy_from_slice(&d[..16]);
    out
}

fn read_key_file(path: &Path) -> Result<KeyFile, KeyError> {
    let text = std::fs::read_to_string(path).map_err(|e| KeyError(format!("{}: {e}", path.display())))?;
    let file: KeyFile = serde_json::from_str(&text).map_err(|e| KeyError(format!("{}: not a key file: {e}", path.display())))?;
    if file.format != KEYS_FORMAT {
        return Err(KeyError(format!("{}: not a key file (format `{}`)", path.display(), file.format)));
    }
    Ok(file)
}

fn new_entry(n: usize, created: &str) -> Result<KeyEntry, KeyError> {
    let key = random::<32>().map_err(KeyError)?;
    Ok(KeyEntry { id: format!("k{n}"), created: created.to_owned(), key: checklist_core::envelope::to_hex(&key) })
}

fn write_key_file(path: &Path, file: &KeyFile) -> Result<(), KeyError> {
    let text = serde_json::to_string_pretty(file).map_err(|e| KeyError(e.to_string()))?;
    write_private(path, &text).map_err(KeyError)
}

/// `key new --out FILE`: a key file with one random key. Refuses to overwrite a file (that would
/// make every record sealed with it unreadable).
pub fn new_key_file(path: &Path, created: &str) -> Result<String, KeyError> {
    if path.exists() {
        return Err(KeyError(format!("{} exists already; use `key rotate` to add a key to it", path.display())));
    }
    let entry = new_entry(1, created)?;
    let id = entry.id.clone();
    write_key_file(path, &KeyFile { format: KEYS_FORMAT.to_owned(), current: id.clone(), keys: vec![entry] })?;
    Ok(id)
}

/// `key rotate --key-file FILE`: adds a random key and makes it current; the old keys stay for the
/// records they sealed. Returns the new key's id.
pub fn rotate_key_file(path: &Path, created: &str) -> Result<String, KeyError> {
    let mut file = read_key_file(path)?;
    let n = (1..).find(|n| !file.keys.iter().any(|k| k.id == format!("k{n}"))).unwrap_or(1);
    let entry = new_entry(n, created)?;
    let id = entry.id.clone();
    file.keys.push(entry);
    file.current = id.clone();
    write_key_file(path, &file)?;
    Ok(id)
}

impl DataKeys {
    /// Reads a key file; new records will be sealed with `cipher` under its current key.
    pub fn load(path: &Path, cipher: Cipher) -> Result<DataKeys, KeyError> {
        let file = read_key_file(path)?;
        let mut keys = Vec::new();
        for k in &file.keys {
            let bytes = hex32(&k.key).ok_or_else(|| KeyError(format!("{}: key `{}` is not 64 hex digits", path.display(), k.id)))?;
            keys.push((k.id.clone(), bytes));
        }
        if !keys.iter().any(|(id, _)| *id == file.current) {
            return Err(KeyError(format!("{}: the current key `{}` is not in the file", path.display(), file.current)));
        }
        Ok(DataKeys { cipher, current: file.current, keys })
    }

    /// The current key's id.
    pub fn current(&self) -> &str {
        &self.current
    }

    /// The cipher new records are sealed with.
    pub fn cipher(&self) -> Cipher {
        self.cipher
    }

    fn key(&self, id: &str) -> Option<&[u8; 32]> {
        self.keys.iter().find(|(k, _)| k == id).map(|(_, key)| key)
    }

    /// Seals `plain` for the record `receipt_id` with a fresh random nonce.
    pub fn seal(&self, receipt_id: &str, plain: &[u8]) -> Result<Sealed, KeyError> {
        let key = self.key(&self.current).ok_or_else(|| KeyError("no current key".into()))?;
        let nonce = random::<12>().map_err(KeyError)?;
        let payload = Payload { msg: plain, aad: receipt_id.as_bytes() };
        let ct = match self.cipher {
            Cipher::Aes256Gcm => Aes256Gcm::new(key.into()).encrypt(&nonce.into(), payload),
            Cipher::Sm4Gcm => Sm4Gcm::new(&sm4_key(key).into()).encrypt(&nonce.into(), payload),
        }
        .map_err(|_| KeyError("encryption failed".into()))?;
        let mut blob = nonce.to_vec();
        blob.extend_from_slice(&ct);
        Ok(Sealed { cipher: self.cipher.as_str(), key_id: self.current.clone(), blob })
    }

    /// Opens a sealed record; an error when the key is unknown or the blob, cipher, key or
    /// receipt id do not match what sealed it.
    pub fn open(&self, cipher: &str, key_id: &str, receipt_id: &str, blob: &[u8]) -> Result<Vec<u8>, KeyError> {
        let cipher = Cipher::parse(cipher).ok_or_else(|| KeyError(format!("unknown cipher `{}`", cipher.escape_default())))?;
        let key = self.key(key_id).ok_or_else(|| KeyError(format!("key `{}` is not in the key file", key_id.escape_default())))?;
        if blob.len() < 12 + 16 {
            return Err(KeyError("sealed record too short".into()));
        }
        let (nonce, ct) = blob.split_at(12);
        let nonce: [u8; 12] = nonce.try_into().map_err(|_| KeyError("bad nonce".into()))?;
        let payload = Payload { msg: ct, aad: receipt_id.as_bytes() };
        match cipher {
            Cipher::Aes256Gcm => Aes256Gcm::new(key.into()).decrypt(&nonce.into(), payload),
            Cipher::Sm4Gcm => Sm4Gcm::new(&sm4_key(key).into()).decrypt(&nonce.into(), payload),
        }
        .map_err(|_| KeyError("the record does not decrypt (wrong key, or altered)".into()))
    }
}

fn hex32(s: &str) -> Option<[u8; 32]> {
    if s.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, b) in out.iter_mut().enumerate() {
        *b = u8::from_str_radix(s.get(i * 2..i * 2 + 2)?, 16).ok()?;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unhex(s: &str) -> Vec<u8> {
        (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect()
    }

    /// RFC 8998 appendix A.1: the SM4-GCM test vector, through `AesGcm<Sm4, U12>`.
    #[test]
    fn sm4_gcm_matches_rfc_8998() {
        let key: [u8; 16] = unhex("0123456789ABCDEFFEDCBA9876543210").try_into().unwrap();
        let nonce: [u8; 12] = unhex("00001234567800000000ABCD").try_into().unwrap();
        let aad = unhex("FEEDFACEDEADBEEFFEEDFACEDEADBEEFABADDAD2");
        let plain = unhex(
            &[
                "AAAAAAAAAAAAAAAABBBBBBBBBBBBBBBB",
                "CCCCCCCCCCCCCCCCDDDDDDDDDDDDDDDD",
                "EEEEEEEEEEEEEEEEFFFFFFFFFFFFFFFF",
                "EEEEEEEEEEEEEEEEAAAAAAAAAAAAAAAA",
            ]
            .concat(),
        );
        let expected = unhex(
            &[
                "17F399F08C67D5EE19D0DC9969C4BB7D",
                "5FD46FD3756489069157B282BB200735",
                "D82710CA5C22F0CCFA7CBF93D496AC15",
                "A56834CBCF98C397B4024A2691233B8D",
                "83DE3541E4C2B58177E065A9BF7B62EC",
            ]
            .concat(),
        );
        let out = Sm4Gcm::new(&key.into()).encrypt(&nonce.into(), Payload { msg: &plain, aad: &aad }).unwrap();
        assert_eq!(out, expected);
        let back = Sm4Gcm::new(&key.into()).decrypt(&nonce.into(), Payload { msg: &expected, aad: &aad }).unwrap();
        assert_eq!(back, plain);
    }

    #[test]
    fn seal_open_rotate() {
        let dir = std::env::temp_dir().join(format!("ac-keys-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let path = dir.join("data.key");
        let _ = std::fs::remove_file(&path);
        assert_eq!(new_key_file(&path, "t").unwrap(), "k1");
        assert!(new_key_file(&path, "t").is_err(), "never overwrites a key file");
        for cipher in [Cipher::Aes256Gcm, Cipher::Sm4Gcm] {
            let keys = DataKeys::load(&path, cipher).unwrap();
            let a = keys.seal("r1", "张建国 110105197506150036".as_bytes()).unwrap();
            let b = keys.seal("r1", "张建国 110105197506150036".as_bytes()).unwrap();
            assert_ne!(a.blob, b.blob, "a fresh nonce per record");
            assert!(!String::from_utf8_lossy(&a.blob).contains("110105"));
            assert_eq!(keys.open(a.cipher, &a.key_id, "r1", &a.blob).unwrap(), "张建国 110105197506150036".as_bytes());
            assert!(keys.open(a.cipher, &a.key_id, "r2", &a.blob).is_err(), "bound to its receipt id");
            let mut flipped = a.blob.clone();
            flipped[20] ^= 1;
            assert!(keys.open(a.cipher, &a.key_id, "r1", &flipped).is_err(), "altered");
            assert!(keys.open(a.cipher, &a.key_id, "r1", &a.blob[..10]).is_err(), "too short, no panic");
            let other = if cipher == Cipher::Sm4Gcm { "aes-256-gcm" } else { "sm4-gcm" };
            assert!(keys.open(other, &a.key_id, "r1", &a.blob).is_err());
            // Rotation: the old record still opens, new ones use the new key.
            let id = rotate_key_file(&path, "t").unwrap();
            let rotated = DataKeys::load(&path, cipher).unwrap();
            assert_eq!(rotated.current(), id);
            assert_eq!(rotated.open(a.cipher, &a.key_id, "r1", &a.blob).unwrap(), "张建国 110105197506150036".as_bytes());
            assert_eq!(rotated.seal("r3", b"x").unwrap().key_id, id);
            assert!(format!("{rotated:?}").len() < 200, "Debug shows ids, not keys");
        }
        std::fs::write(&path, "{\"format\": \"accountability-checklist/data-keys\", \"current\": \"k9\", \"keys\": []}").unwrap();
        assert!(DataKeys::load(&path, Cipher::Aes256Gcm).is_err());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
