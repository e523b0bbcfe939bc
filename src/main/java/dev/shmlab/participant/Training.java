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
        Segment opened = null;
        try {
            LabSegment.format(segment.memory(), plan.geometry(), scenario.name(), plan.participants().size(), params.toJson());
            // A participant opens the segment by its address, as here, and finds its scenario by name.
            opened = ParticipantMain.open(segment.address());
            LabSegment lab = LabSegment.attach(opened.memory(), Duration.ofSeconds(1)).withOrigin(segment.address());
            Scenario named = Catalog.byName(lab.scenario());
            ParticipantRuntime runtime = new ParticipantRuntime(lab, 0, "training", plan.participants().size(),
                    ScenarioParams.fromJson(lab.paramsJson()), ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L));
            // Made, not run: a role needs its peers. Making it links the lambda a participant makes.
            ParticipantMain.roleBody(named, plan, plan.participants().getFirst(), runtime);
            runtime.execute(() -> {
                SyncObjects.linkCalls(plan);
                runtime.checkpoint(0);
                runtime.hop(1, 0, 0, 1);
                runtime.stats().recordLatency(1000);
                sem.release();
                sem.acquire(Duration.ofMillis(10));
                lab.participant(0).read();
            }, 0);
        } finally {
            if (opened != null) {
                opened.close();
            }
            sem.close();
            sem.unlink();
            segment.close();
            segment.remove();
        }
    }
}
