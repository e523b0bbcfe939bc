package dev.shmlab.monitor;

import dev.shmlab.layout.ControlBlock;
import dev.shmlab.layout.MessageEvent;
import dev.shmlab.layout.ParticipantSnapshot;
import dev.shmlab.layout.ParticipantState;
import java.util.List;

/**
 * Everything an observer knows about a run at one instant: immutable, so the sampler thread can
 * hand it to a window or a terminal without locks. Rates are per second over the last second;
 * {@code events} are the hops read since the previous snapshot.
 */
public record LabSnapshot(long timeNanos, long runNanos, String scenario, String segment, ControlBlock.Command command, long paceNanos,
                          boolean syncEnabled, List<ParticipantSnapshot> participants, List<SyncObjectSnapshot> syncObjects,
                          List<MessageEvent> events, long eventsTotal, long eventsMissed,
                          double messagesPerSecond, double bytesPerSecond) {

    public LabSnapshot {
        participants = List.copyOf(participants);
        syncObjects = List.copyOf(syncObjects);
        events = List.copyOf(events);
    }

    public long totalSent() {
        return participants.stream().mapToLong(ParticipantSnapshot::sent).sum();
    }

    public long totalReceived() {
        return participants.stream().mapToLong(ParticipantSnapshot::received).sum();
    }

    public long totalBytes() {
        return participants.stream().mapToLong(ParticipantSnapshot::bytesSent).sum();
    }

    public long totalLost() {
        return participants.stream().mapToLong(ParticipantSnapshot::lost).sum();
    }

    public long totalDuplicated() {
        return participants.stream().mapToLong(ParticipantSnapshot::duplicated).sum();
    }

    public long totalCorrupted() {
        return participants.stream().mapToLong(ParticipantSnapshot::corrupted).sum();
    }

    /** Whether every participant has finished (done, failed or dead). */
    public boolean allFinished() {
        return !participants.isEmpty() && participants.stream().allMatch(p -> p.state().isFinal());
    }

    /** The participants observed dead. */
    public List<ParticipantSnapshot> dead() {
        return participants.stream().filter(p -> p.state() == ParticipantState.DEAD).toList();
    }
}
