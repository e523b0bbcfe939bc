package dev.shmlab.app;

import static dev.shmlab.app.WindowDriver.fx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;

/** Saves what a window shows as a PNG under {@code target/screenshots/}, for a person to look at. */
final class Screenshots {
    static final Path DIRECTORY = Path.of("target", "screenshots");

    private Screenshots() {
    }

    /** Draws the scene as it is now and writes it to {@code target/screenshots/NAME.png}; returns the file. */
    static Path save(Scene scene, String name) {
        WritableImage image = fx(() -> scene.snapshot(null));
        try {
            Files.createDirectories(DIRECTORY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path file = DIRECTORY.resolve(name + ".png");
        Png.write(image, file);
        return file;
    }
}
