package io.leadproof.evidence.backtesting;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.leadproof.common.Json;
import io.leadproof.evidence.backtest.BacktestOptions;
import io.leadproof.evidence.core.OutcomeGroup;
import io.leadproof.evidence.core.ReferenceMoment;
import io.leadproof.lead.LeadSource;

/**
 * A validated backtest request, stored with its job (JSON) so that a pod taking the job over replays exactly it.
 *
 * @param from, to             leads created in [from, to)
 * @param moment               how each lead's reference moment is taken
 * @param momentDays           n of CREATED_PLUS_DAYS(n), for leads never handed off (and all leads for CREATED_PLUS_DAYS)
 * @param asOf                 outcomes as of this instant (the request's time by default)
 * @param reps                 reps to share the projected handoffs; null: the distinct owners of the cohort
 * @param good, bad            the outcomes that count as good and as bad leads (default WON; LOST, STALLED, REJECTED)
 */
public record BacktestRequest(
        UUID versionId,
        UUID baselineVersionId,
        Instant from,
        Instant to,
        BacktestMoment moment,
        int momentDays,
        Instant asOf,
        List<UUID> campaignIds,
        List<LeadSource> sources,
        List<UUID> criteriaVersionIds,
        List<String> owners,
        Integer reps,
        int scoreBandWidth,
        OutcomeGroup good,
        OutcomeGroup bad) {

    public static final Duration MAX_WINDOW = Duration.ofDays(5 * 365 + 2);

    public BacktestRequest {
        campaignIds = campaignIds == null ? List.of() : List.copyOf(campaignIds);
        sources = sources == null ? List.of() : List.copyOf(sources);
        criteriaVersionIds = criteriaVersionIds == null ? List.of() : List.copyOf(criteriaVersionIds);
        owners = owners == null ? List.of() : List.copyOf(owners);
        good = good == null ? OutcomeGroup.won() : good; // requests stored before the groups existed
        bad = bad == null ? BacktestOptions.notWon() : bad;
    }

    /** With the default groups: WON good; LOST, STALLED and REJECTED bad. */
    public BacktestRequest(UUID versionId, UUID baselineVersionId, Instant from, Instant to, BacktestMoment moment, int momentDays,
            Instant asOf, List<UUID> campaignIds, List<LeadSource> sources, List<UUID> criteriaVersionIds, List<String> owners,
            Integer reps, int scoreBandWidth) {
        this(versionId, baselineVersionId, from, to, moment, momentDays, asOf, campaignIds, sources, criteriaVersionIds, owners,
                reps, scoreBandWidth, null, null);
    }

    public BacktestOptions options() {
        return new BacktestOptions(span(), reps, scoreBandWidth, good, bad);
    }

    /** The reference moment of the core: AT_HANDOFF (for handed-off leads) or CREATED_PLUS_DAYS(n). */
    public ReferenceMoment referenceMoment() {
        return moment == BacktestMoment.AT_HANDOFF || moment == BacktestMoment.AT_HANDOFF_OR_CREATED_PLUS_DAYS
                ? ReferenceMoment.atHandoff() : ReferenceMoment.createdPlusDays(momentDays);
    }

    /** Whether leads never handed off are replayed too (at CREATED_PLUS_DAYS(n)). */
    public boolean includeNeverHandedOff() {
        return moment != BacktestMoment.AT_HANDOFF;
    }

    public Duration span() {
        return Duration.between(from, to);
    }

    String toJson() {
        try {
            return Json.MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a backtest request is plain data", e);
        }
    }

    static BacktestRequest fromJson(String json) {
        try {
            return Json.MAPPER.readValue(json, BacktestRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable backtest request", e);
        }
    }
}
