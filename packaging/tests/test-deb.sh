# `make deb` builds a package that dpkg-deb and lintian accept, whose binaries run from a
# throwaway root without Swift, and whose maintainer scripts cope without systemd as PID 1.
. "$(dirname "$0")/lib.sh"

make_in_repo deb
version=$(release_version)
architecture=$(dpkg --print-architecture)
package=$REPO/out/socd_${version}-1_${architecture}.deb
assert_file "$package"

field() { dpkg-deb -f "$package" "$1"; }
[ "$(field Package)" = socd ] || fail "Package: $(field Package)"
[ "$(field Version)" = "$version-1" ] || fail "Version: $(field Version)"
[ "$(field Architecture)" = "$architecture" ] || fail "Architecture: $(field Architecture)"
[ "$(field Section)" = admin ] || fail "Section: $(field Section)"
[ "$(field Priority)" = optional ] || fail "Priority: $(field Priority)"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
depends=$(field Depends)
for library in libc6 libsqlite3-0 libsystemd0; do
    printf '%s\n' "$depends" | grep -q "\b$library\b" || fail "Depends lacks $library: $depends"
done
report "deb: $(basename "$package"), $(stat -c %s "$package") bytes; Depends: $depends"
dpkg-deb -I "$package" > "$WORK/info" || fail "dpkg-deb -I"
for script in postinst prerm postrm; do
    grep -q " $script " "$WORK/info" || fail "the package has no $script"
done

dpkg-deb -c "$package" > "$WORK/contents" || fail "dpkg-deb -c"
for path in ./usr/bin/socd ./usr/bin/socctl ./lib/systemd/system/socd.service \
    ./lib/systemd/system/socd.socket ./usr/lib/sysusers.d/socd.conf ./usr/lib/tmpfiles.d/socd.conf \
    ./usr/share/man/man8/socd.8.gz ./usr/share/man/man1/socctl.1.gz ./usr/share/doc/socd/copyright \
    ./usr/share/doc/socd/changelog.Debian.gz ./usr/share/bash-completion/completions/socctl \
    ./usr/share/zsh/vendor-completions/_socctl; do
    awk '{ print $6 }' "$WORK/contents" | grep -qx "$path" || fail "the package lacks $path"
done
awk '{ print $2 }' "$WORK/contents" | grep -vqx 'root/root' && fail "files not owned by root: $(cat "$WORK/contents")"

# Lintian: errors fail the test, warnings (and anything overridden) are reported.
lintian_status=0
lintian --fail-on error --show-overrides "$package" > "$WORK/lintian" 2>&1 || lintian_status=$?
errors=$(grep -c '^E:' "$WORK/lintian" || true)
warnings=$(grep -c '^W:' "$WORK/lintian" || true)
overridden=$(grep -c '^O:' "$WORK/lintian" || true)
report "lintian: $errors errors, $warnings warnings, $overridden overridden"
grep '^[EWO]:' "$WORK/lintian" | sed 's/^/| /' || true
[ "$lintian_status" -eq 0 ] && [ "$errors" -eq 0 ] || fail "lintian: $(cat "$WORK/lintian")"

# Installed into a throwaway root, the binaries run with only the system's libraries.
root=$WORK/root
dpkg -x "$package" "$root"
for program in socd socctl; do
    ldd "$root/usr/bin/$program" | grep -q 'libswift\|not found' \
        && fail "$program needs a library the package does not bring: $(ldd "$root/usr/bin/$program")"
done
revision=$(sed -n 's/^#define SOCD_REVISION "\(.*\)"$/\1/p' "$REPO/Sources/CSocShims/socd_revision.h")
sqlite=$(dpkg-query -W -f='${Version}' libsqlite3-0 | sed 's/-.*//')
socd_version=$(env -u LD_LIBRARY_PATH "$root/usr/bin/socd" --version) || fail "socd --version failed"
[ "$socd_version" = "socd $version (revision $revision, SQLite $sqlite)" ] \
    || fail "socd --version printed \"$socd_version\", expected version $version, revision $revision, SQLite $sqlite"
