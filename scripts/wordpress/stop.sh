#!/usr/bin/env bash
# Stops the WordPress that start.sh started in STATE_DIR and removes it, with its config file.
set -uo pipefail
state=${1:?usage: stop.sh STATE_DIR}
[ -d "$state" ] || exit 0
for pidfile in nginx.pid php-fpm.pid mysqld.pid; do
  [ -s "$state/$pidfile" ] && kill "$(cat "$state/$pidfile")" 2> /dev/null
done
for _ in $(seq 1 50); do
  alive=0
  for pidfile in nginx.pid php-fpm.pid mysqld.pid; do
    [ -s "$state/$pidfile" ] && kill -0 "$(cat "$state/$pidfile")" 2> /dev/null && alive=1
  done
  [ $alive -eq 0 ] && break
  sleep 0.2
done
[ -s "$state/config-name" ] && rm -f "/etc/wordpress/config-$(cat "$state/config-name").php"
rm -rf "$state"
