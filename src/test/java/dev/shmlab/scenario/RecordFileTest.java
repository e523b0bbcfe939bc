package dev.shmlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shmlab.shm.SharedMemory;
import java.lang.foreign.Arena;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The mapped file's record check tells intact, missing and damaged records apart. */
class RecordFileTest {
    private final Arena arena = Arena.ofConfined();
    private final SharedMemory file = SharedMemory.of(arena.allocate(RecordFile.sizeBytes(3), 8));

    @AfterEach
    void free() {
        arena.close();
    }

    @Test
    void aWrittenRecordReadsBackIntactWithItsText() {
        RecordFile.writeRecord(file, 2, "record 2");
        assertThat(RecordFile.check(file, 2)).isEqualTo(RecordFile.Check.INTACT);
        assertThat(RecordFile.text(file, 2)).isEqualTo("record 2");
    }

    @Test
    void aRecordNeverWrittenIsMissing() {
        assertThat(RecordFile.check(file, 3)).isEqualTo(RecordFile.Check.MISSING);
    }

    @Test
    void aRecordWithOneChangedByteIsCorrupted() {
        RecordFile.writeRecord(file, 1, "record 1");
        file.putByte(RecordFile.HEADER_LENGTH + RecordFile.TEXT_OFFSET, (byte) 'R');
        assertThat(RecordFile.check(file, 1)).isEqualTo(RecordFile.Check.CORRUPTED);
    }

    @Test
    void aFileWithoutItsHeaderWasNotFinished() {
        RecordFile.writeRecord(file, 1, "record 1");
        assertThat(RecordFile.headerProblem(file, 3)).isEqualTo("no header magic: the writer did not finish");
        RecordFile.writeHeader(file, 3, 1234);
        assertThat(RecordFile.headerProblem(file, 3)).isNull();
        assertThat(RecordFile.writerPid(file)).isEqualTo(1234);
    }
}
