#!/usr/bin/env bash
# Locates, fetches and builds the peers that bench/power.bench.ts measures Concert against. Peer code lives
# outside the repository, in $CONCERT_PEERS_DIR (default /tmp/concert-peers), and is never committed.
#
#   EPIC  (jhstaudacher/EPIC, C++ + GMP)          → $CONCERT_PEERS_DIR/epic, binary epic/epic-bench
#   Kurz  (frankhuettner/powerindices, numpy)      → $CONCERT_PEERS_DIR/powerindices/powerindices.py
#   EU27 enumerator (bench/eu27-enumerate.c, ours)  → $CONCERT_PEERS_DIR/bin/eu27-enumerate
#
# Where from: $CONCERT_EPIC_REPO / $CONCERT_KURZ_REPO (any `git clone` source: a URL or a local mirror),
# default the GitHub URLs. An existing checkout is reused as it is. A peer that cannot be obtained or built is
# reported and skipped; the script still exits 0 so the benchmark runs with the peers it has.
#
# Needs: git, make, a C++17 compiler, GMP (Debian: apt-get install -y build-essential libgmp-dev), and a
# python3 with numpy (Debian: apt-get install -y python3-numpy, which installs into /usr/bin/python3).
set -u

PEERS_DIR="${CONCERT_PEERS_DIR:-/tmp/concert-peers}"
EPIC_REPO="${CONCERT_EPIC_REPO:-https://github.com/jhstaudacher/EPIC.git}"
KURZ_REPO="${CONCERT_KURZ_REPO:-https://github.com/frankhuettner/powerindices.git}"
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

say() { printf 'peers: %s\n' "$*"; }

# Clones $2 into $1 unless a checkout is already there; prints the commit either way.
checkout() {
  local dir="$1" repo="$2" name="$3"
  if [ -d "$dir/.git" ]; then
    say "$name: using existing checkout $dir"
  elif GIT_TERMINAL_PROMPT=0 git clone --quiet "$repo" "$dir" 2>/dev/null; then
    say "$name: cloned $repo into $dir"
  else
    say "$name: SKIPPED — could not clone $repo (set CONCERT_${name^^}_REPO to a reachable URL or local mirror)"
    return 1
  fi
  say "$name: at commit $(git -C "$dir" rev-parse HEAD)"
}

# EPIC builds with its own makefile (-Ofast, single-threaded). The benchmark binary `epic-bench` is the same
# objects relinked with bench/epic-precision.cpp, which only raises std::cout's precision so results can be
# compared to 1e-9 (EPIC prints 6 significant digits otherwise).
build_epic() {
  local dir="$PEERS_DIR/epic"
  checkout "$dir" "$EPIC_REPO" epic || return 0
  if [ -x "$dir/epic-bench" ] && [ "$dir/epic-bench" -nt "$BENCH_DIR/epic-precision.cpp" ]; then
    say "epic: $dir/epic-bench already built"
    return 0
  fi
  say "epic: building with its makefile (make all; needs libgmp-dev) …"
  if ! make -C "$dir" all -j"$(nproc)" >"$dir/build.log" 2>&1; then
    say "epic: SKIPPED — build failed, see $dir/build.log (is libgmp-dev installed?)"
    return 0
  fi
  local objs
  objs=$(find "$dir/build" -name '*.o' | sort)
  # shellcheck disable=SC2086 # word splitting of the object list is intended
  if ${CXX:-g++} -Ofast -std=c++17 -o "$dir/epic-bench" $objs "$BENCH_DIR/epic-precision.cpp" -lgmpxx -lgmp \
    >>"$dir/build.log" 2>&1; then
    say "epic: built $dir/epic-bench"
  else
    say "epic: SKIPPED — relinking with epic-precision.cpp failed, see $dir/build.log"
  fi
}

# powerindices is one Python file; bench/kurz-driver.py imports it from the checkout via sys.path.
locate_kurz() {
  local dir="$PEERS_DIR/powerindices"
  checkout "$dir" "$KURZ_REPO" kurz || return 0
  local python="${CONCERT_PYTHON:-/usr/bin/python3}"
  if "$python" -c 'import numpy' 2>/dev/null; then
    say "kurz: $python has numpy $("$python" -c 'import numpy; print(numpy.__version__)')"
  else
    say "kurz: WARNING — $python has no numpy (Debian: apt-get install -y python3-numpy; or set CONCERT_PYTHON)"
  fi
}

# Our own baseline for the EU27 rule, which no public tool implements; built here so no binary enters the repo.
build_enumerator() {
  local bin="$PEERS_DIR/bin/eu27-enumerate" src="$BENCH_DIR/eu27-enumerate.c"
  if [ -x "$bin" ] && [ "$bin" -nt "$src" ]; then
    say "eu27-enumerate: $bin already built"
    return 0
  fi
  mkdir -p "$PEERS_DIR/bin"
  if ${CC:-cc} -O3 -march=native -pthread -o "$bin" "$src"; then
    say "eu27-enumerate: built $bin (cc -O3 -march=native -pthread)"
  else
    say "eu27-enumerate: SKIPPED — compilation failed"
  fi
}

mkdir -p "$PEERS_DIR"
say "peers directory: $PEERS_DIR"
build_epic
locate_kurz
build_enumerator
