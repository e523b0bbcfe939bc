package dev.shmlab.foreign;

import java.util.List;

/**
 * The C type of a field in a layout description, with its size and natural alignment on x86-64.
 * Arrays keep C's order: {@code int32[2][3]} is two arrays of three {@code int32}; in
 * {@code char[4][16]} the last dimension is the length of each of the four strings.
 */
public sealed interface FieldType {
    /** {@code sizeof} of the type, trailing padding included. */
    long sizeBytes();

    /** {@code _Alignof} of the type: what a field of this type is aligned to when no offset is given. */
    int alignment();

    /** The type as written in a layout file, canonical spelling: {@code uint16}, {@code char[1024]}, {@code int32[4]}. */
    String typeName();

    /** An integer or floating-point scalar. */
    record Scalar(ScalarKind kind) implements FieldType {
        @Override
        public long sizeBytes() {
            return kind.sizeBytes();
        }

        @Override
        public int alignment() {
            return kind.alignment();
        }

        @Override
        public String typeName() {
            return kind.typeName();
        }
    }

    /** {@code char[length]}: text up to the first NUL (or all of it when there is none). */
    record Text(int length) implements FieldType {
        @Override
        public long sizeBytes() {
            return length;
        }

        @Override
        public int alignment() {
            return 1;
        }

        @Override
        public String typeName() {
            return "char[" + length + "]";
        }
    }

    /** {@code bytes[length]}: raw bytes, shown in hex. */
    record Bytes(int length) implements FieldType {
        @Override
        public long sizeBytes() {
            return length;
        }

        @Override
        public int alignment() {
            return 1;
        }

        @Override
        public String typeName() {
            return "bytes[" + length + "]";
        }
    }

    /** {@code count} elements of one type, one after the other (an element's size already includes its padding). */
    record Array(FieldType element, int count) implements FieldType {
        @Override
        public long sizeBytes() {
            return element.sizeBytes() * count;
        }

        @Override
        public int alignment() {
            return element.alignment();
        }

        /** The dimension goes before the element's own: an array of {@code char[16]} is {@code char[4][16]}. */
        @Override
        public String typeName() {
            String inner = element.typeName();
            int bracket = inner.indexOf('[');
            return bracket < 0 ? inner + "[" + count + "]" : inner.substring(0, bracket) + "[" + count + "]" + inner.substring(bracket);
        }
    }

    /** A nested struct: its members already placed, its size padded to its largest member's alignment. */
    record Struct(List<Member> members, long sizeBytes, int alignment) implements FieldType {
        public Struct {
            members = List.copyOf(members);
        }

        @Override
        public String typeName() {
            return "struct";
        }
    }

    /** One field of a struct, placed: its offset is from the start of the struct that holds it. */
    record Member(String name, FieldType type, long offset, FieldRole role) {
        public long endOffset() {
            return offset + type.sizeBytes();
        }
    }
}
