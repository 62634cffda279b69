# Shared by scripts/services.sh and scripts/mail-services.sh (sourced, not run): waiting on loopback ports.
# The sourcing script defines log() first.

port_open() { (echo >"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# wait_port PORT NAME [SECONDS] [LOGFILE]: until something listens on 127.0.0.1:PORT.
wait_port() {
  local tries=$(( ${3:-10} * 10 ))
  for _ in $(seq 1 "$tries"); do port_open "$1" && return 0; sleep 0.1; done
  log "$2 did not open 127.0.0.1:$1${4:+ (see $4)}"; return 1
}

# wait_port_free PORT: until nothing listens on 127.0.0.1:PORT (5 s).
wait_port_free() {
  for _ in $(seq 1 50); do port_open "$1" || return 0; sleep 0.1; done
  log "port $1 is still in use"; return 1
}
