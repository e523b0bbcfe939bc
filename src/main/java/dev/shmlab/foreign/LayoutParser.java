package dev.shmlab.foreign;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.shmlab.InvalidInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns layout JSON into a {@link LayoutDescription}: Jackson reads the file into plain records
 * (which reports syntax errors and unknown keys with line and column), then this class places the
 * fields by C's rules and checks them, failing on the first problem with a message naming the field.
 */
final class LayoutParser {
    /** Fields at most, once arrays of structs are expanded: a layout is for reading, not for a heap dump. */
    static final int MAX_FIELDS = 4096;
    /** The largest struct or offset accepted: 1 TiB, far beyond any segment, small enough never to overflow. */
    static final long MAX_SIZE_BYTES = 1L << 40;

    private static final ObjectReader READER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build()
            .readerFor(Doc.class);
    private static final Pattern TYPE = Pattern.compile("([A-Za-z_][A-Za-z0-9_ ]*?)\\s*((?:\\[\\s*\\d+\\s*\\])*)");
    private static final Pattern DIMENSION = Pattern.compile("\\[\\s*(\\d+)\\s*\\]");

    record Doc(String name, String description, LocationJson segment, List<FieldJson> fields, List<SemaphoreJson> semaphores, Long size) {
    }

    record FieldJson(String name, String type, Long offset, String role, List<FieldJson> fields) {
    }

    record LocationJson(String posix, String sysvKey, FtokJson ftok, String file) {
    }

    record FtokJson(String path, Integer id) {
    }

    record SemaphoreJson(String label, String posix, String sysvKey, FtokJson ftok, Integer index) {
    }

    private final String source;

    LayoutParser(String source) {
        this.source = source;
    }

    LayoutDescription parse(String json) {
        Doc doc;
        try {
            doc = READER.readValue(json);
        } catch (JsonProcessingException e) {
            throw error(jsonProblem(e));
        }
        if (doc == null) {
            throw error("the file holds null, not a layout object");
        }
        try {
            return build(doc);
        } catch (InvalidInputException e) {
            throw e.getMessage().startsWith("layout ") ? e : error(e.getMessage());
        }
    }

    private LayoutDescription build(Doc doc) {
        if (doc.fields() == null || doc.fields().isEmpty()) {
            throw error("no fields: give \"fields\": [{\"name\": \"count\", \"type\": \"int32\"}, ...]");
        }
        FieldType.Struct struct = placeStruct(doc.fields(), "");
        List<PlacedField> fields = new ArrayList<>();
        flatten(struct, "", 0, fields);
        checkRoles(fields);
        long end = fields.stream().mapToLong(PlacedField::endOffset).max().orElse(0);
        long size = struct.sizeBytes();
        if (doc.size() != null) {
            PlacedField last = fields.stream().max(Comparator.comparingLong(PlacedField::endOffset)).orElseThrow();
            if (doc.size() < end) {
                throw error("\"size\" " + doc.size() + " is smaller than its fields: field " + last.describe() + " ends at byte " + end);
            }
            if (doc.size() > MAX_SIZE_BYTES) {
                throw error("\"size\" " + doc.size() + " is larger than " + MAX_SIZE_BYTES + " bytes");
            }
            size = doc.size();
        }
        String name = doc.name() != null && !doc.name().isBlank() ? doc.name() : defaultName();
        return new LayoutDescription(name, source, Objects.requireNonNullElse(doc.description(), ""), location(doc.segment()), struct,
                fields, semaphores(doc.semaphores()), size, doc.size() != null);
    }

    // ---- placement

    private FieldType.Struct placeStruct(List<FieldJson> declared, String prefix) {
        if (declared == null || declared.isEmpty()) {
            throw error("field \"" + prefix + "\": a struct needs \"fields\": [...]");
        }
        List<FieldType.Member> members = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        long cursor = 0;
        int alignment = 1;
        for (int i = 0; i < declared.size(); i++) {
            FieldJson f = declared.get(i);
            if (f == null) {
                throw error("field #" + (i + 1) + (prefix.isEmpty() ? "" : " of \"" + prefix + "\"") + " is null, not an object");
            }
            String name = checkName(f.name(), i, prefix);
            String path = prefix.isEmpty() ? name : prefix + "." + name;
            if (seen.put(name, path) != null) {
                throw error("field \"" + path + "\" is declared twice; every field needs its own name");
            }
            FieldType type = type(f, path);
            FieldRole role = role(f, path, type);
            long offset = offset(f, path, cursor, type);
            members.add(new FieldType.Member(name, type, offset, role));
            cursor = offset + type.sizeBytes();
            alignment = Math.max(alignment, type.alignment());
        }
        checkOverlaps(members, prefix);
        long end = members.stream().mapToLong(FieldType.Member::endOffset).max().orElse(0);
        return new FieldType.Struct(members, align(end, alignment), alignment);
    }

