package io.leadproof.common;

import java.math.BigDecimal;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("An amount of money: an exact decimal with its ISO 4217 currency.")
public record Money(
        @Description("The exact amount.") @NonNull Decimal amount,
        @Description("ISO 4217 currency code, e.g. EUR.") @NonNull String currency) {

    public static Money of(BigDecimal amount, String currency) {
        return amount == null ? null : new Money(Decimal.of(amount), currency);
    }
}
