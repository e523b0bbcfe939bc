package dev.shmlab.app;

import static dev.shmlab.app.WindowDriver.await;
import static dev.shmlab.app.WindowDriver.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shmlab.monitor.Explainer;
import dev.shmlab.scenario.Catalog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection from the window with real participant processes: SIGKILL, SIGSTOP and SIGCONT
 * from a participant's node or table row, restart where the others go on after a death, and the
 * live race toggle. What the window then shows comes from the processes themselves.
 */
class FaultInjectionWindowTest extends WindowTest {
    /** Starting JVMs on a machine shared with other builds can take a while. */
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration SHORT = Duration.ofSeconds(15);
    /** How far two readings of an unchanged lost-update count may differ (increments in flight). */
    private static final long SKEW = 16;
    /** A wait on a semaphore left at 0 reports itself after 5 s; generous for a loaded machine. */
    private static final Duration TIMEOUT_REPORTED = Duration.ofSeconds(40);

    @TempDir
    static Path config;

    @Override
    Path preferences() {
        return config.resolve("preferences.json");
    }

    /** A killed semaphore holder's peers take their timeouts before the run winds down. */
    @Override
    Duration closeTimeout() {
        return Duration.ofSeconds(60);
    }

    @Test
    void killingTheSemaphoreHolderFromItsNodeShowsItDeadAndTheOthersReportTheirTimeout() {
        ui.type("messages", "10000000");
        ui.click("#startButton");
        await("every client to have sent messages", START, () -> ui.rows() > 0 && ui.column("col-sent").stream().allMatch(n -> n > 10));
        ui.click("#pauseButton");
        int holder = pauseWithSomeoneHoldingTheSemaphore();
        String victim = "client-" + (holder + 1);

        robot.rightClickOn("#participant-node-" + holder);
        assertThat(restartLabel().getStyleClass()).as("restart is greyed in round-robin").contains(FaultMenu.UNAVAILABLE);
        assertThat(fx(() -> restartLabel().getTooltip().getText())).contains("the others cannot go on without " + victim);
        robot.clickOn("Kill (SIGKILL)");

        await(victim + "'s node to show DEAD", SHORT, () -> ui.pseudoClasses("#participant-node-" + holder).contains("state-dead"));
        assertThat(ui.text("#participant-node-" + holder + " .state-badge")).isEqualTo("DEAD");
        await("the semaphore card to name the dead holder", SHORT, () -> holderText().startsWith(victim + " (DEAD)"));
        ui.click("#pauseButton");
        await("a survivor's own line saying its wait timed out", TIMEOUT_REPORTED,
                () -> window.model().log().shown().stream().anyMatch(l -> l.participant() != holder && l.text().startsWith("timed out after")));
        await("the explanation to report the timeout and the dead holder", SHORT, () -> explanation().contains(" reported: \"timed out after")
                && explanation().contains(victim + " is dead (its process is gone) while holding semName: the others will time out."));
        assertThat(fx(() -> window.model().stateProperty().get())).as("the others were left to find out for themselves").isEqualTo(RunState.RUNNING);
        Screenshots.save(window.stage().getScene(), "fault-dead-holder");
    }

    @Test
    void stopAndContinueFromTheTableRowShowTheParticipantStoppedThenRunningAgain() {
        ui.type("messages", "10000000");
        ui.click("#startButton");
        await("every client to have sent messages", START, () -> ui.rows() > 0 && ui.column("col-sent").stream().allMatch(n -> n > 10));

        rightClickRow(1);
        robot.clickOn("Stop (SIGSTOP)");
        await("client-2 shown STOPPED in the table and on its node", SHORT,
                () -> stateShown(1).equals("STOPPED") && ui.pseudoClasses("#participant-node-1").contains("state-stopped"));
        // The explanation is rewritten a few times a second, not on every frame.
        await("the explanation to say client-2 is stopped", SHORT, () -> explanation().contains("client-2 is stopped (SIGSTOP)"));

        rightClickRow(1);
        robot.clickOn("Continue (SIGCONT)");
        await("client-2 running again", SHORT, () -> !stateShown(1).equals("STOPPED"));
        long sent = ui.number("col-sent", 1);
        await("client-2 sending again", SHORT, () -> ui.number("col-sent", 1) > sent + 10);
        assertThat(ui.pseudoClasses("#participant-node-1")).doesNotContain("state-dead");
        assertThat(ui.node("#errorBanner").isVisible()).as("no death reported for a stop and continue").isFalse();
    }

