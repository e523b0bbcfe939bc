package dev.shmlab.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shmlab.ShmlabException;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a participant does before RUNNING ({@link ParticipantMain#attach}), on a real lab segment. */
class ParticipantAttachTest {
    private final Scenario pingPong = Catalog.byName("ping-pong");
    private Segment segment;

    @BeforeEach
    void formatALabSegment() {
        ScenarioParams params = ScenarioParams.of(pingPong.parameters(), Map.of(), pingPong.name());
        RunPlan plan = pingPong.plan(params);
        segment = Segments.createPosix(TestNames.posix(), plan.geometry().totalLength(), Segments.DEFAULT_MODE);
        LabSegment.format(segment.memory(), plan.geometry(), pingPong.name(), plan.participants().size(), params.toJson());
    }

    @AfterEach
    void remove() {
        segment.close();
        segment.remove();
    }

    @Test
    void attachesAsTheParticipantOfItsIndexWithItsRole() {
        ParticipantMain.Attached reader = ParticipantMain.attach(segment.address(), 1, ProcessHandle.current().pid(), Duration.ofSeconds(1));
        try {
            assertThat(reader.role()).isEqualTo(pingPong.plan(ScenarioParams.of(pingPong.parameters(), Map.of(), pingPong.name()))
                    .participants().get(1).role());
            assertThat(reader.runtime().lab().scenario()).isEqualTo("ping-pong");
        } finally {
            reader.segment().close();
        }
    }

    @Test
    void anIndexTheRunDoesNotHaveIsBadInputNotACrash() {
        String pid = Long.toString(ProcessHandle.current().pid());

        assertThatThrownBy(() -> ParticipantMain.attach(segment.address(), 2, 1, Duration.ofSeconds(1)))
                .isInstanceOf(ShmlabException.class).hasMessageContaining("has participants 0 to 1");
        assertThat(ParticipantMain.run(new String[] {segment.address().encode(), "2", pid})).isEqualTo(ParticipantMain.EXIT_BAD_INPUT);
        assertThat(ParticipantMain.run(new String[] {segment.address().encode(), "-1", pid})).isEqualTo(ParticipantMain.EXIT_BAD_INPUT);
    }
}
