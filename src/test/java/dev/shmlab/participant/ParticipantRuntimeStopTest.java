package dev.shmlab.participant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shmlab.layout.ControlBlock;
import dev.shmlab.layout.LabSegment;
import dev.shmlab.scenario.Catalog;
import dev.shmlab.scenario.RunPlan;
import dev.shmlab.scenario.Scenario;
import dev.shmlab.scenario.ScenarioParams;
import dev.shmlab.shm.Segment;
import dev.shmlab.shm.Segments;
import dev.shmlab.testing.TestNames;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A participant knows of a stop as soon as the control block says it, not only at its heartbeat
 * thread's next beat: its peer may already have read the stop and ended, and a waiter that then
 * finds the peer gone must not call that a failure.
 */
class ParticipantRuntimeStopTest {

    @Test
    void aStopInTheControlBlockIsSeenAtOnce() {
        Scenario scenario = Catalog.byName("ping-pong");
        ScenarioParams params = ScenarioParams.of(scenario.parameters(), Map.of(), scenario.name());
        RunPlan plan = scenario.plan(params);
        Segment segment = Segments.createPosix(TestNames.posix(), plan.geometry().totalLength(), Segments.DEFAULT_MODE);
        try {
            LabSegment.format(segment.memory(), plan.geometry(), scenario.name(), plan.participants().size(), params.toJson());
            LabSegment lab = LabSegment.attach(segment.memory(), Duration.ofSeconds(1));
            // Not executed: no heartbeat thread reads the control block for it.
            ParticipantRuntime runtime = new ParticipantRuntime(lab, 1, "reader", plan.participants().size(), params,
                    ProcessHandle.current().pid());

            assertThat(runtime.stopRequested()).isFalse();
            LabSegment.attach(segment.memory(), Duration.ofSeconds(1)).control().setCommand(ControlBlock.Command.STOP);
            assertThat(runtime.stopRequested()).isTrue();
            // And it stays stopped, as a SIGTERM's stop does.
            lab.control().setCommand(ControlBlock.Command.RUN);
            assertThat(runtime.stopRequested()).isTrue();
        } finally {
            segment.close();
            segment.remove();
        }
    }
}
