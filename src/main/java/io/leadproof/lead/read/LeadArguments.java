package io.leadproof.lead.read;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.language.Argument;
import graphql.language.Field;

import io.leadproof.common.OrderDirection;
import io.leadproof.lead.LeadFilter;
import io.leadproof.lead.LeadOrder;
import io.leadproof.lead.LeadSource;
import io.leadproof.lead.LifecycleStage;
import io.leadproof.lead.Seniority;

/** The arguments of {@code leads} and {@code lead} as the general path's input records; what they do not model is unsupported. */
final class LeadArguments {

    private static final Set<String> FILTER_KEYS = Set.of("stages", "sources", "seniorities", "campaignId", "ownerId", "country");

    private LeadArguments() {
    }

    static Map<String, Object> of(Field field, Map<String, Object> variables, Set<String> known) {
        var args = new HashMap<String, Object>();
        for (Argument a : field.getArguments()) {
            if (!known.contains(a.getName())) {
                throw new AstValues.Unsupported("argument " + a.getName());
            }
            args.put(a.getName(), AstValues.of(a.getValue(), variables));
        }
        return args;
    }

    static LeadOrder order(Object value) {
        if (value == null) {
            return LeadOrder.DEFAULT;
        }
        var map = (Map<?, ?>) value;
        return new LeadOrder(LeadOrder.Field.valueOf((String) map.get("field")), OrderDirection.valueOf((String) map.get("direction")));
    }

    static LeadFilter filter(Object value) {
        if (value == null) {
            return null;
        }
        var map = (Map<?, ?>) value;
        for (var e : map.entrySet()) {
            if (e.getValue() != null && !FILTER_KEYS.contains((String) e.getKey())) {
                throw new AstValues.Unsupported("filter." + e.getKey());
            }
        }
        return new LeadFilter(enums(map.get("stages"), LifecycleStage.class), enums(map.get("sources"), LeadSource.class),
                (String) map.get("campaignId"), (String) map.get("ownerId"), enums(map.get("seniorities"), Seniority.class),
                (String) map.get("country"), null, null, null, null, null);
    }

    private static <E extends Enum<E>> List<E> enums(Object value, Class<E> type) {
        var list = AstValues.list(value);
        return list == null ? null : list.stream().map(v -> v == null ? null : Enum.valueOf(type, (String) v)).toList();
    }
}
