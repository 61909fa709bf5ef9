#!/usr/bin/env bash
# Real old Chromium kernels for tests/e2e/compat.test.mjs (part of `make tools`; idempotent).
#
# The npm packages chrome-aws-lambda@X ship a real headless Chromium build (brotli-compressed, with the
# NSS libraries it needs in aws.tar.br). They are fetched with `npm pack` from the npm registry, checked
# against the sha512 pinned below (the registry's own dist.integrity), and unpacked into
# $OUT/<major>/{chromium,lib/}. Nothing is downloaded from anywhere else, and nothing is installed into
# node_modules (their puppeteer-core peer dependencies are not needed: the test speaks the DevTools
# protocol itself).
#
#   major  package                    kernel              browsers on that kernel (docs/browsers.md)
#   78     chrome-aws-lambda@1.20.4   HeadlessChrome 78   360安全浏览器 12
#   85     chrome-aws-lambda@5.2.1    HeadlessChrome 85   360安全浏览器 13 (86), UOS 83
#   92     chrome-aws-lambda@10.1.0   HeadlessChrome 92   奇安信可信浏览器 (90), 红莲花 (92), UOS (93)
set -euo pipefail
OUT=${1:?usage: old-kernels.sh OUTPUT_DIR}
KERNELS=(
  "78 1.20.4 sha512-+zuq/BO9TpAvlXIpyGto6YytnEe0NBpZS5HVGnaMqRhL0cagDEhrzAYqaQfK4HZnafA7HW1wkFacl7CAI990LQ=="
  "85 5.2.1 sha512-str1ip6pTu9TvCcQyQ/zdYLfQk+ugVVlLf7Gus6peR4PA6Mn3hZBt/eHwgIp/FJ+nY/BIY1jiCYcxpuDjHZWuw=="
  "92 10.1.0 sha512-NZQVf+J4kqG4sVhRm3WNmOfzY0OtTSm+S8rg77pwePa9RCYHzhnzRs8YvNI6L9tALIW6RpmefWiPURt3vURXcw=="
)
mkdir -p "$OUT"
for k in "${KERNELS[@]}"; do
  read -r major version integrity <<<"$k"
  dir="$OUT/$major"
  [ -x "$dir/chromium" ] && [ -d "$dir/lib" ] && continue
  echo "old-kernels: Chromium $major from chrome-aws-lambda@$version (npm)"
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack "chrome-aws-lambda@$version" --silent --no-audit --no-fund >/dev/null)
  tgz="$tmp/chrome-aws-lambda-$version.tgz"
  got="sha512-$(openssl dgst -sha512 -binary "$tgz" | openssl base64 -A)"
  if [ "$got" != "$integrity" ]; then
    echo "old-kernels: chrome-aws-lambda@$version has integrity $got, expected $integrity" >&2
    exit 1
  fi
  tar xzf "$tgz" -C "$tmp" package/bin/chromium.br package/bin/aws.tar.br
  rm -rf "$dir.part" && mkdir -p "$dir.part"
  brotli -d "$tmp/package/bin/chromium.br" -o "$dir.part/chromium"
  chmod +x "$dir.part/chromium"
  brotli -dc "$tmp/package/bin/aws.tar.br" | tar x -C "$dir.part"
  rm -rf "$dir" && mv "$dir.part" "$dir"
  rm -rf "$tmp"
  trap - EXIT
done
