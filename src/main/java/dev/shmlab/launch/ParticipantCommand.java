package dev.shmlab.launch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one place that knows how to start a participant process. From a jar or class path it is
 * {@code java [options] -cp CLASSPATH dev.shmlab.participant.ParticipantMain ARGS}; inside the
 * packaged app it is the app's second launcher ({@code bin/shmlab-participant ARGS}), found
 * through the {@code jpackage.app-path} property that jpackage's launcher sets. That launcher
 * carries its own Java options and an AOT cache trained when the package was built
 * ({@code packaging/build-dist.sh}), so {@link StartupCache} is for class paths only. A participant
 * played by another program gets the same ARGS: {@code SEGMENT INDEX PARENT_PID}.
 */
public final class ParticipantCommand {
    static final String MAIN_CLASS = "dev.shmlab.participant.ParticipantMain";
    /** The environment variable a jpackage launcher exports; a child launcher that inherits it fails to start. */
    static final String JPACKAGE_LAUNCHER_ENV = "_JPACKAGE_LAUNCHER";

    private ParticipantCommand() {
    }

    /**
     * The command line for participant {@code index} of the segment at {@code address}; with
     * {@code quickCompiler} (see {@link dev.shmlab.scenario.Scenario#measuresPeakSpeed}) on the
     * JVM's quick compiler only. The packaged participant launcher keeps its own options.
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

    /** A process builder for the command, with an environment a participant can start in. */
    public static ProcessBuilder builder(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.remove(JPACKAGE_LAUNCHER_ENV);
        return builder;
    }

    private static List<String> launcherPrefix(boolean quickCompiler) {
        Path packaged = packagedParticipantLauncher();
        if (packaged != null) {
            return List.of(packaged.toString());
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = absolute(System.getProperty("java.class.path"));
        List<String> prefix = new ArrayList<>(List.of(java,
                "--enable-native-access=ALL-UNNAMED",
                // A participant is small and short-lived: one GC thread and a small heap start fastest.
                "-XX:+UseSerialGC", "-Xms16m", "-Xss512k", "-XX:-UsePerfData"));
        if (quickCompiler) {
            prefix.add("-XX:TieredStopAtLevel=1");
        }
        StartupCache.jnaLibraryDirectory().ifPresent(dir -> prefix.add("-Djna.boot.library.path=" + dir));
        StartupCache.forClassPath(classPath).ifPresent(cache -> prefix.addAll(List.of(
                "-XX:AOTCache=" + cache, "-Xlog:aot=off", "-Xlog:cds=off")));
        prefix.addAll(List.of("-cp", classPath, MAIN_CLASS));
        return prefix;
    }

    private static String absolute(String classPath) {
        List<String> entries = new ArrayList<>();
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            entries.add(Path.of(entry).toAbsolutePath().toString());
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static Path packagedParticipantLauncher() {
        String appPath = System.getProperty("jpackage.app-path");
        if (appPath == null) {
            return null;
        }
        Path launcher = Path.of(appPath).resolveSibling("shmlab-participant");
        return Files.isExecutable(launcher) ? launcher : null;
    }
}
