#!/usr/bin/env bash
# Builds shmlab's jpackage app image and .deb into target/dist/. `./mvnw -Pdist package` runs it
# after the jar is built; it can also be run by hand after `./mvnw package`:
#
#   JAVA_HOME=/path/to/jdk-25 packaging/build-dist.sh VERSION [app-image] [deb]
#
# Needs target/shmlab.jar and target/lib/ (the runtime dependencies), and JAVA_HOME's jlink,
# jmod and jpackage (the JDK's own; its runtime is linked without jmods, JEP 493). For each
# package type:
#   1. jlink a runtime from the JDK's modules and JavaFX's: JavaFX runs from named modules.
#   2. Stage the app's jars with JNA's native library, and train the participants' AOT cache
#      with that runtime and those jars.
#   3. jpackage them, with the options in packaging/jpackage/.
# The app image keeps its runtime's classes zip-compressed (it is a directory: that is its size
# on disk). The .deb's runtime is linked uncompressed because zstd compresses the whole package
# far better than jlink compresses one class at a time (lib/modules: 34 MB zipped, 18 MB zstd).
set -euo pipefail

version=${1:?usage: build-dist.sh VERSION [app-image] [deb]}
version=${version%-SNAPSHOT}  # jpackage wants a plain number
shift
types=("$@")
[ "${#types[@]}" -gt 0 ] || types=(app-image deb)

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
: "${JAVA_HOME:?set JAVA_HOME to a JDK 25}"
jdk_bin=$JAVA_HOME/bin
work=$root/target/dist-work
dist=$root/target/dist

# The JDK modules the app's jars use (`jdeps -s` on the jar and target/lib lists them):
# java.desktop also for JavaFX, java.logging for JNA and ControlsFX, java.sql for Jackson.
# A module missing here shows as a NoClassDefFoundError only in the packaged app.
jdk_modules=java.base,java.desktop,java.logging,java.sql,java.xml
participant_main=dev.shmlab.participant.ParticipantMain

step() {
    echo "[dist] $*"
}

# jlink can link the Maven JavaFX jars as they are (they are modular jars), but their native
# libraries then stay inside lib/modules and JavaFX unpacks them into ~/.openjfx/cache on its
# first start. As jmods (the jar's classes, its .so files as native libraries) they land in
# the runtime's lib/ and load from there.
javafx_jmods() {
    local jmods=$work/jmods
    rm -rf "$jmods" "$work/javafx"
    mkdir -p "$jmods"
    local jar module dir
    for jar in target/lib/javafx-*.jar; do
        module=$("$jdk_bin/jar" --describe-module --file "$jar" | head -1 | cut -d@ -f1)
        dir=$work/javafx/$module
        mkdir -p "$dir/classes" "$dir/lib"
        (cd "$dir/classes" && "$jdk_bin/jar" xf "$root/$jar")
        find "$dir/classes" -maxdepth 1 -name '*.so' -exec mv -t "$dir/lib" {} +
        # javafx-swt.jar is the javafx.swt module (SWT interop), which shmlab does not use.
        rm -rf "$dir/classes/javafx-swt.jar" "$dir/classes/META-INF/MANIFEST.MF"
        local libs=()
        [ -z "$(ls -A "$dir/lib")" ] || libs=(--libs "$dir/lib")
        "$jdk_bin/jmod" create --class-path "$dir/classes" "${libs[@]}" "$jmods/$module.jmod"
    done
}

link_runtime() {
    local compression=$1 runtime=$2
    rm -rf "$runtime"
    "$jdk_bin/jlink" --module-path "$work/jmods" --add-modules "$jdk_modules,javafx.controls" \
        --strip-debug --no-header-files --no-man-pages --compress="$compression" --output "$runtime"
}

# The participant launcher's Java options from its properties file, $APPDIR made concrete.
participant_java_options() {
    sed -n 's/^java-options=//p' packaging/jpackage/shmlab-participant.properties | sed "s|\\\$APPDIR|$1|g"
}

