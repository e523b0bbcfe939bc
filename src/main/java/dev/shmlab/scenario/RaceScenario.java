package dev.shmlab.scenario;

import dev.shmlab.layout.LabSegment;
import dev.shmlab.layout.ParticipantPublisher;
import dev.shmlab.layout.SyncObjectKind;
import dev.shmlab.shm.Backend;
import dev.shmlab.shm.Segment;
import dev.shmlab.shm.SharedMemory;
import dev.shmlab.sync.CountingSemaphore;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Seed 004 "without synchronisation": every client sends whenever the one shared slot looks free
 * and reads whatever is addressed to it, each incrementing {@code packet_no} as the seed does
 * ({@code ShmPTR->packet_no++}: load, add, store). With the named semaphore around each check-
 * and-write, nothing goes wrong; with {@code --sync none} (or the live toggle) two clients see the
 * slot free at once, overwrite and tear each other's messages and lose increments — and every one
 * of those is detected by the pair sequence numbers and checksums and counted.
 *
 * <pre>
 * lab data area:   0 ftok path   256 System V key   384 slot-full word (int)
 *                512 + 64 * c: client c's own messages sent (long at 8)
 * </pre>
 */
public final class RaceScenario implements Scenario {
    static final long FULL_OFFSET = 384;
    static final long SEMAPHORE = RoundRobinScenario.SEMAPHORE;
    /** After every sender is done, a receiver waits this long for a last message before it leaves. */
    private static final long DRAIN_QUIET_NANOS = 50_000_000L;
    /** Checks of the slot between yields while polling it. */
    private static final int POLLS_PER_YIELD = 64;

    @Override
    public String name() {
        return "race";
    }

    @Override
    public String summary() {
        return "seed 004 with synchronisation on or off: lost, torn and duplicated messages counted";
    }

    @Override
    public String seed() {
        return "004";
    }

