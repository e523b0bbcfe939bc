package dev.shmlab.cli;

import dev.shmlab.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The ways a command lets the user name its target, and which of them were given: at most one
 * may be, and it is parsed only once that is settled, so "two targets" is reported first.
 */
final class TargetChoice<T> {
    private final List<String> forms = new ArrayList<>();
    private final Map<String, Supplier<T>> given = new LinkedHashMap<>();

    /** Adds a way to name the target ({@code "--sysv-id ID"}); {@code value} is null when not given. */
    TargetChoice<T> add(String form, Object value, Supplier<T> parse) {
        forms.add(form);
        if (value != null) {
            given.put(form.split(" ")[0], parse);
        }
        return this;
    }

    /** The one target given; none or several is bad input. */
    T exactlyOne() {
        return atMostOne().orElseThrow(() -> new InvalidInputException("give exactly one target: " + formsText() + " (got none)"));
    }

    /** The target if one was given; several is bad input. */
    Optional<T> atMostOne() {
        if (given.size() > 1) {
            throw new InvalidInputException("give only one target: " + formsText() + " (got " + String.join(" and ", given.keySet()) + ")");
        }
        return given.values().stream().findFirst().map(Supplier::get);
    }

    private String formsText() {
        return String.join(", ", forms.subList(0, forms.size() - 1)) + " or " + forms.getLast();
    }
}
