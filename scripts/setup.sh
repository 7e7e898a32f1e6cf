#!/usr/bin/env bash
# One-time, idempotent set-up of a fresh Debian machine: system packages, then the venv.
# Every system package the project needs is installed here, never by hand.
set -euo pipefail
cd "$(dirname "$0")/.."

SYSTEM_PACKAGES=(
  libreoffice-writer-nogui   # DOCX -> PDF (issue 3)
  fonts-liberation2          # Times New Roman metrics with every Vietnamese glyph
  poppler-utils              # pdftoppm: page images for previews and screenshots
  qpdf                       # tests check the structure of merged PDFs with qpdf --check
  python3-uno                # LibreOffice's UNO for Debian's /usr/bin/python3: the PDF pool's workers
  chromium                   # the web form's browser tests: Playwright drives Debian's Chromium
  postgresql                 # tests prove the PostgreSQL option (SQLite stays the default)
  redis-server               # Celery's broker for batch workers (issue 5); tests start their own
  nodejs                     # tests generate the TypeScript types of the API (tests/clients); axe-core for the browser tests
  curl                       # tests run the README's curl examples as written
  jq                         # ...which read JSON answers with jq
  nginx                      # buffers slow clients' requests in front of gunicorn (PROXY=nginx, issue 15)
)

missing=()
for pkg in "${SYSTEM_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
stamp=.venv/.requirements.sha
want=$(cat requirements.txt requirements-dev.txt | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -r requirements-dev.txt
  echo "$want" > "$stamp"
fi

# The tests' npm packages, each exactly as its lockfile pins it: tests/clients (openapi-
# typescript, tsc for the generated-client test) and tests/browser (axe-core, injected by the
# browser tests). Debian packages npm apart from nodejs (other builds bring their own npm).
if ! command -v npm >/dev/null; then
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends npm >/dev/null
fi
for folder in tests/clients tests/browser; do
  lock=$folder/package-lock.json
  if [ "$(cat "$folder/node_modules/.lock.sha" 2>/dev/null)" != "$(sha256sum "$lock" | cut -d' ' -f1)" ]; then
    npm ci --prefix "$folder" --no-audit --no-fund --loglevel=error
    sha256sum "$lock" | cut -d' ' -f1 > "$folder/node_modules/.lock.sha"
  fi
done
