package dev.shmlab.app;

import dev.shmlab.ShmlabException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.stream.Stream;
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
    private static final String PRISM_ORDER = "prism.order";

    private WindowLauncher() {
    }

    /** Shows the window until it is closed; returns the exit code (the measurement's, with --measure). */
    public static int open(WindowOptions options) {
        if (!hasDisplay()) {
            throw new ShmlabException("cannot open the window: there is no display (DISPLAY and WAYLAND_DISPLAY are not set); "
                    + "run it on a desktop or under xvfb-run, or use 'shmlab run SCENARIO' without a window");
        }
        JAVAFX_LOG.setLevel(Level.SEVERE);
        if (System.getProperty(PRISM_ORDER) == null && !hasGraphicsDevice()) {
            System.setProperty(PRISM_ORDER, "sw");
        }
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

    /**
     * Whether the machine has a GPU device node (a DRM render node or NVIDIA's device). Without one,
     * JavaFX's OpenGL pipeline always turns down the software OpenGL it finds (Mesa's llvmpipe,
     * as under Xvfb or in most VMs) and falls back to its own software renderer, but only after
     * loading Mesa and LLVM: about 50 MB of the window's memory and part of its start. Then the
     * software renderer is asked for at once. {@code -Dprism.order=...} still decides.
     */
    static boolean hasGraphicsDevice() {
        return hasEntryStartingWith(Path.of("/dev/dri"), "renderD") || hasEntryStartingWith(Path.of("/dev"), "nvidia");
    }

    private static boolean hasEntryStartingWith(Path directory, String prefix) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.anyMatch(p -> p.getFileName().toString().startsWith(prefix));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static boolean hasDisplay() {
        return notBlank(System.getenv("DISPLAY")) || notBlank(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
