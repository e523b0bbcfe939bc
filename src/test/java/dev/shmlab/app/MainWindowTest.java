package dev.shmlab.app;

import static dev.shmlab.app.WindowDriver.await;
import static dev.shmlab.app.WindowDriver.fx;
import static dev.shmlab.app.WindowDriver.sleep;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shmlab.os.Os;
import dev.shmlab.shm.ObjectRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.Test;

/**
 * The real window, driven by TestFX under a real (or virtual) display: clicks on its buttons,
 * text typed in its fields, and what it then shows, while real participant processes run
 * round-robin through real kernel objects.
 */
class MainWindowTest extends WindowTest {
    private static final Duration TRAFFIC = Duration.ofSeconds(30);
    private static final String MANY = "10000000";

    @Test
    void theWindowOpensOnRoundRobinWithThreeClientsReadyToStart() {
        assertThat(fx(() -> window.model().scenarioProperty().get().name())).isEqualTo("round-robin");
        assertThat(ui.rows()).isEqualTo(3);
        assertThat(ui.text("#participant-node-2 .state-badge")).isEqualTo("READY");
        assertThat(ui.disabled("#startButton")).isFalse();
        assertThat(ui.disabled("#stopButton")).isTrue();
    }

    @Test
    void startingTheDefaultScenarioAnimatesPacketsAndRaisesTheTableCounters() {
        ui.type("messages", MANY);
        ui.click("#startButton");
        awaitTraffic();
        List<Long> sentBefore = ui.column("col-sent");
        WritableImage first = layerImage();
        sleep(150);
        WritableImage later = layerImage();
        sleep(600);
        List<Long> sentAfter = ui.column("col-sent");

        assertThat(packetPixels(first)).as("pixels of packets in the senders' colours").isGreaterThan(20);
        assertThat(differingPixels(first, later)).as("pixels that changed in 150 ms: packets moving").isGreaterThan(20);
        for (int i = 0; i < 3; i++) {
            assertThat(sentAfter.get(i)).as("client-%d sent", i + 1).isGreaterThan(sentBefore.get(i));
        }
        assertThat(ui.text("#rateLabel")).contains("msg/s");
    }

