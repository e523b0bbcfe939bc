package dev.shmlab.participant;

import dev.shmlab.layout.LabSegment;
import dev.shmlab.scenario.Catalog;
import dev.shmlab.scenario.RunPlan;
import dev.shmlab.scenario.Scenario;
import dev.shmlab.scenario.ScenarioParams;
import dev.shmlab.scenario.SyncObjects;
import dev.shmlab.shm.PosixNames;
import dev.shmlab.shm.Segment;
import dev.shmlab.shm.Segments;
import dev.shmlab.sync.NamedSemaphore;
import java.time.Duration;
import java.util.Map;

/**
 * {@code ParticipantMain --train}: walks the path every participant takes to RUNNING — native
 * bindings, a segment opened by its address, the lab format, parameters, the catalogue looked up
 * by name, the role's body, the record publisher — and the native calls its sync objects need
 * next, once per scenario, in a private segment and semaphore, so that the JDK can record an
 * ahead-of-time cache of it. Leaves nothing behind.
 */
final class Training {
    private Training() {
    }

    static int run() {
        for (Scenario scenario : Catalog.all()) {
            ScenarioParams params = ScenarioParams.of(scenario.parameters(), Map.of(), scenario.name());
            trainOn(scenario, scenario.plan(ScenarioParams.fromJson(params.toJson())), params);
        }
        return ParticipantMain.EXIT_DONE;
    }

    private static void trainOn(Scenario scenario, RunPlan plan, ScenarioParams params) {
        Segment segment = Segments.createPosix(PosixNames.random("train"), plan.geometry().totalLength(), Segments.DEFAULT_MODE);
        NamedSemaphore sem = NamedSemaphore.create(PosixNames.random("train-sem"), 0);
        ParticipantMain.Attached attached = null;
        try {
            LabSegment.format(segment.memory(), plan.geometry(), scenario.name(), plan.participants().size(), params.toJson());
            // What a participant does before RUNNING, exactly; its role's body is made but not run
            // (a role needs its peers): what the training runs instead touches what every role does.
            attached = ParticipantMain.attach(segment.address(), 0, ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L),
                    Duration.ofSeconds(1));
            ParticipantRuntime runtime = attached.runtime();
            runtime.execute(() -> {
                SyncObjects.linkCalls(plan);
                runtime.checkpoint(0);
                runtime.hop(1, 0, 0, 1);
                runtime.stats().recordLatency(1000);
                sem.release();
                sem.acquire(Duration.ofMillis(10));
                runtime.lab().participant(0).read();
            }, 0);
        } finally {
            if (attached != null) {
                attached.segment().close();
            }
            sem.close();
            sem.unlink();
            segment.close();
            segment.remove();
        }
    }
}
