package dev.shmlab.app;

import dev.shmlab.ShmlabException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;

/**
 * Opens the window from the command line. The only way in from outside the UI package, and free
 * of JavaFX types in its signature, so the other commands never load a JavaFX class.
 */
public final class WindowLauncher {
    /**
     * JavaFX warns on every start that it runs from the class path rather than as modules, which is
     * how shmlab ships it; held here so the level sticks.
     */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    private WindowLauncher() {
    }

    /** Shows the window until it is closed; returns the exit code (the measurement's, with --measure). */
    public static int open(WindowOptions options) {
        if (!hasDisplay()) {
            throw new ShmlabException("cannot open the window: there is no display (DISPLAY and WAYLAND_DISPLAY are not set); "
                    + "run it on a desktop or under xvfb-run, or use 'shmlab run SCENARIO' without a window");
        }
        JAVAFX_LOG.setLevel(Level.SEVERE);
        ShmlabApp.configure(options);
        Thread onInterrupt = new Thread(ShmlabApp::closeWindow, "window-interrupted");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        Application.launch(ShmlabApp.class);
        try {
            Runtime.getRuntime().removeShutdownHook(onInterrupt);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is stopping the run
        }
        return ShmlabApp.exitCode();
    }

    static boolean hasDisplay() {
        return notBlank(System.getenv("DISPLAY")) || notBlank(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
