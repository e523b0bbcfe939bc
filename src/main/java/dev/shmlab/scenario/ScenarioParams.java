package dev.shmlab.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.shmlab.InvalidInputException;
import dev.shmlab.ShmlabException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario's checked parameter values, every one present (defaults filled in). Stored in the
 * lab segment as a flat JSON object so that participants and observers read the same values.
 * Read and written with Jackson's streaming parser: a participant reads them while it starts, and
 * the data-binding layer would add a few hundred milliseconds to every start.
 */
public final class ScenarioParams {

    private final Map<String, Object> values;

    private ScenarioParams(Map<String, Object> values) {
        this.values = values;
    }

    /** Checks the given text values against the specs and fills in defaults. Unknown names are rejected. */
    public static ScenarioParams of(List<ParamSpec> specs, Map<String, String> given, String scenario) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String name : given.keySet()) {
            if (specs.stream().noneMatch(s -> s.name().equals(name))) {
                throw new InvalidInputException("--" + name + ": not a parameter of " + scenario + "; it takes "
                        + String.join(", ", specs.stream().map(s -> "--" + s.name()).toList()));
            }
        }
        for (ParamSpec spec : specs) {
            String text = given.get(spec.name());
            values.put(spec.name(), text == null ? spec.check(spec.defaultValue()) : spec.parse(text));
        }
        return new ScenarioParams(values);
    }

    /**
     * Reads parameters back from the flat JSON object a lab segment holds: names mapped to whole
     * numbers, booleans or strings, exactly what {@link #toJson} writes. Read by hand rather than
     * with Jackson because every participant does this while it starts, and Jackson's parser costs
     * a fresh JVM about 60 ms there (its number handling initialises {@code BigDecimal}, whose
     * static tables alone take 30 ms interpreted): a quarter of a participant's start.
     */
    public static ScenarioParams fromJson(String json) {
        return new ScenarioParams(new FlatObject(json).read());
    }

    public String toJson() {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JsonWriting.FACTORY.createGenerator(out)) {
            g.writeStartObject();
            for (Map.Entry<String, Object> e : values.entrySet()) {
                switch (e.getValue()) {
                    case Long l -> g.writeNumberField(e.getKey(), l);
                    case Boolean b -> g.writeBooleanField(e.getKey(), b);
                    default -> g.writeStringField(e.getKey(), String.valueOf(e.getValue()));
                }
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public long getLong(String name) {
        return ((Number) require(name)).longValue();
    }

    public int getInt(String name) {
        return Math.toIntExact(getLong(name));
    }

    public String getString(String name) {
        return String.valueOf(require(name));
    }

    public boolean getBoolean(String name) {
        return (Boolean) require(name);
    }

    /** Every value, in spec order. */
    public Map<String, Object> values() {
        return java.util.Collections.unmodifiableMap(values);
    }

    private Object require(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no parameter named " + name);
        }
        return v;
    }

    @Override
    public String toString() {
        return toJson();
    }

    /** Made on first write only: a participant only reads. */
    private static final class JsonWriting {
        static final JsonFactory FACTORY = new JsonFactory();
    }

    /** A reader of one flat JSON object: {@code {"name": 12, "flag": true, "text": "..."}}. */
    private static final class FlatObject {
        private final String text;
        private int at;

        FlatObject(String text) {
            this.text = text;
        }

        Map<String, Object> read() {
            Map<String, Object> values = new LinkedHashMap<>();
            expect('{', "the segment's parameters are not a JSON object");
            if (peek() == '}') {
                at++;
            } else {
                do {
                    String name = string();
                    expect(':', "expected ':' after \"" + name + "\"");
                    values.put(name, value(name));
                } while (next() == ',');
                at--;
                expect('}', "expected ',' or '}'");
            }
            if (peek() != 0) {
                throw bad("text after the object");
            }
            return values;
        }

        private Object value(String name) {
            char c = peek();
            if (c == '"') {
                return string();
            }
            if (text.startsWith("true", at)) {
                at += 4;
                return Boolean.TRUE;
            }
            if (text.startsWith("false", at)) {
                at += 5;
                return Boolean.FALSE;
            }
            int start = at;
            if (c == '-') {
                at++;
            }
            while (at < text.length() && Character.isDigit(text.charAt(at))) {
                at++;
            }
            try {
                return Long.parseLong(text, start, at, 10);
            } catch (NumberFormatException e) {
                throw new ShmlabException("the segment's parameter " + name + " is not a whole number, string or boolean");
            }
        }

        private String string() {
            expect('"', "expected a quoted name");
            StringBuilder out = new StringBuilder();
            while (true) {
                if (at >= text.length()) {
                    throw bad("unterminated string");
                }
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = at < text.length() ? text.charAt(at++) : 0;
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (at + 4 > text.length()) {
                            throw bad("short \\u escape");
                        }
                        try {
                            out.append((char) Integer.parseInt(text, at, at + 4, 16));
                        } catch (NumberFormatException ex) {
                            throw bad("bad \\u escape");
                        }
                        at += 4;
                    }
                    default -> throw bad("bad escape \\" + e);
                }
            }
        }

        /** The next character that is not white space, without taking it; 0 at the end. */
        private char peek() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            return at < text.length() ? text.charAt(at) : 0;
        }

        private char next() {
            char c = peek();
            at++;
            return c;
        }

        private void expect(char c, String problem) {
            if (next() != c) {
                throw bad(problem);
            }
        }

        private ShmlabException bad(String problem) {
            return new ShmlabException("the segment's parameters are not valid JSON: " + problem + " at character " + at);
        }
    }
}