    private String checkName(String name, int index, String prefix) {
        String where = "field #" + (index + 1) + (prefix.isEmpty() ? "" : " of \"" + prefix + "\"");
        if (name == null || name.isBlank()) {
            throw error(where + " has no \"name\"");
        }
        if (name.chars().anyMatch(c -> c == '.' || c == '[' || c == ']' || Character.isISOControl(c))) {
            throw error(where + ": the name \"" + name + "\" may not contain '.', '[', ']' or control characters");
        }
        return name;
    }

    private long offset(FieldJson f, String path, long cursor, FieldType type) {
        if (f.offset() == null) {
            return align(cursor, type.alignment());
        }
        if (f.offset() < 0 || f.offset() > MAX_SIZE_BYTES) {
            throw error("field \"" + path + "\": offset " + f.offset() + " is out of range (0 to " + MAX_SIZE_BYTES + ")");
        }
        return f.offset();
    }

    /** Two members overlap when one starts before another, earlier-placed one ends; the later-declared one is named first. */
    private void checkOverlaps(List<FieldType.Member> members, String prefix) {
        List<FieldType.Member> byOffset = members.stream().sorted(Comparator.comparingLong(FieldType.Member::offset)).toList();
        FieldType.Member furthest = null;
        for (FieldType.Member m : byOffset) {
            if (furthest != null && m.offset() < furthest.endOffset()) {
                boolean mLater = members.indexOf(m) > members.indexOf(furthest);
                FieldType.Member named = mLater ? m : furthest;
                FieldType.Member other = mLater ? furthest : m;
                throw error("field " + describe(prefix, named) + " overlaps field " + describe(prefix, other) + ", bytes "
                        + other.offset() + ".." + (other.endOffset() - 1));
            }
            if (furthest == null || m.endOffset() > furthest.endOffset()) {
                furthest = m;
            }
        }
    }

    private static String describe(String prefix, FieldType.Member m) {
        return "\"" + (prefix.isEmpty() ? "" : prefix + ".") + m.name() + "\" (" + m.type().typeName() + " at offset " + m.offset() + ")";
    }

    // ---- types and roles

    private FieldType type(FieldJson f, String path) {
        String text = f.type() != null ? f.type().trim() : f.fields() != null ? "struct" : null;
        if (text == null) {
            throw error("field \"" + path + "\" has no \"type\" (for example \"int32\", \"uint16\", \"char[64]\")");
        }
        Matcher m = TYPE.matcher(text);
        if (!m.matches()) {
            throw unknownType(path, text);
        }
        String base = m.group(1).trim().replaceAll("\\s+", " ");
        List<Integer> dims = dimensions(m.group(2), path, text);
        if (!base.equals("struct") && f.fields() != null) {
            throw error("field \"" + path + "\" has \"fields\" but its type is " + text + "; a nested struct has \"type\": \"struct\"");
        }
        FieldType element = switch (base) {
            case "struct" -> placeStruct(f.fields(), path);
            case "char" -> new FieldType.Text(dims.isEmpty() ? 1 : dims.removeLast());
            case "bytes" -> {
                if (dims.isEmpty()) {
                    throw error("field \"" + path + "\": bytes needs a length, as in bytes[16]");
                }
                yield new FieldType.Bytes(dims.removeLast());
            }
            default -> new FieldType.Scalar(ScalarKind.byName(base).orElseThrow(() -> unknownType(path, text)));
        };
        for (int i = dims.size() - 1; i >= 0; i--) {
            if (element.sizeBytes() > MAX_SIZE_BYTES / dims.get(i)) {
                throw error("field \"" + path + "\": " + text + " is larger than " + MAX_SIZE_BYTES + " bytes");
            }
            element = new FieldType.Array(element, dims.get(i));
        }
        return element;
    }

    private List<Integer> dimensions(String text, String path, String type) {
        List<Integer> dims = new ArrayList<>();
        Matcher d = DIMENSION.matcher(text);
        while (d.find()) {
            int n;
            try {
                n = Integer.parseInt(d.group(1));
            } catch (NumberFormatException e) {
                throw error("field \"" + path + "\": the length " + d.group(1) + " in " + type + " is too large");
            }
            if (n < 1) {
                throw error("field \"" + path + "\": the length in " + type + " must be 1 or more");
            }
            dims.add(n);
        }
        return dims;
    }

