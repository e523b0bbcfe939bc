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
        Segment segment;
        LabSegment lab;
        int index;
        long parentPid;
        try {
            index = Integer.parseInt(args[1]);
            parentPid = Long.parseLong(args[2]);
            SegmentAddress address = SegmentAddress.decode(args[0]);
            segment = open(address);
            lab = LabSegment.attach(segment.memory(), Duration.ofSeconds(5)).withOrigin(address);
        } catch (ShmlabException | NumberFormatException e) {
            System.err.println("participant: " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
        Scenario scenario = Catalog.byName(lab.scenario());
        ScenarioParams params = ScenarioParams.fromJson(lab.paramsJson());
        RunPlan plan = scenario.plan(params);
        RunPlan.Participant me = plan.participants().get(index);
        ParticipantRuntime runtime = new ParticipantRuntime(lab, index, me.name(), plan.participants().size(), params, parentPid);
        return runtime.execute(roleBody(scenario, plan, me, runtime), me.role());
    }

    /** Opens the run's segment read-write, refusing one that another user owns. */
    static Segment open(SegmentAddress address) {
        return Segments.requireOwnedByMe(Segments.open(address, false), false);
    }

    /** What participant {@code me}'s process does once RUNNING: binds the run's native calls, then plays its role. */
    static Body roleBody(Scenario scenario, RunPlan plan, RunPlan.Participant me, ParticipantRuntime runtime) {
        return () -> {
            SyncObjects.linkCalls(plan);
            scenario.run(me.role(), runtime);
        };
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
