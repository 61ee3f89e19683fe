package io.leadproof.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Throws thousands of generated malformed documents, variables and envelopes at /graphql as two workspaces of one
 * user and checks every answer: no HTTP 5xx, no internal error, nothing of the other workspace, no stack traces, SQL
 * or Java names in errors — and the service still answers a normal query afterwards. One request in five plants a value
 * of the wrong kind (Int, Float, Date, DateTime, text, Decimal) at any depth of the input of any operation that takes an
 * input object ({@link TypedInputs}); its answer must refuse that value naming the field.
 *
 * <p>Reproducible: a seeded {@link Random} generates every request before any is sent. Defaults: seed 20261123,
 * 2500 requests, at most 45 s of sending; override with {@code -Dleadproof.fuzz.seed}, {@code -Dleadproof.fuzz.count},
 * {@code -Dleadproof.fuzz.seconds}. A failure names the request number, the seed and the request.
 */
@QuarkusTest
@TestSecurity(user = "fuzz", roles = "revops-admin",
        attributes = @SecurityAttribute(key = "workspaces", value = "fuzz-a,fuzz-b", type = AttributeType.STRING_SET))
class GraphQLFuzzTest {

    static final long SEED = Long.getLong("leadproof.fuzz.seed", 20261123L);
    static final int COUNT = Integer.getInteger("leadproof.fuzz.count", 2500);
    static final int SECONDS = Integer.getInteger("leadproof.fuzz.seconds", 45);
    static final List<String> WORKSPACES = List.of("fuzz-a", "fuzz-b");
    /** Distinctive data of each workspace; none of it is ever put into a request. */
    static final Map<String, String> MARKER = Map.of("fuzz-a", "Quokkaville", "fuzz-b", "Zanzibarton");
    /** Error text that would give away internals. ("Exception" is checked in messages; the standard classification
     * {@code DataFetchingException} is not a leak.) */
    static final List<String> LEAKS = List.of("io.leadproof", "org.hibernate", "org.postgresql", "io.vertx", "io.smallrye",
            "java.", "jakarta.", "Exception", "SQL", "select ", "insert into", "\tat ", "Caused by", "stack",
            "wrongly returned", "Unknown Scalar", "ObjectValue{");

    @TestHTTPResource("/graphql")
    URI endpoint;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    /** Ids per workspace, filled by {@link #seed}. */
    final Map<String, Map<String, String>> ids = new HashMap<>();

    record Call(int n, String workspace, String contentType, String body, String kind, TypedInputs.Plan plan) {
        Call(int n, String workspace, String contentType, String body, String kind) {
            this(n, workspace, contentType, body, kind, null);
        }
    }

    /** Well-formed inputs of every operation, for planting one wrong value ({@link TypedInputs}). */
    TypedInputs typed;

    record Answer(int status, String body) {
    }

    // ------------------------------------------------------------------ corpus

