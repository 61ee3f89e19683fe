package io.leadproof.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.leadproof.campaign.Campaign;
import io.leadproof.campaign.CampaignService;
import io.leadproof.campaign.CampaignTypes;
import io.leadproof.common.Decimal;
import io.leadproof.handoff.SalesReps;
import io.leadproof.lead.ActivityService;
import io.leadproof.lead.LeadService;
import io.leadproof.lead.LeadSource;
import io.leadproof.security.Roles;
import io.leadproof.security.WorkspaceScope;
import io.leadproof.workspace.WorkspaceMembers;
import io.quarkus.runtime.StartupEvent;

/**
 * Seeds the two demo workspaces of the Keycloak realm (acme, globex) when
 * {@code leadproof.demo.enabled} is true. Idempotent: leads and activities carry fixed external
 * and event ids, so a restart updates rather than duplicates.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    /** Past deals per demo workspace (docs/evidence.md, "Importing deal history"). */
    static final int HISTORY_DEALS = 120;

    @ConfigProperty(name = "leadproof.demo.enabled")
    boolean enabled;
    @Inject
    WorkspaceScope scope;
    @Inject
    CampaignService campaigns;
    @Inject
    LeadService leads;
    @Inject
    ActivityService activities;
    @Inject
    SalesReps salesReps;
    @Inject
    WorkspaceMembers members;
    @Inject
    Clock clock;
    @Inject
    io.leadproof.handoff.DealsImportService dealsImport;
    @Inject
    io.leadproof.workspace.WorkspaceService workspaces;

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        // Startup observers run in a request context; workspace jobs need one of their own.
        Thread seeding = Thread.ofPlatform().name("demo-seed").start(this::seedAll);
        try {
            seeding.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The demo of `make run`: the realm's two workspaces (src/main/keycloak/leadproof-realm.json). The README's examples
     * run against it (DocExamplesTest), so what a new user reads is what they get.
     */
    public void seedAll() {
        seed("acme", 260, 11L, "sam.sales", "Sam Sales", "sue.sales", "Sue Sales");
        seed("globex", 90, 23L, "greg.sales", "Greg Sales");
    }

    /**
     * reps: user name, display name, ... — the realm's sales users, registered first so that handoffs get owners. A rep
     * must be a member with the sales role; the demo's realm file (src/main/keycloak/leadproof-realm.json) says these
     * users are, so they are recorded as members the way their first sign-in would record them.
     */
    void seed(String workspace, int leadCount, long seed, String... reps) {
        scope.run(workspace, () -> {
            for (int i = 0; i < reps.length; i += 2) {
                members.signedIn(workspace, reps[i], List.of(Roles.SALES));
                salesReps.upsert(reps[i], reps[i + 1], null);
            }
            var generator = new DemoGenerator(seed, clock.instant());
            Map<String, UUID> campaignIds = new HashMap<>();
            for (var plan : DemoGenerator.CAMPAIGNS) {
                campaignIds.put(plan.name(), ensureCampaign(plan.name(), plan.channel(), plan.monthlyCost()));
            }
            var batch = generator.leads(workspace, leadCount, campaignIds);
            for (int from = 0; from < batch.size(); from += LeadService.IMPORT_CAP) {
                var outcome = leads.upsert(batch.subList(from, Math.min(batch.size(), from + LeadService.IMPORT_CAP)));
                outcome.userErrors().forEach(e -> LOG.warnf("demo lead rejected: %s", e));
            }
            var events = generator.activities(workspace, batch);
            for (int from = 0; from < events.size(); from += ActivityService.BATCH_CAP) {
                var outcome = activities.record(events.subList(from, Math.min(events.size(), from + ActivityService.BATCH_CAP)));
                outcome.userErrors().forEach(e -> LOG.warnf("demo activity rejected: %s", e));
            }
            long started = System.nanoTime();
            int deals = history(workspace, seed, reps);
            LOG.infof("demo workspace %s: %d leads, %d activities, %d campaigns, %d past deals (history in %d ms)", workspace, batch.size(),
                    events.size(), campaignIds.size(), deals, (System.nanoTime() - started) / 1_000_000);
        });
    }

    /** Six months of deal history through dealsImport, once (a restart finds it imported). */
    private int history(String workspace, long seed, String... reps) {
        if (dealsImport.importedCount() > 0) {
            return 0;
        }
        var owners = new java.util.ArrayList<String>();
        for (int i = 0; i < reps.length; i += 2) {
            owners.add(reps[i]);
        }
        var deals = new DemoHistory(seed, clock.instant(), workspaces.current().reportingCurrency()).deals(workspace, HISTORY_DEALS, owners);
        var historyLeads = deals.stream().map(DemoHistory.Deal::lead).toList();
        for (int from = 0; from < historyLeads.size(); from += LeadService.IMPORT_CAP) {
            leads.upsert(historyLeads.subList(from, Math.min(historyLeads.size(), from + LeadService.IMPORT_CAP)))
                    .userErrors().forEach(e -> LOG.warnf("demo history lead rejected: %s", e));
        }
        long leadsDone = System.nanoTime();
        var outcome = dealsImport.importDeals(deals.stream().map(DemoHistory.Deal::deal).toList());
        LOG.infof("demo history of %s: deals imported in %d ms", workspace, (System.nanoTime() - leadsDone) / 1_000_000);
        outcome.userErrors().forEach(e -> LOG.warnf("demo deal rejected: %s", e));
        return outcome.handoffs().size();
    }

    private UUID ensureCampaign(String name, LeadSource channel, int monthlyCost) {
        var existing = Campaign.<Campaign>find("name", name).firstResultOptional();
        if (existing.isPresent()) {
            return existing.get().id();
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        var created = campaigns.create(new CampaignTypes.CreateInput(name, channel, today.minusMonths(6), null)).value();
        for (int month = 6; month >= 0; month--) {
            campaigns.recordCost(new CampaignTypes.CostInput(io.leadproof.common.NodeId.of("Campaign", created.id()),
                    today.minusMonths(month).withDayOfMonth(1),
                    new io.leadproof.common.MoneyInput(new Decimal(monthlyCost + ".00"), "USD"), "monthly invoice"));
        }
        return created.id();
    }
}
