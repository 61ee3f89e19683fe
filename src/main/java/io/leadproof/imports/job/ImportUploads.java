package io.leadproof.imports.job;

import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.leadproof.common.NodeId;
import io.leadproof.imports.ColumnMapping;
import io.leadproof.imports.CsvEncoding;
import io.leadproof.imports.CsvOptions;
import io.leadproof.imports.CsvSeparator;
import io.leadproof.imports.ImportFileException;
import io.leadproof.imports.ImportKind;
import io.leadproof.security.Caller;
import io.leadproof.security.CurrentWorkspace;
import io.leadproof.security.Roles;
import io.leadproof.security.WorkspaceScope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /imports/{leads|activities|deals}?mapping=<saved mapping>[&dryRun=true][&encoding=…][&separator=…]}, body
 * {@code text/csv}: the body is streamed into the database in 1 MiB chunks (never whole in memory), the header row is
 * checked against the mapping, and the answer is {@code 202} with the import job's id; the job does the rest. Same
 * bearer token, workspace header and roles as {@code leadsImport} / {@code activitiesRecord} / {@code dealsImport}.
 */
@ApplicationScoped
public class ImportUploads {

    static final int CHUNK = 1 << 20;
    static final Set<String> WRITERS = Set.of(Roles.ADMIN, Roles.MARKETING);

