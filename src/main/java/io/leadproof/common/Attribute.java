package io.leadproof.common;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A key/value pair of custom data.")
public record Attribute(
        @Description("The key.") @NonNull String key,
        @Description("The value as text.") @NonNull String value) {
}
