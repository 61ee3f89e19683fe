package io.leadproof.imports;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A reusable description of how a file's columns become leads, activities or deals; saved per workspace under
 * {@code name} (plain record of strings, lists and maps: it serialises to JSON as is, see docs/import.md).
 *
 * @param name             the name it is saved and reused under
 * @param kind             what the rows are
 * @param columns          one rule per mapped column; columns of the file not listed are reported as unmapped
 * @param placeholders     values that mean "unknown" in every column ("Select", "N/A", "-"), matched trimmed and
 *                         case-insensitively; such a cell is treated like an empty one
 * @param datePattern      a {@link java.time.format.DateTimeFormatter} pattern tried when a value is not ISO-8601,
 *                         e.g. {@code dd/MM/yyyy} or {@code dd.MM.yyyy HH:mm}; null for ISO-8601 only
 * @param decimalSeparator {@code "."} (default when null) or {@code ","}; the other one is accepted as a grouping
 *                         separator in groups of three digits
 * @param timeZone         zone of dates and times without an offset (default UTC), e.g. {@code Europe/Berlin}
 */
public record ColumnMapping(String name, ImportKind kind, List<ColumnRule> columns, List<String> placeholders,
        String datePattern, String decimalSeparator, String timeZone) {

    public static final int MAX_ATTRIBUTE_COLUMNS = 50;
    private static final Pattern ATTRIBUTE_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    public ColumnMapping {
        columns = columns == null ? List.of() : List.copyOf(columns);
        placeholders = placeholders == null ? List.of() : List.copyOf(placeholders);
    }

    public char decimalChar() {
        return ",".equals(decimalSeparator) ? ',' : '.';
    }

    public ZoneId zone() {
        return timeZone == null ? java.time.ZoneOffset.UTC : ZoneId.of(timeZone);
    }

    /** The rule of the column mapped to this standard field, or null. */
    public ColumnRule ruleFor(String field) {
        for (ColumnRule rule : columns) {
            if (field.equals(rule.field())) {
                return rule;
            }
        }
        return null;
    }

    /**
     * The header of the column that fills an API field, to point a validation error of the API input (path
     * {@code email}, {@code customAttributes}…) at its column; null when no single column does.
     */
    public String headerFor(String apiField) {
        ColumnRule rule = ruleFor(apiField);
        return rule == null ? null : rule.header();
    }

    /** What is wrong with the mapping itself, as messages naming the rule; empty when it can be used. */
    public List<String> problems() {
        var problems = new ArrayList<String>();
        if (name == null || name.isBlank() || name.length() > 100) {
            problems.add("name: 1 to 100 characters");
        }
        if (kind == null) {
            problems.add("kind: LEADS, ACTIVITIES or DEALS");
            return problems;
        }
        Set<String> headers = new HashSet<>();
        Set<String> targets = new HashSet<>();
        int attributes = 0;
        for (int i = 0; i < columns.size(); i++) {
            ColumnRule rule = columns.get(i);
            String at = "columns[" + i + "]";
            if (rule.header() == null || rule.header().isBlank()) {
                problems.add(at + ".header: must name a column");
            } else if (!headers.add(rule.header().strip().toLowerCase(Locale.ROOT))) {
                problems.add(at + ".header: '" + rule.header() + "' is mapped twice");
            }
            if ((rule.field() == null) == (rule.attribute() == null)) {
                problems.add(at + ": set exactly one of field and attribute");
                continue;
            }
            if (rule.field() != null && kind.field(rule.field()) == null) {
                problems.add(at + ".field: '" + rule.field() + "' is not a field of " + kind + "; fields: "
                        + kind.fields().stream().map(ImportField::apiName).toList());
            }
            if (rule.attribute() != null) {
                attributes++;
                if (kind == ImportKind.DEALS) {
                    problems.add(at + ".attribute: deals have no custom attributes");
                }
                if (!ATTRIBUTE_KEY.matcher(rule.attribute()).matches()) {
                    problems.add(at + ".attribute: '" + rule.attribute() + "' must match " + ATTRIBUTE_KEY.pattern());
                }
            }
            if (!targets.add(rule.target())) {
                problems.add(at + ": two columns fill " + rule.target());
            }
        }
        if (attributes > MAX_ATTRIBUTE_COLUMNS) {
            problems.add("columns: at most " + MAX_ATTRIBUTE_COLUMNS + " custom attribute columns");
        }
        if (decimalSeparator != null && !decimalSeparator.equals(".") && !decimalSeparator.equals(",")) {
            problems.add("decimalSeparator: \".\" or \",\"");
        }
        if (datePattern != null) {
            try {
                Values.pattern(datePattern);
            } catch (IllegalArgumentException e) {
                problems.add("datePattern: not a date pattern (" + e.getMessage() + ")");
            }
        }
        if (timeZone != null) {
            try {
                ZoneId.of(timeZone);
            } catch (DateTimeException e) {
                problems.add("timeZone: not a time zone id such as Europe/Berlin");
            }
        }
        for (List<String> group : kind.requiredColumnGroups()) {
            if (group.stream().noneMatch(f -> ruleFor(f) != null)) {
                problems.add("columns: map " + (group.size() == 1 ? group.get(0) : "one of " + group));
            }
        }
        return problems;
    }
}
