package io.leadproof.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.json.Json;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import graphql.GraphQLContext;
import graphql.execution.ExecutionId;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.ResultPath;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.DataFetchingFieldSelectionSetImpl;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.LightDataFetcher;
import io.leadproof.lead.Authority;
import io.leadproof.lead.BudgetStatus;
import io.leadproof.lead.LeadSource;
import io.leadproof.lead.LeadView;
import io.leadproof.lead.LifecycleStage;
import io.leadproof.lead.Need;
import io.leadproof.lead.Seniority;
import io.leadproof.lead.Timeline;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.graphql.execution.context.SmallRyeContextManager;
import io.smallrye.graphql.execution.datafetcher.FieldDataFetcher;

/**
 * The light fetchers of {@link PlainFields} answer exactly what SmallRye's own field fetchers answer: every field of the
 * served schema that SmallRye reads with a {@code FieldDataFetcher} gets one, and on a lead with every kind of value
 * (text, decimal, integer, enum, list of records, date-times, a null, the deprecated field) both give the same value.
 */
@QuarkusTest
class PlainFieldsTest {

    @Inject
    GraphQLSchema smallrye; // the schema as SmallRye built it, with its own fetchers

    @AfterEach
    void clearContext() {
        SmallRyeContextManager.clearCurrentSmallRyeContext();
    }

    @Test
    void every_smallrye_field_fetcher_is_replaced_by_a_light_one() {
        GraphQLSchema light = PlainFields.lighten(smallrye);
        int replaced = 0;
        for (var type : smallrye.getAllTypesAsList()) {
            if (type instanceof GraphQLObjectType object) {
                for (GraphQLFieldDefinition definition : object.getFieldDefinitions()) {
                    var coordinates = FieldCoordinates.coordinates(object, definition);
                    if (smallrye.getCodeRegistry().getDataFetcher(coordinates, definition) instanceof FieldDataFetcher<?>) {
                        assertThat(light.getCodeRegistry().getDataFetcher(coordinates, definition)).as(coordinates.toString())
                                .isInstanceOf(LightDataFetcher.class);
                        replaced++;
                    } else {
                        assertThat(light.getCodeRegistry().getDataFetcher(coordinates, definition)).as(coordinates.toString())
                                .isSameAs(smallrye.getCodeRegistry().getDataFetcher(coordinates, definition));
                    }
                }
            }
        }
        assertThat(replaced).isGreaterThan(200);
    }

    @Test
    void a_lead_reads_the_same_through_both_fetchers() throws Exception {
        UUID id = UUID.randomUUID();
        var created = OffsetDateTime.of(2026, 3, 4, 5, 6, 7, 890_000_000, ZoneOffset.UTC);
        var lead = new LeadView(NodeId.of("Lead", id), "ext-1", "ada@example.com", "Ada", null, "+4930123456", "Acme GmbH",
                "acme.example", Decimal.of(new BigDecimal("1250000.50")), 42, "Software", "VP Marketing", Seniority.VP, "DE",
                LeadSource.EVENT, BudgetStatus.PLANNED, Decimal.of(new BigDecimal("9000.00")), Authority.INFLUENCER,
                Need.MEDIUM, Timeline.IMMEDIATE, LifecycleStage.MQL, "olga", List.of(new Attribute("a", "1"), new Attribute("b", "x y")),
                created, created.plusDays(1), id, null);
        GraphQLObjectType type = smallrye.getObjectType("Lead");
        GraphQLSchema light = PlainFields.lighten(smallrye);
        int compared = 0;
        for (GraphQLFieldDefinition definition : type.getFieldDefinitions()) {
            var coordinates = FieldCoordinates.coordinates(type, definition);
            if (smallrye.getCodeRegistry().getDataFetcher(coordinates, definition) instanceof FieldDataFetcher<?> original) {
                SmallRyeContextManager.fromInitialRequest(Json.createObjectBuilder().add("query", "{ leads { edges { node { id } } } }").build());
                Object expected = original.get(environment(type, definition, lead));
                Object actual = light.getCodeRegistry().getDataFetcher(coordinates, definition).get(environment(type, definition, lead));
                assertThat(actual).as(definition.getName()).isEqualTo(expected);
                compared++;
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(25);
    }

    private static DataFetchingEnvironment environment(GraphQLObjectType parent, GraphQLFieldDefinition definition, Object source) {
        var path = ResultPath.rootPath().segment("lead").segment(definition.getName());
        return DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
                .source(source)
                .fieldDefinition(definition)
                .fieldType(definition.getType())
                .parentType(parent)
                .mergedField(graphql.execution.MergedField.newMergedField(Field.newField(definition.getName()).build()).build())
                .executionId(ExecutionId.from("plain-fields-test"))
                .executionStepInfo(ExecutionStepInfo.newExecutionStepInfo().type(definition.getType()).path(path).build())
                .operationDefinition(OperationDefinition.newOperationDefinition().operation(OperationDefinition.Operation.QUERY).build())
                .selectionSet(DataFetchingFieldSelectionSetImpl.newCollector(null, definition.getType(),
                        () -> graphql.normalized.ExecutableNormalizedField.newNormalizedField().level(1).fieldName(definition.getName())
                                .objectTypeNames(List.of(parent.getName())).build()))
                .graphQLContext(GraphQLContext.newContext().build())
                .build();
    }
}
