package dev.shmlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shmlab.foreign.LayoutDescription;
import dev.shmlab.foreign.PlacedField;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shipped layouts for the seeds' structs say what the scenarios that reproduce them write. */
class ShippedLayoutsTest {

    @Test
    void theHandshakeLayoutMatchesTheHandshakeScenariosSegment() {
        LayoutDescription layout = LayoutDescription.shipped("seed001-handshake");
        assertThat(offsets(layout)).containsAllEntriesOf(Map.of("ready", HandshakeScenario.READY_OFFSET,
                "counter", HandshakeScenario.COUNTER_OFFSET, "checksum", HandshakeScenario.CHECKSUM_OFFSET,
                "message", HandshakeScenario.MESSAGE_OFFSET));
        assertThat(layout.field("message").orElseThrow().sizeBytes()).isEqualTo(HandshakeScenario.MESSAGE_LENGTH);
        assertThat(layout.sizeBytes()).isEqualTo(HandshakeScenario.SEGMENT_SIZE);
    }

    @Test
    void theSeed004LayoutReadsTheRoundRobinScenariosStructMemory() {
        LayoutDescription layout = LayoutDescription.shipped("seed004-memory");
        assertThat(offsets(layout)).isEqualTo(Map.of("packet_no", (long) MemoryStruct.PACKET_NO_OFFSET,
                "srcClientNo", (long) MemoryStruct.SRC_OFFSET, "destClientNo", (long) MemoryStruct.DEST_OFFSET,
                "message", (long) MemoryStruct.MESSAGE_OFFSET));
        assertThat(layout.field("message").orElseThrow().sizeBytes()).isEqualTo(MemoryStruct.MESSAGE_LENGTH);
        assertThat(layout.extentBytes()).isLessThanOrEqualTo(MemoryStruct.SIZE);
    }

    private static Map<String, Long> offsets(LayoutDescription layout) {
        return layout.fields().stream().collect(Collectors.toMap(PlacedField::path, PlacedField::offset));
    }
}
