#!/usr/bin/env bash
# Set up (if needed) and start the service on http://127.0.0.1:8000 with its embedded defaults.
# gunicorn.conf.py holds gunicorn's settings and the hooks that stop batches cleanly.
# PROXY=nginx puts nginx (deploy/nginx.conf) on BIND in front of gunicorn on UPSTREAM
# (default 127.0.0.1:8001): it reads slow clients' requests whole before gunicorn sees them.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PDF_POOL_SIZE=${PDF_POOL_SIZE:-1}  # per gunicorn worker: 2 workers x 1 = one soffice per core
export PLANDOC_PDF_PRESTART=${PLANDOC_PDF_PRESTART:-true}  # LibreOffice warm before the first PDF
BIND=${BIND:-127.0.0.1:8000}
gunicorn=(.venv/bin/gunicorn --config gunicorn.conf.py --workers "${WORKERS:-2}" --threads "${THREADS:-4}")

if [ "${PROXY:-}" = "" ]; then
  exec "${gunicorn[@]}" --bind "$BIND"
fi
if [ "$PROXY" != "nginx" ]; then
  echo "run.sh: PROXY must be nginx or empty, not '$PROXY'" >&2
  exit 2
fi

UPSTREAM=${UPSTREAM:-127.0.0.1:8001}
STATE=${NGINX_STATE:-var/nginx}
mkdir -p "$STATE"
STATE=$(cd "$STATE" && pwd)
sed -e "s|@LISTEN@|$BIND|g" -e "s|@UPSTREAM@|$UPSTREAM|g" -e "s|@STATE@|$STATE|g" \
  deploy/nginx.conf > "$STATE/nginx.conf"
export PLANDOC_TRUSTED_PROXIES=1  # exactly one proxy in front: nginx gives the client's address

"${gunicorn[@]}" --bind "$UPSTREAM" &
app=$!
nginx -e stderr -p "$STATE" -c "$STATE/nginx.conf" -g "daemon off;" &
proxy=$!
# SIGTERM or Ctrl-C: nginx finishes its requests (QUIT), gunicorn stops its workers in order
# (TERM, see gunicorn.conf.py). If either exits on its own, the other is stopped too.
trap 'kill -QUIT $proxy 2>/dev/null; kill -TERM $app 2>/dev/null' TERM INT
status=0
wait -n "$app" "$proxy" || status=$?
kill -QUIT "$proxy" 2>/dev/null || true
kill -TERM "$app" 2>/dev/null || true
wait "$app" "$proxy" 2>/dev/null || true
exit "$status"
