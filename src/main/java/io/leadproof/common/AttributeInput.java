package io.leadproof.common;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("AttributeInput")
@Description("A key/value pair of custom data. A null value removes the key.")
public record AttributeInput(
        @Description("Key: a letter, then letters, digits or underscores; at most 64 characters.") @NonNull String key,
        @Description("Value as text (numbers as their decimal text); at most 1000 characters. Null removes the key.") String value) {
}
