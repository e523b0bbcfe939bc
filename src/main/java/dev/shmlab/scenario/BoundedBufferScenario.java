package dev.shmlab.scenario;

import dev.shmlab.layout.LabSegment;
import dev.shmlab.layout.ParticipantPublisher;
import dev.shmlab.layout.SyncObjectKind;
import dev.shmlab.shm.Backend;
import dev.shmlab.shm.SharedMemory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Seed 003's producer–consumer: P producers put items into a ring of N slots, C consumers take
 * them out. {@code --sync semaphores} is the seed's code ({@code empty}, {@code full} and
 * {@code mutex} semaphores in the segment); {@code --sync futex} is a lock-free ring whose
 * waiters spin, yield, then sleep on a futex word per slot ({@link LockFreeRing}). Every item carries its
 * producer, sequence number and checksum; at the end the shared bitmaps show, per producer, that
 * every item was consumed exactly once.
 *
 * <pre>
 * data area:    0 in (int slot index; the lock-free ring: tail position, long)
 *              64 out (int slot index; the lock-free ring: head position, long)
 *             128 items claimed by consumers (long)
 *             192 start gate ({@link StartGate})
 *             256 consumers finished (int)   264 last consumer finished at (long, System.nanoTime)
 *             512 + 64 * p: producer p's duplicates found (long)
 *            1024 slots ({@link RingSlots}, 64 bytes each)
 *  1024 + 64 * N: per producer a bitmap of its items consumed ({@link ItemTally})
 * </pre>
 */
public final class BoundedBufferScenario implements Scenario {
    static final long IN_OFFSET = 0;
    static final long OUT_OFFSET = 64;
    static final long CLAIMS_OFFSET = 128;
    static final long GATE_OFFSET = 192;
    static final long FINISHED_OFFSET = 256;
    static final long END_NANOS_OFFSET = 264;
    static final long PRODUCERS_OFFSET = 512;
    static final long PRODUCER_LENGTH = 64;
    static final long SLOTS_OFFSET = 1024;
    static final int MAX_SIDE = 8;

    static final int PRODUCER = 0;
    static final int CONSUMER = 1;
    static final int LOCK_FREE_PRODUCER = 2;
    static final int LOCK_FREE_CONSUMER = 3;

    @Override
    public String name() {
        return "bounded-buffer";
    }

    @Override
    public String summary() {
        return "P producers and C consumers share a ring of slots: the seed's empty/full/mutex semaphores, or a lock-free futex ring";
    }

    @Override
    public String seed() {
        return "003";
    }

