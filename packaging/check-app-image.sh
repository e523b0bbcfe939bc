#!/usr/bin/env bash
# Checks the packaged app image the way a user meets it: its launcher runs headless
# (--version, two scenarios, participants through their own launcher and AOT cache, no
# warnings), its window opens under Xvfb long enough for a screenshot, and nothing is left
# behind: no shared-memory object, System V object or process, nothing unpacked into $HOME.
#
#   packaging/check-app-image.sh [APP_IMAGE]    (default: builds and checks target/dist/shmlab)
#
# The checks run in private IPC, mount and PID namespaces (unshare) with a private /dev/shm,
# so what other programs on this machine do can neither pass for a leak here nor hide one:
# whatever is in /dev/shm, the System V tables or the process list at the end is ours.
# Needs root or unprivileged user namespaces, xvfb-run, xdotool and ImageMagick's import.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
script=$root/packaging/check-app-image.sh
window_title=shmlab
screenshot_tries=15

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

pass() {
    echo "ok    $*"
}

# Builds the image unless given one, then runs the checks again inside the namespaces.
outside() {
    local image=${1:-}
    if [ -z "$image" ]; then
        echo "building the app image (./mvnw -Pdist -Ddist.types=app-image package)"
        (cd "$root" && ./mvnw -q -B -Pdist -Ddist.types=app-image -DskipTests package)
        image=$root/target/dist/shmlab
    fi
    image=$(cd "$image" && pwd)
    [ -x "$image/bin/shmlab" ] || fail "$image/bin/shmlab is not an app image launcher"
    local as_root=()
    [ "$(id -u)" -eq 0 ] || as_root=(--map-root-user)
    exec unshare "${as_root[@]}" --ipc --mount --pid --fork --mount-proc --propagation private \
        bash "$script" --inside "$image"
}

inside() {
    local image=$1
    local started=$SECONDS
    mount -t tmpfs -o mode=1777,nosuid,nodev shm /dev/shm
    out=$(dirname "$image")/check
    rm -rf "$out"
    mkdir -p "$out/home"
    cd "$out"
    # A fresh home shows what the app writes there.
    export HOME=$out/home
    unset XDG_CACHE_HOME

    check_runtime "$image"
    check_version "$image"
    check_run "$image" handshake shmlab-participant-quick run handshake
    check_run "$image" round-robin shmlab-participant-quick run round-robin --messages 5
    check_run "$image" ping-pong shmlab-participant-quick run ping-pong --count 2000
    check_run "$image" ping-pong-long shmlab-participant run ping-pong --count 20000 --size 64
    check_participant_cache "$image" shmlab-participant
    check_participant_cache "$image" shmlab-participant-quick
    check_startup_bench "$image"
    if grep -qa 'dev/shmlab/app/' "$image/lib/app/shmlab.jar"; then
        xvfb-run -a -s "-screen 0 1280x800x24" bash "$script" --window "$image" "$out"
    else
        echo "SKIP  the window: shmlab.jar has no dev/shmlab/app/ yet (the bare command prints its usage)"
    fi
    check_nothing_left
    echo "all checks passed in $((SECONDS - started)) s (logs and screenshot in $out)"
}

# Runs a launcher without a display; fails on an unexpected exit code or any JVM warning.
headless() {
    local name=$1 expected_exit=$2
    shift 2
    local exit=0
    env -u DISPLAY -u WAYLAND_DISPLAY "$@" >"$out/$name.out" 2>"$out/$name.err" || exit=$?
    [ "$exit" -eq "$expected_exit" ] || {
        tail -20 "$out/$name.out" "$out/$name.err" >&2
        fail "$name: exit $exit, expected $expected_exit"
    }
    no_warnings "$name" "$out/$name.err"
}

# Restricted-method warnings (native access not enabled) and JavaFX's "Unsupported JavaFX
# configuration" (JavaFX loaded from the class path) both start with WARNING.
no_warnings() {
    if grep -q 'WARNING' "$2"; then
        grep 'WARNING' "$2" >&2
        fail "$1 printed warnings"
    fi
}

