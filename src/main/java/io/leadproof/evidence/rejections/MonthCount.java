package io.leadproof.evidence.rejections;

import java.time.YearMonth;

/** One month of a trend: rejections (of a reason or category) among the handoffs of that month. */
public record MonthCount(YearMonth month, int rejected, int handoffs, Double rate) {
}
