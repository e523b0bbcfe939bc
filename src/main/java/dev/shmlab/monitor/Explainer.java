package dev.shmlab.monitor;

import dev.shmlab.layout.ControlBlock;
import dev.shmlab.layout.ParticipantSnapshot;
import dev.shmlab.layout.ParticipantState;
import dev.shmlab.layout.SyncObjectKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Says in plain words what a {@link LabSnapshot} shows: the run's mode, then one sentence per
 * participant (what it does, what it waits for and why, what it holds), then the damage counted so
 * far. Everything is derived from the snapshot and the scenario's pseudo-code — nothing is scripted
 * per scenario — and the same snapshot always gives the same sentences, so a replay explains itself
 * exactly as the live run did.
 *
 * <p>A participant's line of pseudo-code is named only while the run is paused or paced: at full
 * speed the published step is not kept current (that would cost a store per line).
 */
public final class Explainer {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_MILLI = 1_000_000L;

    /** How a sentence wants to be shown: plain, worth a look, or something went wrong. */
    public enum Tone {
        INFO, ATTENTION, TROUBLE
    }

    /** One sentence about one participant (its index), or about the whole run ({@code participant} -1). */
    public record Sentence(int participant, Tone tone, String text) {
    }

    private final PseudoCode code;
    private final List<String> names;

    public Explainer(PseudoCode code) {
        this(code, List.of());
    }

    /**
     * An explainer that calls a participant whose record is not claimed yet (its process is still
     * starting) by its planned name, {@code names.get(index)}, instead of "participant 2".
     */
    public Explainer(PseudoCode code, List<String> names) {
        this.code = code;
        this.names = List.copyOf(names);
    }

    /** The sentences for one snapshot: the run first, then each participant in index order, then integrity. */
    public List<Sentence> explain(LabSnapshot s) {
        List<Sentence> out = new ArrayList<>();
        out.add(runSentence(s));
        if (!s.syncEnabled() && !s.allFinished()) {
            out.add(new Sentence(-1, Tone.ATTENTION,
                    "Synchronisation is off: the participants skip sem_wait and sem_post, so their writes can collide."));
        }
        for (ParticipantSnapshot p : s.participants()) {
            out.add(participantSentence(s, p));
        }
        long damaged = s.totalLost() + s.totalDuplicated() + s.totalCorrupted();
        if (damaged > 0) {
            out.add(new Sentence(-1, Tone.TROUBLE, String.format(Locale.ROOT,
                    "So far %d messages were lost, %d duplicated and %d corrupted; each was caught by its sequence number or checksum.",
                    s.totalLost(), s.totalDuplicated(), s.totalCorrupted())));
        }
        return out;
    }

    /** The sentences joined into one paragraph per line, for a terminal or a tooltip. */
    public static String text(List<Sentence> sentences) {
        return sentences.stream().map(Sentence::text).collect(Collectors.joining(System.lineSeparator()));
    }

    private static Sentence runSentence(LabSnapshot s) {
        if (s.participants().isEmpty()) {
            return new Sentence(-1, Tone.INFO, "No participant has started yet.");
        }
        if (s.allFinished()) {
            return new Sentence(-1, Tone.INFO, String.format(Locale.ROOT, "The run is over: %d messages sent, %d received.",
                    s.totalSent(), s.totalReceived()));
        }
        if (s.command() == ControlBlock.Command.STOP) {
            return new Sentence(-1, Tone.ATTENTION, "The run is stopping: every participant has been told to stop.");
        }
        if (s.command() == ControlBlock.Command.PAUSE) {
            return new Sentence(-1, Tone.INFO, "The run is paused: press Step to let every participant take one step.");
        }
        if (s.paceNanos() > 0) {
            return new Sentence(-1, Tone.INFO, "The run is paced at " + duration(s.paceNanos()) + " per step, so each step can be followed.");
        }
        return new Sentence(-1, Tone.INFO, String.format(Locale.ROOT, "The run is at full speed: %.0f messages/s.", s.messagesPerSecond()));
    }

