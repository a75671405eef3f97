#!/usr/bin/env bash
# One entry point for a fresh Debian/Ubuntu machine with Python 3.11+:
#   bash dev.sh app    set everything up and launch jlpanel on the demo cycle
#   bash dev.sh test   set everything up and run every check and test (what CI runs)
# It creates .venv, installs jlpanel with its test extras, and installs Qt's system
# libraries when run as root (otherwise it prints the exact apt command and stops).
set -euo pipefail
cd "$(dirname "$0")"

VENV=${JLPANEL_VENV:-.venv}
PY=${PYTHON:-python3}

# Qt's runtime libraries: offscreen (tests) needs the first list; a real window also the second.
# The tests also re-save dossiers with LibreOffice Calc, as host units do (installed as root;
# elsewhere those few tests are skipped unless JLPANEL_TESTS_NEED_LIBREOFFICE=1, as in CI).
TEST_PKGS="libreoffice-calc-nogui"
# The store's tests run on a real PostgreSQL server too (tests/pg_server.py starts one with
# initdb and pg_ctl as an unprivileged user): needed everywhere, never skipped.
PG_TEST_PKGS="postgresql"
QT_BASE_PKGS="libgl1 libegl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0 fonts-wqy-microhei"
QT_WINDOW_PKGS="libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-util1 libxcb-xkb1 libxkbcommon-x11-0"

say() { printf '%s\n' "$*" >&2; }

need_python() {
  if ! command -v "$PY" >/dev/null 2>&1; then
    say "Python 3.11+ is needed: apt-get install -y python3 python3-venv"; exit 1
  fi
  if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    say "Python 3.11+ is needed; $PY is $("$PY" --version 2>&1)."; exit 1
  fi
}

missing_debs() {
  command -v dpkg-query >/dev/null 2>&1 || return 0   # not Debian/Ubuntu: trust the system
  local p missing=""
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
  done
  printf '%s' "${missing# }"
}

ensure_debs() {
  local missing
  missing=$(missing_debs "$@")
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" = 0 ]; then
    say "Installing system packages: $missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
  else
    say "These system packages are needed (Qt, and PostgreSQL for the tests). Run this, then try again:"
    say "  sudo apt-get install -y --no-install-recommends $missing"
    exit 1
  fi
}

ensure_venv() {
  if [ ! -x "$VENV/bin/python" ]; then
    if ! "$PY" -m venv "$VENV" 2>/dev/null; then
      rm -rf "$VENV"
      ensure_debs python3-venv
      "$PY" -m venv "$VENV"
    fi
  fi
  # Reinstall only when the project's metadata changed since the last install.
  local stamp="$VENV/.jlpanel-installed"
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e ".[test]"
    touch "$stamp"
  fi
}

run_checks() {
  local bin="$VENV/bin"
  echo "== ruff"
  "$bin/ruff" check .
  "$bin/ruff" format --check .
  echo "== mypy"
  "$bin/mypy"
  echo "== import contracts"
  "$bin/lint-imports"
  echo "== forms and translations up to date, every English translation filled in"
  QT_QPA_PLATFORM=offscreen "$bin/python" tools/build_ui.py --check
  echo "== pytest"
  QT_QPA_PLATFORM=offscreen "$bin/pytest" "$@"
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case "$cmd" in
  app)
    need_python
    # shellcheck disable=SC2086
    ensure_debs $QT_BASE_PKGS $QT_WINDOW_PKGS
    ensure_venv
    demo=${JLPANEL_DEMO_DIR:-demo}
    if [ ! -f "$demo/demo.jlpanel" ]; then
      # A complete demo cycle: 24 dossiers imported, the expert roster; about 15 s.
      "$VENV/bin/jlpanel" demo "$demo"
    fi
    exec "$VENV/bin/jlpanel" open "$demo/demo.jlpanel" "$@"
    ;;
  test)
    need_python
    # shellcheck disable=SC2086
    ensure_debs $QT_BASE_PKGS $PG_TEST_PKGS
    if [ "$(id -u)" = 0 ]; then
      # shellcheck disable=SC2086
      ensure_debs $TEST_PKGS
    elif [ -n "$(missing_debs $TEST_PKGS)" ]; then
      say "Note: LibreOffice Calc is not installed; the tests that re-save files with it are skipped."
      say "  sudo apt-get install -y --no-install-recommends $TEST_PKGS"
    fi
    ensure_venv
    run_checks "$@"
    ;;
  *)
    say "usage: bash dev.sh app|test [args]"
    exit 2
    ;;
esac
