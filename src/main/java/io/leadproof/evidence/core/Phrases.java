package io.leadproof.evidence.core;

import io.leadproof.lead.ActivityType;
import io.leadproof.scoring.engine.LeadField;

import java.math.BigDecimal;

/** Words for signals: field subjects, shown values, activity verbs, numbers. */
final class Phrases {
    private Phrases() {
    }

    static String traitKey(LeadField field, String customKey) {
        return field == LeadField.CUSTOM ? "custom:" + customKey : "trait:" + field.name();
    }

    static String subject(LeadField field, String customKey) {
        return field == LeadField.CUSTOM ? "'" + customKey + "'" : field.label();
    }

    static String shown(LeadField field, String value) {
        return field.enumType() != null ? value : "'" + value + "'";
    }

    /** A number without a binary-fraction tail or an exponent: 1500000, 2.5. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    static String activity(ActivityType type) {
        return switch (type) {
            case EBOOK_DOWNLOAD -> "downloaded an eBook";
            case WEBINAR_REGISTERED -> "registered for a webinar";
            case WEBINAR_ATTENDED -> "attended a webinar";
            case FORM_SUBMITTED -> "submitted a form";
            case PAGE_VIEW -> "viewed a page";
            case PRICING_PAGE_VIEW -> "viewed the pricing page";
            case DEMO_REQUESTED -> "requested a demo";
            case TRIAL_STARTED -> "started a trial";
            case EMAIL_OPENED -> "opened an email";
            case EMAIL_CLICKED -> "clicked an email";
            case EVENT_ATTENDED -> "attended an event";
            case CONTACT_REQUESTED -> "requested contact";
            case UNSUBSCRIBED -> "unsubscribed";
            case EMAIL_BOUNCED -> "had an email bounce";
        };
    }
}
