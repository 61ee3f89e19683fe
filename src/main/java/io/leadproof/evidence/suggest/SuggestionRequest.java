package io.leadproof.evidence.suggest;

import io.leadproof.evidence.core.SignalResult;
import io.leadproof.evidence.rejections.Finding;
import io.leadproof.scoring.engine.CriteriaVersionSpec;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a suggestion starts from: the model's active version, the draft's id, the results of a
 * signal analysis (group A, the outcome the criteria should find — won deals — against group B), the
 * findings of rejection insights, and the window both came from.
 *
 * @param knockoutMinSupport a value seen in at least this many group-B leads and in no group-A lead
 *                           becomes a knock-out (default 20)
 */
public record SuggestionRequest(
        CriteriaVersionSpec active,
        String draftVersionId,
        List<SignalResult> signals,
        String groupA,
        String groupB,
        List<Finding> rejectionFindings,
        Instant windowFrom,
        Instant windowTo,
        int knockoutMinSupport) {

    public static final int DEFAULT_KNOCKOUT_MIN_SUPPORT = 20;

    public SuggestionRequest {
        Objects.requireNonNull(active, "active");
        Objects.requireNonNull(draftVersionId, "draftVersionId");
        signals = signals == null ? List.of() : List.copyOf(signals);
        rejectionFindings = rejectionFindings == null ? List.of() : List.copyOf(rejectionFindings);
        if (knockoutMinSupport < 1) {
            throw new IllegalArgumentException("knockoutMinSupport must be positive, not " + knockoutMinSupport);
        }
    }
}
