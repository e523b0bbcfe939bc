package dev.shmlab.app;

import java.util.Map;

/**
 * How the window opens: with which scenario selected and which parameter values typed in,
 * whether it starts at once, and whether it runs the measurement script (and exits) instead of
 * waiting for a person.
 */
public record WindowOptions(String scenario, Map<String, String> params, boolean autostart, boolean measure) {
    public WindowOptions {
        params = Map.copyOf(params);
    }

    public static WindowOptions defaults() {
        return new WindowOptions(MainViewModel.DEFAULT_SCENARIO, Map.of(), false, false);
    }
}
