package dev.shmlab.scenario;

import static dev.shmlab.scenario.TransportsDescriptor.*;

import dev.shmlab.InvalidInputException;
import dev.shmlab.layout.LabSegment;
import dev.shmlab.layout.ParticipantSnapshot;
import dev.shmlab.layout.SyncObjectKind;
import dev.shmlab.os.Os;
import dev.shmlab.os.ProcFiles;
import dev.shmlab.shm.Backend;
import dev.shmlab.shm.ObjectRegistry;
import dev.shmlab.shm.PosixNames;
import dev.shmlab.shm.SharedMemory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Seed 001's comparison table, measured: the same ping-pong and the same stream over shared
 * memory (spinning, futex or semaphore waits), a pipe pair, a UNIX domain socket, TCP over
 * 127.0.0.1 and a pair of POSIX message queues, with the same messages, checked the same way.
 * {@code shmlab bench} runs it for every transport and size and puts the results in one table.
 */
public final class TransportsScenario implements Scenario {
    public static final long MAX_SIZE_BYTES = 64L << 20;

    /** Finding names: what the bench and the JSON summary read. */
    public static final String LATENCY_ROUNDS = "latency round trips";
    public static final String LATENCY_P50_NANOS = "one-way latency p50 ns";
    public static final String LATENCY_P99_NANOS = "one-way latency p99 ns";
    public static final String LATENCY_P999_NANOS = "one-way latency p99.9 ns";
    public static final String STREAM_MESSAGES = "stream messages measured";
    public static final String STREAM_NANOS = "stream nanoseconds measured";
    public static final String STREAM_MESSAGES_PER_SECOND = "stream messages per second";
    public static final String STREAM_BYTES_PER_SECOND = "stream payload bytes per second";
    public static final String STREAM_UNVERIFIED = "stream messages not verified by the reader";

    private static final Path MQ_MSGSIZE_MAX = Path.of("/proc/sys/fs/mqueue/msgsize_max");
    private static final Path MQ_MSG_MAX = Path.of("/proc/sys/fs/mqueue/msg_max");
    private static final int MQ_DEPTH = 10;

    @Override
    public String name() {
        return "transports";
    }

    @Override
    public boolean measuresPeakSpeed(ScenarioParams params) {
        return true;
    }

    @Override
    public String summary() {
        return "the same ping-pong and stream over shared memory, pipe, UNIX socket, TCP loopback and message queue";
    }

    @Override
    public String seed() {
        return "001";
    }

