package io.tradeloom.launcher.diagnose;

import java.util.Comparator;
import java.util.List;

/** Everything a diagnosis found, grouped by section. */
public record DiagnosisReport(List<Finding> findings) {

    public DiagnosisReport {
        findings = findings.stream().sorted(Comparator.comparing(Finding::section)).toList();
    }

    /** True when nothing is a problem. */
    public boolean healthy() {
        return findings.stream().allMatch(Finding::ok);
    }

    public List<Finding> problems() {
        return findings.stream().filter(f -> !f.ok()).toList();
    }

    public String render() {
        StringBuilder sb = new StringBuilder();
        Finding.Section current = null;
        for (Finding f : findings) {
            if (f.section() != current) {
                current = f.section();
                sb.append(sb.isEmpty() ? "" : System.lineSeparator()).append(current).append(System.lineSeparator());
            }
            sb.append(f.ok() ? "  OK       " : "  PROBLEM  ").append(f.message()).append(System.lineSeparator());
        }
        long problems = problems().size();
        sb.append(System.lineSeparator()).append(problems == 0 ? "All is well." : problems + (problems == 1 ? " problem." : " problems."))
                .append(System.lineSeparator());
        return sb.toString();
    }
}
