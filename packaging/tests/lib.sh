# Helpers the packaging tests source. They run with REPO, BIN, WORK and MAKE set by ./run.
set -eu

fail() { echo "FAIL: $*" >&2; exit 1; }

# A line for the summary ./run always prints, such as a measured figure.
report() { echo "| $*"; }

# Runs a make target of the source tree quietly, showing its output only when it fails.
make_in_repo() {
    if ! "$MAKE" -s -C "$REPO" "$@" > "$WORK/make.log" 2>&1; then
        cat "$WORK/make.log" >&2
        fail "make $* failed"
    fi
}

# `make install` into a fresh DESTDIR: stage_install DESTDIR PREFIX [VARIABLE=VALUE...]
stage_install() {
    destination=$1 prefix=$2
    shift 2
    make_in_repo install DESTDIR="$destination" PREFIX="$prefix" "$@"
}

assert_file() {
    [ -f "$1" ] || fail "missing file ${1#"$WORK"/}"
}

assert_mode() {
    mode=$(stat -c %a "$1")
    [ "$mode" = "$2" ] || fail "${1#"$WORK"/} has mode $mode, expected $2"
}

# The version `socd --version` reports, such as 0.1.0.
release_version() {
    "$BIN/socd" --version | sed -n 's/^socd \([^ ]*\) .*/\1/p'
}
