package dev.shmlab.launch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Participant processes started ahead of a run: each is a participant JVM that has started and
 * warmed up and waits, reading its standard input, for the segment and index it is to play
 * ({@code ParticipantMain --standby PARENT_PID}). A run hands one over by writing that line
 * ({@link #handOver}) instead of starting a JVM, so the participant is running in tens of
 * milliseconds rather than after a JVM's start (a few hundred on a small machine). A spare nobody
 * takes exits when its input ends, which is at the latest when this process exits.
 *
 * <p>Spares are kept per compiler choice ({@link ParticipantCommand#forStandby}); a run takes
 * what matches and starts the rest cold. Participants played by another program never come from
 * here.
 */
public final class StandbyPool {
    /** A spare and when it was started, to report how far ahead of its run it was. */
    public record Spare(Process process, long startedNanos) {
    }

    private static final Deque<Spare> QUICK = new ArrayDeque<>();
    private static final Deque<Spare> OPTIMISING = new ArrayDeque<>();

    private StandbyPool() {
    }

    /**
     * Starts spares until {@code count} of this compiler choice wait, and ends those of the other
     * choice (idle JVMs of about 40 MB each are kept for one kind of run only); a spare that cannot
     * be started is simply missing (its run starts that participant cold).
     */
    public static void prepare(int count, boolean quickCompiler) {
        Deque<Spare> spares = spares(quickCompiler);
        synchronized (StandbyPool.class) {
            discard(spares(!quickCompiler));
            spares.removeIf(s -> !s.process().isAlive());
            while (spares.size() < count) {
                try {
                    Process p = ParticipantCommand.builder(ParticipantCommand.forStandby(quickCompiler)).start();
                    spares.add(new Spare(p, System.nanoTime()));
                } catch (IOException e) {
                    return;
                }
            }
        }
    }

    /** Like {@link #prepare}, on a background thread: for the window, between runs. */
    public static void prepareInBackground(int count, boolean quickCompiler) {
        Thread.ofPlatform().daemon().name("standby-start").start(() -> prepare(count, quickCompiler));
    }

    /** A waiting spare of this compiler choice, if one is alive. */
    public static synchronized Optional<Spare> take(boolean quickCompiler) {
        Deque<Spare> spares = spares(quickCompiler);
        Spare s;
        while ((s = spares.poll()) != null) {
            if (s.process().isAlive()) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The process ids of the spares of this compiler choice that wait now. */
    public static synchronized java.util.List<Long> waiting(boolean quickCompiler) {
        return spares(quickCompiler).stream().filter(s -> s.process().isAlive()).map(s -> s.process().pid()).toList();
    }

    /** Ends every waiting spare (their input is closed: they exit at once, having touched nothing). */
    public static synchronized void discardAll() {
        discard(QUICK);
        discard(OPTIMISING);
    }

    private static void discard(Deque<Spare> spares) {
        Spare s;
        while ((s = spares.poll()) != null) {
            try {
                s.process().getOutputStream().close();
            } catch (IOException e) {
                s.process().destroy();
            }
        }
    }

    /**
     * Gives a spare its participant: {@code SEGMENT INDEX} on its input, which is then closed.
     * False if the spare is gone (the caller starts the participant cold).
     */
    static boolean handOver(Process spare, String encodedAddress, int index) {
        try (OutputStream in = spare.getOutputStream()) {
            in.write((encodedAddress + " " + index + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
            return true;
        } catch (IOException e) {
            spare.destroy();
            return false;
        }
    }

    private static Deque<Spare> spares(boolean quickCompiler) {
        return quickCompiler ? QUICK : OPTIMISING;
    }
}
