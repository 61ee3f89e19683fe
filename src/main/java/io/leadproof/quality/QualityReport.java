package io.leadproof.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Issues of one or more checks and the status they imply (see {@link QualityStatus}). */
public record QualityReport(QualityStatus status, List<QualityIssue> issues) {

    public static final QualityReport VALID = new QualityReport(QualityStatus.VALID, List.of());

    public QualityReport {
        issues = List.copyOf(issues);
        if (status != statusOf(issues)) {
            throw new IllegalArgumentException("status " + status + " does not follow from the issues " + issues);
        }
    }

    public static QualityReport of(List<QualityIssue> issues) {
        return issues.isEmpty() ? VALID : new QualityReport(statusOf(issues), issues);
    }

    public static QualityReport combine(QualityReport... reports) {
        var all = new ArrayList<QualityIssue>();
        Arrays.stream(reports).forEach(r -> all.addAll(r.issues()));
        return of(all);
    }

    public boolean has(QualityCode code) {
        return issues.stream().anyMatch(i -> i.code() == code);
    }

    private static QualityStatus statusOf(List<QualityIssue> issues) {
        QualityStatus status = QualityStatus.VALID;
        for (QualityIssue issue : issues) {
            status = status.worse(issue.code().impact());
        }
        return status;
    }
}
