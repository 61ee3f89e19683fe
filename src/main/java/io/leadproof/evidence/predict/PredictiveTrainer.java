package io.leadproof.evidence.predict;

import io.leadproof.evidence.core.ReferenceLead;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Trains the predictive score with Tribuo's logistic regression (SGD with AdaGrad, seeded) on the
 * decided leads (WON vs LOST, STALLED, REJECTED), features from {@link RawFeatures} only. The latest
 * {@code holdoutShare} of them by reference moment is held out; the model trained on the rest is the
 * one evaluated and, when its holdout AUC reaches the floor, served. Deterministic for a given cohort
 * order-independent input (leads are sorted by moment, then id) and seed.
 */
public final class PredictiveTrainer {
    private static final Label WON = new Label("WON");
    private static final Label NOT_WON = new Label("NOT_WON");

    private PredictiveTrainer() {
    }

    /** @param trainedAt the moment recorded on the model (the caller's clock; the core has none) */
    public static TrainingOutcome train(List<ReferenceLead> cohort, PredictiveOptions options, String modelVersion,
                                        Instant trainedAt) {
        List<ReferenceLead> decided = new ArrayList<>(cohort.stream()
                .filter(l -> l.outcome() != null && l.outcome().isDecided()).toList());
        decided.sort(Comparator.comparing(ReferenceLead::referenceMoment).thenComparing(ReferenceLead::leadId));
        int won = (int) decided.stream().filter(l -> l.outcome().isWon()).count();
        int notWon = decided.size() - won;
        int moreDecided = Math.max(0, options.minDecided() - decided.size());
        int moreWon = Math.max(0, options.minPerClass() - won);
        int moreNotWon = Math.max(0, options.minPerClass() - notWon);
        if (moreDecided + moreWon + moreNotWon > 0) {
            return new TrainingOutcome(TrainingOutcome.Status.NOT_ENOUGH_DATA, String.format(Locale.ROOT,
                    "%d decided leads (%d won, %d not); a model needs %d decided and %d of each",
                    decided.size(), won, notWon, options.minDecided(), options.minPerClass()),
                    decided.size(), won, notWon, moreDecided, moreWon, moreNotWon, null);
        }
        int holdoutSize = (int) Math.ceil(decided.size() * options.holdoutShare());
        List<ReferenceLead> training = decided.subList(0, decided.size() - holdoutSize);
        List<ReferenceLead> holdout = decided.subList(decided.size() - holdoutSize, decided.size());
        if (classes(training) < 2 || classes(holdout) < 2) {
            return new TrainingOutcome(TrainingOutcome.Status.NOT_ENOUGH_DATA,
                    "the training part or the latest " + holdoutSize + " leads held out hold only one outcome",
                    decided.size(), won, notWon, 0, 0, 0, null);
        }
        List<RawFeatures> trainingRaw = training.stream().map(l -> raw(l, options)).toList();
        FeatureSpace space = FeatureSpace.fit(trainingRaw, options.minValueSupport(), options.maxValuesPerTrait());
        double[][] x = trainingRaw.stream().map(space::vector).toArray(double[][]::new);
        double[] weights = new double[space.names().size()];
        double intercept = fit(space, x, training, options, weights);
        double[] means = new double[weights.length];
        for (double[] row : x) {
            for (int i = 0; i < row.length; i++) {
                means[i] += row[i] / x.length;
            }
        }
        ModelForm draft = new ModelForm(modelVersion, trainedAt, space.dims(), space.names(), weights, intercept, means,
                0, 0, options.includeFirstCallSignals(), options.firstCallWindow(), null, true, null);
        PredictiveModel model = new PredictiveModel(draft);
        double[] trainingP = Arrays.stream(x).mapToDouble(row -> PredictiveModel.sigmoid(model.logit(row))).sorted().toArray();
        double[] holdoutP = holdout.stream().mapToDouble(model::probability).toArray();
        boolean[] holdoutWon = new boolean[holdout.size()];
        for (int i = 0; i < holdoutWon.length; i++) {
            holdoutWon[i] = holdout.get(i).outcome().isWon();
        }
        int trainingWon = (int) training.stream().filter(l -> l.outcome().isWon()).count();
        Evaluation evaluation = Evaluation.of(training.size(), trainingWon, holdoutP, holdoutWon);
        boolean served = evaluation.auc() >= options.aucFloor();
        String reason = served ? null : String.format(Locale.ROOT,
                "holdout AUC %.3f is below the floor %.2f: on the latest %d decided leads the model sorts won deals "
                        + "barely better than chance, so it is kept for the record but not used", evaluation.auc(),
                options.aucFloor(), holdout.size());
        ModelForm form = new ModelForm(modelVersion, trainedAt, space.dims(), space.names(), weights, intercept, means,
                quantile(trainingP, 0.5), quantile(trainingP, 0.8), options.includeFirstCallSignals(),
                options.firstCallWindow(), evaluation, served, reason);
        return new TrainingOutcome(served ? TrainingOutcome.Status.SERVED : TrainingOutcome.Status.NOT_SERVED, reason,
                decided.size(), won, notWon, 0, 0, 0, form);
    }

    /** Tribuo's two-class logistic regression; returns the intercept and fills the weights of WON against NOT_WON. */
    private static double fit(FeatureSpace space, double[][] x, List<ReferenceLead> training, PredictiveOptions options,
                              double[] weights) {
        boolean[] won = new boolean[x.length];
        for (int row = 0; row < x.length; row++) {
            won[row] = training.get(row).outcome().isWon();
        }
        String[] names = space.names().toArray(String[]::new);
        return weightsOf(tribuoModel(names, x, won, options), names, weights);
    }

    static LinearSGDModel tribuoModel(String[] names, double[][] x, boolean[] won, PredictiveOptions options) {
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> dataset = new MutableDataset<>(new SimpleDataSourceProvenance("leadproof decided leads",
                labels), labels);
        for (int row = 0; row < x.length; row++) {
            Example<Label> example = new ArrayExample<>(won[row] ? WON : NOT_WON, names, x[row]);
            dataset.add(example);
        }
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), options.epochs(),
                -1, 1, options.seed());
        return trainer.train(dataset);
    }

    /**
     * Two-class softmax is the logistic of the difference of the class scores, so the plain form keeps
     * w(WON) − w(NOT_WON) per feature; the bias is the column after the last feature.
     */
    static double weightsOf(LinearSGDModel model, String[] names, double[] weights) {
        DenseMatrix w = model.getWeightsCopy();
        int yes = model.getOutputIDInfo().getID(WON);
        int no = model.getOutputIDInfo().getID(NOT_WON);
        for (int i = 0; i < names.length; i++) {
            var info = model.getFeatureIDMap().get(names[i]);
            weights[i] = info == null ? 0 : w.get(yes, info.getID()) - w.get(no, info.getID());
        }
        int bias = model.getFeatureIDMap().size();
        return w.get(yes, bias) - w.get(no, bias);
    }

    private static int classes(List<ReferenceLead> leads) {
        return (int) leads.stream().map(l -> l.outcome().isWon()).distinct().count();
    }

    private static RawFeatures raw(ReferenceLead lead, PredictiveOptions options) {
        return RawFeatures.of(lead, options.includeFirstCallSignals(), options.firstCallWindow());
    }

    private static double quantile(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
    }
}
