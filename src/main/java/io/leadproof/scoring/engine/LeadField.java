package io.leadproof.scoring.engine;

import io.leadproof.lead.Authority;
import io.leadproof.lead.BudgetStatus;
import io.leadproof.lead.LeadSource;
import io.leadproof.lead.Need;
import io.leadproof.lead.Seniority;
import io.leadproof.lead.Timeline;
import io.leadproof.quality.QualityCode;
import io.leadproof.quality.QualityStatus;
import org.eclipse.microprofile.graphql.Description;

import java.util.Arrays;
import java.util.List;

@Description("A lead attribute that FIT and KNOCK_OUT rules can test.")
public enum LeadField {
    @Description("Job title (text).") JOB_TITLE("job title", ValueType.TEXT, null),
    @Description("Seniority derived from the job title.") SENIORITY("seniority", ValueType.ENUM, Seniority.class),
    @Description("Industry (text).") INDUSTRY("industry", ValueType.TEXT, null),
    @Description("Company annual revenue (number).") ANNUAL_REVENUE("annual revenue", ValueType.NUMBER, null),
    @Description("Company employee count (number).") EMPLOYEE_COUNT("employee count", ValueType.NUMBER, null),
    @Description("Country, ISO 3166-1 alpha-2 code.") COUNTRY("country", ValueType.TEXT, null),
    @Description("BANT budget status.") BUDGET_STATUS("budget status", ValueType.ENUM, BudgetStatus.class),
    @Description("BANT budget amount (number).") BUDGET_AMOUNT("budget amount", ValueType.NUMBER, null),
    @Description("BANT authority.") AUTHORITY("authority", ValueType.ENUM, Authority.class),
    @Description("BANT need.") NEED("need", ValueType.ENUM, Need.class),
    @Description("BANT timeline.") TIMELINE("timeline", ValueType.ENUM, Timeline.class),
    @Description("Acquisition source.") SOURCE("source", ValueType.ENUM, LeadSource.class),
    @Description("Domain of the lead's email address.") EMAIL_DOMAIN("email domain", ValueType.TEXT, null),
    @Description("Domain of the lead's company.") COMPANY_DOMAIN("company domain", ValueType.TEXT, null),
    @Description("A custom attribute named by the predicate's customKey.") CUSTOM("custom attribute", ValueType.DYNAMIC, null),
    @Description("Data-quality status of the lead's contact data: VALID, SUSPECT or INVALID (docs/data-quality.md).")
    DATA_QUALITY("data quality", ValueType.ENUM, QualityStatus.class),
    @Description("A data-quality finding (check code such as EMAIL_BOUNCED, DUPLICATE, BOT_ACTIVITY, FREE_MAIL): EQUALS and IN match a lead with any of the codes, NOT_EQUALS and NOT_IN a lead with none.")
    DATA_QUALITY_CHECK("data-quality finding", ValueType.ENUM, QualityCode.class);

    /**
     * An enum attribute whose constant is named UNKNOWN counts as not set: "budget status unknown"
     * is tested with IS_NOT_SET, so UNKNOWN is not an allowed predicate value.
     */
    static final String UNKNOWN_CONSTANT = "UNKNOWN";

    private final String label;
    private final ValueType valueType;
    private final Class<? extends Enum<?>> enumType;
    private final List<String> allowedValues;

    LeadField(String label, ValueType valueType, Class<? extends Enum<?>> enumType) {
        this.label = label;
        this.valueType = valueType;
        this.enumType = enumType;
        this.allowedValues = enumType == null ? List.of() : Arrays.stream(enumType.getEnumConstants())
                .map(Enum::name)
                .filter(name -> !name.equals(UNKNOWN_CONSTANT))
                .toList();
    }

    /** Lower-case human name used in evidence, e.g. "job title". */
    public String label() {
        return label;
    }

    public ValueType valueType() {
        return valueType;
    }

    /** The enum class behind an ENUM field, else null. */
    public Class<? extends Enum<?>> enumType() {
        return enumType;
    }

    /** Values an ENUM field's predicate may name; empty for other types. */
    public List<String> allowedValues() {
        return allowedValues;
    }

    /** The raw attribute value of this field on a lead; custom attributes are read by key. */
    Object read(LeadSnapshot lead, String customKey) {
        return switch (this) {
            case JOB_TITLE -> lead.jobTitle();
            case SENIORITY -> lead.seniority();
            case INDUSTRY -> lead.industry();
            case ANNUAL_REVENUE -> lead.annualRevenue();
            case EMPLOYEE_COUNT -> lead.employeeCount();
            case COUNTRY -> lead.country();
            case BUDGET_STATUS -> lead.budgetStatus();
            case BUDGET_AMOUNT -> lead.budgetAmount();
            case AUTHORITY -> lead.authority();
            case NEED -> lead.need();
            case TIMELINE -> lead.timeline();
            case SOURCE -> lead.source();
            case EMAIL_DOMAIN -> lead.emailDomain();
            case COMPANY_DOMAIN -> lead.companyDomain();
            case CUSTOM -> lead.customAttributes().get(customKey);
            case DATA_QUALITY -> lead.quality() == null ? null : lead.quality().status();
            case DATA_QUALITY_CHECK -> lead.quality() == null ? List.of() : lead.quality().codes();
        };
    }
}
