package dev.shmlab.scenario;

import dev.shmlab.ShmlabException;
import dev.shmlab.layout.LabSegment;
import dev.shmlab.layout.ParticipantPublisher;
import dev.shmlab.layout.ParticipantState;
import dev.shmlab.layout.SyncObjectKind;
import dev.shmlab.os.NativeException;
import dev.shmlab.shm.Backend;
import dev.shmlab.shm.SegmentAddress;
import dev.shmlab.shm.Segment;
import dev.shmlab.shm.Segments;
import dev.shmlab.shm.SharedMemory;
import dev.shmlab.sync.WaitStrategy;
import java.nio.file.Path;
import java.util.List;

/**
 * Seed 001: P1 creates a System V segment keyed by {@code ftok(path, id)}, writes a message, raises
 * a ready flag and waits until P2 has consumed it, five times; P2 finds the segment by the same
 * key. Both print the seed's lines; P1 removes the segment at the end (and the run removes it if
 * P1 could not).
 *
 * <pre>
 * System V segment (272 bytes): 0 ready (int; futex sleepers at 4)  8 counter (int)
 *                               12 checksum (int)  16 message char[256]
 * lab data area: 0 the ftok path (the lab segment's own file in /dev/shm), char[256]
 * </pre>
 */
public final class HandshakeScenario implements Scenario {
    static final int WRITER = 0;
    static final int READER = 1;
    /** The ready flag's index among the run's sync objects. */
    static final int READY = 0;
    static final long READY_OFFSET = 0;
    static final long COUNTER_OFFSET = 8;
    static final long CHECKSUM_OFFSET = 12;
    static final long MESSAGE_OFFSET = 16;
    static final int MESSAGE_LENGTH = 256;
    static final long SEGMENT_SIZE = MESSAGE_OFFSET + MESSAGE_LENGTH;
    private static final int PATH_LENGTH = 256;

    @Override
    public String name() {
        return "handshake";
    }

    @Override
    public String summary() {
        return "P1 writes, P2 reads: a System V segment found by ftok key, a ready flag, five messages";
    }

    @Override
    public String seed() {
        return "001";
    }

