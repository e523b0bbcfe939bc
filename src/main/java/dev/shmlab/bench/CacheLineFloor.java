package dev.shmlab.bench;

import dev.shmlab.os.Os;
import dev.shmlab.os.ProcStat;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * The latency floor: two threads of this JVM bounce a counter in one cache line (ping raises it to
 * an odd value, pong answers with the next even one), each spinning on it. One-way = round trip /
 * 2. Nothing between two processes on this machine hands a message over faster than a cache line
 * travels between two cores. With two CPUs or more both threads are pinned, to CPUs 0 and 1: the
 * floor is the cross-core case. (They are threads of their own: a pinned thread that starts a
 * process passes its pinning on, and participants must start free.)
 */
public final class CacheLineFloor {
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();
    private static final int MAX_SAMPLES = 1 << 21;
    private static final long STOP = -1;

    /** One-way nanoseconds at the median, p99 and p99.9, the round trips measured and where the threads ran. */
    public record Result(long p50Nanos, long p99Nanos, long p999Nanos, long roundTrips, Placement placement) {
    }

    private CacheLineFloor() {
    }

    /** Warms up for warmupNanos, then measures for measureNanos (at most two million round trips). */
    public static Result measure(long warmupNanos, long measureNanos) {
        boolean pin = Runtime.getRuntime().availableProcessors() >= 2;
        int[] cpus = {-1, -1};
        long[] samples = new long[MAX_SAMPLES];
        int[] measured = {0};
        try (Arena arena = Arena.ofShared()) {
            MemorySegment line = arena.allocate(128, 128);
            CountDownLatch pongReady = new CountDownLatch(1);
            Thread pong = Thread.ofPlatform().daemon().name("cache-line-pong").start(() -> {
                cpus[1] = place(pin, 1);
                pongReady.countDown();
                pong(line);
            });
            Thread ping = Thread.ofPlatform().daemon().name("cache-line-ping").start(() -> {
                cpus[0] = place(pin, 0);
                try {
                    pongReady.await();
                    long seq = pingFor(line, 1, warmupNanos, null);
                    measured[0] = (int) ((pingFor(line, seq, measureNanos, samples) - seq) / 2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    LONG.setRelease(line, 0L, STOP);
                }
            });
            ping.join();
            pong.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring the cache-line round trip", e);
        }
        int n = measured[0];
        if (n == 0) {
            throw new IllegalStateException("the cache-line round trip measured nothing");
        }
        long[] sorted = Arrays.copyOf(samples, n);
        Arrays.sort(sorted);
        Placement placement = new Placement(1, cpus[0] == cpus[1] ? 1 : 0, pin ? "pinned to CPUs 0 and 1" : "free");
        return new Result(sorted[n / 2] / 2, sorted[(int) ((n - 1) * 0.99)] / 2, sorted[(int) ((n - 1) * 0.999)] / 2, n, placement);
    }

    /** Pins the calling thread to cpu when asked; returns the CPU it runs on. */
    private static int place(boolean pin, int cpu) {
        if (pin) {
            Os.pinCurrentThread(cpu);
        }
        return ProcStat.readThread(ProcessHandle.current().pid(), Os.gettid()).map(ProcStat::lastCpu).orElse(-1);
    }

    /** Round trips from seq (odd) until the time is up; returns the next seq. Records each when samples is given. */
    private static long pingFor(MemorySegment line, long seq, long nanos, long[] samples) {
        long start = System.nanoTime();
        long prev = start;
        int n = 0;
        while (prev - start < nanos && (samples == null || n < samples.length)) {
            // Release/acquire: the counter is the message; nothing else needs ordering.
            LONG.setRelease(line, 0L, seq);
            while ((long) LONG.getAcquire(line, 0L) != seq + 1) {
                Thread.onSpinWait();
            }
            long now = System.nanoTime();
            if (samples != null) {
                samples[n++] = now - prev;
            }
            prev = now;
            seq += 2;
        }
        return seq;
    }

    /** Answers every odd value with the next even one until ping says stop. */
    private static void pong(MemorySegment line) {
        long answered = 0;
        while (true) {
            long v = (long) LONG.getAcquire(line, 0L);
            if (v == STOP) {
                return;
            }
            if ((v & 1) == 1 && v != answered - 1) {
                answered = v + 1;
                LONG.setRelease(line, 0L, answered);
            } else {
                Thread.onSpinWait();
            }
        }
    }
}
