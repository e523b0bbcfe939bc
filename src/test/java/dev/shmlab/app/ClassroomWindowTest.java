package dev.shmlab.app;

import static dev.shmlab.app.WindowDriver.await;
import static dev.shmlab.app.WindowDriver.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shmlab.config.Preferences;
import dev.shmlab.layout.ParticipantSnapshot;
import dev.shmlab.layout.ParticipantState;
import dev.shmlab.monitor.LabSnapshot;
import dev.shmlab.scenario.Catalog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The classroom side of the window with real participant processes: stepping through the code
 * line by line, the plain-words explanation, and presentation mode's scale, theme and shortcuts.
 */
class ClassroomWindowTest extends WindowTest {
    /** Starting JVMs on a machine shared with other builds can take a while. */
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration ONE_STEP = Duration.ofSeconds(10);

    @TempDir
    static Path config;

    @Test
    void eachStepClickMovesTheChosenParticipantOneLineAndTheHighlightFollowsItsPublishedStep() {
        ui.type("clients", "2");
        ui.type("messages", "3");
        ui.click("#startPausedBox");
        ui.click("#startButton");
        await("both clients paused before their first line", START, () -> window.model().stateProperty().get() == RunState.PAUSED
                && published(0).filter(p -> p.state() == ParticipantState.PAUSED).isPresent()
                && published(1).filter(p -> p.state() == ParticipantState.PAUSED).isPresent());
        assertThat(ui.text("#stepButton")).isEqualTo("Step");
        assertThat(fx(() -> ui.<javafx.scene.control.Button>node("#stepButton").getTooltip().getText())).endsWith("(F7)");

        chooseInTable(1);
        assertThat(fx(() -> window.model().code().selectedProperty().get())).isEqualTo(1);
        assertHighlightIsPublishedStep(1);
        // client-2 starts the exchange: its first line writes message 0 and posts the semaphore.
        List<Integer> client2Lines = List.of(stepAndAwait(1, () -> ui.click("#stepButton")));
        assertThat(client2Lines).containsExactly(1);

        chooseInTable(0);
        List<Integer> client1Lines = new ArrayList<>();
        for (int click = 0; click < 6; click++) {
            client1Lines.add(stepAndAwait(0, () -> ui.click("#stepButton")));
            if (click == 2) {
                showAllAndSave("step-mode");
                chooseInTable(0);
            }
        }
        client1Lines.add(stepAndAwait(0, () -> robot.type(KeyCode.F7)));
        // wait_for_turn -> sem_wait -> if (dest == me) -> printf -> reply -> packet_no++ -> sem_post -> wait_for_turn
        assertThat(client1Lines).containsExactly(2, 3, 4, 5, 6, 8, 1);

        showAllAndSave("step-mode-end");
    }

    @Test
    void pausedMidRunTheExplanationSaysWhoIsWaitingAndForWhat() {
        fx(() -> {
            window.model().scenarioProperty().set(Catalog.byName("race"));
            return null;
        });
        ui.type("messages", "10000000");
        ui.click("#startButton");
        await("every client to have sent messages", START, () -> ui.rows() > 0 && ui.column("col-sent").stream().allMatch(n -> n > 10));
        assertThat(explanation()).contains("The run is at full speed");

        ui.click("#pauseButton");
        await("the explanation to say the run is paused", ONE_STEP, () -> explanation().contains("The run is paused"));
        // Paused between two turns, nobody holds the semaphore; one step of everyone makes one take it and the others block.
        for (int click = 0; click < 5 && !explainsAWait(); click++) {
            ui.click("#stepButton");
            awaitQuietly(Duration.ofSeconds(2), this::explainsAWait);
        }

        assertThat(explanation()).matches("(?s).*client-\\d is waiting in sem_wait on semName: its value is 0 because client-\\d .*");
        Screenshots.save(window.stage().getScene(), "explanation-paused");
    }

    @Test
    void atTwiceTheSizeEveryControlStaysInsideTheWindow() throws Exception {
        for (int i = 0; i < 4; i++) {
            robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> window.presentation().scaleProperty().get())).isEqualTo(2.0);
        assertThat(fx(() -> window.presentationMode().fontPx())).isEqualTo(2 * MainWindow.fontSize(window.stage().getScene().getHeight()));
        Screenshots.save(window.stage().getScene(), "scale-2.0");

