package dev.shmlab.scenario;

import dev.shmlab.ShmlabException;
import dev.shmlab.layout.LabSegment;
import dev.shmlab.layout.ParticipantPublisher;
import dev.shmlab.layout.SyncObjectKind;
import dev.shmlab.layout.SyncObjectRecord;
import dev.shmlab.shm.Backend;
import dev.shmlab.shm.Segment;
import dev.shmlab.shm.SegmentAddress;
import dev.shmlab.shm.Segments;
import dev.shmlab.shm.SharedMemory;
import dev.shmlab.sync.CountingSemaphore;
import dev.shmlab.sync.WaitStrategy;
import java.nio.file.Path;
import java.util.List;

/**
 * Seed 004: N clients pass one message around through seed 004's {@code struct Memory} in a
 * System V segment (key {@code ftok(path, 65)}), guarded by one named semaphore.
 *
 * <p>Routing: client c sends its i-th message to the i-th client (cyclically) of the others in
 * increasing order — for 3 clients exactly the seed's table: client 1 → 2,3,2,3…; client 2 →
 * 1,3,1,3…; client 3 starts and → 1,2,1,2…. Clients that have sent all their messages are
 * skipped, so every client sends exactly {@code --messages}; the run ends when a client receives
 * the last message and nobody has any left to send.
 *
 * <p>Unlike the seed, which compares {@code destClientNo} before {@code sem_wait} (so two clients
 * can both see "mine" and race), the destination is checked inside the critical section. A
 * client waits for its turn on a futex word of its own instead of polling.
 *
 * <pre>
 * lab data area:   0 ftok path char[256]   256 System V key (int)   384 end word (futex)
 *                512 + 64 * c: client c's turn word (futex), 8 own messages sent (long)
 * </pre>
 */
public final class RoundRobinScenario implements Scenario {
    static final int PATH_LENGTH = 256;
    static final long KEY_OFFSET = 256;
    static final long END_OFFSET = 384;
    static final long CLIENTS_OFFSET = 512;
    static final long CLIENT_LENGTH = 64;
    static final long OWN_SENT_OFFSET = 8;
    static final int SEMAPHORE = 0;
    static final int FTOK_ID = 65;

    @Override
    public String name() {
        return "round-robin";
    }

    @Override
    public String summary() {
        return "N clients pass messages through one System V segment guarded by a named semaphore";
    }

    @Override
    public String seed() {
        return "004";
    }

