package io.leadproof.criteria;

import io.leadproof.common.UserErrorCode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.leadproof.common.InputProblems;
import io.leadproof.common.UserError;
import io.leadproof.scoring.engine.CriteriaValidator;
import io.leadproof.scoring.engine.CriteriaVersionSpec;
import io.leadproof.scoring.engine.RuleViolation;
import io.leadproof.scoring.engine.Thresholds;

/** Checks one rule input: sizes and shape here, meaning (fields, operators, windows, caps) in the engine's validator. */
final class RuleChecks {

    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private RuleChecks() {
    }

    static List<UserError> check(RuleDefinition d) {
        var problems = new InputProblems("rule");
        if (d.key() == null || !KEY.matcher(d.key()).matches()) {
            problems.add(UserErrorCode.INVALID_KEY, "key must match " + KEY.pattern(), "key");
        }
        problems.text(d.label(), 120, "label");
        problems.text(d.customKey(), 64, "customKey");
        problems.text(d.contentTag(), 100, "contentTag");
        if (d.values() != null) {
            if (d.values().size() > 100) {
                problems.add(UserErrorCode.TOO_MANY, "at most 100 values", "values");
            }
            d.values().forEach(v -> problems.text(v, 200, "values"));
        }
        problems.range(d.windowDays(), 1, 3650, "windowDays");
        if (!problems.isEmpty()) {
            return problems.errors();
        }
        var violations = new ArrayList<RuleViolation>();
        var rule = RuleDefinitions.toEngine(d, violations);
        if (rule != null) {
            violations.addAll(CriteriaValidator.validate(new CriteriaVersionSpec("check", List.of(rule), Thresholds.mql(0))));
        }
        return violations.stream().map(RuleChecks::toUserError).toList();
    }

    /** Engine paths (["rules","0","when","operator"]) become input paths (["rule","operator"]). */
    private static UserError toUserError(RuleViolation v) {
        var path = new ArrayList<String>();
        path.add("rule");
        var engine = v.path();
        int from = engine.size() >= 2 && engine.getFirst().equals("rules") ? 2 : 0;
        for (String segment : engine.subList(from, engine.size())) {
            switch (segment) {
                case "when" -> {
                }
                case "window" -> path.add("windowDays");
                case "halfLife" -> path.add("halfLifeDays");
                default -> path.add(segment);
            }
        }
        return new UserError(List.copyOf(path), v.message(), v.code());
    }
}
