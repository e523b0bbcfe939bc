package dev.shmlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shmlab.os.Os;
import dev.shmlab.shm.Segment;
import dev.shmlab.shm.SegmentAddress;
import dev.shmlab.shm.Segments;
import dev.shmlab.testing.TestNames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {
    private static final byte[] GREETING = "Hello, shmlab!".getBytes(StandardCharsets.US_ASCII);
    private static final String GREETING_LINE =
            "00000000  48 65 6c 6c 6f 2c 20 73  68 6d 6c 61 62 21 00 00  |Hello, shmlab!..|";

    @TempDir
    Path dir;

    private Segment segment;
    private int ipcmkId = -1;

    @AfterEach
    void removeWhatTheTestCreated() {
        if (segment != null) {
            segment.close();
            segment.remove();
        }
        if (ipcmkId >= 0) {
            SysVTool.removeSegment(ipcmkId);
        }
    }

    @Test
    void dumpsTheBytesWrittenIntoAPosixObjectWithItsMetadata() {
        segment = Segments.createPosix(TestNames.posix(), 4096, 0600);
        segment.memory().putBytes(0, GREETING, 0, GREETING.length);
        segment.memory().putInt(16, 0xdeadbeef);

        Cli.Run inspect = Cli.shmlab("inspect", segment.address().display());

        assertThat(inspect.exitCode()).as(inspect.err()).isZero();
        assertThat(inspect.stdout()).contains(
                "kind      posix-shm",
                "name      " + segment.address().display(),
                "size      4096 bytes",
                "mode      0600",
                "shmlab    created by shmlab",
                "dump      256 bytes from offset 0, opened read-only",
                GREETING_LINE,
                "00000010  ef be ad de 00 00 00 00  00 00 00 00 00 00 00 00  |................|");
        assertThat(dumpLines(inspect)).as("256 bytes, 16 per line").hasSize(16);
    }

    @Test
    void dumpsASystemVSegmentMadeByIpcmkById() {
        ipcmkId = SysVTool.makeSegment(4096);
        try (Segment writer = Segments.open(new SegmentAddress.SysVId(ipcmkId), false)) {
            writer.memory().putBytes(0, GREETING, 0, GREETING.length);
        }

        Cli.Run inspect = Cli.shmlab("inspect", "--sysv-id", Integer.toString(ipcmkId));

        assertThat(inspect.exitCode()).as(inspect.err()).isZero();
        assertThat(inspect.stdout()).contains("kind      sysv-shm", "id        " + ipcmkId, "size      4096 bytes",
                "attached  0 (before this inspect attached)", "shmlab    not created by shmlab", GREETING_LINE);
    }

    @Test
    void findsASystemVSegmentByItsKey() {
        int key = TestNames.sysvKey();
        segment = Segments.createSysV(key, 4096, 0600);
        segment.memory().putBytes(0, GREETING, 0, GREETING.length);

        Cli.Run inspect = Cli.shmlab("inspect", "--sysv-key", String.format("0x%08x", key));

        assertThat(inspect.exitCode()).as(inspect.err()).isZero();
        assertThat(inspect.stdout()).contains(String.format("key       0x%08x", key),
                "id        " + ((SegmentAddress.SysVKey) segment.address()).id(), "attached  1 (before this inspect attached)",
                "shmlab    created by shmlab", GREETING_LINE);
    }

    @Test
    void findsASystemVSegmentByFtokPathAndId() throws Exception {
        Path keyFile = Files.createFile(dir.resolve("MemDispatch"));
        int key = Os.ftok(keyFile.toString(), 65);
        segment = Segments.createSysV(key, 4096, 0600);
        segment.memory().putBytes(0, GREETING, 0, GREETING.length);

        Cli.Run inspect = Cli.shmlab("inspect", "--ftok", keyFile + ":65");

        assertThat(inspect.exitCode()).as(inspect.err()).isZero();
        assertThat(inspect.stdout()).contains(String.format("key       0x%08x", key), GREETING_LINE);
    }

    @Test
    void dumpsAFileWithAShortLastLine() throws Exception {
        Path file = Files.write(dir.resolve("data.bin"), "Hello, shmlab! 0123456789".getBytes(StandardCharsets.US_ASCII));

        Cli.Run inspect = Cli.shmlab("inspect", "--file", file.toString());

        assertThat(inspect.exitCode()).as(inspect.err()).isZero();
        assertThat(inspect.stdout()).contains("kind      file", "size      25 bytes",
                "00000000  48 65 6c 6c 6f 2c 20 73  68 6d 6c 61 62 21 20 30  |Hello, shmlab! 0|",
                "00000010  31 32 33 34 35 36 37 38  39                       |123456789|");
    }

    @Test
    void dumpsOnlyTheRangeGivenByOffsetAndBytes() {
        segment = Segments.createPosix(TestNames.posix(), 4096, 0600);
        segment.memory().putBytes(0x100, GREETING, 0, GREETING.length);

        Cli.Run inspect = Cli.shmlab("inspect", segment.address().display(), "--offset", "0x100", "--bytes", "20");

        assertThat(inspect.exitCode()).as(inspect.err()).isZero();
        assertThat(dumpLines(inspect)).containsExactly(
                "00000100  48 65 6c 6c 6f 2c 20 73  68 6d 6c 61 62 21 00 00  |Hello, shmlab!..|",
                "00000110  00 00 00 00                                       |....|");
    }

    @Test
    void aMissingTargetFailsWithExitCode1AndOneLineSayingWhatToDo() {
        String name = TestNames.posix();

        Cli.Run inspect = Cli.shmlab("inspect", name);

        assertThat(inspect.exitCode()).isEqualTo(1);
        assertThat(inspect.stdout()).isEmpty();
        assertThat(inspect.stderr()).containsExactly(
                "shmlab: no POSIX shared-memory object \"" + name + "\" in /dev/shm; list objects with 'shmlab ls'");
    }

    @Test
    void anOffsetPastTheEndIsBadInputNamingTheOptionAndItsRange() {
        segment = Segments.createPosix(TestNames.posix(), 4096, 0600);

        Cli.Run inspect = Cli.shmlab("inspect", segment.address().display(), "--offset", "4096");

        assertThat(inspect.exitCode()).isEqualTo(2);
        assertThat(inspect.stderr()).singleElement().asString()
                .startsWith("shmlab: --offset: must be between 0 and 4095 for this 4096-byte object (got 4096)");
    }

    @Test
    void moreBytesThanAreLeftAfterTheOffsetIsBadInputNamingTheOptionAndItsRange() {
        segment = Segments.createPosix(TestNames.posix(), 4096, 0600);

        Cli.Run inspect = Cli.shmlab("inspect", segment.address().display(), "--offset", "4000", "--bytes", "100");

        assertThat(inspect.exitCode()).isEqualTo(2);
        assertThat(inspect.stderr()).singleElement().asString().startsWith("shmlab: --bytes: must be between 1 and 96");
    }

    private static java.util.List<String> dumpLines(Cli.Run inspect) {
        return inspect.stdout().stream().filter(l -> l.matches("[0-9a-f]{8}  .*")).toList();
    }
}
