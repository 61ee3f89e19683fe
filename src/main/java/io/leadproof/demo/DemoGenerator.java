package io.leadproof.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.leadproof.common.Decimal;
import io.leadproof.common.NodeId;
import io.leadproof.lead.ActivityType;
import io.leadproof.lead.ActivityTypes.ActivityInput;
import io.leadproof.lead.Authority;
import io.leadproof.lead.BudgetStatus;
import io.leadproof.lead.FunnelStage;
import io.leadproof.lead.LeadInput;
import io.leadproof.lead.LeadSource;
import io.leadproof.lead.Need;
import io.leadproof.lead.Timeline;

/** Deterministic, plausible demo leads and behaviours for a workspace. */
final class DemoGenerator {

    record CampaignPlan(String name, LeadSource channel, int monthlyCost) {
    }

    static final List<CampaignPlan> CAMPAIGNS = List.of(
            new CampaignPlan("Search – Pipeline Analytics", LeadSource.PAID_SEARCH, 4200),
            new CampaignPlan("LinkedIn – RevOps Leaders", LeadSource.PAID_SOCIAL, 3100),
            new CampaignPlan("Webinar – Fixing Lead Handoffs", LeadSource.EVENT, 1500),
            new CampaignPlan("Newsletter", LeadSource.EMAIL, 300));

    private static final String[] FIRST = { "Ada", "Grace", "Alan", "Linus", "Barbara", "Ken", "Margaret", "Dennis",
            "Frances", "Edsger", "Radia", "Tim", "Shafi", "Leslie", "Donald", "Katherine" };
    private static final String[] LAST = { "Lovelace", "Hopper", "Turing", "Torvalds", "Liskov", "Thompson", "Hamilton",
            "Ritchie", "Allen", "Dijkstra", "Perlman", "Berners-Lee", "Goldwasser", "Lamport", "Knuth", "Johnson" };
    private static final String[] TITLES = { "Chief Revenue Officer", "CEO", "VP Marketing", "VP Sales", "Director of Demand Generation",
            "Head of Revenue Operations", "Marketing Manager", "Sales Operations Manager", "Account Executive",
            "Data Analyst", "Student", "Marketing Intern", "Software Engineer", "Founder" };
    private static final String[] COMPANIES = { "Northwind", "Contoso", "Fabrikam", "Tailspin", "Wingtip", "Litware",
            "Adventure Works", "Proseware", "Fourth Coffee", "Woodgrove", "Lucerne Publishing", "Trey Research" };
    /**
     * The documentation domains Microsoft keeps for these fictitious companies. Not RFC 2606 names ({@code .example}):
     * the data-quality checks rightly call those test values (INVALID) and the default model knocks INVALID leads out,
     * which would empty the demo's funnel (docs/data-quality.md, "Criteria on data quality").
     */
    private static final Map<String, String> DOMAINS = Map.ofEntries(Map.entry("Northwind", "northwindtraders.com"),
            Map.entry("Contoso", "contoso.com"), Map.entry("Fabrikam", "fabrikam.com"), Map.entry("Tailspin", "tailspintoys.com"),
            Map.entry("Wingtip", "wingtiptoys.com"), Map.entry("Litware", "litwareinc.com"),
            Map.entry("Adventure Works", "adventure-works.com"), Map.entry("Proseware", "proseware.com"),
            Map.entry("Fourth Coffee", "fourthcoffee.com"), Map.entry("Woodgrove", "woodgrovebank.com"),
            Map.entry("Lucerne Publishing", "lucernepublishing.com"), Map.entry("Trey Research", "treyresearch.net"));
    private static final String[] INDUSTRIES = { "Software", "Financial Services", "Manufacturing", "Healthcare", "Retail", "Education" };
    private static final String[] COUNTRIES = { "US", "GB", "DE", "FR", "NL", "CA", "AU", "SE" };

    private final Random random;
    private final Instant now;

    DemoGenerator(long seed, Instant now) {
        this.random = new Random(seed);
        this.now = now;
    }

    List<LeadInput> leads(String workspace, int count, Map<String, UUID> campaigns) {
        var names = campaigns.keySet().stream().sorted().toList();
        var result = new ArrayList<LeadInput>(count);
        for (int i = 0; i < count; i++) {
            String first = pick(FIRST);
            String last = pick(LAST);
            String company = pick(COMPANIES);
            String domain = DOMAINS.get(company);
            UUID campaign = random.nextInt(4) == 0 ? null : campaigns.get(names.get(random.nextInt(names.size())));
            result.add(new LeadInput(workspace + "-demo-" + i,
                    (first + "." + last + i).toLowerCase().replace("-", "") + "@" + domain, first, last, null,
                    company, domain, new Decimal((random.nextInt(500) + 1) * 100_000 + ".00"), 10 + random.nextInt(5000),
                    pick(INDUSTRIES), pick(TITLES), pick(COUNTRIES), pick(LeadSource.values()),
                    campaign == null ? null : NodeId.of("Campaign", campaign),
                    pick(BudgetStatus.values()), null, pick(Authority.values()), pick(Need.values()), pick(Timeline.values()),
                    null, null, now.minus(Duration.ofHours(random.nextInt(180 * 24))).atOffset(ZoneOffset.UTC), null));
        }
        return result;
    }

    /** Behaviours only: the demo's leads show what people do (a bounce is a fact about the address). */
    private static final ActivityType[] BEHAVIOURS = java.util.Arrays.stream(ActivityType.values())
            .filter(ActivityType::isEngagement).toArray(ActivityType[]::new);

    List<ActivityInput> activities(String workspace, List<LeadInput> leads) {
        var result = new ArrayList<ActivityInput>();
        for (LeadInput lead : leads) {
            int n = random.nextInt(9);
            Instant created = lead.createdAt().toInstant();
            long spanSeconds = Math.max(60, Duration.between(created, now).getSeconds());
            for (int k = 0; k < n; k++) {
                var type = pick(BEHAVIOURS);
                result.add(new ActivityInput(lead.externalId() + "-evt-" + k, null, lead.externalId(), null, type,
                        stageOf(type), type == ActivityType.EBOOK_DOWNLOAD ? "state-of-revops-2026" : null,
                        created.plusSeconds((long) (random.nextDouble() * spanSeconds)).atOffset(ZoneOffset.UTC), null));
            }
        }
        return result;
    }

    private static FunnelStage stageOf(ActivityType type) {
        return switch (type) {
            case EBOOK_DOWNLOAD, PAGE_VIEW, EMAIL_OPENED, EMAIL_CLICKED -> FunnelStage.TOFU;
            case WEBINAR_REGISTERED, WEBINAR_ATTENDED, EVENT_ATTENDED, FORM_SUBMITTED -> FunnelStage.MOFU;
            case PRICING_PAGE_VIEW, DEMO_REQUESTED, TRIAL_STARTED, CONTACT_REQUESTED -> FunnelStage.BOFU;
            case UNSUBSCRIBED, EMAIL_BOUNCED -> null;
        };
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
