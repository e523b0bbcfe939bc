package dev.shmlab.scenario;

import java.util.ArrayList;
import java.util.List;

/** Kernel objects a scenario created beside the lab segment, released in reverse order at the end. */
public final class ScenarioResources implements AutoCloseable {
    private final List<AutoCloseable> toRelease = new ArrayList<>();

    public static ScenarioResources none() {
        return new ScenarioResources();
    }

    /** Adds something to release (close and remove) at the end of the run. */
    public <T extends AutoCloseable> T add(T resource) {
        toRelease.add(resource);
        return resource;
    }

    /** Releases everything; the first failure is thrown after all were tried, later ones suppressed. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (int i = toRelease.size() - 1; i >= 0; i--) {
            try {
                toRelease.get(i).close();
            } catch (Exception e) {
                RuntimeException r = e instanceof RuntimeException re ? re : new RuntimeException(e);
                if (failure == null) {
                    failure = r;
                } else {
                    failure.addSuppressed(r);
                }
            }
        }
        toRelease.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
