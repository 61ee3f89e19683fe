package io.leadproof.imports;

import java.util.List;
import java.util.Map;

import io.leadproof.common.AttributeInput;

/** Converts one non-blank cell to its field's or attribute's value, or says why it cannot, naming the column. */
final class CellConverter {

    private final Values values;

    CellConverter(Values values) {
        this.values = values;
    }

    ImportError field(ImportField field, String text, Map<String, String> aliases, Object[] into,
            long row, String column) {
        Object value = switch (field.kind()) {
            case TEXT -> text;
            case INTEGER -> values.integer(text);
            case DECIMAL -> values.decimal(text);
            case TIMESTAMP -> values.timestamp(text);
            case COUNTRY -> Countries.toIsoCode(aliases.isEmpty() ? text : aliases.getOrDefault(LenientEnums.key(text), text));
            case ENUM -> LenientEnums.match(enumClass(field), text, aliases);
        };
        if (value != null) {
            into[field.ordinal()] = value;
            return null;
        }
        return switch (field.kind()) {
            case INTEGER -> ImportError.of(row, column, ImportErrorCode.INVALID_NUMBER, quote(text) + " is not a whole number");
            case DECIMAL -> ImportError.of(row, column, ImportErrorCode.INVALID_NUMBER, quote(text)
                    + " is not a number with decimal separator '" + values.decimalChar() + "'");
            case TIMESTAMP -> ImportError.of(row, column, ImportErrorCode.INVALID_DATE, quote(text)
                    + " is not an ISO-8601 date" + values.patternHint());
            case COUNTRY -> ImportError.of(row, column, ImportErrorCode.INVALID_COUNTRY, quote(text)
                    + " is not a country name or ISO 3166 code");
            case ENUM -> ImportError.of(row, column, ImportErrorCode.INVALID_ENUM, quote(text) + " is not a "
                    + field.apiName() + "; allowed: " + LenientEnums.allowed(field.enumType()));
            case TEXT -> throw new IllegalStateException("text always converts");
        };
    }

    ImportError attribute(ColumnRule rule, String text, List<AttributeInput> into, long row, String column) {
        String value = switch (rule.typeOrText()) {
            case TEXT -> text;
            case NUMBER -> {
                var number = values.decimal(text);
                yield number == null ? null : number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
            }
            case BOOLEAN -> {
                Boolean b = Values.bool(text);
                yield b == null ? null : b.toString();
            }
            case DATE -> {
                var date = values.date(text);
                yield date == null ? null : date.toString();
            }
        };
        if (value != null) {
            into.add(new AttributeInput(rule.attribute(), value));
            return null;
        }
        return switch (rule.typeOrText()) {
            case NUMBER -> ImportError.of(row, column, ImportErrorCode.INVALID_NUMBER, quote(text)
                    + " is not a number with decimal separator '" + values.decimalChar() + "'");
            case BOOLEAN -> ImportError.of(row, column, ImportErrorCode.INVALID_BOOLEAN, quote(text)
                    + " is not a yes/no value; allowed: true, false, yes, no, y, n, 1, 0");
            default -> ImportError.of(row, column, ImportErrorCode.INVALID_DATE, quote(text)
                    + " is not an ISO-8601 date" + values.patternHint());
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Class enumClass(ImportField field) {
        return field.enumType();
    }


    static String quote(String text) {
        return "'" + (text.length() > 60 ? text.substring(0, 60) + "…" : text) + "'";
    }
}
