package io.leadproof.common;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Set;

/**
 * The one policy for every amount input (docs/limits.md, "Amounts"): campaign costs, won deals, a lead's annual
 * revenue and budget — all in the workspace's reporting currency. An amount is not negative, has no more decimals than
 * the currency has minor units (at most 2, as stored), and is at most the currency's maximum: 10^12 units, or 10^15
 * for the currencies whose unit is worth less than a US cent (an annual revenue of a trillion dollars, or yen, is
 * not a typo; 10^15 dollars is).
 */
public final class Amounts {

    static final BigDecimal MAXIMUM = BigDecimal.TEN.pow(12);
    static final BigDecimal SMALL_UNIT_MAXIMUM = BigDecimal.TEN.pow(15);
    /** Currencies whose unit is worth less than a US cent (ISO 4217 codes). */
    static final Set<String> SMALL_UNITS = Set.of("BIF", "CLP", "COP", "GNF", "HUF", "IDR", "IQD", "IRR", "JPY", "KHR", "KMF",
            "KPW", "KRW", "LAK", "LBP", "MGA", "MMK", "MNT", "PYG", "RWF", "SLE", "SLL", "SOS", "SYP", "TZS", "UGX", "UZS", "VES",
            "VND", "XAF", "XOF", "YER");

    private Amounts() {
    }

    public static BigDecimal maximum(String currency) {
        return currency != null && SMALL_UNITS.contains(currency) ? SMALL_UNIT_MAXIMUM : MAXIMUM;
    }

    /** Decimal places the currency allows: its ISO 4217 minor units, at most 2. */
    public static int decimals(String currency) {
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? 2 : Math.min(2, digits);
        } catch (IllegalArgumentException | NullPointerException e) {
            return 2;
        }
    }
}
