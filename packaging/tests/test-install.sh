# `make install DESTDIR=... PREFIX=/usr` lays out every file where the program reading it looks,
# with the right modes; the clients that exist are installed; `make uninstall` removes it all.
. "$(dirname "$0")/lib.sh"

# A clients tree like the one clients/ holds, with the caches its tests leave behind.
clients=$WORK/clients
mkdir -p "$clients/python/socd/__pycache__" "$clients/python/.pytest_cache" "$clients/node/node_modules/x" \
    "$clients/shell"
echo '[project]' > "$clients/python/pyproject.toml"
echo 'VERSION = 1' > "$clients/python/socd/__init__.py"
echo 'cache' > "$clients/python/socd/__pycache__/__init__.cpython-311.pyc"
echo 'export {}' > "$clients/node/index.js"
echo '{}' > "$clients/node/node_modules/x/package.json"
echo '{"openrpc":"1.2.6"}' > "$clients/openrpc.json"
printf '#!/bin/sh\necho rpc\n' > "$clients/shell/socd-rpc"
chmod 0700 "$clients/shell/socd-rpc"

root=$WORK/root
stage_install "$root" /usr CLIENTS_SOURCE="$clients"

expected="
0755 usr/bin/socd
0755 usr/bin/socctl
0755 usr/bin/socd-rpc
0644 lib/systemd/system/socd.service
0644 lib/systemd/system/socd.socket
0644 usr/lib/sysusers.d/socd.conf
0644 usr/lib/tmpfiles.d/socd.conf
0644 usr/share/man/man8/socd.8
0644 usr/share/man/man1/socctl.1
0644 usr/share/bash-completion/completions/socctl
0644 usr/share/zsh/vendor-completions/_socctl
0644 usr/share/socd/openrpc.json
0644 usr/share/socd/clients/python/pyproject.toml
0644 usr/share/socd/clients/python/socd/__init__.py
0644 usr/share/socd/clients/node/index.js"
echo "$expected" | while read -r mode path; do
    [ -n "$path" ] || continue
    assert_file "$root/$path"
    assert_mode "$root/$path" "${mode#0}"
done
installed=$(cd "$root" && find . -type f | sed 's|^\./||' | sort)
wanted=$(echo "$expected" | awk 'NF { print $2 }' | sort)
[ "$installed" = "$wanted" ] || fail "unexpected files installed:
$(printf '%s\n' "$installed" | grep -vxF "$wanted")"

# The installed binaries carry no RUNPATH ($ORIGIN would make /usr/bin a library path) and
# need no Swift runtime library.
for program in socd socctl; do
    readelf -d "$root/usr/bin/$program" | grep -q 'RUNPATH\|RPATH' && fail "$program has a RUNPATH"
    ldd "$root/usr/bin/$program" | grep -q 'libswift\|libFoundation\|libdispatch' \
        && fail "$program needs a Swift library: $(ldd "$root/usr/bin/$program")"
    "$root/usr/bin/$program" --version > /dev/null || fail "installed $program does not run"
done

# Completions are socctl's own, and load in bash.
"$BIN/socctl" completions bash | cmp -s - "$root/usr/share/bash-completion/completions/socctl" \
    || fail "the bash completions differ from socctl completions bash"
"$BIN/socctl" completions zsh | cmp -s - "$root/usr/share/zsh/vendor-completions/_socctl" \
    || fail "the zsh completions differ from socctl completions zsh"
bash -c ". '$root/usr/share/bash-completion/completions/socctl' && complete -p socctl" > /dev/null \
    || fail "the bash completion script does not register a completion for socctl"

make_in_repo uninstall DESTDIR="$root" PREFIX=/usr
left=$(find "$root" -type f)
[ -z "$left" ] || fail "make uninstall left: $left"

# PREFIX=/usr/local: the directories systemd, bash-completion and zsh search below it.
local_root=$WORK/local
stage_install "$local_root" /usr/local CLIENTS_SOURCE="$WORK/no-clients"
for path in usr/local/bin/socd usr/local/bin/socctl usr/local/lib/systemd/system/socd.service \
    usr/local/lib/sysusers.d/socd.conf usr/local/lib/tmpfiles.d/socd.conf \
    usr/local/share/man/man8/socd.8 usr/local/share/bash-completion/completions/socctl \
    usr/local/share/zsh/site-functions/_socctl; do
    assert_file "$local_root/$path"
done
[ -e "$local_root/usr/local/bin/socd-rpc" ] && fail "socd-rpc installed without a shell client"
make_in_repo uninstall DESTDIR="$local_root" PREFIX=/usr/local
left=$(find "$local_root" -type f)
[ -z "$left" ] || fail "make uninstall left: $left"
report "install layout: PREFIX=/usr and PREFIX=/usr/local, with and without clients"
