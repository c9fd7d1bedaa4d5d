# socd(8) and socctl(1) render without a warning from groff or man, name the version socd
# reports, and describe every option of socd and every command of socctl.
. "$(dirname "$0")/lib.sh"

pages="$REPO/packaging/man/socd.8 $REPO/packaging/man/socctl.1"
version=$(release_version)
for page in $pages; do
    name=$(basename "$page")
    warnings=$(groff -man -Tutf8 -ww -z "$page" 2>&1) || fail "groff failed on $name: $warnings"
    [ -z "$warnings" ] || fail "groff warns about $name: $warnings"
    warnings=$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 \
        man --warnings -E UTF-8 -l -Tutf8 -Z "$page" 2>&1 >/dev/null) || fail "man failed on $name: $warnings"
    [ -z "$warnings" ] || fail "man warns about $name: $warnings"
    rendered=$(MANWIDTH=80 man -l "$page" 2>/dev/null)
    for section in NAME SYNOPSIS DESCRIPTION OPTIONS ENVIRONMENT FILES "EXIT STATUS" EXAMPLES "SEE ALSO"; do
        printf '%s\n' "$rendered" | grep -qx "$section" || fail "$name has no $section section"
    done
    grep -q "^\.TH [A-Z]* [0-9] [0-9-]* \"socd $version\"" "$page" \
        || fail "$name's .TH line does not name socd $version"
    printf '%s\n' "$rendered" > "$WORK/$name.txt"
done

# Every option in `socd --help` is described in socd(8).
socd_options=$("$BIN/socd" --help | grep -o '^ *--[a-z-]*' | tr -d ' ')
[ "$(echo "$socd_options" | wc -w)" -ge 10 ] || fail "found only these options in socd --help: $socd_options"
for option in $socd_options; do
    grep -q -- "^ *$option\b" "$WORK/socd.8.txt" || fail "socd(8) does not describe $option"
done
# Every command in `socctl --help` has its entry in socctl(1), and every global option too.
commands=$("$BIN/socctl" --help | sed -n '/^Commands:/,/^$/p' | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p')
[ "$(echo "$commands" | wc -w)" -ge 5 ] || fail "found only these commands in socctl --help: $commands"
for command in $commands; do
    grep -q "^       $command\b" "$WORK/socctl.1.txt" || fail "socctl(1) does not describe the command $command"
done
for option in $("$BIN/socctl" --help | sed -n '/^Options:/,/^$/p' | grep -o -- '--[a-z-]*'); do
    grep -q -- "$option" "$WORK/socctl.1.txt" || fail "socctl(1) does not describe $option"
done
report "man pages: socd.8 and socctl.1 render without warnings"
