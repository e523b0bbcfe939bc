package dev.shmlab.scenario;

import dev.shmlab.layout.LabSegment;
import dev.shmlab.layout.ParticipantPublisher;
import dev.shmlab.shm.SharedMemory;
import java.time.Duration;

/**
 * What a role body gets from its participant process: its identity and parameters, the segment,
 * its published record, output, and the control block's verdict on whether to go on.
 */
public interface RoleContext {
    /** This participant's index in the run (0-based). */
    int index();

    /** Its display name, e.g. {@code client-2}. */
    String name();

    int participantCount();

    ScenarioParams params();

    LabSegment lab();

    /** The scenario's data area of the lab segment. */
    SharedMemory data();

    /** The participant's record: counters, state, latency. */
    ParticipantPublisher stats();

    /** Prints one line of the participant's own output (the seed's lines). */
    void out(String line);

    /**
     * Marks the start of pseudo-code step {@code stepId} and obeys the control block: waits while
     * paused (one step per grant), sleeps the pace, and returns false when the run is stopping.
     */
    boolean checkpoint(int stepId);

    /** True once the run was told to stop or this process is terminating. */
    boolean stopRequested();

    /** Whether the run is paced or paused, so every hop and line should be shown. */
    boolean isPaced();

    /** Appends a message hop to the event ring (sampled at high rates). */
    void hop(long messageSeq, int from, int to, int sizeBytes);

    /** How long a single blocking wait may last before the role re-checks stop and peers. */
    Duration waitSlice();

    /** How long a role waits for a peer before it reports the timeout (it fails after a few of them). */
    Duration peerTimeout();

    /** Whether the control block says the run is paused right now (waits do not time out then). */
    boolean runPaused();

    /** Whether the peer with this index is still alive (its process exists and it has not failed). */
    boolean peerAlive(int index);

    /** Whether synchronisation is enabled right now (the live race toggle). */
    boolean syncEnabled();
}
