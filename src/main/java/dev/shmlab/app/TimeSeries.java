package dev.shmlab.app;

/** A bounded series of (time, value) points, oldest dropped first. */
public final class TimeSeries {
    private final String name;
    private final double[] times;
    private final double[] values;
    private int head;
    private int count;

    TimeSeries(String name, int capacity) {
        this.name = name;
        this.times = new double[capacity];
        this.values = new double[capacity];
    }

    void add(double time, double value) {
        times[head] = time;
        values[head] = value;
        head = (head + 1) % times.length;
        count = Math.min(count + 1, times.length);
    }

    void clear() {
        count = 0;
    }

    public String name() {
        return name;
    }

    public int size() {
        return count;
    }

    /** The i-th oldest point's time. */
    public double time(int i) {
        return times[slot(i)];
    }

    public double value(int i) {
        return values[slot(i)];
    }

    private int slot(int i) {
        return Math.floorMod(head - count + i, times.length);
    }
}
