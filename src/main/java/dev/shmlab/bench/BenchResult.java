package dev.shmlab.bench;

import java.util.List;
import java.util.Map;

/** Everything one {@code shmlab bench} measured: the machine, the plan, the reference lines and the transport lines. */
public record BenchResult(Map<String, Object> machine, BenchPlan plan, List<BenchRow> references, List<BenchRow> rows, double wallSeconds) {
    public BenchResult {
        references = List.copyOf(references);
        rows = List.copyOf(rows);
    }

    /** Whether every transport line was measured with every message accounted for. */
    public boolean allOk() {
        return rows.stream().allMatch(BenchRow::ok) && references.stream().allMatch(BenchRow::ok);
    }
}