    @Override
    public String description() {
        return "Seed 001 ranks shared memory, pipes, message queues and sockets by words; this measures them. The writer "
                + "first ping-pongs with the reader (one-way latency = round trip / 2), then streams to it (messages/s, MB/s). "
                + "Shared memory streams through a 4 MiB ring where writer and reader copy at the same time (--stream ring) or "
                + "through the seed's single slot (--stream slot). Every message carries a sequence number and a checksum and is "
                + "checked on arrival; the first and last of each test are compared byte for byte. 'shmlab bench' runs the whole "
                + "matrix and prints it beside this machine's memory-copy and cache-line references.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.choice("transport", "shm-spin", Transport.cliNames(), "what carries the messages"),
                ParamSpec.choice("mode", "both", List.of("both", "latency", "stream"), "ping-pong, stream, or ping-pong then stream"),
                ParamSpec.choice("stream", "ring", List.of("ring", "slot"), "shared memory only: a ring both sides copy through at once, or the seed's single slot"),
                ParamSpec.size("size", 64, 1, MAX_SIZE_BYTES, "payload bytes per message (plus a 16-byte header)"),
                ParamSpec.integer("count", 100_000, 1, 1_000_000_000, "messages measured per test, at most"),
                ParamSpec.durationMs("warmup", 200, 0, 60_000, "time each test runs before it is measured"),
                ParamSpec.durationMs("duration", 2_000, 1, 3_600_000, "longest measured time per test"),
                ParamSpec.choice("verify", "stamped", List.of("stamped", "full"), "checksum sampled words, or every byte of every message"),
                ParamSpec.choice("cpus", "free", List.of("free", "split", "same"), "leave placement to the scheduler, pin writer and reader to CPUs 0 and 1, or both to CPU 0"),
                ParamSpec.integer("corrupt-every", 0, 0, 1_000_000_000, "fault injection: the writer damages every Nth message after checksumming it (0 = never)"));
    }

    @Override
    public RunPlan plan(ScenarioParams p) {
        Settings s = Settings.of(p);
        if (!s.transport().sharedMemory() && !s.ring()) {
            throw new InvalidInputException("--stream slot: only the shared-memory transports have a slot (got --transport " + s.transport().cliName() + ")");
        }
        if (!s.cpus().equals("free") && Runtime.getRuntime().availableProcessors() < 2) {
            throw new InvalidInputException("--cpus " + s.cpus() + ": this machine has only one CPU");
        }
        List<RunPlan.SyncObject> objects = switch (s.transport()) {
            case SHM_SPIN -> List.of(new RunPlan.SyncObject(SyncObjectKind.SPIN_FLAG, "echo flag"));
            case SHM_FUTEX -> List.of(new RunPlan.SyncObject(SyncObjectKind.FUTEX, "echo flag"),
                    new RunPlan.SyncObject(SyncObjectKind.FUTEX, "ring head"), new RunPlan.SyncObject(SyncObjectKind.FUTEX, "ring tail"));
            case SHM_SEM -> TransportLinks.SEMAPHORES.stream()
                    .map(label -> new RunPlan.SyncObject(SyncObjectKind.UNNAMED_SEMAPHORE, label)).toList();
            default -> List.of();
        };
        return new RunPlan(Backend.POSIX, List.of(new RunPlan.Participant("writer", TransportSide.WRITER),
                new RunPlan.Participant("reader", TransportSide.READER)), objects, 1024,
                dataLength(s.transport().sharedMemory(), s.sizeBytes()));
    }

    @Override
    public ScenarioResources prepare(LabSegment lab, ScenarioParams params) {
        Settings s = Settings.of(params);
        ScenarioResources resources = new ScenarioResources();
        try {
            RunPlan plan = plan(params);
            for (int i = 0; i < plan.syncObjects().size(); i++) {
                SyncObjects.create(lab, plan, i, 0, resources);
            }
            SharedMemory data = lab.data();
            data.putLong(LATENCY_FINAL_SEQ_OFFSET, Long.MAX_VALUE);
            data.putLong(STREAM_FINAL_SEQ_OFFSET, Long.MAX_VALUE);
            switch (s.transport()) {
                case PIPE, UDS -> preparePrivateDirectory(data, s.transport() == Transport.PIPE, resources);
                case MQ -> prepareQueues(data, s.sizeBytes(), resources);
                default -> {
                    // shared memory and TCP need nothing beside the segment
                }
            }
            return resources;
        } catch (RuntimeException e) {
            resources.close();
            throw e;
        }
    }

    /** The run's private directory, with a FIFO per direction for the pipe transport. */
    private static void preparePrivateDirectory(SharedMemory data, boolean fifos, ScenarioResources resources) {
        Path dir = RunDirectory.create("transports", data, DIRECTORY_OFFSET, DIRECTORY_LENGTH, resources);
        if (fifos) {
            Os.mkfifo(dir.resolve(TransportLinks.FIFO_TO_READER).toString(), 0600);
            Os.mkfifo(dir.resolve(TransportLinks.FIFO_TO_WRITER).toString(), 0600);
        }
    }

    /** Two queues, one per direction, deep enough for {@value #MQ_DEPTH} queue messages of up to msgsize_max bytes each. */
    private static void prepareQueues(SharedMemory data, int sizeBytes, ScenarioResources resources) {
        int fragmentBytes = (int) Math.min(WireMessage.HEADER_LENGTH + (long) sizeBytes, readProcLong(MQ_MSGSIZE_MAX, 8192));
        long depth = Math.min(MQ_DEPTH, readProcLong(MQ_MSG_MAX, MQ_DEPTH));
        long[] offsets = {MQ_TO_READER_OFFSET, MQ_TO_WRITER_OFFSET};
        for (long offset : offsets) {
            String name = PosixNames.random("tq");
            Os.mqClose(Os.mqOpen(name, Os.O_CREAT | Os.O_EXCL | Os.O_RDWR, 0600, depth, fragmentBytes));
            ObjectRegistry.register(ObjectRegistry.Kind.POSIX_MQ, name, -1, 0);
            resources.add(() -> {
                Os.mqUnlink(name);
                ObjectRegistry.forget(ObjectRegistry.Kind.POSIX_MQ, name, -1);
            });
            data.putCString(offset, MQ_NAME_LENGTH, name);
        }
        data.putIntRelease(MQ_FRAGMENT_BYTES_OFFSET, fragmentBytes);
    }

    private static long readProcLong(Path path, long fallback) {
        try {
            return Long.parseLong(ProcFiles.read(path).trim());
        } catch (IOException | NumberFormatException e) {
            return fallback;
        }
    }

    @Override
    public void run(int role, RoleContext context) {
        TransportSide.run(context, role);
    }

    @Override
    public List<String> pseudoCode(int role) {
        return role == TransportSide.WRITER
                ? List.of("fill(msg, seq); checksum(msg); send(msg);", "receive(reply); check(reply);  /* latency test */")
                : List.of("", "receive(msg); check(seq, checksum);", "send(msg);  /* echo back: latency test */");
    }

    @Override
    public List<Finding> verdict(LabSegment lab, ScenarioParams params) {
        Settings s = Settings.of(params);
        SharedMemory data = lab.data();
        List<Finding> findings = new ArrayList<>();
        if (s.latency()) {
            lab.participant(TransportSide.WRITER).read().ifPresent(w -> findings.addAll(latencyFindings(w)));
        }
        long finalSeq = data.getLongAcquire(STREAM_FINAL_SEQ_OFFSET);
        if (s.stream() && finalSeq != Long.MAX_VALUE) {
            long messages = finalSeq - data.getLongAcquire(STREAM_FIRST_MEASURED_SEQ_OFFSET) + 1;
            long end = data.getLongAcquire(STREAM_END_NANOS_OFFSET);
            long nanos = end == 0 ? 0 : end - data.getLongAcquire(STREAM_START_NANOS_OFFSET);
            findings.add(new Finding(STREAM_MESSAGES, messages, false));
            findings.add(new Finding(STREAM_NANOS, nanos, false));
            if (nanos > 0) {
                findings.add(new Finding(STREAM_MESSAGES_PER_SECOND, Math.round(messages * 1e9 / nanos), false));
                findings.add(new Finding(STREAM_BYTES_PER_SECOND, Math.round(messages * (double) s.sizeBytes() * 1e9 / nanos), false));
            }
            long unverified = finalSeq - data.getLongAcquire(STREAM_VERIFIED_OFFSET);
            findings.add(new Finding(STREAM_UNVERIFIED, unverified, unverified != 0));
        }
        return findings;
    }

    private static List<Finding> latencyFindings(ParticipantSnapshot writer) {
        return List.of(new Finding(LATENCY_ROUNDS, writer.latencyCount(), false),
                new Finding(LATENCY_P50_NANOS, writer.p50Nanos(), false),
                new Finding(LATENCY_P99_NANOS, writer.p99Nanos(), false),
                new Finding(LATENCY_P999_NANOS, writer.p999Nanos(), false));
    }

    /** What the writer is doing now, read from a running lab's data area (for CPU-placement sampling). */
    public static Phase phase(SharedMemory data) {
        return Phase.of(data.getIntAcquire(PHASE_OFFSET));
    }

    /** The thread id the role of this index runs in (0 until it started), for /proc/PID/task/TID. */
    public static int roleThreadId(SharedMemory data, int role) {
        return data.getIntAcquire(role == TransportSide.WRITER ? WRITER_TID_OFFSET : READER_TID_OFFSET);
    }

    /** The checked parameters of one run, typed. */
    public record Settings(Transport transport, boolean latency, boolean stream, boolean ring, int sizeBytes, long count,
                           long warmupNanos, long durationNanos, boolean fullCheck, String cpus, long corruptEvery) {

        public static Settings of(ScenarioParams p) {
            String mode = p.getString("mode");
            return new Settings(Transport.of(p.getString("transport")), !mode.equals("stream"), !mode.equals("latency"),
                    p.getString("stream").equals("ring"), Math.toIntExact(p.getLong("size")), p.getLong("count"),
                    p.getLong("warmup") * 1_000_000L, p.getLong("duration") * 1_000_000L, p.getString("verify").equals("full"),
                    p.getString("cpus"), p.getLong("corrupt-every"));
        }

        /** The CPU the writer or reader pins itself to, if any. */
        public OptionalInt cpuFor(boolean writer) {
            return switch (cpus) {
                case "split" -> OptionalInt.of(writer ? 0 : 1);
                case "same" -> OptionalInt.of(0);
                default -> OptionalInt.empty();
            };
        }

        public String describe() {
            return transport.cliName();
        }

        /** How the stream test moves messages, in words. */
        public String streamDescription() {
            if (transport.sharedMemory()) {
                return ring ? "ring of " + ShmRing.CAPACITY_BYTES / (1 << 20) + " MiB" : "single slot";
            }
            return transport == Transport.MQ ? "message queue" : "byte stream";
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s %d B", transport.cliName(), sizeBytes);
        }
    }
}
