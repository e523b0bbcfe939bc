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

    /** Participants {@code client-1} … {@code client-n}, all playing role 0. */
    public static List<Participant> clients(int n) {
        List<Participant> clients = new java.util.ArrayList<>();
        for (int c = 1; c <= n; c++) {
            clients.add(new Participant("client-" + c, 0));
        }
        return clients;
    }

    public LabGeometry geometry() {
        return new LabGeometry(participants.size(), syncObjects.size(), eventCapacity, dataLengthBytes);
    }
}
