#!/usr/bin/env bash
# Starts a throwaway WordPress on 127.0.0.1 from Debian's packages, for tests and examples:
# its own MariaDB (unix socket only, no TCP), its own php-fpm pool and its own nginx, all
# under STATE_DIR, then installs WordPress and fills it through WordPress's own PHP
# functions (scripts/wordpress/fill.php). Nothing listens beyond 127.0.0.1.
#
#   bash scripts/wordpress/start.sh STATE_DIR PORT     prints the site URL when ready
#   bash scripts/wordpress/stop.sh STATE_DIR           stops it and removes STATE_DIR
#
# Needs root (as the tests run here) and: wordpress mariadb-server php-fpm php-mysql php-gd nginx.
set -euo pipefail
state=${1:?usage: start.sh STATE_DIR PORT}
port=${2:?usage: start.sh STATE_DIR PORT}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$state"
state=$(cd "$state" && pwd)
name="kiln-$(basename "$state" | tr -c 'a-zA-Z0-9-\n' '-')"
url="http://127.0.0.1:$port"
php_fpm=$(command -v php-fpm8.2 || ls /usr/sbin/php-fpm* | head -1)
echo "$name" > "$state/config-name"

fail() {
  echo "WordPress setup failed: $1" >&2
  for log in mariadb.log php-fpm.log nginx-error.log fill.log; do
    [ -s "$state/$log" ] && { echo "--- $log" >&2; tail -20 "$state/$log" >&2; }
  done
  exit 1
}

# MariaDB: a data folder of its own, reachable only through a socket in STATE_DIR.
mariadb-install-db --no-defaults --datadir="$state/mysql" --user=root \
  --auth-root-authentication-method=socket --skip-test-db > "$state/mariadb.log" 2>&1 ||
  fail "mariadb-install-db"
mariadbd --no-defaults --datadir="$state/mysql" --socket="$state/mysqld.sock" \
  --pid-file="$state/mysqld.pid" --skip-networking --user=root \
  --innodb-buffer-pool-size=32M --log-error="$state/mariadb.log" < /dev/null > "$state/mariadb.out" 2>&1 &
for _ in $(seq 1 100); do [ -S "$state/mysqld.sock" ] && break; sleep 0.2; done
[ -S "$state/mysqld.sock" ] || fail "mariadbd did not start"
db_password=$(head -c 18 /dev/urandom | base64 | tr -dc 'a-zA-Z0-9')
mariadb --no-defaults -S "$state/mysqld.sock" -uroot <<SQL || fail "creating the database"
CREATE DATABASE wordpress;
CREATE USER 'wordpress'@'localhost' IDENTIFIED BY '$db_password';
GRANT ALL ON wordpress.* TO 'wordpress'@'localhost';
SQL

# WordPress reads /etc/wordpress/config-<WORDPRESS_CONFIG>.php (Debian's wp-config.php).
mkdir -p "$state/wp-content/uploads"
ln -sfn /usr/share/wordpress/wp-content/themes "$state/wp-content/themes"
ln -sfn /usr/share/wordpress/wp-content/plugins "$state/wp-content/plugins"
salt=$(head -c 48 /dev/urandom | base64 | tr -dc 'a-zA-Z0-9')
cat > "/etc/wordpress/config-$name.php" <<PHP
<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'wordpress');
define('DB_PASSWORD', '$db_password');
define('DB_HOST', 'localhost:$state/mysqld.sock');
define('WP_CONTENT_DIR', '$state/wp-content');
define('WP_CONTENT_URL', '$url/wp-content');
define('WP_HOME', '$url');
define('WP_SITEURL', '$url');
define('AUTH_KEY', '$salt-1');
define('SECURE_AUTH_KEY', '$salt-2');
define('LOGGED_IN_KEY', '$salt-3');
define('NONCE_KEY', '$salt-4');
define('AUTH_SALT', '$salt-5');
define('SECURE_AUTH_SALT', '$salt-6');
define('LOGGED_IN_SALT', '$salt-7');
define('NONCE_SALT', '$salt-8');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
PHP

# php-fpm: one pool on a socket in STATE_DIR.
cat > "$state/php-fpm.conf" <<CONF
[global]
pid = $state/php-fpm.pid
error_log = $state/php-fpm.log
daemonize = no
[kiln]
user = root
listen = $state/php-fpm.sock
pm = static
pm.max_children = 4
clear_env = yes
env[WORDPRESS_CONFIG] = $name
CONF
"$php_fpm" --allow-to-run-as-root --fpm-config "$state/php-fpm.conf" --nodaemonize \
  < /dev/null > "$state/php-fpm.out" 2>&1 &

# nginx on 127.0.0.1:PORT only.
mkdir -p "$state/nginx-temp"
cat > "$state/nginx.conf" <<CONF
daemon off;
user root;
pid $state/nginx.pid;
error_log $state/nginx-error.log;
worker_processes 1;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path $state/nginx-temp/body;
  fastcgi_temp_path $state/nginx-temp/fastcgi;
  proxy_temp_path $state/nginx-temp/proxy;
  uwsgi_temp_path $state/nginx-temp/uwsgi;
  scgi_temp_path $state/nginx-temp/scgi;
  server {
    listen 127.0.0.1:$port;
    root /usr/share/wordpress;
    index index.php;
    location /wp-content/ { alias $state/wp-content/; }
    location / { try_files \$uri \$uri/ /index.php?\$args; }
    location ~ \.php\$ {
      include /etc/nginx/fastcgi_params;
      fastcgi_param SCRIPT_FILENAME \$document_root\$fastcgi_script_name;
      fastcgi_param WORDPRESS_CONFIG $name;
      fastcgi_pass unix:$state/php-fpm.sock;
    }
  }
}
CONF
nginx -c "$state/nginx.conf" -e "$state/nginx-error.log" < /dev/null > "$state/nginx.out" 2>&1 &
for _ in $(seq 1 50); do [ -S "$state/php-fpm.sock" ] && [ -s "$state/nginx.pid" ] && break; sleep 0.2; done
[ -S "$state/php-fpm.sock" ] || fail "php-fpm did not start"

# Install and fill through WordPress's own functions, as the command line (no web installer).
WORDPRESS_CONFIG=$name KILN_WP_URL=$url php "$here/fill.php" > "$state/fill.log" 2>&1 || fail "fill.php"
for _ in $(seq 1 50); do
  curl -fsS "$url/wp-json/wp/v2/posts" > /dev/null 2>&1 && break
  sleep 0.2
done
curl -fsS "$url/wp-json/wp/v2/posts" > /dev/null || fail "the REST API does not answer at $url"
echo "$url"
