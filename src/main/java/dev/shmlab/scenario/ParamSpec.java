package dev.shmlab.scenario;

import dev.shmlab.InvalidInputException;
import java.util.List;
import java.util.Locale;

/**
 * One scenario parameter: its name (the CLI option without dashes), type, default, allowed range
 * or choices, and a one-line description. {@link #parse} turns text into a checked value and says
 * exactly what was wrong, naming the option and the allowed range.
 */
public record ParamSpec(String name, Type type, Object defaultValue, long min, long max, List<String> choices, String description) {

    /** The kinds of value a parameter holds. */
    public enum Type {
        /** A whole number within [min, max]. */
        INTEGER,
        /** A byte count within [min, max]; accepts suffixes K, M, G (powers of 1024) and KiB/MiB/GiB. */
        SIZE,
        /** A duration within [min, max] milliseconds; accepts 200ms, 2s, 1m or plain milliseconds. */
        DURATION_MS,
        /** One of {@link #choices()}. */
        CHOICE,
        /** true/false, yes/no, on/off. */
        BOOLEAN,
        /** Free text (a path, a label) of at most {@link #max()} bytes in UTF-8, without NUL. */
        TEXT
    }

    public static ParamSpec integer(String name, long defaultValue, long min, long max, String description) {
        return new ParamSpec(name, Type.INTEGER, defaultValue, min, max, List.of(), description);
    }

    public static ParamSpec size(String name, long defaultValue, long min, long max, String description) {
        return new ParamSpec(name, Type.SIZE, defaultValue, min, max, List.of(), description);
    }

    public static ParamSpec durationMs(String name, long defaultValue, long min, long max, String description) {
        return new ParamSpec(name, Type.DURATION_MS, defaultValue, min, max, List.of(), description);
    }

    public static ParamSpec choice(String name, String defaultValue, List<String> choices, String description) {
        return new ParamSpec(name, Type.CHOICE, defaultValue, 0, 0, List.copyOf(choices), description);
    }

    public static ParamSpec bool(String name, boolean defaultValue, String description) {
        return new ParamSpec(name, Type.BOOLEAN, defaultValue, 0, 1, List.of(), description);
    }

    public static ParamSpec text(String name, String defaultValue, int maxLengthBytes, String description) {
        return new ParamSpec(name, Type.TEXT, defaultValue, 0, maxLengthBytes, List.of(), description);
    }

    /** The allowed values in words, for messages and help: "between 2 and 16", "one of spin, futex". */
    public String allowed() {
        return switch (type) {
            case INTEGER -> "a whole number between " + min + " and " + max;
            case SIZE -> "a size between " + min + " and " + max + " bytes (suffixes K, M, G allowed)";
            case DURATION_MS -> "a duration between " + min + " ms and " + max + " ms (e.g. 200ms, 2s)";
            case CHOICE -> "one of " + String.join(", ", choices);
            case BOOLEAN -> "true or false";
            case TEXT -> "text of at most " + max + " bytes";
        };
    }

    /** Parses and checks a value given as text; throws {@link InvalidInputException} naming the option. */
    public Object parse(String text) {
        String t = text == null ? "" : text.trim();
        try {
            return switch (type) {
                case INTEGER -> inRange(Long.parseLong(t), t);
                case SIZE -> inRange(parseSize(t), t);
                case DURATION_MS -> inRange(parseDurationMs(t), t);
                case CHOICE -> parseChoice(t);
                case BOOLEAN -> parseBoolean(t);
                case TEXT -> parseText(t);
            };
        } catch (NumberFormatException e) {
            throw invalid(t);
        }
    }

    /** Checks a value that is already typed (from a preset file or the UI). */
    public Object check(Object value) {
        return parse(String.valueOf(value));
    }

    private long inRange(long value, String text) {
        if (value < min || value > max) {
            throw invalid(text);
        }
        return value;
    }

    private String parseChoice(String t) {
        String lower = t.toLowerCase(Locale.ROOT);
        if (!choices.contains(lower)) {
            throw invalid(t);
        }
        return lower;
    }

    private boolean parseBoolean(String t) {
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw invalid(t);
        };
    }

    private String parseText(String t) {
        if (t.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > max || t.indexOf('\0') >= 0) {
            throw invalid(t);
        }
        return t;
    }

    private InvalidInputException invalid(String text) {
        return new InvalidInputException("--" + name + ": must be " + allowed() + " (got \"" + text + "\")");
    }

    static long parseSize(String t) {
        String s = t.toUpperCase(Locale.ROOT).replace("IB", "").replace("B", "");
        long unit = 1;
        if (s.endsWith("K")) {
            unit = 1L << 10;
        } else if (s.endsWith("M")) {
            unit = 1L << 20;
        } else if (s.endsWith("G")) {
            unit = 1L << 30;
        }
        String digits = unit == 1 ? s : s.substring(0, s.length() - 1);
        return Math.multiplyExact(Long.parseLong(digits.trim()), unit);
    }

    static long parseDurationMs(String t) {
        String s = t.toLowerCase(Locale.ROOT);
        if (s.endsWith("ms")) {
            return Long.parseLong(s.substring(0, s.length() - 2).trim());
        }
        if (s.endsWith("s")) {
            return Math.round(Double.parseDouble(s.substring(0, s.length() - 1).trim()) * 1000);
        }
        if (s.endsWith("m")) {
            return Math.round(Double.parseDouble(s.substring(0, s.length() - 1).trim()) * 60_000);
        }
        return Long.parseLong(s);
    }
}
