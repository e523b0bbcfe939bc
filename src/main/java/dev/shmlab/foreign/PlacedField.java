package dev.shmlab.foreign;

/**
 * A field the decoder reads: nested structs are flattened into dotted paths ({@code hdr.seq},
 * {@code items[2].x}); {@code offset} counts from the start of the segment; {@code role} may be null.
 * The type is never a struct (arrays of scalars, text or bytes stay one field).
 */
public record PlacedField(String path, FieldType type, long offset, FieldRole role) {
    public long sizeBytes() {
        return type.sizeBytes();
    }

    public long endOffset() {
        return offset + type.sizeBytes();
    }

    /** The field as a reader would recognise it: {@code "message" (char[1024] at offset 8)}. */
    public String describe() {
        return "\"" + path + "\" (" + type.typeName() + " at offset " + offset + ")";
    }
}
