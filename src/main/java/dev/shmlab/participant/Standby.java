package dev.shmlab.participant;

import dev.shmlab.layout.LabSegment;
import dev.shmlab.os.Os;
import dev.shmlab.scenario.Catalog;
import dev.shmlab.scenario.RunPlan;
import dev.shmlab.scenario.Scenario;
import dev.shmlab.scenario.ScenarioParams;
import dev.shmlab.shm.SharedMemory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.foreign.Arena;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * {@code ParticipantMain --standby PARENT_PID}: a participant started ahead of its run (see
 * {@code dev.shmlab.launch.StandbyPool}). It walks the attach path once on private memory — the
 * lab format, parameters, the catalogue, a participant record — so that the first-use costs of
 * those classes are paid before the run, then waits for one line on its input,
 * {@code SEGMENT INDEX}, and becomes that participant. (Measured from the window's Start, 3 clients:
 * running after 93–134 ms with this walk, 209–304 ms without it.) Its input ending first (the launcher had no
 * use for it, or died) ends it quietly; it creates no kernel object while it waits.
 */
final class Standby {
    private Standby() {
    }

    static int run(String parentPid) {
        warmUp();
        String line;
        try {
            line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            return ParticipantMain.EXIT_DONE;
        }
        if (line == null || line.isBlank()) {
            return ParticipantMain.EXIT_DONE;
        }
        String[] words = line.trim().split(" ");
        if (words.length != 2) {
            System.err.println("participant: a spare expects SEGMENT INDEX on its input, got \"" + line + "\"");
            return ParticipantMain.EXIT_BAD_INPUT;
        }
        return ParticipantMain.run(new String[] {words[0], words[1], parentPid});
    }

    private static void warmUp() {
        Os.geteuid();
        Scenario scenario = Catalog.byName("ping-pong");
        ScenarioParams params = ScenarioParams.of(scenario.parameters(), Map.of(), scenario.name());
        // A string, a number and a boolean: every kind of value a segment's parameters hold.
        ScenarioParams.fromJson("{\"mode\":\"latency\",\"size\":64,\"print-all\":true}");
        RunPlan plan = scenario.plan(params);
        try (Arena arena = Arena.ofConfined()) {
            SharedMemory memory = SharedMemory.of(arena.allocate(plan.geometry().totalLength(), 4096));
            LabSegment.format(memory, plan.geometry(), scenario.name(), plan.participants().size(), "{}");
            LabSegment lab = LabSegment.attach(memory, Duration.ofSeconds(1));
            lab.participant(0).read();
            memory.putIntRelease(0, memory.getIntAcquire(0));
        }
    }
}
