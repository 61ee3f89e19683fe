package io.leadproof.evidence.predict;

import io.leadproof.evidence.core.ActivityAggregate;
import io.leadproof.evidence.core.AsOf;
import io.leadproof.evidence.core.ReferenceLead;
import io.leadproof.scoring.engine.LeadSnapshot;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The facts of a lead that the model may use, read from its {@link ReferenceLead} only; every family
 * is known at the reference moment (docs/evidence.md lists why):
 * <ul>
 *   <li>traits as of the moment: seniority and BANT (enum, "unknown" a value), industry, country,
 *   job title, email domain (text, lower case), revenue, employees, budget (numbers);</li>
 *   <li>custom attributes as of the moment: numbers, booleans, text, lists (typed when the space is fitted);</li>
 *   <li>campaign, source, channel ("none" when absent);</li>
 *   <li>days from creation to the moment;</li>
 *   <li>behaviour up to the moment ({@link AsOf#activities}: aggregates that include later activity
 *   are dropped): per activity type × stage, log(1 + count) and whether the last was within 7 / 30 days;</li>
 *   <li>first-call signals logged within the window after the handoff, only for a model of accepted leads.</li>
 * </ul>
 * Numbers are taken as sign(x)·log(1 + |x|): revenue and counts are skewed, and the log keeps one
 * very large company from dominating the weights.
 *
 * @param values categorical values (String or List of String) and numbers (Double) by dimension; absent = unknown
 * @param counts behaviour and first-call features by dimension; absent = 0
 * @param shown  how each dimension's value reads in a factor
 */
record RawFeatures(Map<String, Object> values, Map<String, Double> counts, Map<String, String> shown) {

    static RawFeatures of(ReferenceLead lead, boolean firstCall, Duration firstCallWindow) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Double> counts = new LinkedHashMap<>();
        Map<String, String> shown = new LinkedHashMap<>();
        RawFeatures raw = new RawFeatures(values, counts, shown);
        LeadSnapshot t = lead.traits();
        raw.category("seniority", name(t.seniority()));
        raw.category("budgetStatus", name(t.budgetStatus()));
        raw.category("authority", name(t.authority()));
        raw.category("need", name(t.need()));
        raw.category("timeline", name(t.timeline()));
        raw.category("industry", text(t.industry()));
        raw.category("country", text(t.country()));
        raw.category("jobTitle", text(t.jobTitle()));
        raw.category("emailDomain", text(t.emailDomain()));
        raw.category("source", t.source() == null ? "none" : t.source().name());
        raw.category("channel", lead.channel() == null ? "none" : lead.channel().name());
        raw.category("campaign", lead.campaign() == null || lead.campaign().isBlank() ? "none" : lead.campaign().strip());
        raw.number("annualRevenue", t.annualRevenue());
        raw.number("employeeCount", t.employeeCount());
        raw.number("budgetAmount", t.budgetAmount());
        if (t.createdAt() != null && !t.createdAt().isAfter(lead.referenceMoment())) {
            raw.number("daysToMoment", Duration.between(t.createdAt(), lead.referenceMoment()).toHours() / 24.0);
        }
        t.customAttributes().forEach((key, value) -> raw.custom("custom:" + key, value));
        for (ActivityAggregate aggregate : AsOf.activities(lead)) {
            String dim = "activity:" + aggregate.type() + "/" + (aggregate.stage() == null ? "-" : aggregate.stage());
            long age = Duration.between(aggregate.lastAt(), lead.referenceMoment()).toSeconds();
            counts.merge(dim + ":count", (double) aggregate.count(), Double::sum);
            counts.merge(dim + ":7d", age <= 7 * 86_400 ? 1.0 : 0.0, Math::max);
            counts.merge(dim + ":30d", age <= 30 * 86_400 ? 1.0 : 0.0, Math::max);
            shown.merge(dim, aggregate.count() + " before the moment", (x, y) -> x);
        }
        counts.replaceAll((dim, value) -> dim.endsWith(":count") ? signedLog(value) : value);
        if (firstCall) {
            for (String code : AsOf.firstCallCodes(lead, firstCallWindow)) {
                counts.put("firstCall:" + code, 1.0);
                shown.put("firstCall:" + code, "logged");
            }
        }
        return raw;
    }

    private void category(String dim, String value) {
        values.put(dim, value);
        shown.put(dim, value);
    }

    private void number(String dim, Number value) {
        if (value != null) {
            double x = value instanceof BigDecimal d ? d.doubleValue() : value.doubleValue();
            values.put(dim, signedLog(x));
            shown.put(dim, value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(value));
        }
    }

    private void custom(String dim, Object value) {
        switch (value) {
            case Number n -> number(dim, n);
            case Boolean b -> category(dim, b.toString());
            case List<?> list -> {
                List<String> texts = new ArrayList<>();
                list.forEach(e -> {
                    String text = text(String.valueOf(e));
                    if (!text.equals("unknown") && !texts.contains(text)) {
                        texts.add(text);
                    }
                });
                values.put(dim, texts);
                shown.put(dim, String.join(", ", texts));
            }
            default -> {
                String text = text(String.valueOf(value));
                Double number = parse(text);
                if (number != null) {
                    values.put(dim, signedLog(number));
                    shown.put(dim, text);
                } else {
                    category(dim, text);
                }
            }
        }
    }

    static double signedLog(double x) {
        return Math.signum(x) * Math.log1p(Math.abs(x));
    }

    private static String name(Enum<?> value) {
        return value == null ? "UNKNOWN" : value.name();
    }

    private static String text(String value) {
        if (value == null || value.isBlank()) {
            return "unknown";
        }
        return value.strip().toLowerCase(Locale.ROOT);
    }

    private static Double parse(String text) {
        try {
            double x = Double.parseDouble(text);
            return Double.isFinite(x) ? x : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