    @Test
    void switchingSynchronisationOffMakesLostUpdatesRiseInRedAndOnAgainStopsThem() {
        chooseScenario("semaphore-counter");
        ui.type("increments", "100000000");
        assertThat(ui.disabled("#syncToggle")).as("no run yet").isTrue();
        ui.click("#startButton");
        await("every worker to be counting", START, () -> ui.rows() > 0
                && window.model().participants().stream().allMatch(r -> r.sentProperty().get() > 1000));
        assertThat(ui.disabled("#syncToggle")).isFalse();
        assertThat(lostUpdates()).isZero();

        ui.click("#syncToggle");
        await("lost updates counted", SHORT, () -> lostUpdates() > 0);
        long first = lostUpdates();
        await("lost updates rising", SHORT, () -> lostUpdates() > first);
        assertThat(ui.styleClasses("#damageLabel")).contains("integrity-bad");
        assertThat(explanation()).contains("Synchronisation is off");
        Screenshots.save(window.stage().getScene(), "race-toggle-off");

        ui.click("#syncToggle");
        await("the run to guard again", SHORT, () -> window.model().session().latest().syncEnabled());
        // A worker may still be in the unguarded increment it began before the switch: preempted
        // between its load and its store (for a long while on a busy machine), it wipes out
        // whatever the others added meanwhile. Once each worker has published an increment since,
        // none is still in such an increment; the count must then come to rest (two readings
        // 50,000 increments apart agree) and stay there.
        long[] atSwitch = incrementsByWorker();
        await("every worker to have counted again since the switch", START, () -> {
            long[] now = incrementsByWorker();
            for (int i = 0; i < atSwitch.length; i++) {
                if (now[i] <= atSwitch[i]) {
                    return false;
                }
            }
            return true;
        });
        long settled = -1;
        for (int attempt = 0; attempt < 20 && settled < 0; attempt++) {
            long a = progressThenLost(50_000);
            long b = progressThenLost(50_000);
            settled = Math.abs(b - a) <= SKEW ? b : -1;
        }
        assertThat(settled).as("lost updates coming to rest once synchronisation is back on").isNotNegative();
        long later = progressThenLost(200_000);
        // The live count reads the workers' records, then the counter: increments made in between
        // make each reading a few too low, so two readings of an unchanged loss differ by a few.
        assertThat(later).as("lost updates after synchronisation is back on").isBetween(settled - SKEW, settled + SKEW);
    }

