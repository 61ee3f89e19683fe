package io.leadproof.feedback;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.leadproof.workspace.WorkspaceSeeder;

/** Seeds a new workspace with the default rejection taxonomy of the product definitions. */
@ApplicationScoped
public class DefaultRejectionReasons implements WorkspaceSeeder {

    record Default(String label, RejectionCategory category) {
    }

    static final Map<String, Default> CODES = new LinkedHashMap<>();
    static {
        CODES.put("NO_BUDGET", new Default("No budget", RejectionCategory.BUDGET));
        CODES.put("NO_AUTHORITY", new Default("Not a decision maker", RejectionCategory.AUTHORITY));
        CODES.put("NO_NEED", new Default("No need", RejectionCategory.NEED));
        CODES.put("BAD_TIMING", new Default("Bad timing", RejectionCategory.TIMING));
        CODES.put("NOT_ICP", new Default("Not our ideal customer profile", RejectionCategory.FIT));
        CODES.put("BAD_CONTACT_DATA", new Default("Bad contact data", RejectionCategory.DATA_QUALITY));
        CODES.put("DUPLICATE", new Default("Duplicate lead", RejectionCategory.DATA_QUALITY));
        CODES.put("SPAM_OR_BOT", new Default("Spam or bot", RejectionCategory.DATA_QUALITY));
        CODES.put("STUDENT_OR_JOB_SEEKER", new Default("Student or job seeker", RejectionCategory.FIT));
        CODES.put("COMPETITOR", new Default("Competitor", RejectionCategory.FIT));
        CODES.put("ALREADY_CUSTOMER", new Default("Already a customer", RejectionCategory.FIT));
        CODES.put("UNRESPONSIVE", new Default("Unresponsive", RejectionCategory.OTHER));
        CODES.put("OTHER", new Default("Other", RejectionCategory.OTHER));
    }

    @Override
    public void seed(Connection c, String workspaceId) throws SQLException {
        try (var ps = c.prepareStatement("insert into rejection_reason (workspace_id, code, label, category, created_at)"
                + " values (?, ?, ?, ?, now()) on conflict do nothing")) {
            for (var e : CODES.entrySet()) {
                ps.setString(1, workspaceId);
                ps.setString(2, e.getKey());
                ps.setString(3, e.getValue().label());
                ps.setString(4, e.getValue().category().name());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
