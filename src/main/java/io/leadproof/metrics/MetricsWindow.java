package io.leadproof.metrics;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import io.leadproof.common.ApiException;

/** A validated window [from, to) of days in a time zone, and its calendar periods. */
public record MetricsWindow(LocalDate from, LocalDate to, ZoneId zone) {

    static final int MAX_DAYS = 3700;

    /** A period of the window: local days [from, to), i.e. instants [start, end). */
    record Period(int index, LocalDate from, LocalDate to, Instant start, Instant end) {
    }

    public static MetricsWindow of(MetricsInputs.WindowInput in) {
        if (in == null || in.from() == null || in.to() == null) {
            throw ApiException.invalid("INVALID_WINDOW", "window.from and window.to are required");
        }
        if (!in.to().isAfter(in.from())) {
            throw ApiException.invalid("INVALID_WINDOW", "window.to must be after window.from (to is exclusive)");
        }
        if (ChronoUnit.DAYS.between(in.from(), in.to()) > MAX_DAYS) {
            throw ApiException.limit("WINDOW_TOO_LONG", "a window spans at most " + MAX_DAYS + " days");
        }
        ZoneId zone;
        try {
            zone = in.timeZone() == null || in.timeZone().isBlank() ? ZoneOffset.UTC : ZoneId.of(in.timeZone().trim());
        } catch (DateTimeException e) {
            throw ApiException.invalid("INVALID_TIME_ZONE", "window.timeZone is not a time zone id such as Europe/Berlin");
        }
        return new MetricsWindow(in.from(), in.to(), zone);
    }

    public Instant start() {
        return instant(from);
    }

    public Instant end() {
        return instant(to);
    }

    /** The whole window as one period. */
    Period whole() {
        return new Period(0, from, to, start(), end());
    }

    /** Calendar periods of the given grain, clipped to the window, in order. */
    List<Period> periods(MetricsDimension grain) {
        var result = new ArrayList<Period>();
        LocalDate day = from;
        while (day.isBefore(to)) {
            LocalDate next = nextStart(day, grain);
            if (next.isAfter(to)) {
                next = to;
            }
            result.add(new Period(result.size(), day, next, instant(day), instant(next)));
            day = next;
        }
        return result;
    }

    private static LocalDate nextStart(LocalDate day, MetricsDimension grain) {
        return switch (grain) {
            case DAY -> day.plusDays(1);
            case WEEK -> day.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1).plusMonths(1);
            case QUARTER -> day.with(IsoFields.DAY_OF_QUARTER, 1).plusMonths(3);
            default -> throw new IllegalArgumentException(grain + " is not a period");
        };
    }

    private Instant instant(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }
}
