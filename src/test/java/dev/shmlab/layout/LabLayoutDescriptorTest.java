package dev.shmlab.layout;

import static dev.shmlab.layout.LabLayoutDescriptor.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabLayoutDescriptorTest {

    @Test
    void sectionsFollowEachOtherAlignedAndTheTotalIsWholePages() {
        LabGeometry g = new LabGeometry(3, 2, 1024, 10_000);
        assertThat(g.controlOffset()).isEqualTo(512);
        assertThat(g.participantsOffset()).isEqualTo(640).isEqualTo(align(g.participantsOffset(), CACHE_LINE_PAIR));
        assertThat(g.syncOffset()).isEqualTo(640 + 3 * 256);
        assertThat(g.eventsOffset()).isEqualTo(g.syncOffset() + 2 * 128);
        assertThat(g.paramsOffset()).isEqualTo(g.eventsOffset() + 128 + 1024 * 32);
        assertThat(g.dataOffset()).isEqualTo(align(g.paramsOffset() + 2048, 4096));
        assertThat(g.totalLength()).isEqualTo(align(g.dataOffset() + 10_000, 4096));
        assertThat(g.totalLength() % PAGE).isZero();
    }

    @Test
    void everyParticipantRecordStartsOnItsOwnCacheLinePair() {
        LabGeometry g = new LabGeometry(64, 16, 2, 1);
        for (int i = 0; i < 64; i++) {
            assertThat((g.participantsOffset() + (long) i * PARTICIPANT_LENGTH) % CACHE_LINE_PAIR).isZero();
        }
        assertThat(g.syncOffset() % CACHE_LINE_PAIR).isZero();
        assertThat(g.eventsOffset() % CACHE_LINE_PAIR).isZero();
    }

    @Test
    void theMagicSpellsShmlab01InMemoryOrder() {
        byte[] bytes = java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(MAGIC).array();
        assertThat(new String(bytes, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("SHMLAB01");
    }

    /** The C header in src/main/c describes the same bytes as this class (checked with gcc when present). */
    @Test
    void theCHeaderAgreesWithTheJavaOffsets(@TempDir Path dir) throws Exception {
        assumeThat(Files.isExecutable(Path.of("/usr/bin/gcc")) || Files.isExecutable(Path.of("/usr/local/bin/gcc")))
                .as("gcc is not installed: the C header check is skipped").isTrue();
        Path source = dir.resolve("offsets.c");
        Files.writeString(source, """
                #include <stdio.h>
                #include "shmlab.h"
                #define P(s, f) printf("%s.%s %zu\\n", #s, #f, offsetof(struct s, f))
                int main(void) {
                    P(shmlab_header, major); P(shmlab_header, total_length); P(shmlab_header, creator_pid);
                    P(shmlab_header, participant_capacity); P(shmlab_header, event_capacity); P(shmlab_header, control);
                    P(shmlab_header, participants); P(shmlab_header, data); P(shmlab_header, scenario);
                    P(shmlab_header, participant_count); P(shmlab_header, sync_count);
                    P(shmlab_control, command); P(shmlab_control, pace_ns); P(shmlab_control, step_grant);
                    P(shmlab_control, wake_word); P(shmlab_control, run_start_ns);
                    P(shmlab_participant, pid); P(shmlab_participant, state); P(shmlab_participant, heartbeat_ns);
                    P(shmlab_participant, sent); P(shmlab_participant, corrupted); P(shmlab_participant, p50_ns);
                    P(shmlab_participant, max_ns); P(shmlab_participant, last_seq); P(shmlab_participant, name);
                    P(shmlab_participant, step_grant);
                    P(shmlab_sync_object, holder); P(shmlab_sync_object, label); P(shmlab_sync_object, storage);
                    P(shmlab_event, time_ns); P(shmlab_event, from); P(shmlab_event, size);
                    return 0;
                }
                """);
        Path exe = dir.resolve("offsets");
        Process gcc = new ProcessBuilder("gcc", "-std=c11", "-I", Path.of("src/main/c").toAbsolutePath().toString(), "-o", exe.toString(),
                source.toString()).redirectErrorStream(true).start();
        assertThat(gcc.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(gcc.exitValue()).as(new String(gcc.getInputStream().readAllBytes())).isZero();
        Map<String, Long> c = run(exe);
        Map<String, Long> java = Map.ofEntries(
                Map.entry("shmlab_header.major", (long) VERSION_MAJOR_OFFSET), Map.entry("shmlab_header.total_length", (long) TOTAL_LENGTH_OFFSET),
                Map.entry("shmlab_header.creator_pid", (long) CREATOR_PID_OFFSET),
                Map.entry("shmlab_header.participant_capacity", (long) PARTICIPANT_CAPACITY_OFFSET),
                Map.entry("shmlab_header.event_capacity", (long) EVENT_CAPACITY_OFFSET),
                Map.entry("shmlab_header.control", (long) CONTROL_SECTION_OFFSET),
                Map.entry("shmlab_header.participants", (long) PARTICIPANTS_SECTION_OFFSET),
                Map.entry("shmlab_header.data", (long) DATA_SECTION_OFFSET), Map.entry("shmlab_header.scenario", (long) SCENARIO_NAME_OFFSET),
                Map.entry("shmlab_header.participant_count", (long) PARTICIPANT_COUNT_OFFSET),
                Map.entry("shmlab_header.sync_count", (long) SYNC_COUNT_OFFSET),
                Map.entry("shmlab_control.command", (long) COMMAND_OFFSET), Map.entry("shmlab_control.pace_ns", (long) PACE_NANOS_OFFSET),
                Map.entry("shmlab_control.step_grant", (long) STEP_GRANT_OFFSET), Map.entry("shmlab_control.wake_word", (long) WAKE_WORD_OFFSET),
                Map.entry("shmlab_control.run_start_ns", (long) RUN_START_NANOS_OFFSET),
                Map.entry("shmlab_participant.pid", (long) P_PID_OFFSET), Map.entry("shmlab_participant.state", (long) P_STATE_OFFSET),
                Map.entry("shmlab_participant.heartbeat_ns", (long) P_HEARTBEAT_NANOS_OFFSET),
                Map.entry("shmlab_participant.sent", (long) P_SENT_OFFSET), Map.entry("shmlab_participant.corrupted", (long) P_CORRUPTED_OFFSET),
                Map.entry("shmlab_participant.p50_ns", (long) P_P50_NANOS_OFFSET), Map.entry("shmlab_participant.max_ns", (long) P_MAX_NANOS_OFFSET),
                Map.entry("shmlab_participant.last_seq", (long) P_LAST_SEQ_OFFSET), Map.entry("shmlab_participant.name", (long) P_NAME_OFFSET),
                Map.entry("shmlab_participant.step_grant", (long) P_STEP_GRANT_OFFSET),
                Map.entry("shmlab_sync_object.holder", (long) S_HOLDER_OFFSET), Map.entry("shmlab_sync_object.label", (long) S_LABEL_OFFSET),
                Map.entry("shmlab_sync_object.storage", (long) S_STORAGE_OFFSET),
                Map.entry("shmlab_event.time_ns", (long) E_TIME_NANOS_OFFSET), Map.entry("shmlab_event.from", (long) E_FROM_OFFSET),
                Map.entry("shmlab_event.size", (long) E_SIZE_OFFSET));
        assertThat(c).isEqualTo(java);
    }

    private static Map<String, Long> run(Path exe) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(exe.toString()).start();
        List<String> lines = new String(p.getInputStream().readAllBytes()).lines().toList();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        Map<String, Long> out = new HashMap<>();
        for (String line : lines) {
            String[] f = line.split(" ");
            out.put(f[0], Long.parseLong(f[1]));
        }
        return out;
    }
}
