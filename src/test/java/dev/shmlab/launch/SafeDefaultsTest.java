package dev.shmlab.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shmlab.cli.Main;
import dev.shmlab.scenario.Catalog;
import dev.shmlab.scenario.Scenario;
import dev.shmlab.scenario.ScenarioParams;
import dev.shmlab.shm.IpcListing;
import dev.shmlab.shm.IpcObject;
import dev.shmlab.shm.ObjectRegistry;
import dev.shmlab.shm.Segment;
import dev.shmlab.shm.SegmentAddress;
import dev.shmlab.shm.Segments;
import dev.shmlab.testing.ChildJvm;
import dev.shmlab.testing.TestNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Objects are private by default, shared with the group only when asked, and other users' objects are refused. */
class SafeDefaultsTest {

    @Test
    void aRunCreatesItsObjectsForItsOwnerOnly() throws Exception {
        assertThat(modesOfARun(false)).containsOnly("600");
    }

    @Test
    void sharedGroupCreatesTheRunsObjectsForTheGroupToo() throws Exception {
        assertThat(modesOfARun(true)).containsOnly("660");
    }

    /** The permission bits of the lab segment, the System V segment and the named semaphore of a round-robin run. */
    private static List<String> modesOfARun(boolean shared) throws Exception {
        Scenario s = Catalog.byName("round-robin");
        try (Run run = Run.start(s, ScenarioParams.of(s.parameters(), Map.of("messages", "100000"), s.name()),
                RunOptions.defaults().withSharedGroup(shared).withTimeout(Duration.ofSeconds(30)), (i, n, l, e) -> { })) {
            String lab = ((SegmentAddress.Posix) run.segment().address()).name();
            String sem = run.lab().syncObject(0).posixName();
            int key = run.lab().data().getInt(256);
            String labMode = octal(Path.of("/dev/shm", lab.substring(1)));
            String semMode = octal(Path.of("/dev/shm", "sem." + sem.substring(1)));
            IpcObject sysv = IpcListing.all().stream().filter(o -> o.kind() == ObjectRegistry.Kind.SYSV_SHM && o.key() == key)
                    .findFirst().orElseThrow();
            run.requestStop();
            run.await();
            return List.of(labMode, semMode, Integer.toOctalString(sysv.mode() & 0777));
        }
    }

    private static String octal(Path file) throws Exception {
        String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
        int mode = 0;
        for (char c : perms.toCharArray()) {
            mode = (mode << 1) | (c == '-' ? 0 : 1);
        }
        return Integer.toOctalString(mode);
    }

    @Test
    void inspectRefusesAnotherUsersSegmentUnlessAllowed() throws Exception {
        String name = TestNames.posix();
        Segment segment = Segments.createPosix(name, 4096, 0644);
        try {
            Path file = Path.of("/dev/shm", name.substring(1));
            new ProcessBuilder("chown", "65534", file.toString()).start().waitFor();
            org.junit.jupiter.api.Assumptions.assumeTrue(Files.getAttribute(file, "unix:uid").equals(65534),
                    "changing the owner needs root; skipped");
            try (ChildJvm refused = ChildJvm.start(Main.class, "inspect", name)) {
                assertThat(refused.waitFor(Duration.ofSeconds(20))).isEqualTo(1);
                assertThat(refused.stderr()).singleElement().asString().contains("belongs to user").contains("--allow-other-owner");
            }
            try (ChildJvm allowed = ChildJvm.start(Main.class, "inspect", name, "--allow-other-owner")) {
                assertThat(allowed.waitFor(Duration.ofSeconds(20))).isZero();
            }
        } finally {
            segment.close();
            segment.remove();
        }
    }
}
