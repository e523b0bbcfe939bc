package dev.shmlab.app;

import static dev.shmlab.app.WindowDriver.await;
import static dev.shmlab.app.WindowDriver.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shmlab.launch.StandbyPool;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The app's window starts participant processes ahead of Start, and Start hands them their parts. */
class SparesWindowTest extends WindowTest {

    @Override
    WindowOptions options() {
        return WindowOptions.defaults().withSpares(true);
    }

    @AfterEach
    void noSpareOutlivesTheWindow() {
        await("the spares to be gone once the window closed", Duration.ofSeconds(10), () -> StandbyPool.waiting(true).isEmpty());
    }

    @Test
    void startHandsTheParticipantsToProcessesStartedWhileTheWindowWaited() {
        await("three spares for round-robin's three clients", Duration.ofSeconds(30), () -> StandbyPool.waiting(true).size() == 3);
        List<Long> spares = StandbyPool.waiting(true);

        ui.click("#startButton");
        await("the three clients' PIDs in the table", Duration.ofSeconds(10),
                () -> window.model().participants().stream().allMatch(r -> r.pidProperty().get() > 0));

        assertThat(fx(() -> window.model().participants().stream().map(r -> r.pidProperty().get()).toList()))
                .containsExactlyInAnyOrderElementsOf(spares);
        assertThat(StandbyPool.waiting(true)).as("spares left while the run goes on").isEmpty();
    }
}
