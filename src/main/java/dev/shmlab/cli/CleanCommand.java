package dev.shmlab.cli;

import dev.shmlab.ShmlabException;
import dev.shmlab.shm.Cleaner;
import dev.shmlab.shm.Cleaner.Outcome;
import dev.shmlab.shm.Cleaner.Plan;
import dev.shmlab.shm.Cleaner.Result;
import dev.shmlab.shm.IpcRef;
import dev.shmlab.shm.ObjectRegistry;
import dev.shmlab.shm.PosixNames;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code shmlab clean}: removes shmlab's leftovers, or one object of yours named explicitly. */
@Command(name = "clean", mixinStandardHelpOptions = true,
        description = {
            "Remove shmlab's leftovers whose creator is dead, or one object of yours named explicitly.",
            "%nWithout a target: remove the shared-memory objects and semaphores shmlab created, that are yours and "
                    + "whose creator is dead, and forget registry entries whose object is gone. Nothing else is touched.",
            "%nWith one target: remove that object if it belongs to you, whether shmlab made it or not. "
                    + "Another user's object is refused. Symbolic links in /dev/shm are never followed.%n"
        })
public final class CleanCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--dry-run", description = "List what would be removed; remove nothing.")
    private boolean dryRun;

    @Parameters(arity = "0..1", paramLabel = "/NAME", description = "A POSIX shared-memory object to remove, such as /myshm.")
    private String posixName;

    @Mixin
    private SysVTargetOptions sysv;

    @Option(names = "--sem", paramLabel = "/NAME", description = "A POSIX named semaphore to remove.")
    private String semaphoreName;

    @Option(names = "--sysv-sem-id", paramLabel = "ID", description = "A System V semaphore set to remove, by id.")
    private Integer sysvSemaphoreId;

    @Override
    public Integer call() {
        Optional<IpcRef> target = target();
        Plan plan = target.map(Cleaner::planNamed).orElseGet(Cleaner::planLeftovers);
        PrintWriter out = spec.commandLine().getOut();
        if (plan.isEmpty()) {
            out.println("nothing to clean: no shmlab object of " + System.getProperty("user.name") + " has a dead creator");
            return Main.EXIT_OK;
        }
        plan.kept().forEach(k -> out.println("kept " + k.object().label() + " (" + k.reason() + ")"));
        if (dryRun) {
            plan.removals().forEach(r -> out.println("would remove " + r.object().label() + " (" + r.reason() + ")"));
            plan.staleEntries().forEach(s -> out.println("would forget registry entry " + entryLabel(s.entry()) + " (" + s.reason() + ")"));
            out.println("dry run: would remove " + count(plan.removals().size(), "object") + " and forget "
                    + count(plan.staleEntries().size(), "stale registry entry", "stale registry entries") + "; nothing was changed");
            return Main.EXIT_OK;
        }
        return perform(plan, out);
    }

    private int perform(Plan plan, PrintWriter out) {
        List<Result> results = Cleaner.perform(plan);
        for (Result result : results) {
            String label = result.removal().object().label();
            out.println(switch (result.outcome()) {
                case REMOVED -> "removed " + label + " (" + result.removal().reason() + ")";
                case ALREADY_GONE, CHANGED -> "skipped " + label + " (" + result.detail() + ")";
                case FAILED -> "failed to remove " + label + ": " + result.detail();
            });
        }
        plan.staleEntries().forEach(s -> out.println("forgot registry entry " + entryLabel(s.entry()) + " (" + s.reason() + ")"));
        long removed = results.stream().filter(r -> r.outcome() == Outcome.REMOVED).count();
        long failed = results.stream().filter(r -> r.outcome() == Outcome.FAILED).count();
        out.println("removed " + count(removed, "object") + ", forgot "
                + count(plan.staleEntries().size(), "stale registry entry", "stale registry entries")
                + ", kept " + plan.kept().size());
        if (failed > 0) {
            out.flush();
            throw new ShmlabException(count(failed, "removal") + " of " + results.size() + " failed; see the lines above");
        }
        return Main.EXIT_OK;
    }

    private Optional<IpcRef> target() {
        TargetChoice<IpcRef> choice = new TargetChoice<IpcRef>()
                .add("/NAME", posixName, () -> IpcRef.posixShm(PosixNames.check(posixName, "/NAME")));
        return sysv.addTo(choice, IpcRef::of)
                .add("--sem /NAME", semaphoreName, () -> IpcRef.posixSemaphore(PosixNames.check(semaphoreName, "--sem")))
                .add("--sysv-sem-id ID", sysvSemaphoreId, () -> IpcRef.sysvSemaphoreId(sysvSemaphoreId))
                .atMostOne();
    }

    private static String entryLabel(ObjectRegistry.Entry entry) {
        return IpcRef.label(entry.kind()) + " " + (entry.name() != null ? entry.name() : "id=" + entry.id());
    }

    private static String count(long n, String singular) {
        return count(n, singular, singular + "s");
    }

    private static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
