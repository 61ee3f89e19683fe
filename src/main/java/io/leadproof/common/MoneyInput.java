package io.leadproof.common;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("MoneyInput")
@Description("An exact amount with its currency.")
public record MoneyInput(
        @NonNull @Description("Amount as an exact decimal.") Decimal amount,
        @NonNull @Description("ISO 4217 currency code; must be the workspace's reporting currency.") String currency) {
}
