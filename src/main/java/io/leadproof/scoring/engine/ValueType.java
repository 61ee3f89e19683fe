package io.leadproof.scoring.engine;

import org.eclipse.microprofile.graphql.Description;

@Description("How a lead field's values are compared by a criteria predicate.")
public enum ValueType {
    @Description("Free text, compared trimmed and case-insensitively.") TEXT,
    @Description("A decimal number.") NUMBER,
    @Description("One of a fixed list of values.") ENUM,
    @Description("true or false.") BOOLEAN,
    @Description("A custom attribute: typed by the operator used and by the stored value.") DYNAMIC
}
