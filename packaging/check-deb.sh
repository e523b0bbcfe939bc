#!/usr/bin/env bash
# Installs the .deb on this machine, checks it, and uninstalls it: dpkg -i (and apt-get -f
# install for its dependencies), the menu entry and its icon exist, the menu entry's launcher
# runs scenarios headless, dpkg -r leaves the machine's menu directories and /opt as they were.
#
#   sudo packaging/check-deb.sh [DEB]     (default: target/dist/shmlab_*.deb)
#
# Needs root and changes this machine: the dependencies apt-get installs stay installed.
# Not run by CI.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
package=shmlab
menu_entry=/usr/share/applications/shmlab-shmlab.desktop

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

pass() {
    echo "ok    $*"
}

# What the package and its maintainer scripts touch: /opt/shmlab, its menu entry, and the menu
# directories postinst makes when no package has (its dependencies may bring them, owned).
machine_state() {
    ls -d /opt/shmlab /usr/share/applications/shmlab* 2>/dev/null || true
    for dir in /usr/share/applications /usr/share/desktop-directories; do
        if [ -d "$dir" ] && ! dpkg -S "$dir" >/dev/null 2>&1; then
            echo "$dir, owned by no package: $(ls -A "$dir" | tr '\n' ' ')"
        fi
    done
}

package_status() {
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null || echo "not-installed"
}

deb=${1:-$(ls "$root"/target/dist/shmlab_*.deb 2>/dev/null | head -1)}
[ -f "$deb" ] || fail "no .deb (build it with ./mvnw -Pdist package)"
[ "$(id -u)" -eq 0 ] || fail "installing a package needs root"
case $(package_status) in
    *" installed"|*unpacked*|*half*) fail "$package is installed already: dpkg -r $package first" ;;
esac
started=$SECONDS
before=$(machine_state)
packages_before=$(dpkg-query -W -f='${Package}\n' | sort)

echo "dpkg -i $deb"
if ! dpkg -i "$deb"; then
    echo "apt-get -f install (the dependencies dpkg -i reported missing)"
    DEBIAN_FRONTEND=noninteractive apt-get -f install -y -q
fi
[ "$(package_status)" = "install ok installed" ] || fail "after installing, dpkg says: $(package_status)"
added=$(comm -13 <(echo "$packages_before") <(dpkg-query -W -f='${Package}\n' | sort) | { grep -vx "$package" || true; } | tr '\n' ' ')
pass "installed $(dpkg-query -W -f='${Package} ${Version}, ${Installed-Size} KiB installed' "$package")${added:+; dependencies added: $added}"

[ -f "$menu_entry" ] || fail "no menu entry $menu_entry"
launcher=$(sed -n 's/^Exec=//p' "$menu_entry" | cut -d' ' -f1)
icon=$(sed -n 's/^Icon=//p' "$menu_entry")
[ -x "$launcher" ] || fail "the menu entry's Exec=$launcher is not executable"
[ -f "$icon" ] || fail "the menu entry's Icon=$icon does not exist"
if command -v desktop-file-validate >/dev/null 2>&1; then
    desktop-file-validate "$menu_entry" || fail "desktop-file-validate rejects $menu_entry"
fi
pass "menu entry $menu_entry: Exec=$launcher, Icon=$icon"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for scenario in "handshake" "round-robin --messages 5"; do
    # shellcheck disable=SC2086 # the scenario's words are its arguments
    env -u DISPLAY -u WAYLAND_DISPLAY "$launcher" run $scenario >"$work/out" 2>"$work/err" \
        || { tail -20 "$work/out" "$work/err" >&2; fail "$launcher run $scenario failed"; }
    grep -q 'result: completed' "$work/out" || fail "$launcher run $scenario: no 'result: completed'"
    ! grep -q WARNING "$work/err" || { cat "$work/err" >&2; fail "$launcher run $scenario printed warnings"; }
    pass "$launcher run $scenario: $(grep '^wall time' "$work/out")"
done

# Installed in another place than they were built, the participant launchers still start from their AOT cache.
for name in shmlab-participant shmlab-participant-quick; do
    participant=$(dirname "$launcher")/$name
    rm -f "$work/classes.log"
    env JAVA_TOOL_OPTIONS="-Xlog:class+load=info:file=$work/classes.log" "$participant" >/dev/null 2>&1 || true
    grep -q 'dev.shmlab.participant.ParticipantMain source: shared objects file' "$work/classes.log" \
        || fail "$participant does not start from its AOT cache"
    pass "$participant starts from its AOT cache"
done

echo "dpkg -r $package"
dpkg -r "$package"
case $(package_status) in
    *" installed"|*unpacked*|*half*) fail "after dpkg -r, dpkg says: $(package_status)" ;;
esac
after=$(machine_state)
[ "$before" = "$after" ] || fail "dpkg -r left the machine changed:"$'\n'"before:"$'\n'"$before"$'\n'"after:"$'\n'"$after"
pass "dpkg -r removed it: /opt/shmlab, the menu entry and the menu directories are as before"
echo "the .deb checks passed in $((SECONDS - started)) s"
