package dev.shmlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shmlab.shm.Segment;
import dev.shmlab.shm.Segments;
import dev.shmlab.sync.NamedSemaphore;
import dev.shmlab.testing.ChildJvm;
import dev.shmlab.testing.TestNames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code shmlab inspect --layout} through the real command line, against segments this test writes. */
class InspectLayoutTest {
    @TempDir
    Path dir;

    private Segment segment;
    private NamedSemaphore semaphore;

    @AfterEach
    void removeWhatTheTestCreated() {
        if (segment != null) {
            segment.close();
            segment.remove();
        }
        if (semaphore != null) {
            semaphore.close();
            semaphore.unlink();
        }
    }

    @Test
    void decodesSeed000sStructFieldByField() {
        segment = Segments.createPosix(TestNames.posix(), 4096, 0600);
        segment.memory().putLong(0, 1024);
        segment.memory().putInt(8, 1);
        segment.memory().putBytes(12, "ABCDEFGH".getBytes(StandardCharsets.US_ASCII), 0, 8);

        Cli.Run inspect = Cli.shmlab("inspect", segment.address().display(), "--layout", "resources/layouts/seed000-shm_region.json");

        assertThat(inspect.exitCode()).as(inspect.err()).isZero();
        assertThat(rows(inspect.stdout())).contains(
                "segment " + segment.address().display() + ", 4096 bytes, opened read-only",
                "offset field type role value",
                "0 size uint64 1024",
                "8 ready int32 1",
                "12 buffer char[64] text \"ABCDEFGH\"");
        assertThat(inspect.out()).doesNotContain("*");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown type        | {"fields": [{"name": "count", "type": "int33"}]}                                                   | field "count": unknown type "int33"
            overlapping offsets | {"fields": [{"name": "a", "type": "int64", "offset": 0}, {"name": "b", "type": "int32", "offset": 4}]} | field "b" (int32 at offset 4) overlaps field "a" (int64 at offset 0), bytes 0..7
            larger than segment | {"fields": [{"name": "head", "type": "int32"}, {"name": "body", "type": "char[8000]"}]}             | field "body" (char[8000] at offset 4) ends at byte 8004, but
            malformed JSON      | {"fields": [{"name": "a", "type": "int32"},, ]}                                                     | line 1, column 44: malformed JSON: Unexpected character (','
            """)
    void aBadLayoutIsOneLineNamingTheFieldAndExitCode2(String problem, String json, String expected) throws Exception {
        segment = Segments.createPosix(TestNames.posix(), 4096, 0600);
        Path layout = Files.writeString(dir.resolve("bad.json"), json);

        Cli.Run inspect = Cli.shmlab("inspect", segment.address().display(), "--layout", layout.toString());

        assertThat(inspect.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(inspect.stdout()).isEmpty();
        assertThat(inspect.stderr()).singleElement().asString().startsWith("shmlab: layout " + layout + ": " + expected)
                .isNotEqualTo("shmlab: layout " + layout + ": ");
        if (problem.equals("larger than segment")) {
            assertThat(inspect.err()).contains("but " + segment.address().display() + " is only 4096 bytes");
        }
    }

    @Test
    void watchingMarksWhatChangedBetweenSamplesAndShowsTheHop() throws Exception {
        segment = Segments.createPosix(TestNames.posix(), 4096, 0600);
        semaphore = NamedSemaphore.create(TestNames.posix(), 0);
        writeMessage(1, 3, 1, "This is message 0 from client 3");
        Path layout = Files.writeString(dir.resolve("memory.json"), """
                {"segment": {"posix": "%s"}, "semaphores": [{"label": "turn", "posix": "%s"}],
                 "fields": [{"name": "packet_no", "type": "int32", "role": "sequence"},
                            {"name": "srcClientNo", "type": "uint16", "role": "source"},
                            {"name": "destClientNo", "type": "uint16", "role": "destination"},
                            {"name": "message", "type": "char[1024]", "role": "text"}]}
                """.formatted(segment.address().display(), semaphore.name()));

        try (ChildJvm watch = ChildJvm.start(Main.class, "inspect", "--layout", layout.toString(), "--watch", "--interval", "1s", "--count", "2")) {
            watch.awaitLine("semaphore turn", Duration.ofSeconds(20));
            writeMessage(2, 3, 2, "Message 1 from client 3");
            semaphore.release();
            assertThat(watch.waitFor(Duration.ofSeconds(20))).as(watch.output()).isZero();

            List<String> rows = rows(watch.stdout());
            List<String> second = rows.subList(rows.indexOf(rows.stream().filter(r -> r.startsWith("sample 2")).findFirst().orElseThrow()), rows.size());
            assertThat(rows).contains("sample 1 at +0.00 s", "0 packet_no int32 sequence 1", "semaphore turn (" + semaphore.name() + "): 0");
            assertThat(second.getFirst()).matches("sample 2 at \\+1\\.\\d\\d s: 4 changes");
            assertThat(second).contains("* 0 packet_no int32 sequence 2", "4 srcClientNo uint16 source 3",
                    "* 6 destClientNo uint16 destination 2", "* 8 message char[1024] text \"Message 1 from client 3\"",
                    "* semaphore turn (" + semaphore.name() + "): 1", "hop #2 3 -> 2 \"Message 1 from client 3\"");
        }
    }

    private void writeMessage(int packetNo, int src, int dest, String text) {
        segment.memory().putShort(4, (short) src);
        segment.memory().putShort(6, (short) dest);
        segment.memory().fill(8, 1024, (byte) 0);
        segment.memory().putCString(8, 1024, text);
        segment.memory().putIntRelease(0, packetNo);
    }

    /** Output lines with runs of blanks made single, so a row reads as its cells. */
    static List<String> rows(List<String> lines) {
        return lines.stream().map(l -> l.strip().replaceAll("\\s+", " ")).toList();
    }
}
