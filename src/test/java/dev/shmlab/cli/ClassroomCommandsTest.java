package dev.shmlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shmlab.scenario.Catalog;
import dev.shmlab.scenario.Lessons;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shmlab lessons}, {@code shmlab run --lesson/--record} and {@code shmlab replay}, through the real command line. */
class ClassroomCommandsTest {
    @TempDir
    Path dir;

    /** What one in-process run of the command line printed and how it exited. */
    record Result(int exitCode, String out, String err) {
    }

    @Test
    void lessonsListsTheShippedOnesInTeachingOrder() {
        Result r = shmlab("lessons", "--dir", dir.toString());

        assertThat(r.exitCode()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.getFirst()).matches("\\s*#\\s+lesson\\s+seed\\s+scenario\\s+pace\\s+title");
        assertThat(lines.get(1)).matches("\\s*1\\s+handshake-step-by-step\\s+001\\s+handshake\\s+stepped\\s+A ready flag, one line at a time");
        assertThat(r.out()).contains("Run one with 'shmlab run --lesson NAME'", "round-robin", "race-with-semaphore");
        assertThat(r.out().lines().filter(l -> l.startsWith("  lesson \"")))
                .allMatch(l -> l.contains("unknown scenario"), "only lessons for scenarios still to land are not usable");
    }

    @Test
    void lessonsShowsOneLessonInFull() {
        Result r = shmlab("lessons", "race-with-semaphore");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("race-with-semaphore: The same race, with the semaphore back\nscenario race (seed 004), full speed\n")
                .contains("parameters: --clients 4 --messages 2000 --sync semaphore", "from classpath:lessons/race-with-semaphore.json",
                        "Run it with 'shmlab run --lesson race-with-semaphore'.");
    }

    @Test
    void lessonsCopyPutsTheShippedFilesWhereATeacherCanEditThem() throws IOException {
        Result copied = shmlab("lessons", "--copy", "--dir", dir.toString());
        Files.writeString(dir.resolve("round-robin.json"), Files.readString(dir.resolve("round-robin.json"))
                .replace("Three clients and one semaphore", "Our own round robin"));
        Result listed = shmlab("lessons", "--dir", dir.toString());

        assertThat(copied.exitCode()).isZero();
        assertThat(copied.out()).contains("copied " + dir.resolve("round-robin.json"));
        assertThat(listed.out()).containsPattern("round-robin \\*\\s+004\\s+round-robin\\s+300 ms\\s+Our own round robin");
        assertThat(Files.list(dir)).hasSize(Lessons.shipped().all().size() + Lessons.shipped().problems().size());
    }

    @Test
    void aLessonRunsHeadlessIsRecordedAndReplaysToTheSameEnd() throws IOException {
        Path recording = dir.resolve("handshake.shmrec.gz");
        Result run = shmlab("run", "--lesson", "handshake-step-by-step", "--messages", "12", "--record", recording.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Lesson: A ready flag, one line at a time (handshake, seed 001)\n")
                .contains("[P2] [P2] Total messages read: 12", "recorded to " + recording);
        assertThat(run.out()).containsPattern("\nP1 +done +12 +0 ");

        Path csv = dir.resolve("metrics.csv");
        Path json = dir.resolve("summary.json");
        Result replay = shmlab("replay", recording.toString(), "--speed", "1000", "--interval", "250ms", "--explain",
                "--csv", csv.toString(), "--json", json.toString());

        assertThat(replay.exitCode()).as(replay.err()).isZero();
        assertThat(replay.out()).startsWith("recording of handshake (messages=12, ftok-id=65) made ")
                .contains("P1 is starting: its process is loading")
                .endsWith("The run is over: 12 messages sent, 12 received.\nP1 has finished: sent 12, received 0.\n"
                        + "P2 has finished: sent 0, received 12.\n\nend of the recording\n");
        assertThat(replay.out()).containsPattern("\nP1 +\\d+ done +\\d+ +12 +0 ");
        JsonNode summary = new ObjectMapper().readTree(json.toFile());
        assertThat(summary.get("totals").get("received").asLong()).isEqualTo(12);
        assertThat(Files.readAllLines(csv).getFirst()).isEqualTo(dev.shmlab.monitor.Export.CSV_HEADER);
    }

    @Test
    void badUsesOfTheClassroomCommandsSayWhatIsWrong() {
        assertBad(shmlab("run"), 2, "shmlab: run: name a SCENARIO (see 'shmlab scenarios') or give --lesson NAME");
        assertBad(shmlab("run", "--lesson", "nope"), 2, "shmlab: no lesson named \"nope\"; choose one of handshake-step-by-step");
        assertBad(shmlab("run", "race", "--lesson", "race-with-semaphore"), 2, "shmlab: run: give a SCENARIO or --lesson NAME, not both");
        assertBad(shmlab("run", "--lesson", "round-robin", "--clients", "40"), 2, "shmlab: --clients: must be a whole number between 2 and 16");
        assertBad(shmlab("run", "round-robin", "--record", "/no/such/dir/x.shmrec.gz"), 2, "shmlab: --record: the directory of");
        assertBad(shmlab("lessons", "nope"), 2, "shmlab: no lesson named \"nope\"");
        assertBad(shmlab("replay", dir.resolve("missing.gz").toString()), 1, "shmlab: no recording at ");
        assertBad(shmlab("replay", dir.resolve("missing.gz").toString(), "--speed", "0"), 2, "shmlab: --speed: must be between 0.05 and 1000");
    }

    @Test
    void aScenarioOptionValueTakenForTheScenarioIsPutBackAfterItsOption() {
        var roundRobin = Catalog.byName("round-robin");

        assertThat(RunCommand.reattach(roundRobin, "8", List.of("--messages"))).containsExactly("--messages", "8");
        assertThat(RunCommand.reattach(roundRobin, "8", List.of("--print-all", "--messages", "--clients", "4")))
                .containsExactly("--print-all", "--messages", "8", "--clients", "4");
        assertThat(RunCommand.reattach(roundRobin, "true", List.of("--print-all", "--messages", "8")))
                .containsExactly("--print-all", "true", "--messages", "8");
    }

    private static void assertBad(Result r, int exitCode, String messageStart) {
        assertThat(r.exitCode()).as("exit code; stderr: %s", r.err()).isEqualTo(exitCode);
        assertThat(r.err().lines().toList()).singleElement().asString().startsWith(messageStart);
    }

    private static Result shmlab(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = Main.run(args);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
