package io.leadproof.lead;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Derives seniority from a free-text job title; first matching level wins, most senior first. */
public final class SeniorityClassifier {

    private record Level(Seniority seniority, Pattern pattern) {
    }

    private static final List<Level> LEVELS = List.of(
            level(Seniority.STUDENT, "\\b(student|intern|internship|trainee|apprentice|graduate|job seeker|looking for)\\b"),
            level(Seniority.C_LEVEL, "\\b(c[a-z]o|chief|founder|co-founder|cofounder|owner|president|managing director|general manager|partner)\\b"),
            level(Seniority.VP, "\\b(vp|svp|evp|vice president|head of)\\b"),
            level(Seniority.DIRECTOR, "\\b(director|head)\\b"),
            level(Seniority.MANAGER, "\\b(manager|lead|leader|supervisor|team lead)\\b"));

    private static final Pattern VP_WORD = Pattern.compile("\\bvp\\b");

    private SeniorityClassifier() {
    }

    private static Level level(Seniority seniority, String regex) {
        return new Level(seniority, Pattern.compile(regex));
    }

    public static Seniority classify(String jobTitle) {
        if (jobTitle == null || jobTitle.isBlank()) {
            return Seniority.UNKNOWN;
        }
        String title = jobTitle.toLowerCase(Locale.ROOT);
        if (title.contains("vice president") || VP_WORD.matcher(title).find()) {
            return Seniority.VP; // "Vice President" must not read as "President"
        }
        for (Level level : LEVELS) {
            if (level.pattern().matcher(title).find()) {
                return level.seniority();
            }
        }
        return Seniority.INDIVIDUAL_CONTRIBUTOR;
    }
}
