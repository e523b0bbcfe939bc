package dev.shmlab.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shmlab.ShmlabException;
import dev.shmlab.layout.MessageEvent;
import dev.shmlab.scenario.RunPlan;
import dev.shmlab.scenario.Scenario;
import dev.shmlab.scenario.ScenarioParams;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The recording file format: gzip-compressed JSON lines, one object per line, each with a
 * {@code "type"}. Written by {@link Recorder}, read by {@link Replay}.
 *
 * <pre>
 * {"type":"header","format":"shmlab-recording","version":1,"scenario":"round-robin",
 *  "parameters":{"clients":3,...},"participants":["client-1","client-2","client-3"],
 *  "pseudoCode":{"0":["wait_for_turn(CLIENT_NO);",...]},"recordedAt":"2026-11-23T17:00:00Z",
 *  "segment":"/shmlab-round-robin-1a2b3c","intervalNanos":20000000}
 * {"type":"hop","index":0,"timeNanos":...,"messageSeq":1,"from":2,"to":0,"sizeBytes":1040}
 * {"type":"snapshot","timeNanos":...,"runNanos":...,"scenario":...,"participants":[...],"syncObjects":[...],...}
 * ...
 * {"type":"end","snapshots":412,"hops":90,"droppedSnapshots":0,"droppedHops":0}
 * </pre>
 *
 * <p>A {@code snapshot} line holds the components of {@link LabSnapshot} (participants as
 * {@link dev.shmlab.layout.ParticipantSnapshot}, sync objects as {@link SyncObjectSnapshot}) except
 * {@code events}: the hops read with a snapshot are the {@code hop} lines just before it. Times are
 * CLOCK_MONOTONIC nanoseconds of the recording machine, meaningful only relative to each other. The
 * {@code end} line is missing when the recorder did not close (the process was killed); everything
 * before it still replays. Readers ignore fields they do not know.
 */
public final class Recording {
    public static final String FORMAT = "shmlab-recording";
    public static final int VERSION = 1;
    public static final String FILE_SUFFIX = ".shmrec.gz";

    static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    static final String HEADER = "header";
    static final String SNAPSHOT = "snapshot";
    static final String HOP = "hop";
    static final String END = "end";

    private Recording() {
    }

    /**
     * What a recording says about its run before the first snapshot.
     *
     * @param parameters   the run's checked parameter values
     * @param participants the participants' names, by index
     * @param segment      the lab segment's name when it was recorded
     */
    public record Header(int version, String scenario, Map<String, Object> parameters, List<String> participants,
                         PseudoCode pseudoCode, Instant recordedAt, String segment, long intervalNanos) {
        public Header {
            parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
            participants = List.copyOf(participants);
        }

        /** The header for a run of {@code scenario} with these parameters, recorded now. */
        public static Header of(Scenario scenario, ScenarioParams params, String segment, long intervalNanos) {
            RunPlan plan = scenario.plan(params);
            return new Header(VERSION, scenario.name(), params.values(), plan.participants().stream().map(RunPlan.Participant::name).toList(),
                    PseudoCode.of(scenario, params), Instant.now(), segment, intervalNanos);
        }
    }

    /** The counts the {@code end} line holds. */
    public record End(long snapshots, long hops, long droppedSnapshots, long droppedHops) {
    }

    static String headerLine(Header h) {
        ObjectNode n = typed(HEADER);
        n.put("format", FORMAT);
        n.put("version", h.version());
        n.put("scenario", h.scenario());
        n.set("parameters", JSON.valueToTree(h.parameters()));
        ArrayNode names = n.putArray("participants");
        h.participants().forEach(names::add);
        ObjectNode code = n.putObject("pseudoCode");
        h.pseudoCode().byRole().forEach((role, lines) -> {
            ArrayNode a = code.putArray(Integer.toString(role));
            lines.forEach(a::add);
        });
        n.put("recordedAt", h.recordedAt().toString());
        n.put("segment", h.segment());
        n.put("intervalNanos", h.intervalNanos());
        return n.toString();
    }

    static Header header(JsonNode n) {
        if (!FORMAT.equals(n.path("format").asText()) || !HEADER.equals(n.path("type").asText())) {
            throw new ShmlabException("not a shmlab recording: its first line is not a " + FORMAT + " header");
        }
        int version = n.path("version").asInt();
        if (version < 1 || version > VERSION) {
            throw new ShmlabException("a recording of format version " + version + "; this shmlab reads version " + VERSION);
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        n.path("parameters").properties().forEach(e -> parameters.put(e.getKey(),
                e.getValue().isIntegralNumber() ? (Object) e.getValue().asLong() : e.getValue().isBoolean() ? e.getValue().asBoolean() : e.getValue().asText()));
        List<String> participants = new ArrayList<>();
        n.path("participants").forEach(p -> participants.add(p.asText()));
        Map<Integer, List<String>> code = new TreeMap<>();
        n.path("pseudoCode").properties().forEach(e -> {
            List<String> lines = new ArrayList<>();
            e.getValue().forEach(l -> lines.add(l.asText()));
            code.put(Integer.parseInt(e.getKey()), lines);
        });
        return new Header(version, n.path("scenario").asText(), parameters, participants, new PseudoCode(code),
                Instant.parse(n.path("recordedAt").asText(Instant.EPOCH.toString())), n.path("segment").asText(), n.path("intervalNanos").asLong());
    }

    static String snapshotLine(LabSnapshot s) {
        ObjectNode n = typed(SNAPSHOT);
        ObjectNode fields = JSON.valueToTree(s);
        fields.remove("events");
        n.setAll(fields);
        return n.toString();
    }

    static LabSnapshot snapshot(JsonNode n, List<MessageEvent> events) throws JsonProcessingException {
        ObjectNode fields = ((ObjectNode) n).deepCopy();
        fields.remove("type");
        fields.set("events", JSON.valueToTree(events));
        return JSON.treeToValue(fields, LabSnapshot.class);
    }

    static String hopLine(MessageEvent e) {
        ObjectNode n = typed(HOP);
        n.setAll((ObjectNode) JSON.valueToTree(e));
        return n.toString();
    }

    static MessageEvent hop(JsonNode n) throws JsonProcessingException {
        ObjectNode fields = ((ObjectNode) n).deepCopy();
        fields.remove("type");
        return JSON.treeToValue(fields, MessageEvent.class);
    }

    static String endLine(End end) {
        ObjectNode n = typed(END);
        n.setAll((ObjectNode) JSON.valueToTree(end));
        return n.toString();
    }

    static End end(JsonNode n) {
        return new End(n.path("snapshots").asLong(), n.path("hops").asLong(), n.path("droppedSnapshots").asLong(), n.path("droppedHops").asLong());
    }

    private static ObjectNode typed(String type) {
        ObjectNode n = JSON.createObjectNode();
        n.put("type", type);
        return n;
    }
}
