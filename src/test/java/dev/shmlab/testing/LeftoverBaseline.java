package dev.shmlab.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Snapshots the kernel's IPC objects when the test run starts, for {@code NoLeftoversTest}. */
public final class LeftoverBaseline implements LauncherSessionListener {
    private static volatile KernelObjects baseline;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (baseline == null) {
            baseline = KernelObjects.now();
        }
    }

    /** The snapshot taken at the start of the run (or now, if the listener did not run). */
    public static KernelObjects baseline() {
        KernelObjects b = baseline;
        return b != null ? b : KernelObjects.now();
    }
}
