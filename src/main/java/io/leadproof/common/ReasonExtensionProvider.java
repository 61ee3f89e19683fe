package io.leadproof.common;

import jakarta.json.Json;
import jakarta.json.JsonValue;

import io.smallrye.graphql.api.ErrorExtensionProvider;

/** Puts the precise cause of an {@link ApiException} into the error's {@code extensions.reason}. */
public class ReasonExtensionProvider implements ErrorExtensionProvider {

    @Override
    public String getKey() {
        return "reason";
    }

    @Override
    public JsonValue mapValueFrom(Throwable exception) {
        return exception instanceof ApiException api ? Json.createValue(api.reason()) : JsonValue.NULL;
    }
}
