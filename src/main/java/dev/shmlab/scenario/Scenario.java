package dev.shmlab.scenario;

import dev.shmlab.layout.LabSegment;
import java.util.List;

/**
 * One entry of the catalogue: parameters, the participants it needs, what each role does, and
 * what is left to say about a finished run. Implementations are stateless; the same object serves
 * the launcher (plan, prepare, verdict) and each participant process (role bodies).
 */
public interface Scenario {
    /** The name used on the command line, e.g. {@code round-robin}. */
    String name();

    /** One line for {@code shmlab scenarios} and the window's catalogue. */
    String summary();

    /** The seed document this scenario reproduces, e.g. {@code 004}. */
    String seed();

    /** A few sentences: what it shows, how it differs from its seed. */
    String description();

    List<ParamSpec> parameters();

    /** Decides participants, segment size and sync objects for checked parameters (may reject combinations). */
    RunPlan plan(ScenarioParams params);

    /**
     * Runs in the launcher after the lab segment is formatted and before any participant starts:
     * initialise in-segment objects and create named ones (registering each in the sync records).
     * Returns what must be removed at the end.
     */
    default ScenarioResources prepare(LabSegment lab, ScenarioParams params) {
        return ScenarioResources.none();
    }

    /** The body of role {@code role} (as numbered in the plan), run in a participant process. */
    void run(int role, RoleContext context) throws Exception;

    /** The pseudo-code lines of a role, in the shape of the seed's C; step ids index this list. */
    default List<String> pseudoCode(int role) {
        return List.of();
    }

    /** Run-level findings read from the segment after the participants ended (e.g. lost increments). */
    default List<Finding> verdict(LabSegment lab, ScenarioParams params) {
        return List.of();
    }

    /** Whether lost, duplicated or corrupted messages fail a run with these parameters. */
    default boolean integrityRequired(ScenarioParams params) {
        return true;
    }

    /**
     * Whether the other participants carry on when one exits badly or is killed, instead of being
     * stopped (a robust mutex lets them recover from an owner that died holding it). The death is
     * reported and fails the run either way.
     */
    default boolean othersContinueAfterDeath(ScenarioParams params) {
        return false;
    }

    /**
     * Whether a run with these parameters measures how fast things can go (latency, throughput) for
     * long enough that the JVM's optimising compiler pays: its participants then run with it. The
     * others run on the quick compiler only, which brings them to RUNNING sooner and leaves the
     * CPUs to the run instead of to compiling (16 participants compiling at once take a 2-CPU
     * machine for seconds).
     */
    default boolean measuresPeakSpeed(ScenarioParams params) {
        return false;
    }

    /**
     * Whether the roles read {@link RoleContext#syncEnabled()} as they go, so that synchronisation
     * can be switched off and on while the run is live (the window's race toggle).
     */
    default boolean syncSwitchable() {
        return false;
    }

    /**
     * Run-level damage readable while the run goes on (e.g. lost updates so far), cheap enough to
     * read a few times a second; each value may lag the truth by the increments in flight.
     */
    default List<Finding> liveFindings(LabSegment lab, ScenarioParams params) {
        return List.of();
    }

    /** One run-level number with a name; {@code bad} marks an integrity failure. */
    record Finding(String name, long value, boolean bad) {
    }
}
