#!/usr/bin/env bash
# Two versions of artlint on one corpus, interleaved: a first run (no cache), a warm run, one
# file as pre-commit checks it, and that file just edited. Each version gets its own copy of
# the corpus and its own user cache folder, so neither reads what the other wrote.
#
#   bench/ab.sh OLD_ARTLINT NEW_ARTLINT CORPUS [ROUNDS]
#
# OLD_ARTLINT and NEW_ARTLINT are `artlint` executables, each installed from a wheel into its
# own virtualenv (an editable install compiles every module on each run where
# PYTHONDONTWRITEBYTECODE is set). CORPUS is a folder with content/ (bench/bench.py or the
# workplace's make_corpus.py makes one). Prints one line per run: round, version, kind,
# wall seconds, peak RSS KB; compare medians and spreads, never single runs.
set -euo pipefail
old="$1" new="$2" corpus="$3" rounds="${4:-3}"
work="$(mktemp -d "${TMPDIR:-/tmp}/artlint-ab.XXXXXX")"
trap 'rm -rf "$work"' EXIT
for version in old new; do
  cp -r "$corpus" "$work/$version"
  [ -f "$work/$version/artlint.toml" ] || echo "# the benchmark's project root" > "$work/$version/artlint.toml"
  mkdir -p "$work/cache-$version"
done
one="$(cd "$work/old" && find content -name '*.md' | sort | sed -n 1p)"  # sed reads it all: head's early exit is a SIGPIPE, fatal under pipefail
timed() {  # version kind arguments...
  local version="$1" kind="$2"; shift 2
  local executable="$old"; [ "$version" = new ] && executable="$new"
  (cd "$work/$version" && XDG_CACHE_HOME="$work/cache-$version" /usr/bin/time -f "$round $version $kind %e %M" \
    "$executable" check --offline --quiet --fail-on never "$@" > /dev/null) 2>&1 | tail -1
}
for round in $(seq 1 "$rounds"); do
  for version in old new; do
    rm -rf "$work/$version/.artlint_cache"
    timed "$version" cold content
    timed "$version" warm content
    timed "$version" 1file "$one"
    cp "$work/$version/$one" "$work/original.md"
    echo "One more sentence, edit $round." >> "$work/$version/$one"
    timed "$version" 1file-edited "$one"
    cp "$work/original.md" "$work/$version/$one"
  done
done
