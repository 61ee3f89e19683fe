package io.leadproof.ops;

import java.util.Arrays;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logmanager.ExtLogRecord;

import io.quarkus.runtime.StartupEvent;

/**
 * Keeps a database outage to the one WARN of {@link DatabaseOutage}. Two libraries would otherwise log it again and
 * again:
 * <ul>
 * <li>Hibernate logs every failed statement as two WARN lines ({@code HHH000247: ErrorCode: 0, SQLState: 08001} and
 * the driver's message) — one pair per request. Pairs whose SQLSTATE is an outage's are dropped: the failure reaches
 * {@link DatabaseOutage} anyway, through the API's error policy or the background loop that met it.</li>
 * <li>Agroal logs a WARN for each pooled connection its validation finds dead ("Closing connection in incorrect state
 * VALIDATION"). These are dropped during an outage and the minute after it (the connections it killed are found as
 * they are next used); at other times (a connection killed by a firewall, say) they stay.</li>
 * </ul>
 */
@ApplicationScoped
class OutageLogNoise {

    static final String HIBERNATE_LOGGER = "org.hibernate.orm.jdbc.error"; // SqlExceptionHelper's category
    static final String POOL_LOGGER = "io.agroal.pool";
    private static final Pattern OUTAGE_STATE = Pattern.compile("SQLState: (08\\w{3}|57P0[123]|53300)\\b");
    private static final String DEAD_ON_VALIDATION = "Closing connection in incorrect state VALIDATION";

    // java.util.logging keeps a logger, and its filter, only while someone refers to it.
    private final Logger hibernate = Logger.getLogger(HIBERNATE_LOGGER);
    private final Logger pool = Logger.getLogger(POOL_LOGGER);
    /** Set after an outage's SQLSTATE line: the driver's message follows on the same thread. */
    private final ThreadLocal<Boolean> messageFollows = ThreadLocal.withInitial(() -> false);

    void install(@Observes StartupEvent event) {
        hibernate.setFilter(this::keepHibernate);
        pool.setFilter(record -> !(DatabaseOutage.recentlySeen() && text(record).contains(DEAD_ON_VALIDATION)));
    }

    private boolean keepHibernate(LogRecord record) {
        if (messageFollows.get()) {
            messageFollows.set(false);
            return false;
        }
        if (OUTAGE_STATE.matcher(text(record)).find()) {
            messageFollows.set(true);
            return false;
        }
        return true;
    }

    /** The message as it is printed: these libraries log patterns such as "{0}: {1}" or "SQLState: %s". */
    private static String text(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            return String.valueOf(ext.getFormattedMessage());
        }
        return record.getMessage() + " " + Arrays.toString(record.getParameters());
    }
}
