package dev.shmlab.testing;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Whether a tool a test needs (gcc, strace) is installed here. */
public final class Programs {
    private Programs() {
    }

    /** Whether the command runs and exits 0 within 30 s (its output is discarded). */
    public static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
