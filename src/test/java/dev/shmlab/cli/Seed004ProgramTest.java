package dev.shmlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shmlab.foreign.DecodedSnapshot;
import dev.shmlab.foreign.ForeignSegment;
import dev.shmlab.foreign.Hop;
import dev.shmlab.foreign.HopTracker;
import dev.shmlab.foreign.LayoutDescription;
import dev.shmlab.foreign.SemaphoreSpec;
import dev.shmlab.shm.SegmentAddress;
import dev.shmlab.testing.ChildJvm;
import dev.shmlab.testing.Seed004Program;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A C program of the repository (src/test/c/seed004_writer.c) creates seed 004's struct Memory
 * and named semaphore and changes them step by step; shmlab decodes exactly what it wrote, with the
 * shipped layout, and reads the hops it made.
 */
class Seed004ProgramTest {
    private static final Duration STEP_TIMEOUT = Seed004Program.STEP_TIMEOUT;
    private static final String LAYOUT = "resources/layouts/seed004-memory.json";

    @TempDir
    Path dir;

    private Seed004Program program;
    private ChildJvm writer;
    private Path keyFile;
    private String semName;

    @BeforeEach
    void startTheProgram() throws Exception {
        program = Seed004Program.start(dir, "the test against the seed 004 C program");
        writer = program.process();
        keyFile = program.keyFile();
        semName = program.semaphoreName();
    }

    /** Removes what the program made even if it was killed before it could. */
    @AfterEach
    void removeWhatTheProgramMade() {
        if (program != null) {
            program.close();
        }
    }

    @Test
    void inspectDecodesExactlyWhatTheProgramWroteAndTheHopsItMade() throws Exception {
        LayoutDescription layout = LayoutDescription.read(Path.of(LAYOUT)).withSemaphore(new SemaphoreSpec.Named("semName", semName));
        try (ForeignSegment foreign = ForeignSegment.open(SegmentAddress.ftok(keyFile, 65), layout, false)) {
            HopTracker hops = new HopTracker(layout);
            DecodedSnapshot first = foreign.sample();
            assertThat(hops.next(first)).isEmpty();
            assertThat(values(first)).containsExactly("1", "3", "1", "\"This is message 0 from client 3\"");
            assertThat(first.semaphores().getFirst().value()).isEqualTo(OptionalInt.of(1));

            List<Hop> second = advance(foreign, hops, 2);
            assertThat(second).singleElement().satisfies(h -> assertThat(h).isEqualTo(
                    new Hop(OptionalLong.of(2), 1, 2, "Message 1 from client 1", h.timeNanos(), 0)));
            assertThat(foreign.sample().semaphores().getFirst().value()).as("client 1 holds the semaphore").isEqualTo(OptionalInt.of(0));

            List<Hop> third = advance(foreign, hops, 3);
            assertThat(third).extracting(Hop::describe).containsExactly("#3 2 -> 3 \"Message 1 from client 2\"");
        }

        Cli.Run inspect = Cli.shmlab("inspect", "--ftok", keyFile + ":65", "--layout", LAYOUT, "--semaphore", "semName=" + semName);

        assertThat(inspect.exitCode()).as(inspect.err()).isZero();
        assertThat(InspectLayoutTest.rows(inspect.stdout())).containsSubsequence(
                "0 packet_no int32 sequence 3",
                "4 srcClientNo uint16 source 2",
                "6 destClientNo uint16 destination 3",
                "8 message char[1024] text \"Message 1 from client 2\"",
                "semaphore semName (" + semName + "): 1");
        tell("quit");
        writer.awaitLine("removed", STEP_TIMEOUT);
        assertThat(writer.waitFor(STEP_TIMEOUT)).isZero();
    }

    @Test
    void watchingTheProgramShowsItsHopAndTheSemaphoreMove() throws Exception {
        tell("next");
        writer.awaitLine("ready 2", STEP_TIMEOUT);
        try (ChildJvm watch = ChildJvm.start(Main.class, "inspect", "--sysv-key", keyText(), "--layout", LAYOUT,
                "--semaphore", "semName=" + semName, "--watch", "--interval", "1s", "--count", "2")) {
            watch.awaitLine("semaphore semName", STEP_TIMEOUT);
            tell("next");
            writer.awaitLine("ready 3", STEP_TIMEOUT);
            assertThat(watch.waitFor(STEP_TIMEOUT)).as(watch.output()).isZero();

            List<String> rows = InspectLayoutTest.rows(watch.stdout());
            assertThat(rows).anySatisfy(r -> assertThat(r).matches("sample 2 at \\+1\\.\\d\\d s: 5 changes"));
            assertThat(rows).containsSubsequence("sample 1 at +0.00 s", "0 packet_no int32 sequence 2", "semaphore semName (" + semName + "): 0",
                    "* 0 packet_no int32 sequence 3", "* 4 srcClientNo uint16 source 2", "* 6 destClientNo uint16 destination 3",
                    "* 8 message char[1024] text \"Message 1 from client 2\"", "* semaphore semName (" + semName + "): 1",
                    "hop #3 2 -> 3 \"Message 1 from client 2\"");
        }
    }

    private List<Hop> advance(ForeignSegment foreign, HopTracker hops, int step) throws IOException {
        program.step(step);
        return hops.next(foreign.sample());
    }

    private void tell(String line) throws IOException {
        program.tell(line);
    }

    private String keyText() {
        return program.keyText();
    }

    private static List<String> values(DecodedSnapshot s) {
        return s.fields().stream().map(f -> f.display()).toList();
    }
}
