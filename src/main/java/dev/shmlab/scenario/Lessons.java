package dev.shmlab.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shmlab.InvalidInputException;
import dev.shmlab.ShmlabException;
import dev.shmlab.config.ConfigDirectory;
import dev.shmlab.scenario.InvalidLessonException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The lesson presets: the ones shipped with shmlab (class-path directory {@code lessons/}, in the
 * order of its {@code index.txt}) followed by a teacher's own ({@code *.json} in
 * {@link #defaultDirectory()}, by file name). A teacher's lesson with the name of a shipped one
 * replaces it in place. Each file is checked against the {@link Catalog} as it is read; one that
 * fails is kept as a {@link #problems() problem} with a message naming the file and what is wrong,
 * and the others stay usable.
 *
 * <p>A lesson file is a JSON object:
 * <pre>
 * {"title": "Three clients and one semaphore",      required
 *  "scenario": "round-robin",                        required, a name from 'shmlab scenarios'
 *  "parameters": {"clients": 3, "messages": 5},      optional, as on the command line without "--"
 *  "pace": "300ms",                                  optional, delay per step (default 0: full speed)
 *  "startPaused": false,                             optional, the window starts it paused for stepping
 *  "narrative": "Seed 004: three clients ...",       required, a paragraph for the class
 *  "comment": "..."}                                 optional, ignored: notes for whoever edits the file
 * </pre>
 */
public final class Lessons {
    /** Where the shipped lessons are on the class path. */
    public static final String RESOURCE_DIRECTORY = "lessons";
    /** The shipped lessons' file names (without {@code .json}) in teaching order, one per line; {@code #} starts a comment. */
    public static final String INDEX = "index.txt";
    static final String CLASSPATH_PREFIX = "classpath:";
    private static final Set<String> FIELDS = Set.of("title", "scenario", "parameters", "pace", "startPaused", "narrative", "comment");
    private static final ParamSpec PACE = ParamSpec.durationMs("pace", 0, 0, 60_000, "delay per step");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> byName;

    private Lessons(Map<String, Object> byName) {
        this.byName = byName;
    }

    /** The shipped lessons and those in this user's {@link #defaultDirectory()}. */
    public static Lessons load() {
        return load(defaultDirectory());
    }

    /** The shipped lessons and those in {@code directory} (which need not exist). */
    public static Lessons load(Path directory) {
        Map<String, Object> entries = new LinkedHashMap<>();
        for (String name : shippedNames()) {
            entries.put(name, read(name, CLASSPATH_PREFIX + resource(name), () -> shippedText(name)));
        }
        for (Path file : files(directory)) {
            String name = file.getFileName().toString().replaceFirst("\\.json$", "");
            entries.put(name, read(name, file.toString(), () -> Files.readString(file, StandardCharsets.UTF_8)));
        }
        return new Lessons(entries);
    }

    /** Only the lessons shipped with shmlab. */
    public static Lessons shipped() {
        return load(null);
    }

    /** {@code lessons/} in this user's {@link ConfigDirectory}: {@code ~/.config/shmlab/lessons}. */
    public static Path defaultDirectory() {
        return ConfigDirectory.current().resolve("lessons");
    }

    /** Every usable lesson, shipped ones first in teaching order. */
    public List<Lesson> all() {
        return byName.values().stream().filter(Lesson.class::isInstance).map(Lesson.class::cast).toList();
    }

    /** The lesson files that could not be used, each saying which file and why. */
    public List<InvalidLessonException> problems() {
        return byName.values().stream().filter(InvalidLessonException.class::isInstance).map(InvalidLessonException.class::cast).toList();
    }

    /**
     * The lesson with this name; its problem when the file is not usable; otherwise an
     * {@link InvalidInputException} listing the names there are.
     */
    public Lesson byName(String name) {
        Object entry = byName.get(name);
        if (entry instanceof Lesson lesson) {
            return lesson;
        }
        if (entry instanceof InvalidLessonException problem) {
            throw problem;
        }
        throw new InvalidInputException("no lesson named \"" + name + "\"; choose one of "
                + String.join(", ", all().stream().map(Lesson::name).toList()) + " (see 'shmlab lessons')");
    }

    /**
     * Copies the shipped lesson files into {@code directory} for a teacher to edit, leaving files
     * already there untouched. Returns the files written.
     */
    public static List<Path> copyShipped(Path directory) {
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(directory);
            for (String name : shippedNames()) {
                Path file = directory.resolve(name + ".json");
                if (!Files.exists(file)) {
                    Files.writeString(file, shippedText(name), StandardCharsets.UTF_8);
                    written.add(file);
                }
            }
        } catch (IOException e) {
            throw new ShmlabException("cannot copy the lessons to " + directory + ": " + e.getMessage(), e);
        }
        return written;
    }

    /** Reads and checks one lesson from JSON text; {@code source} names where it came from in messages. */
    public static Lesson parse(String name, String source, String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidLessonException(name, source, Reason.UNREADABLE, "", "not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidLessonException(name, source, Reason.UNREADABLE, "", "not a JSON object");
        }
        Fields f = new Fields(name, source, root);
        f.checkKnown();
        String scenarioName = f.text("scenario", true);
        Scenario scenario = Catalog.all().stream().filter(s -> s.name().equals(scenarioName)).findFirst()
                .orElseThrow(() -> new InvalidLessonException(name, source, Reason.UNKNOWN_SCENARIO, scenarioName,
                        "unknown scenario \"" + scenarioName + "\"; choose one of "
                                + String.join(", ", Catalog.all().stream().map(Scenario::name).toList())));
        Map<String, String> parameters = f.parameters();
        ScenarioParams params;
        try {
            params = ScenarioParams.of(scenario.parameters(), parameters, scenario.name());
            scenario.plan(params);
        } catch (InvalidInputException e) {
            throw new InvalidLessonException(name, source, Reason.BAD_PARAMETER, scenarioName, e.getMessage());
        }
        return new Lesson(name, f.text("title", true), scenario, parameters, params, f.pace(), f.bool("startPaused"),
                f.text("narrative", true), source);
    }

    /** Reads a lesson, turning whatever goes wrong into its problem. */
    private static Object read(String name, String source, TextSource text) {
        try {
            return parse(name, source, text.read());
        } catch (InvalidLessonException e) {
            return e;
        } catch (IOException | UncheckedIOException e) {
            return new InvalidLessonException(name, source, Reason.UNREADABLE, "", "cannot read it: " + e.getMessage());
        }
    }

    @FunctionalInterface
    private interface TextSource {
        String read() throws IOException;
    }

    private static String resource(String name) {
        return RESOURCE_DIRECTORY + "/" + name + ".json";
    }

    private static List<String> shippedNames() {
        String index;
        try (InputStream in = Lessons.class.getClassLoader().getResourceAsStream(RESOURCE_DIRECTORY + "/" + INDEX)) {
            if (in == null) {
                throw new ShmlabException("the shipped lessons are missing: no " + RESOURCE_DIRECTORY + "/" + INDEX + " on the class path");
            }
            index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the index of the shipped lessons", e);
        }
        return index.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static String shippedText(String name) throws IOException {
        try (InputStream in = Lessons.class.getClassLoader().getResourceAsStream(resource(name))) {
            if (in == null) {
                throw new IOException("it is listed in " + INDEX + " but missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<Path> files(Path directory) {
        if (directory == null || !Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(directory)) {
            return list.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new ShmlabException("cannot list the lessons in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** The fields of one lesson object, each read with a message naming the file when it is wrong. */
    private record Fields(String name, String source, JsonNode root) {
        void checkKnown() {
            root.fieldNames().forEachRemaining(field -> {
                if (!FIELDS.contains(field)) {
                    throw bad("unknown field \"" + field + "\"; a lesson has " + String.join(", ", FIELDS.stream().sorted().toList()));
                }
            });
        }

        String text(String field, boolean required) {
            JsonNode node = root.get(field);
            if (node == null || node.isNull()) {
                if (required) {
                    throw bad("the field \"" + field + "\" is missing");
                }
                return "";
            }
            if (!node.isTextual() || node.asText().isBlank()) {
                throw bad("\"" + field + "\" must be a non-empty string");
            }
            return node.asText().strip();
        }

        boolean bool(String field) {
            JsonNode node = root.get(field);
            if (node == null || node.isNull()) {
                return false;
            }
            if (!node.isBoolean()) {
                throw bad("\"" + field + "\" must be true or false");
            }
            return node.asBoolean();
        }

        Duration pace() {
            JsonNode node = root.get("pace");
            if (node == null || node.isNull()) {
                return Duration.ZERO;
            }
            if (!node.isTextual() && !node.canConvertToLong()) {
                throw bad("\"pace\" must be a duration such as \"300ms\" or \"1s\"");
            }
            try {
                return Duration.ofMillis((long) PACE.parse(node.asText()));
            } catch (InvalidInputException e) {
                throw bad("\"pace\" must be " + PACE.allowed() + " (got \"" + node.asText() + "\")");
            }
        }

        Map<String, String> parameters() {
            Map<String, String> out = new LinkedHashMap<>();
            JsonNode node = root.get("parameters");
            if (node == null || node.isNull()) {
                return out;
            }
            if (!node.isObject()) {
                throw bad("\"parameters\" must be an object such as {\"clients\": 3}");
            }
            node.properties().forEach(e -> {
                if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                    throw bad("parameter \"" + e.getKey() + "\" must be a string, number or boolean");
                }
                out.put(e.getKey(), e.getValue().asText());
            });
            return out;
        }

        private InvalidLessonException bad(String detail) {
            return new InvalidLessonException(name, source, Reason.BAD_FIELD, "", detail);
        }
    }
}
