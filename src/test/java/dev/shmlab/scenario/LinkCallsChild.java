package dev.shmlab.scenario;

import java.util.HashMap;
import java.util.Map;

/**
 * Does what a participant does before its role: {@link SyncObjects#linkCalls} for a scenario's
 * plan. Arguments: the scenario, then {@code name=value} parameters. Run with class loading
 * logged, its output says which families of native calls it bound.
 */
public final class LinkCallsChild {
    private LinkCallsChild() {
    }

    public static void main(String[] args) {
        Scenario scenario = Catalog.byName(args[0]);
        Map<String, String> given = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            given.put(pair[0], pair[1]);
        }
        SyncObjects.linkCalls(scenario.plan(ScenarioParams.of(scenario.parameters(), given, scenario.name())));
        System.out.println("linked");
    }
}
