package dev.shmlab.bench;

import dev.shmlab.layout.LabSegment;
import dev.shmlab.launch.Run;
import dev.shmlab.os.ProcStat;
import dev.shmlab.scenario.TransportsDescriptor.Phase;
import dev.shmlab.scenario.TransportsScenario;
import dev.shmlab.shm.Segment;
import dev.shmlab.shm.Segments;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Watches where the writer's and the reader's role threads run during a {@code transports} run:
 * every {@link #INTERVAL_MILLIS} ms it reads the CPU each last ran on from
 * /proc/PID/task/TID/stat and counts, per measured phase, how often both were on the same CPU. It
 * maps the lab segment read-only by itself, so the run may unmap its own at any time.
 */
final class PlacementSampler implements AutoCloseable {
    static final long INTERVAL_MILLIS = 5;

    private final Run run;
    private final String cpus;
    private final Segment segment;
    private final LabSegment lab;
    private final Map<Phase, int[]> tallies = new EnumMap<>(Phase.class);
    private final Thread thread;
    private volatile boolean stopped;

    private PlacementSampler(Run run, String cpus) {
        this.run = run;
        this.cpus = cpus;
        this.segment = Segments.open(run.segment().address(), true);
        this.lab = LabSegment.attach(segment.memory(), Duration.ofSeconds(1));
        tallies.put(Phase.LATENCY_MEASURED, new int[2]);
        tallies.put(Phase.STREAM_MEASURED, new int[2]);
        this.thread = Thread.ofPlatform().daemon().name("placement-sampler").start(this::sample);
    }

    /** Starts sampling a run that has just started. */
    static PlacementSampler start(Run run, String cpus) {
        return new PlacementSampler(run, cpus);
    }

    private void sample() {
        while (!stopped) {
            Phase phase = TransportsScenario.phase(lab.data());
            int[] tally = tallies.get(phase);
            if (tally != null) {
                int writerCpu = cpuOf(0);
                int readerCpu = cpuOf(1);
                if (writerCpu >= 0 && readerCpu >= 0) {
                    tally[0]++;
                    tally[1] += writerCpu == readerCpu ? 1 : 0;
                }
            }
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private int cpuOf(int role) {
        int tid = TransportsScenario.roleThreadId(lab.data(), role);
        return tid == 0 ? -1 : ProcStat.readThread(run.pid(role), tid).map(ProcStat::lastCpu).orElse(-1);
    }

    /** What was seen while the phase was measured. */
    Placement placement(Phase phase) {
        int[] tally = tallies.get(phase);
        return new Placement(tally[0], tally[1], cpus);
    }

    /** Stops sampling and unmaps; the tallies stay readable. */
    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        segment.close();
    }
}
