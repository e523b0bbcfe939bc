package dev.shmlab.foreign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shmlab.shm.SharedMemory;
import java.lang.foreign.Arena;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DecoderTest {
    private final Arena arena = Arena.ofConfined();
    private final SharedMemory memory = SharedMemory.of(arena.allocate(4096, 8));

    @AfterEach
    void free() {
        arena.close();
    }

    @Test
    void everyTypeIsDecodedAsTheCProgramWroteIt() {
        LayoutDescription layout = LayoutDescription.parse("""
                {"fields": [
                  {"name": "i8", "type": "int8"}, {"name": "u8", "type": "uint8"}, {"name": "i16", "type": "int16"},
                  {"name": "u16", "type": "uint16"}, {"name": "i32", "type": "int32"}, {"name": "u32", "type": "uint32"},
                  {"name": "i64", "type": "int64"}, {"name": "u64", "type": "uint64"}, {"name": "f", "type": "float"},
                  {"name": "d", "type": "double"}, {"name": "text", "type": "char[8]"}, {"name": "raw", "type": "bytes[4]"},
                  {"name": "grid", "type": "int16[2][2]"}, {"name": "names", "type": "char[2][4]"},
                  {"name": "hdr", "type": "struct", "fields": [{"name": "seq", "type": "uint32"}]}
                ]}
                """, "all.json");
        memory.putByte(0, (byte) -1);
        memory.putByte(1, (byte) 0xff);
        memory.putShort(2, (short) -2);
        memory.putShort(4, (short) 0xfffe);
        memory.putInt(8, -3);
        memory.putInt(12, 0xfffffffd);
        memory.putLong(16, -4);
        memory.putLong(24, -1L);
        memory.segment().set(java.lang.foreign.ValueLayout.JAVA_FLOAT_UNALIGNED, 32, 1.5f);
        memory.segment().set(java.lang.foreign.ValueLayout.JAVA_DOUBLE_UNALIGNED, 40, -2.25);
        memory.putCString(48, 8, "hi\n\"x\"");
        memory.putBytes(56, new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef}, 0, 4);
        for (int i = 0; i < 4; i++) {
            memory.putShort(60 + 2L * i, (short) (i + 1));
        }
        memory.putBytes(68, "abcdwxyz".getBytes(StandardCharsets.US_ASCII), 0, 8);
        memory.putInt(76, 7);

        List<DecodedField> fields = new Decoder(layout).decode(memory);

        assertThat(fields).extracting(f -> f.path() + "@" + f.offset() + "=" + f.display()).containsExactly(
                "i8@0=-1", "u8@1=255", "i16@2=-2", "u16@4=65534", "i32@8=-3", "u32@12=4294967293", "i64@16=-4",
                "u64@24=18446744073709551615", "f@32=1.5", "d@40=-2.25", "text@48=\"hi\\n\\\"x\\\"\"", "raw@56=de ad be ef",
                "grid@60=[[1, 2], [3, 4]]", "names@68=[\"abcd\", \"wxyz\"]", "hdr.seq@76=7");
    }

    @Test
    void aChangeFarIntoALongArrayIsSeenThoughItsValueIsNotKept() {
        LayoutDescription layout = LayoutDescription.parse("{\"fields\": [{\"name\": \"samples\", \"type\": \"int32[512]\"}]}", "long.json");
        Decoder decoder = new Decoder(layout);
        DecodedSnapshot before = decoder.snapshot(memory, List.of());
        memory.putInt(4 * 500, 1);
        DecodedSnapshot after = decoder.snapshot(memory, List.of());

        assertThat(after.field("samples").orElseThrow().display()).endsWith(", … (448 more)]");
        assertThat(after.changedFields(before)).containsExactly("samples");
        assertThat(after.changedFields(after)).isEmpty();
    }

    @Test
    void hopsFollowTheSequenceAndCountMessagesBetweenSamples() {
        LayoutDescription layout = LayoutDescription.shipped("seed004-memory");
        Decoder decoder = new Decoder(layout);
        HopTracker hops = new HopTracker(layout);
        write(1, 3, 1, "This is message 0 from client 3");
        assertThat(hops.next(decoder.snapshot(memory, List.of()))).as("the first sample is the baseline").isEmpty();
        write(2, 1, 2, "Message 1 from client 1");
        List<Hop> second = hops.next(decoder.snapshot(memory, List.of()));
        assertThat(hops.next(decoder.snapshot(memory, List.of()))).as("nothing new").isEmpty();
        write(5, 2, 3, "Message 2 from client 2");
        List<Hop> third = hops.next(decoder.snapshot(memory, List.of()));

        assertThat(second).singleElement().satisfies(h -> {
            assertThat(h.sequence()).isEqualTo(OptionalLong.of(2));
            assertThat(h.from()).isEqualTo(1);
            assertThat(h.to()).isEqualTo(2);
            assertThat(h.text()).isEqualTo("Message 1 from client 1");
            assertThat(h.missed()).isZero();
        });
        assertThat(third).singleElement().extracting(Hop::describe).isEqualTo("#5 2 -> 3 \"Message 2 from client 2\" (2 earlier messages not seen)");
    }

    @Test
    void withoutASequenceAChangeOfSourceDestinationOrTextIsAHop() {
        LayoutDescription layout = LayoutDescription.parse("""
                {"fields": [{"name": "from", "type": "uint8", "role": "source"}, {"name": "to", "type": "uint8", "role": "destination"},
                            {"name": "note", "type": "bytes[16]", "role": "text"}]}
                """, "nosequence.json");
        Decoder decoder = new Decoder(layout);
        HopTracker hops = new HopTracker(layout);
        hops.next(decoder.snapshot(memory, List.of()));
        memory.putByte(0, (byte) 1);
        memory.putByte(1, (byte) 2);
        memory.putCString(2, 16, "ping");
        List<Hop> first = hops.next(decoder.snapshot(memory, List.of()));
        memory.putCString(2, 16, "ping again");
        List<Hop> second = hops.next(decoder.snapshot(memory, List.of()));

        assertThat(first).extracting(Hop::describe).containsExactly("1 -> 2 \"ping\"");
        assertThat(second).extracting(Hop::describe).containsExactly("1 -> 2 \"ping again\"");
    }

    private void write(int packetNo, int src, int dest, String message) {
        memory.putShort(4, (short) src);
        memory.putShort(6, (short) dest);
        memory.fill(8, 1024, (byte) 0);
        memory.putCString(8, 1024, message);
        memory.putInt(0, packetNo);
    }
}
