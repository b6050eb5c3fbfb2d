#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with a private, unlocked gnome-keyring, so
# keychain tests use a real Secret Service and never touch the person's own keyring.
# Without dbus-run-session or gnome-keyring-daemon the command runs as is (keychain tests skip).
set -euo pipefail
if [ "${CV_TAILOR_IN_KEYRING:-}" = "1" ]; then exec "$@"; fi
if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
  echo "with-keyring: dbus-run-session or gnome-keyring-daemon missing; keychain tests will skip" >&2
  exec "$@"
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data" XDG_RUNTIME_DIR="$tmp/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
export CV_TAILOR_IN_KEYRING=1
dbus-run-session -- bash -c '
  eval "$(printf "%s" "test-keyring-password" | gnome-keyring-daemon --unlock --components=secrets)"
  export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK
  export CV_TAILOR_KEYRING=private
  "$@"
' keyring "$@"
