package dev.shmlab.shm;

import dev.shmlab.ShmlabException;
import dev.shmlab.os.NativeException;
import dev.shmlab.os.Os;
import dev.shmlab.shm.ObjectRegistry.Entry;
import dev.shmlab.shm.ObjectRegistry.Kind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Plans and performs the removal of leftover shared-memory objects and semaphores, safely.
 *
 * <p>By default only objects that shmlab's registry records creating, that belong to the current
 * user and whose creator is dead are removed; registry entries whose object is gone (or was
 * replaced by something else) are forgotten. An object named explicitly is removed when it
 * belongs to the current user, shmlab's or not; another user's object is refused. A symbolic link
 * in /dev/shm is never followed and never removed. Planning changes nothing, so a plan doubles as
 * a dry run; performing re-checks every object just before removing it.
 */
public final class Cleaner {
    private static final Set<Kind> REMOVABLE = EnumSet.of(Kind.POSIX_SHM, Kind.POSIX_SEM, Kind.SYSV_SHM, Kind.SYSV_SEM);

    /** An object to remove, and why in plain words ({@code "creator pid 4242 is dead"}). */
    public record Removal(IpcObject object, String reason) {
    }

    /** A leftover that is left in place, and why. */
    public record Kept(IpcObject object, String reason) {
    }

    /** A registry entry whose object is gone or is no longer the one shmlab made. */
    public record StaleEntry(Entry entry, String reason) {
    }

    /** What a clean would do; planning it changed nothing. */
    public record Plan(List<Removal> removals, List<Kept> kept, List<StaleEntry> staleEntries) {
        /** Whether there is nothing to remove, keep or forget. */
        public boolean isEmpty() {
            return removals.isEmpty() && kept.isEmpty() && staleEntries.isEmpty();
        }
    }

    /** What happened to one planned removal. */
    public enum Outcome {
        REMOVED,
        /** It disappeared before it could be removed. */
        ALREADY_GONE,
        /** It was replaced or changed after planning, so it was left alone. */
        CHANGED,
        FAILED
    }

    /** The outcome of one removal; {@code detail} says why for CHANGED and FAILED. */
    public record Result(Removal removal, Outcome outcome, String detail) {
    }

    private Cleaner() {
    }

    /** The default clean: shmlab's own objects of the current user whose creator is dead. */
    public static Plan planLeftovers() {
        List<Removal> removals = new ArrayList<>();
        List<Kept> kept = new ArrayList<>();
        List<StaleEntry> stale = new ArrayList<>();
        for (Entry entry : ObjectRegistry.entries()) {
            if (!REMOVABLE.contains(entry.kind()) || entry.creatorAlive()) {
                continue;
            }
            IpcRef ref = IpcRef.of(entry);
            String dead = "creator pid " + entry.creatorPid() + " is dead";
            if (IpcListing.isSymbolicLink(ref)) {
                stale.add(new StaleEntry(entry, IpcListing.path(ref) + " is now a symbolic link; the link was left alone"));
                continue;
            }
            Optional<IpcObject> found = IpcListing.find(ref);
            if (found.isEmpty()) {
                stale.add(new StaleEntry(entry, "the object is gone"));
            } else if (!found.get().createdByShmlab()) {
                stale.add(new StaleEntry(entry, "the object there now is not the one shmlab made; it was left alone"));
            } else if (found.get().attachCount() > 0) {
                kept.add(new Kept(found.get(), dead + ", but " + found.get().attachCount() + " process(es) still have it attached"));
            } else {
                removals.add(new Removal(found.get(), dead));
            }
        }
        return new Plan(removals, kept, stale);
    }

    /**
     * An explicit clean of one object: refused with a {@link ShmlabException} when it is a symbolic
     * link or belongs to another user, {@link NoSuchObjectException} when it does not exist.
     */
    public static Plan planNamed(IpcRef ref) {
        if (!REMOVABLE.contains(ref.kind())) {
            throw new IllegalArgumentException("clean removes shared-memory objects and semaphores, not " + ref.describe());
        }
        IpcObject object = IpcListing.require(ref);
        if (!object.ownedByCurrentUser()) {
            throw new ShmlabException("refusing to remove " + object.label() + ": it belongs to " + object.owner()
                    + " (uid " + object.ownerUid() + "), not to you (uid " + Os.geteuid() + "); only its owner may remove it");
        }
        String reason = "named explicitly";
        if (object.createdByShmlab() && object.creator() != null && object.creator().alive()) {
            reason += "; its creator pid " + object.creator().pid() + " is still running";
        }
        if (object.attachCount() > 0) {
            reason += "; the kernel frees it when the last of its " + object.attachCount() + " attached process(es) detaches";
        }
        return new Plan(List.of(new Removal(object, reason)), List.of(), List.of());
    }

    /** Removes what the plan lists (re-checking each object first) and forgets its stale entries. */
    public static List<Result> perform(Plan plan) {
        List<Result> results = new ArrayList<>();
        for (Removal removal : plan.removals()) {
            results.add(remove(removal));
        }
        for (StaleEntry stale : plan.staleEntries()) {
            ObjectRegistry.forget(stale.entry().kind(), stale.entry().name(), stale.entry().id());
        }
        return results;
    }

    private static Result remove(Removal removal) {
        IpcObject planned = removal.object();
        IpcRef ref = planned.ref();
        if (IpcListing.isSymbolicLink(ref)) {
            return new Result(removal, Outcome.CHANGED, IpcListing.path(ref) + " is now a symbolic link; it was left alone");
        }
        Optional<IpcObject> now = IpcListing.find(ref);
        if (now.isEmpty()) {
            forget(planned);
            return new Result(removal, Outcome.ALREADY_GONE, "it was already gone");
        }
        if (!sameObject(planned, now.get()) || !now.get().ownedByCurrentUser()) {
            return new Result(removal, Outcome.CHANGED, "it changed after it was listed; it was left alone");
        }
        try {
            boolean removed = delete(planned);
            forget(planned);
            return removed
                    ? new Result(removal, Outcome.REMOVED, "")
                    : new Result(removal, Outcome.ALREADY_GONE, "it was already gone");
        } catch (NativeException e) {
            return new Result(removal, Outcome.FAILED, e.getMessage());
        }
    }

    /** Removes the kernel object; false when it no longer existed. A name is unlinked, never followed. */
    private static boolean delete(IpcObject object) {
        return switch (object.kind()) {
            case POSIX_SHM -> Os.shmUnlink(object.name());
            case POSIX_SEM -> Os.semUnlink(object.name());
            case SYSV_SHM -> Os.shmRemove(object.id());
            case SYSV_SEM -> Os.semRemove(object.id());
            default -> throw new IllegalArgumentException("cannot remove " + object.label());
        };
    }

    private static void forget(IpcObject object) {
        ObjectRegistry.forget(object.kind(), object.name(), object.id());
    }

    private static boolean sameObject(IpcObject a, IpcObject b) {
        return a.kind() == b.kind() && Objects.equals(a.name(), b.name()) && a.key() == b.key() && a.id() == b.id()
                && a.ownerUid() == b.ownerUid() && creatorPid(a) == creatorPid(b);
    }

    private static long creatorPid(IpcObject object) {
        return object.creator() == null ? 0 : object.creator().pid();
    }
}
