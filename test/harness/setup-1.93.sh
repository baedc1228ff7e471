#!/usr/bin/env bash
# Installs code-server 4.93.1 (VS Code 1.93, the oldest VS Code the extension supports) on the machine's
# Node 20, offline and idempotently, next to the newer one in the harness cache. Needs setup.sh's Debian
# packages. Its ripgrep postinstall would download from GitHub: the cache it reads is seeded with an `rg`
# (the newer code-server's, or Debian's ripgrep). Prints KEY=VALUE lines on stdout like setup.sh.
set -euo pipefail

CODE_SERVER_VERSION=4.93.1   # VS Code 1.93.1
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CACHE=${MCPV_HARNESS_CACHE:-$ROOT/.cache/harness}
mkdir -p "$CACHE"
log() { echo "[harness-setup-1.93] $*" >&2; }
while IFS= read -r var; do unset "$var"; done < <(env | grep -o '^npm_[A-Za-z0-9_]*' || true)

NODE20=$(command -v node)
case "$("$NODE20" --version)" in v20.*) ;; *) log "code-server $CODE_SERVER_VERSION needs Node 20 first on PATH (found $("$NODE20" --version))"; exit 1 ;; esac
NODE20_HEADERS=$(cd "$(dirname "$NODE20")/.." && pwd)

CS_DIR=$CACHE/code-server-$CODE_SERVER_VERSION
CS_BIN=$CS_DIR/node_modules/code-server/out/node/entry.js
if [ ! -f "$CS_DIR/.complete" ]; then
  log "installing code-server $CODE_SERVER_VERSION into $CS_DIR (a few minutes the first time)"
  rm -rf "$CS_DIR"; mkdir -p "$CS_DIR/tmp"
  export TMPDIR=$CS_DIR/tmp
  RG=$(find "$CACHE"/code-server-4.139.*/node_modules -path '*/linux-x64/rg' -type f 2>/dev/null | head -1 || true)
  [ -n "$RG" ] || RG=$(command -v rg || true)
  if [ -z "$RG" ]; then log "no rg binary: run setup.sh first or install Debian's ripgrep"; exit 1; fi
  mkdir -p "$TMPDIR/rg" && cp "$RG" "$TMPDIR/rg/rg"
  # The cache folder is named after @vscode/ripgrep's version (1.15.9 in 4.93.1's lock file).
  for v in 1.15.9 1.15.11; do
    mkdir -p "$TMPDIR/vscode-ripgrep-cache-$v"
    tar -czf "$TMPDIR/vscode-ripgrep-cache-$v/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$TMPDIR/rg" rg
  done
  (cd "$CS_DIR" && echo '{"private":true}' > package.json &&
    npm install --ignore-scripts --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" >&2 &&
    npm_config_nodedir="$NODE20_HEADERS" npm rebuild argon2 >&2 &&
    cd node_modules/code-server &&
    npm_config_user_agent="npm/$(npm --version) node/$("$NODE20" --version) linux x64" \
    npm_config_nodedir="$NODE20_HEADERS" npm_config_unsafe_perm=true npm_config_yes=true sh ./postinstall.sh >&2)
  rm -rf "$TMPDIR"
  touch "$CS_DIR/.complete"
fi

echo "NODE=$NODE20"
echo "CODE_SERVER_ENTRY=$CS_BIN"
echo "CODE_SERVER_VERSION=$CODE_SERVER_VERSION"
echo "CHROMIUM=$(command -v chromium)"