        List<String> controls = List.of("#startButton", "#pauseButton", "#stepButton", "#stopButton", "#startPausedBox", "#paceSlider",
                "#viewMenu", "#param-clients", "#param-messages", "#codeParticipant", "#participantsTable");
        for (String id : controls) {
            assertInsideWindow(id, ui.node(id));
        }
        for (String id : List.of("#startButton", "#pauseButton", "#stepButton", "#stopButton", "#startPausedBox")) {
            assertThat(shownText(ui.node(id))).as("the text %s shows", id).isEqualTo(ui.text(id));
        }
        for (Node tab : fx(() -> List.copyOf(window.view().tabs().lookupAll(".tab")))) {
            assertInsideWindow("tab " + tab.getId(), tab);
            assertThat(shownText(tab.lookup(".tab-label"))).as("the title of tab %s", tab.getId()).doesNotEndWith("…");
            Bounds pane = fx(() -> window.view().tabs().localToScene(window.view().tabs().getBoundsInLocal()));
            assertThat(fx(() -> tab.localToScene(tab.getBoundsInLocal()).getMaxX())).as("right edge of tab %s", tab.getId())
                    .isLessThanOrEqualTo(pane.getMaxX());
        }
        Node overflow = fx(() -> window.view().tabs().lookup(".control-buttons-tab"));
        assertThat(overflow == null || !fx(overflow::isVisible)).as("the tabs' overflow menu shown (some tabs do not fit)").isTrue();
        assertThat(Preferences.load(preferences()).scale()).as("the scale kept in the preferences").isEqualTo(2.0);

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        assertThat(fx(() -> window.presentation().scaleProperty().get())).isEqualTo(1.0);
    }

    @Test
    void theHighContrastShortcutLaysItsStylesheetOverTheWindowAndIsRemembered() {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.H).release(KeyCode.SHIFT, KeyCode.CONTROL);

        assertThat(fx(() -> List.copyOf(window.stage().getScene().getStylesheets()))).anyMatch(s -> s.endsWith("high-contrast.css"));
        assertThat(Preferences.load(preferences()).theme()).isEqualTo(Preferences.Theme.HIGH_CONTRAST);
        Screenshots.save(window.stage().getScene(), "high-contrast");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.H).release(KeyCode.SHIFT, KeyCode.CONTROL);
        assertThat(fx(() -> List.copyOf(window.stage().getScene().getStylesheets()))).noneMatch(s -> s.endsWith("high-contrast.css"));
        assertThat(Preferences.load(preferences()).theme()).isEqualTo(Preferences.Theme.LIGHT);
    }

    @Test
    void f1OpensTheShortcutsSheetListingStartPauseStepAndStop() {
        robot.type(KeyCode.F1);

        await("the shortcuts sheet", ONE_STEP, () -> window.presentationMode().sheet() != null && window.presentationMode().sheet().isShowing());
        List<String> keys = fx(() -> robot.lookup("#shortcutsSheet .shortcut-keys").queryAll().stream()
                .map(n -> ((Label) n).getText()).toList());
        assertThat(keys).contains("F5", "F6", "F7", "F8", "F11");
        assertThat(fx(() -> ((Label) robot.lookup("#shortcutsSheet .shortcut-keys").query()).getFont().getSize()))
                .as("the sheet's type, drawn at the window's scale").isEqualTo((double) window.presentationMode().fontPx());
        Screenshots.save(fx(() -> ui.node("#shortcutsSheet").getScene()), "shortcuts-sheet");
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void f11TurnsFullScreenOnAndOff() {
        robot.type(KeyCode.F11);
        await("full screen", ONE_STEP, () -> window.stage().isFullScreen());

        robot.type(KeyCode.F11);
        await("a window again", ONE_STEP, () -> !window.stage().isFullScreen());
    }

    // ---- helpers

    /** Shows every listing side by side, waits until each highlights its participant's published step, saves a screenshot. */
    private void showAllAndSave(String name) {
        fx(() -> {
            window.model().code().selectedProperty().set(CodeViewModel.ALL);
            return null;
        });
        await("every listing highlighted at its published step", ONE_STEP, () -> highlighted(0) == publishedStep(0)
                && highlighted(1) == publishedStep(1));
        Screenshots.save(window.stage().getScene(), name);
    }

    @Override
    Path preferences() {
        return config.resolve(Preferences.FILE_NAME);
    }

    /**
     * Grants one step with {@code click}, waits until participant {@code who} has taken exactly one
     * step and stands still again, checks that the other did not move and that the highlighted line
     * is the step it published; returns that step.
     */
    private int stepAndAwait(int who, Runnable click) {
        int other = 1 - who;
        long taken = published(who).orElseThrow().stepsTaken();
        ParticipantSnapshot otherBefore = published(other).orElseThrow();
        click.run();
        await("participant " + who + " to take one step and pause", ONE_STEP, () -> published(who)
                .filter(p -> p.stepsTaken() == taken + 1 && p.state() == ParticipantState.PAUSED).isPresent());
        assertHighlightIsPublishedStep(who);
        ParticipantSnapshot after = published(who).orElseThrow();
        assertThat(after.stepsTaken()).as("steps participant %d took for one click", who).isEqualTo(taken + 1);
        ParticipantSnapshot otherAfter = published(other).orElseThrow();
        assertThat(otherAfter.stepsTaken()).as("steps of participant %d, not chosen", other).isEqualTo(otherBefore.stepsTaken());
        assertThat(otherAfter.step()).as("line of participant %d, not chosen", other).isEqualTo(otherBefore.step());
        return after.step();
    }

    private void assertHighlightIsPublishedStep(int who) {
        await("the highlighted line of participant " + who + " to be its published step", ONE_STEP,
                () -> highlighted(who) >= 0 && highlighted(who) == publishedStep(who));
        assertThat(fx(() -> robot.lookup("#code-listing-" + who + " .current-line").queryAll().size()))
                .as("highlighted lines in the listing of participant %d", who).isEqualTo(1);
    }

    private java.util.Optional<ParticipantSnapshot> published(int index) {
        return fx(() -> {
            LabSession s = window.model().session();
            LabSnapshot snapshot = s == null ? null : s.latest();
            return snapshot == null ? java.util.Optional.<ParticipantSnapshot>empty()
                    : snapshot.participants().stream().filter(p -> p.index() == index && !p.name().isEmpty()).findFirst();
        });
    }

    private int publishedStep(int index) {
        return published(index).map(ParticipantSnapshot::step).orElse(-2);
    }

    /** The line highlighted in participant {@code index}'s listing on screen, -1 for none. */
    private int highlighted(int index) {
        return fx(() -> robot.lookup("#code-listing-" + index + " .current-line").queryAll().stream()
                .map(n -> Integer.parseInt(n.getId().substring(n.getId().lastIndexOf('-') + 1)))
                .findFirst().orElse(-1));
    }

    /** Clicks the participant's name in the participants table, as a teacher picks whom to step. */
    private void chooseInTable(int row) {
        Node cell = fx(() -> ui.node("#participantsTable").lookupAll(".table-cell").stream()
                .filter(n -> n instanceof TableCell<?, ?> c && c.getTableColumn() != null && "col-name".equals(c.getTableColumn().getId())
                        && c.getIndex() == row)
                .findFirst().orElseThrow());
        robot.clickOn(cell);
        await("participant " + row + " chosen in the code view", ONE_STEP, () -> window.model().code().selectedProperty().get() == row);
    }

    private boolean explainsAWait() {
        return explanation().contains(" is waiting in sem_wait");
    }

    private static void awaitQuietly(Duration timeout, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && !fx(condition::getAsBoolean)) {
            WindowDriver.sleep(20);
        }
    }

    private String explanation() {
        return fx(() -> robot.lookup("#explanationText .explanation-sentence").queryAll().stream()
                .map(n -> ((Label) n).getText()).reduce("", (a, b) -> a + "\n" + b));
    }

    /** The text a control draws, which ends in "…" when it had too little room. */
    private static String shownText(Node labeled) {
        return fx(() -> ((javafx.scene.text.Text) labeled.lookup(".text")).getText());
    }

    private void assertInsideWindow(String what, Node node) {
        Scene scene = fx(node::getScene);
        Bounds b = fx(() -> node.localToScene(node.getBoundsInLocal()));
        assertThat(fx(node::isVisible)).as("%s visible", what).isTrue();
        assertThat(b.getWidth()).as("%s width", what).isGreaterThan(4);
        assertThat(b.getHeight()).as("%s height", what).isGreaterThan(4);
        assertThat(b.getMinX()).as("%s left edge, in a scene %s wide", what, scene.getWidth()).isGreaterThanOrEqualTo(0);
        assertThat(b.getMinY()).as("%s top edge", what).isGreaterThanOrEqualTo(0);
        assertThat(b.getMaxX()).as("%s right edge, in a scene %s wide", what, scene.getWidth()).isLessThanOrEqualTo(scene.getWidth());
        assertThat(b.getMaxY()).as("%s bottom edge, in a scene %s high", what, scene.getHeight()).isLessThanOrEqualTo(scene.getHeight());
    }
}