socctl_version=$(env -u LD_LIBRARY_PATH "$root/usr/bin/socctl" --version) || fail "socctl --version failed"
[ "$socctl_version" = "socctl $version (revision $revision)" ] \
    || fail "socctl --version printed \"$socctl_version\", expected version $version and revision $revision"
report "$socd_version"
report "$socctl_version"

# socctl does not link SQLite; `socctl version` shows the SQLite the daemon runs with.
socket=$WORK/socd.sock
env -u LD_LIBRARY_PATH "$root/usr/bin/socd" --socket "$socket" --state-dir "$WORK/state" 2> "$WORK/socd.log" &
daemon=$!
trap 'kill "$daemon" 2>/dev/null || true' EXIT
tries=0
until "$root/usr/bin/socctl" --socket "$socket" ping > /dev/null 2>&1; do
    tries=$((tries + 1))
    [ "$tries" -lt 100 ] || fail "the packaged socd did not answer: $(cat "$WORK/socd.log")"
    sleep 0.05
done
env -u LD_LIBRARY_PATH "$root/usr/bin/socctl" --socket "$socket" version | grep -q "sqlite *$sqlite" \
    || fail "socctl version does not show SQLite $sqlite"
kill "$daemon"
wait "$daemon" || fail "the packaged socd did not stop cleanly"
trap - EXIT

# The maintainer scripts, with the tools they call replaced by recorders: they create the
# account and state directory, enable the socket, and start nothing when systemd is not PID 1.
dpkg-deb -e "$package" "$WORK/control"
stubs=$WORK/stubs
mkdir -p "$stubs"
for tool in systemd-sysusers systemd-tmpfiles deb-systemd-helper deb-systemd-invoke systemctl adduser; do
    printf '#!/bin/sh\necho "%s $*" >> "%s"\n' "$tool" "$WORK/calls" > "$stubs/$tool"
    chmod 0755 "$stubs/$tool"
done
run_script() { PATH="$stubs:$PATH" sh -e "$WORK/control/$1" "$2" || fail "$1 $2 exited with $?"; }
: > "$WORK/calls"
run_script postinst configure
grep -qx 'systemd-sysusers /usr/lib/sysusers.d/socd.conf' "$WORK/calls" || fail "postinst did not run systemd-sysusers"
grep -qx 'systemd-tmpfiles --create /usr/lib/tmpfiles.d/socd.conf' "$WORK/calls" || fail "postinst did not run systemd-tmpfiles"
grep -qx 'deb-systemd-helper enable socd.socket' "$WORK/calls" || fail "postinst did not enable socd.socket"
if [ ! -d /run/systemd/system ]; then
    grep -q '^systemctl\|^deb-systemd-invoke' "$WORK/calls" \
        && fail "postinst called systemd without systemd running: $(cat "$WORK/calls")"
fi
run_script prerm remove
run_script postrm remove
grep -qx 'deb-systemd-helper mask socd.socket socd.service' "$WORK/calls" || fail "postrm remove did not mask the units"
# Purge deletes /var/lib/socd: run it where /var/lib is a scratch directory, in a mount
# namespace of its own, so that the machine's own state is never touched.
mkdir -p "$WORK/var-lib/socd"
echo state > "$WORK/var-lib/socd/socd.db"
if unshare --mount --propagation private true 2>/dev/null; then
    PATH="$stubs:$PATH" unshare --mount --propagation private sh -ec \
        'mount --bind "$1" /var/lib && sh -e "$2" purge' sh "$WORK/var-lib" "$WORK/control/postrm" \
        || fail "postrm purge exited with $?"
    grep -qx 'deb-systemd-helper purge socd.socket socd.service' "$WORK/calls" || fail "postrm purge did not purge the units"
    [ -e "$WORK/var-lib/socd" ] && fail "postrm purge left /var/lib/socd"
    report "maintainer scripts: postinst/prerm/postrm (remove, purge) ran without systemd as PID 1"
else
    report "maintainer scripts: postinst/prerm/postrm remove ran; purge skipped (no mount namespace here)"
fi
