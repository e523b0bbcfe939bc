package dev.shmlab.scenario;

import dev.shmlab.layout.LabGeometry;
import dev.shmlab.layout.SyncObjectKind;
import dev.shmlab.shm.Backend;
import java.util.List;

/**
 * What a run needs: the lab segment's backend and geometry, the participants (name and role) and
 * the sync objects, in index order.
 */
public record RunPlan(Backend backend, List<Participant> participants, List<SyncObject> syncObjects, int eventCapacity, long dataLengthBytes) {

    /** One participant process: its display name and role number. */
    public record Participant(String name, int role) {
    }

    /** One synchronisation object the run describes in its segment. */
    public record SyncObject(SyncObjectKind kind, String label) {
    }

    public RunPlan {
        participants = List.copyOf(participants);
        syncObjects = List.copyOf(syncObjects);
    }

    public LabGeometry geometry() {
        return new LabGeometry(participants.size(), syncObjects.size(), eventCapacity, dataLengthBytes);
    }
}
