package dev.shmlab.app;

import dev.shmlab.config.Preferences;
import dev.shmlab.scenario.Catalog;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.animation.AnimationTimer;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Puts the main view in a stage and drives it: one animation timer calls the model once per
 * frame and moves the routing view's packets. Closing the window stops the run and waits until every
 * kernel object it made is removed.
 */
public final class MainWindow {
    public static final String TITLE = "shmlab — shared-memory lab";
    private static final String STYLESHEET = "/css/shmlab.css";

    private final Stage stage;
    private final MainViewModel model;
    private final MainView view;
    private final ExecutorService background;
    private final FrameLoop frames = new FrameLoop();
    private final PresentationViewModel presentationModel;
    private final PresentationMode presentation;
    private volatile long firstFrameNanos;
    private volatile long drawnNanos;
    private boolean closed;

    private MainWindow(Stage stage, WindowOptions options, Path preferencesFile) {
        this.stage = stage;
        this.background = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("window-background").factory());
        this.model = new MainViewModel(background);
        PreferencesStore preferences = new PreferencesStore(preferencesFile);
        model.rememberRunsIn(preferences);
        if (options.scenario().equals(MainViewModel.DEFAULT_SCENARIO) && options.params().isEmpty()) {
            // Nothing asked for on the command line: the window opens where the last run left it.
            model.restoreLastRun(preferences.read());
        } else {
            model.scenarioProperty().set(Catalog.byName(options.scenario()));
            options.params().forEach((name, text) -> model.parametersProperty().get().set(name, text));
        }
        this.view = new MainView(model);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double width = Math.min(screen.getWidth(), 1920);
        double height = Math.min(screen.getHeight(), 1080);
        Scene scene = new Scene(view, width, height);
        scene.getStylesheets().add(MainWindow.class.getResource(STYLESHEET).toExternalForm());
        this.presentationModel = new PresentationViewModel(preferencesFile);
        this.presentation = new PresentationMode(stage, scene, view, presentationModel, fontSize(height));
        presentation.installShortcuts(model);
        FileMenus menus = new FileMenus(model, scene::getWindow, this::exportView);
        view.controls().addTrailing(menus.fileMenu());
        view.controls().addTrailing(presentation.menu());
        stage.setScene(scene);
        stage.setTitle(TITLE);
        stage.setX(screen.getMinX() + (screen.getWidth() - width) / 2);
        stage.setY(screen.getMinY() + (screen.getHeight() - height) / 2);
    }

    /** How long after the window is shown participant processes are started ahead of the first Start. */
    private static final javafx.util.Duration SPARES_AFTER_SHOWN = javafx.util.Duration.seconds(2);

    /** Builds the window in the stage, shows it and starts the frame loop (and the run, with autostart). */
    public static MainWindow open(Stage stage, WindowOptions options) {
        return open(stage, options, Preferences.defaultFile());
    }

    /** Opens the window with scale and theme kept in {@code preferencesFile} (null: defaults, nothing kept). */
    public static MainWindow open(Stage stage, WindowOptions options, Path preferencesFile) {
        MainWindow window = new MainWindow(stage, options, preferencesFile);
        window.frames.start();
        stage.show();
        window.model.keepSpares(options.spares());
        if (options.autostart()) {
            window.model.start();
        }
        // Once the window is drawn, not while it is: the futex call that Pause, Step and Resume
        // wake participants with is bound off the UI thread, and participants wait for the first Start.
        javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(SPARES_AFTER_SHOWN);
        later.setOnFinished(e -> {
            window.model.linkControlCalls();
            if (!options.autostart() && options.spares()) {
                window.model.prepareSpares();
            }
        });
        later.play();
        return window;
    }

    /** Writes the whole view as it is drawn now to a PNG file (on the UI thread); false when it could not. */
    public boolean exportView(Path file) {
        return model.exportView(view.snapshot(null, null), file);
    }

    /** Type readable from the back of a room: about 1/58 of the window height, 13 to 18 px. */
    static long fontSize(double windowHeight) {
        return Math.max(13, Math.min(18, Math.round(windowHeight / 58)));
    }

    /** Stops the frame loop and the run, and waits until the run's kernel objects are removed. Idempotent. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        frames.stop();
        model.shutdown();
        LabSession.closeAll();
        background.shutdownNow();
        stage.hide();
    }

    /** Stops or restarts the frame loop (the measurement's headless rounds run with a still window). */
    void pauseFrames(boolean paused) {
        if (paused) {
            frames.stop();
        } else if (!closed) {
            frames.start();
        }
    }

    public MainViewModel model() {
        return model;
    }

    public Stage stage() {
        return stage;
    }

    MainView view() {
        return view;
    }

    /** Scale and theme of presentation mode. */
    public PresentationViewModel presentation() {
        return presentationModel;
    }

    PresentationMode presentationMode() {
        return presentation;
    }

    /** When the first frame ran (monotonic nanoseconds), 0 before. */
    public long firstFrameNanos() {
        return firstFrameNanos;
    }

    /** When the second frame ran: the first one has been drawn by then (monotonic nanoseconds), 0 before. */
    public long drawnNanos() {
        return drawnNanos;
    }

    private final class FrameLoop extends AnimationTimer {
        private boolean failed;

        @Override
        public void handle(long now) {
            if (firstFrameNanos == 0) {
                firstFrameNanos = System.nanoTime();
            } else if (drawnNanos == 0) {
                drawnNanos = System.nanoTime();
            }
            try {
                model.onFrame(now);
                view.routing().draw(now);
                view.attachedRouting().draw(now);
            } catch (RuntimeException e) {
                if (!failed) {
                    failed = true;
                    e.printStackTrace();
                }
            }
        }
    }
}
