package dev.shmlab.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shmlab.os.Os;
import dev.shmlab.scenario.Scenario;
import dev.shmlab.scenario.ScenarioParams;
import dev.shmlab.scenario.TransportsScenario;
import dev.shmlab.os.NativeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A reader killed while the writer is blocked in an untimed wait (FUTEX_WAIT, sem_wait, a read on a
 * pipe or socket) or a timed one (a message queue): the run still ends within a few seconds and
 * leaves nothing of its own behind (its segment, queues, FIFOs). Other work on the machine may
 * create and remove objects meanwhile, so this looks for the run's own objects by name.
 */
class TransportsDeathTest {
    private static final Scenario TRANSPORTS = new TransportsScenario();

    @ParameterizedTest
    @ValueSource(strings = {"shm-futex", "shm-sem", "pipe", "tcp", "mq"})
    void killingTheReaderMidPingPongEndsTheRunQuicklyAndCleansUp(String transport) throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        ScenarioParams params = ScenarioParams.of(TRANSPORTS.parameters(),
                Map.of("transport", transport, "mode", "latency", "count", "100000000", "duration", "60s", "warmup", "0"), TRANSPORTS.name());
        RunResult result;
        long killedAt;
        Path segment;
        try (Run run = Run.start(TRANSPORTS, params, RunOptions.defaults().withTimeout(Duration.ofSeconds(60)), (i, n, l, e) -> lines.add(l))) {
            segment = Path.of("/dev/shm", run.segment().address().display().substring(1));
            awaitTraffic(run);
            killedAt = System.nanoTime();
            assertThat(Os.kill((int) run.pid(1), Os.SIGKILL)).isTrue();
            result = run.await();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).isLessThan(Duration.ofSeconds(4));
        assertThat(result.exitCode()).isEqualTo(RunResult.EXIT_FAILED);
        assertThat(result.participants().get(1).exit()).isEqualTo("died: killed by SIGKILL");
        assertThat(result.failures()).isNotEmpty();
        assertThat(segment).doesNotExist();
        String ready = lines.stream().filter(l -> l.startsWith("Receiver ready")).findFirst().orElseThrow();
        Matcher queues = Pattern.compile("queues (/\\S+) to the reader, (/\\S+) to the writer").matcher(ready);
        while (queues.find()) {
            for (String queue : List.of(queues.group(1), queues.group(2))) {
                assertThatThrownBy(() -> Os.mqOpen(queue, Os.O_RDONLY, 0, 0, 0)).as(queue).isInstanceOf(NativeException.class);
            }
        }
        Matcher fifos = Pattern.compile("FIFOs in (\\S+)\\)").matcher(ready);
        if (fifos.find()) {
            assertThat(Path.of(fifos.group(1))).doesNotExist();
        }
    }

    private static void awaitTraffic(Run run) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (run.lab().participant(1).read().map(p -> p.received()).orElse(0L) < 100) {
            assertThat(System.nanoTime()).as("the reader received nothing within 20 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
