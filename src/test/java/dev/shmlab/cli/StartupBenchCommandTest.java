package dev.shmlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shmlab.testing.ChildJvm;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code shmlab bench startup} through the real command line: real JVMs and participants, two rounds of two. */
class StartupBenchCommandTest {
    @TempDir
    Path dir;

    @Test
    void timesTheJvmAloneAndTheParticipantsInEveryRoundAndWritesEachTime() throws IOException {
        Path json = dir.resolve("startup.json");
        Cli.Run bench;
        try (ChildJvm child = ChildJvm.start(Main.class, "bench", "startup", "--processes", "2", "--rounds", "2", "--json", json.toString())) {
            int exit = child.waitFor(Duration.ofSeconds(120));
            bench = new Cli.Run(exit, child.stdout(), child.stderr());
        }
        System.out.println(bench.out() + "\n" + bench.err());

        assertThat(bench.exitCode()).isZero();
        assertThat(bench.stderr()).anySatisfy(l -> assertThat(l).startsWith("bench startup [3/3] round 2: 2 processes at once"));
        assertThat(bench.stdout().getFirst()).startsWith("Start-up of 2 processes launched at once, 2 rounds");
        assertThat(bench.stdout()).anySatisfy(l -> assertThat(l).startsWith("JVM alone, JDK's class-data archive").contains("to main"));
        assertThat(bench.stdout()).anySatisfy(l -> assertThat(l).startsWith("participant (round-robin client)").contains("to RUNNING"));
        // The tests run from a class path of directories, which has no start-up cache to compare.
        assertThat(bench.stdout()).anySatisfy(l -> assertThat(l).startsWith("(No start-up cache"));
        assertThat(bench.stdout().getLast()).startsWith("Medians of each round's slowest: a participant reached RUNNING");

        JsonNode kinds = new ObjectMapper().readTree(json.toFile()).get("kinds");
        assertThat(kinds.has("startup-cache")).isFalse();
        for (String kind : new String[] {"jdk-archive", "participant"}) {
            JsonNode rounds = kinds.get(kind).get("roundsMillis");
            assertThat(rounds).as(kind).hasSize(2);
            for (int r = 0; r < 2; r++) {
                JsonNode round = rounds.get(r);
                assertThat(round).as(kind).hasSize(2);
                double slowest = Math.max(round.get(0).asDouble(), round.get(1).asDouble());
                // A JVM cannot be up in under a millisecond, nor take the reference timeout.
                assertThat(round.get(0).asDouble()).as(kind).isBetween(1.0, 30_000.0);
                assertThat(round.get(1).asDouble()).as(kind).isBetween(1.0, 30_000.0);
                assertThat(kinds.get(kind).get("slowestPerRoundMillis").get(r).asDouble()).isEqualTo(slowest);
            }
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--processes|1|shmlab: --processes: must be a whole number between 2 and 16",
        "--processes|17|shmlab: --processes: must be a whole number between 2 and 16",
        "--rounds|0|shmlab: --rounds: must be a whole number between 1 and 1000",
        "--json|/no/such/directory/startup.json|shmlab: --json: the directory /no/such/directory does not exist"})
    void aBadOptionIsBadUsageOnOneLine(String option, String value, String message) {
        Cli.Run bench = Cli.shmlab("bench", "startup", option, value);

        assertThat(bench.exitCode()).isEqualTo(2);
        assertThat(bench.stderr()).singleElement().asString().startsWith(message).contains("see 'shmlab bench startup --help'");
        assertThat(bench.stdout()).isEmpty();
    }
}
