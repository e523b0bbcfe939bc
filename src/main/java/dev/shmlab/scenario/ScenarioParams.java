package dev.shmlab.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shmlab.InvalidInputException;
import dev.shmlab.ShmlabException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario's checked parameter values, every one present (defaults filled in). Stored in the
 * lab segment as JSON so that participants and observers read the same values.
 */
public final class ScenarioParams {
    private static final ObjectMapper JSON = new ObjectMapper();

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

    /** Reads parameters back from the JSON a lab segment holds. */
    @SuppressWarnings("unchecked")
    public static ScenarioParams fromJson(String json) {
        try {
            Map<String, Object> raw = JSON.readValue(json, LinkedHashMap.class);
            Map<String, Object> values = new LinkedHashMap<>();
            raw.forEach((k, v) -> values.put(k, v instanceof Integer i ? Long.valueOf(i) : v));
            return new ScenarioParams(values);
        } catch (JsonProcessingException e) {
            throw new ShmlabException("the segment's parameters are not valid JSON: " + e.getOriginalMessage());
        }
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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