check_runtime() {
    local runtime=$1/lib/runtime
    local modules
    modules=$("$runtime/bin/java" --list-modules)
    for module in javafx.base javafx.graphics javafx.controls; do
        grep -q "^$module@" <<<"$modules" || fail "the runtime has no $module module"
    done
    [ -f "$runtime/lib/libglassgtk3.so" ] || fail "JavaFX's native libraries are not in $runtime/lib"
    pass "the runtime links JavaFX as modules, its native libraries in lib/ ($(du -sm "$1" | cut -f1) MB image)"
}

check_version() {
    headless version 0 "$1/bin/shmlab" --version
    grep -qE '^shmlab [0-9]' "$out/version.out" || fail "--version printed: $(cat "$out/version.out")"
    pass "shmlab --version: $(cat "$out/version.out")"
}

# Runs a scenario headless and watches, meanwhile, how its participants were started: by the
# image's own java with the options of the given participant launcher's configuration
# (shmlab-participant for runs that measure peak speed, shmlab-participant-quick on the quick
# compiler only for the others), not through the launcher itself (ParticipantCommand says why).
# Every JVM logs its class loading: a participant's ParticipantMain comes from the image's AOT cache.
check_run() {
    local image=$1 name=$2 launcher=$3
    shift 3
    local logs=$out/$name-classes
    mkdir -p "$logs"
    headless "$name" 0 env JAVA_TOOL_OPTIONS="-Xlog:class+load=info:file=$logs/%p.log" "$image/bin/shmlab" "$@" &
    local run=$! seen=
    while kill -0 "$run" 2>/dev/null; do
        if [ -z "$seen" ]; then
            seen=$(ps -e -o args= | grep -F "$image/lib/runtime/bin/java" | grep -F dev.shmlab.participant.ParticipantMain | head -1 || true)
        fi
        sleep 0.05
    done
    wait "$run"
    grep -q 'result: completed' "$out/$name.out" || fail "$name: no 'result: completed' in its output"
    [ -n "$seen" ] || fail "$name: no participant ran from $image/lib/runtime/bin/java"
    local quick=no
    grep -q 'TieredStopAtLevel=1' "$image/lib/app/$launcher.cfg" && quick=yes
    case "$seen" in
        *-XX:TieredStopAtLevel=1*) [ "$quick" = yes ] || fail "$name: a participant ran on the quick compiler: $seen" ;;
        *) [ "$quick" = no ] || fail "$name: a participant ran with both compilers: $seen" ;;
    esac
    case "$seen" in
        *"-XX:AOTCache=$image/lib/app/participant.aot"*) ;;
        *) fail "$name: a participant ran without the image's AOT cache: $seen" ;;
    esac
    grep -lq 'dev.shmlab.participant.ParticipantMain source: shared objects file' "$logs"/*.log \
        || fail "$name: no participant loaded ParticipantMain from lib/app/participant.aot (see $logs)"
    pass "shmlab $* exits 0; participants run by the image's java as $launcher.cfg says, from the AOT cache"
}

# Each participant launcher, run by hand, starts from the AOT cache built into the image (the
# JVM ignores a cache that does not fit its runtime, class path or options, silently here).
check_participant_cache() {
    local launcher=$2
    local log=$out/$launcher-classes.log
    headless "$launcher-usage" 2 env JAVA_TOOL_OPTIONS="-Xlog:class+load=info:file=$log" "$1/bin/$launcher"
    grep -q 'dev.shmlab.participant.ParticipantMain source: shared objects file' "$log" \
        || fail "bin/$launcher does not start from lib/app/participant.aot (see $log)"
    pass "bin/$launcher starts from the AOT cache in the image"
}

# bench startup times the image's participants beside the image's java alone, with the image's
# AOT cache and without.
check_startup_bench() {
    headless startup-bench 0 "$1/bin/shmlab" bench startup --processes 2 --rounds 1
    grep -q "^JVM alone, participants' start-up cache  *to main  *[0-9]" "$out/startup-bench.out" \
        || fail "bench startup has no start-up cache row: $(cat "$out/startup-bench.out")"
    grep -q "^participant (round-robin client)  *to RUNNING  *[0-9]" "$out/startup-bench.out" \
        || fail "bench startup has no participant row: $(cat "$out/startup-bench.out")"
    pass "shmlab bench startup times the image's participants and its java alone"
}

# Under Xvfb: opens the window with a scenario started, waits for its participants, takes a
# screenshot, and closes it with SIGTERM (the window stops its run and removes its kernel
# objects on the way out).
window() {
    local image=$1
    out=$2
    # Enough messages that the run is still going when the window is closed.
    "$image/bin/shmlab" --autostart --scenario round-robin --param messages=1000000 \
        >"$out/window.out" 2>"$out/window.err" &
    local app=$! window_id= waited=0
    while [ -z "$window_id" ] && [ "$waited" -lt 120 ]; do
        kill -0 "$app" 2>/dev/null || { tail -20 "$out/window.err" >&2; fail "the window's process ended before a window appeared"; }
        window_id=$(xdotool search --onlyvisible --name "$window_title" 2>/dev/null | head -1 || true)
        sleep 0.5
        waited=$((waited + 1))
    done
    [ -n "$window_id" ] || fail "no window titled '$window_title' within 60 s"
    waited=0
    until ps -e -o args= | grep -F "$image/lib/runtime/bin/java" | grep -qF dev.shmlab.participant.ParticipantMain; do
        [ "$waited" -lt 60 ] || fail "the window's run started no participant within 30 s"
        sleep 0.5
        waited=$((waited + 1))
    done
    # Time for the participants to reach RUNNING and the window to draw them; a busy machine
    # can take longer to paint at all (a blank screen has one colour).
    sleep 3
    local colours=0 shots=0
    while [ "$colours" -le 32 ]; do
        [ "$shots" -lt "$screenshot_tries" ] || fail "the screenshot has $colours colours: the window stayed blank"
        sleep 2
        import -window root "$out/window.png"
        colours=$(identify -format '%k' "$out/window.png")
        shots=$((shots + 1))
    done
    kill -TERM "$app"
    local exit=0
    wait "$app" || exit=$?
    [ "$exit" -eq 0 ] || [ "$exit" -eq 143 ] || { tail -20 "$out/window.err" >&2; fail "the window exited with $exit after SIGTERM"; }
    no_warnings window "$out/window.err"
    pass "the window opened ($(xdotool getwindowname "$window_id" 2>/dev/null || echo "$window_title")), screenshot $out/window.png, $colours colours"
}

check_nothing_left() {
    local waited=0 processes
    while processes=$(ps -e -o pid=,comm=,args= | awk '$2 ~ /^(shmlab|java|Xvfb)/') && [ -n "$processes" ] && [ "$waited" -lt 50 ]; do
        sleep 0.1
        waited=$((waited + 1))
    done
    [ -z "$processes" ] || fail "processes left running:"$'\n'"$processes"
    local files
    files=$(ls -A /dev/shm)
    [ -z "$files" ] || fail "left in /dev/shm: $files"
    local ipc
    ipc=$(ipcs -m -s -q | grep '^0x' || true)
    [ -z "$ipc" ] || fail "System V objects left:"$'\n'"$ipc"
    for dir in .openjfx .cache/JNA .cache/shmlab; do
        [ ! -e "$HOME/$dir" ] || fail "the app wrote ~/$dir (it should run from what the image holds)"
    done
    ! ls hs_err_pid*.log >/dev/null 2>&1 || fail "a JVM crashed: $(ls hs_err_pid*.log)"
    pass "nothing left: no process, nothing in /dev/shm, no System V object, nothing unpacked into \$HOME"
}

case ${1:-} in
    --inside) inside "$2" ;;
    --window) window "$2" "$3" ;;
    *) outside "$@" ;;
esac
