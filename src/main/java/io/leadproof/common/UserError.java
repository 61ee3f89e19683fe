package io.leadproof.common;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A problem with the input of a mutation. The mutation did not apply the part the error names.")
public record UserError(
        @Description("Path to the input field at fault, e.g. [\"leads\", \"3\", \"email\"].") @NonNull List<@NonNull String> field,
        @Description("What is wrong, in words a person can act on.") @NonNull String message,
        @Description("Stable machine-readable code: what kind of problem it is (the message says the details).") @NonNull UserErrorCode code) {

    public static UserError of(UserErrorCode code, String message, String... field) {
        return new UserError(List.of(field), message, code);
    }

    public UserError under(String... prefix) {
        var path = new java.util.ArrayList<>(List.of(prefix));
        path.addAll(field);
        return new UserError(List.copyOf(path), message, code);
    }
}