    private Sentence participantSentence(LabSnapshot s, ParticipantSnapshot p) {
        String who = name(p);
        List<SyncObjectSnapshot> held = held(s, p.index());
        return switch (p.state()) {
            case STARTING -> new Sentence(p.index(), Tone.INFO, who + " is starting: its process is loading and has not reached its first line yet.");
            case RUNNING -> new Sentence(p.index(), Tone.INFO, currentLine(s, p)
                    .map(line -> who + " is on line " + (p.step() + 1) + ": " + line)
                    .orElseGet(() -> String.format(Locale.ROOT, "%s is running: sent %d, received %d.", who, p.sent(), p.received())));
            case PAUSED -> new Sentence(p.index(), Tone.INFO, who + " is paused" + holding(held, ", holding ")
                    + line(p).map(line -> (held.isEmpty() ? "" : ",") + " before line " + (p.step() + 1) + ": " + line).orElse("."));
            case WAITING -> waiting(s, p);
            case CRITICAL -> new Sentence(p.index(), Tone.INFO, who + " is in its critical section" + heldFor(s, held)
                    + currentLine(s, p).map(line -> ", on line " + (p.step() + 1) + ": " + line).orElse("."));
            case DONE -> new Sentence(p.index(), p.integrityFailures() > 0 ? Tone.TROUBLE : Tone.INFO, String.format(Locale.ROOT,
                    "%s has finished: sent %d, received %d%s.", who, p.sent(), p.received(),
                    p.integrityFailures() > 0 ? String.format(Locale.ROOT, ", and counted %d lost, %d duplicated and %d corrupted",
                            p.lost(), p.duplicated(), p.corrupted()) : ""));
            case FAILED -> new Sentence(p.index(), Tone.TROUBLE, who + " failed" + (p.exitCode() != 0 ? " (exit code " + p.exitCode() + ")" : "")
                    + holding(held, " while holding ") + ".");
            case DEAD -> dead(p, held);
            case STOPPED -> new Sentence(p.index(), Tone.TROUBLE, who + " is stopped (SIGSTOP): it makes no progress until it is continued (SIGCONT)."
                    + (held.isEmpty() ? "" : " It holds " + labels(held) + ", so whoever needs " + pronoun(held) + " waits."));
        };
    }

    private Sentence waiting(LabSnapshot s, ParticipantSnapshot p) {
        String who = name(p);
        Optional<SyncObjectSnapshot> waitedOn = object(s, p.waitingOn());
        if (waitedOn.isEmpty()) {
            return new Sentence(p.index(), Tone.ATTENTION, who + " is waiting for another participant.");
        }
        SyncObjectSnapshot o = waitedOn.get();
        StringBuilder b = new StringBuilder(who).append(" is waiting in ").append(operation(o.kind())).append(" on ").append(o.label()).append(": ");
        String value = "its value is " + o.value();
        Optional<ParticipantSnapshot> holder = participant(s, o.holder()).filter(h -> h.index() != p.index());
        if (holder.isPresent()) {
            b.append(o.value() >= 0 ? value + " because " : "").append(holderReason(s, o, holder.get()));
        } else if (o.value() > 0) {
            b.append(value).append(", so it is about to get it");
        } else if (o.value() == 0) {
            b.append(value).append(" and nobody holds it: it waits until another participant ").append(release(o.kind()));
        } else {
            b.append("it waits until another participant ").append(release(o.kind()));
        }
        Tone tone = holder.map(h -> h.state() == ParticipantState.DEAD || h.state() == ParticipantState.STOPPED).orElse(false)
                ? Tone.TROUBLE : Tone.ATTENTION;
        return new Sentence(p.index(), tone, b.append('.').toString());
    }

    private String holderReason(LabSnapshot s, SyncObjectSnapshot o, ParticipantSnapshot holder) {
        String h = name(holder);
        return switch (holder.state()) {
            case DEAD -> o.kind() == SyncObjectKind.ROBUST_MUTEX
                    ? h + " died holding it; the lock will report that its owner died, and the next owner recovers it"
                    : h + " died holding it, so the wait will time out";
            case STOPPED -> h + " holds it and is stopped (SIGSTOP)";
            case PAUSED -> heldSince(s, o, h) + " and is paused";
            default -> heldSince(s, o, h);
        };
    }

