package dev.shmlab.app;

import dev.shmlab.ShmlabException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javax.imageio.ImageIO;

/** Writes a JavaFX image (a snapshot of the view) as a PNG file. */
final class Png {
    private Png() {
    }

    static void write(Image image, Path file) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        try {
            if (!ImageIO.write(out, "png", file.toFile())) {
                throw new ShmlabException("cannot write " + file + ": no PNG writer in this Java runtime");
            }
        } catch (IOException e) {
            throw new ShmlabException("cannot write the image " + file + ": " + e.getMessage(), e);
        }
    }
}
