package io.leadproof.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;

/**
 * Collects what the application logs (INFO and above) while it is open, for tests of what gets logged and how often.
 *
 * <p>{@link #start()} listens beside the console: what it collects is printed too. {@link #quiet(String...)} is for
 * failures a test causes on purpose: the records of the named logger categories are collected <em>instead of</em> being
 * printed, so a green run reads clean (no stack trace of an expected failure in the test log), and the test can still
 * check that the failure was logged. Everything else keeps reaching the console.
 */
public final class LogCapture implements AutoCloseable {

    public record Entry(String logger, Level level, String message, Throwable thrown) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();
    private final List<Logger> loggers = new ArrayList<>();
    private final List<Boolean> usedParentHandlers = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            String message = r instanceof ExtLogRecord e ? e.getFormattedMessage() : r.getMessage();
            entries.add(new Entry(r.getLoggerName(), r.getLevel(), message, r.getThrown()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    public static LogCapture start() {
        var capture = new LogCapture();
        capture.listen(Logger.getLogger(""), true);
        return capture;
    }

    /** Collects the records of {@code categories} (and their sub-categories) without printing them, until closed. */
    public static LogCapture quiet(String... categories) {
        var capture = new LogCapture();
        for (String category : categories) {
            capture.listen(Logger.getLogger(category), false);
        }
        return capture;
    }

    /** {@link #quiet(String...)} for the categories of {@code classes}. */
    public static LogCapture quiet(Class<?>... classes) {
        return quiet(Arrays.stream(classes).map(Class::getName).toArray(String[]::new));
    }

    private void listen(Logger logger, boolean print) {
        loggers.add(logger);
        usedParentHandlers.add(logger.getUseParentHandlers());
        logger.addHandler(handler);
        if (!print) {
            logger.setUseParentHandlers(false);
        }
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** Entries at {@code level} or above. */
    public List<Entry> atLeast(Level level) {
        return entries.stream().filter(e -> e.level().intValue() >= level.intValue()).toList();
    }

    public List<Entry> containing(String text) {
        return entries.stream().filter(e -> e.message() != null && e.message().contains(text)).toList();
    }

    @Override
    public void close() {
        for (int i = 0; i < loggers.size(); i++) {
            loggers.get(i).removeHandler(handler);
            loggers.get(i).setUseParentHandlers(usedParentHandlers.get(i));
        }
    }
}
