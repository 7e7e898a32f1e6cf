"""gunicorn's settings for plandoc: `scripts/run.sh` passes this file, and gunicorn started
from the repository's root reads it by itself. Command-line flags override it."""

from service.batch import lifecycle

wsgi_app = "wsgi:app"
bind = ["127.0.0.1:8000"]
workers = 2  # one per core; each has its LibreOffice pool (PDF_POOL_SIZE=1) and batch threads
threads = 4
timeout = 120  # above a PDF request's worst case (two attempts of 30 s plus starts)
# SIGTERM: requests in flight and batch rows in flight get this long, then the PDF pool
# closes; the master kills a worker still alive after it (rows then wait for their lease).
graceful_timeout = 30
control_socket_disable = True  # no gunicornc socket: one fixed path shared by every instance

post_worker_init = lifecycle.post_worker_init
worker_int = lifecycle.worker_int
worker_exit = lifecycle.worker_exit
