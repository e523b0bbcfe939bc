package dev.shmlab.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shmlab.scenario.Scenario.Finding;
import dev.shmlab.testing.ScenarioRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seed 003's memory-mapped file: records written by one process are read back by a later one. */
class MappedFileScenarioTest {
    private final ScenarioRun runs = new ScenarioRun();

    @Test
    void aLaterProcessReadsEveryRecordBackAndTheTemporaryFileIsRemoved() {
        RunResult r = runs.run("mapped-file", Map.of("records", "2000"));
        assertThat(r.exitCode()).isZero();
        assertThat(r.findings().getFirst()).isEqualTo(new Finding("records read back intact by a later process (of 2000)", 2000, false));
        String summary = lineStartingWith("[reader] Reader: read 2000 of 2000 records back from ");
        Path file = Path.of(summary.replaceFirst(".* records back from (.*) \\(128064 bytes\\), written by pid \\d+; missing 0, corrupted 0$", "$1"));
        assertThat(file.getFileName().toString()).startsWith("shmlab-mapped-file-");
        assertThat(file).doesNotExist();
        assertThat(runs.lines().indexOf(lineStartingWith("[writer] Writer: msync(MS_SYNC) done")))
                .isLessThan(runs.lines().indexOf(lineStartingWith("[reader] Reader: the writer (pid ")));
    }

    @Test
    void aFileGivenWithKeepStaysWithItsRecords(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("records.dat");
        RunResult r = runs.run("mapped-file", Map.of("records", "10", "file", file.toString(), "keep", "true"));
        assertThat(r.exitCode()).isZero();
        assertThat(Files.size(file)).isEqualTo(64 + 10 * 64);
        long writer = r.participants().getFirst().last().pid();
        assertThat(runs.lines()).contains("[reader] Reader: first \"record 1 of 10 from pid " + writer + "\", last \"record 10 of 10 from pid "
                + writer + "\"");
    }

    private String lineStartingWith(String prefix) {
        List<String> lines = runs.lines();
        return lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError("no line starting with " + prefix));
    }
}
