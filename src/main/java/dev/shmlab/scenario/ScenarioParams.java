package dev.shmlab.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
    private static final JsonFactory JSON = new JsonFactory();

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

    /** Reads parameters back from the flat JSON object a lab segment holds. */
    public static ScenarioParams fromJson(String json) {
        Map<String, Object> values = new LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new ShmlabException("the segment's parameters are not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                values.put(name, switch (value) {
                    case VALUE_NUMBER_INT -> p.getLongValue();
                    case VALUE_TRUE, VALUE_FALSE -> p.getBooleanValue();
                    case VALUE_STRING -> p.getText();
                    default -> throw new ShmlabException("the segment's parameter " + name + " is not a number, string or boolean");
                });
            }
        } catch (IOException e) {
            throw new ShmlabException("the segment's parameters are not valid JSON: " + e.getMessage());
        }
        return new ScenarioParams(values);
    }

    public String toJson() {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
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
}
