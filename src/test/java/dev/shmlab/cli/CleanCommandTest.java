package dev.shmlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.shmlab.os.Os;
import dev.shmlab.testing.ChildJvm;
import dev.shmlab.testing.TestNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code shmlab clean} through the real CLI. Each test gives its runs a private registry, so a
 * bare clean sees only the leftovers this test made and never another test's (or user's) objects.
 */
class CleanCommandTest {
    private static final Path DEV_SHM = Path.of("/dev/shm");

    @TempDir
    Path registry;

    @TempDir
    Path dir;

    private final List<String> posixNames = new ArrayList<>();
    private final List<Path> links = new ArrayList<>();
    private int sysvId = -1;

    @AfterEach
    void removeWhatTheTestCreated() throws IOException {
        for (String name : posixNames) {
            Os.shmUnlink(name);
        }
        for (Path link : links) {
            Files.deleteIfExists(link);
        }
        if (sysvId >= 0) {
            Os.shmRemove(sysvId);
        }
    }

    @Test
    void dryRunListsARegisteredObjectWhoseCreatorIsDeadAndLeavesIt() {
        String name = leaveBehindPosix();

        Cli.Run clean = Cli.shmlab(registry, "clean", "--dry-run");

        assertThat(clean.exitCode()).as(clean.err()).isZero();
        assertThat(clean.out()).containsPattern("would remove posix-shm " + name + " \\(creator pid \\d+ is dead\\)")
                .contains("dry run: would remove 1 object and forget 0 stale registry entries; nothing was changed");
        assertThat(devShm(name)).exists();
        assertThat(registryFiles()).hasSize(1);
    }

    @Test
    void cleanRemovesARegisteredObjectWhoseCreatorIsDeadAndForgetsIt() {
        String name = leaveBehindPosix();

        Cli.Run clean = Cli.shmlab(registry, "clean");

        assertThat(clean.exitCode()).as(clean.err()).isZero();
        assertThat(clean.out()).containsPattern("removed posix-shm " + name + " \\(creator pid \\d+ is dead\\)")
                .contains("removed 1 object, forgot 0 stale registry entries, kept 0");
        assertThat(devShm(name)).doesNotExist();
        assertThat(registryFiles()).isEmpty();
    }

    @Test
    void cleanRemovesASystemVSegmentWhoseShmlabCreatorIsDead() {
        int key = TestNames.sysvKey();
        try (ChildJvm maker = Cli.withRegistry(registry, LeftoverMaker.class, "sysv", Integer.toString(key))) {
            assertThat(maker.waitFor(Cli.TIMEOUT)).as(maker.output()).isZero();
            sysvId = Integer.parseInt(maker.awaitLine("id=", Cli.TIMEOUT).substring(3));
        }

        Cli.Run clean = Cli.shmlab(registry, "clean");

        assertThat(clean.exitCode()).as(clean.err()).isZero();
        assertThat(clean.out()).contains(String.format("removed sysv-shm key=0x%08x id=%d", key, sysvId));
        assertThat(SysVTool.segmentExists(sysvId)).isFalse();
    }

    @Test
    void bareCleanLeavesAnObjectOfTheUserThatShmlabDidNotCreate() {
        String leftover = leaveBehindPosix();
        String foreign = createUnregisteredPosix();

        Cli.Run clean = Cli.shmlab(registry, "clean");

        assertThat(clean.exitCode()).as(clean.err()).isZero();
        assertThat(devShm(leftover)).as("shmlab's leftover").doesNotExist();
        assertThat(devShm(foreign)).as("the object shmlab did not create").exists();
        assertThat(clean.out()).doesNotContain(foreign);
    }

    @Test
    void cleanNamingAnObjectOfTheUserRemovesItThoughShmlabDidNotCreateIt() {
        String foreign = createUnregisteredPosix();

        Cli.Run clean = Cli.shmlab(registry, "clean", foreign);

        assertThat(clean.exitCode()).as(clean.err()).isZero();
        assertThat(clean.out()).contains("removed posix-shm " + foreign + " (named explicitly)");
        assertThat(devShm(foreign)).doesNotExist();
    }