    @Test
    void pauseStopsTheCountersAndResumeStartsThemAgain() {
        ui.type("messages", MANY);
        ui.click("#startButton");
        awaitTraffic();
        ui.click("#pauseButton");
        await("the pause button to offer Resume", Duration.ofSeconds(2), () -> ui.text("#pauseButton").equals("Resume"));
        sleep(400);
        List<Long> paused = ui.column("col-sent");
        sleep(1000);

        assertThat(ui.column("col-sent")).as("sent, one second into the pause").isEqualTo(paused);
        ui.click("#pauseButton");
        await("counters rising again", Duration.ofSeconds(5), () -> ui.column("col-sent").stream().mapToLong(Long::longValue).sum()
                > paused.stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void stepWhilePausedAdvancesEachParticipantByAtMostOneStep() {
        ui.type("messages", MANY);
        ui.click("#startButton");
        awaitTraffic();
        ui.click("#pauseButton");
        await("Step to be enabled", Duration.ofSeconds(2), () -> !ui.disabled("#stepButton"));
        sleep(500);
        List<Long> before = ui.column("col-steps");
        long sentBefore = sum(ui.column("col-sent"));

        ui.click("#stepButton");
        sleep(700);
        List<Long> after = ui.column("col-steps");

        List<Long> moved = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            moved.add(after.get(i) - before.get(i));
        }
        assertThat(moved).as("steps each participant took for one click").allSatisfy(d -> assertThat(d).isBetween(0L, 1L));
        assertThat(sum(moved)).as("participants that took the step").isGreaterThanOrEqualTo(1);
        assertThat(sum(ui.column("col-sent")) - sentBefore).as("messages sent by one step").isBetween(0L, 1L);
    }

    @Test
    void stopEndsTheRunAndRemovesTheSegmentAndEveryKernelObject() {
        ui.type("messages", MANY);
        ui.click("#startButton");
        awaitTraffic();
        String segment = ui.text("#statusSegment").replaceAll(" \\(.*\\)$", "");
        Path devShm = Path.of("/dev/shm", segment.substring(1));
        List<ObjectRegistry.Entry> made = WindowDriver.ownRegistryEntries();
        assertThat(devShm).exists();
        assertThat(made).extracting(ObjectRegistry.Entry::kind)
                .contains(ObjectRegistry.Kind.POSIX_SHM, ObjectRegistry.Kind.POSIX_SEM, ObjectRegistry.Kind.SYSV_SHM);

        ui.click("#stopButton");
        await("the run to end", Duration.ofSeconds(10), () -> window.model().stateProperty().get() == RunState.ENDED);

        assertThat(devShm).doesNotExist();
        assertThat(made).as("kernel objects of the run still present").noneMatch(MainWindowTest::exists);
        assertThat(ui.disabled("#startButton")).isFalse();
        assertThat(fx(() -> ((StatusBar) ui.node("#statusBar")).getText())).startsWith("Stopped after");
    }

    @Test
    void startingAgainAfterARunEndedRunsANewRunAndShowsItsOwnResult() {
        ui.type("messages", "20");
        ui.click("#startButton");
        await("the first run to end", TRAFFIC, () -> window.model().stateProperty().get() == RunState.ENDED);
        dev.shmlab.launch.RunResult first = fx(() -> window.model().lastResult());
        assertThat(first).isNotNull();

        List<RunState> states = java.util.Collections.synchronizedList(new ArrayList<>());
        fx(() -> {
            window.model().stateProperty().addListener((obs, was, now) -> states.add(now));
            return null;
        });
        ui.click("#startButton");
        await("the second run to end", TRAFFIC, () -> window.model().stateProperty().get() == RunState.ENDED);

        dev.shmlab.launch.RunResult second = fx(() -> window.model().lastResult());
        assertThat(second).isNotSameAs(first);
        assertThat(second.segment()).isNotEqualTo(first.segment());
        assertThat(second.completed()).isTrue();
        // Until the new run is up, the session is the ended one: it must not end the new run.
        assertThat(states).as("the window's states after the second Start").containsExactly(RunState.STARTING, RunState.RUNNING, RunState.ENDED);
    }

    @Test
    void anInvalidParameterDisablesStartAndSaysWhatIsAllowedOnTheField() {
        ui.type("clients", "40");

        assertThat(ui.disabled("#startButton")).isTrue();
        assertThat(ui.text("#parameterProblem")).isEqualTo("--clients: must be a whole number between 2 and 16 (got \"40\")");
        assertThat(ui.styleClasses("#param-clients")).contains("error");
        ui.type("clients", "5");
        assertThat(ui.disabled("#startButton")).isFalse();
        assertThat(ui.styleClasses("#param-clients")).doesNotContain("error");
        assertThat(ui.rows()).isEqualTo(5);
    }

    @Test
    void aParticipantKilledWithSigkillTurnsItsNodeDeadWithinOneAndAHalfSeconds() {
        ui.type("messages", MANY);
        ui.click("#startButton");
        awaitTraffic();
        long pid = ui.number("col-pid", 1);

        long killedAt = System.nanoTime();
        assertThat(Os.kill((int) pid, Os.SIGKILL)).isTrue();
        await("client-2's node to show DEAD", Duration.ofMillis(1500),
                () -> ui.pseudoClasses("#participant-node-1").contains("state-dead"));
        Duration toDead = Duration.ofNanos(System.nanoTime() - killedAt);

        assertThat(toDead).isLessThan(Duration.ofMillis(1500));
        assertThat(ui.text("#participant-node-1 .state-badge")).isEqualTo("DEAD");
        await("the error banner", Duration.ofSeconds(5), () -> ui.node("#errorBanner").isVisible());
        assertThat(ui.text("#errorMessage")).contains("client-2 (pid " + pid + ")");
    }

    // ---- helpers

    private void awaitTraffic() {
        await("every client to have sent messages", TRAFFIC, () -> ui.rows() > 0 && ui.column("col-sent").stream().allMatch(n -> n > 10));
    }

    /** The routing view's layer of spokes and packets, over the whole view (its own bounds move with the packets). */
    private WritableImage layerImage() {
        return fx(() -> {
            Node view = ui.node("#routingView");
            SnapshotParameters whole = new SnapshotParameters();
            whole.setViewport(new Rectangle2D(0, 0, view.getLayoutBounds().getWidth(), view.getLayoutBounds().getHeight()));
            return ui.node("#routingLayer").snapshot(whole, null);
        });
    }

    /** Pixels close to one of the three clients' colours: in the layer only packets have them. */
    private static int packetPixels(WritableImage image) {
        PixelReader pixels = image.getPixelReader();
        int count = 0;
        for (int y = 0; y < (int) image.getHeight(); y++) {
            for (int x = 0; x < (int) image.getWidth(); x++) {
                Color c = pixels.getColor(x, y);
                for (int p = 0; p < 3; p++) {
                    if (close(c, Palette.of(p))) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    private static int differingPixels(WritableImage a, WritableImage b) {
        int count = 0;
        int w = (int) Math.min(a.getWidth(), b.getWidth());
        int h = (int) Math.min(a.getHeight(), b.getHeight());
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (a.getPixelReader().getArgb(x, y) != b.getPixelReader().getArgb(x, y)) {
                    count++;
                }
            }
        }
        return count;
    }

    private static boolean close(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) < 0.04 && Math.abs(a.getGreen() - b.getGreen()) < 0.04
                && Math.abs(a.getBlue() - b.getBlue()) < 0.04 && a.getOpacity() > 0.9;
    }

    private static long sum(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).sum();
    }

    private static boolean exists(ObjectRegistry.Entry e) {
        return switch (e.kind()) {
            case POSIX_SHM -> Files.exists(Path.of("/dev/shm", e.name().substring(1)));
            case POSIX_SEM -> Files.exists(Path.of("/dev/shm", "sem." + e.name().substring(1)));
            case SYSV_SHM -> sysvListed(Path.of("/proc/sysvipc/shm"), e.id());
            case SYSV_SEM -> sysvListed(Path.of("/proc/sysvipc/sem"), e.id());
            default -> e.name() != null && Files.exists(Path.of(e.name()));
        };
    }

    private static boolean sysvListed(Path table, int id) {
        try {
            return Files.readAllLines(table).stream().skip(1).map(l -> l.trim().split("\\s+"))
                    .anyMatch(f -> f.length > 1 && f[1].equals(Integer.toString(id)));
        } catch (IOException e) {
            return false;
        }
    }
}
