package dev.shmlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shmlab.shm.SharedMemory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HexDumpTest {

    @Test
    void aFullLineShowsTwoGroupsOfEightBytesAndTheirAscii() {
        byte[] bytes = "Hello, shmlab!\n\u007f".getBytes(StandardCharsets.US_ASCII);

        assertThat(HexDump.line(0, bytes, 16, 8))
                .isEqualTo("00000000  48 65 6c 6c 6f 2c 20 73  68 6d 6c 61 62 21 0a 7f  |Hello, shmlab!..|");
    }

    @Test
    void aShortLineKeepsTheAsciiColumnAligned() {
        byte[] bytes = {(byte) 0xff, 0x41, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

        assertThat(HexDump.line(0x30, bytes, 2, 8))
                .isEqualTo("00000030  ff 41                                             |.A|");
    }

    @Test
    void linesStartAtTheOffsetAndTheOffsetColumnWidensPastFourGigabytes() {
        assertThat(HexDump.line(0x1_0000_0000L, new byte[16], 1, 9)).startsWith("100000000  00 ");
    }

    @Test
    void writesOneLinePerSixteenBytesFromTheOffset() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment memory = arena.allocate(64);
            memory.set(java.lang.foreign.ValueLayout.JAVA_BYTE, 20, (byte) 'x');
            StringWriter text = new StringWriter();

            HexDump.write(new PrintWriter(text, true), SharedMemory.of(memory), 4, 33);

            assertThat(text.toString().lines()).hasSize(3)
                    .first().asString().startsWith("00000004  00").endsWith("|................|");
            assertThat(text.toString().lines().skip(1).findFirst().orElseThrow()).isEqualTo(
                    "00000014  78 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |x...............|");
        }
    }
}
