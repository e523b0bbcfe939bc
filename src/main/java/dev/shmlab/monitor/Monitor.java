package dev.shmlab.monitor;

import dev.shmlab.ShmlabException;
import dev.shmlab.layout.ControlBlock;
import dev.shmlab.layout.EventRing;
import dev.shmlab.layout.LabSegment;
import dev.shmlab.layout.MessageEvent;
import dev.shmlab.layout.ParticipantSnapshot;
import dev.shmlab.layout.ParticipantState;
import dev.shmlab.layout.SegmentFormatException;
import dev.shmlab.layout.SyncObjectKind;
import dev.shmlab.layout.SyncObjectRecord;
import dev.shmlab.os.ProcStat;
import dev.shmlab.shm.Segment;
import dev.shmlab.shm.SegmentAddress;
import dev.shmlab.shm.Segments;
import dev.shmlab.sync.CountingSemaphore;
import dev.shmlab.sync.NamedSemaphore;
import dev.shmlab.sync.SharedSemaphore;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Samples a lab segment on one background thread into immutable {@link LabSnapshot}s: records
 * under their seqlocks, sync object values, new event-ring hops, rates and liveness. It never
 * writes to the segment; opened by address it maps the segment read-only.
 *
 * <p>A participant is shown {@link ParticipantState#DEAD} when its process is gone or its heartbeat
 * is older than {@link #HEARTBEAT_TIMEOUT_NANOS} without having finished, and
 * {@link ParticipantState#STOPPED} while its process is stopped by a signal.
 */
public final class Monitor implements AutoCloseable {
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(5);
    public static final long HEARTBEAT_TIMEOUT_NANOS = 1_250_000_000L;
    private static final long RATE_WINDOW_NANOS = 1_000_000_000L;
    private static final int MAX_EVENTS_PER_SAMPLE = 4096;
    private static final int MAX_QUEUED_EVENTS = 20_000;

    private final LabSegment lab;
    private final Segment ownedSegment;
    private final String segmentName;
    private final long intervalNanos;
    /** How many intervals late the sampler may be and still catch up. */
    private static final int CATCH_UP_INTERVALS = 4;
    private final AtomicReference<LabSnapshot> latest = new AtomicReference<>();
    private final ConcurrentLinkedDeque<MessageEvent> pendingEvents = new ConcurrentLinkedDeque<>();
    private final List<Consumer<LabSnapshot>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<Integer, CountingSemaphore> semaphores = new HashMap<>();
    /** When each participant's process was last seen stopped (SIGSTOP): after SIGCONT its heartbeat needs a moment. */
    private final Map<Integer, Long> seenStoppedNanos = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * How long a look at a participant's process (/proc/PID/stat) stays current. Sampling at
     * 200 Hz, reading it every sample for 16 participants was the sampler's main cost; a death is
     * still seen within this much of the 1.5 s it may take.
     */
    private static final long PROCESS_LOOK_NANOS = 50_000_000L;
    /** By participant index: the last look at its process (a restarted participant has another PID). */
    private final Map<Integer, ProcessLook> processLooks = new HashMap<>();
    private final Deque<long[]> rateWindow = new ArrayDeque<>();
    private final EventRing events;
    private long nextEvent;
    private long missedEvents;
    private volatile boolean running;
    private volatile String failure;
    private volatile long samples;
    private Thread thread;

    private Monitor(LabSegment lab, Segment ownedSegment, String segmentName, Duration interval) {
        this.lab = lab;
        this.ownedSegment = ownedSegment;
        this.segmentName = segmentName;
        this.intervalNanos = Math.max(100_000L, interval.toNanos());
        this.events = lab.events();
        this.nextEvent = Math.max(0, events.tail() - events.capacity());
    }

    /**
     * Opens a running lab by address, read-only, waiting briefly for its header. A segment of
     * another user is refused unless {@code allowOtherOwner}.
     */
    public static Monitor open(SegmentAddress address, Duration interval, boolean allowOtherOwner) {
        Segment segment = Segments.requireOwnedByMe(Segments.open(address, true), allowOtherOwner);
        try {
            return new Monitor(LabSegment.attach(segment.memory(), Duration.ofSeconds(2)), segment, address.display(), interval);
        } catch (RuntimeException e) {
            segment.close();
            throw e;
        }
    }

    /** Observes a lab this process already maps (the window watching the run it started). */
    public static Monitor of(LabSegment lab, String segmentName, Duration interval) {
        return new Monitor(lab, null, segmentName, interval);
    }

    /** Starts the sampling thread. */
    public Monitor start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("monitor-sampler").start(this::loop);
        return this;
    }

    /** Calls the listener with every snapshot, on the sampling thread; it must be quick. */
    public void addListener(Consumer<LabSnapshot> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<LabSnapshot> listener) {
        listeners.remove(listener);
    }

    /** Why sampling stopped for good (the segment shrank or turned out malformed), or null while it runs. */
    public String failure() {
        return failure;
    }

    /** The newest snapshot (null before the first sample). */
    public LabSnapshot latest() {
        return latest.get();
    }

    /** Takes every hop read since the last call (at most {@value #MAX_QUEUED_EVENTS} are kept). */
    public List<MessageEvent> drainEvents() {
        List<MessageEvent> out = new ArrayList<>();
        MessageEvent e;
        while ((e = pendingEvents.pollFirst()) != null) {
            out.add(e);
        }
        return out;
    }

    /** Samples actually taken per second since the start, for the status bar. */
    public long samples() {
        return samples;
    }

    public long intervalNanos() {
        return intervalNanos;
    }

    public LabSegment lab() {
        return lab;
    }

    private void loop() {
        long next = System.nanoTime();
        while (running) {
            try {
                LabSnapshot s = sample(false);
                latest.set(s);
                samples++;
                for (Consumer<LabSnapshot> l : listeners) {
                    l.accept(s);
                }
            } catch (InternalError e) {
                // The JVM turns SIGBUS from a mapping whose object shrank into this error.
                failure = "the segment shrank under the observer (a read past its new end faulted); it can no longer be watched";
                running = false;
                return;
            } catch (SegmentFormatException e) {
                failure = e.getMessage();
                running = false;
                return;
            } catch (RuntimeException e) {
                // A segment being torn down can fail one sample; the next one tells.
            }
            // A sample that came late is made up at once, so the rate holds on a busy machine; after
            // a stall of more than a few intervals the schedule starts over instead of bursting.
            next += intervalNanos;
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(sleep);
            } else if (-sleep > CATCH_UP_INTERVALS * intervalNanos) {
                next = System.nanoTime();
            }
        }
    }

    /** Takes one snapshot now (also usable without the thread), every participant's process looked at afresh. */
    public LabSnapshot sample() {
        return sample(true);
    }

    private synchronized LabSnapshot sample(boolean freshLooks) {
        if (freshLooks) {
            processLooks.clear();
        }
        long now = System.nanoTime();
        ControlBlock control = lab.control();
        List<ParticipantSnapshot> participants = new ArrayList<>();
        LabSnapshot previous = latest.get();
        for (int i = 0; i < lab.participantCount(); i++) {
            Optional<ParticipantSnapshot> read = lab.participant(i).read();
            ParticipantSnapshot s = read.orElseGet(() -> previous != null && previous.participants().size() > participants.size()
                    ? previous.participants().get(participants.size()) : null);
            if (s != null) {
                participants.add(observe(s, now));
            }
        }
        List<MessageEvent> newEvents = new ArrayList<>();
        long before = nextEvent;
        long tail = events.tail();
        nextEvent = events.readFrom(nextEvent, MAX_EVENTS_PER_SAMPLE, newEvents);
        missedEvents += Math.max(0, (nextEvent - before) - newEvents.size());
        if (tail - nextEvent > MAX_EVENTS_PER_SAMPLE) {
            missedEvents += tail - nextEvent;
            nextEvent = tail;
        }
        for (MessageEvent e : newEvents) {
            pendingEvents.addLast(e);
        }
        while (pendingEvents.size() > MAX_QUEUED_EVENTS) {
            pendingEvents.pollFirst();
        }
        long sent = participants.stream().mapToLong(ParticipantSnapshot::sent).sum();
        long bytes = participants.stream().mapToLong(ParticipantSnapshot::bytesSent).sum();
        double[] rates = rates(now, sent, bytes);
        long runStart = control.runStartNanos();
        return new LabSnapshot(now, runStart == 0 ? 0 : now - runStart, lab.scenario(), segmentName, control.command(),
                control.paceNanos(), control.syncEnabled(), participants, syncObjects(participants), newEvents, tail, missedEvents,
                rates[0], rates[1]);
    }

    private ParticipantSnapshot observe(ParticipantSnapshot s, long now) {
        if (s.pid() <= 0 || s.state().isFinal()) {
            return s;
        }
        Optional<ProcStat> stat = processStat(s.index(), s.pid(), now);
        if (stat.isEmpty() || stat.get().zombie()) {
            return s.withState(ParticipantState.DEAD);
        }
        if (stat.get().stopped()) {
            seenStoppedNanos.put(s.index(), now);
            return s.withState(ParticipantState.STOPPED);
        }
        long heartbeat = s.heartbeatNanos();
        Long stoppedAt = seenStoppedNanos.get(s.index());
        boolean justContinued = stoppedAt != null && now - stoppedAt < HEARTBEAT_TIMEOUT_NANOS;
        if (heartbeat != 0 && now - heartbeat > HEARTBEAT_TIMEOUT_NANOS && !justContinued) {
            return s.withState(ParticipantState.DEAD);
        }
        return s;
    }

    /** Participant index's process (PID pid) as last read, at most {@link #PROCESS_LOOK_NANOS} ago. */
    private Optional<ProcStat> processStat(int index, long pid, long now) {
        ProcessLook look = processLooks.get(index);
        if (look == null || look.pid() != pid || now - look.atNanos() > PROCESS_LOOK_NANOS) {
            look = new ProcessLook(pid, now, ProcStat.read(pid));
            processLooks.put(index, look);
        }
        return look.stat();
    }

    private record ProcessLook(long pid, long atNanos, Optional<ProcStat> stat) {
    }

    private double[] rates(long now, long sent, long bytes) {
        rateWindow.addLast(new long[] {now, sent, bytes});
        while (rateWindow.size() > 2 && now - rateWindow.peekFirst()[0] > RATE_WINDOW_NANOS) {
            rateWindow.pollFirst();
        }
        long[] first = rateWindow.peekFirst();
        double seconds = (now - first[0]) / 1e9;
        if (seconds <= 0) {
            return new double[] {0, 0};
        }
        return new double[] {(sent - first[1]) / seconds, (bytes - first[2]) / seconds};
    }

    private List<SyncObjectSnapshot> syncObjects(List<ParticipantSnapshot> participants) {
        List<SyncObjectSnapshot> out = new ArrayList<>();
        for (int i = 0; i < lab.geometry().syncObjectCount(); i++) {
            SyncObjectRecord r = lab.syncObject(i);
            List<Integer> waiters = new ArrayList<>();
            for (ParticipantSnapshot p : participants) {
                if (p.state() == ParticipantState.WAITING && p.waitingOn() == i) {
                    waiters.add(p.index());
                }
            }
            out.add(new SyncObjectSnapshot(i, r.kind(), r.label(), value(i, r), r.holder(), r.holderSinceNanos(), r.acquisitions(), waiters));
        }
        return out;
    }

    private int value(int index, SyncObjectRecord r) {
        try {
            CountingSemaphore sem = semaphores.get(index);
            if (sem == null) {
                sem = switch (r.kind()) {
                    case NAMED_SEMAPHORE -> NamedSemaphore.open(r.posixName());
                    case UNNAMED_SEMAPHORE -> SharedSemaphore.attach(r.storage(), 0, r.label());
                    default -> null;
                };
                if (sem == null) {
                    return r.kind() == SyncObjectKind.ROBUST_MUTEX ? (r.holder() >= 0 ? 0 : 1) : -1;
                }
                semaphores.put(index, sem);
            }
            return sem.value();
        } catch (ShmlabException e) {
            return -1;
        }
    }

    /**
     * Stops the sampling thread and waits for it, keeping the segment mapped: {@link #sample()}
     * still works, for instance to take the last snapshot of a run that has ended.
     */
    public void stop() {
        running = false;
        if (thread != null) {
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
        synchronized (this) {
            for (CountingSemaphore sem : semaphores.values()) {
                try {
                    sem.close();
                } catch (RuntimeException ignored) {
                    // a semaphore already unlinked by its run: nothing to release
                }
            }
            semaphores.clear();
            if (ownedSegment != null) {
                ownedSegment.close();
            }
        }
    }
}
