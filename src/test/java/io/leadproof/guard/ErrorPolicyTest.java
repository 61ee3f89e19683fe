package io.leadproof.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetcher;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import io.leadproof.common.ApiException;
import io.leadproof.support.LogCapture;

/**
 * The guard and the production error policy on a plain graphql-java engine: what a client sees when a resolver fails
 * unexpectedly, and introspection switched off. Runs without the server, so it can use limits the test profile does not.
 */
class ErrorPolicyTest {

    static final String SDL = """
            type Query { viewer: Viewer, boom: String, badValue: String, deliberate: String, checked: String, outage: String }
            type Viewer { name: String, friends(first: Int): [Viewer] }
            """;

    static GraphQL engine(boolean introspection) {
        var wiring = RuntimeWiring.newRuntimeWiring().type("Query", t -> t
                .dataFetcher("viewer", env -> Map.of("name", "v"))
                .dataFetcher("boom", failing(new IllegalStateException(
                        "could not execute statement [select * from lead where workspace_id = 'acme'] at org.hibernate.Foo")))
                .dataFetcher("badValue", failing(new RuntimeException("wrapped",
                        new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00", "22021"))))
                .dataFetcher("deliberate", failing(ApiException.invalid("INVALID_ID", "id is not a Lead id")))
                .dataFetcher("outage", failing(new IllegalStateException("could not set the workspace of a database connection",
                        new SQLException("An I/O error occurred while sending to the backend.", "08006"))))
                .dataFetcher("checked", failing(new RuntimeException(new java.io.IOException("/etc/secret not readable")))))
                .build();
        var schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL), wiring);
        return GraphQL.newGraphQL(schema).instrumentation(new GuardInstrumentation(limits(introspection), null)).build();
    }

    static DataFetcher<Object> failing(RuntimeException e) {
        return env -> {
            throw e;
        };
    }

    @Test
    void an_unexpected_failure_shows_no_sql_class_names_or_stack_only_an_incident_id() {
        ExecutionResult result;
        List<LogCapture.Entry> logged;
        try (var logs = LogCapture.quiet(SafeErrors.class)) {
            result = engine(true).execute("{ boom viewer { name } }");
            logged = logs.atLeast(Level.SEVERE);
        }
        assertThat(result.getErrors()).hasSize(1);
        GraphQLError error = result.getErrors().getFirst();
        var shown = error.getMessage() + " " + error.getExtensions().entrySet().stream()
                .filter(e -> !e.getKey().equals("classification")).toList();
        assertThat(shown).doesNotContain("select", "workspace_id", "acme", "hibernate", "IllegalState", "Exception", "at org.");
        assertThat(error.getMessage()).startsWith("Internal error (incident ");
        assertThat(error.getExtensions()).containsEntry("code", "INTERNAL").containsKey("incident");
        assertThat(error.getMessage()).contains((String) error.getExtensions().get("incident"));
        assertThat(error.getPath()).containsExactly("boom");
        assertThat(((Map<?, ?>) result.getData()).get("viewer")).as("the rest of the query still answers").isNotNull();
        assertThat(logged).as("the cause is logged once, with the stack, under the incident id").singleElement()
                .satisfies(e -> assertThat(e.message()).contains((String) error.getExtensions().get("incident")))
                .satisfies(e -> assertThat(e.thrown()).isInstanceOf(IllegalStateException.class));
    }

    @Test
    void a_value_the_database_refuses_is_an_invalid_argument_not_an_internal_error() {
        GraphQLError error;
        try (var logs = LogCapture.quiet(SafeErrors.class)) {
            error = engine(true).execute("{ badValue }").getErrors().getFirst();
            assertThat(logs.atLeast(Level.WARNING)).singleElement().extracting(LogCapture.Entry::message).asString()
                    .startsWith("Unvalidated input refused by the database");
        }
        assertThat(error.getExtensions()).containsEntry("code", "INVALID_ARGUMENT").containsEntry("reason", "UNSTORABLE_VALUE");
        assertThat(error.getMessage()).doesNotContain("UTF8", "0x00", "SQL");
    }

    @Test
    void a_database_outage_is_unavailable_with_a_retry_hint_not_an_internal_error() {
        var error = engine(true).execute("{ outage }").getErrors().getFirst();
        assertThat(error.getExtensions()).containsEntry("code", "UNAVAILABLE").containsEntry("reason", "DATABASE_UNAVAILABLE")
                .containsEntry("retryAfter", 5L).doesNotContainKey("incident");
        assertThat(error.getMessage()).startsWith("The service cannot reach its database right now. Retry in 5 s")
                .doesNotContain("I/O", "08006", "workspace");
        assertThat(error.getPath()).containsExactly("outage");
    }

    @Test
    void deliberate_errors_keep_their_message_and_checked_causes_are_hidden() {
        ExecutionResult result;
        try (var logs = LogCapture.quiet(SafeErrors.class)) {
            result = engine(true).execute("{ deliberate checked }");
            assertThat(logs.atLeast(Level.SEVERE)).as("only the checked failure is a bug").singleElement()
                    .extracting(LogCapture.Entry::message).asString().contains("[checked]");
        }
        assertThat(result.getErrors()).extracting(GraphQLError::getMessage)
                .anySatisfy(m -> assertThat(m).isEqualTo("Exception while fetching data (/deliberate) : id is not a Lead id"))
                .noneSatisfy(m -> assertThat(m).contains("/etc/secret"));
    }

    @Test
    void with_introspection_off_schema_queries_are_refused_but_typename_works() {
        var refused = engine(false).execute("{ __schema { types { name } } }");
        assertThat(refused.isDataPresent()).isFalse();
        assertThat(refused.getErrors().getFirst().getExtensions()).containsEntry("code", "INTROSPECTION_DISABLED");
        var hidden = engine(false).execute("{ viewer { ...F } } fragment F on Viewer { t: __type(name: \"Query\") { name } }");
        assertThat(hidden.getErrors()).isNotEmpty();
        assertThat(engine(false).execute("query { __typename viewer { __typename } }").getErrors()).isEmpty();
        assertThat(engine(true).execute("{ __schema { types { name } } }").getErrors()).isEmpty();
    }

    @Test
    void refusals_carry_their_numbers_and_nothing_runs() {
        var deep = engine(true).execute("{ viewer { friends { friends { friends { name } } } } }");
        assertThat(deep.isDataPresent()).isFalse();
        assertThat(deep.getErrors().getFirst().getExtensions())
                .containsEntry("code", "LIMIT_EXCEEDED").containsEntry("reason", "MAX_DEPTH").containsEntry("depth", 5);
        var costly = engine(true).execute("{ a: viewer { friends(first: 100) { name } } b: viewer { friends(first: 100) { name } } }");
        assertThat(costly.getErrors().getFirst().getExtensions()).containsEntry("reason", "MAX_COST").containsEntry("cost", 202L);
        var fine = engine(true).execute(graphql.ExecutionInput.newExecutionInput("{ viewer { friends(first: 3) { name } } }")
                .extensions(Map.of("cost", true)));
        assertThat(fine.getErrors()).isEmpty();
        assertThat(fine.getExtensions()).containsEntry("cost", Map.of("requestedCost", 4L));
        assertThat(engine(true).execute("{ viewer { friends(first: 3) { name } } }").getExtensions())
                .as("only when asked for").isNull();
    }

    @Test
    void a_request_the_guard_cannot_price_is_refused_not_run_unguarded() throws Exception {
        var guard = new GuardInstrumentation(limits(true), null);
        var input = graphql.ExecutionInput.newExecutionInput("{ viewer { name } }").build();
        // no schema: the cost walk fails
        GuardState state;
        try (var logs = LogCapture.quiet(GuardInstrumentation.class)) {
            state = (GuardState) guard.createStateAsync(
                    new graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters(null, input)).get();
            assertThat(logs.atLeast(Level.SEVERE)).singleElement().extracting(LogCapture.Entry::message).asString()
                    .startsWith("Could not check the limits of a request");
        }
        assertThat(state.refusal).isNotNull();
        assertThat(state.refusal.getUnderlyingErrors().getFirst().getExtensions()).containsEntry("code", "INTERNAL").containsKey("incident");
    }

    @Test
    void messages_are_scrubbed_of_java_names() {
        assertThat(SafeErrors.scrub("argument 'x' is not a valid 'Unknown Scalar Type [io.leadproof.common.Decimal]'"))
                .isEqualTo("argument 'x' is not a valid 'Unknown Scalar Type [Decimal]'");
        assertThat(SafeErrors.scrub("java.lang.NumberFormatException: Character a is neither a decimal digit"))
                .isEqualTo("Character a is neither a decimal digit");
        assertThat(SafeErrors.scrub("Validation error (WrongType@[leads]) : argument 'first'"))
                .isEqualTo("Validation error (WrongType@[leads]) : argument 'first'");
        GraphQLError withJava = GraphqlErrorBuilder.newError().message("bad io.leadproof.lead.LeadFilter value").build();
        assertThat(SafeErrors.clean(withJava).getMessage()).isEqualTo("bad LeadFilter value");
    }

    static GraphQLLimits limits(boolean introspection) {
        return new GraphQLLimits() {
            public boolean introspection() {
                return introspection;
            }

            public int maxDepth() {
                return 4;
            }

            public int maxFields() {
                return 100;
            }

            public int maxCost() {
                return 150;
            }

            public Cost cost() {
                return new Cost() {
                    public int mutation() {
                        return 10;
                    }

                    public int listSize() {
                        return 10;
                    }

                    public int bytesPerPoint() {
                        return 4096;
                    }

                    public int metricsDaysPerPoint() {
                        return 31;
                    }

                    public int metricsRowsPerPoint() {
                        return 1000;
                    }
                };
            }

            public Budget budget() {
                return new Budget() {
                    public boolean enabled() {
                        return false;
                    }

                    public int capacity() {
                        return 1000;
                    }

                    public double restoreRate() {
                        return 50;
                    }

                    public int maxConcurrent() {
                        return 8;
                    }

                    public Map<String, WorkspaceBudget> workspaces() {
                        return Map.of();
                    }
                };
            }

            public Subscriptions subscriptions() {
                return new Subscriptions() {
                    public int perConnection() {
                        return 10;
                    }

                    public int perUser() {
                        return 25;
                    }
                };
            }
        };
    }
}
