package dev.shmlab.shm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcTableTest {
    @TempDir
    Path dir;

    @Test
    void columnsAreFoundByNameWhateverTheirOrder() throws Exception {
        Path table = Files.writeString(dir.resolve("shm"), """
                    shmid        key  nattch perms        size
                       7  -1422023176       2   1644        4096
                """);

        List<ProcTable.Row> rows = ProcTable.read(table);

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.integer("key")).isEqualTo(-1422023176);
            assertThat(row.integer("shmid")).isEqualTo(7);
            assertThat(row.number("nattch")).isEqualTo(2);
            assertThat(row.octal("perms") & 0777).as("perms are octal; 01000 is SHM_DEST").isEqualTo(0644);
            assertThat(row.number("size")).isEqualTo(4096);
        });
    }

    @Test
    void aMissingTableHasNoRows() {
        assertThat(ProcTable.read(dir.resolve("absent"))).isEmpty();
    }
}
