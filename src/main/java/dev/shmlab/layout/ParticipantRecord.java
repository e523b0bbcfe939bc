package dev.shmlab.layout;

import static dev.shmlab.layout.LabLayoutDescriptor.*;

import dev.shmlab.shm.SharedMemory;
import java.lang.invoke.VarHandle;
import java.util.Optional;

/**
 * One participant's record. Exactly one thread writes the seqlocked fields (the participant's
 * main thread, through {@link ParticipantPublisher}); the heartbeat is a separate word with its own
 * release store. Readers take consistent snapshots with {@link #read()}.
 */
public final class ParticipantRecord {
    /** How often a reader retries a snapshot that a writer kept changing before giving up. */
    private static final int READ_ATTEMPTS = 64;

    private final SharedMemory memory;

    ParticipantRecord(SharedMemory memory) {
        this.memory = memory;
    }

    SharedMemory memory() {
        return memory;
    }

    public int index() {
        return memory.getInt(P_INDEX_OFFSET);
    }

    /** The heartbeat, read on its own (acquire) without the seqlock. */
    public long heartbeatNanos() {
        return memory.getLongAcquire(P_HEARTBEAT_NANOS_OFFSET);
    }

    public long pid() {
        return memory.getLongAcquire(P_PID_OFFSET);
    }

    /** Store-release of the heartbeat: written by the participant's heartbeat thread. */
    public void heartbeat(long nanos) {
        memory.putLongRelease(P_HEARTBEAT_NANOS_OFFSET, nanos);
    }

    /** The steps this participant alone may take while paused (issue-7 style per-participant stepping). */
    public int stepGrant() {
        return memory.getIntAcquire(P_STEP_GRANT_OFFSET);
    }

    public void grantStep() {
        memory.getAndAddInt(P_STEP_GRANT_OFFSET, 1);
    }

    /**
     * A consistent snapshot, or empty when a writer held the record mid-update for every attempt
     * (for instance because it died half-way through a write).
     */
    public Optional<ParticipantSnapshot> read() {
        for (int attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
            // Acquire: the fields read below are at least as new as this sequence.
            long before = memory.getLongAcquire(P_SEQLOCK_OFFSET);
            if ((before & 1) != 0) {
                Thread.onSpinWait();
                continue;
            }
            ParticipantSnapshot s = readFields();
            // The field loads above complete before the sequence is read again.
            VarHandle.loadLoadFence();
            if (memory.getLongVolatile(P_SEQLOCK_OFFSET) == before) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private ParticipantSnapshot readFields() {
        return new ParticipantSnapshot(
                memory.getInt(P_INDEX_OFFSET), memory.getCString(P_NAME_OFFSET, P_NAME_LENGTH), memory.getLong(P_PID_OFFSET),
                memory.getInt(P_ROLE_OFFSET), ParticipantState.of(memory.getInt(P_STATE_OFFSET)), memory.getInt(P_STEP_OFFSET),
                memory.getInt(P_WAITING_ON_OFFSET), memory.getInt(P_EXIT_CODE_OFFSET),
                memory.getLongAcquire(P_HEARTBEAT_NANOS_OFFSET), memory.getLong(P_STATE_SINCE_NANOS_OFFSET),
                memory.getLong(P_SENT_OFFSET), memory.getLong(P_RECEIVED_OFFSET),
                memory.getLong(P_BYTES_SENT_OFFSET), memory.getLong(P_BYTES_RECEIVED_OFFSET),
                memory.getLong(P_LOST_OFFSET), memory.getLong(P_DUPLICATED_OFFSET), memory.getLong(P_CORRUPTED_OFFSET),
                memory.getLong(P_WAIT_NANOS_OFFSET), memory.getLong(P_LATENCY_COUNT_OFFSET),
                memory.getLong(P_P50_NANOS_OFFSET), memory.getLong(P_P90_NANOS_OFFSET), memory.getLong(P_P99_NANOS_OFFSET),
                memory.getLong(P_P999_NANOS_OFFSET), memory.getLong(P_MAX_NANOS_OFFSET),
                memory.getLong(P_STEPS_TAKEN_OFFSET), memory.getLong(P_LAST_SEQ_OFFSET));
    }
}
