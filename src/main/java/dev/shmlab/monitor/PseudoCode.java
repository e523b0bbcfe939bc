package dev.shmlab.monitor;

import dev.shmlab.scenario.RunPlan;
import dev.shmlab.scenario.Scenario;
import dev.shmlab.scenario.ScenarioParams;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The pseudo-code listing of every role in a run, as its scenario gives it. A participant's
 * published step indexes its role's listing: step 2 is the third line. Kept apart from the
 * scenario so that a replay, which has no scenario object, explains and highlights the same way.
 */
public record PseudoCode(Map<Integer, List<String>> byRole) {

    public PseudoCode {
        Map<Integer, List<String>> copy = new TreeMap<>();
        byRole.forEach((role, lines) -> copy.put(role, List.copyOf(lines)));
        byRole = java.util.Collections.unmodifiableMap(copy);
    }

    /** No listing at all (a foreign segment, an old recording). */
    public static PseudoCode none() {
        return new PseudoCode(Map.of());
    }

    /** The listings of the roles a run of {@code scenario} with these parameters has. */
    public static PseudoCode of(Scenario scenario, ScenarioParams params) {
        Map<Integer, List<String>> byRole = new TreeMap<>();
        for (RunPlan.Participant p : scenario.plan(params).participants()) {
            byRole.computeIfAbsent(p.role(), scenario::pseudoCode);
        }
        return new PseudoCode(byRole);
    }

    /** The lines of one role; empty when the scenario gives none. */
    public List<String> lines(int role) {
        return byRole.getOrDefault(role, List.of());
    }

    /** The line a step id points at, trimmed; empty when the step is outside the listing. */
    public Optional<String> line(int role, int step) {
        List<String> lines = lines(role);
        return step >= 0 && step < lines.size() ? Optional.of(lines.get(step).strip()) : Optional.empty();
    }
}
