package dev.shmlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shmlab.os.Os;
import dev.shmlab.shm.Segment;
import dev.shmlab.shm.Segments;
import dev.shmlab.testing.TestNames;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LsCommandTest {

    @Test
    void listsAPosixSegmentCreatedThroughSegmentsAsCreatedByShmlabWithItsSizeAndLiveCreator() {
        Segment segment = Segments.createPosix(TestNames.posix(), 4096, 0600);
        try (segment) {
            String name = segment.address().display();

            Cli.Run ls = Cli.shmlab("ls");

            assertThat(ls.exitCode()).as(ls.err()).isZero();
            Map<String, String> row = rowWhere(ls, "NAME/KEY", name);
            assertThat(row).containsEntry("KIND", "posix-shm").containsEntry("SIZE", "4096").containsEntry("MODE", "0600")
                    .containsEntry("ID", "-").containsEntry("CREATOR", ProcessHandle.current().pid() + " alive")
                    .containsEntry("SHMLAB", "yes");
        } finally {
            segment.remove();
        }
    }

    @Test
    void listsASystemVSegmentMadeByIpcmkWithItsSizeAndNotAsShmlabs() {
        int id = SysVTool.makeSegment(4096);
        try {
            Cli.Run ls = Cli.shmlab("ls");

            assertThat(ls.exitCode()).as(ls.err()).isZero();
            Map<String, String> row = ls.table().stream()
                    .filter(r -> r.get("KIND").equals("sysv-shm") && r.get("ID").equals(Integer.toString(id)))
                    .findFirst().orElseThrow(() -> new AssertionError("no row for id " + id + " in\n" + ls.out()));
            assertThat(row).containsEntry("SIZE", "4096").containsEntry("ATTACHED", "0").containsEntry("SHMLAB", "no");
            assertThat(row.get("NAME/KEY")).matches("0x[0-9a-f]{8}");
            assertThat(row.get("CREATOR")).endsWith(" dead").as("ipcmk exited after creating it");
        } finally {
            SysVTool.removeSegment(id);
        }
    }

    @Test
    void listsNamedAndSystemVSemaphores() {
        String name = TestNames.posix();
        Os.semClose(Os.semOpen(name, Os.O_CREAT | Os.O_EXCL, 0600, 0));
        int id = SysVTool.makeSemaphoreSet(2);
        try {
            Cli.Run ls = Cli.shmlab("ls");

            assertThat(ls.exitCode()).as(ls.err()).isZero();
            assertThat(rowWhere(ls, "NAME/KEY", name)).containsEntry("KIND", "posix-sem").containsEntry("SHMLAB", "no");
            assertThat(ls.table()).anySatisfy(row -> assertThat(row)
                    .containsEntry("KIND", "sysv-sem").containsEntry("ID", Integer.toString(id)).containsEntry("SIZE", "2 sem"));
        } finally {
            Os.semUnlink(name);
            SysVTool.removeSemaphoreSet(id);
        }
    }

    @Test
    void jsonGivesScriptsTheSameFieldsWithNumbersAsNumbers() throws Exception {
        Segment segment = Segments.createPosix(TestNames.posix(), 8192, 0600);
        try (segment) {
            String name = segment.address().display();

            Cli.Run ls = Cli.shmlab("ls", "--json");

            assertThat(ls.exitCode()).as(ls.err()).isZero();
            JsonNode object = null;
            for (JsonNode node : new ObjectMapper().readTree(ls.out())) {
                if (name.equals(node.path("name").asText())) {
                    object = node;
                }
            }
            assertThat(object).as("%s in %s", name, ls.out()).isNotNull();
            assertThat(object.get("kind").asText()).isEqualTo("posix-shm");
            assertThat(object.get("sizeBytes").asLong()).isEqualTo(8192);
            assertThat(object.get("mode").asText()).isEqualTo("0600");
            assertThat(object.get("creatorPid").asLong()).isEqualTo(ProcessHandle.current().pid());
            assertThat(object.get("creatorAlive").asBoolean()).isTrue();
            assertThat(object.get("createdByShmlab").asBoolean()).isTrue();
            assertThat(object.get("id").isNull()).isTrue();
        } finally {
            segment.remove();
        }
    }

    private static Map<String, String> rowWhere(Cli.Run ls, String column, String value) {
        return ls.table().stream().filter(r -> value.equals(r.get(column))).findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + column + "=" + value + " in\n" + ls.out()));
    }
}
