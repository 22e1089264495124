#!/usr/bin/env bash
# Installs what the editor end-to-end tests need, outside the project's own package.json:
#   - Debian packages: chromium (driven by playwright-core), libkrb5-dev + ripgrep (code-server's
#     native modules and search), neovim (0.7), emacs-nox + elpa-eglot, pre-commit (npm run test:hooks).
#   - .e2e/tools/: code-server 4.100.3 (VS Code 1.100.3, the newest that runs on Node 20),
#     playwright-core, vscode-tmgrammar-test — with their own package.json, git-ignored (.e2e/).
# Idempotent: each part is skipped when already done (apt: every package installed; npm: a version
# stamp). Runs as root, with no stdin, CI=true friendly. Nothing is downloaded but from Debian's apt
# and the npm registry (see docs/editors.md and the ripgrep note below).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TOOLS=${ENVLS_E2E_TOOLS:-$ROOT/.e2e/tools}

CODE_SERVER_VERSION=4.100.3
PLAYWRIGHT_CORE_VERSION=1.65.1
TMGRAMMAR_TEST_VERSION=0.1.3
RIPGREP_NPM_VERSION=1.15.11          # @vscode/ripgrep pinned by code-server 4.100.3
RIPGREP_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
STAMP="code-server=$CODE_SERVER_VERSION playwright-core=$PLAYWRIGHT_CORE_VERSION vscode-tmgrammar-test=$TMGRAMMAR_TEST_VERSION"

APT_PACKAGES=(chromium libkrb5-dev ripgrep neovim emacs-nox elpa-eglot pre-commit)

log() { printf '[install-e2e] %s\n' "$*"; }

# ---- Debian packages --------------------------------------------------------------------------
missing=()
for p in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  log "apt-get update, then install: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q "${APT_PACKAGES[@]}" </dev/null
else
  log "apt packages already installed: ${APT_PACKAGES[*]}"
fi

# ---- npm tools (code-server, playwright-core, vscode-tmgrammar-test) ---------------------------
if [ -f "$TOOLS/.stamp" ] && [ "$(cat "$TOOLS/.stamp")" = "$STAMP" ] \
   && [ -x "$TOOLS/node_modules/.bin/code-server" ] \
   && [ -f "$TOOLS/node_modules/playwright-core/package.json" ] \
   && [ -x "$TOOLS/node_modules/.bin/vscode-tmgrammar-test" ]; then
  log "npm tools already installed in $TOOLS ($STAMP)"
  exit 0
fi

mkdir -p "$TOOLS"
cat >"$TOOLS/package.json" <<JSON
{
  "name": "envls-e2e-tools",
  "private": true,
  "description": "Editor test tools for envls (installed by scripts/install-e2e.sh; not part of the extension)",
  "dependencies": {
    "code-server": "$CODE_SERVER_VERSION",
    "playwright-core": "$PLAYWRIGHT_CORE_VERSION",
    "vscode-tmgrammar-test": "$TMGRAMMAR_TEST_VERSION"
  }
}
JSON

# @vscode/ripgrep's post-install downloads rg from GitHub, which this machine cannot reach. It looks
# first in $TMPDIR/vscode-ripgrep-cache-<version>/<asset>: put Debian's rg there, packed as `rg`.
export TMPDIR=${TMPDIR:-/tmp}
cache="$TMPDIR/vscode-ripgrep-cache-$RIPGREP_NPM_VERSION"
if [ ! -s "$cache/$RIPGREP_ASSET" ]; then
  log "seeding ripgrep cache $cache/$RIPGREP_ASSET from /usr/bin/rg"
  mkdir -p "$cache"
  stage=$(mktemp -d)
  cp /usr/bin/rg "$stage/rg"
  tar -czf "$cache/$RIPGREP_ASSET" -C "$stage" rg
  rm -rf "$stage"
fi

log "npm install in $TOOLS ($STAMP)"
# unsafe_perm: code-server refuses to install as root without it; yes: node-pty's post-install runs
# npx and this machine's npmrc says yes=false.
(cd "$TOOLS" && npm_config_unsafe_perm=true npm_config_yes=true \
  npm install --no-audit --no-fund --loglevel=error </dev/null)

vh=$(mktemp -d)   # code-server writes a config file into XDG_CONFIG_HOME even for --version
XDG_CONFIG_HOME=$vh XDG_DATA_HOME=$vh "$TOOLS/node_modules/.bin/code-server" --version 2>/dev/null | grep -m1 'with Code' | sed 's/^/[install-e2e] code-server /' || true
rm -rf "$vh"
echo "$STAMP" >"$TOOLS/.stamp"
log "done"
