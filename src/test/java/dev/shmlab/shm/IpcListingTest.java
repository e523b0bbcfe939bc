package dev.shmlab.shm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shmlab.ShmlabException;
import dev.shmlab.os.Os;
import dev.shmlab.testing.TestNames;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IpcListingTest {
    @TempDir
    Path dir;

    @Test
    void aSegmentCreatedThroughSegmentsIsListedAsShmlabsWithThisProcessAsItsLiveCreator() {
        Segment segment = Segments.createPosix(TestNames.posix(), 4096, 0600);
        try (segment) {
            IpcObject object = IpcListing.require(IpcRef.of(segment.address()));

            assertThat(object.kind()).isEqualTo(ObjectRegistry.Kind.POSIX_SHM);
            assertThat(object.sizeBytes()).isEqualTo(4096);
            assertThat(object.mode()).isEqualTo(0600);
            assertThat(object.ownerUid()).isEqualTo(Os.geteuid());
            assertThat(object.createdByShmlab()).isTrue();
            assertThat(object.creator()).isEqualTo(new IpcObject.ProcessRef(ProcessHandle.current().pid(), true));
            assertThat(IpcListing.all()).contains(object);
        } finally {
            segment.remove();
        }
    }

    @Test
    void aSystemVSegmentShowsTheKernelsAttachCountAndCreatorPid() {
        Segment segment = Segments.createSysV(TestNames.sysvKey(), 8192, 0600);
        try (segment) {
            IpcObject object = IpcListing.require(IpcRef.of(segment.address()));

            assertThat(object.sizeBytes()).isEqualTo(8192);
            assertThat(object.attachCount()).isEqualTo(1);
            assertThat(object.creator().pid()).isEqualTo(ProcessHandle.current().pid());
            assertThat(object.last().pid()).isEqualTo(ProcessHandle.current().pid());
            assertThat(object.createdByShmlab()).isTrue();
        } finally {
            segment.remove();
        }
    }

    @Test
    void anObjectMadeWithPlainShmOpenIsNotShmlabs() {
        String name = TestNames.posix();
        Os.close(Os.shmOpen(name, Os.O_RDWR | Os.O_CREAT | Os.O_EXCL, 0640));
        try {
            IpcObject object = IpcListing.require(IpcRef.posixShm(name));

            assertThat(object.createdByShmlab()).isFalse();
            assertThat(object.creator()).isNull();
            assertThat(object.mode()).isEqualTo(0640);
        } finally {
            Os.shmUnlink(name);
        }
    }

    @Test
    void aMissingObjectIsNamedInTheException() {
        IpcRef ref = IpcRef.sysvShmKey(TestNames.sysvKey());

        assertThat(IpcListing.find(ref)).isEmpty();
        assertThatThrownBy(() -> IpcListing.require(ref))
                .isInstanceOf(NoSuchObjectException.class)
                .hasMessage("no System V segment with " + Os.keyText(ref.key()));
    }

    @Test
    void aSymbolicLinkInDevShmIsNeitherListedNorFollowed() throws Exception {
        Path target = Files.writeString(dir.resolve("target"), "not shared memory");
        String name = "/shmlab-test-link-" + TestNames.posix().substring("/shmlab-test-".length());
        Path link = Files.createSymbolicLink(Path.of("/dev/shm", name.substring(1)), target);
        try {
            assertThat(IpcListing.all()).noneMatch(o -> name.equals(o.name()));
            assertThat(IpcListing.find(IpcRef.posixShm(name))).isEmpty();
            assertThatThrownBy(() -> IpcListing.require(IpcRef.posixShm(name)))
                    .isInstanceOf(ShmlabException.class)
                    .hasMessageStartingWith("refusing " + link + ": it is a symbolic link");
        } finally {
            Files.delete(link);
        }
    }
}