    private InvalidInputException unknownType(String path, String text) {
        String canonical = Stream.of(ScalarKind.values()).map(ScalarKind::typeName).collect(Collectors.joining(", "));
        return error("field \"" + path + "\": unknown type \"" + text + "\"; use " + canonical
                + ", char[N], bytes[N], struct or an array such as int32[4] (C spellings such as int, unsigned short, size_t work too)");
    }

    private FieldRole role(FieldJson f, String path, FieldType type) {
        if (f.role() == null) {
            return null;
        }
        FieldRole role = FieldRole.byName(f.role().trim())
                .orElseThrow(() -> error("field \"" + path + "\": unknown role \"" + f.role() + "\"; use one of " + FieldRole.knownNames()));
        boolean fits = switch (role) {
            case SEQUENCE, SOURCE, DESTINATION -> type instanceof FieldType.Scalar s && !s.kind().isFloating();
            case TEXT -> type instanceof FieldType.Text || type instanceof FieldType.Bytes;
        };
        if (!fits) {
            throw error("field \"" + path + "\": role " + role.roleName() + " needs "
                    + (role == FieldRole.TEXT ? "char[N] or bytes[N]" : "an integer type such as int32 or uint16") + ", not " + type.typeName());
        }
        return role;
    }

    private void checkRoles(List<PlacedField> fields) {
        Map<FieldRole, PlacedField> holders = new EnumMap<>(FieldRole.class);
        for (PlacedField f : fields) {
            if (f.role() != null) {
                PlacedField before = holders.put(f.role(), f);
                if (before != null) {
                    throw error("role " + f.role().roleName() + " is given to both \"" + before.path() + "\" and \"" + f.path()
                            + "\"; each role belongs to one field");
                }
            }
        }
        boolean source = holders.containsKey(FieldRole.SOURCE);
        boolean destination = holders.containsKey(FieldRole.DESTINATION);
        if (source != destination) {
            PlacedField lone = holders.get(source ? FieldRole.SOURCE : FieldRole.DESTINATION);
            throw error("field \"" + lone.path() + "\" has role " + lone.role().roleName() + ", but no field has role "
                    + (source ? "destination" : "source") + "; a hop needs both");
        }
    }

    // ---- flattening

    private void flatten(FieldType.Struct struct, String prefix, long base, List<PlacedField> out) {
        for (FieldType.Member m : struct.members()) {
            flattenType(m.type(), prefix + m.name(), base + m.offset(), m.role(), out);
        }
    }

    private void flattenType(FieldType type, String path, long offset, FieldRole role, List<PlacedField> out) {
        if (type instanceof FieldType.Struct s) {
            flatten(s, path + ".", offset, out);
        } else if (type instanceof FieldType.Array a && holdsStruct(a)) {
            if (a.count() > MAX_FIELDS) {
                throw tooManyFields(path);
            }
            for (int i = 0; i < a.count(); i++) {
                flattenType(a.element(), path + "[" + i + "]", offset + i * a.element().sizeBytes(), role, out);
            }
        } else {
            out.add(new PlacedField(path, type, offset, role));
            if (out.size() > MAX_FIELDS) {
                throw tooManyFields(path);
            }
        }
    }

    private static boolean holdsStruct(FieldType.Array a) {
        return a.element() instanceof FieldType.Struct || a.element() instanceof FieldType.Array inner && holdsStruct(inner);
    }

    private InvalidInputException tooManyFields(String path) {
        return error("more than " + MAX_FIELDS + " fields once arrays of structs are expanded (at \"" + path + "\"); describe fewer elements");
    }

    // ---- where

    private SegmentLocation location(LocationJson s) {
        if (s == null) {
            return null;
        }
        long given = Stream.of(s.posix(), s.sysvKey(), s.ftok(), s.file()).filter(Objects::nonNull).count();
        if (given != 1) {
            throw error("\"segment\": give exactly one of \"posix\", \"sysvKey\", \"ftok\" or \"file\" (got " + given + ")");
        }
        if (s.ftok() != null) {
            return ftok(s.ftok(), "\"segment\"");
        }
        return checked("\"segment\"", () -> s.posix() != null ? new SegmentLocation.Posix(s.posix())
                : s.sysvKey() != null ? new SegmentLocation.SysVKey(SegmentLocation.parseKey(s.sysvKey(), "\"sysvKey\""))
                : new SegmentLocation.MappedFile(Path.of(s.file())));
    }

