package dev.shmlab.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CallLinkingTest {
    @Test
    void eachFamilyIsCalledOnPrivateMemoryAndLeavesNoKernelObject() throws IOException {
        List<Path> before = shmEntries();

        assertThatCode(() -> {
            CallLinking.futex();
            CallLinking.semaphores();
            CallLinking.mutexes();
        }).doesNotThrowAnyException();

        assertThat(shmEntries()).isEqualTo(before);
    }

    @Test
    void linkingTwiceIsHarmless() {
        for (int i = 0; i < 2; i++) {
            CallLinking.futex();
            CallLinking.semaphores();
            CallLinking.mutexes();
        }
    }

    private static List<Path> shmEntries() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("/dev/shm"))) {
            return files.filter(p -> p.getFileName().toString().contains("shmlab")).sorted().toList();
        }
    }
}
