package dev.shmlab.app;

import static dev.shmlab.app.WindowDriver.await;
import static dev.shmlab.app.WindowDriver.fx;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shmlab.monitor.Export;
import dev.shmlab.monitor.Recording;
import dev.shmlab.scenario.Catalog;
import dev.shmlab.scenario.Lesson;
import dev.shmlab.scenario.Lessons;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.control.CheckBox;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Record and replay, export, lessons and remembered parameters in the real window, with real
 * participant processes. The file dialogs are the system's and cannot be driven: the tests hand
 * the file to the same command the dialog does.
 */
class ReplayWindowTest extends WindowTest {
    /** Starting JVMs on a machine shared with other builds can take a while. */
    private static final Duration RUN = Duration.ofSeconds(120);
    private static final Duration SHOWN = Duration.ofSeconds(20);
    private static final List<String> COUNTERS = List.of("col-name", "col-state", "col-pid", "col-steps", "col-sent", "col-received",
            "col-bytes", "col-lost", "col-duplicated", "col-corrupted");

    @TempDir
    static Path files;

    private final List<MainWindow> others = new ArrayList<>();

    @BeforeEach
    void recordInFiles() {
        WindowDriver.fx(() -> {
            window.model().recordingDirectoryProperty().set(files.resolve("recordings"));
            return null;
        });
    }

