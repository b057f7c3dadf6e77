# Shared set-up steps for scripts/serve, scripts/build and scripts/test. Each step checks first
# and installs only what is missing, so a second run costs almost nothing.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WASM_BINDGEN_VERSION=0.2.130
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

ensure_wasm_target() {
  rustup target list --installed | grep -qx wasm32-unknown-unknown || {
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  }
}

# std's source, which the release build compiles for the wasm itself (scripts/build says why).
ensure_rust_src() {
  rustup component list --installed | grep -q '^rust-src' || {
    say "adding the rust-src component"
    rustup component add rust-src
  }
}

ensure_wasm_bindgen() {
  if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\$"; then
    say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
    # Not --locked: one of its locked dependency versions is gone from the registry.
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
  fi
}

ensure_node_modules() {
  if [ ! -d "$ROOT/node_modules" ] || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    say "installing npm packages from package-lock.json"
    # No package needs its install script (esbuild's only links its binary; the JS shim finds it).
    (cd "$ROOT" && npm ci --no-audit --no-fund --ignore-scripts)
  fi
}

apt_install() {
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "$@"
}

# Chromium and its driver, and Liberation Sans: the widget names Arial, then Liberation Sans
# (the same metrics), so every engine here draws and measures its text in one face.
ensure_chromium() {
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || [ ! -d /usr/share/fonts/truetype/liberation ]; then
    say "installing Debian chromium, chromium-driver and fonts-liberation"
    apt_install chromium chromium-driver fonts-liberation
  fi
}

# Firefox ESR, driven by puppeteer-core over WebDriver BiDi (no geckodriver needed).
ensure_firefox() {
  if [ ! -x /usr/bin/firefox-esr ]; then
    say "installing Debian firefox-esr"
    apt_install firefox-esr
  fi
}

# WebKitGTK (Safari's engine): its WebDriver and MiniBrowser, under a virtual X server.
ensure_webkit() {
  if [ ! -x /usr/bin/WebKitWebDriver ] || [ ! -x /usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser ] || ! command -v xvfb-run >/dev/null; then
    say "installing Debian webkit2gtk-driver and xvfb"
    apt_install webkit2gtk-driver xvfb xauth
  fi
}
