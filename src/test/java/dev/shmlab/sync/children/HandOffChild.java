package dev.shmlab.sync.children;

import dev.shmlab.shm.Segment;
import dev.shmlab.shm.Segments;
import dev.shmlab.shm.SharedMemory;
import dev.shmlab.sync.NamedSemaphore;
import dev.shmlab.sync.SharedSemaphore;
import dev.shmlab.sync.SpinFlag;
import dev.shmlab.sync.SysVSemaphoreSet;
import dev.shmlab.sync.WaitStrategy;
import java.time.Duration;

/**
 * The second player of a {@link HandOff}. Arguments: segment name, rounds, timeout in ms, then the
 * baton: {@code named PING PONG}, {@code in-segment}, {@code sysv KEY} or {@code flag STRATEGY}.
 * Prints {@code ok rounds=N} or {@code error=…} and exits 0 or 1.
 */
public final class HandOffChild {
    private HandOffChild() {
    }

    public static void main(String[] args) {
        int rounds = Integer.parseInt(args[1]);
        Duration timeout = Duration.ofMillis(Long.parseLong(args[2]));
        try (Segment segment = Segments.openPosix(args[0], false)) {
            SharedMemory mem = segment.memory();
            String error = switch (args[3]) {
                case "named" -> {
                    try (NamedSemaphore ping = NamedSemaphore.open(args[4]); NamedSemaphore pong = NamedSemaphore.open(args[5])) {
                        yield HandOff.play(HandOff.semaphores(ping, pong), mem, false, rounds, timeout);
                    }
                }
                case "in-segment" -> HandOff.play(HandOff.semaphores(
                        SharedSemaphore.attach(mem, HandOff.PING_OFFSET, "ping"),
                        SharedSemaphore.attach(mem, HandOff.PONG_OFFSET, "pong")), mem, false, rounds, timeout);
                case "sysv" -> {
                    SysVSemaphoreSet set = SysVSemaphoreSet.open(Integer.parseInt(args[4]));
                    yield HandOff.play(HandOff.semaphores(set.member(0, false), set.member(1, false)), mem, false, rounds, timeout);
                }
                case "flag" -> HandOff.play(HandOff.flag(SpinFlag.of(mem, HandOff.TURN_OFFSET, WaitStrategy.valueOf(args[4])), 2),
                        mem, false, rounds, timeout);
                default -> "unknown-baton=" + args[3];
            };
            System.out.println(error == null ? "ok rounds=" + rounds : "error=" + error);
            System.exit(error == null ? 0 : 1);
        }
    }
}
