package dev.shmlab.app;

import dev.shmlab.InvalidInputException;
import dev.shmlab.ShmlabException;
import dev.shmlab.foreign.LayoutDescription;
import dev.shmlab.foreign.SemaphoreSpec;
import dev.shmlab.shm.IpcListing;
import dev.shmlab.shm.IpcObject;
import dev.shmlab.shm.ObjectRegistry;
import dev.shmlab.shm.PosixNames;
import dev.shmlab.shm.SegmentAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Attach to a segment…": which segment (POSIX name, System V key, ftok path and id, or System V
 * id; or one picked from the list {@code shmlab ls} shows), which layout, and where its semaphores
 * are if not where the layout says. Listing and opening run on the background executor, their
 * outcome comes back on the UI executor; a failure is one plain line in {@link #problemProperty()}
 * and leaves nothing mapped.
 */
public final class AttachDialogViewModel {

    /** How the segment is named. */
    public enum TargetKind {
        POSIX_NAME("POSIX name"), SYSV_KEY("System V key"), FTOK("ftok path + id"), SYSV_ID("System V id");

        private final String text;

        TargetKind(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private final Executor background;
    private final Executor ui;
    private final Consumer<ForeignWatch> attached;
    private final ObjectProperty<TargetKind> kind = new SimpleObjectProperty<>(this, "kind", TargetKind.POSIX_NAME);
    private final StringProperty posixName = new SimpleStringProperty(this, "posixName", "");
    private final StringProperty sysvKey = new SimpleStringProperty(this, "sysvKey", "");
    private final StringProperty ftokPath = new SimpleStringProperty(this, "ftokPath", "");
    private final StringProperty ftokId = new SimpleStringProperty(this, "ftokId", "65");
    private final StringProperty sysvId = new SimpleStringProperty(this, "sysvId", "");
    private final ObservableList<String> layouts = FXCollections.observableArrayList(LayoutDescription.SHIPPED);
    private final StringProperty layout = new SimpleStringProperty(this, "layout", LayoutDescription.SHIPPED.getFirst());
    private final StringProperty semaphores = new SimpleStringProperty(this, "semaphores", "");
    private final BooleanProperty allowOtherOwner = new SimpleBooleanProperty(this, "allowOtherOwner");
    private final ObservableList<IpcObject> objects = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private boolean cancelled;

    /** {@code attached} receives the opened segment on the UI executor. */
    AttachDialogViewModel(Executor background, Executor ui, Consumer<ForeignWatch> attached) {
        this.background = background;
        this.ui = ui;
        this.attached = attached;
    }

    /** What one attempt asks for, copied off the properties so the background thread never reads them. */
    private record Request(TargetKind kind, String posixName, String sysvKey, String ftokPath, String ftokId, String sysvId,
                           String layout, String semaphores, boolean allowOtherOwner) {

        ForeignWatch open() {
            LayoutDescription description = LayoutDescription.load(layout.trim());
            for (String spec : semaphores.trim().split("[\\s,]+")) {
                if (!spec.isEmpty()) {
                    description = description.withSemaphore(SemaphoreSpec.parse(spec));
                }
            }
            return ForeignWatch.open(address(), description, allowOtherOwner);
        }

        SegmentAddress address() {
            return switch (kind) {
                case POSIX_NAME -> new SegmentAddress.Posix(PosixNames.check(posixName.trim(), "POSIX name"));
                case SYSV_KEY -> SegmentAddress.parseKey(sysvKey, "System V key");
                case FTOK -> ftok();
                case SYSV_ID -> new SegmentAddress.SysVId(number(sysvId, "System V id"));
            };
        }

        private SegmentAddress ftok() {
            if (ftokPath.isBlank()) {
                throw new InvalidInputException("ftok path: give the file or directory your program passes to ftok");
            }
            Path path = Path.of(ftokPath.trim());
            if (!Files.exists(path)) {
                throw new InvalidInputException("ftok path: " + path + " does not exist; ftok needs an existing file or directory");
            }
            int id = number(ftokId, "ftok id");
            if (id < 1 || id > 255) {
                throw new InvalidInputException("ftok id: must be between 1 and 255 (got " + id + ")");
            }
            return SegmentAddress.ftok(path, id);
        }

        private static int number(String text, String what) {
            try {
                return Integer.decode(text.trim());
            } catch (NumberFormatException e) {
                throw new InvalidInputException(what + ": expected a whole number (got \"" + text.trim() + "\")");
            }
        }
    }

    /**
     * Lists the segments this user can see (what {@code shmlab ls} shows), in the background; not
     * the window's own (the X server's shared images, a run of this window).
     */
    public void refreshObjects() {
        long self = ProcessHandle.current().pid();
        CompletableFuture.supplyAsync(() -> IpcListing.all().stream()
                        .filter(o -> o.kind() == ObjectRegistry.Kind.POSIX_SHM || o.kind() == ObjectRegistry.Kind.SYSV_SHM)
                        .filter(o -> o.creator() == null || o.creator().pid() != self).toList(), background)
                .whenCompleteAsync((list, failure) -> {
                    if (failure != null) {
                        problem.set("Could not list the segments: " + oneLine(failure));
                    } else {
                        objects.setAll(list);
                    }
                }, ui);
    }

    /** Fills the target in from a listed segment: its POSIX name, or its System V key (its id when it has no key). */
    public void pick(IpcObject object) {
        if (object == null) {
            return;
        }
        switch (object.kind()) {
            case POSIX_SHM -> {
                posixName.set(object.name());
                kind.set(TargetKind.POSIX_NAME);
            }
            case SYSV_SHM -> {
                if (object.key() != 0) {
                    sysvKey.set(String.format(Locale.ROOT, "0x%08x", object.key()));
                    kind.set(TargetKind.SYSV_KEY);
                } else {
                    sysvId.set(Integer.toString(object.id()));
                    kind.set(TargetKind.SYSV_ID);
                }
            }
            default -> {
                // only segments are listed
            }
        }
        problem.set("");
    }

    /** Adds a layout file chosen on disk to the choices and selects it. */
    public void chooseLayoutFile(Path file) {
        String text = file.toString();
        if (!layouts.contains(text)) {
            layouts.add(text);
        }
        layout.set(text);
    }

    /** Opens the segment in the background; on success hands it over and runs {@code done}, else says why in one line. */
    public void attach(Runnable done) {
        if (busy.get()) {
            return;
        }
        Request request = new Request(kind.get(), posixName.get(), sysvKey.get(), ftokPath.get(), ftokId.get(), sysvId.get(),
                layout.get() == null ? "" : layout.get(), semaphores.get(), allowOtherOwner.get());
        problem.set("");
        busy.set(true);
        CompletableFuture.supplyAsync(request::open, background).whenCompleteAsync((watch, failure) -> {
            busy.set(false);
            if (failure != null) {
                problem.set(oneLine(failure));
            } else if (cancelled) {
                background.execute(watch::close);
            } else {
                attached.accept(watch);
                done.run();
            }
        }, ui);
    }

    /** The dialog was closed: a segment still being opened is closed again as soon as it is. */
    public void cancel() {
        cancelled = true;
    }

    /** A failure as one line a person can act on; never a stack trace. */
    static String oneLine(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage().lines().findFirst().orElse("");
        return cause instanceof ShmlabException ? message : "Could not attach: " + message;
    }

    public ObjectProperty<TargetKind> kindProperty() {
        return kind;
    }

    public StringProperty posixNameProperty() {
        return posixName;
    }

    public StringProperty sysvKeyProperty() {
        return sysvKey;
    }

    public StringProperty ftokPathProperty() {
        return ftokPath;
    }

    public StringProperty ftokIdProperty() {
        return ftokId;
    }

    public StringProperty sysvIdProperty() {
        return sysvId;
    }

    /** The shipped layouts, then any file chosen. */
    public ObservableList<String> layouts() {
        return layouts;
    }

    /** A shipped layout's name or a layout file's path. */
    public StringProperty layoutProperty() {
        return layout;
    }

    /** Where the layout's semaphores really are: {@code semName=/other sem2=sysv:0x1234,0}, optional. */
    public StringProperty semaphoresProperty() {
        return semaphores;
    }

    public BooleanProperty allowOtherOwnerProperty() {
        return allowOtherOwner;
    }

    /** The segments to pick from. */
    public ObservableList<IpcObject> objects() {
        return objects;
    }

    /** Why the last attempt failed, in one line; empty when it did not. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Whether an attempt is under way. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
