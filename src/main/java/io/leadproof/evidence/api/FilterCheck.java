package io.leadproof.evidence.api;

import io.leadproof.common.UserErrorCode;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.leadproof.common.InputProblems;
import io.leadproof.common.NodeId;
import io.leadproof.common.UserError;
import io.leadproof.lead.LeadSource;

/** Checks the cohort filters of an evidence input: ids of the right kind, owners as plain text, at most 100 values each. */
final class FilterCheck {

    private FilterCheck() {
    }

    static AnalysisRequest.Filter filter(EvidenceInputs.FilterInput input, List<UserError> errors) {
        if (input == null) {
            return AnalysisRequest.Filter.NONE;
        }
        Set<UUID> campaigns = ids(input.campaignIds(), "Campaign", errors, "campaignIds");
        Set<UUID> versions = ids(input.criteriaVersionIds(), "CriteriaVersion", errors, "criteriaVersionIds");
        Set<LeadSource> sources = new LinkedHashSet<>();
        if (input.sources() != null) {
            input.sources().stream().filter(java.util.Objects::nonNull).forEach(sources::add);
        }
        Set<String> owners = new LinkedHashSet<>();
        List<String> given = input.owners() == null ? List.of() : input.owners();
        tooMany(given.size(), errors, "owners");
        InputProblems problems = new InputProblems("input", "filter");
        for (int i = 0; i < given.size(); i++) {
            String owner = problems.text(given.get(i), 200, "owners");
            if (owner != null) {
                owners.add(owner);
            }
        }
        errors.addAll(problems.errors());
        return new AnalysisRequest.Filter(campaigns, sources, versions, owners);
    }

    static Set<UUID> ids(List<String> ids, String type, List<UserError> errors, String field) {
        Set<UUID> parsed = new LinkedHashSet<>();
        if (ids == null) {
            return parsed;
        }
        tooMany(ids.size(), errors, field);
        for (int i = 0; i < ids.size(); i++) {
            UUID id = NodeId.parse(type, ids.get(i));
            if (id == null) {
                errors.add(EvidenceErrorCode.NOT_FOUND.error(field + " holds '" + ids.get(i) + "', which is not a " + type
                        + " id", "input", "filter", field, String.valueOf(i)));
            } else {
                parsed.add(id);
            }
        }
        return parsed;
    }

    private static void tooMany(int size, List<UserError> errors, String field) {
        if (size > AnalysisRequestCheck.MAX_FILTER_VALUES) {
            errors.add(UserError.of(UserErrorCode.TOO_MANY, field + " takes at most " + AnalysisRequestCheck.MAX_FILTER_VALUES
                    + " values", "input", "filter", field));
        }
    }
}
