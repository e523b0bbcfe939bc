package dev.shmlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shmlab.os.Os;
import dev.shmlab.testing.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A command told to exit while its run goes on (SIGTERM here; Ctrl-C's SIGINT makes the JVM run
 * the same shutdown hooks) stops the run and removes every kernel object it made, whichever
 * command it is. Each command records what it makes in a private registry, which shows the run's
 * objects while it goes on and must be empty after.
 */
class TerminatedCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path registry;

    /** Terminated as soon as the run's segment exists (the run still starting), or half a second later. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "run round-robin --messages 1000000 --pace 1ms|0",
        "run round-robin --messages 1000000 --pace 1ms|500",
        "bench --quick --transports shm-futex --sizes 64 --duration 60s --count 1000000000|0",
        "bench --quick --transports shm-futex --sizes 64 --duration 60s --count 1000000000|500",
        "bench startup --rounds 1000|0",
        "bench startup --rounds 1000|500"})
    void aCommandTerminatedDuringItsRunLeavesNoObjectAndNoParticipant(String command, long delayMillis) throws Exception {
        List<String> made;
        try (ChildJvm child = Cli.withRegistry(registry, Main.class, command.split(" "))) {
            made = awaitRegisteredSegment(Duration.ofSeconds(60));
            assertThat(made).as("what the run registered (stderr: %s)", child.stderr()).isNotEmpty();
            Thread.sleep(delayMillis);

            Os.kill((int) child.pid(), Os.SIGTERM);

            child.waitFor(Duration.ofSeconds(20));
        }
        try (Stream<Path> left = Files.list(registry)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("registry entries left").isEmpty();
        }
        for (String name : made) {
            assertThat(Path.of("/dev/shm", name.substring(1))).as("the run's segment").doesNotExist();
        }
        String segment = made.getFirst();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<ProcessHandle> participants;
        do {
            participants = ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(segment)).toList();
        } while (!participants.isEmpty() && System.nanoTime() < deadline && pause());
        assertThat(participants).as("participants of %s still running", segment).isEmpty();
    }

    /** The names of the POSIX segments in the registry, once there is one. */
    private List<String> awaitRegisteredSegment(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<String> names = new ArrayList<>();
            try (Stream<Path> entries = Files.list(registry)) {
                for (Path entry : entries.filter(p -> p.getFileName().toString().startsWith("posix_shm__")).toList()) {
                    JsonNode node = readQuietly(entry);
                    if (node != null && node.hasNonNull("name")) {
                        names.add(node.get("name").asText());
                    }
                }
            }
            if (!names.isEmpty()) {
                return names;
            }
            pause();
        }
        return List.of();
    }

    /** An entry being written or just removed reads as nothing. */
    private static JsonNode readQuietly(Path entry) {
        try {
            return JSON.readTree(entry.toFile());
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }
}