    static final List<String> DOCUMENTS = List.of(
            """
            query Leads($first: Int, $after: String, $f: LeadFilter, $o: LeadOrder) { leads(first: $first, after: $after, filter: $f, orderBy: $o) {
              edges { cursor node { id email firstName lastName companyName externalId customAttributes { key value }
                campaign { id name } activities(first: 3) { edges { node { id type contentTag properties { key value } } } }
                score { total fit engagement } } } pageInfo { hasNextPage endCursor } } }""",
            """
            query Lead($id: ID!) { lead(id: $id) { id email firstName lastName seniority handoffs { id state }
              scoreHistory(first: 2) { edges { node { newTotal cause } } } mqlCrossings { total } } }""",
            """
            query Node($id: ID!) { node(id: $id) { id ... on Lead { email companyName } ... on Campaign { name channel } } }""",
            """
            query Campaigns($first: Int) { campaigns(first: $first) { edges { node { id name channel totalCost { amount currency }
              costs(first: 2) { amount { amount } note } } } } }""",
            """
            query Campaign($id: ID!) { campaign(id: $id) { id name startsOn endsOn } }""",
            """
            { viewer { userName roles workspace { id name } workspaces } workspace { id name reportingCurrency handoffMode } }""",
            """
            { criteriaModels { id name servedVersionId drivesHandoffs } rejectionReasons { code label category } salesReps { userName } }""",
            """
            query Mine($s: [HandoffState], $first: Int) { myHandoffs(status: $s, first: $first) { edges { node { id state lead { email } } } } }""",
            """
            query Handoff($id: ID!) { handoff(id: $id) { id state evidence { total } lead { email } } }""",
            """
            mutation Upsert($i: LeadInput!) { leadUpsert(input: $i) { created lead { id email firstName } userErrors { field code message } } }""",
            """
            mutation Import($i: LeadsImportInput!) { leadsImport(input: $i) { createdCount updatedCount leads { id } userErrors { field code } } }""",
            """
            mutation Record($i: ActivitiesRecordInput!) { activitiesRecord(input: $i) { recordedCount duplicateCount userErrors { field code } } }""",
            """
            mutation NewCampaign($i: CampaignCreateInput!) { campaignCreate(input: $i) { campaign { id name } userErrors { field code } } }""",
            """
            mutation Cost($i: CampaignCostRecordInput!) { campaignCostRecord(input: $i) { cost { id } userErrors { field code } } }""",
            """
            mutation Model($i: CriteriaModelCreateInput!) { criteriaModelCreate(input: $i) { model { id } userErrors { code } } }""",
            """
            mutation Reason($i: RejectionReasonCreateInput!) { rejectionReasonCreate(input: $i) { reason { code } userErrors { code } } }""",
            """
            mutation Accept($i: HandoffAcceptInput!) { handoffAccept(input: $i) { handoff { id } userErrors { code } } }""",
            """
            { __type(name: "Lead") { name fields { name type { name kind } } } }""");

    static final Pattern TOKEN = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|\\.\\.\\.|[$_A-Za-z][_0-9A-Za-z]*|-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?|[!(){}\\[\\]:=@|,]");
    static final List<String> INSERTS = List.of("{", "}", "(", ")", ":", "...", "$id", "$nope", "@skip(if: true)", "@include(if: $x)",
            "__typename", "__schema { types { name } }", "id", "email", "leads", "lead", "edges", "node", "first: 100", "first: -1",
            "first: 99999999999999999999", "1e999", "-0", "null", "true", "[", "]", "\"\"", "\"\\u0000\"", "\"\\ud800\"", "# comment",
            "fragment F on Lead { id }", "...F", "on", "query", "mutation", "subscription", "ñandú", "\"😀\"", "a: ", "!", "=", "$",
            "\"\\\"\"", "1.5", "NaN", "Infinity", "[[[[[]]]]]", "{a:{b:{c:1}}}");
    static final List<Object> ODD_VALUES = List.of("", " ", "\u0000", "a\u0000b", "\u001b[2J", "\ud800", "😀".repeat(50), "ñ", "\u202eevil",
            "' or 1=1 --", "%", "_", "\\", "${jndi:x}", "<script>", -1, 0, 2147483648L, Long.MAX_VALUE, 1e308, -1e308, 0.5, true, false,
            List.of(), List.of(1, 2), Map.of(), Map.of("x", 1), "NaN", "Infinity", "2025-13-45T99:00:00Z", "99999-01-01", "gid://leadproof/Lead/x",
            "gid://leadproof/Lead/00000000-0000-0000-0000-000000000000", "PAGE_VIEW", "NOPE", "EMAIL", "1e999999999", "9".repeat(50));

    // ------------------------------------------------------------------ the test

