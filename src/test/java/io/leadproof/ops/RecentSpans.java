package io.leadproof.ops;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

import jakarta.inject.Singleton;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;

/**
 * The test instance's span exporter: keeps the most recent spans in memory. Being a CDI {@code SpanExporter}, it takes
 * the place of the OTLP exporter, so tests send nothing anywhere; the cap keeps a whole suite's spans from piling up.
 */
@Singleton
@Unremovable
public class RecentSpans implements SpanExporter {

    private static final int KEPT = 5_000;
    private final ConcurrentLinkedDeque<SpanData> spans = new ConcurrentLinkedDeque<>();

    @Override
    public CompletableResultCode export(Collection<SpanData> batch) {
        spans.addAll(batch);
        while (spans.size() > KEPT) {
            spans.pollFirst();
        }
        return CompletableResultCode.ofSuccess();
    }

    public List<SpanData> ofTrace(String traceId) {
        return spans.stream().filter(s -> s.getTraceId().equals(traceId)).toList();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        spans.clear();
        return CompletableResultCode.ofSuccess();
    }
}