    private static String heldSince(LabSnapshot s, SyncObjectSnapshot o, String holder) {
        return o.holderSinceNanos() > 0 ? holder + " has held it for " + duration(s.timeNanos() - o.holderSinceNanos()) : holder + " holds it";
    }

    private Sentence dead(ParticipantSnapshot p, List<SyncObjectSnapshot> held) {
        String who = name(p) + " is dead (its process is gone)";
        if (held.isEmpty()) {
            return new Sentence(p.index(), Tone.TROUBLE, who + ".");
        }
        boolean allRobust = held.stream().allMatch(o -> o.kind() == SyncObjectKind.ROBUST_MUTEX);
        return new Sentence(p.index(), Tone.TROUBLE, who + " while holding " + labels(held) + (allRobust
                ? ": the next participant to lock it is told its owner died and recovers it."
                : ": the others will time out."));
    }

    /** The line a participant is on, when the published step is current: the run is paused or paced. */
    private Optional<String> currentLine(LabSnapshot s, ParticipantSnapshot p) {
        return s.command() == ControlBlock.Command.PAUSE || s.paceNanos() > 0 ? line(p) : Optional.empty();
    }

    private Optional<String> line(ParticipantSnapshot p) {
        return code.line(p.role(), p.step());
    }

    private static String heldFor(LabSnapshot s, List<SyncObjectSnapshot> held) {
        if (held.isEmpty()) {
            return "";
        }
        SyncObjectSnapshot first = held.getFirst();
        return ", holding " + labels(held) + (first.holderSinceNanos() > 0 ? " for " + duration(s.timeNanos() - first.holderSinceNanos()) : "");
    }

    private static String holding(List<SyncObjectSnapshot> held, String prefix) {
        return held.isEmpty() ? "" : prefix + labels(held);
    }

    private static String labels(List<SyncObjectSnapshot> objects) {
        return objects.stream().map(SyncObjectSnapshot::label).collect(Collectors.joining(" and "));
    }

    private static String pronoun(List<SyncObjectSnapshot> objects) {
        return objects.size() == 1 ? "it" : "them";
    }

    private static List<SyncObjectSnapshot> held(LabSnapshot s, int participant) {
        return s.syncObjects().stream().filter(o -> o.holder() == participant).toList();
    }

    private static Optional<SyncObjectSnapshot> object(LabSnapshot s, int index) {
        return s.syncObjects().stream().filter(o -> o.index() == index).findFirst();
    }

    private static Optional<ParticipantSnapshot> participant(LabSnapshot s, int index) {
        return s.participants().stream().filter(p -> p.index() == index).findFirst();
    }

    private String name(ParticipantSnapshot p) {
        if (!p.name().isEmpty()) {
            return p.name();
        }
        return p.index() >= 0 && p.index() < names.size() ? names.get(p.index()) : "participant " + p.index();
    }

    /** The call a participant blocks in while it waits on an object of this kind. */
    static String operation(SyncObjectKind kind) {
        return switch (kind) {
            case NAMED_SEMAPHORE, UNNAMED_SEMAPHORE -> "sem_wait";
            case SYSV_SEMAPHORE -> "semop";
            case ROBUST_MUTEX -> "pthread_mutex_lock";
            case FUTEX -> "futex_wait";
            case SPIN_FLAG -> "a spin loop";
            case NONE -> "a wait";
        };
    }

    private static String release(SyncObjectKind kind) {
        return switch (kind) {
            case NAMED_SEMAPHORE, UNNAMED_SEMAPHORE -> "posts it (sem_post)";
            case SYSV_SEMAPHORE -> "releases it (semop)";
            case ROBUST_MUTEX -> "unlocks it";
            case FUTEX -> "changes it and wakes it";
            case SPIN_FLAG -> "sets it";
            case NONE -> "signals it";
        };
    }

    /** A duration the way a person says it: "1.2 s", "350 ms", "less than a millisecond". */
    static String duration(long nanos) {
        long n = Math.max(0, nanos);
        if (n >= NANOS_PER_SECOND) {
            return String.format(Locale.ROOT, "%.1f s", n / (double) NANOS_PER_SECOND);
        }
        if (n >= NANOS_PER_MILLI) {
            return n / NANOS_PER_MILLI + " ms";
        }
        return "less than a millisecond";
    }
}
