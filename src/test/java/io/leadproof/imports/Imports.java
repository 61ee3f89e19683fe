package io.leadproof.imports;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.Map;

import io.leadproof.support.Await;
import io.leadproof.support.GraphQL;
import io.restassured.response.ValidatableResponse;

/** Test helper: saves mappings, uploads files to POST /imports, waits for the job and reads its error report. */
final class Imports {

    private Imports() {
    }

    /** Saves the mapping through importMappingSave, as a client would. */
    static void saveMapping(ColumnMapping m) {
        var columns = m.columns().stream().map(c -> {
            var column = new java.util.HashMap<String, Object>();
            column.put("header", c.header());
            column.put("field", c.field());
            column.put("attribute", c.attribute());
            column.put("type", c.type() == null ? null : c.type().name());
            column.put("values", c.values().entrySet().stream().map(e -> Map.of("value", e.getKey(), "meaning", e.getValue())).toList());
            return column;
        }).toList();
        var input = new java.util.HashMap<String, Object>();
        input.put("name", m.name());
        input.put("kind", m.kind().name());
        input.put("columns", columns);
        input.put("placeholders", m.placeholders());
        input.put("datePattern", m.datePattern());
        input.put("decimalSeparator", m.decimalSeparator());
        input.put("timeZone", m.timeZone());
        var json = GraphQL.ok("mutation($m: ImportMappingInput!) { importMappingSave(input: $m) { mapping { name } userErrors { code message } } }",
                Map.of("m", input));
        var errors = json.getList("data.importMappingSave.userErrors");
        if (!errors.isEmpty()) {
            throw new AssertionError("mapping refused: " + errors);
        }
    }

    static ValidatableResponse upload(String kind, String mapping, byte[] body, String... params) {
        var request = given().contentType("text/csv").queryParam("mapping", mapping).body(body);
        for (int i = 0; i + 1 < params.length; i += 2) {
            request = request.queryParam(params[i], params[i + 1]);
        }
        return request.when().post("/imports/" + kind).then();
    }

    /** Uploads, waits until the job has ended, returns the job as importJob answers it. */
    static Map<String, Object> run(String kind, String mapping, byte[] body, String... params) {
        String id = upload(kind, mapping, body, params).statusCode(202).extract().path("id");
        return awaitEnd(id);
    }

    static Map<String, Object> awaitEnd(String id) {
        Await.until("import " + id + " ends", Duration.ofSeconds(60), () -> {
            String state = job(id).get("state").toString();
            return state.equals("SUCCEEDED") || state.equals("FAILED");
        });
        return job(id);
    }

    static Map<String, Object> job(String id) {
        return GraphQL.ok("query($id: ID!) { importJob(id: $id) { id state dryRun rowsRead rowsLanded rowsRejected rowsDuplicate rowsBlank"
                + " errorCount errorReportUrl failureCode failure encoding separator } }", Map.of("id", id)).getMap("data.importJob");
    }

    static String errorReport(Map<String, Object> job) {
        return given().when().get(job.get("errorReportUrl").toString()).then().statusCode(200).extract().asString();
    }
}
