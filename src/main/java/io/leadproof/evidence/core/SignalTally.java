package io.leadproof.evidence.core;

import io.leadproof.lead.LeadSource;
import io.leadproof.scoring.engine.LeadField;
import io.leadproof.scoring.engine.LeadSnapshot;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Counts every candidate signal in group A and group B in one pass over the cohort, keeping per lead
 * nothing but the values of number traits (for the quantile bins). Feed it row by row with
 * {@link #add}, then read {@link #counts()}. Not thread-safe; one tally per analysis.
 *
 * <p>Candidates: enum traits (seniority, BANT) by value, unknown included; text traits (job title,
 * industry, country, email domain) by value, the values below the support or past the limit in a
 * long-tail bucket; number traits (revenue, employees, budget) by quantile bin; custom attributes
 * typed on the fly; behaviour facets per activity type × stage; campaign (with a long tail), source
 * and channel; first-call signal codes. Company name and domain are left out: they name one
 * company each, so they generalise to nothing.
 */
public final class SignalTally {
    static final LeadField[] ENUM_TRAITS = {LeadField.SENIORITY, LeadField.BUDGET_STATUS, LeadField.AUTHORITY,
            LeadField.NEED, LeadField.TIMELINE};
    static final LeadField[] TEXT_TRAITS = {LeadField.JOB_TITLE, LeadField.INDUSTRY, LeadField.COUNTRY,
            LeadField.EMAIL_DOMAIN};
    static final LeadField[] NUMBER_TRAITS = {LeadField.ANNUAL_REVENUE, LeadField.EMPLOYEE_COUNT, LeadField.BUDGET_AMOUNT};

    private final SignalOptions options;
    private final Map<LeadField, ValueCounter> categorical = new EnumMap<>(LeadField.class);
    private final Map<LeadField, NumberColumn> numbers = new EnumMap<>(LeadField.class);
    private final Map<String, CustomColumn> custom = new TreeMap<>();
    private final BehaviourCounter behaviour = new BehaviourCounter();
    private final ValueCounter campaigns = new ValueCounter();
    private final ValueCounter sources = new ValueCounter();
    private final ValueCounter channels = new ValueCounter();
    private final ValueCounter firstCall = new ValueCounter();
    private int nA;
    private int nB;

    public SignalTally(SignalOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        for (LeadField field : ENUM_TRAITS) {
            categorical.put(field, new ValueCounter());
        }
        for (LeadField field : TEXT_TRAITS) {
            categorical.put(field, new ValueCounter());
        }
        for (LeadField field : NUMBER_TRAITS) {
            numbers.put(field, new NumberColumn());
        }
    }

    /** Counts one lead of group A ({@code inA}) or group B. */
    public void add(ReferenceLead lead, boolean inA) {
        LeadSnapshot traits = lead.traits();
        if (inA) {
            nA++;
        } else {
            nB++;
        }
        addEnum(LeadField.SENIORITY, traits.seniority(), inA);
        addEnum(LeadField.BUDGET_STATUS, traits.budgetStatus(), inA);
        addEnum(LeadField.AUTHORITY, traits.authority(), inA);
        addEnum(LeadField.NEED, traits.need(), inA);
        addEnum(LeadField.TIMELINE, traits.timeline(), inA);
        addText(LeadField.JOB_TITLE, traits.jobTitle(), inA);
        addText(LeadField.INDUSTRY, traits.industry(), inA);
        addText(LeadField.COUNTRY, traits.country(), inA);
        addText(LeadField.EMAIL_DOMAIN, traits.emailDomain(), inA);
        addNumber(LeadField.ANNUAL_REVENUE, traits.annualRevenue(), inA);
        addNumber(LeadField.EMPLOYEE_COUNT, traits.employeeCount(), inA);
        addNumber(LeadField.BUDGET_AMOUNT, traits.budgetAmount(), inA);
        traits.customAttributes().forEach((key, value) -> custom.computeIfAbsent(key, CustomColumn::new).add(value, inA));
        behaviour.add(lead, inA);
        if (lead.campaign() != null && !lead.campaign().isBlank()) {
            campaigns.add(lead.campaign().strip(), inA);
        }
        addName(sources, traits.source(), inA);
        addName(channels, lead.channel(), inA);
        firstCall.addEach(AsOf.firstCallCodes(lead, options.firstCallWindow()), inA);
    }

    public int groupASize() {
        return nA;
    }

    public int groupBSize() {
        return nB;
    }

    /** The candidate signals in a fixed order: traits, custom attributes (by key), behaviour, attribution, first call. */
    public SignalCounts counts() {
        List<SignalCount> out = new ArrayList<>();
        for (LeadField field : ENUM_TRAITS) {
            categorical.get(field).emit(v -> new SignalDefinition.TraitValue(field, null, v), null,
                    new SignalDefinition.TraitValue(field, null, null), Integer.MAX_VALUE, 1, nA, nB, out);
        }
        for (LeadField field : TEXT_TRAITS) {
            categorical.get(field).emit(v -> new SignalDefinition.TraitValue(field, null, v),
                    new SignalDefinition.OtherValue(field, null), new SignalDefinition.TraitValue(field, null, null),
                    options.maxValuesPerTrait(), options.minValueSupport(), nA, nB, out);
        }
        for (LeadField field : NUMBER_TRAITS) {
            NumberColumn column = numbers.get(field);
            column.emit(options.quantileBins(),
                    (min, max, lowest, highest) -> new SignalDefinition.NumberRange(field, null, min, max, lowest, highest),
                    nA, nB, out);
            ValueCounter.add(out, new SignalDefinition.TraitValue(field, null, null),
                    nA - column.known(true), nB - column.known(false), nA, nB);
        }
        custom.values().forEach(column -> column.emit(options, nA, nB, out));
        behaviour.emit(nA, nB, out);
        campaigns.emit(v -> new SignalDefinition.Attribution(AttributionKind.CAMPAIGN, v),
                new SignalDefinition.OtherCampaign(), new SignalDefinition.Attribution(AttributionKind.CAMPAIGN, null),
                options.maxValuesPerTrait(), options.minValueSupport(), nA, nB, out);
        sources.emit(v -> new SignalDefinition.Attribution(AttributionKind.SOURCE, v), null,
                new SignalDefinition.Attribution(AttributionKind.SOURCE, null), Integer.MAX_VALUE, 1, nA, nB, out);
        channels.emit(v -> new SignalDefinition.Attribution(AttributionKind.CHANNEL, v), null,
                new SignalDefinition.Attribution(AttributionKind.CHANNEL, null), Integer.MAX_VALUE, 1, nA, nB, out);
        firstCall.emit(SignalDefinition.FirstCall::new, null, null, Integer.MAX_VALUE, 1, nA, nB, out);
        return new SignalCounts(nA, nB, out);
    }

    /** UNKNOWN constants and null are both "unknown", as the scoring engine treats them. */
    private void addEnum(LeadField field, Enum<?> value, boolean inA) {
        if (value != null && !value.name().equals("UNKNOWN")) {
            categorical.get(field).add(value.name(), inA);
        }
    }

    private void addText(LeadField field, String value, boolean inA) {
        if (value != null) {
            String normalised = value.strip().toLowerCase(Locale.ROOT);
            if (!normalised.isEmpty()) {
                categorical.get(field).add(normalised, inA);
            }
        }
    }

    private void addNumber(LeadField field, Number value, boolean inA) {
        if (value != null) {
            numbers.get(field).add(value instanceof BigDecimal d ? d.doubleValue() : value.doubleValue(), inA);
        }
    }

    private static void addName(ValueCounter counter, LeadSource value, boolean inA) {
        if (value != null) {
            counter.add(value.name(), inA);
        }
    }
}
