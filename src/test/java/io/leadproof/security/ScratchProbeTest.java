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
        show("anon viewer", null, null, "{ viewer { userName roles workspace { id } } }");
        show("ada viewer", RealTokenClient.token("ada.admin"), null, "{ viewer { userName roles workspace { id } workspaces } }");
        show("sam workspaceUpdate", RealTokenClient.token("sam.sales"), null, "mutation { workspaceUpdate(input:{name:\"x\"}) { workspace { id } } }");
        show("sam campaigns totalCost", RealTokenClient.token("sam.sales"), null, "{ campaigns(first:5) { edges { node { id totalCost { amount currency } } } } }");
        show("sam leadUpsert", RealTokenClient.token("sam.sales"), null, "mutation { leadUpsert(input:{email:\"a@b.example\"}) { created } }");
        show("nora viewer", RealTokenClient.token("nora.noorg"), null, "{ viewer { userName } }");
        show("gary", RealTokenClient.token("gary.groups"), null, "{ viewer { userName roles } }");
        show("gary wsupdate", RealTokenClient.token("gary.groups"), null, "mutation { workspaceUpdate(input:{name:\"x\"}) { workspace { id } } }");
        show("tampered", RealTokenClient.tamper(RealTokenClient.token("ada.admin")), null, "{ viewer { userName } }");
        show("algnone", RealTokenClient.algNone(RealTokenClient.token("ada.admin")), null, "{ viewer { userName } }");
        show("max *", RealTokenClient.token("max.multi", "*"), null, "{ viewer { userName workspaces } }");
        show("max * globex", RealTokenClient.token("max.multi", "*"), "globex", "{ viewer { userName workspaces workspace { id } } }");
        show("node bad", RealTokenClient.token("ada.admin"), null, "{ node(id:\"nope\") { id } }");
        show("node bad uuid", RealTokenClient.token("ada.admin"), null, "{ node(id:\"gid://leadproof/Lead/------------------------------------\") { id } }");
        show("lead bad", RealTokenClient.token("ada.admin"), null, "{ lead(id:\"nope\") { id } }");
        show("schema", RealTokenClient.token("ada.admin"), null, "{ __schema { queryType { fields { name } } mutationType { fields { name } } subscriptionType { fields { name } } } }");
        show("schema anon", null, null, "{ __schema { queryType { fields { name } } } }");
    }
}