    /** Runs before the window itself is closed and checked. */
    @AfterEach
    void closeOthers() throws Exception {
        for (MainWindow w : others) {
            WaitForAsyncUtils.asyncFx(w::close).get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aRunRecordedInTheWindowReplaysWithTheSameCountersAtTheEnd() throws IOException {
        ui.type("messages", "300");
        robot.clickOn("#fileMenu");
        robot.clickOn("Record runs");
        assertThat(ui.text("#statusRecording")).isEqualTo("runs record to " + files.resolve("recordings"));
        ui.click("#startButton");
        awaitEnded();
        List<List<String>> live = table();
        Path recording = onlyRecording();
        assertThat(ui.text("#statusRecording")).isEqualTo("recorded to " + recording);

        fx(() -> {
            window.model().openRecording(recording);
            return null;
        });
        await("the replay bar", SHOWN, () -> ui.showing("#replayBar"));
        assertThat(ui.disabled("#startButton")).as("Start while replaying").isTrue();
        assertThat(ui.disabled("#stopButton")).as("Stop while replaying").isTrue();
        assertThat(ui.text("#replayTitle")).startsWith("Replay of round-robin, recorded ");
        await("the table at the recording's first snapshot", SHOWN, () -> !table().equals(live));

        ui.click("#replayPlayButton");
        await("the scrubber to move while playing", SHOWN, () -> window.model().replay().positionSecondsProperty().get() > 0);
        fx(() -> {
            window.model().replay().toEnd();
            return null;
        });
        await("the replayed table at the end to equal the live run's", SHOWN, () -> table().equals(live));
        Screenshots.save(window.stage().getScene(), "replay");

        ui.click("#backToLiveButton");
        await("the replay bar gone", SHOWN, () -> !ui.showing("#replayBar"));
        assertThat(ui.disabled("#startButton")).as("Start after going back to live").isFalse();
    }

    @Test
    void aFinishedRunExportsAPngACsvAndAJsonThatParse() throws IOException {
        ui.type("messages", "200");
        ui.click("#startButton");
        awaitEnded();
        Path png = files.resolve("view.png");
        Path csv = files.resolve("metrics.csv");
        Path json = files.resolve("summary.json");

        assertThat(fx(() -> window.exportView(png))).isTrue();
        assertThat(fx(() -> window.model().exportMetricsCsv(csv))).isTrue();
        assertThat(fx(() -> window.model().exportSummaryJson(json))).isTrue();

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("the PNG as ImageIO reads it").isNotNull();
        assertThat(image.getWidth() * (long) image.getHeight()).as("pixels in the PNG").isGreaterThan(800L * 500);
        assertThat(Files.size(png)).as("bytes of the PNG").isGreaterThan(20_000);
        assertCsvParses(csv, 3);
        JsonNode summary = new ObjectMapper().readTree(json.toFile());
        assertThat(summary.path("participants")).as("participants in the summary").hasSize(3);
        long sent = 0;
        for (JsonNode p : summary.path("participants")) {
            sent += p.path("sent").asLong();
        }
        assertThat(sent).as("messages sent, as the summary says").isEqualTo(sum(ui.column("col-sent")));
    }

    @Test
    void choosingALessonFillsItsScenarioParametersAndPaceAndShowsItsNarrative() {
        Lesson lesson = Lessons.shipped().byName("round-robin");
        Lesson paused = Lessons.shipped().byName("handshake-step-by-step");
        assertThat(ui.showing("#lessonView")).isFalse();
        ui.type("clients", "7");

        robot.clickOn("#lessonsMenu");
        robot.clickOn(menuText(lesson));

        await("the lesson's narrative", SHOWN, () -> ui.showing("#lessonNarrative"));
        assertThat(ui.text("#lessonNarrative")).isEqualTo(lesson.narrative());
        assertThat(ui.text("#lessonTitle")).endsWith(lesson.title());
        assertThat(fx(() -> window.model().scenarioProperty().get().name())).isEqualTo("round-robin");
        assertThat(paramText("clients")).isEqualTo("3");
        assertThat(paramText("messages")).isEqualTo("5");
        assertThat(ui.text("#paceValue")).isEqualTo("300 ms per step");
        assertThat(fx(() -> ui.<CheckBox>node("#startPausedBox").isSelected())).isFalse();
        Screenshots.save(window.stage().getScene(), "lesson");

        robot.clickOn("#lessonsMenu");
        robot.clickOn(menuText(paused));
        await("the second lesson's scenario", SHOWN, () -> window.model().scenarioProperty().get().name().equals("handshake"));
        assertThat(ui.text("#lessonNarrative")).isEqualTo(paused.narrative());
        assertThat(fx(() -> ui.<CheckBox>node("#startPausedBox").isSelected())).as("Start paused, as the lesson says").isTrue();
    }

    @Test
    void theLastScenarioAndParametersComeBackInANewWindowWithTheSamePreferences() throws Exception {
        fx(() -> {
            window.model().scenarioProperty().set(Catalog.byName("semaphore-counter"));
            return null;
        });
        ui.type("processes", "2");
        ui.type("increments", "1234");
        ui.click("#startButton");
        awaitEnded();

        MainWindow next = WaitForAsyncUtils.asyncFx(() -> MainWindow.open(new Stage(), WindowOptions.defaults(), preferences()))
                .get(30, TimeUnit.SECONDS);
        others.add(next);

        assertThat(fx(() -> next.model().scenarioProperty().get().name())).isEqualTo("semaphore-counter");
        assertThat(fx(() -> next.model().parametersProperty().get().parameter("processes").textProperty().get())).isEqualTo("2");
        assertThat(fx(() -> next.model().parametersProperty().get().parameter("increments").textProperty().get())).isEqualTo("1234");
        assertThat(fx(() -> next.model().parametersProperty().get().parameter("sync").textProperty().get()))
                .as("a parameter left at its default").isEqualTo(fx(() -> window.model().parametersProperty().get()
                        .parameter("sync").textProperty().get()));
    }

    // ---- helpers

    @Override
    Path preferences() {
        return files.resolve("preferences.json");
    }

    private void awaitEnded() {
        await("the run to end", RUN, () -> window.model().stateProperty().get() == RunState.ENDED);
    }

    /** Every cell of the participants table that a replay must reproduce, row by row. */
    private List<List<String>> table() {
        List<List<String>> rows = new ArrayList<>();
        for (int row = 0; row < ui.rows(); row++) {
            List<String> cells = new ArrayList<>();
            for (String column : COUNTERS) {
                cells.add(ui.cell("#participantsTable", column, row, "?"));
            }
            rows.add(cells);
        }
        return rows;
    }

    private static Path onlyRecording() throws IOException {
        try (Stream<Path> listed = Files.list(files.resolve("recordings"))) {
            List<Path> recordings = listed.toList();
            assertThat(recordings).as("recordings written").hasSize(1);
            assertThat(recordings.getFirst().getFileName().toString()).startsWith("round-robin-").endsWith(Recording.FILE_SUFFIX);
            return recordings.getFirst();
        }
    }

    private String paramText(String name) {
        return fx(() -> window.model().parametersProperty().get().parameter(name).textProperty().get());
    }

    private String menuText(Lesson lesson) {
        List<String> names = fx(() -> window.model().lessons().lessons().stream().map(Lesson::name).toList());
        int number = names.indexOf(lesson.name()) + 1;
        return number + ". " + lesson.title() + "  (" + lesson.scenario().name() + ")";
    }

    /** Header as Export writes it, then at least one row per participant with numbers where numbers belong. */
    private static void assertCsvParses(Path csv, int participants) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.getFirst()).isEqualTo(Export.CSV_HEADER);
        List<String> header = List.of(Export.CSV_HEADER.split(","));
        assertThat(lines.size() - 1).as("data rows").isGreaterThanOrEqualTo(participants);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertThat(cells).as("cells of %s", line).hasSize(header.size());
            for (String column : List.of("time_s", "run_messages_per_s", "step", "sent", "received", "bytes_sent", "lost", "wait_s")) {
                assertThat(Double.parseDouble(cells[header.indexOf(column)])).as("%s in %s", column, line).isNotNegative();
            }
        }
        String last = lines.getLast();
        assertThat(Long.parseLong(last.split(",")[header.indexOf("sent")])).as("sent in the last row").isPositive();
    }

    private static long sum(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).sum();
    }
}
