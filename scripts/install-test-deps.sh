#!/usr/bin/env bash
# System packages the tests use, installed from Debian's repositories when missing.
# Nothing here downloads a binary of its own.
set -euo pipefail
packages=()
# A binary and the Debian package that provides it, one pair per line.
while read -r binary package; do
  [ -z "$binary" ] && continue
  command -v "$binary" >/dev/null 2>&1 || packages+=("$package")
done <<'LIST'
chromium chromium
nginx nginx
mariadbd mariadb-server
php php-cli
php-fpm8.2 php-fpm
LIST
# Packages without a binary of their own: a real WordPress for the sources' tests.
# python3-feedparser: a real feed reader checks the RSS and Atom feeds.
for package in wordpress php-mysql php-gd php-xml php-mbstring python3-feedparser; do
  dpkg -s "$package" >/dev/null 2>&1 || packages+=("$package")
done
if [ ${#packages[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "The tests need: ${packages[*]}. Install them (apt-get install ${packages[*]}) or run as root." >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}"
fi
