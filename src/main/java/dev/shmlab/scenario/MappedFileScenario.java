package dev.shmlab.scenario;

import dev.shmlab.InvalidInputException;
import dev.shmlab.ShmlabException;
import dev.shmlab.layout.LabSegment;
import dev.shmlab.layout.ParticipantState;
import dev.shmlab.shm.Backend;
import dev.shmlab.shm.ObjectRegistry;
import dev.shmlab.shm.Segment;
import dev.shmlab.shm.Segments;
import dev.shmlab.shm.SharedMemory;
import dev.shmlab.sync.FutexWord;
import dev.shmlab.sync.WaitStrategy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Seed 003's memory-mapped file: a writer process creates a file, maps it {@code MAP_SHARED},
 * writes records into the mapping, {@code msync}s and exits; only then does a reader process map
 * the same file and read every record back, checking sequence numbers and checksums. What the
 * reader finds outlived the process that wrote it: persistence, not sharing.
 *
 * <pre>
 * data area:   0 file path (char[4096])
 *           4096 written (counted futex word: 1 once the file is msynced)   4104 file size (long)
 * </pre>
 */
public final class MappedFileScenario implements Scenario {
    static final int PATH_LENGTH = 4096;
    static final long WRITTEN_OFFSET = 4096;
    static final long SIZE_OFFSET = 4104;
    static final int WRITER = 0;
    static final int READER = 1;
    /** How often the reader looks whether the writer's process is gone, once it has written the file. */
    private static final long EXIT_POLL_MILLIS = 2;

    @Override
    public String name() {
        return "mapped-file";
    }

    @Override
    public String summary() {
        return "a writer maps a file, writes records, msyncs and exits; a later reader maps it and reads them back";
    }

    @Override
    public String seed() {
        return "003";
    }

