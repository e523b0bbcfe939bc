package dev.shmlab.scenario;

import dev.shmlab.layout.LabSegment;
import dev.shmlab.layout.SyncObjectKind;
import dev.shmlab.shm.Backend;
import dev.shmlab.shm.SharedMemory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Seed 002's assessment: for POSIX, System V and mapped-file segments and message sizes from
 * 1 B to 1 MiB, what each step of one message's trip costs — create, size, map, the first write
 * (page faults), sending the "pointer" to the reader over a futex and over a UNIX socket, the
 * reader's open, map and read, both unmaps and the removal — as median and p99 over repetitions.
 * The writer prints the table; the JSON summary carries every number as a finding.
 *
 * <pre>
 * data area:    0 int posted        counted futex word: k once repetition k's pointer is in the mailbox
 *              64 int acked         counted futex word: 2k-1 after the futex notice, 2k when the reader is done
 *             128 int writerStage  136 int readerStage   (setup rendezvous, counted futex words)
 *             256 mailbox           the pointer record ({@link AssessmentRoles#POINTER_LENGTH} bytes)
 *             768 char[256]         the run's private directory (UNIX socket, mapped files)
 *            1024 results           long[backend][size][step][p50, p99], each written by the side that measured it
 * </pre>
 */
public final class BackendAssessmentScenario implements Scenario {
    static final long POSTED_OFFSET = 0;
    static final long ACKED_OFFSET = 64;
    static final long WRITER_STAGE_OFFSET = 128;
    static final long READER_STAGE_OFFSET = 136;
    static final long MAILBOX_OFFSET = 256;
    static final long DIRECTORY_OFFSET = 768;
    static final int DIRECTORY_LENGTH = 256;
    static final long RESULTS_OFFSET = 1024;
    /** Sizes grow by this factor from 1 B: 1 B, 16 B, 256 B, 4 KiB, 64 KiB, 1 MiB … */
    static final int SIZE_FACTOR = 16;
    static final int MAX_SIZES = 8;
    static final long MAX_SIZE_BYTES = 64L << 20;

    /** The steps measured, in the order of one message's trip, and who measures each. */
    public enum Step {
        CREATE("create", true),
        SIZE("size", true),
        MAP("map", true),
        FIRST_WRITE("1st write", true),
        NOTIFY_FUTEX("notify:futex", false),
        NOTIFY_SOCKET("notify:socket", false),
        READER_OPEN("open(r)", false),
        READER_MAP("map(r)", false),
        READ("read(r)", false),
        READER_UNMAP("unmap(r)", false),
        WRITER_UNMAP("unmap(w)", true),
        REMOVE("remove", true);

        private final String label;
        private final boolean writer;

        Step(String label, boolean writer) {
            this.label = label;
            this.writer = writer;
        }

        public String label() {
            return label;
        }

        /** Whether the writer measures it (else the reader). */
        public boolean byWriter() {
            return writer;
        }
    }

    @Override
    public String name() {
        return "backend-assessment";
    }

    @Override
    public boolean measuresPeakSpeed(ScenarioParams params) {
        return true;
    }

    @Override
    public String summary() {
        return "what each step costs per backend and size: create, size, map, first write, notify, the reader's open/map/read, unmap, remove";
    }

    @Override
    public String seed() {
        return "002";
    }

    @Override
    public String description() {
        return "Seed 002 breaks a shared-memory message into steps: the writer creates and attaches a segment, writes the "
                + "message, sends the reader a pointer to it, and the reader attaches and reads. This times each step for "
                + "POSIX (shm_open, ftruncate, mmap), System V (shmget, shmat) and a mapped file (open, ftruncate, mmap), for "
                + "message sizes from 1 B up to --max-size in steps of x16, over --reps repetitions: the pointer travels once "
                + "through a futex in the lab segment (the reader asleep in FUTEX_WAIT) and once through a UNIX socket (the "
                + "reader blocked in read). Each segment is new, so the first write pays its page faults. Every message is "
                + "checked by the reader. Prints median and p99 in nanoseconds.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.choice("backends", "all", List.of("all", "posix", "sysv", "file"), "which segments to assess"),
                ParamSpec.size("max-size", 1 << 20, 1, MAX_SIZE_BYTES, "the largest message; sizes run 1 B, 16 B, 256 B … up to it"),
                ParamSpec.integer("reps", 200, 1, 1_000_000, "measured repetitions per backend and size"),
                ParamSpec.integer("warmup", 20, 0, 1_000_000, "repetitions run first and not measured, per backend and size"));
    }

    @Override
    public RunPlan plan(ScenarioParams params) {
        return new RunPlan(Backend.POSIX, List.of(new RunPlan.Participant("writer", 0), new RunPlan.Participant("reader", 1)),
                List.of(new RunPlan.SyncObject(SyncObjectKind.FUTEX, "pointer posted"),
                        new RunPlan.SyncObject(SyncObjectKind.FUTEX, "reader done")),
                1024, RESULTS_OFFSET + (long) Backend.values().length * MAX_SIZES * Step.values().length * 16);
    }

    @Override
    public ScenarioResources prepare(LabSegment lab, ScenarioParams params) {
        ScenarioResources resources = new ScenarioResources();
        try {
            RunPlan plan = plan(params);
            for (int i = 0; i < plan.syncObjects().size(); i++) {
                SyncObjects.create(lab, plan, i, 0, resources);
            }
            RunDirectory.create("assessment", lab.data(), DIRECTORY_OFFSET, DIRECTORY_LENGTH, resources);
            return resources;
        } catch (RuntimeException e) {
            resources.close();
            throw e;
        }
    }

    @Override
    public void run(int role, RoleContext context) {
        AssessmentRoles.run(context, role == 0);
    }

    @Override
    public List<String> pseudoCode(int role) {
        return role == 0
                ? List.of("fd = shm_open(name, O_CREAT|O_EXCL|O_RDWR, 0600);  /* or shmget, open */", "ftruncate(fd, size);",
                "p = mmap(NULL, size, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0);", "memcpy(p, msg, size);  /* page faults */",
                "post(pointer);  /* futex, then UNIX socket */", "munmap(p, size); shm_unlink(name);")
                : List.of("wait(pointer);", "fd = shm_open(name, O_RDWR, 0);", "p = mmap(...);", "memcpy(buf, p, size); check(buf);",
                "munmap(p, size);");
    }

    @Override
    public List<Finding> verdict(LabSegment lab, ScenarioParams params) {
        List<Finding> findings = new ArrayList<>();
        SharedMemory data = lab.data();
        for (Backend b : backends(params)) {
            List<Long> sizes = sizes(params);
            for (int s = 0; s < sizes.size(); s++) {
                for (Step step : Step.values()) {
                    long p50 = data.getLongAcquire(resultOffset(b, s, step));
                    long p99 = data.getLongAcquire(resultOffset(b, s, step) + 8);
                    String cell = b.cliName() + " " + sizeText(sizes.get(s)) + " " + step.label();
                    findings.add(new Finding(cell + " p50 ns", p50, false));
                    findings.add(new Finding(cell + " p99 ns", p99, false));
                }
            }
        }
        return findings;
    }

    /** The backends the parameters select, in table order. */
    static List<Backend> backends(ScenarioParams params) {
        String chosen = params.getString("backends");
        return chosen.equals("all") ? List.of(Backend.values()) : List.of(Backend.valueOf(chosen.toUpperCase(Locale.ROOT)));
    }

    /** 1 B, 16 B, 256 B … up to max-size (and max-size itself when it is not a power of 16). */
    static List<Long> sizes(ScenarioParams params) {
        long max = params.getLong("max-size");
        List<Long> sizes = new ArrayList<>();
        for (long s = 1; s <= max && sizes.size() < MAX_SIZES; s *= SIZE_FACTOR) {
            sizes.add(s);
        }
        if (sizes.getLast() != max) {
            if (sizes.size() == MAX_SIZES) {
                sizes.removeLast();
            }
            sizes.add(max);
        }
        return sizes;
    }

    /** Where the p50 of one cell lives (its p99 follows). */
    static long resultOffset(Backend b, int sizeIndex, Step step) {
        return RESULTS_OFFSET + (((long) b.ordinal() * MAX_SIZES + sizeIndex) * Step.values().length + step.ordinal()) * 16;
    }

    static String sizeText(long bytes) {
        if (bytes >= (1 << 20) && bytes % (1 << 20) == 0) {
            return bytes / (1 << 20) + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " B";
    }
}
