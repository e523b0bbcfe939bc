package dev.shmlab.scenario;

import dev.shmlab.InvalidInputException;
import java.util.List;

/** Every scenario shmlab knows, in the order the catalogue shows them. */
public final class Catalog {
    private static final List<Scenario> ALL = List.of(
            new RoundRobinScenario(),
            new PingPongScenario(),
            new HandshakeScenario(),
            new RaceScenario(),
            new SemaphoreCounterScenario(),
            new MutexCounterScenario(),
            new BoundedBufferScenario(),
            new MappedFileScenario(),
            new BackendAssessmentScenario(),
            new TransportsScenario());

    private Catalog() {
    }

    public static List<Scenario> all() {
        return ALL;
    }

    /** The scenario with this name; a clear error listing the names otherwise. */
    public static Scenario byName(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new InvalidInputException("unknown scenario \"" + name + "\"; choose one of "
                        + String.join(", ", ALL.stream().map(Scenario::name).toList()) + " (see 'shmlab scenarios')"));
    }
}
