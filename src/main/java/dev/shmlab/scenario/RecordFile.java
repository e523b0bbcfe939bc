package dev.shmlab.scenario;

import dev.shmlab.shm.SharedMemory;
import java.nio.charset.StandardCharsets;

/**
 * The mapped-file scenario's file: a header, then fixed-length records, each with its sequence
 * number, a checksum and a line of text. The header's magic is written after every record, so a
 * file whose header checks out was written to the end.
 *
 * <pre>
 * header (64 bytes):   0 magic "SHMLABMF"   8 version (int)   12 record length (int)
 *                     16 record count (long)   24 writer pid (long)   32 written at (long, epoch ms)
 * record i (64 bytes, at 64 + 64 * (i - 1)):
 *                      0 sequence (long, = i)   8 checksum (int, over sequence, length and text)
 *                     12 text length (int)      16 text (UTF-8, at most 48 bytes, NUL-padded)
 * </pre>
 */
final class RecordFile {
    static final long MAGIC = 0x464D42414C4D4853L; // "SHMLABMF" read as a little-endian long
    static final int VERSION = 1;
    static final int HEADER_LENGTH = 64;
    static final int RECORD_LENGTH = 64;
    static final int TEXT_OFFSET = 16;
    static final int TEXT_LENGTH = RECORD_LENGTH - TEXT_OFFSET;

    /** What reading one record back found. */
    enum Check {
        INTACT, MISSING, CORRUPTED
    }

    private RecordFile() {
    }

    static long sizeBytes(long records) {
        return HEADER_LENGTH + RECORD_LENGTH * records;
    }

    private static long recordOffset(long seq) {
        return HEADER_LENGTH + RECORD_LENGTH * (seq - 1);
    }

    /** Writes record seq (1-based) with its text, cut to {@link #TEXT_LENGTH} bytes. */
    static void writeRecord(SharedMemory file, long seq, String text) {
        long base = recordOffset(seq);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int length = Math.min(bytes.length, TEXT_LENGTH);
        file.putLong(base, seq);
        file.putInt(base + 12, length);
        file.fill(base + TEXT_OFFSET, TEXT_LENGTH, (byte) 0);
        file.putBytes(base + TEXT_OFFSET, bytes, 0, length);
        file.putInt(base + 8, checksum(file, base, seq, length));
    }

    /** Writes the header, magic last: the records before it are complete. */
    static void writeHeader(SharedMemory file, long records, long writerPid) {
        file.putInt(8, VERSION);
        file.putInt(12, RECORD_LENGTH);
        file.putLong(16, records);
        file.putLong(24, writerPid);
        file.putLong(32, System.currentTimeMillis());
        file.putLongRelease(0, MAGIC);
    }

    /** What is wrong with the header for a file of this many records, or null when it is right. */
    static String headerProblem(SharedMemory file, long records) {
        if (file.sizeBytes() < sizeBytes(records)) {
            return "the file has " + file.sizeBytes() + " bytes, " + sizeBytes(records) + " expected";
        }
        if (file.getLong(0) != MAGIC) {
            return "no header magic: the writer did not finish";
        }
        if (file.getInt(8) != VERSION || file.getInt(12) != RECORD_LENGTH || file.getLong(16) != records) {
            return "header says version " + file.getInt(8) + ", record length " + file.getInt(12) + ", " + file.getLong(16)
                    + " records; expected " + VERSION + ", " + RECORD_LENGTH + ", " + records;
        }
        return null;
    }

    static long writerPid(SharedMemory file) {
        return file.getLong(24);
    }

    static Check check(SharedMemory file, long seq) {
        long base = recordOffset(seq);
        long stored = file.getLong(base);
        int length = file.getInt(base + 12);
        if (stored == 0 && length == 0) {
            return Check.MISSING;
        }
        boolean intact = stored == seq && length >= 0 && length <= TEXT_LENGTH
                && file.getInt(base + 8) == checksum(file, base, stored, length);
        return intact ? Check.INTACT : Check.CORRUPTED;
    }

    static String text(SharedMemory file, long seq) {
        long base = recordOffset(seq);
        int length = Math.clamp(file.getInt(base + 12), 0, TEXT_LENGTH);
        byte[] bytes = new byte[length];
        file.getBytes(base + TEXT_OFFSET, bytes, 0, length);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static int checksum(SharedMemory file, long base, long seq, int length) {
        return Checksums.full(Checksums.header(seq, 0, 0, length), file, base + TEXT_OFFSET, TEXT_LENGTH);
    }
}
