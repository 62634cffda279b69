#!/usr/bin/env bash
# Starts and stops the local mail servers the connector tests use, bound to 127.0.0.1 only:
#   OpenSMTPD  SMTP 127.0.0.1:$MAIL_SMTP_PORT (2525), delivering over LMTP to
#   Dovecot    IMAP 127.0.0.1:$MAIL_IMAP_PORT (1143), passwd-file users, maildir under .services/mail.
# usage: scripts/mail-services.sh up|down|status
# `up` installs the Debian packages when missing (apt-get, non-interactive), starts both servers and appends
# SERVERLESS_TEST_SMTP_HOST/PORT, SERVERLESS_TEST_IMAP_HOST/PORT and a test user/password to .services/env
# (replacing lines it wrote before). `down` stops them and removes those lines. Called from scripts/services.sh.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
state="$root/.services"
mail="$state/mail"
smtp_port="${MAIL_SMTP_PORT:-2525}"
imap_port="${MAIL_IMAP_PORT:-1143}"
domain="example.test"
# Local test mailboxes only: these accounts exist nowhere but in this loopback Dovecot.
test_user="alice@$domain"
test_password="secret"

log() { echo "mail-services: $*" >&2; }
# shellcheck source=scripts/ports.sh
source "$root/scripts/ports.sh"
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi; }

install_mail() {
  local missing=()
  [ -x /usr/lib/dovecot/imap ] || missing+=(dovecot-imapd)
  [ -x /usr/lib/dovecot/lmtp ] || missing+=(dovecot-lmtpd)
  [ -x /usr/sbin/smtpd ] || missing+=(opensmtpd)
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]} with apt"
  # policy-rc.d keeps the packages' own services (port 25, system IMAP) from starting at install time.
  local policy=/usr/sbin/policy-rc.d created_policy=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | as_root tee "$policy" >/dev/null; as_root chmod +x "$policy"; created_policy=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${missing[@]}" >/dev/null
  [ $created_policy -eq 1 ] && as_root rm -f "$policy"
  return 0
}

write_config() {
  mkdir -p "$mail/run" "$mail/state" "$mail/log" "$mail/vmail" "$mail/queue"
  as_root chown mail:mail "$mail/vmail"
  printf '%s\n' "$test_user:{PLAIN}$test_password" "bob@$domain:{PLAIN}$test_password" >"$mail/users"
  cat >"$mail/dovecot.conf" <<EOF
base_dir = $mail/run
state_dir = $mail/state
listen = 127.0.0.1
protocols = imap lmtp
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
log_path = $mail/log/dovecot.log
mail_location = maildir:$mail/vmail/%d/%n/Maildir
mail_uid = mail
mail_gid = mail
first_valid_uid = 8
first_valid_gid = 8
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $mail/users
}
userdb {
  driver = static
  args = uid=mail gid=mail home=$mail/vmail/%d/%n
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $imap_port
  }
  inet_listener imaps {
    port = 0
  }
}
service lmtp {
  unix_listener lmtp {
    mode = 0666
  }
}
protocol lmtp {
  postmaster_address = postmaster@$domain
}
namespace inbox {
  inbox = yes
}
EOF
  echo "@$domain mail" >"$mail/vusers"
  cat >"$mail/smtpd.conf" <<EOF
table vusers file:$mail/vusers
listen on 127.0.0.1 port $smtp_port
action "to_dovecot" lmtp "$mail/run/lmtp" rcpt-to virtual <vusers>
match from any for domain "$domain" action "to_dovecot"
EOF
  chmod 644 "$mail/smtpd.conf" "$mail/vusers"
}

dovecot_running() { [ -s "$mail/run/master.pid" ] && kill -0 "$(cat "$mail/run/master.pid")" 2>/dev/null; }
smtpd_running() { [ -s "$mail/smtpd.pid" ] && kill -0 "$(cat "$mail/smtpd.pid")" 2>/dev/null; }

start() {
  if ! dovecot_running; then
    port_open "$imap_port" && { log "127.0.0.1:$imap_port is taken by another process"; return 1; }
    as_root dovecot -c "$mail/dovecot.conf"
  fi
  if ! smtpd_running; then
    port_open "$smtp_port" && { log "127.0.0.1:$smtp_port is taken by another process"; return 1; }
    # smtpd daemonises; -d keeps it in the foreground so its pid is ours to stop later. Started directly (not through
    # a shell function) so that $! is smtpd itself, or sudo, which passes our SIGTERM on.
    if [ "$(id -u)" -eq 0 ]; then
      /usr/sbin/smtpd -d -f "$mail/smtpd.conf" >"$mail/log/smtpd.log" 2>&1 &
    else
      sudo -n /usr/sbin/smtpd -d -f "$mail/smtpd.conf" >"$mail/log/smtpd.log" 2>&1 &
    fi
    echo $! >"$mail/smtpd.pid"
  fi
  wait_port "$imap_port" dovecot 10 "$mail/log"
  wait_port "$smtp_port" opensmtpd 10 "$mail/log"
}

remove_env() {
  [ -f "$state/env" ] || return 0
  sed -i '/^# mail-services\.sh/d;/SERVERLESS_TEST_SMTP_/d;/SERVERLESS_TEST_IMAP_/d' "$state/env"
}

write_env() {
  remove_env
  cat >>"$state/env" <<EOF
# mail-services.sh: loopback SMTP (OpenSMTPD) and IMAP (Dovecot) with a local test mailbox.
export SERVERLESS_TEST_SMTP_HOST="127.0.0.1"
export SERVERLESS_TEST_SMTP_PORT="$smtp_port"
export SERVERLESS_TEST_IMAP_HOST="127.0.0.1"
export SERVERLESS_TEST_IMAP_PORT="$imap_port"
export SERVERLESS_TEST_IMAP_USER="$test_user"
export SERVERLESS_TEST_IMAP_PASSWORD="$test_password"
EOF
}

up() {
  mkdir -p "$state"
  install_mail
  write_config
  start
  write_env
  log "up: smtp 127.0.0.1:$smtp_port -> lmtp -> dovecot imap 127.0.0.1:$imap_port (env: $state/env)"
}

down() {
  if smtpd_running; then as_root kill "$(cat "$mail/smtpd.pid")" 2>/dev/null || true; fi
  rm -f "$mail/smtpd.pid"
  if dovecot_running; then as_root kill "$(cat "$mail/run/master.pid")" 2>/dev/null || true; fi
  wait_port_free "$smtp_port" || true
  wait_port_free "$imap_port" || true
  remove_env
  log "down"
}

status() {
  local rc=0
  if dovecot_running && port_open "$imap_port"; then echo "dovecot: up on 127.0.0.1:$imap_port"; else echo "dovecot: down"; rc=1; fi
  if smtpd_running && port_open "$smtp_port"; then echo "opensmtpd: up on 127.0.0.1:$smtp_port"; else echo "opensmtpd: down"; rc=1; fi
  return $rc
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
