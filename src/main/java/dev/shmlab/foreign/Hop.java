package dev.shmlab.foreign;

import java.util.OptionalLong;

/**
 * A message the foreign program passed, seen as a change of its source/destination fields: from
 * and to are the raw values of those fields (the program's own client numbers). {@code missed}
 * counts sequence numbers skipped since the previous sample: messages that came and went between
 * two samples.
 */
public record Hop(OptionalLong sequence, long from, long to, String text, long timeNanos, long missed) {

    /** One line: {@code #3 1 -> 2 "Message 1 from client 1"}. */
    public String describe() {
        return (sequence.isPresent() ? "#" + sequence.getAsLong() + " " : "") + from + " -> " + to
                + (text.isEmpty() ? "" : " " + new Value.Text(text, false).display())
                + (missed > 0 ? " (" + missed + " earlier " + (missed == 1 ? "message" : "messages") + " not seen)" : "");
    }
}
