package dev.shmlab.app;

import static dev.shmlab.layout.LabLayoutDescriptor.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Decodes the header and control block of a lab segment from a copy of its first bytes. */
final class HeaderDecoder {
    private static final String[] SECTIONS = {"control", "participants", "sync objects", "event ring", "parameters", "data"};
    private static final int[] SECTION_ENTRIES = {CONTROL_SECTION_OFFSET, PARTICIPANTS_SECTION_OFFSET, SYNC_SECTION_OFFSET,
        EVENTS_SECTION_OFFSET, PARAMS_SECTION_OFFSET, DATA_SECTION_OFFSET};
    private static final String[] COMMANDS = {"RUN", "PAUSE", "STOP"};

    private HeaderDecoder() {
    }

    /** The fields, in segment order; empty when the copy does not hold the header and control block. */
    static List<HeaderField> decode(SegmentImage image, long nowNanos) {
        List<HeaderField> fields = new ArrayList<>();
        if (image == null || !image.holds(0, HEADER_LENGTH + CONTROL_LENGTH)) {
            return fields;
        }
        header(image, nowNanos, fields);
        for (int i = 0; i < SECTIONS.length; i++) {
            long offset = image.getLong(SECTION_ENTRIES[i]);
            long length = image.getLong(SECTION_ENTRIES[i] + 8L);
            fields.add(new HeaderField("section: " + SECTIONS[i], "offset " + offset + ", " + Format.count(length) + " bytes"));
        }
        control(image, nowNanos, fields);
        return fields;
    }

    private static void header(SegmentImage image, long nowNanos, List<HeaderField> fields) {
        fields.add(new HeaderField("magic", "\"" + image.getCString(MAGIC_OFFSET, 8) + "\""
                + (image.getLong(MAGIC_OFFSET) == MAGIC ? " (valid)" : " (not a shmlab segment)")));
        fields.add(new HeaderField("format", image.getInt(VERSION_MAJOR_OFFSET) + "." + image.getInt(VERSION_MINOR_OFFSET)));
        fields.add(new HeaderField("scenario", image.getCString(SCENARIO_NAME_OFFSET, SCENARIO_NAME_LENGTH)));
        fields.add(new HeaderField("total size", Format.count(image.getLong(TOTAL_LENGTH_OFFSET)) + " bytes"));
        long creator = image.getLong(CREATOR_PID_OFFSET);
        fields.add(new HeaderField("creator PID", creator + (creator == ProcessHandle.current().pid() ? " (this window)" : "")));
        fields.add(new HeaderField("created", ago(nowNanos - image.getLong(CREATED_NANOS_OFFSET))));
        fields.add(new HeaderField("participants", image.getInt(PARTICIPANT_COUNT_OFFSET) + " of " + image.getInt(PARTICIPANT_CAPACITY_OFFSET)
                + " records × " + image.getInt(PARTICIPANT_LENGTH_OFFSET) + " bytes"));
        fields.add(new HeaderField("sync objects", Integer.toString(image.getInt(SYNC_COUNT_OFFSET))));
        fields.add(new HeaderField("event ring", Format.count(image.getInt(EVENT_CAPACITY_OFFSET)) + " events × "
                + image.getInt(EVENT_LENGTH_OFFSET) + " bytes"));
    }

    private static void control(SegmentImage image, long nowNanos, List<HeaderField> fields) {
        long base = HEADER_LENGTH;
        int command = image.getInt(base + COMMAND_OFFSET);
        fields.add(new HeaderField("control: command", command >= 0 && command < COMMANDS.length ? COMMANDS[command] : "? " + command));
        fields.add(new HeaderField("control: pace", PaceScale.describe(java.time.Duration.ofNanos(image.getLong(base + PACE_NANOS_OFFSET)))));
        fields.add(new HeaderField("control: synchronisation", image.getInt(base + SYNC_ENABLED_OFFSET) != 0 ? "on" : "off"));
        fields.add(new HeaderField("control: step grants", Format.count(image.getLong(base + STEP_GRANT_OFFSET))));
        fields.add(new HeaderField("control: generation", Format.count(image.getLong(base + GENERATION_OFFSET))));
        long runStart = image.getLong(base + RUN_START_NANOS_OFFSET);
        fields.add(new HeaderField("control: run started", runStart == 0 ? "not yet" : ago(nowNanos - runStart)));
    }

    private static String ago(long nanos) {
        return String.format(Locale.ROOT, "%.1f s ago", Math.max(0, nanos) / 1e9);
    }
}
