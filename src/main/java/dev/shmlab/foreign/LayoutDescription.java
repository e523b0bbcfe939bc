package dev.shmlab.foreign;

import dev.shmlab.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A checked description of the struct another program keeps in a shared segment: its fields placed
 * by C's rules (or at explicit offsets), their roles, the semaphores to watch beside it and,
 * optionally, where the segment lives. Immutable; {@link #parse} rejects anything it could not
 * decode safely with one message that names the field (and, for JSON errors, line and column).
 *
 * <p>The file format (JSON, {@code //} comments allowed):
 *
 * <pre>
 * {
 *   "name": "seed004-memory",                         optional, defaults to the file name
 *   "description": "struct Memory of seed 004",        optional
 *   "segment": {"ftok": {"path": "MemDispatch", "id": 65}},   optional; or {"posix": "/myshm"},
 *                                                      {"sysvKey": "0x4101002a"}, {"file": "/path"}
 *   "semaphores": [{"label": "semName", "posix": "/semName"}],  optional; or {"sysvKey"|"ftok", "index"}
 *   "size": 1032,                                      optional: the struct's size, if more than its fields
 *   "fields": [
 *     {"name": "packet_no", "type": "int32", "role": "sequence"},
 *     {"name": "srcClientNo", "type": "uint16", "role": "source"},
 *     {"name": "destClientNo", "type": "uint16", "role": "destination"},
 *     {"name": "message", "type": "char[1024]", "role": "text", "offset": 8}
 *   ]
 * }
 * </pre>
 *
 * Types: {@code int8..int64}, {@code uint8..uint64}, {@code float}, {@code double} (and C spellings
 * such as {@code int}, {@code unsigned short}, {@code size_t}), {@code char[N]} (text),
 * {@code bytes[N]} (hex), arrays of any of them ({@code int32[4]}, {@code char[4][16]}), and
 * {@code "type": "struct"} with its own {@code "fields"} (or {@code struct[N]}).
 */
public final class LayoutDescription {
    /** The layouts shipped in {@code resources/layouts/}, by name. */
    public static final List<String> SHIPPED = List.of("seed000-shm_region", "seed001-handshake", "seed004-memory");

    private final String name;
    private final String source;
    private final String description;
    private final SegmentLocation segment;
    private final FieldType.Struct struct;
    private final List<PlacedField> fields;
    private final List<SemaphoreSpec> semaphores;
    private final long sizeBytes;
    private final boolean sizeDeclared;

    LayoutDescription(String name, String source, String description, SegmentLocation segment, FieldType.Struct struct,
                      List<PlacedField> fields, List<SemaphoreSpec> semaphores, long sizeBytes, boolean sizeDeclared) {
        this.name = name;
        this.source = source;
        this.description = description;
        this.segment = segment;
        this.struct = struct;
        this.fields = List.copyOf(fields);
        this.semaphores = List.copyOf(semaphores);
        this.sizeBytes = sizeBytes;
        this.sizeDeclared = sizeDeclared;
    }

    /** Parses and checks a layout; {@code source} names it in error messages (a file name). */
    public static LayoutDescription parse(String json, String source) {
        return new LayoutParser(source).parse(json);
    }

    /** Reads and checks a layout file. */
    public static LayoutDescription read(Path file) {
        String source = file.toString();
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), source);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("layout " + source + ": no such file");
        } catch (IOException e) {
            throw new InvalidInputException("layout " + source + ": cannot read it: " + e.getMessage());
        }
    }

    /** One of the {@link #SHIPPED} layouts. */
    public static LayoutDescription shipped(String name) {
        String bare = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        if (!SHIPPED.contains(bare)) {
            throw new InvalidInputException("layout " + name + ": not a shipped layout; the shipped ones are " + String.join(", ", SHIPPED));
        }
        try (InputStream in = LayoutDescription.class.getResourceAsStream("/layouts/" + bare + ".json")) {
            if (in == null) {
                throw new IllegalStateException("shipped layout " + bare + " is missing from the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), bare + ".json");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read shipped layout " + bare, e);
        }
    }

    /** A layout file, or, when no such file exists, a shipped layout of that name ({@code seed004-memory}). */
    public static LayoutDescription load(String fileOrShippedName) {
        Path file = Path.of(fileOrShippedName);
        if (Files.exists(file)) {
            return read(file);
        }
        String bare = fileOrShippedName.endsWith(".json") ? fileOrShippedName.substring(0, fileOrShippedName.length() - 5) : fileOrShippedName;
        if (SHIPPED.contains(bare)) {
            return shipped(bare);
        }
        throw new InvalidInputException("layout " + fileOrShippedName + ": no such file, and not a shipped layout ("
                + String.join(", ", SHIPPED) + ")");
    }

    /**
     * Checks that every field lies inside a segment of {@code segmentSizeBytes}; the error names the
     * field that ends furthest out.
     */
    public void checkFits(long segmentSizeBytes, String segmentDisplay) {
        if (extentBytes() <= segmentSizeBytes) {
            return;
        }
        PlacedField last = fields.stream().max(java.util.Comparator.comparingLong(PlacedField::endOffset)).orElseThrow();
        String what = sizeDeclared && sizeBytes > last.endOffset()
                ? "its \"size\" is " + sizeBytes + " bytes"
                : "field " + last.describe() + " ends at byte " + last.endOffset();
        throw new InvalidInputException("layout " + source + ": " + what + ", but " + segmentDisplay + " is only "
                + segmentSizeBytes + " bytes");
    }

    /** The same layout watching one more semaphore, or one of its semaphores (same label) found elsewhere. */
    public LayoutDescription withSemaphore(SemaphoreSpec spec) {
        List<SemaphoreSpec> changed = new ArrayList<>(semaphores);
        changed.removeIf(s -> s.label().equals(spec.label()));
        int at = indexOfLabel(spec.label());
        changed.add(at < 0 ? changed.size() : at, spec);
        return new LayoutDescription(name, source, description, segment, struct, fields, changed, sizeBytes, sizeDeclared);
    }

    private int indexOfLabel(String label) {
        for (int i = 0; i < semaphores.size(); i++) {
            if (semaphores.get(i).label().equals(label)) {
                return i;
            }
        }
        return -1;
    }

    /** The field at a path ({@code packet_no}, {@code hdr.seq}, {@code items[2].x}). */
    public Optional<PlacedField> field(String path) {
        return fields.stream().filter(f -> f.path().equals(path)).findFirst();
    }

    /** The field that has a role, if one has it. */
    public Optional<PlacedField> fieldWith(FieldRole role) {
        return fields.stream().filter(f -> f.role() == role).findFirst();
    }

    /** Whether the layout names a source and a destination field, so writes can be read as message hops. */
    public boolean derivesHops() {
        return fieldWith(FieldRole.SOURCE).isPresent() && fieldWith(FieldRole.DESTINATION).isPresent();
    }

    public String name() {
        return name;
    }

    /** What the layout was read from, as named in messages: a file path or {@code seed004-memory.json}. */
    public String source() {
        return source;
    }

    public String description() {
        return description;
    }

    /** Where the layout says the segment lives, if it says. */
    public Optional<SegmentLocation> segment() {
        return Optional.ofNullable(segment);
    }

    /** The struct as declared, members placed. */
    public FieldType.Struct struct() {
        return struct;
    }

    /** Every field the decoder reads, nested structs flattened, in declaration order. */
    public List<PlacedField> fields() {
        return fields;
    }

    public List<SemaphoreSpec> semaphores() {
        return semaphores;
    }

    /** {@code sizeof} the struct (its padded size), or the declared {@code "size"}. */
    public long sizeBytes() {
        return sizeBytes;
    }

    /** The bytes the segment must have: the furthest end of any field, or the declared {@code "size"}. */
    public long extentBytes() {
        long end = fields.stream().mapToLong(PlacedField::endOffset).max().orElse(0);
        return sizeDeclared ? Math.max(end, sizeBytes) : end;
    }

    @Override
    public String toString() {
        return "layout " + name + " (" + fields.size() + " fields, " + sizeBytes + " bytes)";
    }
}
