package io.leadproof.support;

import static io.restassured.RestAssured.given;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.response.Response;

/** Calls to the management interface of the running test instance: health and metrics live there, not on the API port. */
public final class Management {

    private Management() {
    }

    public static int port() {
        int port = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        if (port <= 0) {
            throw new AssertionError("the management interface's test port is unknown: " + port);
        }
        return port;
    }

    public static Response get(String path) {
        return given().port(port()).when().get(path);
    }
}
