package dev.shmlab.layout;

import static dev.shmlab.layout.LabLayoutDescriptor.*;

import dev.shmlab.shm.SharedMemory;
import java.lang.invoke.VarHandle;
import org.HdrHistogram.Histogram;

/**
 * The single writer of one participant record. Counters are kept here and published together
 * under the record's seqlock, so a reader never sees, say, {@code sent} from one message and
 * {@code bytesSent} from the next. State changes publish at once; counters publish at most every
 * {@link #PUBLISH_INTERVAL_NANOS} on the hot path (and always at the end) to keep the cache line
 * quiet while messages fly.
 */
public final class ParticipantPublisher {
    /** Counters reach the segment at least this often while messages flow: 1 ms. */
    public static final long PUBLISH_INTERVAL_NANOS = 1_000_000L;
    /** Percentiles are recomputed from the histogram at most this often: 100 ms. */
    private static final long PERCENTILE_INTERVAL_NANOS = 100_000_000L;

    private final SharedMemory memory;
    private final Histogram latency = new Histogram(3_600_000_000_000L, 3);
    private long sequence;
    private long lastPublishNanos;
    private long lastPercentilesNanos;

    private int state;
    private int step;
    private int waitingOn = -1;
    private int exitCode;
    private long stateSinceNanos;
    private long p50;
    private long p90;
    private long p99;
    private long p999;
    private long max;

    public long sent;
    public long received;
    public long bytesSent;
    public long bytesReceived;
    public long lost;
    public long duplicated;
    public long corrupted;
    public long waitNanos;
    public long stepsTaken;
    public long lastSeq;

    public ParticipantPublisher(ParticipantRecord record) {
        this.memory = record.memory();
        this.sequence = memory.getLongAcquire(P_SEQLOCK_OFFSET) & ~1L;
    }

    /** Claims the record for this process: PID, role, name, state STARTING. */
    public void begin(long pid, int role, String name) {
        beginWrite();
        memory.putLong(P_PID_OFFSET, pid);
        memory.putInt(P_ROLE_OFFSET, role);
        memory.putCString(P_NAME_OFFSET, P_NAME_LENGTH, name);
        endWrite();
        state(ParticipantState.STARTING);
    }

    public ParticipantState state() {
        return ParticipantState.of(state);
    }

    /** Publishes a new state (and clears waiting-on unless the state is WAITING). */
    public void state(ParticipantState newState) {
        if (newState.ordinal() != state) {
            state = newState.ordinal();
            stateSinceNanos = System.nanoTime();
        }
        if (newState != ParticipantState.WAITING) {
            waitingOn = -1;
        }
        publish();
    }

    /** Publishes that this participant now waits on a sync object. */
    public void waitingOn(int syncIndex) {
        waitingOn = syncIndex;
        if (state != ParticipantState.WAITING.ordinal()) {
            state = ParticipantState.WAITING.ordinal();
            stateSinceNanos = System.nanoTime();
        }
        publish();
    }

    /** Publishes the pseudo-code step the participant is on. */
    public void step(int stepId) {
        step = stepId;
        publish();
    }

    public int step() {
        return step;
    }

    public void exitCode(int code) {
        exitCode = code;
    }

    /** Adds one latency sample; published with the counters. */
    public void recordLatency(long nanos) {
        latency.recordValue(Math.min(Math.max(nanos, 0), latency.getHighestTrackableValue()));
    }

    /** The histogram itself, for a final summary in this process. */
    public Histogram latencyHistogram() {
        return latency;
    }

    /** Publishes when {@link #PUBLISH_INTERVAL_NANOS} passed since the last publication. */
    public void publishIfDue(long nowNanos) {
        if (nowNanos - lastPublishNanos >= PUBLISH_INTERVAL_NANOS) {
            publish();
        }
    }

    /** Writes every field under the seqlock. */
    public void publish() {
        long now = System.nanoTime();
        lastPublishNanos = now;
        if (now - lastPercentilesNanos >= PERCENTILE_INTERVAL_NANOS || latency.getTotalCount() < 64) {
            refreshPercentiles(now);
        }
        beginWrite();
        memory.putInt(P_STATE_OFFSET, state);
        memory.putInt(P_STEP_OFFSET, step);
        memory.putInt(P_WAITING_ON_OFFSET, waitingOn);
        memory.putInt(P_EXIT_CODE_OFFSET, exitCode);
        memory.putLong(P_STATE_SINCE_NANOS_OFFSET, stateSinceNanos);
        memory.putLong(P_SENT_OFFSET, sent);
        memory.putLong(P_RECEIVED_OFFSET, received);
        memory.putLong(P_BYTES_SENT_OFFSET, bytesSent);
        memory.putLong(P_BYTES_RECEIVED_OFFSET, bytesReceived);
        memory.putLong(P_LOST_OFFSET, lost);
        memory.putLong(P_DUPLICATED_OFFSET, duplicated);
        memory.putLong(P_CORRUPTED_OFFSET, corrupted);
        memory.putLong(P_WAIT_NANOS_OFFSET, waitNanos);
        memory.putLong(P_LATENCY_COUNT_OFFSET, latency.getTotalCount());
        memory.putLong(P_P50_NANOS_OFFSET, p50);
        memory.putLong(P_P90_NANOS_OFFSET, p90);
        memory.putLong(P_P99_NANOS_OFFSET, p99);
        memory.putLong(P_P999_NANOS_OFFSET, p999);
        memory.putLong(P_MAX_NANOS_OFFSET, max);
        memory.putLong(P_STEPS_TAKEN_OFFSET, stepsTaken);
        memory.putLong(P_LAST_SEQ_OFFSET, lastSeq);
        endWrite();
    }

    /** Publishes with fresh percentiles whatever the interval (the last word of a run). */
    public void publishFinal() {
        lastPercentilesNanos = 0;
        refreshPercentiles(System.nanoTime());
        publish();
    }

    private void refreshPercentiles(long now) {
        lastPercentilesNanos = now;
        if (latency.getTotalCount() > 0) {
            p50 = latency.getValueAtPercentile(50);
            p90 = latency.getValueAtPercentile(90);
            p99 = latency.getValueAtPercentile(99);
            p999 = latency.getValueAtPercentile(99.9);
            max = latency.getMaxValue();
        }
    }

    private void beginWrite() {
        sequence++;
        memory.putLongVolatile(P_SEQLOCK_OFFSET, sequence);
        // The odd sequence is visible before any field store that follows.
        VarHandle.storeStoreFence();
    }

    private void endWrite() {
        sequence++;
        // Release: every field store above is visible before the even sequence.
        memory.putLongRelease(P_SEQLOCK_OFFSET, sequence);
    }
}