    @Test
    void cleanNamingAPosixSemaphoreRemovesIt() {
        String name = TestNames.posix();
        Os.semClose(Os.semOpen(name, Os.O_CREAT | Os.O_EXCL, 0600, 0));
        Path file = DEV_SHM.resolve("sem." + name.substring(1));
        try {
            Cli.Run clean = Cli.shmlab(registry, "clean", "--sem", name);

            assertThat(clean.exitCode()).as(clean.err()).isZero();
            assertThat(clean.out()).contains("removed posix-sem " + name + " (named explicitly)");
            assertThat(file).doesNotExist();
        } finally {
            Os.semUnlink(name);
        }
    }

    @Test
    void cleanRefusesAnotherUsersObjectAndLeavesIt() throws IOException {
        assumeTrue(Os.geteuid() == 0, "only root can give an object to another user");
        String name = createUnregisteredPosix();
        Files.setAttribute(devShm(name), "unix:uid", 65534);

        Cli.Run clean = Cli.shmlab(registry, "clean", name);

        assertThat(clean.exitCode()).isEqualTo(1);
        assertThat(clean.stderr()).singleElement().asString()
                .startsWith("shmlab: refusing to remove posix-shm " + name + ": it belongs to ")
                .contains("(uid 65534), not to you (uid 0)");
        assertThat(devShm(name)).exists();
    }

    @Test
    void bareCleanNeverFollowsOrRemovesASymlinkPlantedInDevShm() throws IOException {
        Path target = Files.writeString(dir.resolve("precious.txt"), "keep me");
        String name = plantLink(target);
        try (ChildJvm maker = Cli.withRegistry(registry, LeftoverMaker.class, "register-posix", name)) {
            assertThat(maker.waitFor(Cli.TIMEOUT)).as(maker.output()).isZero();
        }

        Cli.Run clean = Cli.shmlab(registry, "clean");

        assertThat(clean.exitCode()).as(clean.err()).isZero();
        assertThat(clean.out()).contains("forgot registry entry posix-shm " + name + " (" + devShm(name)
                + " is now a symbolic link; the link was left alone)");
        assertThat(target).hasContent("keep me");
        assertThat(Files.isSymbolicLink(devShm(name))).isTrue();
        assertThat(registryFiles()).isEmpty();
    }

    @Test
    void cleanNamingASymlinkInDevShmIsRefused() throws IOException {
        Path target = Files.writeString(dir.resolve("precious.txt"), "keep me");
        String name = plantLink(target);

        Cli.Run clean = Cli.shmlab(registry, "clean", name);

        assertThat(clean.exitCode()).isEqualTo(1);
        assertThat(clean.stderr()).singleElement().asString()
                .startsWith("shmlab: refusing " + devShm(name) + ": it is a symbolic link");
        assertThat(target).hasContent("keep me");
        assertThat(Files.isSymbolicLink(devShm(name))).isTrue();
    }

    /** A POSIX object created by a shmlab process that then exited without removing it. */
    private String leaveBehindPosix() {
        String name = TestNames.posix();
        posixNames.add(name);
        try (ChildJvm maker = Cli.withRegistry(registry, LeftoverMaker.class, "posix", name)) {
            assertThat(maker.waitFor(Cli.TIMEOUT)).as(maker.output()).isZero();
        }
        assertThat(devShm(name)).exists();
        return name;
    }

    /** A POSIX object made with plain shm_open: the kind a user's own C program leaves. */
    private String createUnregisteredPosix() {
        String name = TestNames.posix();
        posixNames.add(name);
        Os.close(Os.shmOpen(name, Os.O_RDWR | Os.O_CREAT | Os.O_EXCL, 0600));
        return name;
    }

    private String plantLink(Path target) throws IOException {
        String name = "/shmlab-test-link-" + TestNames.posix().substring("/shmlab-test-".length());
        links.add(Files.createSymbolicLink(devShm(name), target));
        return name;
    }

    private static Path devShm(String name) {
        return DEV_SHM.resolve(name.substring(1));
    }

    private List<Path> registryFiles() {
        try (Stream<Path> files = Files.list(registry)) {
            return files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
