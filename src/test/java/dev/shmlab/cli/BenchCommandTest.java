package dev.shmlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shmlab.testing.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code shmlab bench} through the real command line, in CI size. */
class BenchCommandTest {
    @TempDir
    Path dir;

    @Test
    void aQuickBenchPrintsOneTableAndWritesCsvAndJsonWithTheExpectedRows() throws IOException {
        Path csv = dir.resolve("bench.csv");
        Path json = dir.resolve("bench.json");
        Cli.Run bench;
        try (ChildJvm child = ChildJvm.start(Main.class, "bench", "--quick", "--transports", "shm-futex,pipe", "--sizes", "64",
                "--count", "200", "--duration", "100ms", "--warmup", "20ms", "--csv", csv.toString(), "--json", json.toString())) {
            int exit = child.waitFor(Duration.ofSeconds(60));
            bench = new Cli.Run(exit, child.stdout(), child.stderr());
        }
        System.out.println(bench.out() + "\n" + bench.err());

        assertThat(bench.exitCode()).isZero();
        assertThat(bench.stderr()).anySatisfy(l -> assertThat(l).startsWith("bench [4/4] pipe, 64 B"));
        assertThat(bench.stdout()).anySatisfy(l -> assertThat(l).startsWith("transport").contains("p50 ns", "p99.9 ns", "msgs/s", "MB/s", "same CPU"));
        assertThat(bench.stdout()).anySatisfy(l -> assertThat(l).startsWith("shm-futex  ring          64 B").endsWith(" ok"));

        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.getFirst()).isEqualTo("kind,transport,stream,size_bytes,p50_ns,p99_ns,p999_ns,round_trips,msgs_per_s,mb_per_s,"
                + "copy_mb_per_s,of_copy,lat_same_cpu_pct,stream_same_cpu_pct,cpus,status");
        assertThat(lines).hasSize(1 + 4);
        assertThat(lines.get(1)).startsWith("reference,memcpy,1 thread,64,");
        assertThat(lines.get(2)).startsWith("reference,cache-line,2 threads,8,");
        for (String row : lines.subList(3, 5)) {
            String[] cells = row.split(",", -1);
            assertThat(cells[0]).isEqualTo("transport");
            assertThat(Long.parseLong(cells[4])).as("p50 of %s", cells[1]).isPositive();
            assertThat(Double.parseDouble(cells[8])).as("msgs/s of %s", cells[1]).isPositive();
            assertThat(Double.parseDouble(cells[11])).as("share of the copy ceiling of %s", cells[1]).isPositive();
            assertThat(cells[15]).isEqualTo("ok");
        }

        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.get("allOk").asBoolean()).isTrue();
        assertThat(root.get("plan").get("transports")).hasSize(2);
        assertThat(root.get("references")).hasSize(2);
        assertThat(root.get("rows")).hasSize(2);
        assertThat(root.get("rows").get(1).get("transport").asText()).isEqualTo("pipe");
        // --count 200 or --duration 100ms, whichever comes first: a busy machine stops at the duration.
        assertThat(root.get("rows").get(1).get("roundTrips").asLong()).isBetween(1L, 200L);
        assertThat(root.get("machine").get("cpus").asInt()).isPositive();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--sizes|0|shmlab: --sizes: must be a size between 1 and",
        "--transports|carrier-pigeon|shmlab: unknown transport \"carrier-pigeon\"; choose from shm-spin",
        "--count|many|shmlab: --count: must be a whole number between 1 and",
        "--stream|sideways|shmlab: --stream: must be one of ring, slot, both",
        "--csv|/no/such/directory/bench.csv|shmlab: --csv: the directory /no/such/directory does not exist"})
    void aBadOptionIsBadUsageOnOneLine(String option, String value, String message) {
        Cli.Run bench = Cli.shmlab("bench", option, value);

        assertThat(bench.exitCode()).isEqualTo(2);
        assertThat(bench.stderr()).singleElement().asString().startsWith(message).contains("see 'shmlab bench --help'");
        assertThat(bench.stdout()).isEmpty();
    }
}
