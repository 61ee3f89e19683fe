package io.leadproof.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bots fill forms and click links too; their activities must not score. */
class BotCheckTest {

    private static final BotCheck CHECK = new BotCheck(BotRules.defaults().withBurst(5, Duration.ofSeconds(10)));
    private static final Instant T = Instant.parse("2024-05-02T10:00:00.123Z");

    private static ActivitySignal at(String id, Instant when) {
        return new ActivitySignal(id, when, Map.of());
    }

    @Test
    void aPersonsPaceIsNotFlagged() {
        var visits = new ArrayList<ActivitySignal>();
        for (int i = 0; i < 30; i++) {
            visits.add(at("v" + i, T.plusSeconds(4L * i)));
        }
        assertThat(CHECK.check(visits)).isEqualTo(new BotVerdict(Map.of(), QualityReport.VALID));
    }

    @Test
    void fiveEventsWithinTenSecondsAreABurstAndAllOfThemAreFlagged() {
        var events = new ArrayList<ActivitySignal>();
        events.add(at("before", T.minusSeconds(60)));
        for (int i = 0; i < 5; i++) {
            events.add(at("b" + i, T.plusMillis(2500L * i)));
        }
        events.add(at("after", T.plusSeconds(300)));

        BotVerdict verdict = CHECK.check(events);

        assertThat(verdict.flagged()).containsOnlyKeys("b0", "b1", "b2", "b3", "b4").containsValue(BotReason.BURST);
        assertThat(verdict.report().issues()).containsExactly(new QualityIssue(QualityCode.BOT_ACTIVITY, "activities",
                "5 of 7 activities look automated (5 burst)"));
        assertThat(verdict.report().status()).isEqualTo(QualityStatus.SUSPECT);
    }

    @Test
    void manyEventsAtTheVeryInstantAreAFloodButDateOnlyImportsAreNot() {
        var flood = new ArrayList<ActivitySignal>();
        var imported = new ArrayList<ActivitySignal>();
        var slowCheck = new BotCheck(BotRules.defaults());
        for (int i = 0; i < 5; i++) {
            flood.add(at("f" + i, T));
            imported.add(at("i" + i, Instant.parse("2024-05-02T00:00:00Z")));
        }
        assertThat(slowCheck.check(flood).flagged()).hasSize(5).containsValue(BotReason.TIMESTAMP_FLOOD);
        assertThat(slowCheck.check(imported).flagged()).isEmpty();
        assertThat(CHECK.check(imported).flagged()).as("nor a burst").isEmpty();
    }

    @Test
    void aFilledHoneypotFieldGivesTheBotAway() {
        var human = new ActivitySignal("h", T, Map.of("honeypot", "", "company", "Acme"));
        var bot = new ActivitySignal("b", T.plusSeconds(60), Map.of("_gotcha", "http://spam.example"));

        BotVerdict verdict = CHECK.check(List.of(human, bot));

        assertThat(verdict.flagged()).isEqualTo(Map.of("b", BotReason.HONEYPOT));
        assertThat(verdict.isFlagged("h")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)", "curl/8.4.0",
            "python-requests/2.31.0", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0 Safari/537.36",
            "facebookexternalhit/1.1", "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)", "Scrapy/2.11"})
    void crawlerUserAgentsAreFlagged(String userAgent) {
        var visit = new ActivitySignal("v", T, Map.of("userAgent", userAgent));
        assertThat(CHECK.check(List.of(visit)).flagged()).isEqualTo(Map.of("v", BotReason.CRAWLER_AGENT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Linux; Android 10; CUBOT X30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36"})
    void browsersOfPeopleAreNot(String userAgent) {
        var visit = new ActivitySignal("v", T, Map.of("USER_AGENT", userAgent));
        assertThat(CHECK.check(List.of(visit)).flagged()).isEmpty();
    }
}
