#!/usr/bin/env bash
# Installs the real-editor test harness offline: Debian packages, then code-server + playwright-core + mocha.
# Skips each part that is already there. Installs apt packages as root (CI) or through sudo.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
harness="$here/harness"

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
command -v krb5-config >/dev/null 2>&1 || missing+=(libkrb5-dev)
command -v unzip >/dev/null 2>&1 || missing+=(unzip)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "e2e install: apt packages ${missing[*]}"
  sudo=()
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "e2e install: install as root: apt-get install ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ -x "$harness/node_modules/.bin/code-server" ]; then
  echo "e2e install: harness already installed, skipped"
  exit 0
fi

# A private TMPDIR holding a seeded ripgrep cache: @vscode/ripgrep looks there before it tries to
# download rg from outside the npm registry (which fails here). Debian's rg stands in for it.
tmp="$(mktemp -d "${TMPDIR:-/tmp}/cnf-lint-e2e-install.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
cache="$tmp/vscode-ripgrep-cache-1.15.11"
mkdir -p "$cache" "$tmp/rg"
cp "$(command -v rg)" "$tmp/rg/rg"
tar -C "$tmp/rg" -czf "$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" rg

echo "e2e install: npm ci in test/e2e/harness (code-server builds native modules: about a minute)"
start=$SECONDS
(
  cd "$harness"
  # unsafe_perm: code-server's postinstall refuses root otherwise; yes: node-pty's build runs `npx node-gyp`.
  TMPDIR="$tmp" npm_config_unsafe_perm=true npm_config_yes=true npm_config_audit=false npm_config_fund=false \
    npm ci --no-progress --loglevel=error >"$tmp/npm.log" 2>&1 || { tail -n 60 "$tmp/npm.log"; exit 1; }
)
if [ ! -x "$harness/node_modules/.bin/code-server" ]; then
  tail -n 60 "$tmp/npm.log"
  echo "e2e install: code-server did not install" >&2
  exit 1
fi
echo "e2e install: done in $((SECONDS - start)) s"
