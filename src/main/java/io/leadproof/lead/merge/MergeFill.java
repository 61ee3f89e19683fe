package io.leadproof.lead.merge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.leadproof.lead.Authority;
import io.leadproof.lead.BudgetStatus;
import io.leadproof.lead.LeadProfile;
import io.leadproof.lead.Need;
import io.leadproof.lead.Timeline;

/**
 * The rule of leadMerge for the lead's fields (pure, docs/data-quality.md "Merging duplicates"): the survivor wins; a
 * field it leaves empty (null, or UNKNOWN for the BANT facts) takes the merged lead's value; custom attributes merge
 * by key the same way. The result is a {@link LeadProfile} holding only the values to fill, for {@code Lead.revise}.
 */
public final class MergeFill {

    /** The values to fill in, and the names of the fields they fill (custom attributes as {@code custom.<key>}). */
    public record Fill(LeadProfile profile, List<String> filled) {
    }

    private MergeFill() {
    }

    public static Fill of(LeadProfile survivor, LeadProfile merged) {
        var filled = new ArrayList<String>();
        var custom = new HashMap<String, String>();
        Map<String, String> mine = survivor.customAttributes() == null ? Map.of() : survivor.customAttributes();
        if (merged.customAttributes() != null) {
            merged.customAttributes().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                if (e.getValue() != null && mine.get(e.getKey()) == null) {
                    custom.put(e.getKey(), e.getValue());
                    filled.add("custom." + e.getKey());
                }
            });
        }
        var f = new Filler(survivor, merged, filled);
        var profile = new LeadProfile(f.take("externalId", LeadProfile::externalId), f.take("email", LeadProfile::email),
                f.take("firstName", LeadProfile::firstName), f.take("lastName", LeadProfile::lastName),
                f.take("phone", LeadProfile::phone), f.take("companyName", LeadProfile::companyName),
                f.take("companyDomain", LeadProfile::companyDomain), f.take("annualRevenue", LeadProfile::annualRevenue),
                f.take("employeeCount", LeadProfile::employeeCount), f.take("industry", LeadProfile::industry),
                f.take("jobTitle", LeadProfile::jobTitle), f.take("country", LeadProfile::country),
                f.take("source", LeadProfile::source), f.take("campaignId", LeadProfile::campaignId),
                f.known("budgetStatus", LeadProfile::budgetStatus, BudgetStatus.UNKNOWN),
                f.take("budgetAmount", LeadProfile::budgetAmount),
                f.known("authority", LeadProfile::authority, Authority.UNKNOWN), f.known("need", LeadProfile::need, Need.UNKNOWN),
                f.known("timeline", LeadProfile::timeline, Timeline.UNKNOWN), f.take("ownerId", LeadProfile::ownerId),
                custom.isEmpty() ? null : Map.copyOf(custom));
        // custom attributes were listed first for the map's sake; report fields in the profile's order, then custom ones
        var ordered = new ArrayList<>(filled.stream().filter(n -> !n.startsWith("custom.")).toList());
        ordered.addAll(filled.stream().filter(n -> n.startsWith("custom.")).toList());
        return new Fill(profile, List.copyOf(ordered));
    }

    private record Filler(LeadProfile survivor, LeadProfile merged, List<String> filled) {

        <T> T take(String name, Function<LeadProfile, T> field) {
            return known(name, field, null);
        }

        /** The merged lead's value when the survivor's is empty ({@code null} or {@code unknown}) and the merged one's is not. */
        <T> T known(String name, Function<LeadProfile, T> field, T unknown) {
            T mine = field.apply(survivor), theirs = field.apply(merged);
            boolean empty = mine == null || mine.equals(unknown);
            if (!empty || theirs == null || theirs.equals(unknown)) {
                return null;
            }
            filled.add(name);
            return theirs;
        }
    }
}
