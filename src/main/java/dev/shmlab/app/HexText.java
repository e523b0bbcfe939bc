package dev.shmlab.app;

/** Bytes as {@code hexdump -C} shows them: offset, sixteen bytes in two groups of eight, printable ASCII. */
final class HexText {
    static final int BYTES_PER_LINE = 16;

    private HexText() {
    }

    static String of(SegmentImage image) {
        byte[] bytes = image.bytes();
        StringBuilder out = new StringBuilder(bytes.length * 5);
        for (int at = 0; at < bytes.length; at += BYTES_PER_LINE) {
            int count = Math.min(BYTES_PER_LINE, bytes.length - at);
            out.append(String.format("%08x ", image.offset() + at));
            for (int i = 0; i < BYTES_PER_LINE; i++) {
                out.append(i == BYTES_PER_LINE / 2 ? "  " : " ");
                out.append(i < count ? String.format("%02x", bytes[at + i] & 0xff) : "  ");
            }
            out.append("  |");
            for (int i = 0; i < count; i++) {
                int b = bytes[at + i] & 0xff;
                out.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
            }
            out.append("|\n");
        }
        return out.toString();
    }
}
