package dev.shmlab.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shmlab.shm.Segment;
import dev.shmlab.shm.Segments;
import dev.shmlab.testing.ChildJvm;
import dev.shmlab.testing.TestNames;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Another process rewrites a record as fast as it can; no snapshot read meanwhile is ever torn. */
class SeqlockTortureTest {

    @Test
    void snapshotsOfARecordHammeredByAnotherProcessAreNeverTorn() {
        LabGeometry g = new LabGeometry(1, 0, 16, 64);
        Segment segment = Segments.createPosix(TestNames.posix(), g.totalLength(), 0600);
        try (ChildJvm child = startHammer(segment, g)) {
            ParticipantRecord record = LabSegment.attach(segment.memory(), Duration.ofSeconds(1)).participant(0);
            long consistent = 0;
            long distinct = 0;
            long last = -1;
            while (child.process().isAlive() || consistent == 0) {
                Optional<ParticipantSnapshot> read = record.read();
                if (read.isEmpty()) {
                    continue;
                }
                ParticipantSnapshot s = read.get();
                long k = s.sent();
                assertThat(new long[] {s.received(), s.bytesSent(), s.bytesReceived(), s.lost(), s.duplicated(), s.corrupted(),
                        s.waitNanos(), s.stepsTaken(), s.lastSeq()})
                        .as("snapshot for k=%d", k)
                        .containsExactly(k, 2 * k, 3 * k, k & 0xff, k & 0xff, k & 0xff, 5 * k, 7 * k, k);
                consistent++;
                if (k != last) {
                    distinct++;
                    last = k;
                }
            }
            assertThat(child.waitFor(Duration.ofSeconds(10))).isZero();
            assertThat(distinct).as("the reader saw the record change many times").isGreaterThan(20);
        } finally {
            segment.close();
            segment.remove();
        }
    }

    private static ChildJvm startHammer(Segment segment, LabGeometry g) {
        LabSegment.format(segment.memory(), g, "torture", 1, "{}");
        ChildJvm child = ChildJvm.start(RecordHammer.class, ((dev.shmlab.shm.SegmentAddress.Posix) segment.address()).name(), "1500");
        child.awaitLine("hammering", Duration.ofSeconds(10));
        return child;
    }
}
