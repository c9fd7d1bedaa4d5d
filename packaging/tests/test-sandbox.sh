# The installed socd runs the way socd.service runs it: socket-activated with the descriptor
# named "socd", as an unprivileged user, under MemoryDenyWriteExecute (the kernel's PR_SET_MDWE
# where available), reporting READY=1 and STOPPING=1. Every system call it makes is one the
# unit's SystemCallFilter= allows, and it never asks for writable executable memory.
. "$(dirname "$0")/lib.sh"
here=$(cd "$(dirname "$0")" && pwd)

root=$WORK/root
stage_install "$root" /usr
socd=$root/usr/bin/socd
socctl=$root/usr/bin/socctl
chmod 0755 "$WORK"
state=$WORK/state
mkdir -p "$state"
chown nobody:nogroup "$state"
socket=$WORK/socd.sock

python3 "$here/notify-listener.py" "$WORK/notify.sock" "$WORK/notify" &
listener=$!
trap 'kill "$listener" "${activator:-}" 2>/dev/null || true' EXIT
while [ ! -S "$WORK/notify.sock" ]; do sleep 0.05; done
chmod 0666 "$WORK/notify.sock"

mdwe=yes
python3 "$here/with-mdwe.py" true || mdwe=no
wrapper=""
[ "$mdwe" = yes ] && wrapper="python3 $here/with-mdwe.py"

# strace -D keeps the traced process the child of systemd-socket-activate, so LISTEN_PID is
# socd's own pid; setpriv drops to nobody as User= would.
$wrapper systemd-socket-activate --listen="$socket" --fdname=socd -E NOTIFY_SOCKET="$WORK/notify.sock" \
    strace -D -f -qq -o "$WORK/trace" \
    setpriv --reuid=nobody --regid=nogroup --clear-groups --no-new-privs \
    "$socd" --state-dir "$state" --exit-idle 60 2> "$WORK/activator.log" &
activator=$!
tries=0
until "$socctl" --socket "$socket" ping > /dev/null 2>&1; do
    tries=$((tries + 1))
    [ "$tries" -lt 200 ] || fail "socd did not answer through systemd-socket-activate: $(cat "$WORK/activator.log")"
    sleep 0.05
done
"$socctl" --socket "$socket" --json status | grep -q '"listener":"activated"' \
    || fail "socd did not adopt the passed socket: $("$socctl" --socket "$socket" --json status)"
"$socctl" --socket "$socket" call rules.add \
    '{"src":"198.51.100.7","dst":"10.0.0.10","sport":"ANY","dport":80,"action":"DROP"}' > /dev/null \
    || fail "rules.add failed under the sandbox"
"$socctl" --socket "$socket" --json call rules.list | grep -q '198.51.100.7' || fail "rules.list"
"$socctl" --socket "$socket" version > /dev/null || fail "socctl version"
"$socctl" --socket "$socket" audit > /dev/null || fail "socctl audit"

grep -qx 'READY=1' "$WORK/notify" || fail "socd sent no READY=1: $(cat "$WORK/notify")"
pid=$(sed -n 's/^MAINPID=//p' "$WORK/notify" | head -n 1)
[ -n "$pid" ] || fail "socd sent no MAINPID="
kill -TERM "$pid"
wait "$activator" || fail "socd exited with $? on SIGTERM: $(cat "$WORK/activator.log")"
activator=""
sleep 0.2
grep -qx 'STOPPING=1' "$WORK/notify" || fail "socd sent no STOPPING=1"

# The calls socd made after setpriv executed it, against what the unit allows.
expand() {
    systemd-analyze syscall-filter "$1" | sed -n '2,$p' | awk '$1 !~ /^#/ && NF { print $1 }' \
        | while read -r entry; do
            case "$entry" in @*) expand "$entry" ;; *) echo "$entry" ;; esac
        done
}
expand @system-service | sort -u > "$WORK/allowed"
{ expand @privileged; expand @resources; } | sort -u > "$WORK/denied"
comm -23 "$WORK/allowed" "$WORK/denied" > "$WORK/permitted"
awk -v socd="$socd" 'index($0, "execve(\"" socd "\"") && / = 0$/ { started = 1 } started' "$WORK/trace" \
    > "$WORK/socd-trace"
[ -s "$WORK/socd-trace" ] || fail "the trace does not show socd starting"
sed -n 's/^[0-9]* \([a-z0-9_]*\)(.*/\1/p' "$WORK/socd-trace" | sort -u > "$WORK/used"
refused=$(comm -23 "$WORK/used" "$WORK/permitted" | grep -vx execve || true)
[ -z "$refused" ] || fail "socd makes system calls SystemCallFilter= refuses: $refused"
report "sandbox: socd made $(wc -l < "$WORK/used") distinct system calls, all allowed by SystemCallFilter="
grep -E 'mprotect\(.*PROT_EXEC|mmap\(.*PROT_WRITE\|PROT_EXEC|mmap\(.*PROT_EXEC\|PROT_WRITE' "$WORK/socd-trace" \
    && fail "socd maps writable executable memory, which MemoryDenyWriteExecute= refuses"
# ProcSubset=pid hides /proc except the process directories; socd must need nothing else there.
opened=$(grep -o 'open[a-z]*([^"]*"/proc/[^"]*"' "$WORK/socd-trace" | sed 's/.*"\(\/proc\/[^"]*\)"/\1/' | sort -u)
outside=$(printf '%s\n' "$opened" | grep -v '^/proc/self/\|^/proc/thread-self/\|^/proc/[0-9]' | grep -v '^$' || true)
if [ -n "$outside" ]; then
    # Reading these is optional for glibc (it falls back), but say so.
    report "sandbox: socd also reads $outside, hidden by ProcSubset=pid (glibc copes without)"
fi
if [ "$mdwe" = yes ]; then
    report "sandbox: socd ran under PR_SET_MDWE (memory-deny-write-execute enforced by the kernel)"
else
    report "sandbox: kernel without PR_SET_MDWE; write-execute mappings checked in the trace only"
fi
