package health.ordo.adapter.intake;

import health.ordo.application.port.out.intake.DocumentModelPort;
import health.ordo.domain.intake.DocumentType;
import health.ordo.domain.intake.LabelledText;
import jakarta.inject.Singleton;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Apache OpenNLP's document categorizer (maximum entropy over words and word pairs). Text is lower-cased and numbers
 * become one token, so that the model learns the wording of a kind of letter, not its claim numbers or amounts.
 *
 * <p>A maximum-entropy model trained for a fixed number of iterations spreads its probability too thinly: a document it
 * classifies right nine times out of ten may get 0.45. Its probabilities are therefore calibrated by temperature scaling
 * (Guo et al., 2017): the temperature that minimises the log-loss of out-of-fold predictions (five-fold cross-validation
 * over the training examples) is stored with the model, and every answer's probabilities are sharpened or softened by it.
 * A model's bytes are {@code "ordo-doccat/1"}, the temperature, then OpenNLP's own model.
 */
@Singleton
public final class OpenNlpDocumentModel implements DocumentModelPort {

    private static final int ITERATIONS = 150;
    private static final int CUTOFF = 2;
    /** Parsed models by the digest of their bytes, least recently used dropped first. */
    private final Map<String, Calibrated> parsed = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Calibrated> eldest) {
            return size() > 16;
        }
    });

    private static final String FORMAT = "ordo-doccat/1";
    private static final int FOLDS = 5;

    @Override
    public byte[] train(List<LabelledText> examples) {
        List<DocumentSample> samples = new ArrayList<>(examples.size());
        for (LabelledText example : examples) {
            String[] tokens = tokens(example.text());
            if (tokens.length > 0) {
                samples.add(new DocumentSample(example.type().name(), tokens));
            }
        }
        double temperature = temperature(samples);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            DataOutputStream data = new DataOutputStream(out);
            data.writeUTF(FORMAT);
            data.writeDouble(temperature);
            fit(samples).serialize(data);
            data.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the document categorizer", e);
        }
    }

    /** The temperature minimising the log-loss of out-of-fold predictions; 1 when there are too few examples to fold. */
    private static double temperature(List<DocumentSample> samples) {
        if (samples.size() < FOLDS * 10) {
            return 1.0;
        }
        List<double[]> probabilities = new ArrayList<>();
        List<Integer> truths = new ArrayList<>();
        for (int fold = 0; fold < FOLDS; fold++) {
            List<DocumentSample> train = new ArrayList<>();
            List<DocumentSample> test = new ArrayList<>();
            for (int i = 0; i < samples.size(); i++) {
                (i % FOLDS == fold ? test : train).add(samples.get(i));
            }
            DocumentCategorizerME categorizer = new DocumentCategorizerME(fit(train));
            for (DocumentSample sample : test) {
                int truth = categorizer.getIndex(sample.getCategory());
                if (truth >= 0) {
                    probabilities.add(categorizer.categorize(sample.getText()));
                    truths.add(truth);
                }
            }
        }
        double best = 1.0;
        double bestLoss = Double.MAX_VALUE;
        for (double t = 0.05; t <= 3.0; t *= 1.05) {
            double loss = 0;
            for (int i = 0; i < probabilities.size(); i++) {
                loss -= Math.log(Math.max(1e-12, scaled(probabilities.get(i), t)[truths.get(i)]));
            }
            if (loss < bestLoss) {
                bestLoss = loss;
                best = t;
            }
        }
        return best;
    }

    /** The probabilities at temperature t: p^(1/t), renormalised (a softmax of the model's scores divided by t). */
    static double[] scaled(double[] p, double t) {
        double[] out = new double[p.length];
        double max = 0;
        for (double v : p) {
            max = Math.max(max, Math.log(Math.max(v, 1e-300)));
        }
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            out[i] = Math.exp((Math.log(Math.max(p[i], 1e-300)) - max) / t);
            sum += out[i];
        }
        for (int i = 0; i < p.length; i++) {
            out[i] /= sum;
        }
        return out;
    }

    private static DoccatModel fit(List<DocumentSample> samples) {
        TrainingParameters parameters = TrainingParameters.defaultParams();
        parameters.put(TrainingParameters.ITERATIONS_PARAM, ITERATIONS);
        parameters.put(TrainingParameters.CUTOFF_PARAM, CUTOFF);
        parameters.put(TrainingParameters.THREADS_PARAM, 1);
        try {
            DoccatFactory factory = new DoccatFactory(new FeatureGenerator[] {new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator(2, 2)});
            return DocumentCategorizerME.train("en", ObjectStreamUtils.createObjectStream(samples), parameters, factory);
        } catch (IOException e) {
            throw new UncheckedIOException("training the document categorizer", e);
        }
    }

    /** A stored model: its temperature and OpenNLP's model. */
    private record Calibrated(double temperature, DoccatModel model) {
    }

    @Override
    public Map<DocumentType, Double> classify(byte[] model, String text) {
        Calibrated calibrated = parsed.computeIfAbsent(digest(model), key -> parse(model));
        DocumentCategorizerME categorizer = new DocumentCategorizerME(calibrated.model());
        double[] outcome = scaled(categorizer.categorize(tokens(text)), calibrated.temperature());
        Map<DocumentType, Double> probabilities = new EnumMap<>(DocumentType.class);
        for (DocumentType type : DocumentType.values()) {
            probabilities.put(type, 0.0);
        }
        for (int i = 0; i < outcome.length; i++) {
            int index = i;
            DocumentType.parse(categorizer.getCategory(i)).ifPresent(type -> probabilities.put(type, outcome[index]));
        }
        return probabilities;
    }

    /** Lower-cased words of two or more letters; every number is the token {@code <n>}. */
    static String[] tokens(String text) {
        List<String> tokens = new ArrayList<>();
        for (String raw : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (raw.isEmpty()) {
                continue;
            }
            if (raw.chars().anyMatch(Character::isDigit)) {
                tokens.add("<n>");
            } else if (raw.length() >= 2) {
                tokens.add(raw);
            }
        }
        return tokens.toArray(String[]::new);
    }

    private static Calibrated parse(byte[] model) {
        try {
            DataInputStream data = new DataInputStream(new ByteArrayInputStream(model));
            String format = data.readUTF();
            if (!FORMAT.equals(format)) {
                throw new IOException("unknown model format " + format);
            }
            double temperature = data.readDouble();
            return new Calibrated(temperature, new DoccatModel(data));
        } catch (IOException e) {
            throw new UncheckedIOException("reading a document categorizer model", e);
        }
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }
}