    @Override
    public String description() {
        return "Clients write into the one shared slot whenever it looks free and increment packet_no. With the "
                + "semaphore every count stays 0; with --sync none the check-then-write and the packet_no++ race for "
                + "real on this machine's cores, and lost, corrupted and duplicated messages and lost increments are "
                + "detected by sequence number and checksum and counted.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.integer("clients", 4, 2, 16, "number of client processes"),
                ParamSpec.integer("messages", 2000, 1, 10_000_000, "messages each client sends"),
                ParamSpec.choice("sync", "semaphore", List.of("semaphore", "none"), "guard check-and-write with the named semaphore, or not"),
                ParamSpec.integer("work-ns", 2000, 0, 1_000_000, "time spent 'processing' between checking the slot and marking it full"));
    }

    @Override
    public boolean integrityRequired(ScenarioParams params) {
        return params.getString("sync").equals("semaphore");
    }

    @Override
    public boolean syncSwitchable() {
        return true;
    }

    @Override
    public RunPlan plan(ScenarioParams p) {
        return new RunPlan(Backend.POSIX, RunPlan.clients(p.getInt("clients")), List.of(new RunPlan.SyncObject(SyncObjectKind.NAMED_SEMAPHORE, "semName")),
                4096, RoundRobinScenario.CLIENTS_OFFSET + RoundRobinScenario.CLIENT_LENGTH * p.getInt("clients"));
    }

    @Override
    public ScenarioResources prepare(LabSegment lab, ScenarioParams params) {
        ScenarioResources resources = RoundRobinScenario.prepareMemoryAndSemaphore(lab, plan(params));
        try (CountingSemaphore sem = SyncObjects.openSemaphore(lab, (int) SEMAPHORE)) {
            sem.release();
        }
        if (params.getString("sync").equals("none")) {
            lab.control().setSyncEnabled(false);
        }
        return resources;
    }

    @Override
    public List<String> pseudoCode(int role) {
        return List.of(
                "sem_wait(sem);  /* skipped when synchronisation is off */",
                "if (!slot_full) {",
                "    ShmPTR->srcClientNo = me; ShmPTR->destClientNo = other; sprintf(ShmPTR->message, ...);",
                "    ShmPTR->packet_no++;  /* load, add, store */",
                "    slot_full = 1;",
                "}",
                "if (slot_full && ShmPTR->destClientNo == me) { read(ShmPTR->message); slot_full = 0; }",
                "sem_post(sem);");
    }

    @Override
    public void run(int role, RoleContext ctx) {
        Segment segment = RoundRobinScenario.openMemory(ctx.data());
        try (CountingSemaphore sem = SyncObjects.openSemaphore(ctx.lab(), (int) SEMAPHORE)) {
            new Client(ctx, new MemoryStruct(segment.memory()), sem).run();
        } finally {
            segment.close();
        }
    }

    @Override
    public List<Finding> verdict(LabSegment lab, ScenarioParams params) {
        int clients = params.getInt("clients");
        long sent = 0;
        long received = 0;
        for (int c = 0; c < clients; c++) {
            sent += lab.data().getLong(RoundRobinScenario.CLIENTS_OFFSET + RoundRobinScenario.CLIENT_LENGTH * c + RoundRobinScenario.OWN_SENT_OFFSET);
            received += lab.participant(c).read().map(s -> s.received()).orElse(0L);
        }
        Segment memory = RoundRobinScenario.openMemory(lab.data());
        long packetNo;
        try {
            packetNo = new MemoryStruct(memory.memory()).packetNo();
        } finally {
            memory.close();
        }
        return List.of(
                new Finding("packet_no increments lost (" + sent + " sends, packet_no " + packetNo + ")", sent - packetNo, sent != packetNo),
                new Finding("messages never delivered intact", sent - received, sent != received));
    }

    /** One client: sends its quota whenever the slot looks free, reads what is addressed to it. */
    private static final class Client {
        private final RoleContext ctx;
        private final MemoryStruct shm;
        private final CountingSemaphore sem;
        private final SharedMemory lab;
        private final ParticipantPublisher stats;
        private final int me;
        private final int clients;
        private final long quota;
        private final long workNanos;
        private final int[] pairSeqOut;
        private final int[] pairSeqIn;
        private long ownSent;

        Client(RoleContext ctx, MemoryStruct shm, CountingSemaphore sem) {
            this.ctx = ctx;
            this.shm = shm;
            this.sem = sem;
            this.lab = ctx.data();
            this.stats = ctx.stats();
            this.me = ctx.index() + 1;
            this.clients = ctx.participantCount();
            this.quota = ctx.params().getLong("messages");
            this.workNanos = ctx.params().getLong("work-ns");
            this.pairSeqOut = new int[clients + 1];
            this.pairSeqIn = new int[clients + 1];
        }

        void run() {
            ctx.out("Client " + me + " starts: " + quota + " messages, synchronisation " + (ctx.syncEnabled() ? "on" : "OFF"));
            long lastChange = System.nanoTime();
            int polls = 0;
            while (ctx.checkpoint(0)) {
                boolean sync = ctx.syncEnabled();
                boolean everyoneSent = allSent();
                boolean acted = false;
                if (looksActionable()) {
                    // Checked again inside: with the semaphore, only the check under it counts.
                    if (sync && !SyncObjects.enter(ctx, sem, (int) SEMAPHORE)) {
                        return;
                    }
                    try {
                        ctx.checkpoint(1);
                        acted = trySend() | tryReceive();
                    } finally {
                        ctx.checkpoint(7);
                        if (sync) {
                            SyncObjects.leave(ctx, sem, (int) SEMAPHORE);
                        }
                    }
                }
                long now = System.nanoTime();
                if (acted) {
                    lastChange = now;
                    stats.publishIfDue(now);
                } else if (everyoneSent && now - lastChange > DRAIN_QUIET_NANOS) {
                    break;
                } else if (++polls % POLLS_PER_YIELD == 0) {
                    Thread.yield();
                } else {
                    Thread.onSpinWait();
                }
            }
            ctx.out("Client " + me + " done: sent " + ownSent + ", received " + stats.received + ", lost " + stats.lost
                    + ", duplicated " + stats.duplicated + ", corrupted " + stats.corrupted);
        }

        /** A cheap look without the semaphore: is there anything this client could do now? */
        private boolean looksActionable() {
            int full = lab.getIntAcquire(FULL_OFFSET);
            return full == 0 ? ownSent < quota : shm.dest() == me;
        }

        /** If the slot looks free and messages remain, writes one: the seed's unguarded check-then-write. */
        private boolean trySend() {
            if (ownSent >= quota || lab.getIntAcquire(FULL_OFFSET) != 0) {
                return false;
            }
            int dest = otherClient();
            int pairSeq = ++pairSeqOut[dest];
            ctx.checkpoint(2);
            shm.write(me, dest, "Message " + pairSeq + " from client " + me + " to client " + dest, pairSeq, System.nanoTime());
            work();
            ctx.checkpoint(3);
            int packet = shm.memory().getInt(MemoryStruct.PACKET_NO_OFFSET);
            shm.memory().putInt(MemoryStruct.PACKET_NO_OFFSET, packet + 1);
            ctx.checkpoint(4);
            lab.putIntRelease(FULL_OFFSET, 1);
            ownSent++;
            lab.putLongRelease(RoundRobinScenario.CLIENTS_OFFSET + RoundRobinScenario.CLIENT_LENGTH * (me - 1)
                    + RoundRobinScenario.OWN_SENT_OFFSET, ownSent);
            stats.sent++;
            stats.bytesSent += MemoryStruct.MESSAGE_LENGTH;
            ctx.hop(packet + 1, me - 1, dest - 1, MemoryStruct.MESSAGE_LENGTH);
            return true;
        }

        /** If the slot holds a message for me, reads and checks it and marks the slot free. */
        private boolean tryReceive() {
            if (lab.getIntAcquire(FULL_OFFSET) == 0 || shm.dest() != me) {
                return false;
            }
            ctx.checkpoint(6);
            int src = shm.src();
            int pairSeq = shm.pairSeq();
            boolean intact = shm.checksum() == shm.computeChecksum() && src >= 1 && src <= clients && src != me;
            long sendNanos = shm.sendNanos();
            lab.putIntRelease(FULL_OFFSET, 0);
            if (!intact) {
                stats.corrupted++;
            } else if (pairSeq <= pairSeqIn[src]) {
                stats.duplicated++;
            } else {
                stats.lost += pairSeq - pairSeqIn[src] - 1;
                pairSeqIn[src] = pairSeq;
                stats.received++;
                stats.bytesReceived += MemoryStruct.MESSAGE_LENGTH;
                stats.recordLatency(System.nanoTime() - sendNanos);
            }
            return true;
        }

        private void work() {
            long end = System.nanoTime() + workNanos;
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
        }

        private int otherClient() {
            int pick = ThreadLocalRandom.current().nextInt(clients - 1) + 1;
            return pick >= me ? pick + 1 : pick;
        }

        private boolean allSent() {
            for (int c = 0; c < clients; c++) {
                if (lab.getLongAcquire(RoundRobinScenario.CLIENTS_OFFSET + RoundRobinScenario.CLIENT_LENGTH * c
                        + RoundRobinScenario.OWN_SENT_OFFSET) < quota) {
                    return false;
                }
            }
            return true;
        }
    }
}
