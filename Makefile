.PHONY: run test check bench templates
run:
	bash scripts/run.sh
test:
	bash scripts/test.sh
check:
	.venv/bin/ruff check . && .venv/bin/ruff format --check . && .venv/bin/mypy
bench:
	.venv/bin/python -m bench
templates:
	.venv/bin/python tools/build_templates.py
