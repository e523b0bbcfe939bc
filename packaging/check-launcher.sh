#!/usr/bin/env bash
# Checks target/shmlab, the build tree's launcher (packaging/launcher/shmlab), the way the
# README's first command uses it: commands run through it; the window opens through it under
# Xvfb; the first window records its classes, the second start builds the AOT cache in the
# background, the third opens from that cache; nothing is left running. Uses a private
# XDG_CACHE_HOME. Run after ./mvnw package (the .ci/run does); needs xvfb-run and xdotool.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
launcher=$root/target/shmlab
out=$root/target/check-launcher
rm -rf "$out"
mkdir -p "$out/cache"
export XDG_CACHE_HOME=$out/cache

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

pass() {
    echo "ok    $*"
}

[ -x "$launcher" ] || fail "$launcher is missing: ./mvnw package makes it"

"$launcher" --version >"$out/version.out" 2>&1 || fail "target/shmlab --version: exit $?"
grep -qE '^shmlab [0-9]' "$out/version.out" || fail "--version printed: $(cat "$out/version.out")"
pass "target/shmlab --version: $(cat "$out/version.out")"

# A missing or too old java gets one plain line and exit 2, not the JVM's own complaint.
set +e
JAVA_HOME=$out/no-such-jdk "$launcher" scenarios >"$out/nojava.out" 2>&1
code=$?
set -e
[ "$code" -eq 2 ] && grep -q "^shmlab: no java found" "$out/nojava.out" || fail "no java: exit $code, $(cat "$out/nojava.out")"
pass "without a java: $(cat "$out/nojava.out")"
for release in /usr/lib/jvm/*/release; do
    old_home=$(dirname "$release")
    if [ -x "$old_home/bin/java" ] && grep -qE '^JAVA_VERSION="(1[0-9]|2[0-4])[."]' "$release"; then
        set +e
        JAVA_HOME=$old_home "$launcher" scenarios >"$out/oldjava.out" 2>&1
        code=$?
        set -e
        [ "$code" -eq 2 ] && grep -q "^shmlab: needs Java 25 or newer" "$out/oldjava.out" || fail "old java: exit $code, $(cat "$out/oldjava.out")"
        pass "with $old_home: $(cat "$out/oldjava.out")"
        break
    fi
done

"$launcher" run handshake --messages 2 >"$out/handshake.out" 2>"$out/handshake.err" || fail "target/shmlab run handshake: exit $? ($out/handshake.err)"
grep -q 'result: completed' "$out/handshake.out" || fail "run handshake: no 'result: completed'"
pass "target/shmlab run handshake exits 0"
! grep -q "AOTConfiguration" "$out/handshake.out" || fail "the recording JVM wrote on the run's stdout: $(grep AOTConfiguration "$out/handshake.out")"
pass "the first run's stdout is the run's own, though its JVM records its classes"
grep -q "making the participants' start-up cache" "$out/handshake.err" || fail "the first run did not say it made the participants' cache"
ls "$out"/cache/shmlab/participant-*.aot >/dev/null 2>&1 || fail "no participants' cache after the first run"
pass "the first run made the participants' start-up cache, and said so"
ls "$out"/cache/shmlab/run-*.aotconf >/dev/null 2>&1 || fail "the first run recorded no classes for the run cache"
pass "the first run recorded its classes: $(cd "$out/cache/shmlab" && ls run-*.aotconf)"

# bench startup compares participants with the JVM alone, with and without the participants' cache.
"$launcher" bench startup --processes 2 --rounds 1 >"$out/startup.out" 2>&1 || fail "target/shmlab bench startup: exit $? ($out/startup.out)"
grep -q "^JVM alone, participants' start-up cache  *to main  *[0-9]" "$out/startup.out" || fail "bench startup has no start-up cache row: $(cat "$out/startup.out")"
grep -q "^participant (round-robin client)  *to RUNNING  *[0-9]" "$out/startup.out" || fail "bench startup has no participant row"
pass "target/shmlab bench startup times the JVM alone from the participants' cache"

# A command's JVM runs on the quick compiler (the launcher says why): seen on a paced run's command line.
"$launcher" run handshake --messages 3 --pace 300ms >"$out/paced.out" 2>&1 &
paced=$!
cmdline=""
for _ in $(seq 1 50); do
    pid=$(pgrep -f "shmlab.jar run handshake --messages 3" | head -1 || true)
    if [ -n "$pid" ]; then
        cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)
        [ -n "$cmdline" ] && break
    fi
    sleep 0.1
done
wait "$paced" || fail "target/shmlab run handshake --pace 300ms: exit $? ($out/paced.out)"
case "$cmdline" in
    *-XX:TieredStopAtLevel=1*) pass "a command runs on the quick compiler" ;;
    *) fail "the run's JVM was started without -XX:TieredStopAtLevel=1: $cmdline" ;;
esac
# The second run built the run cache from the record before it started, and ran from it.
grep -q "making the start-up cache for runs" "$out/paced.out" || fail "the second run did not say it built the run cache"
ls "$out"/cache/shmlab/run-*.aot >/dev/null 2>&1 || fail "no run cache after the second run"
! ls "$out"/cache/shmlab/run-*.aotconf >/dev/null 2>&1 || fail "the run cache's record was left after the cache was built"
case "$cmdline" in
    *-XX:AOTCache=*/run-*.aot*) pass "the second run built the run cache and started from it" ;;
    *) fail "the second run's JVM was started without the run cache: $cmdline" ;;
