package io.leadproof.scoring.engine;

import java.util.List;

/** IS_SET / IS_NOT_SET on any field. */
final class PresenceCondition implements Condition {
    private final LeadField field;
    private final String customKey;
    private final boolean wantSet;

    PresenceCondition(LeadField field, String customKey, boolean wantSet) {
        this.field = field;
        this.customKey = customKey;
        this.wantSet = wantSet;
    }

    @Override
    public boolean matches(LeadSnapshot lead) {
        return isSet(field.read(lead, customKey)) == wantSet;
    }

    @Override
    public String evidence(LeadSnapshot lead) {
        String subject = customKey == null ? field.label() : field.label() + " " + Evidence.quote(customKey);
        return wantSet
                ? subject + " " + Evidence.show(field.read(lead, customKey)) + " is set"
                : subject + " is not set";
    }

    /** Null, blank text, an empty list, a non-finite number and an UNKNOWN enum constant are not set. */
    static boolean isSet(Object value) {
        return switch (value) {
            case null -> false;
            case String text -> !text.isBlank();
            case Enum<?> constant -> !constant.name().equals(LeadField.UNKNOWN_CONSTANT);
            case List<?> list -> list.stream().anyMatch(PresenceCondition::isSet);
            case Number number -> DecimalConstant.isComparable(number);
            default -> true;
        };
    }
}
