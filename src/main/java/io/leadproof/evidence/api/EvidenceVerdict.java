package io.leadproof.evidence.api;

import org.eclipse.microprofile.graphql.Description;

import io.leadproof.evidence.core.Verdict;

@Description("How sure the analysis is about a signal.")
public enum EvidenceVerdict {
    @Description("q < 0.05 and at least 5 leads with the signal in the richer group.") STRONG,
    @Description("p < 0.1 but not strong.") SUGGESTIVE,
    @Description("Neither: the groups may not differ, or are too small to tell.") NOT_ENOUGH_EVIDENCE;

    public static EvidenceVerdict of(Verdict verdict) {
        return valueOf(verdict.name());
    }
}
