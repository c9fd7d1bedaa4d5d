# The installed systemd units are valid, the service's sandbox scores 2.0 or lower in
# `systemd-analyze security`, and the sysusers/tmpfiles entries create the user, the group and
# the state directory.
. "$(dirname "$0")/lib.sh"

root=$WORK/root
stage_install "$root" /usr
units=$root/lib/systemd/system
assert_file "$units/socd.service"
assert_file "$units/socd.socket"

grep -qx 'ExecStart=/usr/bin/socd --exit-idle 300' "$units/socd.service" \
    || fail "socd.service's ExecStart is not the installed /usr/bin/socd"
grep -q '@bindir@' "$units/socd.service" && fail "socd.service still holds the @bindir@ placeholder"

# `verify --root` resolves ExecStart= and the units' dependencies inside the tree, so it needs
# systemd's own units there too; Documentation= is checked with man against the staged pages.
mkdir -p "$root/usr/lib/systemd/system"
cp -a /lib/systemd/system/. "$root/usr/lib/systemd/system/"
verify_output=$(MANPATH="$root/usr/share/man" systemd-analyze verify --root="$root" \
    /lib/systemd/system/socd.socket /lib/systemd/system/socd.service 2>&1) \
    || fail "systemd-analyze verify: $verify_output"
# verify exits 0 on unknown settings and only warns: any output is a finding.
[ -z "$verify_output" ] || fail "systemd-analyze verify warned: $verify_output"

# The path socd listens on, and who may connect, are what socd(8) and the clients document.
grep -qx 'ListenStream=/run/socd/socd.sock' "$units/socd.socket" || fail "ListenStream"
grep -qx 'SocketGroup=socd' "$units/socd.socket" || fail "SocketGroup"
grep -qx 'SocketMode=0660' "$units/socd.socket" || fail "SocketMode"
grep -qx 'FileDescriptorName=socd' "$units/socd.socket" || fail "FileDescriptorName"
# A RuntimeDirectory= on the service would delete /run/socd, and the socket in it, whenever
# socd stops (--exit-idle stops it whenever it is idle).
if grep -q '^RuntimeDirectory=' "$units/socd.service" \
    && ! grep -qx 'RuntimeDirectoryPreserve=yes' "$units/socd.service"; then
    fail "socd.service removes /run/socd (and the activation socket) when it stops"
fi

security=$(systemd-analyze security --offline=true --root="$root" /lib/systemd/system/socd.service 2>&1) \
    || fail "systemd-analyze security: $security"
exposure=$(printf '%s\n' "$security" | sed -n 's/.*Overall exposure level for socd.service: \([0-9.]*\).*/\1/p')
[ -n "$exposure" ] || fail "no exposure figure in: $security"
report "systemd-analyze security socd.service: exposure $exposure (limit 2.0)"
printf '%s\n' "$security" | grep '✗' | sed 's/  */ /g; s/^/| /'
awk -v e="$exposure" 'BEGIN { exit !(e <= 2.0) }' || fail "exposure $exposure is above 2.0"

# sysusers and tmpfiles, applied to an empty root, give socd its account and state directory.
accounts=$WORK/accounts
mkdir -p "$accounts/etc"
cp -a "$root/usr" "$accounts/"
systemd-sysusers --root="$accounts" > "$WORK/sysusers.log" 2>&1 || fail "systemd-sysusers: $(cat "$WORK/sysusers.log")"
user=$(grep '^socd:' "$accounts/etc/passwd") || fail "no socd user in passwd"
group=$(grep '^socd:' "$accounts/etc/group") || fail "no socd group"
uid=$(echo "$user" | cut -d: -f3)
gid=$(echo "$group" | cut -d: -f3)
[ "$uid" -lt 1000 ] || fail "socd is not a system user (uid $uid)"
[ "$(echo "$user" | cut -d: -f4)" = "$gid" ] || fail "socd's primary group is not socd"
[ "$(echo "$user" | cut -d: -f6)" = /var/lib/socd ] || fail "socd's home is not /var/lib/socd"
systemd-tmpfiles --root="$accounts" --create > "$WORK/tmpfiles.log" 2>&1 \
    || fail "systemd-tmpfiles: $(cat "$WORK/tmpfiles.log")"
[ "$(stat -c '%a %u %g' "$accounts/var/lib/socd")" = "750 $uid $gid" ] \
    || fail "/var/lib/socd is $(stat -c '%a %u %g' "$accounts/var/lib/socd"), expected 750 $uid $gid"

# PREFIX=/usr/local: units where systemd looks for them, starting the binary installed there.
local_root=$WORK/local
stage_install "$local_root" /usr/local
grep -qx 'ExecStart=/usr/local/bin/socd --exit-idle 300' "$local_root/usr/local/lib/systemd/system/socd.service" \
    || fail "PREFIX=/usr/local: socd.service does not start /usr/local/bin/socd"
systemd-analyze unit-paths | grep -qx /usr/local/lib/systemd/system \
    || fail "systemd does not search /usr/local/lib/systemd/system"
