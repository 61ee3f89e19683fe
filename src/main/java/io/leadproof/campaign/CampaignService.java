package io.leadproof.campaign;

import io.leadproof.common.UserErrorCode;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.leadproof.common.InputProblems;
import io.leadproof.campaign.CampaignTypes.CampaignView;
import io.leadproof.common.NodeId;
import io.leadproof.common.RequestReads;
import io.leadproof.common.UserError;
import io.leadproof.lead.LeadSource;
import io.leadproof.security.CurrentWorkspace;
import io.leadproof.workspace.WorkspaceService;

/** Owns campaign and cost transactions. */
@ApplicationScoped
public class CampaignService {

    public record Result<T>(T value, List<UserError> userErrors) {
    }

    @Inject
    Clock clock;
    @Inject
    CurrentWorkspace workspace;
    @Inject
    WorkspaceService workspaces;
    @Inject
    RequestReads reads;

    @Transactional
    public Result<Campaign> create(CampaignTypes.CreateInput in) {
        var problems = new InputProblems();
        String name = problems.text(in.name(), 200, "name");
        if (name == null && problems.isEmpty()) {
            problems.add(UserErrorCode.REQUIRED, "name must not be blank", "name");
        }
        if (in.startsOn() != null && in.endsOn() != null && in.endsOn().isBefore(in.startsOn())) {
            problems.add(UserErrorCode.INVALID_RANGE, "endsOn must not be before startsOn", "endsOn");
        }
        if (name != null && Campaign.count("name", name) > 0) {
            problems.add(UserErrorCode.TAKEN, "a campaign named '" + name + "' already exists", "name");
        }
        if (!problems.isEmpty()) {
            return new Result<>(null, problems.errors());
        }
        var campaign = Campaign.launch(name, in.channel(), in.startsOn(), in.endsOn(), clock.instant());
        campaign.persist();
        return new Result<>(campaign, List.of());
    }

    @Transactional
    public Result<CampaignCost> recordCost(CampaignTypes.CostInput in) {
        var problems = new InputProblems();
        UUID campaignId = NodeId.parse("Campaign", in.campaignId());
        Optional<Campaign> campaign = campaignId == null ? Optional.empty() : find(campaignId);
        if (campaign.isEmpty()) {
            problems.add(UserErrorCode.NOT_FOUND, "campaignId names no campaign of this workspace", "campaignId");
        }
        String reporting = workspaces.current().reportingCurrency();
        BigDecimal amount = problems.amount(in.amount().amount(), reporting, "amount");
        if (!reporting.equals(in.amount().currency())) {
            problems.add(UserErrorCode.CURRENCY_MISMATCH, "costs are recorded in the workspace's reporting currency " + reporting
                    + "; convert before recording", "amount");
        }
        String note = problems.text(in.note(), 500, "note");
        if (!problems.isEmpty()) {
            return new Result<>(null, problems.errors());
        }
        var cost = campaign.get().recordCost(in.incurredOn(), amount, reporting, note, workspace.actor(), clock.instant());
        cost.persist();
        return new Result<>(cost, List.of());
    }

    public Optional<Campaign> find(UUID id) {
        return Campaign.find("id", id).firstResultOptional();
    }

    public Set<UUID> existingIds(Collection<UUID> ids) {
        return findAll(ids).keySet();
    }

    public Map<UUID, Campaign> findAll(Collection<UUID> ids) {
        Map<UUID, Campaign> result = new HashMap<>();
        if (!ids.isEmpty()) {
            Campaign.<Campaign>list("id in ?1", Set.copyOf(ids)).forEach(c -> result.put(c.id(), c));
        }
        return result;
    }

    public long count() {
        return Campaign.count();
    }

    /** Campaigns by id as the API shows them, read in the request's read transaction ({@link RequestReads}). */
    public Map<UUID, CampaignView> views(Collection<UUID> ids) {
        Map<UUID, CampaignView> result = new HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        String ws = workspace.id();
        return reads.read(c -> {
            try (var ps = c.prepareStatement("select id, name, channel, starts_on, ends_on, created_at from campaign"
                    + " where workspace_id = ? and id = any(?)")) {
                ps.setString(1, ws);
                ps.setArray(2, c.createArrayOf("uuid", Set.copyOf(ids).toArray()));
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        UUID id = rs.getObject(1, UUID.class);
                        result.put(id, new CampaignView(NodeId.of("Campaign", id), rs.getString(2), LeadSource.valueOf(rs.getString(3)),
                                rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class),
                                rs.getObject(6, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC), id));
                    }
                }
            }
            return result;
        });
    }

    public List<Campaign> page(int first, String afterName) {
        return afterName == null
                ? Campaign.<Campaign>find("order by name, id").page(0, first + 1).list()
                : Campaign.<Campaign>find("name > ?1 order by name, id", afterName).page(0, first + 1).list();
    }

    /** Total recorded spend per campaign, in one statement. */
    public Map<UUID, BigDecimal> totalCosts(Collection<UUID> campaignIds) {
        if (campaignIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = CampaignCost.getEntityManager()
                .createQuery("select c.campaignId, sum(c.amount) from CampaignCost c where c.campaignId in :ids group by c.campaignId",
                        Object[].class)
                .setParameter("ids", Set.copyOf(campaignIds)).getResultList();
        return rows.stream().collect(Collectors.toMap(r -> (UUID) r[0], r -> (BigDecimal) r[1]));
    }

    /** One more than {@code first} cost entries after the keyset (day, id), newest first. */
    public List<CampaignCost> costPage(UUID campaignId, int first, LocalDate afterDay, UUID afterId) {
        return afterDay == null
                ? CampaignCost.<CampaignCost>find("campaignId = ?1 order by incurredOn desc, id desc", campaignId).page(0, first + 1).list()
                : CampaignCost.<CampaignCost>find("campaignId = ?1 and (incurredOn < ?2 or (incurredOn = ?2 and id < ?3))"
                        + " order by incurredOn desc, id desc", campaignId, afterDay, afterId).page(0, first + 1).list();
    }

    public long costCount(UUID campaignId) {
        return CampaignCost.count("campaignId", campaignId);
    }

    public List<CampaignCost> costs(UUID campaignId, int first) {
        return CampaignCost.<CampaignCost>find("campaignId = ?1 order by incurredOn desc, id desc", campaignId)
                .page(0, first).list();
    }
}
