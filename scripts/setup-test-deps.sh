#!/usr/bin/env bash
# Installs the system packages the test suite needs (Debian/Ubuntu, as root or with sudo):
# Chromium for the browser tests and PDF export, poppler-utils (pdftotext) and qpdf for PDF
# checks, gnome-keyring + libsecret for keychain tests (and to build keytar), LibreOffice to
# validate DOCX exports, strace to record every connection the offline mode must not make.
# Safe to run again: installs only what is missing.
set -euo pipefail
PACKAGES=(
  chromium
  poppler-utils
  qpdf
  gnome-keyring
  libsecret-1-dev
  pkg-config
  dbus
  libreoffice-writer-nogui
  fonts-dejavu-core
  strace
)
missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup-test-deps: all system packages present"
  exit 0
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "setup-test-deps: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
