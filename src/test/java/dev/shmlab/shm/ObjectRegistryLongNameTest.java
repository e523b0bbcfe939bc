package dev.shmlab.shm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shmlab.testing.TestNames;
import org.junit.jupiter.api.Test;

class ObjectRegistryLongNameTest {

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
}
