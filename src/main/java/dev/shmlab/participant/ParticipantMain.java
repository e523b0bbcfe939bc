package dev.shmlab.participant;

import dev.shmlab.ShmlabException;
import dev.shmlab.layout.LabSegment;
import dev.shmlab.layout.ParticipantState;
import dev.shmlab.scenario.Catalog;
import dev.shmlab.scenario.RunPlan;
import dev.shmlab.scenario.Scenario;
import dev.shmlab.scenario.ScenarioParams;
import dev.shmlab.scenario.SyncObjects;
import dev.shmlab.shm.Segment;
import dev.shmlab.shm.SegmentAddress;
import dev.shmlab.shm.Segments;
import java.time.Duration;

/**
 * The {@code main} of a participant process:
 * {@code ParticipantMain SEGMENT INDEX PARENT_PID} (or {@code --standby PARENT_PID}, reading
 * {@code SEGMENT INDEX} from its input: {@link Standby}; or {@link #STARTED_OPTION}). It attaches
 * to the lab segment, finds its scenario, role and parameters there, publishes its state while it
 * runs the role, obeys the control block, and exits within 2 s if its parent dies.
 *
 * <p>Exit codes: 0 done (or stopped on request), 3 the role failed, 4 the parent died, 2 bad
 * arguments or segment.
 */
public final class ParticipantMain {
    public static final int EXIT_DONE = 0;
    public static final int EXIT_BAD_INPUT = 2;
    public static final int EXIT_FAILED = 3;
    public static final int EXIT_PARENT_DIED = 4;
    /** {@code --standby PARENT_PID}: a spare that reads {@code SEGMENT INDEX} from its input ({@link Standby}). */
    public static final String STANDBY_OPTION = "--standby";
    /**
     * {@code --started}: prints the monotonic clock ({@link System#nanoTime}) as {@code main} begins
     * and exits; the JVM alone, for {@code shmlab bench startup} to compare a participant with.
     */
    public static final String STARTED_OPTION = "--started";

    private ParticipantMain() {
    }

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals(STARTED_OPTION)) {
            System.out.println(System.nanoTime());
            return;
        }
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length == 1 && args[0].equals("--train")) {
            return Training.run();
        }
        if (args.length == 2 && args[0].equals(STANDBY_OPTION)) {
            return Standby.run(args[1]);
        }
        if (args.length != 3) {
            System.err.println("usage: ParticipantMain SEGMENT INDEX PARENT_PID");
            return EXIT_BAD_INPUT;
        }
        Attached me;
        try {
            int index = Integer.parseInt(args[1]);
            long parentPid = Long.parseLong(args[2]);
            me = attach(SegmentAddress.decode(args[0]), index, parentPid, Duration.ofSeconds(5));
        } catch (ShmlabException | NumberFormatException e) {
            System.err.println("participant: " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
        return me.runtime().execute(me.body(), me.role());
    }

    /** A participant attached to its run, with its role's body made but not yet run. */
    record Attached(Segment segment, ParticipantRuntime runtime, Body body, int role) {
    }

    /**
     * Everything a participant does before RUNNING: opens the run's segment read-write (refusing
     * one another user owns), checks its format, finds the scenario, parameters and role there, and
     * makes the body it runs once RUNNING (bind the run's native calls, then play the role). The
     * training run walks exactly this. A bad segment or index is a {@link ShmlabException}.
     */
    static Attached attach(SegmentAddress address, int index, long parentPid, Duration attachTimeout) {
        Segment segment = Segments.requireOwnedByMe(Segments.open(address, false), false);
        try {
            LabSegment lab = LabSegment.attach(segment.memory(), attachTimeout).withOrigin(address);
            Scenario scenario = Catalog.byName(lab.scenario());
            ScenarioParams params = ScenarioParams.fromJson(lab.paramsJson());
            RunPlan plan = scenario.plan(params);
            int count = plan.participants().size();
            if (index < 0 || index >= count) {
                throw new ShmlabException("participant " + index + ": the run in " + address.display() + " has participants 0 to " + (count - 1));
            }
            RunPlan.Participant me = plan.participants().get(index);
            ParticipantRuntime runtime = new ParticipantRuntime(lab, index, me.name(), count, params, parentPid);
            Body body = () -> {
                SyncObjects.linkCalls(plan);
                scenario.run(me.role(), runtime);
            };
            return new Attached(segment, runtime, body, me.role());
        } catch (RuntimeException e) {
            segment.close();
            throw e;
        }
    }

    /** A role body that may throw. */
    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    static int exitCodeFor(ParticipantState state) {
        return state == ParticipantState.DONE ? EXIT_DONE : EXIT_FAILED;
    }
}
