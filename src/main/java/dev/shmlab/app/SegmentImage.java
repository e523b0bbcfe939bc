package dev.shmlab.app;

/**
 * A copy of a stretch of the lab segment's bytes taken on the sampler thread, so the window can
 * decode and dump it without ever holding a pointer into shared memory.
 */
public record SegmentImage(long offset, byte[] bytes, long timeNanos) {
    public SegmentImage {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The byte at an absolute segment offset, or -1 when the copy does not hold it. */
    int at(long segmentOffset) {
        long i = segmentOffset - offset;
        return i < 0 || i >= bytes.length ? -1 : bytes[(int) i] & 0xff;
    }

    /** Whether the copy holds {@code length} bytes from the absolute offset. */
    boolean holds(long segmentOffset, int length) {
        return segmentOffset >= offset && segmentOffset + length <= offset + bytes.length;
    }

    long getLong(long segmentOffset) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | at(segmentOffset + i);
        }
        return v;
    }

    int getInt(long segmentOffset) {
        int v = 0;
        for (int i = 3; i >= 0; i--) {
            v = (v << 8) | at(segmentOffset + i);
        }
        return v;
    }

    String getCString(long segmentOffset, int maxBytes) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < maxBytes; i++) {
            int b = at(segmentOffset + i);
            if (b <= 0) {
                break;
            }
            s.append((char) b);
        }
        return s.toString();
    }
}
