package dev.shmlab.shm;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;

/**
 * A bounds-checked view of mapped bytes shared with other processes.
 *
 * <p>Every access goes through a {@link MemorySegment}, so an offset outside the mapping is an
 * {@link IndexOutOfBoundsException} and a misaligned atomic access an
 * {@link IllegalArgumentException} — never a crash of the JVM. Names carry the memory ordering
 * ({@code getIntAcquire}, {@code putLongRelease}); plain accessors have no ordering at all. The
 * atomic operations are real CPU atomics on the shared physical memory, so they order and
 * exclude across processes exactly as they do across threads.
 */
public final class SharedMemory {
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();

    private final MemorySegment segment;
    private final boolean readOnly;

    SharedMemory(MemorySegment segment, boolean readOnly) {
        this.segment = readOnly ? segment.asReadOnly() : segment;
        this.readOnly = readOnly;
    }

    /** A view of memory this process owns (tests, in-process buffers). */
    public static SharedMemory of(MemorySegment segment) {
        return new SharedMemory(segment, segment.isReadOnly());
    }

    /** The number of bytes that can be reached. */
    public long sizeBytes() {
        return segment.byteSize();
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    /** The underlying segment, for bulk copies. */
    public MemorySegment segment() {
        return segment;
    }

    /** A view of {@code lengthBytes} starting at {@code offset}, bounds-checked against this view. */
    public SharedMemory slice(long offset, long lengthBytes) {
        return new SharedMemory(segment.asSlice(offset, lengthBytes), readOnly);
    }

    /**
     * The native address of {@code offset}, after checking that {@code lengthBytes} fit there: for
     * kernel and libc objects placed in the segment (sem_t, pthread_mutex_t, futex words).
     */
    public long address(long offset, long lengthBytes) {
        return segment.asSlice(offset, lengthBytes).address();
    }

    // ---- int

    public int getInt(long offset) {
        return segment.get(ValueLayout.JAVA_INT_UNALIGNED, offset);
    }

    public void putInt(long offset, int value) {
        segment.set(ValueLayout.JAVA_INT_UNALIGNED, offset, value);
    }

    /** Load-acquire: later loads and stores of this process are not moved before it. */
    public int getIntAcquire(long offset) {
        return (int) INT.getAcquire(segment, offset);
    }

    /** Store-release: earlier loads and stores of this process are visible before it. */
    public void putIntRelease(long offset, int value) {
        INT.setRelease(segment, offset, value);
    }

    public int getIntVolatile(long offset) {
        return (int) INT.getVolatile(segment, offset);
    }

    public void putIntVolatile(long offset, int value) {
        INT.setVolatile(segment, offset, value);
    }

    public boolean compareAndSetInt(long offset, int expected, int value) {
        return INT.compareAndSet(segment, offset, expected, value);
    }

    public int getAndAddInt(long offset, int delta) {
        return (int) INT.getAndAdd(segment, offset, delta);
    }

    public int getAndSetInt(long offset, int value) {
        return (int) INT.getAndSet(segment, offset, value);
    }

    // ---- long

    public long getLong(long offset) {
        return segment.get(ValueLayout.JAVA_LONG_UNALIGNED, offset);
    }

    public void putLong(long offset, long value) {
        segment.set(ValueLayout.JAVA_LONG_UNALIGNED, offset, value);
    }

    /** Load-acquire: later loads and stores of this process are not moved before it. */
    public long getLongAcquire(long offset) {
        return (long) LONG.getAcquire(segment, offset);
    }

    /** Store-release: earlier loads and stores of this process are visible before it. */
    public void putLongRelease(long offset, long value) {
        LONG.setRelease(segment, offset, value);
    }

    public long getLongVolatile(long offset) {
        return (long) LONG.getVolatile(segment, offset);
    }

    public void putLongVolatile(long offset, long value) {
        LONG.setVolatile(segment, offset, value);
    }

    public boolean compareAndSetLong(long offset, long expected, long value) {
        return LONG.compareAndSet(segment, offset, expected, value);
    }

    public long getAndAddLong(long offset, long delta) {
        return (long) LONG.getAndAdd(segment, offset, delta);
    }

    // ---- small scalars and bytes

    public byte getByte(long offset) {
        return segment.get(ValueLayout.JAVA_BYTE, offset);
    }

    public void putByte(long offset, byte value) {
        segment.set(ValueLayout.JAVA_BYTE, offset, value);
    }

    public short getShort(long offset) {
        return segment.get(ValueLayout.JAVA_SHORT_UNALIGNED, offset);
    }

    public void putShort(long offset, short value) {
        segment.set(ValueLayout.JAVA_SHORT_UNALIGNED, offset, value);
    }

    public void getBytes(long offset, byte[] dst, int dstIndex, int length) {
        MemorySegment.copy(segment, ValueLayout.JAVA_BYTE, offset, dst, dstIndex, length);
    }

    public void putBytes(long offset, byte[] src, int srcIndex, int length) {
        MemorySegment.copy(src, srcIndex, segment, ValueLayout.JAVA_BYTE, offset, length);
    }

    /** Fills {@code lengthBytes} from {@code offset} with one value. */
    public void fill(long offset, long lengthBytes, byte value) {
        segment.asSlice(offset, lengthBytes).fill(value);
    }

    /** Reads a NUL-terminated string of at most maxBytes (C {@code char[N]}). */
    public String getCString(long offset, int maxBytes) {
        MemorySegment field = segment.asSlice(offset, maxBytes);
        int n = 0;
        while (n < maxBytes && field.get(ValueLayout.JAVA_BYTE, n) != 0) {
            n++;
        }
        byte[] bytes = new byte[n];
        MemorySegment.copy(field, ValueLayout.JAVA_BYTE, 0, bytes, 0, n);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Writes a string into a C {@code char[maxBytes]} field, truncated and always NUL-terminated. */
    public void putCString(long offset, int maxBytes, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        int n = Math.min(bytes.length, maxBytes - 1);
        putBytes(offset, bytes, 0, n);
        putByte(offset + n, (byte) 0);
    }
}
