package dev.shmlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shmlab.layout.LabLayoutDescriptor;
import dev.shmlab.testing.Gcc;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What src/main/c/shmlab.h tells a C program beyond the offsets (checked in LabLayoutDescriptorTest):
 * the magic, ping-pong's data area, and the checksum functions, which must give exactly the values
 * the Java participants compute, or a C participant would count every message as corrupted.
 */
class ShmlabHeaderTest {
    private static final long[] SIZES = {1, 7, 8, 15, 16, 100, 4095, 4096, 4104, 10_000, 20_481};
    private static final long SEQ = 0x1234_5678_9abcL;

    @Test
    void theHeadersConstantsAndChecksumsAgreeWithJava(@TempDir Path dir) throws Exception {
        Gcc.assumeAvailable("the comparison of shmlab.h's checksums with Java's");
        Path source = Files.writeString(dir.resolve("header.c"), """
                #include <inttypes.h>
                #include <stdio.h>
                #include <stdlib.h>
                #include "shmlab.h"
                int main(void) {
                    printf("magic %%" PRIu64 "\\n", (uint64_t) SHMLAB_MAGIC);
                    printf("major %%d\\n", SHMLAB_VERSION_MAJOR);
                    printf("pp %%d %%d %%d %%zu %%zu\\n", SHMLAB_PP_FLAG_OFFSET, SHMLAB_PP_HEADER_OFFSET, SHMLAB_PP_PAYLOAD_OFFSET,
                           offsetof(struct shmlab_pp_header, checksum), offsetof(struct shmlab_futex, sleepers));
                    long sizes[] = {%s};
                    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
                        long size = sizes[k];
                        uint8_t *payload = malloc(size);
                        for (long i = 0; i < size; i++) payload[i] = (uint8_t) (i * 31 + 7);
                        shmlab_stamp(payload, size, %dLL);
                        uint64_t h = shmlab_header_hash(%dLL, 1, 0, (int32_t) size);
                        printf("size %%ld %%" PRIu64 " %%d %%d\\n", size, h, shmlab_stamped(h, payload, size), shmlab_full(h, payload, size));
                        free(payload);
                    }
                    return 0;
                }
                """.formatted(joined(), SEQ, SEQ));
        List<String> c = run(Gcc.compile(dir, "header", List.of(source.toString())));

        List<String> java = new ArrayList<>();
        java.add("magic " + Long.toUnsignedString(LabLayoutDescriptor.MAGIC));
        java.add("major " + LabLayoutDescriptor.VERSION_MAJOR);
        java.add("pp " + PingPongScenario.FLAG_OFFSET + " " + PingPongScenario.HEADER_OFFSET + " " + PingPongScenario.PAYLOAD_OFFSET + " 20 4");
        try (Arena arena = Arena.ofConfined()) {
            for (long size : SIZES) {
                MemorySegment payload = arena.allocate(size);
                for (int i = 0; i < size; i++) {
                    payload.set(ValueLayout.JAVA_BYTE, i, (byte) (i * 31 + 7));
                }
                Checksums.stamp(payload, size, SEQ);
                long h = Checksums.header(SEQ, 1, 0, (int) size);
                java.add("size " + size + " " + Long.toUnsignedString(h) + " " + Checksums.stamped(h, payload, size) + " " + Checksums.full(h, payload, size));
            }
        }
        assertThat(c).isEqualTo(java);
    }

    private static String joined() {
        StringBuilder b = new StringBuilder();
        for (long s : SIZES) {
            b.append(b.isEmpty() ? "" : ", ").append(s);
        }
        return b.toString();
    }

    private static List<String> run(Path exe) throws Exception {
        Process p = new ProcessBuilder(exe.toString()).redirectErrorStream(true).start();
        List<String> lines = new String(p.getInputStream().readAllBytes()).lines().toList();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return lines;
    }
}
