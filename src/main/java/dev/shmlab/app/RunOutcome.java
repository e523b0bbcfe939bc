package dev.shmlab.app;

import dev.shmlab.launch.ParticipantOutcome;
import dev.shmlab.launch.RunResult;
import dev.shmlab.layout.ParticipantSnapshot;
import dev.shmlab.scenario.Scenario;
import java.util.Locale;

/** How a run ended, said in one sentence for the status bar or the error banner, with the details behind it. */
record RunOutcome(String sentence, String details, boolean failed) {

    static RunOutcome of(LabSession session, boolean stoppedByUser) {
        RunResult r = session.result();
        if (r == null) {
            return new RunOutcome("The run ended without a report: " + session.failure() + ".", "", true);
        }
        String seconds = String.format(Locale.ROOT, "%.1f s", r.wallTime().toNanos() / 1e9);
        String details = details(r);
        String running = r.slowestStart().map(d -> ", participants running " + d.toMillis() + " ms after Start").orElse("");
        if (stoppedByUser) {
            return new RunOutcome("Stopped after " + seconds + running + ": every participant exited and the run's kernel objects are removed.",
                    details, false);
        }
        if (!r.completed()) {
            String first = r.failures().isEmpty() ? "a participant did not finish" : r.failures().getFirst();
            return new RunOutcome("The run failed: " + first + ".", details, true);
        }
        long damaged = r.total(ParticipantSnapshot::lost) + r.total(ParticipantSnapshot::duplicated) + r.total(ParticipantSnapshot::corrupted);
        String counts = Format.count(r.total(ParticipantSnapshot::sent)) + " messages";
        if (damaged == 0) {
            return new RunOutcome("Finished in " + seconds + running + ": " + counts + ", every one accounted for.", details, false);
        }
        String integrity = Format.count(r.total(ParticipantSnapshot::lost)) + " lost, " + Format.count(r.total(ParticipantSnapshot::duplicated))
                + " duplicated, " + Format.count(r.total(ParticipantSnapshot::corrupted)) + " corrupted";
        return r.integrityRequired()
                ? new RunOutcome("The run finished but integrity broke: " + integrity + ".", details, true)
                : new RunOutcome("Finished in " + seconds + ": " + counts + "; " + integrity + " (counted, as expected).", details, false);
    }

    private static String details(RunResult r) {
        StringBuilder out = new StringBuilder();
        for (String failure : r.failures()) {
            out.append(failure).append('\n');
        }
        for (ParticipantOutcome p : r.participants()) {
            ParticipantSnapshot s = p.last();
            out.append(s.name()).append(" (pid ").append(s.pid()).append("): ").append(p.exit())
                    .append(", sent ").append(s.sent()).append(", received ").append(s.received())
                    .append(p.runningAfter().isZero() ? ", never running" : ", running " + p.runningAfter().toMillis() + " ms after Start")
                    .append(p.startedAhead().isZero() ? "" : " (its process started " + p.startedAhead().toMillis() + " ms ahead)").append('\n');
        }
        for (Scenario.Finding f : r.findings()) {
            out.append(f.name()).append(": ").append(f.value()).append(f.bad() ? " (bad)" : "").append('\n');
        }
        out.append("segment ").append(r.segment()).append(", parameters ").append(r.params());
        return out.toString();
    }
}
