package io.leadproof.imports;

import java.util.List;

/** What an import brings in; each kind has its fields and the columns it cannot do without. */
public enum ImportKind {
    LEADS(List.of(LeadField.values())),
    ACTIVITIES(List.of(ActivityField.values())),
    DEALS(List.of(DealField.values()));

    private final List<ImportField> fields;

    ImportKind(List<? extends ImportField> fields) {
        this.fields = List.copyOf(fields);
    }

    public List<ImportField> fields() {
        return fields;
    }

    /** The field with this API name, or null. */
    public ImportField field(String apiName) {
        for (ImportField f : fields) {
            if (f.apiName().equals(apiName)) {
                return f;
            }
        }
        return null;
    }

    /**
     * Groups of fields of which the mapping must map at least one, as API names: a lead needs an externalId or an
     * email column; an activity or a deal needs its required fields and one way to name its lead.
     */
    public List<List<String>> requiredColumnGroups() {
        return switch (this) {
            case LEADS -> List.of(List.of("externalId", "email"));
            case ACTIVITIES -> List.of(List.of("clientEventId"), List.of("type"), List.of("occurredAt"),
                    List.of("leadId", "leadExternalId", "leadEmail"));
            case DEALS -> List.of(List.of("externalDealId"), List.of("handedOffAt"),
                    List.of("leadId", "leadExternalId", "leadEmail"));
        };
    }
}
