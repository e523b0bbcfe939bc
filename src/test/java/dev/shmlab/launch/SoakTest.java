package dev.shmlab.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shmlab.layout.ParticipantSnapshot;
import dev.shmlab.os.ProcFiles;
import dev.shmlab.scenario.Catalog;
import dev.shmlab.scenario.Scenario;
import dev.shmlab.scenario.ScenarioParams;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Long runs (opt-in: {@code ./mvnw verify -Psoak}): ten million messages with nothing lost,
 * duplicated or corrupted, and no participant's memory growing more than 10% after warm-up.
 */
@Tag("soak")
@Timeout(value = 2, unit = TimeUnit.HOURS)
class SoakTest {
    private static final double MAX_GROWTH = 1.10;

    @Test
    void roundRobinWithEightClientsMovesTenMillionMessagesIntactWithoutGrowing() throws Exception {
        soak("round-robin", Map.of("clients", "8", "messages", "1250000"), 10_000_000L);
    }

    @Test
    void boundedBufferWithFourProducersAndFourConsumersMovesTenMillionItemsIntactWithoutGrowing() throws Exception {
        soak("bounded-buffer", Map.of("producers", "4", "consumers", "4", "items", "2500000"), 10_000_000L);
    }

    static void soak(String name, Map<String, String> params, long expectedMessages) throws Exception {
        Scenario s = Catalog.byName(name);
        Map<Integer, Long> warmRss = new HashMap<>();
        Map<Integer, Long> lateRss = new HashMap<>();
        RunResult result;
        try (Run run = Run.start(s, ScenarioParams.of(s.parameters(), params, name),
                RunOptions.defaults().withTimeout(Duration.ofHours(2)), (i, n, l, e) -> { })) {
            int count = run.plan().participants().size();
            while (!run.isFinished()) {
                Thread.sleep(1000);
                long sent = 0;
                for (int i = 0; i < count; i++) {
                    sent += run.lab().participant(i).read().map(ParticipantSnapshot::sent).orElse(0L);
                }
                double progress = (double) sent / expectedMessages;
                for (int i = 0; i < count && progress > 0.2; i++) {
                    long rss = rssKiB(run.pid(i));
                    if (rss > 0) {
                        (warmRss.containsKey(i) ? lateRss : warmRss).put(i, rss);
                    }
                }
            }
            result = run.await();
        }
        System.out.println(RunReport.table(result));
        System.out.println("resident memory (KiB) after warm-up " + warmRss + ", near the end " + lateRss);
        assertThat(result.exitCode()).isZero();
        assertThat(result.total(ParticipantSnapshot::sent)).isEqualTo(expectedMessages);
        assertThat(result.total(ParticipantSnapshot::received)).isEqualTo(expectedMessages);
        assertThat(result.total(ParticipantSnapshot::lost)).as("lost").isZero();
        assertThat(result.total(ParticipantSnapshot::duplicated)).as("duplicated").isZero();
        assertThat(result.total(ParticipantSnapshot::corrupted)).as("corrupted").isZero();
        for (Map.Entry<Integer, Long> late : lateRss.entrySet()) {
            assertThat((double) late.getValue()).as("participant %d memory", late.getKey())
                    .isLessThanOrEqualTo(warmRss.get(late.getKey()) * MAX_GROWTH);
        }
    }

    private static long rssKiB(long pid) {
        try {
            for (String line : ProcFiles.read(Path.of("/proc", Long.toString(pid), "status")).split("\n")) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            // exited already
        }
        return -1;
    }
}
