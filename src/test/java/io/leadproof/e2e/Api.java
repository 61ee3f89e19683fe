package io.leadproof.e2e;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.eclipse.microprofile.config.ConfigProvider;

import io.leadproof.security.CurrentWorkspace;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Posts GraphQL documents to the running test instance as a caller with a real bearer token (or none), optionally
 * naming a workspace in the {@code X-LeadProof-Workspace} header, and reads the answer.
 *
 * <p>Authorization failures raised by Quarkus security ({@code @RolesAllowed}) come back with HTTP 200 and an error
 * whose {@code extensions.code} is {@value #FORBIDDEN} (signed in, role missing) or {@value #UNAUTHORIZED} (no token).
 * Workspace failures carry {@code extensions.code = WORKSPACE_ACCESS} and an {@code extensions.reason}.
 */
public final class Api {

    public static final String FORBIDDEN = "forbidden";
    public static final String UNAUTHORIZED = "unauthorized";
    public static final String WORKSPACE_ACCESS = "WORKSPACE_ACCESS";
    /** {@code extensions.code} values that mean "the security layer refused this field". */
    public static final Set<String> AUTHORIZATION_CODES = Set.of(FORBIDDEN, UNAUTHORIZED);

    private final String token;
    private final String workspaceHeader;

    private Api(String token, String workspaceHeader) {
        this.token = token;
        this.workspaceHeader = workspaceHeader;
    }

    /** A caller without any Authorization header. */
    public static Api anonymous() {
        return new Api(null, null);
    }

    /** A caller presenting {@code token} verbatim (real, tampered, whatever). */
    public static Api withToken(String token) {
        return new Api(Objects.requireNonNull(token, "token"), null);
    }

    /** A real Keycloak user with the client's default scopes. */
    public static Api as(String username) {
        return withToken(RealTokenClient.token(username));
    }

    /** The same caller, naming {@code workspace} in the {@code X-LeadProof-Workspace} header. */
    public Api inWorkspace(String workspace) {
        return new Api(token, workspace);
    }

    public String token() {
        return token;
    }

    /**
     * The port of the running test instance. Read from the configuration rather than trusting RestAssured's global
     * port, which {@code @QuarkusTest} sets only around test methods: a call from {@code @BeforeAll} would otherwise
     * go to port 8080 — where a developer's {@code make run} instance may be listening.
     */
    public static int port() {
        int port = ConfigProvider.getConfig().getOptionalValue("quarkus.http.test-port", Integer.class).orElse(0);
        if (port > 0) {
            return port;
        }
        if (RestAssured.port == RestAssured.DEFAULT_PORT) {
            throw new AssertionError("the test instance's HTTP port is unknown (quarkus.http.test-port is not set and "
                    + "RestAssured points at the default port 8080); call the API from a test method");
        }
        return RestAssured.port;
    }

    /** The raw HTTP answer, for status code checks. */
    public Response send(String document, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", document);
        body.put("variables", variables == null ? Map.of() : variables);
        RequestSpecification spec = given().port(port()).contentType(ContentType.JSON).accept(ContentType.JSON).body(body);
        if (token != null) {
            spec = spec.header("Authorization", "Bearer " + token);
        }
        if (workspaceHeader != null) {
            spec = spec.header(CurrentWorkspace.HEADER, workspaceHeader);
        }
        return spec.when().post("/graphql");
    }

    /** The GraphQL answer; fails unless HTTP 200. */
    public Result post(String document, Map<String, Object> variables) {
        Response response = send(document, variables);
        String body = response.body().asString();
        if (response.statusCode() != 200) {
            throw new AssertionError("expected HTTP 200 from /graphql but got " + response.statusCode() + ": " + body);
        }
        return new Result(body, response.jsonPath());
    }

    public Result post(String document) {
        return post(document, Map.of());
    }

    /** Posts and fails on any top-level error. */
    public Result ok(String document, Map<String, Object> variables) {
        Result result = post(document, variables);
        if (result.hasErrors()) {
            throw new AssertionError("unexpected GraphQL errors: " + result.body());
        }
        return result;
    }

    public Result ok(String document) {
        return ok(document, Map.of());
    }

    /** A GraphQL answer: the raw body plus helpers over its {@code errors}. */
    public record Result(String body, JsonPath json) {

        public boolean hasErrors() {
            return !errors().isEmpty();
        }

        public List<Map<String, Object>> errors() {
            List<Map<String, Object>> errors = json.getList("errors");
            return errors == null ? List.of() : errors;
        }

        /** The error extensions' {@code code} values, in order. */
        public List<String> codes() {
            List<String> codes = new ArrayList<>();
            for (Map<String, Object> error : errors()) {
                codes.add(String.valueOf(extensions(error).get("code")));
            }
            return codes;
        }

        public List<String> reasons() {
            List<String> reasons = new ArrayList<>();
            for (Map<String, Object> error : errors()) {
                reasons.add(String.valueOf(extensions(error).get("reason")));
            }
            return reasons;
        }

        /** Errors raised by the security layer ({@code forbidden} / {@code unauthorized}). */
        public List<Map<String, Object>> authorizationErrors() {
            return errors().stream().filter(e -> AUTHORIZATION_CODES.contains(String.valueOf(extensions(e).get("code"))))
                    .toList();
        }

        /** Errors that mean the document never ran: syntax or schema validation problems. */
        public List<Map<String, Object>> documentErrors() {
            return errors().stream().filter(e -> {
                Object classification = extensions(e).get("classification");
                return "ValidationError".equals(classification) || "InvalidSyntax".equals(classification)
                        || "BadFaithIntrospection".equals(classification);
            }).toList();
        }

        public boolean hasData() {
            return json.get("data") != null;
        }

        public <T> T get(String path) {
            return json.get(path);
        }

        public String getString(String path) {
            return json.getString(path);
        }

        @SuppressWarnings("unchecked")
        public static Map<String, Object> extensions(Map<String, Object> error) {
            Object ext = error.get("extensions");
            return ext instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        }

        /** The error's {@code path} as strings (list indexes become their decimal form). */
        public static List<String> path(Map<String, Object> error) {
            Object path = error.get("path");
            if (!(path instanceof Collection<?> segments)) {
                return List.of();
            }
            return segments.stream().map(String::valueOf).toList();
        }

        @Override
        public String toString() {
            return body;
        }
    }
}
