package dev.shmlab.layout;

import dev.shmlab.shm.SegmentAddress;
import dev.shmlab.shm.Segment;
import dev.shmlab.shm.Segments;
import java.time.Duration;

/**
 * Child process for {@link SeqlockTortureTest}: publishes participant record 0 as fast as it can
 * for the given number of milliseconds, every field derived from one counter k.
 */
public final class RecordHammer {
    public static void main(String[] args) {
        Segment segment = Segments.openPosix(args[0], false);
        LabSegment lab = LabSegment.attach(segment.memory(), Duration.ofSeconds(5));
        ParticipantPublisher p = new ParticipantPublisher(lab.participant(0));
        long end = System.nanoTime() + Long.parseLong(args[1]) * 1_000_000L;
        long k = 0;
        System.out.println("hammering");
        while (System.nanoTime() < end) {
            k++;
            p.sent = k;
            p.received = k;
            p.bytesSent = 2 * k;
            p.bytesReceived = 3 * k;
            p.lost = k & 0xff;
            p.duplicated = k & 0xff;
            p.corrupted = k & 0xff;
            p.waitNanos = 5 * k;
            p.stepsTaken = 7 * k;
            p.lastSeq = k;
            p.publish();
        }
        System.out.println("published " + k);
        segment.close();
    }
}
