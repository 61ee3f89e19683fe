package io.leadproof.imports;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import io.leadproof.common.Decimal;
import io.leadproof.lead.ActivityType;
import io.leadproof.lead.Authority;
import io.leadproof.lead.BudgetStatus;
import io.leadproof.lead.FunnelStage;
import io.leadproof.lead.LeadInput;
import io.leadproof.lead.LeadSource;
import io.leadproof.lead.Need;
import io.leadproof.lead.Timeline;

/** The typed row of each import kind, built from the values {@link RowMapper} converted. */
public final class RowShapes {

    private RowShapes() {
    }

    /** A {@link LeadInput} exactly as the GraphQL API receives one: the same validation path takes it from here. */
    public static final RowMapper.RowShape<LeadInput> LEAD = (v, attributes) -> new LeadInput(
            text(v, LeadField.EXTERNAL_ID), text(v, LeadField.EMAIL), text(v, LeadField.FIRST_NAME),
            text(v, LeadField.LAST_NAME), text(v, LeadField.PHONE), text(v, LeadField.COMPANY_NAME),
            text(v, LeadField.COMPANY_DOMAIN), decimal(v, LeadField.ANNUAL_REVENUE),
            (Integer) v[LeadField.EMPLOYEE_COUNT.ordinal()], text(v, LeadField.INDUSTRY), text(v, LeadField.JOB_TITLE),
            text(v, LeadField.COUNTRY), (LeadSource) v[LeadField.SOURCE.ordinal()], text(v, LeadField.CAMPAIGN_ID),
            (BudgetStatus) v[LeadField.BUDGET_STATUS.ordinal()], decimal(v, LeadField.BUDGET_AMOUNT),
            (Authority) v[LeadField.AUTHORITY.ordinal()], (Need) v[LeadField.NEED.ordinal()],
            (Timeline) v[LeadField.TIMELINE.ordinal()], text(v, LeadField.OWNER_ID), attributes,
            (OffsetDateTime) v[LeadField.CREATED_AT.ordinal()], null);

    public static final RowMapper.RowShape<ActivityRow> ACTIVITY = (v, attributes) -> new ActivityRow(
            text(v, ActivityField.CLIENT_EVENT_ID), text(v, ActivityField.LEAD_ID), text(v, ActivityField.LEAD_EXTERNAL_ID),
            text(v, ActivityField.LEAD_EMAIL), (ActivityType) v[ActivityField.TYPE.ordinal()],
            (FunnelStage) v[ActivityField.FUNNEL_STAGE.ordinal()], text(v, ActivityField.CONTENT_TAG),
            (OffsetDateTime) v[ActivityField.OCCURRED_AT.ordinal()], attributes);

    /** Deals have no custom attributes ({@link ColumnMapping#problems()} refuses attribute columns for them). */
    public static final RowMapper.RowShape<DealRow> DEAL = (v, attributes) -> new DealRow(
            text(v, DealField.EXTERNAL_DEAL_ID), text(v, DealField.LEAD_ID), text(v, DealField.LEAD_EXTERNAL_ID),
            text(v, DealField.LEAD_EMAIL), time(v, DealField.HANDED_OFF_AT), text(v, DealField.OWNER_ID),
            time(v, DealField.ACCEPTED_AT), time(v, DealField.REJECTED_AT), text(v, DealField.REJECTION_REASON_CODE),
            text(v, DealField.REJECTION_NOTES), time(v, DealField.OPPORTUNITY_AT), text(v, DealField.OPPORTUNITY_NAME),
            time(v, DealField.WON_AT), (BigDecimal) v[DealField.WON_AMOUNT.ordinal()], text(v, DealField.WON_CURRENCY),
            time(v, DealField.LOST_AT), text(v, DealField.LOST_REASON), time(v, DealField.FIRST_CALL_AT),
            text(v, DealField.FIRST_CALL_NOTES));

    private static OffsetDateTime time(Object[] values, ImportField field) {
        return (OffsetDateTime) values[field.ordinal()];
    }

    private static String text(Object[] values, ImportField field) {
        return (String) values[field.ordinal()];
    }

    private static Decimal decimal(Object[] values, ImportField field) {
        return Decimal.of((BigDecimal) values[field.ordinal()]);
    }
}