    @Test
    void thousands_of_malformed_requests_get_clean_answers_and_no_data_crosses_workspaces() throws Exception {
        for (String ws : WORKSPACES) {
            seed(ws);
        }
        typed = new TypedInputs(ok(WORKSPACES.getFirst(), TypedInputs.INTROSPECTION, Map.of()));
        var random = new Random(SEED);
        var calls = new ArrayList<Call>(COUNT);
        for (int n = 0; n < COUNT; n++) {
            calls.add(generate(n, random));
        }

        var failures = new ConcurrentLinkedQueue<String>();
        var kinds = new ConcurrentHashMap<String, AtomicInteger>();
        var statuses = new ConcurrentHashMap<Integer, AtomicInteger>();
        var sent = new AtomicInteger();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (Call call : calls) {
            pool.submit(() -> {
                if (System.nanoTime() > deadline || failures.size() > 20) {
                    return;
                }
                Answer answer;
                try {
                    answer = send(call.workspace(), call.contentType(), call.body());
                } catch (Exception e) {
                    failures.add(describe(call, "no answer: " + e));
                    return;
                }
                sent.incrementAndGet();
                kinds.computeIfAbsent(call.kind(), k -> new AtomicInteger()).incrementAndGet();
                statuses.computeIfAbsent(answer.status(), k -> new AtomicInteger()).incrementAndGet();
                String problem = check(call, answer);
                if (problem != null) {
                    failures.add(describe(call, problem + "\n  answer " + answer.status() + ": " + abbreviate(answer.body(), 1500)));
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(SECONDS + 60, TimeUnit.SECONDS)).isTrue();

        System.out.printf("fuzz seed %d: %d of %d requests sent; statuses %s; kinds %s%n", SEED, sent.get(), COUNT,
                new TreeMap<>(statuses), new TreeMap<>(kinds));
        assertThat(failures).as("seed %d", SEED).isEmpty();
        assertThat(sent.get()).as("requests sent within %d s", SECONDS).isGreaterThanOrEqualTo(Math.min(COUNT, 500));
        for (String ws : WORKSPACES) {
            var still = send(ws, "application/json", new JsonObject().put("query",
                    "{ leads(first: 100, filter: {search: \"" + MARKER.get(ws).toLowerCase() + "\"}) { edges { node { lastName } } } }").encode());
            assertThat(still.status()).isEqualTo(200);
            assertThat(new JsonPath(still.body()).getList("data.leads.edges.node.lastName", String.class))
                    .as("the service still answers, with the workspace's own data").isNotEmpty().allMatch(n -> n.contains(MARKER.get(ws)));
        }
    }

    // ------------------------------------------------------------------ checks

    String check(Call call, Answer answer) {
        if (answer.status() >= 500) {
            return "HTTP " + answer.status();
        }
        if (!Set.of(200, 400, 405, 413, 415, 429).contains(answer.status())) {
            return "unexpected HTTP " + answer.status();
        }
        String other = WORKSPACES.stream().filter(w -> !w.equals(call.workspace())).findFirst().orElseThrow();
        if (answer.body().contains(MARKER.get(other))) {
            return "the answer contains data of " + other;
        }
        if (answer.body().isEmpty()) {
            return answer.status() == 413 ? null : "empty body";
        }
        JsonObject json;
        try {
            json = new JsonObject(answer.body());
        } catch (RuntimeException e) {
            return "not JSON";
        }
        Object data = json.getValue("data");
        if (data != null) {
            String shown = data.toString();
            for (String id : ids.get(other).values()) {
                if (shown.contains(id.substring(id.lastIndexOf('/') + 1))) {
                    return "data holds an id of " + other;
                }
            }
        }
        if (call.plan() != null) {
            String refused = TypedInputs.problem(call.plan(), json);
            if (refused != null) {
                return refused;
            }
        }
        JsonArray errors = json.getJsonArray("errors");
        if (errors == null) {
            return data == null && answer.status() == 200 ? "neither data nor errors" : null;
        }
        for (Object e : errors) {
            JsonObject error = (JsonObject) e;
            var text = new StringBuilder(String.valueOf(error.getValue("message")));
            JsonObject extensions = error.getJsonObject("extensions");
            if (extensions != null) {
                if ("INTERNAL".equals(extensions.getValue("code"))) {
                    return "internal error";
                }
                extensions.forEach(entry -> {
                    if (!entry.getKey().equals("classification")) {
                        text.append(' ').append(entry.getValue());
                    }
                });
            }
            String shown = echoFree(text.toString(), call.body());
            for (String leak : LEAKS) {
                if (shown.contains(leak)) {
                    return "error shows '" + leak + "'";
                }
            }
        }
        return null;
    }

    /** Drops the quoted bits of an error message that echo the request (the fuzzer may have put anything there). */
    static String echoFree(String text, String request) {
        Matcher quoted = Pattern.compile("'([^']*)'").matcher(text);
        var out = new StringBuilder();
        while (quoted.find()) {
            String inner = quoted.group(1);
            String json = new JsonArray().add(inner).encode();
            boolean echoed = request.contains(inner) || request.contains(json.substring(2, json.length() - 2));
            quoted.appendReplacement(out, echoed ? "''" : Matcher.quoteReplacement(quoted.group()));
        }
        quoted.appendTail(out);
        return out.toString();
    }

    static String describe(Call call, String problem) {
        return "#" + call.n() + " (seed " + SEED + ", " + call.kind() + ", as " + call.workspace() + ", " + call.contentType() + "): "
                + problem + "\n  request: " + abbreviate(call.body(), 1500);
    }

    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "… (" + s.length() + " chars)";
    }

    // ------------------------------------------------------------------ generation

    Call generate(int n, Random r) {
        String ws = WORKSPACES.get(r.nextInt(WORKSPACES.size()));
        String other = WORKSPACES.get(1 - WORKSPACES.indexOf(ws));
        int doc = r.nextInt(DOCUMENTS.size());
        String query = DOCUMENTS.get(doc);
        Map<String, Object> variables = validVariables(doc, ws, r);
        String kind;
        if (r.nextInt(5) == 0) {
            var plan = typed.next(r);
            return new Call(n, ws, "application/json", body(plan.query(), plan.variables(), null), "typed-input", plan);
        }
        int roll = r.nextInt(100);
        if (roll < 25) {
            kind = "tokens";
            query = mutateTokens(query, r);
        } else if (roll < 50) {
            kind = "variables";
            variables = mutateVariables(variables, other, r);
        } else if (roll < 60) {
            kind = "foreign-ids";
            variables = foreignIds(variables, other, r);
        } else if (roll < 68) {
            kind = "nesting";
            query = nesting(r);
        } else if (roll < 74) {
            kind = "aliases";
            query = aliases(query, r);
        } else if (roll < 80) {
            kind = "fragments";
            query = fragments(r);
        } else if (roll < 88) {
            kind = "envelope";
            return new Call(n, ws, "application/json", envelope(query, variables, r), kind);
        } else if (roll < 92) {
            kind = "media-type";
            String[] types = { "text/plain", "application/x-www-form-urlencoded", "application/graphql", "multipart/form-data; boundary=x",
                    "application/xml", "application/json-patch+json" };
            return new Call(n, ws, types[r.nextInt(types.length)], body(query, variables, null), kind);
        } else if (roll < 96) {
            kind = "unicode";
            query = unicode(query, r);
        } else {
            kind = "valid";
        }
        String operationName = r.nextInt(10) == 0 ? (r.nextBoolean() ? "Nope" : "") : null;
        return new Call(n, ws, "application/json", body(query, variables, operationName), kind);
    }

    static String body(String query, Map<String, Object> variables, String operationName) {
        var json = new JsonObject().put("query", query).put("variables", variables == null ? null : new JsonObject(variables));
        if (operationName != null) {
            json.put("operationName", operationName);
        }
        return json.encode();
    }

    Map<String, Object> validVariables(int doc, String ws, Random r) {
        var own = ids.get(ws);
        Map<String, Object> v = new LinkedHashMap<>();
        switch (doc) {
            case 0 -> {
                v.put("first", 1 + r.nextInt(20));
                if (r.nextBoolean()) {
                    v.put("f", m("search", List.of("fuzz", "lead", "1", "").get(r.nextInt(4)), "stages", List.of("NEW")));
                }
                if (r.nextBoolean()) {
                    v.put("o", m("field", r.nextBoolean() ? "CREATED_AT" : "UPDATED_AT", "direction", r.nextBoolean() ? "ASC" : "DESC"));
                }
            }
            case 1, 2 -> v.put("id", own.get(r.nextBoolean() ? "lead" : "lead2"));
            case 3 -> v.put("first", 1 + r.nextInt(10));
            case 4 -> v.put("id", own.get("campaign"));
            case 7 -> {
                v.put("s", List.of("PENDING", "ACCEPTED"));
                v.put("first", 5);
            }
            case 8 -> v.put("id", "gid://leadproof/Handoff/00000000-0000-0000-0000-00000000000" + r.nextInt(10));
            case 9 -> v.put("i", m("email", "fuzz-" + r.nextInt(50) + "@" + ws + ".example", "firstName", "Fuzz", "employeeCount", r.nextInt(500)));
            case 10 -> v.put("i", m("leads", List.of(m("email", "imp-" + r.nextInt(50) + "@" + ws + ".example"),
                    m("externalId", "ext-" + r.nextInt(50)))));
            case 11 -> v.put("i", m("activities", List.of(m("clientEventId", "ev-" + r.nextInt(1000), "leadId", own.get("lead"),
                    "type", "PAGE_VIEW", "occurredAt", "2025-06-01T10:00:00Z", "properties", List.of(m("key", "k", "value", "v"))))));
            case 12 -> v.put("i", m("name", "Fuzz campaign " + r.nextInt(30), "channel", "EMAIL"));
            case 13 -> v.put("i", m("campaignId", own.get("campaign"), "incurredOn", "2025-06-01",
                    "amount", m("amount", String.valueOf(r.nextInt(1000)), "currency", "EUR")));
            case 14 -> v.put("i", m("name", "Fuzz model " + r.nextInt(30)));
            case 15 -> v.put("i", m("code", "FUZZ_" + r.nextInt(30), "label", "Fuzz", "category", "FIT"));
            case 16 -> v.put("i", m("handoffId", "gid://leadproof/Handoff/00000000-0000-0000-0000-000000000001"));
            default -> {
            }
        }
        return v;
    }

    /** An insertion-ordered map: Map.of iterates in a per-JVM random order, which would make generation irreproducible. */
    static Map<String, Object> m(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static String mutateTokens(String query, Random r) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(query);
        while (m.find()) {
            tokens.add(m.group());
        }
        int edits = 1 + r.nextInt(4);
        for (int i = 0; i < edits && !tokens.isEmpty(); i++) {
            int at = r.nextInt(tokens.size());
            switch (r.nextInt(5)) {
                case 0 -> tokens.remove(at);
                case 1 -> tokens.add(at, INSERTS.get(r.nextInt(INSERTS.size())));
                case 2 -> tokens.add(at, tokens.get(r.nextInt(tokens.size())));
                case 3 -> {
                    int other = r.nextInt(tokens.size());
                    String t = tokens.get(at);
                    tokens.set(at, tokens.get(other));
                    tokens.set(other, t);
                }
                default -> {
                    if (tokens.get(at).matches("-?\\d.*")) {
                        tokens.set(at, List.of("99999999999999999999", "1e309", "-1", "0", "-2147483649", "1e-999").get(r.nextInt(6)));
                    } else {
                        tokens.set(at, INSERTS.get(r.nextInt(INSERTS.size())));
                    }
                }
            }
        }
        return String.join(" ", tokens);
    }

    Map<String, Object> mutateVariables(Map<String, Object> variables, String other, Random r) {
        Map<String, Object> v = deepCopy(variables);
        int edits = 1 + r.nextInt(3);
        for (int i = 0; i < edits; i++) {
            mutateOne(v, r, 0);
        }
        if (r.nextInt(5) == 0) {
            v.put(List.of("id", "first", "i", "f", "o", "s", "extra").get(r.nextInt(7)), odd(r));
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    static void mutateOne(Map<String, Object> map, Random r, int level) {
        if (map.isEmpty()) {
            map.put("unknown", odd(r));
            return;
        }
        var keys = new ArrayList<>(map.keySet());
        String key = keys.get(r.nextInt(keys.size()));
        Object value = map.get(key);
        if (value instanceof Map<?, ?> inner && level < 4 && r.nextBoolean()) {
            mutateOne((Map<String, Object>) inner, r, level + 1);
        } else if (value instanceof List<?> list && !list.isEmpty() && level < 4 && r.nextBoolean()) {
            var copy = new ArrayList<Object>(list);
            int at = r.nextInt(copy.size());
            if (copy.get(at) instanceof Map<?, ?> m && r.nextBoolean()) {
                mutateOne((Map<String, Object>) m, r, level + 1);
            } else {
                copy.set(at, odd(r));
            }
            if (r.nextInt(6) == 0) {
                for (int i = 0; i < 2000; i++) {
                    copy.add(copy.getFirst());
                }
            }
            map.put(key, copy);
        } else {
            switch (r.nextInt(4)) {
                case 0 -> map.remove(key);
                case 1 -> map.put(key, null);
                case 2 -> map.put(key, "x".repeat(1 + r.nextInt(r.nextBoolean() ? 300 : 100_000)));
                default -> map.put(key, odd(r));
            }
        }
    }

    static Object odd(Random r) {
        Object v = copy(ODD_VALUES.get(r.nextInt(ODD_VALUES.size())));
        if (r.nextInt(20) == 0) {
            Object nested = v;
            for (int i = 0; i < 50 + r.nextInt(200); i++) {
                nested = new ArrayList<>(List.of(nested));
            }
            return nested;
        }
        return v;
    }

    Map<String, Object> foreignIds(Map<String, Object> variables, String other, Random r) {
        Map<String, Object> v = deepCopy(variables);
        var theirs = new ArrayList<>(ids.get(other).values());
        String id = theirs.get(r.nextInt(theirs.size()));
        if (v.containsKey("id")) {
            v.put("id", id);
        } else if (v.get("i") instanceof Map<?, ?> input) {
            var copy = new LinkedHashMap<String, Object>();
            input.forEach((k, val) -> copy.put((String) k, val));
            copy.put(List.of("campaignId", "handoffId", "leadId").get(r.nextInt(3)), id);
            v.put("i", copy);
        } else {
            v.put("after", ids.get(other).get("cursor"));
        }
        return v;
    }

    static String nesting(Random r) {
        int depth = List.of(13, 30, 200, 2000).get(r.nextInt(4));
        return switch (r.nextInt(3)) {
            case 0 -> "{ " + "leads { edges { node { handoffs { lead { ".repeat(depth / 5 + 1) + "id" + " } } } } }".repeat(depth / 5 + 1) + " }";
            case 1 -> "{ leads(filter: {search: " + "[".repeat(depth) + "\"x\"" + "]".repeat(depth) + "}) { edges { node { id } } } }";
            default -> "{ " + "a { ".repeat(depth) + "b" + " }".repeat(depth) + " }";
        };
    }

    static String aliases(String query, Random r) {
        int n = List.of(50, 400, 1500).get(r.nextInt(3));
        var sb = new StringBuilder("{ ");
        for (int i = 0; i < n; i++) {
            sb.append("a").append(i).append(r.nextBoolean() ? ": viewer { userName } " : ": leads(first: 100) { __typename } ");
        }
        return sb.append("}").toString();
    }

    static String fragments(Random r) {
        int levels = 5 + r.nextInt(30);
        var sb = new StringBuilder("{ viewer { ...F0 } }");
        for (int i = 0; i < levels; i++) {
            sb.append(" fragment F").append(i).append(" on Viewer { ...F").append(i + 1).append(" ...F").append(i + 1).append(" }");
        }
        return sb.append(" fragment F").append(levels).append(" on Viewer { userName }").toString();
    }

    static String envelope(String query, Map<String, Object> variables, Random r) {
        String good = body(query, variables, null);
        return switch (r.nextInt(9)) {
            case 0 -> good.substring(0, r.nextInt(good.length()));
            case 1 -> good + "}}]]";
            case 2 -> "[" + good + "]";
            case 3 -> new JsonObject().put("query", r.nextBoolean() ? 42 : List.of(query)).encode();
            case 4 -> new JsonObject().put("query", query).put("variables", r.nextBoolean() ? "{}" : List.of(1)).encode();
            case 5 -> new JsonObject().put("query", query).put("operationName", 5).encode();
            case 6 -> "{\"query\": \"" + query.replace("\"", "\\\"").replace("\n", " ") + "\", \"variables\": {\"a\": " + "[".repeat(3000) + "]}";
            case 7 -> new JsonObject().put("query", query).put("variables", new JsonObject().put("pad", "p".repeat(2_100_000))).encode();
            default -> new String(new byte[] { (byte) r.nextInt(256), 0, (byte) 0xC3, 0x28, '{' }, StandardCharsets.ISO_8859_1);
        };
    }

    static String unicode(String query, Random r) {
        String[] junk = { "\u0000", "\u200b", "\u202e", "\ufeff", "😀", "\ud800", "ñ", "\t", "\r\n", "\u2028" };
        var sb = new StringBuilder(query);
        for (int i = 0; i < 1 + r.nextInt(4); i++) {
            sb.insert(r.nextInt(sb.length() + 1), junk[r.nextInt(junk.length)]);
        }
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> deepCopy(Map<String, Object> map) {
        return (Map<String, Object>) copy(map);
    }

    /** Mutable copies all the way down, so the mutators can edit nested inputs. */
    static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            var out = new LinkedHashMap<String, Object>();
            map.forEach((k, v) -> out.put(String.valueOf(k), copy(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            var out = new ArrayList<Object>(list.size());
            list.forEach(v -> out.add(copy(v)));
            return out;
        }
        return value;
    }

    // ------------------------------------------------------------------ plumbing

    Answer send(String workspace, String contentType, String body) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType).header(io.leadproof.security.CurrentWorkspace.HEADER, workspace)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    JsonPath ok(String workspace, String query, Map<String, Object> variables) throws Exception {
        var answer = send(workspace, "application/json", body(query, variables, null));
        assertThat(answer.status()).isEqualTo(200);
        var json = new JsonPath(answer.body());
        assertThat(json.getList("errors")).as(answer.body()).isNull();
        return json;
    }

    void seed(String ws) throws Exception {
        String marker = MARKER.get(ws);
        var own = new HashMap<String, String>();
        own.put("campaign", ok(ws, "mutation($n: String!) { campaignCreate(input: {name: $n, channel: EMAIL}) { campaign { id } } }",
                Map.of("n", marker + " campaign")).getString("data.campaignCreate.campaign.id"));
        if (own.get("campaign") == null) {
            own.put("campaign", ok(ws, "{ campaigns(first: 1) { edges { node { id } } } }", Map.of()).getString("data.campaigns.edges[0].node.id"));
        }
        for (String key : List.of("lead", "lead2")) {
            var input = new HashMap<String, Object>(Map.of("email", key + "@" + marker.toLowerCase() + ".example", "firstName", marker,
                    "lastName", marker + " " + key, "companyName", marker + " Ltd", "externalId", marker + "-" + key,
                    "campaignId", own.get("campaign"), "customAttributes", List.of(Map.of("key", "secret", "value", marker + " secret"))));
            own.put(key, ok(ws, "mutation($i: LeadInput!) { leadUpsert(input: $i) { lead { id } } }", Map.of("i", input))
                    .getString("data.leadUpsert.lead.id"));
        }
        ok(ws, "mutation($i: ActivitiesRecordInput!) { activitiesRecord(input: $i) { recordedCount } }", Map.of("i", Map.of("activities",
                List.of(Map.of("clientEventId", marker + "-event", "leadId", own.get("lead"), "type", "EBOOK_DOWNLOAD",
                        "occurredAt", "2025-06-01T10:00:00Z", "contentTag", marker + " ebook")))));
        own.put("cursor", ok(ws, "{ leads(first: 1) { pageInfo { endCursor } } }", Map.of()).getString("data.leads.pageInfo.endCursor"));
        ids.put(ws, own);
    }
}
