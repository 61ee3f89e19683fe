package io.leadproof.imports.api;

import io.leadproof.common.UserErrorCode;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.leadproof.common.NodeId;
import io.leadproof.common.UserError;
import io.leadproof.imports.AttributeType;
import io.leadproof.imports.ColumnMapping;
import io.leadproof.imports.ColumnRule;
import io.leadproof.imports.ImportKind;
import io.leadproof.imports.job.ImportJobStore;
import io.leadproof.imports.job.MappingStore;
import io.leadproof.security.CurrentWorkspace;
import io.leadproof.security.Roles;

/** Import jobs and saved column mappings; uploads themselves go to {@code POST /imports/{leads|activities}}. */
@GraphQLApi
public class ImportGraphQL {

    static final int MAPPINGS_CAP = 100;

    @Inject
    ImportJobStore jobs;
    @Inject
    MappingStore mappings;
    @Inject
    CurrentWorkspace workspace;
    @Inject
    Clock clock;

    @Query("importJob")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.LEADERSHIP })
    @Description("An import job by id (the id POST /imports answered); null when no import of this workspace has it.")
    @Transactional
    public ImportTypes.Job importJob(@NonNull @Id @Description("ImportJob id.") String id) {
        return jobs.find(NodeId.require("ImportJob", id, "id")).map(ImportTypes.Job::of).orElse(null);
    }

    @Query("importMappings")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING })
    @Description("The saved column mappings of the workspace, by name (at most " + MAPPINGS_CAP + ").")
    @Transactional
    public @NonNull List<ImportTypes.@NonNull Mapping> importMappings() {
        return mappings.listSaved(MAPPINGS_CAP).stream().map(m -> view(m.id(), m.mapping())).toList();
    }

    @Mutation("importMappingSave")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING })
    @Description("Saves a column mapping under its name (replacing one of the same name), after checking it: unknown fields"
            + " (with the list of fields), a header mapped twice, two columns to one field, bad attribute keys, date pattern,"
            + " separator or zone, required columns missing.")
    @Transactional
    public @NonNull ImportTypes.MappingSavePayload importMappingSave(@NonNull @Description("The mapping.") ImportTypes.MappingInput input) {
        var errors = new ArrayList<UserError>(MappingCaps.check(input));
        if (!errors.isEmpty()) {
            return new ImportTypes.MappingSavePayload(null, errors);
        }
        ColumnMapping mapping = mapping(input);
        for (String problem : mapping.problems()) {
            errors.add(UserError.of(UserErrorCode.INVALID_MAPPING, problem, "columns"));
        }
        if (!errors.isEmpty()) {
            return new ImportTypes.MappingSavePayload(null, errors);
        }
        mappings.save(mapping, workspace.actor(), clock.instant());
        return new ImportTypes.MappingSavePayload(view(mappings.idOf(mapping.name()).orElseThrow(), mapping), List.of());
    }

    static ColumnMapping mapping(ImportTypes.MappingInput in) {
        var columns = in.columns().stream().map(c -> {
            Map<String, String> values = new LinkedHashMap<>();
            if (c.values() != null) {
                c.values().forEach(v -> values.put(v.value(), v.meaning()));
            }
            return new ColumnRule(c.header(), c.field(), c.attribute(), c.type() == null ? null : AttributeType.valueOf(c.type().name()), values);
        }).toList();
        return new ColumnMapping(in.name(), ImportKind.valueOf(in.kind().name()), columns, in.placeholders(), in.datePattern(),
                in.decimalSeparator(), in.timeZone());
    }

    public static ImportTypes.Mapping view(java.util.UUID id, ColumnMapping m) {
        var columns = m.columns().stream().map(c -> new ImportTypes.Column(c.header(), c.field(), c.attribute(),
                c.attribute() == null ? null : ImportTypes.AttributeKind.valueOf(c.typeOrText().name()),
                c.values().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> new ImportTypes.ValueAlias(e.getKey(), e.getValue())).toList())).toList();
        return new ImportTypes.Mapping(NodeId.of("ImportMapping", id), m.name(), ImportTypes.Kind.valueOf(m.kind().name()), columns, m.placeholders(),
                m.datePattern(), String.valueOf(m.decimalChar()), m.zone().getId());
    }
}