    @Override
    public String description() {
        return "Seed 004's clients exchange messages through struct Memory {packet_no, srcClientNo, destClientNo, "
                + "message[1024]} and the named semaphore semName, following the seed's routing table (generalised to N "
                + "clients). The destination is checked inside the critical section; the seed checks it outside, which "
                + "lets two clients race for one message.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.integer("clients", 3, 2, 16, "number of client processes"),
                ParamSpec.integer("messages", 30, 1, 10_000_000, "messages each client sends"),
                ParamSpec.bool("print-all", false, "print every received message even at high rates"),
                ParamSpec.integer("corrupt-every", 0, 0, 1_000_000_000, "fault injection: each client damages every Nth message it sends after checksumming it (0 = never)"));
    }

    @Override
    public RunPlan plan(ScenarioParams p) {
        int clients = p.getInt("clients");
        return new RunPlan(Backend.POSIX, RunPlan.clients(clients), List.of(new RunPlan.SyncObject(SyncObjectKind.NAMED_SEMAPHORE, "semName")),
                4096, CLIENTS_OFFSET + CLIENT_LENGTH * clients);
    }

    @Override
    public ScenarioResources prepare(LabSegment lab, ScenarioParams params) {
        return prepareMemoryAndSemaphore(lab, plan(params));
    }

    /**
     * Creates seed 004's objects: the System V segment holding {@code struct Memory} under
     * {@code ftok(the lab's own file, 65)} and the named semaphore (sync object 0, value 0). Shared
     * with the race scenario.
     */
    static ScenarioResources prepareMemoryAndSemaphore(LabSegment lab, RunPlan plan) {
        ScenarioResources resources = new ScenarioResources();
        Path keyFile = lab.ftokPath().orElseThrow(() -> new ShmlabException("seed 004 needs a POSIX or file lab segment for its ftok key"));
        int key = SegmentAddress.ftok(keyFile, FTOK_ID).key();
        Segment memory = Segments.createSysV(key, MemoryStruct.SIZE, lab.control().objectMode());
        resources.add(() -> {
            memory.close();
            memory.remove();
        });
        lab.data().putCString(0, PATH_LENGTH, keyFile.toString());
        lab.data().putInt(KEY_OFFSET, key);
        SyncObjects.create(lab, plan, SEMAPHORE, 0, resources);
        return resources;
    }

    /** Attaches to the System V segment whose key {@link #prepareMemoryAndSemaphore} stored. */
    static Segment openMemory(SharedMemory labData) {
        return Segments.openSysV(new SegmentAddress.SysVKey(labData.getInt(KEY_OFFSET)), false);
    }

    @Override
    public List<String> pseudoCode(int role) {
        return List.of(
                "/* client N only: */ ShmPTR->destClientNo = 1; sprintf(ShmPTR->message, \"This is message 0 ...\"); sem_post(sem);",
                "wait_for_turn(CLIENT_NO);",
                "sem_wait(sem);  /* enter the critical section */",
                "if (ShmPTR->destClientNo == CLIENT_NO) {",
                "    printf(\"Client %d has received a message from client %d:\", CLIENT_NO, ShmPTR->srcClientNo);",
                "    ShmPTR->srcClientNo = CLIENT_NO; ShmPTR->destClientNo = next(i); sprintf(ShmPTR->message, ...);",
                "    ShmPTR->packet_no++;",
                "}",
                "sem_post(sem);  /* leave the critical section */");
    }

    @Override
    public void run(int role, RoleContext ctx) {
        new Client(ctx).run();
    }

    @Override
    public List<Finding> verdict(LabSegment lab, ScenarioParams params) {
        int clients = params.getInt("clients");
        long own = 0;
        for (int c = 0; c < clients; c++) {
            own += lab.data().getLong(CLIENTS_OFFSET + CLIENT_LENGTH * c + OWN_SENT_OFFSET);
        }
        long expected = (long) clients * params.getLong("messages");
        return List.of(new Finding("messages sent (expected " + expected + ")", own, false));
    }

    /** One client process. */
    private static final class Client {
        private final RoleContext ctx;
        private final SharedMemory lab;
        private final ParticipantPublisher stats;
        private final int me;
        private final int clients;
        private final long quota;
        private final int[] pairSeqOut;
        private final int[] pairSeqIn;
        private final LinePrinter lines;
        private final SyncObjectRecord semRecord;
        private int nextRoute;
        private int seenTurn;

        Client(RoleContext ctx) {
            this.ctx = ctx;
            this.lab = ctx.data();
            this.stats = ctx.stats();
            this.me = ctx.index() + 1;
            this.clients = ctx.participantCount();
            this.quota = ctx.params().getLong("messages");
            this.pairSeqOut = new int[clients + 1];
            this.pairSeqIn = new int[clients + 1];
            this.lines = new LinePrinter(ctx, ctx.params().getBoolean("print-all") || (long) clients * quota <= 1000);
            this.semRecord = ctx.lab().syncObject(SEMAPHORE);
        }

        void run() {
            int key = lab.getInt(KEY_OFFSET);
            Segment segment = openMemory(lab);
            try (CountingSemaphore sem = SyncObjects.openSemaphore(ctx.lab(), SEMAPHORE)) {
                MemoryStruct shm = new MemoryStruct(segment.memory());
                ctx.out("Client " + me + ": attached to System V segment key 0x" + Integer.toHexString(key) + " and semaphore "
                        + semRecord.label());
                if (me == clients && ctx.checkpoint(0)) {
                    start(shm, sem);
                }
                loop(shm, sem);
                lines.finish();
                ctx.out("Client " + me + " is done: sent " + ownSent(me) + " messages, received " + stats.received + ".");
            } finally {
                segment.close();
            }
        }

        /**
         * Client N writes message 0 and posts the semaphore that starts the exchange (the seed's
         * initiator): all of pseudo-code line 0, so it takes no checkpoint inside.
         */
        private void start(MemoryStruct shm, CountingSemaphore sem) {
            int dest = route();
            write(shm, dest, "This is message 0 from client " + me);
            countSent(shm, dest);
            sem.release();
            giveTurn(dest);
        }

        private void loop(MemoryStruct shm, CountingSemaphore sem) {
            while (ctx.checkpoint(1)) {
                if (!awaitTurn()) {
                    return;
                }
                if (ended()) {
                    return;
                }
                if (!ctx.checkpoint(2) || !SyncObjects.enter(ctx, sem, SEMAPHORE)) {
                    return;
                }
                int dest;
                try {
                    ctx.checkpoint(3);
                    if (shm.dest() != me) {
                        continue;
                    }
                    receive(shm);
                    ctx.checkpoint(5);
                    dest = ownSent(me) < quota || anyOtherUnfinished() ? route() : 0;
                    if (dest != 0) {
                        write(shm, dest, "Message " + ownSent(me) + " from client " + me);
                        ctx.checkpoint(6);
                        countSent(shm, dest);
                    }
                } finally {
                    ctx.checkpoint(8);
                    SyncObjects.leave(ctx, sem, SEMAPHORE);
                }
                if (dest == 0) {
                    end();
                    return;
                }
                giveTurn(dest);
            }
        }

        private boolean awaitTurn() {
            SharedMemory word = lab.slice(turnOffset(me), 8);
            int seen = seenTurn;
            if (!PeerWait.untilInt(ctx, "a message for client " + me, word, 0, v -> v != seen || ended())) {
                return false;
            }
            seenTurn = word.getIntAcquire(0);
            return true;
        }

        private void receive(MemoryStruct shm) {
            int src = shm.src();
            String text = shm.message();
            int pairSeq = shm.pairSeq();
            ctx.checkpoint(4);
            if (shm.checksum() != shm.computeChecksum() || src < 1 || src > clients) {
                stats.corrupted++;
            } else if (pairSeq <= pairSeqIn[src]) {
                stats.duplicated++;
            } else {
                stats.lost += pairSeq - pairSeqIn[src] - 1;
                pairSeqIn[src] = pairSeq;
                stats.received++;
                stats.bytesReceived += MemoryStruct.MESSAGE_LENGTH;
                stats.recordLatency(System.nanoTime() - shm.sendNanos());
            }
            stats.lastSeq = shm.packetNo();
            long now = System.nanoTime();
            if (lines.due(now) || ctx.isPaced()) {
                lines.print("Client " + me + " has received a message from client " + src + ":\n    " + text, now);
            } else {
                lines.skip();
            }
            stats.publishIfDue(now);
        }

        /** Fills struct Memory with a message for dest (pseudo-code line 5). */
        private void write(MemoryStruct shm, int dest, String text) {
            int pairSeq = ++pairSeqOut[dest];
            shm.write(me, dest, text, pairSeq, System.nanoTime());
            long corruptEvery = ctx.params().getLong("corrupt-every");
            if (corruptEvery > 0 && (stats.sent + 1) % corruptEvery == 0) {
                shm.memory().putByte(MemoryStruct.MESSAGE_OFFSET, (byte) '#');
            }
        }

        /** {@code ShmPTR->packet_no++} (pseudo-code line 6) and this client's own count of sent messages. */
        private void countSent(MemoryStruct shm, int dest) {
            shm.packetNo(shm.packetNo() + 1);
            lab.getAndAddLong(clientOffset(me) + OWN_SENT_OFFSET, 1);
            stats.sent++;
            stats.bytesSent += MemoryStruct.MESSAGE_LENGTH;
            ctx.hop(shm.packetNo(), me - 1, dest - 1, MemoryStruct.MESSAGE_LENGTH);
        }

        /** The next destination: the seed's rotation over the other clients, skipping those that are done. */
        private int route() {
            boolean others = anyOtherUnfinished();
            for (int k = 0; k < clients - 1; k++) {
                int candidate = other((nextRoute + k) % (clients - 1));
                if (!others || ownSent(candidate) < quota) {
                    nextRoute = (nextRoute + k + 1) % (clients - 1);
                    return candidate;
                }
            }
            throw new ShmlabException("no destination left for client " + me);
        }

        /** The j-th client other than me, in increasing order (1-based ids). */
        private int other(int j) {
            return j + 1 < me ? j + 1 : j + 2;
        }

        private boolean anyOtherUnfinished() {
            for (int c = 1; c <= clients; c++) {
                if (c != me && ownSent(c) < quota) {
                    return true;
                }
            }
            return false;
        }

        private long ownSent(int client) {
            return lab.getLongAcquire(clientOffset(client) + OWN_SENT_OFFSET);
        }

        private void giveTurn(int dest) {
            lab.getAndAddInt(turnOffset(dest), 1);
            WaitStrategy.signal(lab, turnOffset(dest));
        }

        private boolean ended() {
            return lab.getIntAcquire(END_OFFSET) != 0;
        }

        private void end() {
            ctx.out("Client " + me + " received the last message: every client has sent its " + quota + " messages.");
            lab.putIntRelease(END_OFFSET, 1);
            for (int c = 1; c <= clients; c++) {
                giveTurn(c);
            }
        }

        private static long clientOffset(int client) {
            return CLIENTS_OFFSET + CLIENT_LENGTH * (client - 1);
        }

        private static long turnOffset(int client) {
            return clientOffset(client);
        }
    }
}
