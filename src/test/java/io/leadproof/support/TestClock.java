package io.leadproof.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;

/** The service's clock in tests: real time plus an offset a story can move forward ("a month later"). */
public final class TestClock extends Clock {

    private static volatile Duration offset = Duration.ZERO;

    public static void travel(Duration by) {
        offset = offset.plus(by);
    }

    public static Duration offset() {
        return offset;
    }

    public static void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset).truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @ApplicationScoped
    public static class Producer {
        @Produces
        @Alternative
        @Priority(1)
        @ApplicationScoped
        Clock clock() {
            return new TestClock();
        }
    }
}
