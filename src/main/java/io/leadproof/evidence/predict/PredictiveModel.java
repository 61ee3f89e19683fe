package io.leadproof.evidence.predict;

import io.leadproof.evidence.core.ReferenceLead;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Scores leads with a stored {@link ModelForm}, without Tribuo: probability = σ(intercept + Σ w·x)
 * over the features of the lead at its reference moment. Immutable and thread-safe.
 */
public final class PredictiveModel {
    private static final int FACTORS_PER_SIDE = 3;

    private final ModelForm form;
    private final FeatureSpace space;
    /** Each dimension's factor group, as an index into {@link #groups} (in the order groups first appear). */
    private final int[] groupOf;
    private final String[] groups;
    /** Each group's effect when all its dimensions are 0: Σ −w·mean. Most dimensions are 0 for a lead (one-hot). */
    private final double[] effectsAtZero;

    public PredictiveModel(ModelForm form) {
        this.form = Objects.requireNonNull(form, "form");
        this.space = new FeatureSpace(form.dims());
        if (!space.names().equals(form.featureNames()) || form.weights().length != space.names().size()
                || form.featureMeans().length != space.names().size()) {
            throw new IllegalArgumentException("the model's features do not match its dimensions");
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        groupOf = new int[form.weights().length];
        for (int i = 0; i < groupOf.length; i++) {
            groupOf[i] = index.computeIfAbsent(space.group(i), g -> index.size());
        }
        groups = index.keySet().toArray(String[]::new);
        effectsAtZero = new double[groups.length];
        for (int i = 0; i < groupOf.length; i++) {
            effectsAtZero[groupOf[i]] -= form.weights()[i] * form.featureMeans()[i];
        }
    }

    public ModelForm form() {
        return form;
    }

    public double probability(ReferenceLead lead) {
        return sigmoid(logit(space.vector(raw(lead))));
    }

    public Prediction predict(ReferenceLead lead) {
        RawFeatures raw = raw(lead);
        double[] x = space.vector(raw);
        double probability = sigmoid(logit(x));
        double[] effects = effectsAtZero.clone(); // per group Σ w·(x − mean), adding only the dimensions that are not 0
        for (int i = 0; i < x.length; i++) {
            if (x[i] != 0) {
                effects[groupOf[i]] += form.weights()[i] * x[i];
            }
        }
        List<Factor> up = new ArrayList<>();
        List<Factor> down = new ArrayList<>();
        for (int g = 0; g < groups.length; g++) {
            double effect = effects[g];
            if (Math.abs(effect) > 1e-9) {
                (effect > 0 ? up : down).add(new Factor(groups[g], shown(raw, groups[g]), effect));
            }
        }
        up.sort(Comparator.comparingDouble(Factor::effect).reversed());
        down.sort(Comparator.comparingDouble(Factor::effect));
        Band band = probability >= form.highFrom() ? Band.HIGH : probability >= form.mediumFrom() ? Band.MEDIUM : Band.LOW;
        return new Prediction(probability, band, List.copyOf(up.subList(0, Math.min(FACTORS_PER_SIDE, up.size()))),
                List.copyOf(down.subList(0, Math.min(FACTORS_PER_SIDE, down.size()))), form.modelVersion());
    }

    double logit(double[] x) {
        double z = form.intercept();
        for (int i = 0; i < x.length; i++) {
            z += form.weights()[i] * x[i];
        }
        return z;
    }

    private RawFeatures raw(ReferenceLead lead) {
        return RawFeatures.of(lead, form.firstCallSignals(), form.firstCallWindow());
    }

    private static String shown(RawFeatures raw, String group) {
        String value = raw.shown().get(group);
        if (value != null) {
            return value;
        }
        return group.startsWith("activity:") ? "none" : group.startsWith("firstCall:") ? "not logged" : "unknown";
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
