package dev.shmlab.foreign;

/**
 * One field as read at one moment. {@code digest} (CRC32C of all its bytes) tells a change even in
 * the part of a long array or text that {@link #value()} does not keep.
 */
public record DecodedField(PlacedField field, Value value, int digest) {

    public String path() {
        return field.path();
    }

    public String typeName() {
        return field.type().typeName();
    }

    public long offset() {
        return field.offset();
    }

    /** The field's role, or null. */
    public FieldRole role() {
        return field.role();
    }

    /** The value as a table cell. */
    public String display() {
        return value.display();
    }

    /** The value of an integer field, for roles such as sequence, source and destination. */
    public long longValue() {
        if (value instanceof Value.Int i) {
            return i.bits();
        }
        throw new IllegalStateException("field " + field.describe() + " is not an integer");
    }

    /** Whether any byte of the field differs from an earlier reading of the same field. */
    public boolean changedFrom(DecodedField before) {
        return before == null || digest != before.digest || !value.equals(before.value);
    }
}
