package dev.shmlab.app;

import java.util.Map;

/**
 * How the window opens: with which scenario selected and which parameter values typed in,
 * whether it starts at once, whether it runs the measurement script (and exits) instead of
 * waiting for a person, and whether it keeps participant processes started ahead of the next Start
 * ({@link MainViewModel#prepareSpares}; the app does, except when measuring).
 */
public record WindowOptions(String scenario, Map<String, String> params, boolean autostart, boolean measure, boolean spares) {
    public WindowOptions {
        params = Map.copyOf(params);
    }

    /** The default scenario, waiting for Start, without spares. */
    public static WindowOptions defaults() {
        return new WindowOptions(MainViewModel.DEFAULT_SCENARIO, Map.of(), false, false, false);
    }

    public WindowOptions withSpares(boolean keep) {
        return new WindowOptions(scenario, params, autostart, measure, keep);
    }
}
