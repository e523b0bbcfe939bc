package dev.shmlab.app;

import static dev.shmlab.layout.LabLayoutDescriptor.CONTROL_LENGTH;
import static dev.shmlab.layout.LabLayoutDescriptor.HEADER_LENGTH;
import static dev.shmlab.layout.LabLayoutDescriptor.PARAMS_LENGTH;

import dev.shmlab.layout.LabGeometry;

/** The parts of a lab segment the hex view can show. */
public enum SegmentSection {
    HEADER("header"),
    CONTROL("control block"),
    PARTICIPANTS("participant records"),
    SYNC("sync objects"),
    EVENTS("event ring"),
    PARAMS("parameters"),
    DATA("data area");

    private final String label;

    SegmentSection(String label) {
        this.label = label;
    }

    public long offset(LabGeometry g) {
        return switch (this) {
            case HEADER -> 0;
            case CONTROL -> g.controlOffset();
            case PARTICIPANTS -> g.participantsOffset();
            case SYNC -> g.syncOffset();
            case EVENTS -> g.eventsOffset();
            case PARAMS -> g.paramsOffset();
            case DATA -> g.dataOffset();
        };
    }

    public long length(LabGeometry g) {
        return switch (this) {
            case HEADER -> HEADER_LENGTH;
            case CONTROL -> CONTROL_LENGTH;
            case PARTICIPANTS -> g.participantsLength();
            case SYNC -> g.syncLength();
            case EVENTS -> g.eventsLength();
            case PARAMS -> PARAMS_LENGTH;
            case DATA -> g.totalLength() - g.dataOffset();
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
