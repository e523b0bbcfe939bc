package dev.shmlab.foreign;

import dev.shmlab.shm.SharedMemory;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Reads the fields of a layout out of mapped memory into immutable values. It only reads: every
 * load is a plain, bounds-checked load of the mapping, so memory opened read-only stays untouched.
 * Integers are little-endian (x86-64), as the foreign program wrote them.
 */
public final class Decoder {
    /** Array elements kept per field; a change further in is still seen through the field's digest. */
    public static final int MAX_ARRAY_ELEMENTS = 64;
    /** Bytes of a text field kept; longer text is marked truncated. */
    public static final int MAX_TEXT_BYTES = 4096;
    /** Bytes of a bytes[N] field shown in hex. */
    public static final int MAX_HEX_BYTES = 32;

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    private final LayoutDescription layout;

    public Decoder(LayoutDescription layout) {
        this.layout = layout;
    }

    public LayoutDescription layout() {
        return layout;
    }

    /**
     * Decodes every field of the layout; the memory must hold {@link LayoutDescription#extentBytes()}
     * (check with {@link LayoutDescription#checkFits} first, or get an IndexOutOfBoundsException).
     */
    public List<DecodedField> decode(SharedMemory memory) {
        MemorySegment bytes = memory.segment();
        List<DecodedField> out = new ArrayList<>(layout.fields().size());
        for (PlacedField f : layout.fields()) {
            MemorySegment slice = bytes.asSlice(f.offset(), f.sizeBytes());
            FieldType type = f.role() == FieldRole.TEXT && f.type() instanceof FieldType.Bytes b ? new FieldType.Text(b.length()) : f.type();
            out.add(new DecodedField(f, value(type, slice), digest(slice)));
        }
        return out;
    }

    /** Decodes and adds the time and the semaphores' values into one snapshot. */
    public DecodedSnapshot snapshot(SharedMemory memory, List<SemaphoreValue> semaphores) {
        long now = System.nanoTime();
        return new DecodedSnapshot(now, decode(memory), semaphores);
    }

    static Value value(FieldType type, MemorySegment at) {
        return switch (type) {
            case FieldType.Scalar s -> scalar(s.kind(), at);
            case FieldType.Text t -> text(at, t.length());
            case FieldType.Bytes b -> {
                int shown = Math.min(b.length(), MAX_HEX_BYTES);
                yield new Value.Bytes(HEX.formatHex(at.asSlice(0, shown).toArray(ValueLayout.JAVA_BYTE)), b.length());
            }
            case FieldType.Array a -> {
                int shown = Math.min(a.count(), MAX_ARRAY_ELEMENTS);
                List<Value> elements = new ArrayList<>(shown);
                long step = a.element().sizeBytes();
                for (int i = 0; i < shown; i++) {
                    elements.add(value(a.element(), at.asSlice(i * step, step)));
                }
                yield new Value.Array(elements, a.count());
            }
            case FieldType.Struct s -> throw new IllegalArgumentException("structs are flattened before decoding");
        };
    }

    private static Value scalar(ScalarKind kind, MemorySegment at) {
        return switch (kind) {
            case INT8 -> new Value.Int(at.get(ValueLayout.JAVA_BYTE, 0), kind);
            case UINT8 -> new Value.Int(at.get(ValueLayout.JAVA_BYTE, 0) & 0xffL, kind);
            case INT16 -> new Value.Int(at.get(ValueLayout.JAVA_SHORT_UNALIGNED, 0), kind);
            case UINT16 -> new Value.Int(at.get(ValueLayout.JAVA_SHORT_UNALIGNED, 0) & 0xffffL, kind);
            case INT32 -> new Value.Int(at.get(ValueLayout.JAVA_INT_UNALIGNED, 0), kind);
            case UINT32 -> new Value.Int(at.get(ValueLayout.JAVA_INT_UNALIGNED, 0) & 0xffff_ffffL, kind);
            case INT64, UINT64 -> new Value.Int(at.get(ValueLayout.JAVA_LONG_UNALIGNED, 0), kind);
            case FLOAT -> new Value.Real(at.get(ValueLayout.JAVA_FLOAT_UNALIGNED, 0), kind);
            case DOUBLE -> new Value.Real(at.get(ValueLayout.JAVA_DOUBLE_UNALIGNED, 0), kind);
        };
    }

    /** Text up to the first NUL, decoded as UTF-8 (bytes that are not become U+FFFD). */
    private static Value text(MemorySegment at, int lengthBytes) {
        int kept = Math.min(lengthBytes, MAX_TEXT_BYTES);
        int n = 0;
        while (n < kept && at.get(ValueLayout.JAVA_BYTE, n) != 0) {
            n++;
        }
        boolean truncated = n == kept && kept < lengthBytes && at.get(ValueLayout.JAVA_BYTE, kept) != 0;
        return new Value.Text(new String(at.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8), truncated);
    }

    private static int digest(MemorySegment at) {
        CRC32C crc = new CRC32C();
        crc.update(at.asByteBuffer());
        return (int) crc.getValue();
    }
}
