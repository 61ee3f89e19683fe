package io.leadproof.evidence.predict;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The features of a model: fitted once on the training leads (vocabularies, typing, scaling), then
 * applied identically at training, evaluation and prediction. Feature names are derived from the
 * dimensions in sorted order, so a stored {@link ModelForm} rebuilds exactly the same space.
 */
final class FeatureSpace {
    static final String OTHER = "*other";
    static final String UNKNOWN = "unknown";

    private final Map<String, DimSpec> dims;
    private final List<String> names = new ArrayList<>();
    private final List<String> groups = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();

    FeatureSpace(Map<String, DimSpec> dims) {
        this.dims = new TreeMap<>(dims);
        this.dims.forEach((dim, spec) -> {
            switch (spec.kind()) {
                case CATEGORY -> {
                    spec.vocabulary().forEach(v -> add(dim + "=" + v, dim));
                    if (spec.hasOther()) {
                        add(dim + "=" + OTHER, dim);
                    }
                }
                case NUMBER -> {
                    add(dim, dim);
                    if (spec.hasUnknown()) {
                        add(dim + "=" + UNKNOWN, dim);
                    }
                }
                case COUNT -> add(dim, dim.startsWith("activity:") ? dim.substring(0, dim.lastIndexOf(':')) : dim);
            }
        });
    }

    private void add(String name, String group) {
        index.put(name, names.size());
        names.add(name);
        groups.add(group);
    }

    static FeatureSpace fit(List<RawFeatures> training, int minSupport, int maxValues) {
        Map<String, Map<String, Integer>> categories = new TreeMap<>();
        Map<String, List<Double>> numbers = new TreeMap<>();
        Map<String, Boolean> allNumeric = new HashMap<>();
        Map<String, double[]> countSums = new TreeMap<>();
        for (RawFeatures raw : training) {
            raw.values().forEach((dim, value) -> allNumeric.merge(dim, value instanceof Double, Boolean::logicalAnd));
        }
        for (RawFeatures raw : training) {
            raw.values().forEach((dim, value) -> {
                if (allNumeric.get(dim)) {
                    numbers.computeIfAbsent(dim, d -> new ArrayList<>()).add((Double) value);
                } else {
                    for (String v : categoryValues(raw, dim, value)) {
                        categories.computeIfAbsent(dim, d -> new HashMap<>()).merge(v, 1, Integer::sum);
                    }
                }
            });
            raw.counts().forEach((dim, value) -> {
                double[] sums = countSums.computeIfAbsent(dim, d -> new double[2]);
                sums[0] += value;
                sums[1] += value * value;
            });
        }
        Map<String, DimSpec> dims = new TreeMap<>();
        categories.forEach((dim, counts) -> {
            List<String> vocabulary = counts.entrySet().stream().filter(e -> e.getValue() >= minSupport)
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(maxValues).map(Map.Entry::getKey).sorted().toList();
            dims.put(dim, new DimSpec(DimSpec.Kind.CATEGORY, vocabulary, vocabulary.size() < counts.size(), false, 0, 1));
        });
        numbers.forEach((dim, values) -> {
            double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            double var = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / values.size();
            dims.put(dim, new DimSpec(DimSpec.Kind.NUMBER, List.of(), false, values.size() < training.size(), mean,
                    var > 0 ? Math.sqrt(var) : 1));
        });
        countSums.forEach((dim, sums) -> {
            double mean = sums[0] / training.size();
            double var = sums[1] / training.size() - mean * mean;
            dims.put(dim, new DimSpec(DimSpec.Kind.COUNT, List.of(), false, false, mean, var > 1e-12 ? Math.sqrt(var) : 1));
        });
        return new FeatureSpace(dims);
    }

    /** The values a categorical dimension takes for a lead: a list's elements, a number as shown. */
    private static List<String> categoryValues(RawFeatures raw, String dim, Object value) {
        return switch (value) {
            case List<?> list -> list.stream().map(String::valueOf).toList();
            case Double ignored -> List.of(raw.shown().get(dim));
            default -> List.of(String.valueOf(value));
        };
    }

    /** The lead's feature vector, dense, in {@link #names()} order. */
    double[] vector(RawFeatures raw) {
        double[] x = new double[names.size()];
        for (Plan plan : plans()) {
            Object value = raw.values().get(plan.dim);
            switch (plan.spec.kind()) {
                case CATEGORY -> {
                    if (value != null) {
                        for (String v : categoryValues(raw, plan.dim, value)) {
                            Integer slot = plan.slots.get(v);
                            int at = slot != null ? slot : plan.other;
                            if (at >= 0) {
                                x[at] = 1;
                            }
                        }
                    }
                }
                case NUMBER -> {
                    if (value instanceof Double number) {
                        x[plan.value] = (number - plan.spec.mean()) / plan.spec.sd();
                    } else if (plan.other >= 0) {
                        x[plan.other] = 1;
                    }
                }
                case COUNT -> x[plan.value] = (raw.counts().getOrDefault(plan.dim, 0.0) - plan.spec.mean()) / plan.spec.sd();
            }
        }
        return x;
    }

    /**
     * Where each dimension's values land in the vector, resolved once (a prediction per lead must not build and hash
     * "dim=value" strings): CATEGORY slots by value and the "*other" slot, NUMBER its slot and the "unknown" one, COUNT its slot.
     */
    private record Plan(String dim, DimSpec spec, Map<String, Integer> slots, int value, int other) {
    }

    private List<Plan> plans;

    private List<Plan> plans() {
        List<Plan> result = plans;
        if (result == null) {
            result = new ArrayList<>();
            for (var e : dims.entrySet()) {
                String dim = e.getKey();
                DimSpec spec = e.getValue();
                Map<String, Integer> slots = new HashMap<>();
                spec.vocabulary().forEach(v -> slots.put(v, index.get(dim + "=" + v)));
                int value = index.getOrDefault(dim, -1);
                int other = index.getOrDefault(dim + "=" + (spec.kind() == DimSpec.Kind.CATEGORY ? OTHER : UNKNOWN), -1);
                result.add(new Plan(dim, spec, slots, value, other));
            }
            plans = List.copyOf(result);
        }
        return result;
    }

    List<String> names() {
        return names;
    }

    /** The factor a feature belongs to: its dimension (behaviour features by activity type × stage). */
    String group(int feature) {
        return groups.get(feature);
    }

    Map<String, DimSpec> dims() {
        return dims;
    }

}
