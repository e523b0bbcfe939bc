package dev.shmlab.launch;

import dev.shmlab.ShmlabException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The runs of this process that hold kernel objects. When the JVM is told to exit (Ctrl-C,
 * SIGTERM) while one is going, a shutdown hook stops each and removes what it made, as its own
 * end would; a run being started then is waited for first, and none starts after. Every command
 * gets this, whatever it does with a run (run, bench, bench startup).
 */
final class LiveRuns {
    private static final Set<Run> RUNS = new LinkedHashSet<>();
    private static boolean exiting;
    private static boolean hooked;

    private LiveRuns() {
    }

    /** Starts a run (making its kernel objects and processes) and keeps it until {@link #ended}. */
    static synchronized Run start(Supplier<Run> starter) {
        if (exiting) {
            throw new ShmlabException("shmlab is exiting (interrupted or terminated): no further run is started");
        }
        if (!hooked) {
            Runtime.getRuntime().addShutdownHook(new Thread(LiveRuns::stopAll, "stop-runs"));
            hooked = true;
        }
        // Held while the run starts: it cannot end (ended() waits for the lock) before it is added,
        // and the hook cannot miss it. Nothing in a start waits for another run to end.
        Run run = starter.get();
        RUNS.add(run);
        return run;
    }

    /** A run that has released everything it made. */
    static synchronized void ended(Run run) {
        RUNS.remove(run);
    }

    private static void stopAll() {
        List<Run> runs;
        synchronized (LiveRuns.class) {
            exiting = true;
            runs = new ArrayList<>(RUNS);
        }
        for (Run run : runs) {
            try {
                run.shutdown();
            } catch (RuntimeException e) {
                System.err.println("shmlab: could not stop a run while exiting: " + e.getMessage() + "; 'shmlab clean' removes what it left");
            }
        }
    }
}