    @Override
    public String description() {
        return "The simplest producer/consumer: key generation with ftok, shmget/shmat/shmdt/IPC_RMID, and a ready flag "
                + "that says whose turn it is. The flag wait spins briefly, then sleeps on a futex, instead of the seed's "
                + "busy loop, and every message carries a checksum.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.integer("messages", 5, 1, 10_000_000, "messages P1 writes"),
                ParamSpec.integer("ftok-id", 65, 1, 255, "the project id given to ftok"));
    }

    @Override
    public RunPlan plan(ScenarioParams p) {
        return new RunPlan(Backend.POSIX, List.of(new RunPlan.Participant("P1", WRITER), new RunPlan.Participant("P2", READER)),
                List.of(new RunPlan.SyncObject(SyncObjectKind.FUTEX, "ready")), 256, PATH_LENGTH);
    }

    @Override
    public ScenarioResources prepare(LabSegment lab, ScenarioParams params) {
        ScenarioResources resources = new ScenarioResources();
        Path keyFile = lab.ftokPath().orElseThrow(() -> new ShmlabException("handshake needs a POSIX lab segment for its ftok key"));
        lab.data().putCString(0, PATH_LENGTH, keyFile.toString());
        lab.syncObject(READY).describe(SyncObjectKind.FUTEX, "ready");
        return resources;
    }

    /**
     * The seed's two programs. Step ids are line indexes: Segments create and open with
     * {@code shmget} and {@code shmat} in one call, so both share a line; the loop's {@code for}
     * and closing brace take no step.
     */
    @Override
    public List<String> pseudoCode(int role) {
        return role == WRITER
                ? List.of("key = ftok(path, 65);",
                "id = shmget(key, sizeof(*shm), IPC_CREAT | 0600); shm = shmat(id, NULL, 0);",
                "for (i = 1; i <= NUM_MESSAGES; i++) {",
                "    while (shm->ready) ;  /* wait until the reader took the last one */",
                "    shm->counter = i; sprintf(shm->message, \"Message #%d ...\", i);",
                "    shm->ready = 1;",
                "}",
                "while (shm->ready) ;  /* wait until the reader took the last one */",
                "shmdt(shm); shmctl(id, IPC_RMID, NULL);")
                : List.of("key = ftok(path, 65);",
                "id = shmget(key, 0, 0); shm = shmat(id, NULL, 0);",
                "for (i = 1; i <= NUM_MESSAGES; i++) {",
                "    while (!shm->ready) ;  /* wait for the writer */",
                "    printf(\"Read: counter=%d, message=%s\", shm->counter, shm->message);",
                "    shm->ready = 0;",
                "}",
                "shmdt(shm);");
    }

    @Override
    public void run(int role, RoleContext ctx) {
        if (role == WRITER) {
            write(ctx);
        } else {
            read(ctx);
        }
    }

    /** Pseudo-code line 0: the key both sides derive from the same path and id. */
    private static int key(RoleContext ctx) {
        String keyPath = ctx.data().getCString(0, PATH_LENGTH);
        return SegmentAddress.ftok(Path.of(keyPath), ctx.params().getInt("ftok-id")).key();
    }

    private void write(RoleContext ctx) {
        ctx.out("=== P1: WRITER (Producer) ===");
        ctx.checkpoint(0);
        int key = key(ctx);
        ctx.out("[P1] Generated key: " + key);
        ctx.checkpoint(1);
        Segment segment = Segments.createSysV(key, SEGMENT_SIZE, ctx.lab().control().objectMode());
        try {
            SharedMemory shm = segment.memory();
            ctx.out("[P1] Shared memory created. ID: " + ((SegmentAddress.SysVKey) segment.address()).id());
            ctx.out("[P1] Attached to shared memory at address: 0x" + Long.toHexString(shm.segment().address()));
            ctx.out("[P1] Initialized shared memory");
            ctx.out("");
            ctx.out("[P1] Starting to write data...");
            ParticipantPublisher stats = ctx.stats();
            long pid = ProcessHandle.current().pid();
            long messages = ctx.params().getLong("messages");
            for (int i = 1; i <= messages; i++) {
                if (!ctx.checkpoint(3) || !awaitReady(ctx, shm, 0, "P2 to consume message " + (i - 1))) {
                    return;
                }
                if (i > 1) {
                    ctx.out("[P1] Data consumed by reader, writing next...");
                }
                ctx.checkpoint(4);
                String message = "Message #" + i + " from Writer Process (PID: " + pid + ")";
                shm.putInt(COUNTER_OFFSET, i);
                shm.putCString(MESSAGE_OFFSET, MESSAGE_LENGTH, message);
                shm.putInt(CHECKSUM_OFFSET, checksum(i, shm));
                ctx.checkpoint(5);
                shm.putIntRelease(READY_OFFSET, 1);
                WaitStrategy.signal(shm, READY_OFFSET);
                stats.sent++;
                stats.bytesSent += message.length() + 1;
                stats.lastSeq = i;
                ctx.hop(i, WRITER, READER, message.length() + 1);
                ctx.out("[P1] Wrote: counter=" + i + ", message=\"" + message + "\"");
            }
            if (ctx.checkpoint(7) && awaitReady(ctx, shm, 0, "P2 to consume the last message")) {
                ctx.out("[P1] Data consumed by reader. All " + messages + " messages delivered.");
            }
        } finally {
            ctx.checkpoint(8);
            segment.close();
            segment.remove();
            ctx.out("[P1] Detached and removed the shared memory segment.");
        }
    }

    private void read(RoleContext ctx) {
        ctx.out("=== P2: READER (Consumer) ===");
        ctx.checkpoint(0);
        int key = key(ctx);
        ctx.out("[P2] Generated key: " + key);
        ctx.checkpoint(1);
        Segment segment = findSegment(ctx, key);
        if (segment == null) {
            return;
        }
        try {
            SharedMemory shm = segment.memory();
            ctx.out("[P2] Found shared memory. ID: " + ((SegmentAddress.SysVKey) segment.address()).id());
            ctx.out("[P2] Attached to shared memory at address: 0x" + Long.toHexString(shm.segment().address()));
            ctx.out("");
            ctx.out("[P2] Starting to read data...");
            ParticipantPublisher stats = ctx.stats();
            long messages = ctx.params().getLong("messages");
            for (int i = 1; i <= messages; i++) {
                if (!ctx.checkpoint(3) || !awaitReady(ctx, shm, 1, "P1 to write message " + i)) {
                    return;
                }
                ctx.checkpoint(4);
                int counter = shm.getInt(COUNTER_OFFSET);
                String message = shm.getCString(MESSAGE_OFFSET, MESSAGE_LENGTH);
                if (shm.getInt(CHECKSUM_OFFSET) != checksum(counter, shm)) {
                    stats.corrupted++;
                } else if (counter < i) {
                    stats.duplicated++;
                } else {
                    stats.lost += counter - i;
                    stats.received++;
                    stats.bytesReceived += message.length() + 1;
                }
                stats.lastSeq = counter;
                ctx.out("[P2] Read: counter=" + counter + ", message=\"" + message + "\"");
                ctx.checkpoint(5);
                shm.putIntRelease(READY_OFFSET, 0);
                WaitStrategy.signal(shm, READY_OFFSET);
                ctx.out("[P2] Consumed data, waiting for next...");
            }
            ctx.out("[P2] Total messages read: " + stats.received);
        } finally {
            ctx.checkpoint(7);
            segment.close();
            ctx.out("[P2] Detached from shared memory.");
        }
    }

    /** Waits for the flag, published as a wait on sync object 0 so an observer can say who waits for what. */
    private static boolean awaitReady(RoleContext ctx, SharedMemory shm, int value, String what) {
        if (shm.getIntAcquire(READY_OFFSET) == value) {
            return true;
        }
        ParticipantPublisher stats = ctx.stats();
        stats.waitingOn(READY);
        long start = System.nanoTime();
        try {
            return PeerWait.untilInt(ctx, what, shm, READY_OFFSET, v -> v == value);
        } finally {
            stats.waitNanos += System.nanoTime() - start;
            stats.state(ParticipantState.RUNNING);
        }
    }

    /** Polls for the writer's segment (it may not exist yet), sleeping between attempts. */
    private static Segment findSegment(RoleContext ctx, int key) {
        Segment[] found = new Segment[1];
        boolean ok = PeerWait.until(ctx, "P1 to create the segment with key " + key, nanos -> {
            long deadline = System.nanoTime() + nanos;
            do {
                try {
                    found[0] = Segments.openSysV(new SegmentAddress.SysVKey(key), false);
                    return true;
                } catch (NativeException e) {
                    if (e.errno() != dev.shmlab.os.Errno.ENOENT) {
                        throw e;
                    }
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ShmlabException("interrupted while looking for the segment");
                }
            } while (System.nanoTime() < deadline);
            return false;
        });
        return ok ? found[0] : null;
    }

    private static int checksum(int counter, SharedMemory shm) {
        long h = Checksums.header(counter, WRITER, READER, MESSAGE_LENGTH);
        return Checksums.full(h, shm, MESSAGE_OFFSET, MESSAGE_LENGTH);
    }
}
