package dev.shmlab.foreign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shmlab.shm.Segment;
import dev.shmlab.shm.SegmentAddress;
import dev.shmlab.shm.Segments;
import dev.shmlab.testing.TestNames;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A watcher learns that the program removed its segment, while its own mapping stays readable. */
class ForeignSegmentRemovalTest {
    private static final LayoutDescription LAYOUT = LayoutDescription.parse(
            "{\"fields\": [{\"name\": \"seq\", \"type\": \"int32\", \"role\": \"sequence\"}]}", "test.json");

    private final List<Segment> made = new ArrayList<>();

    @AfterEach
    void removeWhatWasMade() {
        for (Segment s : made) {
            s.close();
            s.remove();
        }
    }

    @Test
    void aPosixObjectUnlinkedByItsProgramIsReportedAndTheMappingStillReads() {
        Segment program = made(Segments.createPosix(TestNames.posix(), 4096, Segments.DEFAULT_MODE));
        program.memory().segment().set(java.lang.foreign.ValueLayout.JAVA_INT, 0, 7);
        try (ForeignSegment foreign = ForeignSegment.open(program.address(), LAYOUT, false)) {
            assertThat(foreign.removal()).isEmpty();

            program.remove();

            assertThat(foreign.removal()).hasValue(program.address().display() + " was removed by its program");
            assertThat(foreign.sample().field("seq").orElseThrow().longValue()).isEqualTo(7);
        }
    }

    @Test
    void aPosixObjectRemovedAndMadeAgainUnderTheSameNameIsNotTheOneWatched() {
        Segment program = made(Segments.createPosix(TestNames.posix(), 4096, Segments.DEFAULT_MODE));
        try (ForeignSegment foreign = ForeignSegment.open(program.address(), LAYOUT, false)) {
            String name = ((SegmentAddress.Posix) program.address()).name();
            program.remove();
            made(Segments.createPosix(name, 4096, Segments.DEFAULT_MODE));

            assertThat(foreign.removal()).hasValue(name + " was removed and made again by its program");
        }
    }

    @Test
    void aSystemVSegmentMarkedForRemovalIsReportedWhileStillAttached() {
        Segment program = made(Segments.createSysV(TestNames.sysvKey(), 4096, Segments.DEFAULT_MODE));
        try (ForeignSegment foreign = ForeignSegment.open(program.address(), LAYOUT, false)) {
            assertThat(foreign.removal()).isEmpty();

            program.remove();

            assertThat(foreign.removal()).hasValueSatisfying(why -> assertThat(why).endsWith("was removed by its program (IPC_RMID)"));
            assertThat(foreign.sample().fields()).hasSize(1);
        }
    }

    private Segment made(Segment segment) {
        made.add(segment);
        return segment;
    }
}
