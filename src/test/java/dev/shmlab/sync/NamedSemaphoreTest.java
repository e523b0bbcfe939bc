package dev.shmlab.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shmlab.InvalidInputException;
import dev.shmlab.os.Errno;
import dev.shmlab.os.NativeException;
import dev.shmlab.shm.ObjectRegistry;
import dev.shmlab.testing.TestNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamedSemaphoreTest {
    private final String name = TestNames.posix();
    private final Undo undo = new Undo();

    @AfterEach
    void undoEverything() throws Exception {
        undo.undoAll();
    }

    @Test
    void aCreatedSemaphoreAppearsInDevShmAsSemDotNameAndInTheRegistry() {
        created(NamedSemaphore.create(name, 0));

        assertThat(Path.of("/dev/shm/sem." + name.substring(1))).exists();
        assertThat(ObjectRegistry.find(ObjectRegistry.Kind.POSIX_SEM, name, -1)).isPresent();
    }

    @Test
    void exclusiveCreateOfAnExistingNameFailsWithEexistNamingTheSemaphore() {
        created(NamedSemaphore.create(name, 0));

        assertThatThrownBy(() -> NamedSemaphore.create(name, 0))
                .isInstanceOf(NativeException.class)
                .hasMessage("sem_open(\"" + name + "\"): EEXIST (File exists)")
                .extracting(e -> ((NativeException) e).errno()).isEqualTo(Errno.EEXIST);
    }

    @Test
    void openingAMissingNameFailsWithEnoent() {
        assertThatThrownBy(() -> NamedSemaphore.open(name))
                .isInstanceOf(NativeException.class)
                .hasMessage("sem_open(\"" + name + "\"): ENOENT (No such file or directory)");
    }

    @Test
    void anOpenedSemaphoreIsTheSameOneTheCreatorMade() {
        NamedSemaphore creator = created(NamedSemaphore.create(name, 0));
        try (NamedSemaphore opened = NamedSemaphore.open(name)) {
            creator.release();

            assertThat(opened.tryAcquire()).isTrue();
            assertThat(creator.value()).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "no-slash", "/", "/a/b", "/.."})
    void invalidNamesAreRejectedBeforeAnyCall(String invalid) {
        assertThatThrownBy(() -> NamedSemaphore.create(invalid, 0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> NamedSemaphore.open(invalid)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aNameOf252BytesAfterTheSlashIsRejectedBeforeAnyCall() {
        String tooLong = name + "x".repeat(NamedSemaphore.MAX_NAME_BYTES + 2 - name.length());

        assertThatThrownBy(() -> NamedSemaphore.create(tooLong, 0))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("semaphore name: at most 251 bytes after the '/', as /dev/shm keeps it as sem.NAME (got 252)");
    }

    @Test
    void aNameOf251BytesAfterTheSlashIsAccepted() {
        String longest = name + "x".repeat(NamedSemaphore.MAX_NAME_BYTES + 1 - name.length());

        NamedSemaphore semaphore = created(NamedSemaphore.create(longest, 0));

        assertThat(semaphore.name()).isEqualTo(longest);
        assertThat(Path.of("/dev/shm/sem." + longest.substring(1))).exists();
    }

    @Test
    void aNegativeInitialValueOrAWideModeIsRejectedBeforeAnyCall() {
        assertThatThrownBy(() -> NamedSemaphore.create(name, -1))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("initial value:");
        assertThatThrownBy(() -> NamedSemaphore.create(name, 0, 01666))
                .isInstanceOf(InvalidInputException.class).hasMessage("mode: must be between 0 and 0777 (got 01666)");
        assertThat(Path.of("/dev/shm/sem." + name.substring(1))).doesNotExist();
    }

    @Test
    void aTimedAcquireOnAZeroSemaphoreReturnsFalseAfterRoughlyItsTimeout() {
        NamedSemaphore semaphore = created(NamedSemaphore.create(name, 0));

        long startNanos = System.nanoTime();
        boolean acquired = semaphore.acquire(Duration.ofMillis(200));

        assertThat(acquired).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - startNanos)).isBetween(Duration.ofMillis(195), Duration.ofMillis(1200));
    }

    @Test
    void unlinkRemovesTheNameAndTheRegistryEntryOnceOnly() throws Exception {
        NamedSemaphore semaphore = undo.push(NamedSemaphore.create(name, 0));

        assertThat(semaphore.unlink()).isTrue();
        assertThat(semaphore.unlink()).as("second call").isFalse();
        assertThat(Files.exists(Path.of("/dev/shm/sem." + name.substring(1)))).isFalse();
        assertThat(ObjectRegistry.find(ObjectRegistry.Kind.POSIX_SEM, name, -1)).isEmpty();
        assertThat(semaphore.tryAcquire()).as("still usable through this handle").isFalse();
    }

    @Test
    void aClosedSemaphoreRefusesUseInsteadOfTouchingFreedMemory() {
        NamedSemaphore semaphore = created(NamedSemaphore.create(name, 1));
        semaphore.close();

        assertThatThrownBy(semaphore::release).isInstanceOf(IllegalStateException.class).hasMessageContaining(name);
    }

    private NamedSemaphore created(NamedSemaphore semaphore) {
        undo.push(semaphore::unlink);
        return undo.push(semaphore);
    }
}