esac

# A participant's way to RUNNING comes from the participants' cache: the segment opened by its
# address, the scenario looked up by name, the role's body, and the native calls bound after it
# (ParticipantMain --train walks them). Each JVM of a run logs where its classes came from.
mkdir -p "$out/classes"
JAVA_TOOL_OPTIONS="-Xlog:class+load=info:file=$out/classes/%p.log" "$launcher" run ping-pong --count 100 >"$out/classes.out" 2>&1 \
    || fail "target/shmlab run ping-pong (class logs): exit $? ($out/classes.out)"
participants=$(grep -l 'dev.shmlab.participant.ParticipantMain source:' "$out"/classes/*.log | grep -v -x -F "$(grep -l 'dev.shmlab.cli.Main source:' "$out"/classes/*.log)" || true)
[ "$(echo "$participants" | grep -c .)" -eq 2 ] || fail "expected two participants' class logs in $out/classes, found: $participants"
for log in $participants; do
    for class in 'sun.nio.fs.UnixChannelFactory$1' 'dev.shmlab.scenario.Catalog$$Lambda' 'dev.shmlab.participant.ParticipantMain$$Lambda' \
            'dev.shmlab.sync.CallLinking' 'dev.shmlab.scenario.SyncObjects'; do
        grep -F "$class" "$log" | grep -q 'source: shared objects file' \
            || fail "a participant did not load $class from its cache: $(grep -F "$class" "$log" | head -1) ($log)"
    done
done
pass "participants load their way to RUNNING, and the calls they bind next, from their cache"

# One start of the window under Xvfb: waits for it to appear, then closes it with SIGTERM.
# Prints the window process's memory maps just before closing. A start that found no X server
# (xvfb-run's server not yet accepting, seen once right after the previous one exited) is tried
# once more.
open_window() {
    local log=$1
    if ! try_window "$log" && grep -q "Unable to open DISPLAY" "$log.err" 2>/dev/null; then
        echo "      (no X server for $log; trying once more)"
        sleep 1
        try_window "$log" || fail "the window did not open through target/shmlab (exit $?, see $log.err)"
    fi
    [ -s "$log.maps" ] || fail "the window did not open through target/shmlab (see $log.err)"
}

try_window() {
    local log=$1
    rm -f "$log.maps"
    xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
        "$0" >"$1.out" 2>"$1.err" &
        app=$!
        for i in $(seq 1 600); do
            xdotool search --onlyvisible --name shmlab >/dev/null 2>&1 && break
            kill -0 $app 2>/dev/null || exit 3
            sleep 0.1
        done
        xdotool search --onlyvisible --name shmlab >/dev/null 2>&1 || exit 4
        cat /proc/$app/maps > "$1.maps"
        kill -TERM $app
        wait $app || true' "$launcher" "$log"
}

open_window "$out/first"
ls "$out/cache/shmlab/"window-*.aotconf >/dev/null 2>&1 || fail "the first window left no record of its classes in $out/cache/shmlab"
pass "the first window opens and records its classes"

open_window "$out/second"
waited=0
until ls "$out/cache/shmlab/"window-*.aot >/dev/null 2>&1; do
    [ "$waited" -lt 180 ] || fail "no AOT cache built within 3 minutes of the second start"
    sleep 1
    waited=$((waited + 1))
done
pass "the second start builds the window's AOT cache in the background (ready after ${waited} s)"

open_window "$out/third"
grep -q 'window-.*\.aot' "$out/third.maps" || fail "the third window does not map its AOT cache"
pass "the third window opens from its AOT cache"

sleep 1
if pgrep -f "$root/target/shmlab.jar" >/dev/null; then
    fail "shmlab processes left running: $(pgrep -fa "$root/target/shmlab.jar")"
fi
pass "nothing left running"
