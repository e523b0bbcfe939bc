package dev.shmlab.app;

import dev.shmlab.monitor.Recording;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The "File" menu of the tool bar: record, open a recording, back to live, exports. Each file is
 * chosen in the system's file dialog, then handed to the model's command.
 */
final class FileMenus {
    private final MainViewModel model;
    private final Supplier<Window> owner;
    private final Consumer<Path> exportView;

    /** @param exportView writes the image of the whole view to a file */
    FileMenus(MainViewModel model, Supplier<Window> owner, Consumer<Path> exportView) {
        this.model = model;
        this.owner = owner;
        this.exportView = exportView;
    }

    MenuButton fileMenu() {
        MenuItem open = item("openRecordingItem", "Open recording…", this::openRecording);
        open.disableProperty().bind(model.canOpenRecordingProperty().not());
        MenuItem live = item("backToLiveItem", "Back to live", model::backToLive);
        live.disableProperty().bind(model.replay().activeProperty().not());
        CheckMenuItem record = new CheckMenuItem("Record runs");
        record.setId("recordItem");
        record.selectedProperty().bindBidirectional(model.recordProperty());
        MenuItem recordTo = item("recordToItem", "Record the next run to…", this::chooseRecording);
        recordTo.disableProperty().bind(model.canEditProperty().not());
        MenuItem png = item("exportPngItem", "Export the view as PNG…", () -> save("PNG image", "*.png", "shmlab.png", exportView));
        MenuItem csv = item("exportCsvItem", "Export the metrics as CSV…", () -> save("CSV", "*.csv", "shmlab-metrics.csv", model::exportMetricsCsv));
        csv.disableProperty().bind(model.canExportMetricsProperty().not());
        MenuItem json = item("exportJsonItem", "Export the run summary as JSON…",
                () -> save("JSON", "*.json", "shmlab-summary.json", model::exportSummaryJson));
        json.disableProperty().bind(model.canExportSummaryProperty().not());
        MenuButton menu = new MenuButton("File", null, open, live, new SeparatorMenuItem(), record, recordTo, new SeparatorMenuItem(), png, csv, json);
        menu.setId("fileMenu");
        menu.getStyleClass().add("view-menu");
        menu.setTooltip(new Tooltip("Record runs, replay a recording without any process, export the view, metrics and summary"));
        return menu;
    }

    private void openRecording() {
        FileChooser chooser = chooser("Open a recording", "shmlab recording", "*" + Recording.FILE_SUFFIX);
        File file = chooser.showOpenDialog(owner.get());
        if (file != null) {
            model.openRecording(file.toPath());
        }
    }

    private void chooseRecording() {
        FileChooser chooser = chooser("Record the next run to", "shmlab recording", "*" + Recording.FILE_SUFFIX);
        chooser.setInitialFileName(model.scenarioProperty().get().name() + Recording.FILE_SUFFIX);
        File file = chooser.showSaveDialog(owner.get());
        if (file != null) {
            Path path = file.toPath();
            model.nextRecordingProperty().set(path.toString().endsWith(Recording.FILE_SUFFIX) ? path
                    : path.resolveSibling(path.getFileName() + Recording.FILE_SUFFIX));
            model.recordProperty().set(true);
        }
    }

    private void save(String kind, String pattern, String initialName, Consumer<Path> write) {
        FileChooser chooser = chooser("Export", kind, pattern);
        chooser.setInitialFileName(initialName);
        File file = chooser.showSaveDialog(owner.get());
        if (file != null) {
            write.accept(file.toPath());
        }
    }

    private FileChooser chooser(String title, String kind, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind + " (" + pattern + ")", pattern));
        Path directory = model.recordingDirectoryProperty().get();
        if (directory != null && Files.isDirectory(directory)) {
            chooser.setInitialDirectory(directory.toFile());
        }
        return chooser;
    }

    private static MenuItem item(String id, String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }
}
