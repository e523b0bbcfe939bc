package dev.shmlab.shm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shmlab.testing.TestNames;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

class ObjectRegistryTest {

    @Test
    void anObjectWithTheLongestLegalNameCanBeRegisteredFoundAndForgotten() {
        String name = TestNames.posix() + "x".repeat(PosixNames.MAX_BYTES - TestNames.posix().length());
        assertThat(name).hasSize(PosixNames.MAX_BYTES);
        try {
            ObjectRegistry.register(ObjectRegistry.Kind.POSIX_SHM, name, -1, 0);
            assertThat(ObjectRegistry.find(ObjectRegistry.Kind.POSIX_SHM, name, -1))
                    .hasValueSatisfying(entry -> assertThat(entry.name()).isEqualTo(name));
        } finally {
            ObjectRegistry.forget(ObjectRegistry.Kind.POSIX_SHM, name, -1);
        }
        assertThat(ObjectRegistry.find(ObjectRegistry.Kind.POSIX_SHM, name, -1)).isEmpty();
    }

    @Test
    void anEntryIsReadBackAsWrittenWithItsCreator() {
        ProcessHandle self = ProcessHandle.current();
        long start = self.info().startInstant().orElseThrow().toEpochMilli();
        String name = TestNames.posix() + "-\"quoted\\é";
        int id = ThreadLocalRandom.current().nextInt(1 << 24, 1 << 30);
        try {
            ObjectRegistry.register(ObjectRegistry.Kind.POSIX_SEM, name, -1, 0);
            ObjectRegistry.register(ObjectRegistry.Kind.SYSV_SEM, null, id, 0x5eed);
            assertThat(ObjectRegistry.find(ObjectRegistry.Kind.POSIX_SEM, name, -1)).contains(
                    new ObjectRegistry.Entry(ObjectRegistry.Kind.POSIX_SEM, name, -1, 0, self.pid(), start));
            assertThat(ObjectRegistry.find(ObjectRegistry.Kind.SYSV_SEM, null, id)).hasValueSatisfying(entry -> {
                assertThat(entry).isEqualTo(new ObjectRegistry.Entry(ObjectRegistry.Kind.SYSV_SEM, null, id, 0x5eed, self.pid(), start));
                assertThat(entry.creatorAlive()).isTrue();
            });
            assertThat(ObjectRegistry.entries()).extracting(ObjectRegistry.Entry::id).contains(id);
        } finally {
            ObjectRegistry.forget(ObjectRegistry.Kind.POSIX_SEM, name, -1);
            ObjectRegistry.forget(ObjectRegistry.Kind.SYSV_SEM, null, id);
        }
    }
}
