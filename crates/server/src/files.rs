//! Static files from the `--www` directory: GET and HEAD, `/` is `index.html`, no directory
//! listing, nothing outside the directory (dot segments, encoded or not, back-slashes, NUL and
//! hidden files are refused; symbolic links must resolve inside the directory).

use std::path::{Path, PathBuf};

use axum::body::Body;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};

/// The Content-Type of a file name.
pub(crate) fn content_type(name: &str) -> &'static str {
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" | "map" => "application/json",
        "wasm" => "application/wasm",
        "png" => "image/png",
        "svg" => "image/svg+xml",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// Decodes `%XX` escapes; `None` for a bad escape or a result that is not UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let hex = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The relative file path a request path names, or `None` when it must not be served.
pub(crate) fn relative_path(request_path: &str) -> Option<PathBuf> {
    let decoded = percent_decode(request_path)?;
    let rest = decoded.strip_prefix('/')?;
    let mut rel = PathBuf::new();
    let mut segments: Vec<&str> = rest.split('/').collect();
    if segments.last() == Some(&"") {
        segments.pop();
        segments.push("index.html");
    }
    for seg in segments {
        let bad = seg.is_empty() || seg.starts_with('.') || seg.contains(['\\', '\0', ':']) || seg.chars().any(char::is_control);
        if bad {
            return None;
        }
        rel.push(seg);
    }
    Some(rel)
}

/// Serves `request_path` from `root` (already canonical).
pub(crate) async fn serve(root: &Path, method: &Method, request_path: &str) -> Response {
    let Some(rel) = relative_path(request_path) else { return not_found() };
    let candidate = root.join(&rel);
    // Resolve symbolic links and make sure the result is still inside the root.
    let Ok(real) = tokio::fs::canonicalize(&candidate).await else { return not_found() };
    if !real.starts_with(root) {
        return not_found();
    }
    match tokio::fs::metadata(&real).await {
        Ok(m) if m.is_file() => {}
        _ => return not_found(),
    }
    let Ok(bytes) = tokio::fs::read(&real).await else { return not_found() };
    let name = rel.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let len = bytes.len();
    let body = if method == Method::HEAD { Body::empty() } else { Body::from(bytes) };
    let mut res = (StatusCode::OK, body).into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type(name)));
    h.insert(header::CONTENT_LENGTH, HeaderValue::from(len));
    res
}

fn not_found() -> Response {
    super::api::error(StatusCode::NOT_FOUND, "not_found", "未找到", None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_relative_paths_are_served() {
        assert_eq!(relative_path("/"), Some(PathBuf::from("index.html")));
        assert_eq!(relative_path("/pkg/app_bg.wasm"), Some(PathBuf::from("pkg/app_bg.wasm")));
        assert_eq!(relative_path("/%E6%BC%94%E7%A4%BA.html"), Some(PathBuf::from("演示.html")));
        for bad in [
            "/../Cargo.toml",
            "/%2e%2e/Cargo.toml",
            "/%2E%2E%2FCargo.toml",
            "/a/../../x",
            "/.git/config",
            "/a//b",
            "/a%5c..%5cb",
            "/%00",
            "/%zz",
            "/%ff",
            "x",
            "/C:/x",
        ] {
            assert_eq!(relative_path(bad), None, "{bad}");
        }
    }

    #[test]
    fn content_types() {
        assert_eq!(content_type("app_bg.wasm"), "application/wasm");
        assert_eq!(content_type("app.mjs"), "text/javascript; charset=utf-8");
        assert_eq!(content_type("README"), "application/octet-stream");
    }
}
