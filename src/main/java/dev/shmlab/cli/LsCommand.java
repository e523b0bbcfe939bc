package dev.shmlab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.shmlab.shm.IpcListing;
import dev.shmlab.shm.IpcObject;
import dev.shmlab.shm.IpcObject.ProcessRef;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code shmlab ls}: every shared-memory object and semaphore visible to this user. */
@Command(name = "ls", mixinStandardHelpOptions = true,
        description = {
            "List the shared-memory objects and semaphores visible to you.",
            "%nPOSIX objects and named semaphores in /dev/shm, System V segments and semaphore sets. "
                    + "CREATOR and LAST are process ids and whether they still run; SHMLAB says whether shmlab created the object."
        })
public final class LsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array, one object per row, for scripts.")
    private boolean json;

    /** One object as {@code --json} prints it; null where a field does not apply or is unknown. */
    record Row(String kind, String name, String key, Integer id, String owner, int uid, String mode, Long sizeBytes,
            Integer semaphoreCount, Long attachCount, Long creatorPid, Boolean creatorAlive, Long lastPid,
            Boolean lastAlive, boolean createdByShmlab) {

        static Row of(IpcObject o) {
            boolean sysv = o.id() >= 0;
            return new Row(Describe.kind(o), o.name(), sysv ? Describe.key(o.key()) : null, sysv ? o.id() : null,
                    o.owner(), o.ownerUid(), Describe.mode(o), o.sizeBytes() >= 0 ? o.sizeBytes() : null,
                    o.semaphoreCount() >= 0 ? o.semaphoreCount() : null, o.attachCount() >= 0 ? o.attachCount() : null,
                    pid(o.creator()), alive(o.creator()), pid(o.last()), alive(o.last()), o.createdByShmlab());
        }

        private static Long pid(ProcessRef process) {
            return process == null ? null : process.pid();
        }

        private static Boolean alive(ProcessRef process) {
            return process == null ? null : process.alive();
        }
    }

    @Override
    public Integer call() {
        List<IpcObject> objects = IpcListing.all();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(objects));
        } else if (objects.isEmpty()) {
            out.println("no shared-memory objects or semaphores are visible to " + System.getProperty("user.name"));
        } else {
            table(objects).write(out);
        }
        return Main.EXIT_OK;
    }

    private static TextTable table(List<IpcObject> objects) {
        TextTable table = new TextTable("KIND", "NAME/KEY", "ID", "OWNER", "MODE", "SIZE", "ATTACHED", "CREATOR", "LAST", "SHMLAB")
                .alignRight(2, 5, 6);
        for (IpcObject o : objects) {
            table.row(Describe.kind(o), Describe.nameOrKey(o), Describe.id(o), o.owner(), Describe.mode(o), Describe.size(o),
                    Describe.attachCount(o), Describe.process(o.creator()), Describe.process(o.last()), Describe.shmlab(o));
        }
        return table;
    }

    private static String toJson(List<IpcObject> objects) {
        try {
            // Made here, not in a static field: picocli creates every command object to parse any
            // command line, and Jackson's setup took a quarter of a second of each start.
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            return json.writeValueAsString(objects.stream().map(Row::of).toList());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the listing as JSON", e);
        }
    }
}
