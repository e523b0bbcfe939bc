package dev.shmlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shmlab.testing.TestNames;
import org.junit.jupiter.api.Test;

/** How the command line answers bad usage: exit 2 and exactly one line on stderr, no stack trace. */
class UsageTest {

    @Test
    void helpPrintsTheUsageListingTheSubcommandsAndTheWindowOptions() {
        Cli.Run help = Cli.shmlab("--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: shmlab").contains("  ls ", "  inspect ", "  clean ", "--autostart", "--scenario=NAME");
        assertThat(help.stderr()).isEmpty();
    }

    @Test
    void theBareCommandWithoutADisplaySaysSoOnOneLineAndFails() {
        Cli.Run bare = Cli.withoutDisplay();

        assertThat(bare.exitCode()).isEqualTo(1);
        assertThat(bare.stderr()).singleElement().asString()
                .startsWith("shmlab: cannot open the window: there is no display")
                .contains("'shmlab run SCENARIO'");
    }

    @Test
    void anUnknownScenarioForTheWindowIsBadUsage() {
        Cli.Run bare = Cli.withoutDisplay("--scenario", "nope");

        assertThat(bare.exitCode()).isEqualTo(2);
        assertThat(bare.stderr()).singleElement().asString().startsWith("shmlab: unknown scenario \"nope\"");
    }

    @Test
    void commandsOtherThanTheWindowLoadNoJavaFxClass() {
        Cli.Run scenarios = Cli.withoutDisplay("-Xlog:class+load=info", "scenarios");
        Cli.Run bare = Cli.withoutDisplay("-Xlog:class+load=info");

        assertThat(scenarios.exitCode()).isZero();
        assertThat(scenarios.stdout()).anyMatch(l -> l.contains("dev.shmlab.cli.ScenariosCommand"))
                .noneMatch(l -> l.contains(" javafx.") || l.contains(" org.controlsfx."));
        assertThat(bare.stdout()).noneMatch(l -> l.contains(" javafx.") || l.contains(" org.controlsfx."));
    }

    @Test
    void anUnknownOptionIsBadUsageReportedOnOneLine() {
        Cli.Run ls = Cli.shmlab("ls", "--frobnicate");

        assertThat(ls.exitCode()).isEqualTo(2);
        assertThat(ls.stderr()).containsExactly("shmlab: Unknown option: '--frobnicate'; see 'shmlab ls --help'");
    }

    @Test
    void twoTargetsAreBadUsageReportedOnOneLine() {
        Cli.Run inspect = Cli.shmlab("inspect", TestNames.posix(), "--sysv-id", "1");

        assertThat(inspect.exitCode()).isEqualTo(2);
        assertThat(inspect.stderr()).singleElement().asString()
                .startsWith("shmlab: give only one target: /NAME, --sysv-id ID, --sysv-key KEY, --ftok PATH:ID or --file PATH")
                .contains("(got /NAME and --sysv-id)");
    }

    @Test
    void anInvalidPosixNameIsBadInputReportedOnOneLine() {
        Cli.Run clean = Cli.shmlab("clean", "--dry-run", "/shmlab-test/nested");

        assertThat(clean.exitCode()).isEqualTo(2);
        assertThat(clean.stderr()).containsExactly("shmlab: /NAME: a POSIX name may contain only the leading '/' "
                + "(got \"/shmlab-test/nested\"); see 'shmlab clean --help'");
    }

    @Test
    void aNumberThatIsNotOneIsBadUsageNamingTheOption() {
        Cli.Run inspect = Cli.shmlab("inspect", "--sysv-id", "seven");

        assertThat(inspect.exitCode()).isEqualTo(2);
        assertThat(inspect.stderr()).singleElement().asString().contains("'--sysv-id'").doesNotContain("Exception");
    }

    @Test
    void debugAddsTheStackTraceAfterTheOneLineMessage() {
        Cli.Run inspect = Cli.shmlab("--debug", "inspect", TestNames.posix());

        assertThat(inspect.exitCode()).isEqualTo(1);
        assertThat(inspect.stderr().getFirst()).startsWith("shmlab: no POSIX shared-memory object");
        assertThat(inspect.err()).contains("NoSuchObjectException", "at dev.shmlab.");
    }

    @Test
    void errorsWithoutDebugCarryNoStackTrace() {
        Cli.Run inspect = Cli.shmlab("inspect", "--sysv-key", "not-a-key");

        assertThat(inspect.exitCode()).isEqualTo(2);
        assertThat(inspect.stderr()).singleElement().asString()
                .startsWith("shmlab: --sysv-key: expected a non-zero 32-bit key")
                .doesNotContain("Exception", "at dev.shmlab");
    }

    @Test
    void versionSaysDevWhenNotRunFromTheJar() {
        Cli.Run version = Cli.shmlab("--version");

        assertThat(version.exitCode()).isZero();
        assertThat(version.stdout()).containsExactly("shmlab dev");
    }
}
