package dev.shmlab.foreign;

import java.util.List;

/** One decoded value, immutable, with the text a table shows for it. */
public sealed interface Value {
    /** The value as a table cell: {@code 42}, {@code 3.5}, {@code "hello"}, {@code 41 42 43}, {@code [1, 2, 3]}. */
    String display();

    /** An integer; {@code bits} holds uint64 values above {@link Long#MAX_VALUE} as their two's-complement bits. */
    record Int(long bits, ScalarKind kind) implements Value {
        @Override
        public String display() {
            return kind == ScalarKind.UINT64 ? Long.toUnsignedString(bits) : Long.toString(bits);
        }
    }

    /** A float or double. */
    record Real(double value, ScalarKind kind) implements Value {
        @Override
        public String display() {
            return kind == ScalarKind.FLOAT ? Float.toString((float) value) : Double.toString(value);
        }
    }

    /** Text up to the first NUL; {@code truncated} when more bytes followed than the decoder keeps. */
    record Text(String text, boolean truncated) implements Value {
        @Override
        public String display() {
            StringBuilder b = new StringBuilder("\"");
            text.codePoints().forEach(c -> {
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    default -> {
                        if (c < 0x20 || c == 0x7f) {
                            b.append(String.format("\\x%02x", c));
                        } else {
                            b.appendCodePoint(c);
                        }
                    }
                }
            });
            return b.append(truncated ? "\"…" : "\"").toString();
        }
    }

    /** Raw bytes: the first ones in hex, and the length. */
    record Bytes(String hex, int lengthBytes) implements Value {
        @Override
        public String display() {
            int shown = hex.isEmpty() ? 0 : (hex.length() + 1) / 3;
            return shown < lengthBytes ? hex + " … (" + lengthBytes + " bytes)" : hex;
        }
    }

    /** The first elements of an array (all of them when it is short) and its length. */
    record Array(List<Value> elements, int count) implements Value {
        public Array {
            elements = List.copyOf(elements);
        }

        @Override
        public String display() {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < elements.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(elements.get(i).display());
            }
            if (elements.size() < count) {
                b.append(", … (").append(count - elements.size()).append(" more)");
            }
            return b.append(']').toString();
        }
    }
}
