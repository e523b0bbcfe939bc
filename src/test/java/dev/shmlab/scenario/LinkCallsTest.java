package dev.shmlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shmlab.testing.ChildJvm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A participant binds, before its role starts, exactly the families of native calls its plan's
 * sync objects use, each family on its own ({@link SyncObjects#linkCalls}, {@code LibCHot}'s
 * holders). Seen in a fresh JVM, from the classes it loads: a family's holder is loaded when the
 * family is first called, and only then.
 */
class LinkCallsTest {
    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "ping-pong     | sync=futex | Syscall",
            "ping-pong     | sync=sem   | Semaphores",
            "round-robin   | clients=3  | Semaphores",
            "mutex-counter | processes=2 | Mutexes",
            "ping-pong     | sync=spin  | ''"})
    void aParticipantBindsTheFamiliesItsSyncObjectsUseAndNoOther(String scenario, String parameter, String families) {
        Set<String> expected = new TreeSet<>(families.isBlank() ? List.of() : List.of(families.split(" ")));

        assertThat(familiesBoundFor(scenario, parameter)).isEqualTo(expected);
    }

    private static Set<String> familiesBoundFor(String scenario, String parameter) {
        List<String> command = new ArrayList<>(ChildJvm.javaCommand());
        command.add(1, "-Xlog:class+load=info:stdout");
        command.addAll(List.of(LinkCallsChild.class.getName(), scenario, parameter));
        try (ChildJvm child = ChildJvm.startCommand(command)) {
            assertThat(child.waitFor(Duration.ofSeconds(60))).as(child.output()).isZero();
            assertThat(child.stdout()).as(child.output()).contains("linked");
            Set<String> families = new TreeSet<>();
            for (String line : child.stdout()) {
                int at = line.indexOf("dev.shmlab.os.LibCHot$");
                if (at >= 0) {
                    families.add(line.substring(at + "dev.shmlab.os.LibCHot$".length()).split(" ")[0]);
                }
            }
            families.removeIf(name -> name.startsWith("$") || name.equals("ThreadState"));
            return families;
        }
    }
}
