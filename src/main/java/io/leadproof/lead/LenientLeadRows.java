package io.leadproof.lead;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.leadproof.common.UserError;
import io.leadproof.common.UserErrorCode;
import io.leadproof.imports.Countries;
import io.leadproof.imports.LenientEnums;

/**
 * Pure: turns the text-typed rows of leadsImport into {@link LeadInput}s the way the CSV import reads a cell
 * ({@link LenientEnums}, {@link Countries}); a value matching nothing is an error of its row only, listing the allowed
 * values, and the row is left out (null).
 */
public final class LenientLeadRows {

    private LenientLeadRows() {
    }

    /** Per row the input, or null where the row has errors (added to {@code errors} under {@code [list, index, field]}). */
    public static List<LeadInput> convert(List<LeadImportRow> rows, String list, List<UserError> errors) {
        var out = new ArrayList<LeadInput>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            var found = new ArrayList<UserError>();
            var in = convert(rows.get(i), found);
            for (var e : found) {
                errors.add(e.under(list, String.valueOf(i)));
            }
            out.add(found.isEmpty() ? in : null);
        }
        return out;
    }

    static LeadInput convert(LeadImportRow r, List<UserError> errors) {
        return new LeadInput(r.externalId(), r.email(), r.firstName(), r.lastName(), r.phone(), r.companyName(),
                r.companyDomain(), r.annualRevenue(), r.employeeCount(), r.industry(), r.jobTitle(),
                country(r.country(), errors), value(LeadSource.class, r.source(), "source", errors), r.campaignId(),
                value(BudgetStatus.class, r.budgetStatus(), "budgetStatus", errors), r.budgetAmount(),
                value(Authority.class, r.authority(), "authority", errors), value(Need.class, r.need(), "need", errors),
                value(Timeline.class, r.timeline(), "timeline", errors), r.ownerId(), r.customAttributes(), r.createdAt(),
                r.observedAt());
    }

    private static String country(String text, List<UserError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String code = Countries.toIsoCode(text);
        if (code == null) {
            errors.add(UserError.of(UserErrorCode.INVALID_COUNTRY,
                    "'" + shorten(text) + "' is not a country name or ISO 3166 code", "country"));
        }
        return code;
    }

    private static <E extends Enum<E>> E value(Class<E> type, String text, String field, List<UserError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        E value = LenientEnums.match(type, text, Map.of());
        if (value == null) {
            errors.add(UserError.of(UserErrorCode.INVALID_ENUM_VALUE, "'" + shorten(text) + "' is not a " + field
                    + "; allowed: " + LenientEnums.allowed(type), field));
        }
        return value;
    }

    private static String shorten(String text) {
        String t = text.strip();
        return t.length() <= 100 ? t : t.substring(0, 100) + "…";
    }
}
