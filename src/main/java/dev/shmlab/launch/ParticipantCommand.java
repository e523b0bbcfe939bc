package dev.shmlab.launch;

import dev.shmlab.ShmlabException;
import dev.shmlab.os.JnaDispatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one place that knows how to start a participant process. From a jar or class path it is
 * {@code java [options] -cp CLASSPATH dev.shmlab.participant.ParticipantMain ARGS}; inside the
 * packaged app it is what one of the app's participant launchers ({@code bin/shmlab-participant},
 * or {@code bin/shmlab-participant-quick} on the quick compiler only) runs, found through the
 * {@code jpackage.app-path} property that jpackage's launcher sets. Their configurations carry
 * their own Java options and an AOT cache trained when the package was built
 * ({@code packaging/build-dist.sh}), so {@link StartupCache} is for class paths only. A participant
 * played by another program gets the same ARGS: {@code SEGMENT INDEX PARENT_PID}.
 */
public final class ParticipantCommand {
    private static final String JPACKAGE_APP_PATH = "jpackage.app-path";
    static final String MAIN_CLASS = "dev.shmlab.participant.ParticipantMain";
    /** The environment variable a jpackage launcher exports; a child launcher that inherits it fails to start. */
    static final String JPACKAGE_LAUNCHER_ENV = "_JPACKAGE_LAUNCHER";

    private ParticipantCommand() {
    }

    /**
     * The command line for participant {@code index} of the segment at {@code address}; with
     * {@code quickCompiler} (see {@link dev.shmlab.scenario.Scenario#measuresPeakSpeed}) on the
     * JVM's quick compiler only (in the packaged app: through the launcher made for that).
     */
    public static List<String> forParticipant(String encodedAddress, int index, boolean quickCompiler) {
        return forProgram(launcherPrefix(quickCompiler), encodedAddress, index);
    }

    /**
     * The command line of a spare participant ({@link StandbyPool}): it starts, warms up and waits
     * for {@code SEGMENT INDEX} on its input; this process is its parent.
     */
    public static List<String> forStandby(boolean quickCompiler) {
        List<String> command = new ArrayList<>(launcherPrefix(quickCompiler));
        command.add(dev.shmlab.participant.ParticipantMain.STANDBY_OPTION);
        command.add(Long.toString(ProcessHandle.current().pid()));
        return command;
    }

    /**
     * A participant's command line that only reports when {@code main} began
     * ({@link dev.shmlab.participant.ParticipantMain#STARTED_OPTION}): the JVM alone, started as a
     * participant is. Without {@code startupCache}, the JVM has only the JDK's own class-data archive.
     */
    public static List<String> forStartReference(boolean quickCompiler, boolean startupCache) {
        List<String> command = new ArrayList<>(launcherPrefix(quickCompiler));
        if (!startupCache) {
            command.removeIf(option -> option.startsWith("-XX:AOTCache="));
        }
        command.add(dev.shmlab.participant.ParticipantMain.STARTED_OPTION);
        return command;
    }

    /**
     * The command line for participant {@code index} played by another program: the program's own
     * words, then the same {@code SEGMENT INDEX PARENT_PID} every participant gets.
     */
    public static List<String> forProgram(List<String> program, String encodedAddress, int index) {
        List<String> command = new ArrayList<>(program);
        command.add(encodedAddress);
        command.add(Integer.toString(index));
        command.add(Long.toString(ProcessHandle.current().pid()));
        return command;
    }

    /**
     * Whether participants can be started at once: their start-up cache ({@link StartupCache}) is
     * made, or there is none to make (the packaged app brings its own; a class path of directories
     * goes without). Otherwise the first launch makes it: a few seconds, once per build and JDK.
     */
    public static boolean startupCacheReady() {
        return packaged() || StartupCache.isReady(classPath());
    }

    /** Makes the participants' start-up cache now if it is missing (see {@link #startupCacheReady}). */
    public static void prepareStartupCache() {
        if (!packaged()) {
            StartupCache.forClassPath(classPath());
        }
    }

