package io.leadproof.ops;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;

/**
 * Catches the records of one logger category for the length of a test, at a level below the console's, without
 * printing them: the test log stays as it was.
 */
final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger;
    private final Level previousLevel;
    private final boolean previousUseParent;
    final List<ExtLogRecord> records = new CopyOnWriteArrayList<>();

    LogCapture(String category, Level level) {
        logger = Logger.getLogger(category);
        previousLevel = logger.getLevel();
        previousUseParent = logger.getUseParentHandlers();
        logger.addHandler(this);
        logger.setUseParentHandlers(false);
        logger.setLevel(level);
    }

    @Override
    public void publish(LogRecord record) {
        ExtLogRecord ext = ExtLogRecord.wrap(record);
        ext.copyAll(); // the MDC (trace id) of the logging thread, read now, while it is still set
        records.add(ext);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.setLevel(previousLevel);
        logger.setUseParentHandlers(previousUseParent);
        logger.removeHandler(this);
    }
}
