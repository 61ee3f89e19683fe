package io.leadproof.scoring.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import io.leadproof.quality.QualityCode;
import io.leadproof.quality.QualityStatus;

/** A lead's stored data-quality verdict as criteria see it: the status and the codes of its findings, in code order. */
public record QualityFacts(QualityStatus status, List<QualityCode> codes) {

    public QualityFacts {
        Objects.requireNonNull(status, "status");
        codes = codes == null ? List.of() : codes.stream().distinct().sorted().toList();
    }

    /** A verdict read as {@code "STATUS:CODE,CODE"} (the form the scoring and cohort reads select), null: not judged. */
    public static QualityFacts parse(String verdict) {
        if (verdict == null) {
            return null;
        }
        int colon = verdict.indexOf(':');
        String codes = verdict.substring(colon + 1);
        return new QualityFacts(QualityStatus.valueOf(verdict.substring(0, colon)),
                codes.isEmpty() ? List.of() : Arrays.stream(codes.split(",")).map(QualityCode::valueOf).toList());
    }
}
