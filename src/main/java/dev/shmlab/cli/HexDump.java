package dev.shmlab.cli;

import dev.shmlab.shm.SharedMemory;
import java.io.PrintWriter;

/**
 * A hex and ASCII dump like {@code hexdump -C}: an offset column, 16 bytes per line in two groups
 * of eight, then the printable ASCII between bars ({@code .} for anything else).
 */
public final class HexDump {
    /** How many bytes one line shows. */
    public static final int BYTES_PER_LINE = 16;

    private HexDump() {
    }

    /** Writes {@code lengthBytes} starting at {@code offset} (which must lie inside the memory). */
    public static void write(PrintWriter out, SharedMemory memory, long offset, long lengthBytes) {
        byte[] bytes = new byte[BYTES_PER_LINE];
        long end = offset + lengthBytes;
        int offsetDigits = Math.max(8, (64 - Long.numberOfLeadingZeros(end) + 3) / 4);
        for (long at = offset; at < end; at += BYTES_PER_LINE) {
            int count = (int) Math.min(BYTES_PER_LINE, end - at);
            memory.getBytes(at, bytes, 0, count);
            out.println(line(at, bytes, count, offsetDigits));
        }
    }

    /** One line: the offset, {@code count} bytes in hex (padded to a full line), and their ASCII. */
    static String line(long offset, byte[] bytes, int count, int offsetDigits) {
        StringBuilder line = new StringBuilder(80);
        line.append(String.format("%0" + offsetDigits + "x", offset)).append(' ');
        for (int i = 0; i < BYTES_PER_LINE; i++) {
            line.append(i == BYTES_PER_LINE / 2 ? "  " : " ");
            line.append(i < count ? String.format("%02x", bytes[i] & 0xff) : "  ");
        }
        line.append("  |");
        for (int i = 0; i < count; i++) {
            int b = bytes[i] & 0xff;
            line.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
        }
        return line.append('|').toString();
    }
}
