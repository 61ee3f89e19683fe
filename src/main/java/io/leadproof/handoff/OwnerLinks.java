package io.leadproof.handoff;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Source;

import io.leadproof.handoff.HandoffTypes.HandoffView;
import io.leadproof.handoff.SalesRepGraphQL.RepView;
import io.leadproof.lead.LeadView;

/**
 * The sales rep behind an owner's user name, as an object, on leads and handoffs (the user-name fields are deprecated).
 * One query per list: the reps of every user name on the page.
 */
@GraphQLApi
public class OwnerLinks {

    @Name("owner")
    @Description("The sales rep who owns the lead; null when unowned or the owner is no registered rep.")
    public List<RepView> leadOwner(@Source List<LeadView> leads) {
        return reps(leads.stream().map(LeadView::ownerId).toList());
    }

    @Name("assignee")
    @Description("The sales rep the handoff is assigned to; null while unassigned or when the owner is no registered rep.")
    public List<RepView> assignee(@Source List<HandoffView> handoffs) {
        return reps(handoffs.stream().map(HandoffView::owner).toList());
    }

    private static List<RepView> reps(List<String> userNames) {
        Collection<String> wanted = userNames.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        Map<String, RepView> byName = wanted.isEmpty() ? Map.of()
                : SalesRep.<SalesRep>list("userName in ?1", wanted).stream().map(RepView::of)
                        .collect(Collectors.toMap(RepView::userName, Function.identity()));
        return userNames.stream().map(u -> u == null ? null : byName.get(u)).toList();
    }
}
