package io.leadproof.lead;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.leadproof.common.OrderDirection;

@Input("LeadOrder")
@Description("Ordering of a lead list; ties are broken by id.")
public record LeadOrder(
        @NonNull @Description("Field to sort by.") Field field,
        @NonNull @Description("Direction.") OrderDirection direction) {

    public static final LeadOrder DEFAULT = new LeadOrder(Field.CREATED_AT, OrderDirection.DESC);

    @org.eclipse.microprofile.graphql.Enum("LeadOrderField")
    @Description("Sortable lead fields.")
    public enum Field {
        @Description("Creation time.") CREATED_AT,
        @Description("Last change time.") UPDATED_AT
    }
}
