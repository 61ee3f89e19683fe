package io.leadproof.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The application reaches PostgreSQL through a {@link DatabaseProxy} that the test can cut, and background loops
 * retry at most a second apart. Fields annotated {@link Proxy} receive the proxy.
 */
public class DatabaseOutageProfile implements QuarkusTestProfile {

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Proxy {
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("leadproof.loops.backoff-max", "1s", "leadproof.db.unavailable-retry-after", "3s");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Resource.class));
    }

    public static class Resource implements QuarkusTestResourceLifecycleManager {

        private DatabaseProxy proxy;

        @Override
        public Map<String, String> start() {
            proxy = DatabaseProxy.start("127.0.0.1", 5432);
            String db = System.getenv().getOrDefault("LEADPROOF_TEST_DB", "leadproof_test");
            String url = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + db;
            return Map.of("quarkus.datasource.jdbc.url", url, "%test.quarkus.datasource.jdbc.url", url);
        }

        @Override
        public void inject(TestInjector injector) {
            injector.injectIntoFields(proxy, new TestInjector.AnnotatedAndMatchesType(Proxy.class, DatabaseProxy.class));
        }

        @Override
        public void stop() {
            if (proxy != null) {
                proxy.close();
            }
        }
    }
}
