package dev.shmlab.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shmlab.layout.LabGeometry;
import dev.shmlab.layout.LabSegment;
import dev.shmlab.os.Os;
import dev.shmlab.shm.Segment;
import dev.shmlab.shm.Segments;
import dev.shmlab.testing.TestNames;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A segment cut short under a running observer is reported in words; the JVM does not crash. */
class ShrinkingSegmentTest {

    @Test
    void anObserverWhoseSegmentShrinksStopsWithAPlainMessage() throws Exception {
        String name = TestNames.posix();
        LabGeometry g = new LabGeometry(2, 1, 1024, 1 << 20);
        Segment segment = Segments.createPosix(name, g.totalLength(), 0600);
        try {
            LabSegment.format(segment.memory(), g, "shrink", 2, "{}");
            try (Monitor monitor = Monitor.open(segment.address(), Duration.ofMillis(5), false).start()) {
                Thread.sleep(50);
                assertThat(monitor.failure()).isNull();
                int fd = Os.shmOpen(name, Os.O_RDWR, 0);
                try {
                    Os.ftruncate(fd, 0, name);
                } finally {
                    Os.close(fd);
                }
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (monitor.failure() == null && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertThat(monitor.failure()).contains("shrank");
            }
        } finally {
            segment.close();
            segment.remove();
        }
    }
}
