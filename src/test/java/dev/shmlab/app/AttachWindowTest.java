package dev.shmlab.app;

import static dev.shmlab.app.WindowDriver.await;
import static dev.shmlab.app.WindowDriver.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shmlab.shm.Segment;
import dev.shmlab.shm.Segments;
import dev.shmlab.testing.Seed004Program;
import dev.shmlab.testing.TestNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.TableRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window attached, through its "Attach to a segment…" dialog, to the segment of a real C
 * program (src/test/c/seed004_writer.c: seed 004's struct Memory in a System V segment keyed by
 * ftok, and a named semaphore) while the program passes messages step by step.
 */
class AttachWindowTest extends WindowTest {
    private static final Duration SHOWN = Duration.ofSeconds(5);
    private static final String FIELDS = "#attachedFields";

    @TempDir
    Path dir;

    private Seed004Program program;
    private Segment ownSegment;

    /**
     * Closes the window (which detaches), then removes what the program or the test made, even if
     * the program was killed: there is no run of the window's own to check.
     */
    @Override
    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(window::close).get(30, TimeUnit.SECONDS);
        if (ownSegment != null) {
            ownSegment.close();
            ownSegment.remove();
        }
        if (program != null) {
            program.close();
        }
    }

    @Test
    void theWindowAttachedToTheSeed004ProgramShowsWhatItWritesItsSemaphoreAndItsMessages() throws Exception {
        startTheProgram();
        attachThroughTheDialog();

        awaitValues("the first message", "1", "3", "1", "\"This is message 0 from client 3\"");
        awaitSemaphore("1");
        assertThat(ui.text("#attachedTitle")).contains(program.keyText()).contains("seed004-memory");

        step(2);
        awaitValues("client 1's message for client 2", "2", "1", "2", "\"Message 1 from client 1\"");
        awaitSemaphore("0");
        awaitPacket(1, 2);
        assertThat(rowChanged(0)).as("packet_no's row lit up after it changed").isTrue();
        assertThat(fx(() -> window.model().attached().hops().getFirst())).isEqualTo("#2 1 -> 2 \"Message 1 from client 1\"");

        step(3);
        awaitValues("client 2's message for client 3", "3", "2", "3", "\"Message 1 from client 2\"");
        awaitSemaphore("1");
        awaitPacket(2, 3);
        assertThat(ui.text("#attached-node-2 .node-name")).isEqualTo("id 3");
        assertThat(ui.text("#attached-node-2 .state-badge")).isEqualTo("RECEIVER");
        assertThat(ui.text("#attached-node-1 .state-badge")).isEqualTo("SENDER");
        assertThat(fx(() -> window.model().attached().hopsSeenProperty().get())).isEqualTo(2);
        assertThat(mapped()).as("the segment, mapped once and read-only").containsExactly(sysvMapping() + " r--s");
    }

    @Test
    void whenTheProgramRemovesItsSegmentTheWindowSaysSoAndStopsSampling() throws Exception {
        startTheProgram();
        attachThroughTheDialog();
        awaitValues("the first message", "1", "3", "1", "\"This is message 0 from client 3\"");

        program.tell("quit");
        program.process().awaitLine("removed", Seed004Program.STEP_TIMEOUT);

        await("the removal to be said", SHOWN, () -> window.model().attached().goneProperty().get());
        assertThat(ui.text("#attachedStatus")).startsWith("Sampling stopped: sysv").contains("was removed by its program");
        assertThat(ui.cell(FIELDS, "col-value", 3, "")).as("the last message read stays shown").isEqualTo("\"This is message 0 from client 3\"");
        await("the mapping to be released", SHOWN, () -> mapped().isEmpty());
        ui.click("#detachButton");
        await("the placeholder to come back", SHOWN, () -> ui.showing("#attachPlaceholderButton"));
    }

    @Test
    void detachingReleasesTheMappingAndLeavesTheProgramsObjectsAlone() throws Exception {
        startTheProgram();
        attachThroughTheDialog();
        awaitValues("the first message", "1", "3", "1", "\"This is message 0 from client 3\"");

        ui.click("#detachButton");

        await("the mapping to be released", SHOWN, () -> mapped().isEmpty());
        assertThat(ui.showing("#attachPlaceholderButton")).isTrue();
        step(2);
        assertThat(program.process().process().isAlive()).isTrue();
    }

    @Test
    void anUnknownNameGivesOneLineInTheDialogAndMapsNothing() {
        String name = TestNames.posix();
        ui.click("#attachButton");
        ui.click("#attachKindPosix");
        ui.replaceText("#attachName", name);
        ui.click("#attachConfirm");

        await("the dialog's message", SHOWN, () -> ui.showing("#attachProblem"));
        assertThat(ui.text("#attachProblem")).isEqualTo("no POSIX shared-memory object \"" + name + "\" in /dev/shm");
        assertThat(ui.showing("#attachDialog")).as("the dialog stays open to correct the name").isTrue();
        assertThat(fx(() -> window.model().attached().attachedProperty().get())).isFalse();
        ui.click("#attachCancel");
    }

    @Test
    void aLayoutLargerThanTheSegmentGivesOneLineInTheDialogAndMapsNothing() {
        String name = TestNames.posix();
        ownSegment = Segments.createPosix(name, 64, Segments.DEFAULT_MODE);
        ui.click("#attachButton");
        ui.replaceText("#attachName", name);
        chooseLayout("seed004-memory");
        ui.click("#attachConfirm");

        await("the dialog's message", SHOWN, () -> ui.showing("#attachProblem"));
        assertThat(ui.text("#attachProblem")).isEqualTo("layout seed004-memory.json: field \"message\" (char[1024] at offset 8) ends at byte 1032, but "
                + name + " is only 64 bytes");
        assertThat(mapsLines().stream().filter(l -> l.contains("/dev/shm/" + name.substring(1))).toList())
                .as("mappings of the segment left after the refusal (the test's own writable one aside)").allMatch(l -> l.contains(" rw-s "));
        ui.click("#attachCancel");
    }

    // ---- helpers

    private void startTheProgram() throws IOException, InterruptedException {
        program = Seed004Program.start(dir, "the window test against the seed 004 C program");
    }

    /** Fills the dialog as a person would: ftok path and id, the shipped layout, where the semaphore is. */
    private void attachThroughTheDialog() {
        ui.click("#attachButton");
        await("the dialog", SHOWN, () -> ui.showing("#attachDialog"));
        ui.click("#attachKindFtok");
        ui.replaceText("#attachFtokPath", program.keyFile().toString());
        ui.replaceText("#attachFtokId", "65");
        chooseLayout("seed004-memory");
        ui.replaceText("#attachSemaphores", "semName=" + program.semaphoreName());
        ui.click("#attachConfirm");
        await("the window to attach", SHOWN, () -> window.model().attached().attachedProperty().get());
        assertThat(ui.showing("#attachDialog")).as("the dialog closed itself").isFalse();
    }

    private void chooseLayout(String name) {
        ui.click("#attachLayout");
        robot.clickOn((Node n) -> n instanceof javafx.scene.control.ListCell<?> c && name.equals(c.getText()) && c.isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> ((javafx.scene.control.ComboBox<?>) ui.node("#attachLayout")).getValue())).isEqualTo(name);
    }

    private void step(int n) throws IOException {
        program.step(n);
    }

    private void awaitValues(String what, String... values) {
        await(what + " in the fields table", SHOWN, () -> shownValues().equals(List.of(values)));
    }

    private List<String> shownValues() {
        List<String> values = new ArrayList<>();
        for (int row = 0; row < 4; row++) {
            values.add(ui.cell(FIELDS, "col-value", row, ""));
        }
        return values;
    }

    private void awaitSemaphore(String value) {
        await("the semaphore to show " + value, SHOWN, () -> ui.text("#attachedSemaphores #semaphore-semName .semaphore-value").equals(value));
    }

    /** Waits for a packet in flight from the node of one id to the node of another (nodes are in increasing id order). */
    private void awaitPacket(long fromId, long toId) {
        await("a packet from id " + fromId + " to id " + toId, SHOWN, () -> {
            List<String> names = window.model().attached().routing().nodes().stream().map(NodeViewModel::name).toList();
            int from = names.indexOf("id " + fromId);
            int to = names.indexOf("id " + toId);
            return window.model().attached().routing().packets().stream().anyMatch(p -> p.from() == from && p.to() == to);
        });
    }

    private boolean rowChanged(int index) {
        return fx(() -> ui.node(FIELDS).lookupAll(".table-row-cell").stream()
                .anyMatch(n -> n instanceof TableRow<?> r && r.getIndex() == index && r.getPseudoClassStates().contains(PseudoClass.getPseudoClass("changed"))));
    }

    private String sysvMapping() {
        return String.format(Locale.ROOT, "/SYSV%08x", program.key());
    }

    /** This JVM's mappings of the program's segment: its name and permissions, e.g. {@code /SYSV4100c1e9 r--s}. */
    private List<String> mapped() {
        String name = sysvMapping();
        return mapsLines().stream().filter(l -> l.contains(name)).map(l -> name + " " + l.split("\\s+")[1]).toList();
    }

    private static List<String> mapsLines() {
        try {
            return Files.readAllLines(Path.of("/proc/self/maps"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
