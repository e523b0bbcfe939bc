package dev.shmlab.monitor;

import dev.shmlab.layout.SyncObjectKind;
import java.util.List;

/**
 * One synchronisation object as sampled: its value (-1 where the kind has none to read), who holds
 * it since when, and which participants wait on it.
 */
public record SyncObjectSnapshot(int index, SyncObjectKind kind, String label, int value, int holder, long holderSinceNanos,
                                 long acquisitions, List<Integer> waiters) {
    public SyncObjectSnapshot {
        waiters = List.copyOf(waiters);
    }
}
