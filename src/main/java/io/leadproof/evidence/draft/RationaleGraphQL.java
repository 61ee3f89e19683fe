package io.leadproof.evidence.draft;

import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Source;

import io.leadproof.criteria.RuleView;

/** Shows on each rule of a version why a suggestion proposed it (null for rules written by hand). */
@GraphQLApi
public class RationaleGraphQL {

    @Inject
    RationaleStore rationales;

    @Name("rationale")
    @Description("Why criteriaSuggest proposed this rule or its points: the signal, its statistic, both groups and the "
            + "window. Null for a rule written by hand.")
    public List<RationaleView> rationale(@Source List<RuleView> rules) {
        var found = rationales.of(rules.stream().map(r -> new RationaleStore.RuleRef(r.versionUuid(), r.key())).toList());
        return rules.stream().map(r -> found.get(new RationaleStore.RuleRef(r.versionUuid(), r.key()))).toList();
    }
}
