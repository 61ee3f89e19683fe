package io.leadproof.security;

import static io.restassured.RestAssured.given;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.leadproof.e2e.RealTokenClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ScratchProbeTest {

    void show(String label, String token, String header, String query) {
        var spec = given().contentType(ContentType.JSON).body(Map.of("query", query));
        if (token != null) spec = spec.header("Authorization", "Bearer " + token);
        if (header != null) spec = spec.header("X-LeadProof-Workspace", header);
        var r = spec.post("/graphql");
        System.out.println("### " + label + " -> HTTP " + r.statusCode() + " " + r.headers().getValue("WWW-Authenticate") + "\n" + r.body().asString());
    }

    @Test
    void probe() {
        String ada = RealTokenClient.token("ada.admin");
        show("create campaign", ada, null, "mutation { campaignCreate(input:{name:\"C1\", channel: PAID_SEARCH}) { campaign { id } userErrors { code } } }");
        show("create campaign2", ada, null, "mutation { campaignCreate(input:{name:\"C2\", channel: PAID_SEARCH}) { campaign { id } userErrors { code } } }");
        show("sam campaigns totalCost", RealTokenClient.token("sam.sales"), null, "{ campaigns(first:5) { edges { node { id totalCost { amount currency } } } } }");
        show("sam campaigns costs", RealTokenClient.token("sam.sales"), null, "{ campaigns(first:5) { edges { node { id costs { id } } } } }");
        show("leo campaigns costs", RealTokenClient.token("leo.leader"), null, "{ campaigns(first:5) { edges { node { id costs { id } totalCost { amount } } } } }");
        show("sam upsert + viewer", RealTokenClient.token("sam.sales"), null, "mutation { leadUpsert(input:{email:\"a@b.example\"}) { created } workspaceUpdate(input:{}) { workspace { id } } }");
        show("max acme token globex header", RealTokenClient.token("max.multi", "acme"), "globex", "{ viewer { userName } }");
        show("max acme token ", RealTokenClient.token("max.multi", "acme"), null, "{ viewer { userName workspaces } }");
        show("max default token", RealTokenClient.token("max.multi"), null, "{ viewer { userName workspaces } }");
        show("mut schema", null, null, "{ __schema { mutationType { fields { name } } } }");
        show("sub schema", null, null, "{ __schema { subscriptionType { name } } }");
        show("type", null, null, "{ __type(name: \"Campaign\") { fields { name } } }");
        show("anon upsert", null, null, "mutation { leadUpsert(input:{email:\"a@b.example\"}) { created } }");
        show("invalid doc", ada, null, "{ viewer { nope } }");
        show("exp", RealTokenClient.tamperPayload(ada, j -> j.replaceAll("\"exp\":\\d+", "\"exp\":1000")), null, "{ viewer { userName } }");
    }
}
