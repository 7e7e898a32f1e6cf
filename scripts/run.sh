#!/usr/bin/env bash
# Set up (if needed) and start the service on http://127.0.0.1:8000 with its embedded defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PDF_POOL_SIZE=${PDF_POOL_SIZE:-1}  # per gunicorn worker: 2 workers x 1 = one soffice per core
export PLANDOC_PDF_PRESTART=${PLANDOC_PDF_PRESTART:-true}  # LibreOffice warm before the first PDF
exec .venv/bin/gunicorn --bind "${BIND:-127.0.0.1:8000}" --workers "${WORKERS:-2}" \
  --threads "${THREADS:-4}" --timeout 120 "wsgi:app"