    @Inject
    Vertx vertx;
    @Inject
    WorkspaceScope scope;
    @Inject
    ImportJobStore jobs;
    @Inject
    MappingStore mappings;
    @Inject
    ImportWorker worker;
    @Inject
    Clock clock;
    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "2G")
    MemorySize maxFileSize;

    void install(@Observes Router router) {
        router.post("/imports/:kind").handler(this::upload);
        router.get("/imports/:id/errors").handler(new ErrorReportDownload(vertx, scope, jobs)::handle);
    }

    private void upload(RoutingContext rc) {
        var request = rc.request();
        ImportKind kind = switch (rc.pathParam("kind")) {
            case "leads" -> ImportKind.LEADS;
            case "activities" -> ImportKind.ACTIVITIES;
            case "deals" -> ImportKind.DEALS;
            default -> null;
        };
        if (kind == null) {
            Refusal.send(rc, 404, "UNKNOWN_IMPORT_KIND", "imports are POST /imports/leads, /imports/activities or /imports/deals");
            return;
        }
        var caller = caller(rc, kind);
        if (caller == null) {
            return;
        }
        String type = request.getHeader("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).strip().startsWith("text/csv")) {
            Refusal.send(rc, 415, "UNSUPPORTED_MEDIA_TYPE", "the body must be Content-Type: text/csv");
            return;
        }
        String length = request.getHeader("Content-Length");
        if (length != null && length.matches("\\d{1,19}") && Long.parseLong(length) > maxFileSize.asLongValue()) {
            Refusal.send(rc, 413, "FILE_TOO_LARGE", "the file is larger than " + maxFileSize.asLongValue() + " bytes");
            return;
        }
        String mappingName = request.getParam("mapping");
        if (mappingName == null || mappingName.isBlank()) {
            Refusal.send(rc, 400, "MAPPING_REQUIRED", "name a saved column mapping: ?mapping=<name> (see importMappingSave)");
            return;
        }
        CsvOptions options;
        try {
            options = options(request.getParam("encoding"), request.getParam("separator"));
        } catch (IllegalArgumentException e) {
            Refusal.send(rc, 400, "INVALID_OPTION", e.getMessage());
            return;
        }
        boolean dryRun = "true".equalsIgnoreCase(request.getParam("dryRun"));
        if (dryRun && kind == ImportKind.DEALS) {
            // dealsImport lands each row in a transaction of its own: there is no batch transaction to roll back
            Refusal.send(rc, 400, "DRY_RUN_UNSUPPORTED", "deal imports have no dry run: each deal lands in its own transaction");
            return;
        }
        request.pause();
        String ws = caller.workspace();
        blocking(rc, () -> inWorkspace(ws, () -> {
            ColumnMapping mapping = mappings.find(mappingName).orElse(null);
            if (mapping == null) {
                throw new Refused(400, "MAPPING_NOT_FOUND", "no saved column mapping is named '" + mappingName + "'");
            }
            if (mapping.kind() != kind) {
                throw new Refused(400, "MAPPING_KIND", "mapping '" + mappingName + "' is for " + mapping.kind() + ", not " + kind);
            }
            UUID id = jobs.create(kind, dryRun, mappingName, MappingJson.write(mapping),
                    options.encoding() == null ? null : options.encoding().name(),
                    options.separator() == null ? null : options.separator().name(), caller.user(), clock.instant());
            return new Upload(rc, ws, id, mapping, options);
        }), upload -> upload.start());
    }

    private Caller caller(RoutingContext rc, ImportKind kind) {
        var user = rc.user() instanceof QuarkusHttpUser u ? u.getSecurityIdentity() : null;
        var caller = Caller.of(user, rc.request().getHeader(CurrentWorkspace.HEADER));
        if (caller.anonymous()) {
            Refusal.send(rc, 401, "UNAUTHENTICATED", "Sign in: imports need a bearer token");
            return null;
        }
        if (caller.workspace() == null) {
            Refusal.send(rc, 403, caller.refusal(), caller.refusalMessage());
            return null;
        }
        if (kind == ImportKind.DEALS ? !user.getRoles().contains(Roles.ADMIN) : user.getRoles().stream().noneMatch(WRITERS::contains)) {
            Refusal.send(rc, 403, "FORBIDDEN", kind == ImportKind.DEALS ? "deal imports need the revops-admin role (as dealsImport)"
                    : "imports need the revops-admin or marketing role");
            return null;
        }
        return caller;
    }

    private static CsvOptions options(String encoding, String separator) {
        CsvOptions options = CsvOptions.defaults();
        if (encoding != null && !encoding.isBlank()) {
            options = options.withEncoding(switch (encoding.strip().toUpperCase(Locale.ROOT).replace('-', '_')) {
                case "UTF_8", "UTF8" -> CsvEncoding.UTF_8;
                case "WINDOWS_1252", "CP1252" -> CsvEncoding.WINDOWS_1252;
                default -> throw new IllegalArgumentException("encoding must be UTF-8 or WINDOWS-1252");
            });
        }
        if (separator != null && !separator.isBlank()) {
            options = options.withSeparator(switch (separator.strip().toUpperCase(Locale.ROOT)) {
                case "COMMA", "," -> CsvSeparator.COMMA;
                case "SEMICOLON", ";" -> CsvSeparator.SEMICOLON;
                case "TAB", "\\T" -> CsvSeparator.TAB;
                default -> throw new IllegalArgumentException("separator must be COMMA, SEMICOLON or TAB");
            });
        }
        return options;
    }

    <T> T inWorkspace(String ws, Supplier<T> work) {
        return scope.call(ws, () -> QuarkusTransaction.requiringNew().call(work::get));
    }

    /** Runs {@code work} off the event loop; a {@link Refused} or any failure answers the request. */
    <T> void blocking(RoutingContext rc, Supplier<T> work, java.util.function.Consumer<T> then) {
        vertx.<T>executeBlocking(work::get).onComplete(result -> {
            if (result.succeeded()) {
                then.accept(result.result());
            } else if (result.cause() instanceof Refused r) {
                Refusal.send(rc, r.status, r.code, r.getMessage());
            } else if (result.cause() instanceof ImportFileException e) {
                Refusal.send(rc, 400, e.code().name(), e.getMessage());
            } else {
                Refusal.send(rc, 500, "INTERNAL", "the upload could not be stored; try again");
            }
        });
    }

    static final class Refused extends RuntimeException {
        final int status;
        final String code;

        Refused(int status, String code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }
    }

    /** One upload in flight: buffers up to a chunk, stores it with the request paused, checks the header once. */
    private final class Upload {
        final RoutingContext rc;
        final String ws;
        final UUID id;
        final ColumnMapping mapping;
        final CsvOptions options;
        Buffer pending = Buffer.buffer();
        long total;
        int seq;
        boolean failed;

        Upload(RoutingContext rc, String ws, UUID id, ColumnMapping mapping, CsvOptions options) {
            this.rc = rc;
            this.ws = ws;
            this.id = id;
            this.mapping = mapping;
            this.options = options;
        }

        void start() {
            var request = rc.request();
            request.handler(data -> {
                if (failed) {
                    return;
                }
                total += data.length();
                if (total > maxFileSize.asLongValue()) {
                    fail(413, "FILE_TOO_LARGE", "the file is larger than " + maxFileSize.asLongValue() + " bytes");
                    return;
                }
                pending.appendBuffer(data);
                if (pending.length() >= CHUNK) {
                    request.pause();
                    byte[] chunk = pending.getBytes(0, CHUNK);
                    pending = pending.getBuffer(CHUNK, pending.length());
                    store(chunk, false, () -> request.resume());
                }
            });
            request.exceptionHandler(e -> fail(400, "UPLOAD_INTERRUPTED", "the upload broke off: " + e.getMessage()));
            request.endHandler(end -> {
                if (failed) {
                    return;
                }
                if (total == 0) {
                    fail(400, "EMPTY_FILE", "the file is empty");
                    return;
                }
                byte[] last = pending.getBytes();
                store(last, true, () -> {
                    JsonObject body = new JsonObject().put("id", NodeId.of("ImportJob", id)).put("importId", id.toString())
                            .put("state", "QUEUED").put("errorReport", "/imports/" + id + "/errors");
                    rc.response().setStatusCode(202).putHeader("Content-Type", "application/json").end(body.encode());
                    worker.wake();
                });
            });
            request.resume();
        }

        private void store(byte[] chunk, boolean end, Runnable then) {
            int number = seq++;
            vertx.executeBlocking(() -> inWorkspace(ws, () -> {
                if (number == 0) {
                    HeaderCheck.check(chunk, end, options, mapping);
                }
                if (!end) {
                    jobs.commitWithoutWaitingForDisk();
                }
                if (chunk.length > 0) {
                    jobs.appendChunk(id, number, chunk);
                }
                if (end) {
                    jobs.queue(id);
                }
                return Boolean.TRUE;
            })).onComplete(result -> {
                if (result.succeeded()) {
                    then.run();
                    return;
                }
                if (result.cause() instanceof ImportFileException e) {
                    fail(400, e.code().name(), e.getMessage());
                } else {
                    fail(500, "INTERNAL", "the upload could not be stored; try again");
                }
                rc.request().resume(); // the rest of the body is read and dropped
            });
        }

        private void fail(int status, String code, String message) {
            failed = true;
            Refusal.send(rc, status, code, message);
            discard();
        }

        void discard() {
            vertx.executeBlocking(() -> inWorkspace(ws, () -> {
                jobs.delete(id);
                return null;
            }));
        }
    }
}