    @Override
    public String description() {
        return "Seed 003's bounded buffer for real: producers sem_wait(empty), sem_wait(mutex), fill buffer[in], post mutex "
                + "and full; consumers the mirror image. The slots fill and empty in the segment, each marked with the producer "
                + "whose item it holds. --sync futex swaps the semaphores for a lock-free ring (Vyukov's bounded queue) whose "
                + "waiters spin, yield, then sleep on a futex per slot. Every item carries producer, sequence and checksum; the run shows per producer "
                + "that each item was consumed exactly once, and the items moved per second.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.integer("producers", 2, 1, MAX_SIDE, "number of producer processes"),
                ParamSpec.integer("consumers", 2, 1, MAX_SIDE, "number of consumer processes"),
                ParamSpec.integer("slots", 10, 1, 4096, "slots in the ring (BUFFER_SIZE)"),
                ParamSpec.integer("items", 10_000, 1, 10_000_000, "items each producer makes"),
                ParamSpec.choice("sync", "semaphores", List.of("semaphores", "futex"),
                        "the seed's empty/full/mutex semaphores, or a lock-free ring with spin-then-futex waiting"));
    }

    @Override
    public RunPlan plan(ScenarioParams p) {
        boolean lockFree = lockFree(p);
        List<RunPlan.Participant> participants = new ArrayList<>();
        for (int i = 1; i <= p.getInt("producers"); i++) {
            participants.add(new RunPlan.Participant("producer-" + i, lockFree ? LOCK_FREE_PRODUCER : PRODUCER));
        }
        for (int i = 1; i <= p.getInt("consumers"); i++) {
            participants.add(new RunPlan.Participant("consumer-" + i, lockFree ? LOCK_FREE_CONSUMER : CONSUMER));
        }
        List<RunPlan.SyncObject> objects = lockFree ? List.of() : List.of(
                new RunPlan.SyncObject(SyncObjectKind.UNNAMED_SEMAPHORE, "empty"),
                new RunPlan.SyncObject(SyncObjectKind.UNNAMED_SEMAPHORE, "full"),
                new RunPlan.SyncObject(SyncObjectKind.UNNAMED_SEMAPHORE, "mutex"));
        return new RunPlan(Backend.POSIX, participants, objects, 4096, bitmapsOffset(p) + p.getInt("producers") * bitmapLength(p));
    }

    @Override
    public ScenarioResources prepare(LabSegment lab, ScenarioParams params) {
        ScenarioResources resources = new ScenarioResources();
        if (lockFree(params)) {
            LockFreeRing.initialize(new RingSlots(lab.data(), SLOTS_OFFSET, params.getInt("slots")));
        } else {
            RunPlan plan = plan(params);
            SyncObjects.create(lab, plan, SemaphoreRing.EMPTY, params.getInt("slots"), resources);
            SyncObjects.create(lab, plan, SemaphoreRing.FULL, 0, resources);
            SyncObjects.create(lab, plan, SemaphoreRing.MUTEX, 1, resources);
        }
        return resources;
    }

    private static boolean lockFree(ScenarioParams p) {
        return p.getString("sync").equals("futex");
    }

    private static long bitmapsOffset(ScenarioParams p) {
        return SLOTS_OFFSET + RingSlots.SLOT_LENGTH * p.getInt("slots");
    }

    private static long bitmapLength(ScenarioParams p) {
        return ItemTally.bitmapLength(p.getLong("items"));
    }

    @Override
    public List<String> pseudoCode(int role) {
        return switch (role) {
            case PRODUCER -> List.of(
                    "int item = produce_item();  /* producer id, sequence, checksum */",
                    "sem_wait(&sb->empty);  /* wait for an empty slot */",
                    "sem_wait(&sb->mutex);  /* enter critical section */",
                    "sb->buffer[sb->in] = item;",
                    "sb->in = (sb->in + 1) % BUFFER_SIZE;",
                    "sem_post(&sb->mutex);  /* leave critical section */",
                    "sem_post(&sb->full);  /* signal item available */");
            case CONSUMER -> List.of(
                    "if (atomic_fetch_add(&sb->claimed, 1) >= total_items) break;  /* no item left for me */",
                    "sem_wait(&sb->full);  /* wait for an item */",
                    "sem_wait(&sb->mutex);  /* enter critical section */",
                    "int item = sb->buffer[sb->out];",
                    "sb->out = (sb->out + 1) % BUFFER_SIZE;",
                    "sem_post(&sb->mutex);  /* leave critical section */",
                    "sem_post(&sb->empty);  /* signal empty slot */",
                    "consume_item(item);  /* check producer, sequence, checksum: exactly once */");
            case LOCK_FREE_PRODUCER -> List.of(
                    "int item = produce_item();  /* producer id, sequence, checksum */",
                    "long pos = rb->tail; int seq = atomic_load_acquire(&rb->slot[pos % N].seq);",
                    "if (seq - pos < 0) { backoff_wait(&rb->slot[pos % N].seq, seq); continue; }  /* full: spin, yield, futex */",
                    "if (seq - pos > 0 || !atomic_compare_exchange(&rb->tail, &pos, pos + 1)) continue;  /* taken: retry */",
                    "rb->slot[pos % N].item = item;",
                    "atomic_store_release(&rb->slot[pos % N].seq, pos + 1); futex_wake(&rb->slot[pos % N].seq);");
            case LOCK_FREE_CONSUMER -> List.of(
                    "if (atomic_fetch_add(&rb->claimed, 1) >= total_items) break;  /* no item left for me */",
                    "long pos = rb->head; int seq = atomic_load_acquire(&rb->slot[pos % N].seq);",
                    "if (seq - (pos + 1) < 0) { backoff_wait(&rb->slot[pos % N].seq, seq); continue; }  /* empty: spin, yield, futex */",
                    "if (seq - (pos + 1) > 0 || !atomic_compare_exchange(&rb->head, &pos, pos + 1)) continue;  /* taken: retry */",
                    "int item = rb->slot[pos % N].item;",
                    "atomic_store_release(&rb->slot[pos % N].seq, pos + N); futex_wake(&rb->slot[pos % N].seq);",
                    "consume_item(item);  /* check producer, sequence, checksum: exactly once */");
            default -> List.of();
        };
    }

    @Override
    public void run(int role, RoleContext ctx) {
        ScenarioParams p = ctx.params();
        RingSlots slots = new RingSlots(ctx.data(), SLOTS_OFFSET, p.getInt("slots"));
        long total = p.getInt("producers") * p.getLong("items");
        try (BufferRing ring = role >= LOCK_FREE_PRODUCER ? new LockFreeRing(ctx, slots, total) : new SemaphoreRing(ctx, slots, total)) {
            if (role == PRODUCER || role == LOCK_FREE_PRODUCER) {
                new Producer(ctx, ring).run();
            } else {
                new Consumer(ctx, ring).run();
            }
        }
    }

    @Override
    public List<Finding> verdict(LabSegment lab, ScenarioParams p) {
        SharedMemory data = lab.data();
        long items = p.getLong("items");
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < p.getInt("producers"); i++) {
            long once = ItemTally.consumed(data, bitmapsOffset(p) + i * bitmapLength(p), items);
            long duplicated = data.getLong(PRODUCERS_OFFSET + PRODUCER_LENGTH * i);
            long missing = items - once;
            findings.add(new Finding("producer-" + (i + 1) + ": items consumed exactly once " + once + " of " + items
                    + ", missing " + missing + ", duplicated " + duplicated, missing + duplicated, missing + duplicated != 0));
        }
        long opened = data.getLong(GATE_OFFSET + StartGate.OPENED_NANOS_OFFSET);
        long ended = data.getLong(END_NANOS_OFFSET);
        if (opened != 0 && ended > opened) {
            long total = p.getInt("producers") * items;
            findings.add(new Finding("items per second (" + p.getInt("producers") + " producers × " + p.getInt("consumers")
                    + " consumers, " + p.getInt("slots") + " slots, " + p.getString("sync") + ")",
                    Math.round(total * 1e9 / (ended - opened)), false));
        }
        return findings;
    }

    /** One producer process: makes its items in sequence order and puts each into the ring. */
    private static final class Producer {
        private final RoleContext ctx;
        private final BufferRing ring;
        private final ParticipantPublisher stats;
        private final int me;
        private final long items;

        Producer(RoleContext ctx, BufferRing ring) {
            this.ctx = ctx;
            this.ring = ring;
            this.stats = ctx.stats();
            this.me = ctx.index() + 1;
            this.items = ctx.params().getLong("items");
        }

        void run() {
            ctx.out("Producer " + me + " (pid " + ProcessHandle.current().pid() + "): " + items + " items into "
                    + ctx.params().getInt("slots") + " slots through " + ring.describe());
            long opened = StartGate.pass(ctx, ctx.data(), GATE_OFFSET, ctx.participantCount());
            if (opened < 0) {
                return;
            }
            for (long seq = 1; seq <= items; seq++) {
                if (!ctx.checkpoint(0)) {
                    return;
                }
                long now = System.nanoTime();
                if (!ring.put(seq, me, now)) {
                    return;
                }
                stats.sent++;
                stats.bytesSent += RingSlots.ITEM_BYTES;
                stats.lastSeq = seq;
                stats.publishIfDue(now);
            }
            ctx.out(String.format(Locale.ROOT, "Producer %d done: %d items in %.1f ms, %.1f ms of it waiting for a free slot",
                    me, items, (System.nanoTime() - opened) / 1e6, stats.waitNanos / 1e6));
        }
    }

    /** One consumer process: takes items until none is left, checking each; the last to finish reports the rate. */
    private static final class Consumer {
        private final RoleContext ctx;
        private final BufferRing ring;
        private final ParticipantPublisher stats;
        private final SharedMemory data;
        private final ScenarioParams params;
        private final int me;
        private final int producers;
        private final ItemTally tally;
        private final LinePrinter lines;

        Consumer(RoleContext ctx, BufferRing ring) {
            this.ctx = ctx;
            this.ring = ring;
            this.stats = ctx.stats();
            this.data = ctx.data();
            this.params = ctx.params();
            this.producers = params.getInt("producers");
            this.me = ctx.index() + 1 - producers;
            this.tally = new ItemTally(producers, params.getLong("items"));
            this.lines = new LinePrinter(ctx, producers * params.getLong("items") <= 100);
        }

        void run() {
            long opened = StartGate.pass(ctx, data, GATE_OFFSET, ctx.participantCount());
            if (opened < 0) {
                return;
            }
            RingSlots.Item item = new RingSlots.Item();
            while (ring.take(item)) {
                ctx.checkpoint(ring.consumeStep());
                consume(item);
            }
            lines.finish();
            long crossDuplicates = tally.mergeInto(data, bitmapsOffset(params), PRODUCERS_OFFSET, PRODUCER_LENGTH);
            stats.duplicated += crossDuplicates;
            report(opened);
        }

        private void consume(RingSlots.Item item) {
            long now = System.nanoTime();
            switch (tally.record(item)) {
                case FIRST_TIME -> {
                    stats.received++;
                    stats.bytesReceived += RingSlots.ITEM_BYTES;
                    stats.recordLatency(now - item.sentNanos);
                    ctx.hop(item.seq, item.producer - 1, ctx.index(), RingSlots.ITEM_BYTES);
                }
                case DUPLICATE -> stats.duplicated++;
                case CORRUPTED -> stats.corrupted++;
            }
            stats.lastSeq = item.seq;
            if (lines.due(now) || ctx.isPaced()) {
                lines.print("Consumer " + me + " took item " + item.seq + " of producer " + item.producer + " from slot " + item.slot, now);
            } else {
                lines.skip();
            }
            stats.publishIfDue(now);
        }

        private void report(long openedNanos) {
            StringBuilder perProducer = new StringBuilder();
            for (int p = 1; p <= producers; p++) {
                perProducer.append(p == 1 ? "" : ", ").append(tally.taken(p)).append(" of producer ").append(p);
            }
            ctx.out("Consumer " + me + " done: took " + stats.received + " items (" + perProducer + "); duplicated "
                    + stats.duplicated + ", corrupted " + stats.corrupted);
            // A full fence: every consumer's items and bitmap bits precede the count that makes it the last.
            if (data.getAndAddInt(FINISHED_OFFSET, 1) + 1 == params.getInt("consumers")) {
                long end = System.nanoTime();
                data.putLongRelease(END_NANOS_OFFSET, end);
                long total = producers * params.getLong("items");
                double seconds = (end - openedNanos) / 1e9;
                ctx.out(String.format(Locale.ROOT, "Moved %d items (%d producers × %d) through %d slots to %d consumers in %.1f ms: "
                                + "%.0f items/s (%s)", total, producers, params.getLong("items"), params.getInt("slots"),
                        params.getInt("consumers"), seconds * 1e3, total / seconds, ring.describe()));
            }
        }
    }
}
