package health.ordo.adapter.persistence.intake;

import health.ordo.domain.intake.DocumentType;
import health.ordo.domain.intake.ExtractedField;
import health.ordo.domain.intake.ModelEvaluation;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The jsonb forms of intake's structures: probabilities, fields read, a model's held-out figures, per-type thresholds. */
@Singleton
class IntakeJson {

    private final JsonMapper json;

    IntakeJson(JsonMapper json) {
        this.json = json;
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Object read(String text) {
        try {
            return json.readValue(text, Argument.OBJECT_ARGUMENT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String probabilities(Map<DocumentType, Double> probabilities) {
        Map<String, Double> out = new LinkedHashMap<>();
        probabilities.forEach((type, p) -> out.put(type.name(), p));
        return write(out);
    }

    Map<DocumentType, Double> probabilities(String text) {
        Map<DocumentType, Double> out = new EnumMap<>(DocumentType.class);
        if (text != null) {
            ((Map<?, ?>) read(text)).forEach((k, v) -> DocumentType.parse(k.toString()).ifPresent(t -> out.put(t, ((Number) v).doubleValue())));
        }
        return out;
    }

    String fields(List<ExtractedField> fields) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ExtractedField f : fields) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("field", f.field().key());
            m.put("value", f.value());
            m.put("confidence", f.confidence());
            m.put("valid", f.valid());
            m.put("evidence", f.evidence());
            m.put("problem", f.problem());
            out.add(m);
        }
        return write(out);
    }

    List<ExtractedField> fields(String text) {
        List<ExtractedField> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (Object o : (List<?>) read(text)) {
            Map<?, ?> m = (Map<?, ?>) o;
            DocumentType.Field.byKey(String.valueOf(m.get("field"))).ifPresent(field -> out.add(new ExtractedField(field,
                    String.valueOf(m.get("value")), ((Number) m.get("confidence")).doubleValue(), Boolean.TRUE.equals(m.get("valid")),
                    m.get("evidence") == null ? null : m.get("evidence").toString(), m.get("problem") == null ? null : m.get("problem").toString())));
        }
        return out;
    }

    String evaluation(ModelEvaluation e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("documents", e.documents());
        out.put("accuracy", e.accuracy());
        out.put("macroF1", e.macroF1());
        out.put("expectedCalibrationError", e.expectedCalibrationError());
        Map<String, Object> perType = new LinkedHashMap<>();
        e.perType().forEach((type, s) -> perType.put(type.name(), List.of(s.support(), s.precision(), s.recall(), s.f1())));
        out.put("perType", perType);
        Map<String, Object> confusion = new LinkedHashMap<>();
        e.confusion().forEach((truth, row) -> {
            Map<String, Integer> r = new LinkedHashMap<>();
            row.forEach((predicted, n) -> r.put(predicted.name(), n));
            confusion.put(truth.name(), r);
        });
        out.put("confusion", confusion);
        List<Object> bins = new ArrayList<>();
        e.calibration().forEach(b -> bins.add(List.of(b.from(), b.to(), b.count(), b.meanConfidence(), b.accuracy())));
        out.put("calibration", bins);
        return write(out);
    }

    ModelEvaluation evaluation(String text) {
        Map<?, ?> m = (Map<?, ?>) read(text);
        Map<DocumentType, ModelEvaluation.TypeScore> perType = new EnumMap<>(DocumentType.class);
        ((Map<?, ?>) m.get("perType")).forEach((k, v) -> {
            List<?> s = (List<?>) v;
            DocumentType.parse(k.toString()).ifPresent(t -> perType.put(t, new ModelEvaluation.TypeScore(num(s.get(0)).intValue(),
                    num(s.get(1)).doubleValue(), num(s.get(2)).doubleValue(), num(s.get(3)).doubleValue())));
        });
        Map<DocumentType, Map<DocumentType, Integer>> confusion = new EnumMap<>(DocumentType.class);
        ((Map<?, ?>) m.get("confusion")).forEach((k, v) -> DocumentType.parse(k.toString()).ifPresent(truth -> {
            Map<DocumentType, Integer> row = new EnumMap<>(DocumentType.class);
            ((Map<?, ?>) v).forEach((p, n) -> DocumentType.parse(p.toString()).ifPresent(pt -> row.put(pt, num(n).intValue())));
            confusion.put(truth, row);
        }));
        List<ModelEvaluation.CalibrationBin> bins = new ArrayList<>();
        for (Object o : (List<?>) m.get("calibration")) {
            List<?> b = (List<?>) o;
            bins.add(new ModelEvaluation.CalibrationBin(num(b.get(0)).doubleValue(), num(b.get(1)).doubleValue(), num(b.get(2)).intValue(),
                    num(b.get(3)).doubleValue(), num(b.get(4)).doubleValue()));
        }
        return new ModelEvaluation(num(m.get("documents")).intValue(), num(m.get("accuracy")).doubleValue(), num(m.get("macroF1")).doubleValue(),
                perType, confusion, bins, num(m.get("expectedCalibrationError")).doubleValue());
    }

    String thresholds(Map<DocumentType, Double> thresholds) {
        return probabilities(thresholds);
    }

    Map<DocumentType, Double> thresholds(String text) {
        return probabilities(text);
    }

    private static Number num(Object o) {
        return (Number) o;
    }
}
