package io.leadproof.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One metrics computation: periods of the cohort window, a resolved filter, the grouping key and the instant of
 * "now". Splits each period into whole UTC months and days (read from the rollups) and signed partial days at its
 * edges (read from the per-lead facts), because the rollups are keyed by UTC day and the window may be in any zone.
 */
record MetricsQuery(String workspace, List<MetricsWindow.Period> periods, Filter filter, Key key, Instant asOf,
        int bandWidth, boolean spend, MetricsAttribute attribute) {

    enum Key { NONE, CAMPAIGN, SOURCE, CRITERIA_VERSION, OWNER, CUSTOM_ATTRIBUTE }

    MetricsQuery(String workspace, List<MetricsWindow.Period> periods, Filter filter, Key key, Instant asOf, int bandWidth,
            boolean spend) {
        this(workspace, periods, filter, key, asOf, bandWidth, spend, null);
    }

    record Filter(List<UUID> campaigns, List<String> sources, List<UUID> versions, String owner) {
        static final Filter NONE = new Filter(List.of(), List.of(), List.of(), null);

        boolean spendAttributable() {
            return versions.isEmpty() && owner == null;
        }
    }

    /** Whole UTC days (or UTC months) [from, to) of period idx. */
    record DayPart(int idx, LocalDate from, LocalDate to) {
    }

    /** Instants [from, to) of period idx, less than a day, counted with the sign (+1 or -1). */
    record EdgePart(int idx, Instant from, Instant to, int sign) {
    }

    /** How the periods are read: whole UTC months (from monthly rollups), whole UTC days, and signed partial days. */
    record Parts(List<DayPart> months, List<DayPart> days, List<EdgePart> edges) {
    }

    /**
     * Period [start, end) = [floor(start), floor(end)) - [floor(start), start) + [floor(end), end), floor = start of the
     * UTC day: whole days from the rollups, the two partial days from the facts with a sign. With {@code months}, the
     * UTC months wholly inside the whole days are read from the monthly rollups instead of day by day.
     */
    Parts parts(boolean months) {
        var monthParts = new ArrayList<DayPart>();
        var dayParts = new ArrayList<DayPart>();
        var edgeParts = new ArrayList<EdgePart>();
        for (var p : periods) {
            if (perLead()) {
                edgeParts.add(new EdgePart(p.index(), p.start(), p.end(), 1));
                continue;
            }
            LocalDate first = p.start().atZone(ZoneOffset.UTC).toLocalDate();
            LocalDate end = p.end().atZone(ZoneOffset.UTC).toLocalDate();
            Instant firstStart = first.atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant endStart = end.atStartOfDay(ZoneOffset.UTC).toInstant();
            if (firstStart.isBefore(p.start())) {
                edgeParts.add(new EdgePart(p.index(), firstStart, p.start(), -1));
            }
            if (endStart.isBefore(p.end())) {
                edgeParts.add(new EdgePart(p.index(), endStart, p.end(), 1));
            }
            LocalDate monthFrom = first.getDayOfMonth() == 1 ? first : first.withDayOfMonth(1).plusMonths(1);
            LocalDate monthTo = end.withDayOfMonth(1);
            if (months && monthFrom.isBefore(monthTo)) {
                monthParts.add(new DayPart(p.index(), monthFrom, monthTo));
                addDays(dayParts, p.index(), first, monthFrom);
                addDays(dayParts, p.index(), monthTo, end);
            } else {
                addDays(dayParts, p.index(), first, end);
            }
        }
        return new Parts(monthParts, dayParts, edgeParts);
    }

    private static void addDays(List<DayPart> parts, int idx, LocalDate from, LocalDate to) {
        if (from.isBefore(to)) {
            parts.add(new DayPart(idx, from, to));
        }
    }

    /** An unfiltered, ungrouped read with 5-point multiple bands is answered from the workspace-wide rollups. */
    boolean totals() {
        return key == Key.NONE && filter.campaigns().isEmpty() && filter.sources().isEmpty() && filter.versions().isEmpty()
                && filter.owner() == null && bandWidth % 5 == 0;
    }

    /** The rollups have no attribute dimension: a custom-attribute breakdown reads every lead's facts (one signed part per period). */
    boolean perLead() {
        return key == Key.CUSTOM_ATTRIBUTE;
    }

    /** Lead-and-owner units answer owner filters and owner groups; plain lead units everything else. */
    boolean ownerUnits() {
        return key == Key.OWNER || filter.owner() != null;
    }
}
