package dev.shmlab.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shmlab.sync.children.CasCounterChild;
import dev.shmlab.testing.ChildJvm;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SharedCounterTest {
    private static final int TIMES = 1_000_000;

    @Test
    void twoProcessesAddingOneAMillionTimesEachWithCompareAndSetReachExactlyTwoMillion() {
        try (TestSegment segment = TestSegment.create();
             ChildJvm child = ChildJvm.start(CasCounterChild.class, segment.name(), Integer.toString(TIMES))) {
            long parentCasFailures = CasCounterChild.addOneRepeatedly(segment.memory(), TIMES, Duration.ofSeconds(30));
            int exitCode = child.waitFor(Duration.ofSeconds(60));

            assertThat(exitCode).as(child.output()).isZero();
            assertThat(segment.memory().getIntVolatile(CasCounterChild.COUNTER_OFFSET))
                    .as("parent casFailures=%d, child: %s", parentCasFailures, child.output())
                    .isEqualTo(2 * TIMES);
        }
    }
}
