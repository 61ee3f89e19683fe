package io.leadproof.lead;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.smallrye.graphql.api.Nullable;

/** A condition on one custom attribute of a lead ({@link LeadFilter#customAttributes()}); SQL by {@link CustomAttributeSql}. */
@Input("CustomAttributeConditionInput")
@Description("A condition on one custom attribute (as set by LeadInput.customAttributes or a CSV import's attribute columns). "
        + "Values are compared as their type says: TEXT as text, NUMBER numerically (stored values that are no plain decimal "
        + "never match), DATE as ISO dates (yyyy-MM-dd), BOOLEAN as true/false (EQ and IN only).")
public record CustomAttributeCondition(
        @NonNull @Description("The attribute's key (a letter, then letters, digits or underscores; at most 64 characters).") String key,
        @NonNull @Description("EQ, IN, GT, LT or EXISTS.") Operator op,
        @Description("How values compare; default TEXT.") ValueType type,
        @Description("The value, for EQ, GT and LT.") String value,
        @Description("The values, for IN: 1..100.") @Nullable List<@NonNull String> values) {

    @org.eclipse.microprofile.graphql.Enum("CustomAttributeOperator")
    @Description("How a custom attribute is compared.")
    public enum Operator {
        @Description("Equal to value.") EQ,
        @Description("Equal to one of values.") IN,
        @Description("Greater than value.") GT,
        @Description("Less than value.") LT,
        @Description("The lead has the attribute (any value).") EXISTS
    }

    @org.eclipse.microprofile.graphql.Enum("CustomAttributeValueType")
    @Description("The type a custom attribute's values are compared as.")
    public enum ValueType {
        @Description("Text, compared exactly (GT/LT: by code point).") TEXT,
        @Description("A decimal number such as 1234.5.") NUMBER,
        @Description("An ISO date such as 2024-03-31.") DATE,
        @Description("true or false.") BOOLEAN
    }
}
