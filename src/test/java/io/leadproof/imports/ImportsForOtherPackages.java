package io.leadproof.imports;

import java.util.List;
import java.util.Map;

/** The import test helper for tests of other packages (data quality): a basic lead mapping and a run that waits. */
public final class ImportsForOtherPackages {

    private ImportsForOtherPackages() {
    }

    public static void saveLeadMapping(String name) {
        Imports.saveMapping(new ColumnMapping(name, ImportKind.LEADS, List.of(ColumnRule.field("E-mail", "email"),
                ColumnRule.field("First Name", "firstName"), ColumnRule.field("Last Name", "lastName"),
                ColumnRule.field("Domain", "companyDomain")), null, null, null, null));
    }

    public static Map<String, Object> runLeads(String mapping, byte[] file) {
        return Imports.run("leads", mapping, file);
    }

    public static void saveMapping(ColumnMapping mapping) {
        Imports.saveMapping(mapping);
    }

    public static Map<String, Object> awaitEnd(String id) {
        return Imports.awaitEnd(id);
    }

    public static String errorReport(Map<String, Object> job) {
        return Imports.errorReport(job);
    }
}
