package dev.shmlab.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package layering of DESIGN.md: native code only in os, JavaFX only in the window. */
class LayeringTest {
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.shmlab");

    @Test
    void onlyTheOsPackageTouchesJna() {
        noClasses().that().resideOutsideOfPackage("dev.shmlab.os..")
                .should().dependOnClassesThat().resideInAnyPackage("com.sun.jna..")
                .check(PRODUCTION);
    }

    @Test
    void onlyTheWindowTouchesJavaFx() {
        noClasses().that().resideOutsideOfPackage("dev.shmlab.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .check(PRODUCTION);
    }

    @Test
    void theEngineDoesNotDependOnTheCommandLineOrTheWindow() {
        noClasses().that().resideInAnyPackage("dev.shmlab.os..", "dev.shmlab.shm..", "dev.shmlab.sync..", "dev.shmlab.layout..",
                        "dev.shmlab.scenario..", "dev.shmlab.participant..", "dev.shmlab.launch..", "dev.shmlab.monitor..", "dev.shmlab.foreign..", "dev.shmlab.bench..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.shmlab.cli..", "dev.shmlab.app..")
                .check(PRODUCTION);
    }

    /** Watching a foreign segment needs segments and semaphores, nothing of the lab's own format or runs. */
    @Test
    void theForeignSegmentReaderStandsOnSegmentsAndSemaphoresAlone() {
        noClasses().that().resideInAPackage("dev.shmlab.foreign..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.shmlab.layout..", "dev.shmlab.scenario..",
                        "dev.shmlab.participant..", "dev.shmlab.launch..", "dev.shmlab.monitor..")
                .check(PRODUCTION);
    }

    @Test
    void theUsersConfigurationDependsOnNoOtherPart() {
        noClasses().that().resideInAPackage("dev.shmlab.config..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.shmlab.os..", "dev.shmlab.shm..", "dev.shmlab.sync..",
                        "dev.shmlab.layout..", "dev.shmlab.scenario..", "dev.shmlab.participant..", "dev.shmlab.launch..",
                        "dev.shmlab.monitor..", "dev.shmlab.cli..", "dev.shmlab.app..")
                .check(PRODUCTION);
    }

    @Test
    void lowerLayersDoNotReachUp() {
        noClasses().that().resideInAnyPackage("dev.shmlab.os..", "dev.shmlab.shm..", "dev.shmlab.sync..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.shmlab.layout..", "dev.shmlab.scenario..",
                        "dev.shmlab.participant..", "dev.shmlab.launch..", "dev.shmlab.monitor..", "dev.shmlab.foreign..")
                .check(PRODUCTION);
        noClasses().that().resideInAnyPackage("dev.shmlab.layout..", "dev.shmlab.scenario..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.shmlab.participant..", "dev.shmlab.launch..", "dev.shmlab.monitor..",
                        "dev.shmlab.bench..")
                .check(PRODUCTION);
    }
}
