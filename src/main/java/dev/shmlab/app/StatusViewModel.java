package dev.shmlab.app;

import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The status bar: what the window is doing, the segment and its backend, the sampling rate, the
 * frame rate measured in the animation timer, and the run time. Refreshed twice a second.
 */
public final class StatusViewModel {
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "Ready");
    private final ReadOnlyStringWrapper segment = new ReadOnlyStringWrapper(this, "segment", "no segment");
    private final ReadOnlyStringWrapper sampling = new ReadOnlyStringWrapper(this, "sampling", "sampling idle");
    private final ReadOnlyStringWrapper frames = new ReadOnlyStringWrapper(this, "frames", "– fps");
    private final ReadOnlyStringWrapper recording = new ReadOnlyStringWrapper(this, "recording", "");
    private final ReadOnlyStringWrapper runTime = new ReadOnlyStringWrapper(this, "runTime", "0:00");
    private final FrameRate frameRate = new FrameRate();
    private final Throttle refresh = Throttle.perSecond(2);
    private long lastSamples = -1;
    private long lastSamplesNanos;
    private double samplesPerSecond;

    void frame(long nowNanos) {
        frameRate.frame(nowNanos);
    }

    /** Refreshes the numbers when due; {@code samples} is the sampler's total count, or -1 without a run. */
    void refresh(long nowNanos, long samples, long runNanos) {
        if (!refresh.due(nowNanos)) {
            return;
        }
        frames.set(String.format(Locale.ROOT, "%.0f fps (slowest frame %.0f ms)", frameRate.fps(), frameRate.worstFrameMillis()));
        if (samples < 0) {
            sampling.set("sampling idle");
            lastSamples = -1;
        } else {
            if (lastSamples >= 0 && nowNanos > lastSamplesNanos) {
                samplesPerSecond = (samples - lastSamples) * 1e9 / (nowNanos - lastSamplesNanos);
                sampling.set(String.format(Locale.ROOT, "%.0f samples/s", samplesPerSecond));
            }
            lastSamples = samples;
            lastSamplesNanos = nowNanos;
        }
        runTime.set("run " + Format.clock(runNanos));
    }

    void message(String text) {
        message.set(text);
    }

    void segment(String text) {
        segment.set(text);
    }

    void recording(String text) {
        recording.set(text);
    }

    public FrameRate frameRate() {
        return frameRate;
    }

    /** Samples per second measured over the last half second. */
    public double samplesPerSecond() {
        return samplesPerSecond;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty segmentProperty() {
        return segment.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty samplingProperty() {
        return sampling.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty framesProperty() {
        return frames.getReadOnlyProperty();
    }

    /** Where runs are recorded, or that this one is being recorded; empty when nothing is recorded. */
    public ReadOnlyStringProperty recordingProperty() {
        return recording.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty runTimeProperty() {
        return runTime.getReadOnlyProperty();
    }
}
