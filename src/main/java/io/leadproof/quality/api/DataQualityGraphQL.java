package io.leadproof.quality.api;

import java.time.Clock;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;
import org.eclipse.microprofile.graphql.Type;

import io.leadproof.common.NodeId;
import io.leadproof.lead.LeadService;
import io.leadproof.lead.LeadView;
import io.leadproof.quality.store.QualityVerdicts;
import org.eclipse.microprofile.graphql.Ignore;
import io.leadproof.quality.DomainLists;
import io.leadproof.quality.LeadQualityChecks;
import io.leadproof.quality.LeadQualityInput;
import io.leadproof.quality.PersonIdentity;
import io.leadproof.quality.QualityReport;
import io.leadproof.security.Roles;

/**
 * {@code Lead.dataQuality}: the field-level checks of docs/data-quality.md (email syntax, disposable domain, role
 * account, free mail, domain mismatch, test values; phone for the country; placeholder and keyboard-mash names) over
 * the lead's stored values, so every write path (API, CSV import) gives the same verdict; with bounces, duplicates and
 * bot activity from the verdict {@code QualityRefresh} stored in the writing transaction (fields only for a lead
 * written before it existed).
 */
@GraphQLApi
@ApplicationScoped
public class DataQualityGraphQL {

    private static final LeadQualityChecks CHECKS = new LeadQualityChecks(DomainLists.bundled());

    @Inject
    Clock clock;
    @Inject
    QualityVerdicts verdicts;
    @Inject
    LeadService leadService;

    @Enum("DataQualityStatus")
    @Description("How far a lead's contact data can be trusted.")
    public enum Status {
        @Description("No check found a problem (free mail is a fact, not a problem).") VALID,
        @Description("Probably usable but doubtful: a role account, a domain mismatch, a doubtful phone or name.") SUSPECT,
        @Description("Not usable: the email is malformed, disposable or a test value.") INVALID
    }

    @Type("DataQualityIssue")
    @Description("One finding of a data-quality check.")
    public record Issue(@NonNull @Description("Stable code, e.g. EMAIL_DISPOSABLE, EMAIL_BOUNCED, DUPLICATE, BOT_ACTIVITY, FREE_MAIL.") String code,
            @NonNull @Description("The lead field it concerns, e.g. email.") String field,
            @NonNull @Description("What was found, in words.") String message,
            @Ignore String relatedLeadId) {
    }

    @Type("DataQuality")
    @Description("The verdict of the data-quality checks on a lead.")
    public record DataQuality(@NonNull @Description("The worst status any finding implies.") Status status,
            @NonNull @Description("Every finding.") List<@NonNull Issue> issues) {
    }

    @Name("dataQuality")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.LEADERSHIP })
    @Description("Data-quality verdict on the lead's contact data, bounces, duplicates and activities (docs/data-quality.md).")
    public @NonNull List<@NonNull DataQuality> dataQuality(@Source List<LeadView> leads) {
        var stored = verdicts.of(leads.stream().map(LeadView::uuid).toList());
        return leads.stream().map(l -> view(stored.containsKey(l.uuid()) ? stored.get(l.uuid()) : assess(l))).toList();
    }

    @Name("relatedLead")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.LEADERSHIP })
    @Description("The other lead of a DUPLICATE finding (null for other findings, or when that lead is gone).")
    public List<LeadView> relatedLead(@Source List<Issue> issues) {
        var ids = issues.stream().map(i -> i.relatedLeadId() == null ? null : NodeId.parse("Lead", i.relatedLeadId())).toList();
        var found = leadService.findAll(ids.stream().filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()));
        return ids.stream().map(id -> id == null || !found.containsKey(id) ? null : LeadView.of(found.get(id))).toList();
    }

    QualityReport assess(LeadView lead) {
        var person = new PersonIdentity(lead.id(), lead.email(), lead.phone(), lead.firstName(), lead.lastName(),
                lead.companyName(), lead.companyDomain(), lead.country());
        return CHECKS.assess(LeadQualityInput.fieldsOnly(person, clock.instant()));
    }

    static DataQuality view(QualityReport report) {
        return new DataQuality(Status.valueOf(report.status().name()), report.issues().stream()
                .map(i -> new Issue(i.code().name(), i.field() == null ? "" : i.field(), i.message(), i.relatedLeadId())).toList());
    }
}