    @Test
    void aKilledMutexHolderIsRecoveredByTheNextOwnerAndRestartedItFinishesItsShare() {
        chooseScenario("mutex-counter");
        ui.type("processes", "3");
        ui.type("increments", "200000");
        ui.click("#startPausedBox");
        ui.click("#startButton");
        await("the run paused before the first lock", START, () -> window.model().stateProperty().get() == RunState.PAUSED
                && ui.rows() == 3 && stateShown(0).equals("PAUSED"));
        robot.clickOn(row(0));
        ui.click("#stepButton");
        await("worker-1 holding the mutex", SHORT, () -> holderText().startsWith("worker-1"));

        robot.rightClickOn("#participant-node-0");
        robot.clickOn("Kill (SIGKILL)");
        await("worker-1 shown dead, holding the mutex", SHORT, () -> ui.pseudoClasses("#participant-node-0").contains("state-dead")
                && holderText().startsWith("worker-1 (DEAD)"));
        rightClickRow(0);
        assertThat(restartLabel().getStyleClass()).doesNotContain(FaultMenu.UNAVAILABLE);
        robot.clickOn("#restartLabel");
        await("a new worker-1 process", START, () -> !stateShown(0).equals("DEAD"));
        ui.click("#pauseButton");

        await("the next owner to recover the lock", START, () -> window.model().log().shown().stream()
                .anyMatch(l -> l.text().matches("Worker \\d: lock RECOVERED \\(EOWNERDEAD\\): worker-1 died holding the mutex.*")));
        await("every worker, the restarted one too, to finish with an exact counter", START, () -> window.model().log().shown().stream()
                .anyMatch(l -> l.text().startsWith("Counter: 600000 = 3 × 200000, as expected")));
        assertThat(explanation()).contains("reported: \"Worker");
    }

    // ---- helpers

    /** Steps every participant until one holds the semaphore (between two turns nobody does); returns its index. */
    private int pauseWithSomeoneHoldingTheSemaphore() {
        await("the run paused", SHORT, () -> window.model().stateProperty().get() == RunState.PAUSED);
        for (int click = 0; click < 10 && !held(); click++) {
            ui.click("#stepButton");
            long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (!held() && System.nanoTime() < deadline) {
                WindowDriver.sleep(20);
            }
        }
        assertThat(held()).as("someone holds semName after stepping").isTrue();
        return fx(() -> window.model().session().latest().syncObjects().getFirst().holder());
    }

    private boolean held() {
        return fx(() -> window.model().session().latest() != null && window.model().session().latest().syncObjects().getFirst().holder() >= 0
                && holderText().startsWith("client-"));
    }

    /** Waits until the workers made {@code increments} more, then reads the lost updates. */
    private long progressThenLost(long increments) {
        long before = incrementsMade();
        await("the workers to make " + increments + " more increments", START, () -> incrementsMade() > before + increments);
        return lostUpdates();
    }

    /** The semaphore card's "held by" line (without the prefix). */
    private String holderText() {
        return fx(() -> window.model().semaphores().getFirst().holderProperty().get());
    }

    /** The state badge shown in participant {@code index}'s row of the table. */
    private String stateShown(int index) {
        return fx(() -> robot.lookup(".state-cell").match((Node n) -> n instanceof javafx.scene.control.TableCell<?, ?> c
                        && c.getIndex() == index && c.getGraphic() instanceof Label).tryQuery()
                .map(n -> ((Label) ((javafx.scene.control.TableCell<?, ?>) n).getGraphic()).getText()).orElse(""));
    }

    /** Increments made by all workers, as the table's rows hold them (a row may be scrolled out of sight). */
    private long[] incrementsByWorker() {
        return fx(() -> window.model().participants().stream().mapToLong(r -> r.sentProperty().get()).toArray());
    }

    private long incrementsMade() {
        return fx(() -> window.model().participants().stream().mapToLong(r -> r.sentProperty().get()).sum());
    }

    private long lostUpdates() {
        String digits = ui.text("#damageLabel").replaceAll("[^0-9]", "");
        return digits.isEmpty() ? 0 : Long.parseLong(digits);
    }

    private void chooseScenario(String name) {
        fx(() -> {
            window.model().scenarioProperty().set(Catalog.byName(name));
            return null;
        });
    }

    private String explanation() {
        return fx(() -> window.model().explanation().sentences().stream().map(Explainer.Sentence::text).collect(Collectors.joining("\n")));
    }

    private Label restartLabel() {
        return robot.lookup("#restartLabel").query();
    }

    private void rightClickRow(int index) {
        robot.rightClickOn(row(index));
    }

    private Node row(int index) {
        return robot.lookup(".table-row-cell").match((Node n) -> n instanceof TableRow<?> r && r.getIndex() == index && r.getItem() != null).query();
    }
}