    /** Runs a check that throws plain input errors and names where in the layout it failed. */
    private <T> T checked(String where, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidInputException | java.nio.file.InvalidPathException e) {
            throw error(where + ": " + e.getMessage());
        }
    }

    private SegmentLocation.Ftok ftok(FtokJson f, String where) {
        if (f.path() == null || f.path().isEmpty() || f.id() == null) {
            throw error(where + ": \"ftok\" needs a \"path\" and an \"id\", as in {\"path\": \"MemDispatch\", \"id\": 65}");
        }
        return checked(where, () -> new SegmentLocation.Ftok(Path.of(f.path()), f.id()));
    }

    private List<SemaphoreSpec> semaphores(List<SemaphoreJson> declared) {
        List<SemaphoreSpec> out = new ArrayList<>();
        if (declared == null) {
            return out;
        }
        for (int i = 0; i < declared.size(); i++) {
            SemaphoreJson s = declared.get(i);
            if (s == null) {
                throw error("semaphore #" + (i + 1) + " is null, not an object");
            }
            String label = s.label() != null && !s.label().isBlank() ? s.label()
                    : s.posix() != null ? s.posix().substring(s.posix().startsWith("/") ? 1 : 0) : "semaphore " + (i + 1);
            String where = "semaphore \"" + label + "\"";
            long given = Stream.of(s.posix(), s.sysvKey(), s.ftok()).filter(Objects::nonNull).count();
            if (given != 1) {
                throw error(where + ": give exactly one of \"posix\", \"sysvKey\" or \"ftok\" (got " + given + ")");
            }
            if (out.stream().anyMatch(o -> o.label().equals(label))) {
                throw error(where + " is declared twice; give each semaphore its own \"label\"");
            }
            if (s.posix() != null && s.index() != null) {
                throw error(where + ": \"index\" is for a System V semaphore set, not a POSIX named semaphore");
            }
            int index = s.index() == null ? 0 : s.index();
            SegmentLocation key = s.ftok() != null ? ftok(s.ftok(), where)
                    : s.sysvKey() != null ? checked(where, () -> new SegmentLocation.SysVKey(SegmentLocation.parseKey(s.sysvKey(), "\"sysvKey\"")))
                    : null;
            out.add(checked(where, () -> key == null ? new SemaphoreSpec.Named(label, s.posix()) : new SemaphoreSpec.SysV(label, key, index)));
        }
        return out;
    }

    // ---- messages

    private String defaultName() {
        String file = Path.of(source).getFileName().toString();
        return file.endsWith(".json") ? file.substring(0, file.length() - 5) : file;
    }

    private InvalidInputException error(String problem) {
        return new InvalidInputException("layout " + source + ": " + problem);
    }

    /** One line for a JSON problem: where it is (line, column) and what is wrong, in the file's words. */
    private static String jsonProblem(JsonProcessingException thrown) {
        // Data binding wraps a syntax error met half-way through an object; the syntax error is the news.
        JsonProcessingException e = thrown instanceof JsonMappingException && thrown.getCause() instanceof StreamReadException syntax
                ? syntax : thrown;
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 1 ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
        String what = switch (e) {
            case UnrecognizedPropertyException u -> "unknown key \"" + u.getPropertyName() + "\" in " + objectName(u.getReferringClass())
                    + " (known keys: " + u.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ")";
            case MismatchedInputException m when m.getPath().isEmpty() && firstLine(m.getOriginalMessage()).startsWith("No content") ->
                    "the file is empty; a layout is a JSON object with \"fields\"";
            case MismatchedInputException m when m.getPath().isEmpty() -> "the file must hold one JSON object {...} with \"fields\"";
            case MismatchedInputException m -> "\"" + jsonPath(m) + "\" must be " + expected(m.getTargetType());
            case StreamReadException r -> "malformed JSON: " + firstLine(r.getOriginalMessage());
            default -> firstLine(e.getOriginalMessage());
        };
        return where + what;
    }

    private static String jsonPath(JsonMappingException m) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getFieldName() != null) {
                b.append(b.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another kind";
        }
        if (type == Long.class || type == Integer.class) {
            return "a whole number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list [...]";
        }
        return "an object {...} (" + objectName(type) + ")";
    }

    private static String objectName(Class<?> type) {
        if (type == FieldJson.class) {
            return "a field";
        }
        if (type == SemaphoreJson.class) {
            return "a semaphore";
        }
        if (type == LocationJson.class) {
            return "\"segment\"";
        }
        if (type == FtokJson.class) {
            return "\"ftok\"";
        }
        return "the layout";
    }

    /** The first line of Jackson's message, without the source description it puts inside locations. */
    private static String firstLine(String text) {
        String line = text == null ? "" : text.lines().findFirst().orElse("").strip();
        return line.replaceAll("\\[Source: .*?; (line: \\d+, column: \\d+)\\]", "$1");
    }

    private static long align(long value, long alignment) {
        return (value + alignment - 1) / alignment * alignment;
    }
}
