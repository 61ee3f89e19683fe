package io.leadproof.imports.api;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.leadproof.common.Node;
import io.leadproof.common.NodeId;
import io.leadproof.common.UserError;
import io.leadproof.imports.job.ImportJobRow;
import io.smallrye.graphql.api.Nullable;

/** The GraphQL shapes of CSV imports (docs/import.md). */
public final class ImportTypes {

    private ImportTypes() {
    }

    @Enum("ImportKind")
    @Description("What the rows of an import file are.")
    public enum Kind {
        @Description("Leads, as leadsImport takes them.") LEADS,
        @Description("Activities, as activitiesRecord takes them.") ACTIVITIES,
        @Description("Deals, as dealsImport takes them (POST /imports/deals, revops-admin).") DEALS
    }

    @Enum("ImportAttributeType")
    @Description("Type of a custom attribute filled from a column.")
    public enum AttributeKind {
        @Description("Text as is (trimmed).") TEXT,
        @Description("A decimal, stored plainly (1234.5).") NUMBER,
        @Description("true/false; yes/no, y/n, 1/0 are accepted.") BOOLEAN,
        @Description("An ISO date (2024-03-31).") DATE
    }

    @Enum("ImportJobState")
    @Description("Where an import job is.")
    public enum State {
        @Description("The file is still being uploaded.") RECEIVING,
        @Description("Uploaded, waiting for a worker.") QUEUED,
        @Description("Rows are being written (or, in a dry run, checked).") RUNNING,
        @Description("Every row was read; see the counts and the error report.") SUCCEEDED,
        @Description("The file could not be read on (failureCode says why); rows before the problem landed.") FAILED
    }

    @Input("ImportValueAliasInput")
    @Description("A value of the file and what it means, e.g. Google → PAID_SEARCH.")
    public record ValueAliasInput(@NonNull @Description("The value as the file has it.") String value,
            @NonNull @Description("The value it stands for (an enum constant, a country code…).") String meaning) {
    }

    @Type("ImportValueAlias")
    @Description("A value of the file and what it means.")
    public record ValueAlias(@NonNull @Description("The value as the file has it.") String value,
            @NonNull @Description("The value it stands for.") String meaning) {
    }

    @Input("ImportColumnInput")
    @Description("Where one column of the file goes: a standard field or a custom attribute (exactly one of the two).")
    public record ColumnInput(@NonNull @Description("The column's header text (trimmed, case-insensitive).") String header,
            @Description("A field of the kind as the API names it, e.g. email, country, source.") String field,
            @Description("Key of a custom attribute (leads) or property (activities).") String attribute,
            @Description("Type of the custom attribute; default TEXT.") AttributeKind type,
            @Description("Value aliases applied before conversion.") @Nullable List<@NonNull ValueAliasInput> values) {
    }

    @Type("ImportColumn")
    @Description("Where one column of the file goes.")
    public record Column(@NonNull @Description("The column's header text.") String header,
            @Description("The standard field it fills, or null.") String field,
            @Description("The custom attribute it fills, or null.") String attribute,
            @Description("Type of the custom attribute.") AttributeKind type,
            @NonNull @Description("Value aliases.") List<@NonNull ValueAlias> values) {
    }

    @Input("ImportMappingInput")
    @Description("A column mapping, saved per workspace under its name and named by uploads (?mapping=<name>).")
    public record MappingInput(@NonNull @Description("Name to save it under; saving the same name again replaces it.") String name,
            @NonNull @Description("What the rows are.") Kind kind,
            @NonNull @Description("One entry per mapped column.") List<@NonNull ColumnInput> columns,
            @Description("Values meaning unknown in every column, e.g. Select, N/A.") @Nullable List<@NonNull String> placeholders,
            @Description("java.time pattern for dates that are not ISO-8601, e.g. dd.MM.yyyy.") String datePattern,
            @Description("Decimal separator: . (default) or ,.") String decimalSeparator,
            @Description("Zone of dates without an offset, e.g. Europe/Berlin; default UTC.") String timeZone) {
    }

    @Type("ImportMapping")
    @Description("A saved column mapping.")
    public record Mapping(@org.eclipse.microprofile.graphql.Id @NonNull @Description("Global id; kept when the mapping is saved again under its name.") String id,
            @NonNull @Description("Its name.") String name, @NonNull @Description("What the rows are.") Kind kind,
            @NonNull @Description("The mapped columns.") List<@NonNull Column> columns,
            @NonNull @Description("Values meaning unknown.") List<String> placeholders,
            @Description("Declared date pattern.") String datePattern,
            @NonNull @Description("Decimal separator.") String decimalSeparator,
            @NonNull @Description("Zone of dates without an offset.") String timeZone) implements io.leadproof.common.Node {
    }

    @Type("ImportMappingSavePayload")
    @Description("Result of importMappingSave.")
    public record MappingSavePayload(@Description("The saved mapping; null when it had problems.") Mapping mapping,
            @NonNull @Description("Every problem of the mapping; nothing is saved when there is one.") List<@NonNull UserError> userErrors) {
    }

    @Type("ImportJob")
    @Description("One CSV upload and its processing. Counts grow batch by batch while it runs.")
    public record Job(@org.eclipse.microprofile.graphql.Id @NonNull @Description("Global id.") String id,
            @NonNull @Description("What the rows are.") Kind kind,
            @NonNull @Description("Where the job is.") State state,
            @NonNull @Description("A dry run validates every row through the API path and writes nothing.") boolean dryRun,
            @NonNull @Description("Name of the mapping used (a copy is kept with the job).") String mappingName,
            @Description("Encoding read (UTF_8, WINDOWS_1252); null until the job starts.") String encoding,
            @Description("Separator read (COMMA, SEMICOLON, TAB); null until the job starts.") String separator,
            @NonNull @Description("Size of the upload in bytes.") double fileBytes,
            @NonNull @Description("Data rows read (the header is not counted).") int rowsRead,
            @NonNull @Description("Rows that created a record (in a dry run: would have).") int rowsLanded,
            @NonNull @Description("Rows rejected; each has lines in the error report.") int rowsRejected,
            @NonNull @Description("Rows matching a record already there (same external id, email or event id): it was updated, or left as it was.") int rowsDuplicate,
            @NonNull @Description("Blank rows, skipped.") int rowsBlank,
            @NonNull @Description("Lines in the error report.") int errorCount,
            @NonNull @Description("Where to GET the error report (CSV: row,column,code,message) with the same bearer token.") String errorReportUrl,
            @Description("Why the file could not be read on, e.g. MALFORMED_CSV; null otherwise.") String failureCode,
            @Description("The failure in words.") String failure,
            @NonNull @Description("Who uploaded it.") String createdBy,
            @NonNull @Description("When the upload began.") OffsetDateTime createdAt,
            @Description("When a worker first took it.") OffsetDateTime startedAt,
            @Description("When it ended.") OffsetDateTime finishedAt) implements Node {

        public static Job of(ImportJobRow r) {
            return new Job(NodeId.of("ImportJob", r.id()), Kind.valueOf(r.kind().name()), State.valueOf(r.state()), r.dryRun(),
                    r.mappingName(), r.encoding(), r.separator(), r.fileBytes(), (int) r.rowsRead(), (int) r.rowsLanded(), (int) r.rowsRejected(),
                    (int) r.rowsDuplicate(), (int) r.rowsBlank(), (int) r.errorLines(), "/imports/" + r.id() + "/errors", r.failureCode(), r.failure(),
                    r.createdBy(), at(r.createdAt()), at(r.startedAt()), at(r.finishedAt()));
        }
    }

    static OffsetDateTime at(java.time.Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

}
