package dev.shmlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What the window tests do to and read from the real window: clicks, typed text, and what is on screen. */
final class WindowDriver {
    private final FxRobot robot;

    WindowDriver(FxRobot robot) {
        this.robot = robot;
    }

    void click(String query) {
        robot.clickOn(query);
    }

    /** Replaces the text of a parameter's field, as a person would: select all, type. */
    void type(String parameter, String text) {
        replaceText("#param-" + parameter, text);
    }

    /** Replaces the text of any text field, as a person would: click, select all, type. */
    void replaceText(String query, String text) {
        robot.clickOn(query);
        robot.press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL);
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Whether a node is on screen: it and every parent visible. */
    boolean showing(String query) {
        return fx(() -> robot.lookup(query).tryQuery().map(n -> {
            for (Node at = n; at != null; at = at.getParent()) {
                if (!at.isVisible()) {
                    return false;
                }
            }
            return n.getScene() != null && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing();
        }).orElse(false));
    }

    <T extends Node> T node(String query) {
        return robot.lookup(query).query();
    }

    String text(String query) {
        return fx(() -> ((Labeled) robot.lookup(query).query()).getText());
    }

    boolean disabled(String query) {
        return fx(() -> robot.lookup(query).query().isDisabled());
    }

    Set<String> styleClasses(String query) {
        return fx(() -> Set.copyOf(robot.lookup(query).query().getStyleClass()));
    }

    /** The node's pseudo-classes, by name ({@code state-dead}, {@code focused}…). */
    Set<String> pseudoClasses(String query) {
        return fx(() -> robot.lookup(query).query().getPseudoClassStates().stream()
                .map(javafx.css.PseudoClass::getPseudoClassName).collect(java.util.stream.Collectors.toSet()));
    }

    /** The text shown in one cell of the participants table (row = participant index). */
    String cell(String columnId, int row) {
        return cell("#participantsTable", columnId, row);
    }

    /** The text shown in one cell of a table. */
    String cell(String tableQuery, String columnId, int row) {
        String text = cell(tableQuery, columnId, row, null);
        if (text == null) {
            throw new AssertionError("no cell " + columnId + " in row " + row + " of " + tableQuery);
        }
        return text;
    }

    /** The text shown in one cell of a table, or {@code absent} while the table shows no such cell. */
    String cell(String tableQuery, String columnId, int row, String absent) {
        return fx(() -> {
            Set<Node> cells = robot.lookup(tableQuery).query().lookupAll(".table-cell");
            for (Node n : cells) {
                if (n instanceof TableCell<?, ?> c && c.getTableColumn() != null && columnId.equals(c.getTableColumn().getId())
                        && c.getIndex() == row && c.getTableRow() != null && c.getTableRow().getItem() != null) {
                    return c.getText() == null ? "" : c.getText();
                }
            }
            return absent;
        });
    }

    /** A table cell's number (digits only, "1,234" → 1234). */
    long number(String columnId, int row) {
        String digits = cell(columnId, row).replaceAll("[^0-9]", "");
        return digits.isEmpty() ? 0 : Long.parseLong(digits);
    }

    int rows() {
        return fx(() -> ((TableView<?>) robot.lookup("#participantsTable").query()).getItems().size());
    }

    List<Long> column(String columnId) {
        return java.util.stream.IntStream.range(0, rows()).mapToObj(i -> number(columnId, i)).toList();
    }

    /** Waits until the condition holds (checked on the UI thread), failing with the description after the timeout. */
    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (fx(condition::getAsBoolean)) {
                return;
            }
            sleep(20);
        }
        assertThat(fx(condition::getAsBoolean)).as("%s within %s", what, timeout).isTrue();
    }

    /**
     * Closes a window as its close button would (stopping its run and removing the run's kernel
     * objects), then checks that nothing this JVM created is still registered.
     */
    static void closeAndCheckNothingLeft(MainWindow window, Duration limit) throws Exception {
        WaitForAsyncUtils.asyncFx(window::close).get(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        assertThat(ownRegistryEntries()).as("kernel objects this test's runs left registered").isEmpty();
    }

    /** Kernel objects the registry says this JVM created (the window's runs create them here). */
    static List<dev.shmlab.shm.ObjectRegistry.Entry> ownRegistryEntries() {
        long self = ProcessHandle.current().pid();
        return dev.shmlab.shm.ObjectRegistry.entries().stream().filter(e -> e.creatorPid() == self).toList();
    }

    static <T> T fx(Callable<T> read) {
        return WaitForAsyncUtils.waitForAsyncFx(10_000, read);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
