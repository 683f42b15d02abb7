# Shared set-up for scripts/run, scripts/test and scripts/screenshots (sourced, not run).
# Installs what a fresh Debian or Ubuntu machine lacks: system packages with apt, the UI's npm
# packages, the Rust toolchain's tools. Idempotent: a second run installs nothing.

set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

log() { printf '\n== %s\n' "$*" >&2; }

# Tauri's Linux build packages, the keychain (Secret Service) and the end-to-end test tools.
SYSTEM_PACKAGES=(
  libwebkit2gtk-4.1-dev build-essential pkg-config file curl libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev libdbus-1-dev
  xvfb xauth webkit2gtk-driver gnome-keyring dbus dbus-x11 keyutils imagemagick x11-utils x11-apps
  fonts-noto-cjk python3-venv
)

need_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# With arguments, installs those packages instead (scripts/package's extra tools).
install_system_packages() {
  command -v apt-get >/dev/null || { log "not a Debian/Ubuntu system: install the packages in README.md by hand"; return 0; }
  local wanted=("$@") missing=()
  [ "$#" -gt 0 ] || wanted=("${SYSTEM_PACKAGES[@]}")
  for p in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    log "installing system packages: ${missing[*]}"
    need_root apt-get update -qq
    need_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

install_ui_packages() {
  log "installing the UI's npm packages"
  (cd "$ROOT/ui" && npm ci --no-audit --no-fund --loglevel=error)
}

build_ui() {
  log "building the UI"
  (cd "$ROOT/ui" && npm run build --silent)
}

# The app, the CLI and the core in one cargo invocation with one feature set, so tests, clippy
# and the end-to-end build share one target directory and nothing is compiled twice.
CARGO_FEATURES=(--workspace --features switchboard/custom-protocol)

build_rust() {
  log "building the app and the CLI"
  (cd "$ROOT" && cargo build --locked "${CARGO_FEATURES[@]}" "$@")
}

# Runs a command inside a private D-Bus session with an unlocked GNOME Keyring, so the app and
# the keychain test have a real Secret Service even on a headless machine. The keyring files go
# under $XDG_DATA_HOME/keyrings: scripts/test points that at a throwaway folder.
with_keyring() {
  dbus-run-session -- bash -c '
    # The daemon must read a line (an empty password) from stdin, or no login collection exists.
    gnome-keyring-daemon --components=secrets --daemonize --unlock <<< "" >/dev/null
    exec "$@"' _ "$@"
}

# tauri-driver (WebDriver for Tauri apps) and the Python WebDriver client, for tests/e2e and
# scripts/screenshots.
E2E_VENV="$ROOT/target/e2e-venv"
install_e2e_tools() {
  export PATH="$HOME/.cargo/bin:$PATH"
  if ! command -v tauri-driver >/dev/null; then
    log "installing tauri-driver"
    cargo install tauri-driver --locked --version 2.1.0 --quiet
  fi
  if [ ! -x "$E2E_VENV/bin/pytest" ]; then
    log "installing the WebDriver client (selenium, pytest)"
    python3 -m venv "$E2E_VENV"
    "$E2E_VENV/bin/pip" install --quiet --disable-pip-version-check -r "$ROOT/tests/e2e/requirements.txt"
  fi
  export SWITCHBOARD_APP="$ROOT/target/debug/switchboard"
  export SWITCHBOARD_CLI="$ROOT/target/debug/switchboard-cli"
}
