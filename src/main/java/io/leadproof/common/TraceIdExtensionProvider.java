package io.leadproof.common;

import jakarta.json.Json;
import jakarta.json.JsonValue;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.smallrye.graphql.api.ErrorExtensionProvider;

/**
 * Puts the OpenTelemetry trace id of the request into the error's {@code extensions.traceId}: the same id stands in
 * every JSON log line of that request ({@code mdc.traceId}), so a client's error report leads straight to the logs and,
 * when spans are exported, to the trace.
 */
public class TraceIdExtensionProvider implements ErrorExtensionProvider {

    @Override
    public String getKey() {
        return "traceId";
    }

    @Override
    public JsonValue mapValueFrom(Throwable exception) {
        SpanContext context = Span.current().getSpanContext();
        return context.isValid() ? Json.createValue(context.getTraceId()) : null; // null: no extension at all
    }
}
