package io.leadproof.lead.read;

import java.math.BigDecimal;
import java.math.BigInteger;

import jakarta.json.JsonNumber;

/**
 * The {@code data} PostgreSQL built, handed to SmallRye as it is: SmallRye puts a JSON-P value of the result into its
 * response object unchanged, and Parsson's writer writes a {@link JsonNumber} as its {@code toString()} text, so this
 * value is written verbatim — no parse into a {@code JsonObject} and no re-serialisation of every key and value. It is
 * a number only to the writer: nothing reads it as one ({@link #bigDecimalValue()} and the like refuse).
 *
 * <p>PostgreSQL's {@code json_build_object} and {@code json_agg} put spaces and line breaks between tokens;
 * {@link #compact} takes them out, so the bytes are the general path's (Parsson writes JSON without whitespace, escapes
 * the same characters as PostgreSQL — {@code "} {@code \} and control characters — and leaves the rest, {@code /} and
 * non-ASCII included, as they are). {@code RawJsonTest} holds Parsson to this.
 */
final class RawJson implements JsonNumber {

    private final String json;

    private RawJson(String json) {
        this.json = json;
    }

    /** PostgreSQL's JSON text of one value, whitespace between tokens removed. */
    static RawJson of(String postgresJson) {
        return new RawJson(compact(postgresJson));
    }

    /** The JSON text without whitespace outside strings (inside strings every character stays as it is). */
    static String compact(String json) {
        var out = new StringBuilder(json.length());
        boolean inString = false;
        for (int i = 0, n = json.length(); i < n; i++) {
            char c = json.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\') {
                    out.append(json.charAt(++i)); // the escaped character, a quote included
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                out.append(c);
            } else if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return json;
    }

    @Override
    public ValueType getValueType() {
        return ValueType.NUMBER; // what makes the writer copy toString() as it is
    }

    @Override
    public boolean isIntegral() {
        throw notANumber();
    }

    @Override
    public int intValue() {
        throw notANumber();
    }

    @Override
    public int intValueExact() {
        throw notANumber();
    }

    @Override
    public long longValue() {
        throw notANumber();
    }

    @Override
    public long longValueExact() {
        throw notANumber();
    }

    @Override
    public BigInteger bigIntegerValue() {
        throw notANumber();
    }

    @Override
    public BigInteger bigIntegerValueExact() {
        throw notANumber();
    }

    @Override
    public double doubleValue() {
        throw notANumber();
    }

    @Override
    public BigDecimal bigDecimalValue() {
        throw notANumber();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RawJson raw && raw.json.equals(json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    private static UnsupportedOperationException notANumber() {
        return new UnsupportedOperationException("a compiled read's JSON text, written as it is; not a number");
    }
}
