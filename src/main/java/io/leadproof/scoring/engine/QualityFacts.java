package io.leadproof.scoring.engine;

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
}