    /** A process builder for the command, with an environment a participant can start in. */
    public static ProcessBuilder builder(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.remove(JPACKAGE_LAUNCHER_ENV);
        return builder;
    }

    private static List<String> launcherPrefix(boolean quickCompiler) {
        List<String> packaged = packagedParticipantCommand(quickCompiler);
        if (packaged != null) {
            return packaged;
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = classPath();
        List<String> prefix = new ArrayList<>(List.of(java,
                "--enable-native-access=ALL-UNNAMED",
                // A participant is small and short-lived: one GC thread and a small heap start fastest.
                "-XX:+UseSerialGC", "-Xms16m", "-Xss512k", "-XX:-UsePerfData"));
        if (quickCompiler) {
            prefix.add("-XX:TieredStopAtLevel=1");
        }
        StartupCache.jnaLibraryDirectory().ifPresent(dir -> prefix.add("-Djna.boot.library.path=" + dir));
        prefix.addAll(jnaPlatformOption());
        StartupCache.forClassPath(classPath).ifPresent(cache -> prefix.addAll(List.of(
                "-XX:AOTCache=" + cache, "-Xlog:aot=off", "-Xlog:cds=off")));
        prefix.addAll(List.of("-cp", classPath, MAIN_CLASS));
        return prefix;
    }

    /** JNA's search path for system libraries as this process has it, so that a participant need not run ldconfig to find it. */
    private static List<String> jnaPlatformOption() {
        return JnaDispatch.platformLibraryPath().map(path -> List.of("-D" + JnaDispatch.PLATFORM_LIBRARY_PATH + "=" + path)).orElse(List.of());
    }

    /** Whether this is the packaged app: its launcher sets {@value #JPACKAGE_APP_PATH}. */
    private static boolean packaged() {
        return System.getProperty(JPACKAGE_APP_PATH) != null;
    }

    private static String classPath() {
        return absolute(System.getProperty("java.class.path"));
    }

    private static String absolute(String classPath) {
        List<String> entries = new ArrayList<>();
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            entries.add(Path.of(entry).toAbsolutePath().toString());
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    /**
     * In the packaged app: what its participant launcher for this compiler choice would run — the
     * image's own java with the launcher's options, class path and main class, read from the
     * {@code lib/app/NAME.cfg} jpackage wrote for it — run directly. The launcher itself first asks
     * rpm and dpkg which package owns it, on every start (jpackage's Linux launcher does): 0.4 s
     * and more per participant here. Null outside the packaged app.
     */
    private static List<String> packagedParticipantCommand(boolean quickCompiler) {
        if (!packaged()) {
            return null;
        }
        String appPath = System.getProperty(JPACKAGE_APP_PATH);
        Path image = Path.of(appPath).toAbsolutePath().getParent().getParent();
        Path appDir = image.resolve("lib").resolve("app");
        Path config = appDir.resolve((quickCompiler ? "shmlab-participant-quick" : "shmlab-participant") + ".cfg");
        Path javaLauncher = image.resolve("lib").resolve("runtime").resolve("bin").resolve("java");
        List<String> options = new ArrayList<>();
        List<String> classPath = new ArrayList<>();
        String mainClass = null;
        try {
            for (String line : Files.readAllLines(config)) {
                String value = line.substring(line.indexOf('=') + 1).replace("$APPDIR", appDir.toString());
                if (line.startsWith("java-options=")) {
                    options.add(value);
                } else if (line.startsWith("app.classpath=")) {
                    classPath.add(value);
                } else if (line.startsWith("app.mainclass=")) {
                    mainClass = value;
                }
            }
        } catch (IOException e) {
            throw new ShmlabException("cannot read " + config + ", the participants' launcher configuration: " + e.getMessage()
                    + "; reinstall shmlab", e);
        }
        if (mainClass == null || classPath.isEmpty()) {
            throw new ShmlabException(config + " names no main class or class path; reinstall shmlab");
        }
        List<String> command = new ArrayList<>(List.of(javaLauncher.toString()));
        command.addAll(options);
        command.addAll(jnaPlatformOption());
        command.addAll(List.of("-cp", String.join(java.io.File.pathSeparator, classPath), mainClass));
        return command;
    }
}
