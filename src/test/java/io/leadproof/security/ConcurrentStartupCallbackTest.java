package io.leadproof.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.leadproof.support.OwnerSql;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Many pods starting at once on a database with new tables: each runs Flyway's afterMigrate callback (row-level
 * security, grants) after the migrate lock is released. Run by several "pods" at the same moment on tables that lack
 * everything, the callback must finish on every one and leave each table protected once.
 */
@QuarkusTest
class ConcurrentStartupCallbackTest {

    private static final int PODS = 6;

    @Test
    void podsStartingAtOnceAllFinishTheCallbackAndEachNewTableIsProtectedOnce() throws Exception {
        String script = new String(getClass().getResourceAsStream("/db/migration/afterMigrate__row_level_security.sql")
                .readAllBytes(), StandardCharsets.UTF_8)
                .replace("${app_user}", ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class));
        List<String> tables = List.of("startup_race_a", "startup_race_b", "startup_race_c");
        try {
            for (String t : tables) {
                OwnerSql.exec("create table " + t + " (workspace_id text not null, id int, primary key (workspace_id, id))");
            }
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pods = Executors.newFixedThreadPool(PODS);
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < PODS; i++) {
                runs.add(pods.submit(() -> {
                    try (var c = OwnerSql.connect(); var st = c.createStatement()) {
                        start.await();
                        st.execute(script);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get(); // a "tuple concurrently updated" or a duplicate policy fails here
            }
            pods.shutdown();
            for (String t : tables) {
                assertThat(OwnerSql.count("select count(*) from pg_policy where polrelid = ?::regclass and polname = 'workspace_isolation'", t))
                        .as("one policy on %s", t).isEqualTo(1);
                assertThat(OwnerSql.strings("select relrowsecurity and relforcerowsecurity from pg_class where oid = ?::regclass", t))
                        .containsExactly("t");
                assertThat(OwnerSql.strings("select has_table_privilege(?, ?::regclass, 'SELECT,INSERT,UPDATE,DELETE')",
                        ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class), t)).containsExactly("t");
            }
        } finally {
            for (String t : tables) {
                OwnerSql.exec("drop table if exists " + t);
            }
        }
    }
}