    @Override
    public String description() {
        return "Seed 003's memory-mapped file: the writer opens a new file, ftruncates it, mmaps it MAP_SHARED and writes "
                + "records (sequence, checksum, text) straight into memory, then msync(MS_SYNC)s, unmaps and exits. The reader "
                + "waits for that exit, maps the same file read-only and checks every record: the data outlived the process "
                + "that wrote it. The file is a new temporary one unless --file names one (it must not exist yet); it is "
                + "removed at the end unless --file and --keep are both given.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.integer("records", 1000, 1, 10_000_000, "records the writer writes"),
                ParamSpec.text("file", "", 4000, "the file to create and map; it must not exist (default: a new temporary file)"),
                ParamSpec.bool("keep", false, "keep the file given with --file after the run"));
    }

    @Override
    public RunPlan plan(ScenarioParams p) {
        if (p.getBoolean("keep") && p.getString("file").isEmpty()) {
            throw new InvalidInputException("--keep: only with --file PATH; the temporary file is always removed");
        }
        return new RunPlan(Backend.POSIX, List.of(new RunPlan.Participant("writer", WRITER), new RunPlan.Participant("reader", READER)),
                List.of(), 64, SIZE_OFFSET + 8);
    }

    @Override
    public ScenarioResources prepare(LabSegment lab, ScenarioParams params) {
        Path path = chooseFile(params.getString("file"));
        ScenarioResources resources = new ScenarioResources();
        if (!keep(params)) {
            resources.add(() -> Files.deleteIfExists(path));
        }
        lab.data().putCString(0, PATH_LENGTH, path.toString());
        return resources;
    }

    private static Path chooseFile(String given) {
        Path path = given.isEmpty()
                ? Path.of(System.getProperty("java.io.tmpdir"), "shmlab-mapped-file-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + ".dat")
                : Path.of(given).toAbsolutePath().normalize();
        if (path.toString().getBytes(StandardCharsets.UTF_8).length >= PATH_LENGTH) {
            throw new InvalidInputException("--file: the path is longer than " + (PATH_LENGTH - 1) + " bytes");
        }
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new InvalidInputException("--file: " + path + " already exists; the writer creates the file itself and never overwrites one");
        }
        if (!Files.isDirectory(path.getParent())) {
            throw new InvalidInputException("--file: the directory " + path.getParent() + " does not exist");
        }
        return path;
    }

    private static boolean keep(ScenarioParams params) {
        return params.getBoolean("keep") && !params.getString("file").isEmpty();
    }

    @Override
    public List<String> pseudoCode(int role) {
        return role == WRITER
                ? List.of(
                "int fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0600); ftruncate(fd, size);",
                "struct record *rec = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);",
                "rec[i] = (struct record){ i, crc(i, text), strlen(text), text };  /* write to memory = write to file */",
                "msync(rec, size, MS_SYNC);  /* sync to disk */",
                "munmap(rec, size); close(fd); exit(0);")
                : List.of(
                "waitpid(writer);  /* the writer has exited */",
                "int fd = open(path, O_RDONLY); fstat(fd, &st);",
                "struct record *rec = mmap(NULL, st.st_size, PROT_READ, MAP_SHARED, fd, 0);",
                "check(rec[i]);  /* sequence and checksum */",
                "printf(\"Read %ld records back from %s (%ld bytes)\\n\", n, path, st.st_size); munmap(rec, st.st_size);");
    }

    @Override
    public void run(int role, RoleContext ctx) throws IOException {
        Path path = Path.of(ctx.data().getCString(0, PATH_LENGTH));
        if (role == WRITER) {
            write(ctx, path);
        } else {
            read(ctx, path);
        }
    }

    private static void write(RoleContext ctx, Path path) {
        long records = ctx.params().getLong("records");
        long size = RecordFile.sizeBytes(records);
        long pid = ProcessHandle.current().pid();
        ctx.checkpoint(0);
        Segment file = Segments.createFile(path, size, Segments.DEFAULT_MODE);
        try {
            ctx.checkpoint(1);
            ctx.out("Writer (pid " + pid + "): created " + path + " (" + size + " bytes) and mapped it MAP_SHARED, read-write");
            SharedMemory memory = file.memory();
            for (long seq = 1; seq <= records; seq++) {
                if (!ctx.checkpoint(2)) {
                    return;
                }
                RecordFile.writeRecord(memory, seq, "record " + seq + " of " + records + " from pid " + pid);
                ctx.stats().sent++;
                ctx.stats().bytesSent += RecordFile.RECORD_LENGTH;
                ctx.stats().lastSeq = seq;
                if ((seq & 255) == 0) {
                    ctx.stats().publishIfDue(System.nanoTime());
                }
            }
            RecordFile.writeHeader(memory, records, pid);
            ctx.checkpoint(3);
        } finally {
            file.close();
        }
        if (keep(ctx.params())) {
            // Written completely: no longer a leftover for the run to remove if this process dies.
            ObjectRegistry.forget(ObjectRegistry.Kind.FILE, path.toAbsolutePath().toString(), -1);
        }
        ctx.data().putLong(SIZE_OFFSET, size);
        FutexWord written = FutexWord.counted(ctx.data(), WRITTEN_OFFSET);
        written.setRelease(1);
        written.wakeAll();
        ctx.checkpoint(4);
        ctx.out("Writer: msync(MS_SYNC) done and unmapped; " + records + " records are in " + path + "; exiting now");
    }

    private static void read(RoleContext ctx, Path path) throws IOException {
        ctx.out("Reader (pid " + ProcessHandle.current().pid() + "): waiting for the writer to write the file and exit");
        ctx.checkpoint(0);
        long writerPid = awaitWriterExit(ctx);
        if (writerPid < 0) {
            return;
        }
        ctx.checkpoint(1);
        try (Segment file = Segments.openFile(path, true)) {
            ctx.checkpoint(2);
            SharedMemory memory = file.memory();
            ctx.out("Reader: the writer (pid " + writerPid + ") has exited; mapped " + path + " read-only: " + file.sizeBytes()
                    + " bytes on disk (" + Files.size(path) + ")");
            long records = ctx.params().getLong("records");
            String problem = RecordFile.headerProblem(memory, records);
            if (problem != null) {
                throw new ShmlabException("the file " + path + " is not what the writer should have left: " + problem);
            }
            checkRecords(ctx, memory, records);
            ctx.checkpoint(4);
            ctx.out("Reader: read " + ctx.stats().received + " of " + records + " records back from " + path + " (" + file.sizeBytes()
                    + " bytes), written by pid " + RecordFile.writerPid(memory) + "; missing " + ctx.stats().lost + ", corrupted "
                    + ctx.stats().corrupted);
            ctx.out("Reader: first \"" + RecordFile.text(memory, 1) + "\", last \"" + RecordFile.text(memory, records) + "\"");
        }
    }

    private static void checkRecords(RoleContext ctx, SharedMemory memory, long records) {
        for (long seq = 1; seq <= records; seq++) {
            if (!ctx.checkpoint(3)) {
                return;
            }
            switch (RecordFile.check(memory, seq)) {
                case INTACT -> {
                    ctx.stats().received++;
                    ctx.stats().bytesReceived += RecordFile.RECORD_LENGTH;
                    ctx.hop(seq, WRITER, READER, RecordFile.RECORD_LENGTH);
                }
                case MISSING -> ctx.stats().lost++;
                case CORRUPTED -> ctx.stats().corrupted++;
            }
            ctx.stats().lastSeq = seq;
        }
    }

    /**
     * Waits until the writer has written the file (spin, yield, then futex, for as long as the
     * writer lives) and then until its process is gone. Returns the writer's pid, or -1 when the
     * run is stopping.
     */
    private static long awaitWriterExit(RoleContext ctx) {
        FutexWord written = FutexWord.counted(ctx.data(), WRITTEN_OFFSET);
        ctx.stats().state(ParticipantState.WAITING);
        long sliceNanos = ctx.waitSlice().toNanos();
        while (!WaitStrategy.BACKOFF.awaitInt(written, v -> v != 0, sliceNanos)) {
            if (ctx.stopRequested()) {
                return -1;
            }
            if (!ctx.peerAlive(WRITER) && written.getAcquire() == 0) {
                throw new ShmlabException("the writer ended without finishing the file; there is nothing to read back");
            }
        }
        long pid = ctx.lab().participant(WRITER).pid();
        long deadline = System.nanoTime() + ctx.peerTimeout().toNanos();
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            if (ctx.stopRequested()) {
                return -1;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new ShmlabException("the writer (pid " + pid + ") wrote the file but did not exit within "
                        + ctx.peerTimeout().toSeconds() + " s");
            }
            sleepMillis(EXIT_POLL_MILLIS);
        }
        ctx.stats().state(ParticipantState.RUNNING);
        return pid;
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShmlabException("interrupted while waiting for the writer to exit");
        }
    }

    @Override
    public List<Finding> verdict(LabSegment lab, ScenarioParams params) {
        long records = params.getLong("records");
        long intact = lab.participant(READER).read().map(s -> s.received()).orElse(0L);
        String path = lab.data().getCString(0, PATH_LENGTH);
        return List.of(
                new Finding("records read back intact by a later process (of " + records + ")", intact, intact != records),
                new Finding("file size in bytes (" + path + (keep(params) ? ", kept" : ", removed at the end") + ")",
                        lab.data().getLong(SIZE_OFFSET), false));
    }
}
