package dev.shmlab.layout;

import static dev.shmlab.layout.LabLayoutDescriptor.*;

import dev.shmlab.InvalidInputException;

/**
 * Where each section of a lab segment sits, computed in one place from the four numbers that vary
 * between runs. Offsets are relative to the start of the segment.
 */
public record LabGeometry(int participantCapacity, int syncObjectCount, int eventCapacity, long dataLengthBytes) {

    public LabGeometry {
        if (participantCapacity < 1 || participantCapacity > MAX_PARTICIPANTS) {
            throw new InvalidInputException("participants: must be between 1 and " + MAX_PARTICIPANTS + " (got " + participantCapacity + ")");
        }
        if (syncObjectCount < 0 || syncObjectCount > MAX_SYNC_OBJECTS) {
            throw new InvalidInputException("sync objects: must be between 0 and " + MAX_SYNC_OBJECTS + " (got " + syncObjectCount + ")");
        }
        if (eventCapacity < 2 || eventCapacity > MAX_EVENT_CAPACITY || Integer.bitCount(eventCapacity) != 1) {
            throw new InvalidInputException("event capacity: must be a power of two from 2 to " + MAX_EVENT_CAPACITY + " (got " + eventCapacity + ")");
        }
        if (dataLengthBytes < 0) {
            throw new InvalidInputException("data length: must be 0 or more bytes (got " + dataLengthBytes + ")");
        }
    }

    public long controlOffset() {
        return HEADER_LENGTH;
    }

    public long participantsOffset() {
        return controlOffset() + CONTROL_LENGTH;
    }

    public long participantsLength() {
        return (long) participantCapacity * PARTICIPANT_LENGTH;
    }

    public long syncOffset() {
        return participantsOffset() + participantsLength();
    }

    public long syncLength() {
        return (long) syncObjectCount * SYNC_LENGTH;
    }

    public long eventsOffset() {
        return syncOffset() + syncLength();
    }

    public long eventsLength() {
        return EVENTS_HEADER_LENGTH + (long) eventCapacity * EVENT_LENGTH;
    }

    public long paramsOffset() {
        return eventsOffset() + eventsLength();
    }

    public long dataOffset() {
        return align(paramsOffset() + PARAMS_LENGTH, PAGE);
    }

    /** The whole segment, rounded up to a page. */
    public long totalLength() {
        return align(dataOffset() + Math.max(dataLengthBytes, 1), PAGE);
    }
}
