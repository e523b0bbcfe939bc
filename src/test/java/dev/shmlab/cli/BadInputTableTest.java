package dev.shmlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shmlab.scenario.Catalog;
import dev.shmlab.scenario.ParamSpec;
import dev.shmlab.scenario.Scenario;
import dev.shmlab.shm.Segment;
import dev.shmlab.shm.Segments;
import dev.shmlab.testing.TestNames;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scenario parameter and command option with invalid values: exit 2, one line on stderr that
 * names the option (and the allowed range where there is one), no stack trace, nothing created.
 */
class BadInputTableTest {
    private static final String LONG_NAME = "/" + "x".repeat(255);
    private static Segment notShmlabs;

    @BeforeAll
    static void createASegmentThatIsNotShmlabs() {
        notShmlabs = Segments.createPosix(TestNames.posix(), 4096, 0600);
    }

    @AfterAll
    static void removeIt() {
        notShmlabs.close();
        notShmlabs.remove();
    }

    static Stream<Arguments> badInputs() {
        List<Arguments> cases = new ArrayList<>();
        for (Scenario s : Catalog.all()) {
            for (ParamSpec p : s.parameters()) {
                for (String value : invalidValues(p)) {
                    cases.add(Arguments.of(List.of("run", s.name(), "--" + p.name(), value), "--" + p.name()));
                }
            }
        }
        cases.add(Arguments.of(List.of("run", "no-such-scenario"), "unknown scenario"));
        cases.add(Arguments.of(List.of("run", "round-robin", "--bogus", "1"), "--bogus"));
        cases.add(Arguments.of(List.of("run", "round-robin", "--clients"), "--clients"));
        cases.add(Arguments.of(List.of("run", "round-robin", "--pace", "-5ms"), "--pace"));
        cases.add(Arguments.of(List.of("run", "round-robin", "--pace", "fast"), "--pace"));
        cases.add(Arguments.of(List.of("run", "round-robin", "--timeout", "0"), "--timeout"));
        cases.add(Arguments.of(List.of("watch"), "target"));
        cases.add(Arguments.of(List.of("watch", "/a/b"), "/"));
        cases.add(Arguments.of(List.of("watch", LONG_NAME), "255"));
        cases.add(Arguments.of(List.of("watch", "noslash"), "'/'"));
        cases.add(Arguments.of(List.of("watch", "/x", "--interval", "0"), "--interval"));
        cases.add(Arguments.of(List.of("watch", "/x", "--count", "0"), "--count"));
        cases.add(Arguments.of(List.of("inspect", "/a/b"), "/"));
        cases.add(Arguments.of(List.of("inspect", LONG_NAME), "255"));
        cases.add(Arguments.of(List.of("inspect", "--ftok", "/no/such/path:65"), "--ftok"));
        cases.add(Arguments.of(List.of("inspect", "--ftok", "/tmp:0"), "--ftok"));
        cases.add(Arguments.of(List.of("inspect", "--sysv-key", "zzz"), "--sysv-key"));
        cases.add(Arguments.of(List.of("inspect", "--sysv-id", "-4"), "--sysv-id"));
        cases.add(Arguments.of(List.of("clean", "/a/b"), "/"));
        cases.add(Arguments.of(List.of("ls", "--bogus"), "--bogus"));
        return cases.stream();
    }

    static List<String> invalidValues(ParamSpec p) {
        return switch (p.type()) {
            case INTEGER -> List.of(Long.toString(p.min() - 1), Long.toString(p.max() + 1), "abc", "1.5");
            case SIZE -> List.of(Long.toString(p.min() - 1), Long.toString(p.max() + 1), "abc", "-1");
            case DURATION_MS -> List.of("-1", Long.toString(p.max() + 1), "abc");
            case CHOICE -> List.of("nonsense", "");
            case BOOLEAN -> List.of("maybe");
            case TEXT -> List.of("x".repeat((int) Math.min(p.max() + 1, 100_000)));
        };
    }

    @ParameterizedTest(name = "shmlab {0}")
    @MethodSource("badInputs")
    void badInputExitsTwoWithOneLineNamingIt(List<String> args, String named) {
        java.util.Set<String> before = createdHere();
        PrintStream originalErr = System.err;
        PrintStream originalOut = System.out;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            exit = Main.run(args.toArray(String[]::new));
        } finally {
            System.setErr(originalErr);
            System.setOut(originalOut);
        }
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(exit).as("exit code; stderr: %s", lines).isEqualTo(2);
        assertThat(lines).as("stderr").singleElement().asString()
                .startsWith("shmlab: ").contains(named).doesNotContain("Exception").doesNotContain("at dev.shmlab");
        assertThat(createdHere()).as("nothing created").isEqualTo(before);
    }

    @ParameterizedTest(name = "watching a segment that is not shmlab's")
    @MethodSource("notShmlabsSegment")
    void watchingASegmentThatIsNotShmlabsExitsTwo(String name) {
        badInputExitsTwoWithOneLineNamingIt(List.of("watch", name), "not a shmlab segment");
    }

    static Stream<String> notShmlabsSegment() {
        return Stream.of(((dev.shmlab.shm.SegmentAddress.Posix) notShmlabs.address()).name());
    }

    /** Objects this JVM created that still exist: registry entries and System V segments it is the creator of. */
    private static java.util.Set<String> createdHere() {
        long self = ProcessHandle.current().pid();
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (dev.shmlab.shm.ObjectRegistry.Entry e : dev.shmlab.shm.ObjectRegistry.entries()) {
            if (e.creatorPid() == self) {
                out.add(e.kind() + " " + e.name() + " " + e.id());
            }
        }
        for (dev.shmlab.shm.IpcObject o : dev.shmlab.shm.IpcListing.all()) {
            if (o.creator() != null && o.creator().pid() == self) {
                out.add(o.kind() + " " + o.name() + " " + o.id());
            }
        }
        return out;
    }
}
