package io.leadproof.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;

/** Collects what the application logs (INFO and above) while it is open, for tests of what gets logged and how often. */
public final class LogCapture implements AutoCloseable {

    public record Entry(String logger, Level level, String message, Throwable thrown) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();
    private final Logger root = Logger.getLogger("");
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
        capture.root.addHandler(capture.handler);
        return capture;
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
        root.removeHandler(handler);
    }
}
