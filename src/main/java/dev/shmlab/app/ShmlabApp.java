package dev.shmlab.app;

import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: one main window; {@link WindowLauncher} hands it its options. */
public final class ShmlabApp extends Application {
    private static volatile WindowOptions options = WindowOptions.defaults();
    private static volatile MainWindow window;
    private static volatile int exitCode;

    static void configure(WindowOptions newOptions) {
        options = newOptions;
    }

    @Override
    public void start(Stage stage) {
        window = MainWindow.open(stage, options);
        if (options.measure()) {
            Measurement.begin(window, code -> exitCode = code);
        }
    }

    @Override
    public void stop() {
        MainWindow w = window;
        if (w != null) {
            w.close();
        }
    }

    /** Stops the run and removes its kernel objects (also from a shutdown hook on Ctrl+C). */
    static void closeWindow() {
        MainWindow w = window;
        if (w != null) {
            w.model().shutdown();
        }
    }

    static int exitCode() {
        return exitCode;
    }
}