# The jars jpackage puts in lib/app, JNA's native library, and the participants' AOT cache.
stage_app() {
    local runtime=$1 input=$2
    rm -rf "$input"
    mkdir -p "$input"
    cp target/shmlab.jar "$input/"
    find target/lib -name '*.jar' ! -name 'javafx-*' -exec cp -t "$input" {} +
    (cd "$input" && "$jdk_bin/jar" xf jna-*.jar com/sun/jna/linux-x86-64/libjnidispatch.so \
        && mv com/sun/jna/linux-x86-64/libjnidispatch.so . && rm -r com)
    train_participant_cache "$runtime" "$input"
}

# A participant reaches RUNNING in about half the time from an AOT cache (classes loaded and
# linked, method profiles), which is valid only for the runtime, class path and options it was
# made with. So it is trained here with the image's runtime and jars, the class path in
# jpackage's order (main jar, then the others by name) and the launcher's own options; the
# cache is relocatable, so it holds once the image moves to /opt. check-app-image.sh verifies
# that the participant launcher really starts from it.
train_participant_cache() {
    local runtime=$1 input=$2
    local jar option class_path jars=("$input/shmlab.jar") options=()
    while IFS= read -r jar; do
        jars+=("$input/$jar")
    done < <(cd "$input" && ls -1 -- *.jar | grep -vx shmlab.jar | LC_ALL=C sort)
    class_path=$(IFS=:; echo "${jars[*]}")
    for option in $(participant_java_options "$input"); do
        case $option in
            -XX:AOTCache=*|-Xlog:*) ;;
            *) options+=("$option") ;;
        esac
    done
    if ! "$runtime/bin/java" "${options[@]}" -XX:AOTCacheOutput="$input/participant.aot" \
            -cp "$class_path" "$participant_main" --train >"$work/participant-aot.log" 2>&1 \
            || [ ! -s "$input/participant.aot" ]; then
        tail -20 "$work/participant-aot.log" >&2
        echo "[dist] training the participants' AOT cache failed (log: $work/participant-aot.log)" >&2
        exit 1
    fi
}

build_app_image() {
    step "app image: runtime (zip-compressed), jars, participant AOT cache, jpackage"
    link_runtime zip-6 "$work/app-image/runtime"
    stage_app "$work/app-image/runtime" "$work/app-image/input"
    rm -rf "$dist/shmlab"
    "$jdk_bin/jpackage" @packaging/jpackage/app.args --type app-image --app-version "$version" \
        --runtime-image "$work/app-image/runtime" --input "$work/app-image/input" --dest "$dist"
    step "${dist#"$root"/}/shmlab: $(du -sm "$dist/shmlab" | cut -f1) MB"
}

build_deb() {
    step "deb: runtime (uncompressed), jars, participant AOT cache, jpackage, zstd"
    link_runtime zip-0 "$work/deb/runtime"
    stage_app "$work/deb/runtime" "$work/deb/input"
    rm -f "$dist"/shmlab_*.deb
    # dpkg-deb (>= 1.21.10) reads its compressor from the environment: zstd -9 takes a few
    # seconds where the default xz takes a minute, for a package about the same size.
    DPKG_DEB_COMPRESSOR_TYPE=zstd DPKG_DEB_COMPRESSOR_LEVEL=9 \
        "$jdk_bin/jpackage" @packaging/jpackage/app.args @packaging/jpackage/deb.args --type deb \
        --app-version "$version" --runtime-image "$work/deb/runtime" --input "$work/deb/input" \
        --dest "$dist"
    local deb
    deb=$(ls "$dist"/shmlab_*.deb)
    if ! ar t "$deb" | grep -q '^data.tar.zst$'; then
        echo "[dist] $deb is not zstd-compressed: this dpkg-deb ignores DPKG_DEB_COMPRESSOR_TYPE" >&2
        exit 1
    fi
    step "${deb#"$root"/}: $(du -m "$deb" | cut -f1) MB"
}

[ -f target/shmlab.jar ] || { echo "[dist] target/shmlab.jar is missing: run ./mvnw package first" >&2; exit 1; }
mkdir -p "$work" "$dist"
step "JavaFX jmods from target/lib"
javafx_jmods
for type in "${types[@]}"; do
    case $type in
        app-image) build_app_image ;;
        deb) build_deb ;;
        *) echo "[dist] unknown package type: $type (app-image or deb)" >&2; exit 2 ;;
    esac
done
