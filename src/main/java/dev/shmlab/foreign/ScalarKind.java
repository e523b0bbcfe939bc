package dev.shmlab.foreign;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The C scalar types a layout description may name, with their size (= natural alignment) on x86-64. */
public enum ScalarKind {
    INT8(1, true, false), INT16(2, true, false), INT32(4, true, false), INT64(8, true, false),
    UINT8(1, false, false), UINT16(2, false, false), UINT32(4, false, false), UINT64(8, false, false),
    FLOAT(4, true, true), DOUBLE(8, true, true);

    /** C spellings accepted for the canonical names, as a C programmer would copy them from a struct. */
    private static final Map<String, ScalarKind> ALIASES = aliases();

    private final int sizeBytes;
    private final boolean signed;
    private final boolean floating;

    ScalarKind(int sizeBytes, boolean signed, boolean floating) {
        this.sizeBytes = sizeBytes;
        this.signed = signed;
        this.floating = floating;
    }

    public int sizeBytes() {
        return sizeBytes;
    }

    /** Natural alignment: on x86-64 every scalar is aligned to its own size. */
    public int alignment() {
        return sizeBytes;
    }

    public boolean isSigned() {
        return signed;
    }

    public boolean isFloating() {
        return floating;
    }

    /** The canonical name used in layout files: {@code int32}, {@code uint16}, {@code double}. */
    public String typeName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind a name or C alias stands for ({@code int32}, {@code int}, {@code unsigned short}, {@code size_t}). */
    public static Optional<ScalarKind> byName(String name) {
        return Optional.ofNullable(ALIASES.get(name.trim().replaceAll("\\s+", " ")));
    }

    /** Every name {@link #byName} accepts, canonical ones first, for error messages. */
    public static String knownNames() {
        return String.join(", ", ALIASES.keySet());
    }

    private static Map<String, ScalarKind> aliases() {
        Map<String, ScalarKind> m = new LinkedHashMap<>();
        Arrays.stream(values()).forEach(k -> m.put(k.typeName(), k));
        m.put("int8_t", INT8);
        m.put("int16_t", INT16);
        m.put("int32_t", INT32);
        m.put("int64_t", INT64);
        m.put("uint8_t", UINT8);
        m.put("uint16_t", UINT16);
        m.put("uint32_t", UINT32);
        m.put("uint64_t", UINT64);
        m.put("signed char", INT8);
        m.put("unsigned char", UINT8);
        m.put("bool", UINT8);
        m.put("short", INT16);
        m.put("unsigned short", UINT16);
        m.put("int", INT32);
        m.put("unsigned", UINT32);
        m.put("unsigned int", UINT32);
        m.put("long", INT64);
        m.put("unsigned long", UINT64);
        m.put("long long", INT64);
        m.put("unsigned long long", UINT64);
        m.put("size_t", UINT64);
        m.put("ssize_t", INT64);
        m.put("pid_t", INT32);
        return m;
    }
}
