package dev.shmlab.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The real window under TestFX and a real (or virtual) display, opened afresh for each test and
 * closed after it with a check that its run left nothing behind. A test class says where the
 * window keeps its preferences and how long closing may take.
 */
@RequiresDisplay
@ExtendWith(ApplicationExtension.class)
abstract class WindowTest {
    protected MainWindow window;
    protected WindowDriver ui;
    protected FxRobot robot;

    /** The window's preferences file, deleted before each test; null keeps none. */
    Path preferences() {
        return null;
    }

    /** How the window opens. */
    WindowOptions options() {
        return WindowOptions.defaults();
    }

    /** How long closing may take to stop the run and remove its kernel objects. */
    Duration closeTimeout() {
        return Duration.ofSeconds(30);
    }

    /**
     * Opens the window on TestFX's primary stage. Not a TestFX {@code @Start} method: TestFX looks
     * for those in the test class alone, not in the classes it extends.
     */
    @BeforeEach
    void open(FxRobot fxRobot) throws Exception {
        robot = fxRobot;
        ui = new WindowDriver(fxRobot);
        Path file = preferences();
        if (file != null) {
            Files.deleteIfExists(file);
        }
        Stage stage = FxToolkit.registerPrimaryStage();
        window = WindowDriver.fx(() -> MainWindow.open(stage, options(), file));
        // As after a @Start: the window's first layout passes (the parameter sheet is built in
        // one) are over before the test looks for nodes.
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        WindowDriver.closeAndCheckNothingLeft(window, closeTimeout());
    }
}
