package io.leadproof.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.AgroalDataSource.FlushMode;
import io.leadproof.common.ReplicaReads;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Recovery of the pools after a database restart without a validation round trip at every checkout
 * ({@code quarkus.datasource.jdbc.*validation*} in application.properties). A restart kills every pooled connection
 * at once; the first failure that shows it ({@link DatabaseOutage#whenConnectionsDie}) has both pools drop their idle
 * connections now and their busy ones when they come back (Agroal's graceful flush), so the first requests after
 * the database returns get new connections. A connection that nobody used during the outage has been idle through
 * it and is validated at its next checkout (foreground validation after a second idle); one that fails in use is
 * dropped by the PostgreSQL exception sorter.
 */
@ApplicationScoped
public class PoolFlushOnOutage {

    @Inject
    AgroalDataSource primary;
    @Inject
    @DataSource(ReplicaReads.NAME)
    InjectableInstance<AgroalDataSource> readonly;

    private final Runnable hook = this::flush;

    void register(@Observes StartupEvent event) {
        DatabaseOutage.whenConnectionsDie(hook);
    }

    void forget(@Observes ShutdownEvent event) {
        DatabaseOutage.forget(hook);
    }

    void flush() {
        primary.flush(FlushMode.GRACEFUL);
        readonly.listActive().forEach(replica -> replica.flush(FlushMode.GRACEFUL));
    }
}
